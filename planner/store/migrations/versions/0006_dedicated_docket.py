"""The Dedicated Docket: a case flag, for its 300-day clock from the first master hearing

Revision ID: 0006_dedicated_docket
Revises: 0006_notice_keys
Create Date: 2026-12-06 08:10:00

Existing cases are not on the Dedicated Docket (the column's default).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_dedicated_docket"
down_revision = "0006_notice_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite adds a column with a constant default in place: no table is copied.
    op.add_column(
        "cases",
        sa.Column("dedicated_docket", sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("dedicated_docket")
