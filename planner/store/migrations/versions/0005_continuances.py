"""Continuances: an adjourned hearing's reason in the vocabulary and who asked for it

Revision ID: 0005_continuances
Revises: 0004_rule_sets
Create Date: 2026-12-06 06:00:00

Existing adjourned hearings keep their reason in words and get neither (NULL: not recorded).
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_continuances"
down_revision = "0005_server_coverage"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite adds a nullable column in place: no table is copied.
    op.add_column("hearings", sa.Column("adjournment_cause", sa.String(length=16), nullable=True))
    op.add_column("hearings", sa.Column("adjourned_by", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("hearings", schema=None) as batch_op:
        batch_op.drop_column("adjourned_by")
        batch_op.drop_column("adjournment_cause")
