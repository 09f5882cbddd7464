"""Row versions: a version counter and who saved last, on judges, cases and hearings

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 14:00:00

Existing rows start at version 1, saved by nobody in particular ('').
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TABLES = ("judges", "cases", "hearings")


def upgrade() -> None:
    # SQLite adds a column with a constant default in place: no table is copied, and nothing
    # that refers to these tables is touched.
    for table in _TABLES:
        op.add_column(
            table, sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)
        )
        op.add_column(
            table,
            sa.Column("changed_by", sa.String(length=100), server_default="", nullable=False),
        )


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("changed_by")
            batch_op.drop_column("version")
