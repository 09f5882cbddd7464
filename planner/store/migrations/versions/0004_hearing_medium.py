"""Hearing medium: in person, by video or by telephone, on each hearing

Revision ID: 0004_hearing_medium
Revises: 0003
Create Date: 2026-12-06 05:30:00

Existing hearings are in person (the column's default). A request to appear remotely is due 15
days ahead (planner.domain.vocabulary.REMOTE_REQUEST_DAYS): the medium is what it is counted from.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_hearing_medium"
down_revision = "0004_rule_sets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite adds a column with a constant default in place: no table is copied.
    op.add_column(
        "hearings",
        sa.Column("medium", sa.String(length=16), server_default="in_person", nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("hearings", schema=None) as batch_op:
        batch_op.drop_column("medium")
