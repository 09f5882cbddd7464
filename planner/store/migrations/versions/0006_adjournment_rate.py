"""Adjournment rate: the judge's setting of the adjournment rate the forecast assumes, and the
recorded outcomes it waits for before using the observed rate instead

Revision ID: 0006_adjournment_rate
Revises: 0005_continuances
Create Date: 2026-12-06 08:30:00

Existing judges get neither (NULL: the defaults, 0% until 20 outcomes are recorded), so every
forecast of theirs stays as it was until outcomes are recorded.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_adjournment_rate"
down_revision = "0005_continuances"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite adds a nullable column in place: no table is copied.
    op.add_column("judges", sa.Column("adjournment_rate_pct", sa.Float(), nullable=True))
    op.add_column("judges", sa.Column("adjournment_history", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("judges", schema=None) as batch_op:
        batch_op.drop_column("adjournment_history")
        batch_op.drop_column("adjournment_rate_pct")
