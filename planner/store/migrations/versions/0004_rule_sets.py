"""Rule sets: the judge's choice of rule set and settings of its age targets

Revision ID: 0004_rule_sets
Revises: 0003
Create Date: 2026-12-06 05:00:00

Existing judges get no choice (NULL: the rule set in force on each fiscal year's first day)
and no target settings (NULL: the rule set's own figures).
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_rule_sets"
down_revision = "0004_sync_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite adds a nullable column in place: no table is copied.
    op.add_column("judges", sa.Column("rule_set", sa.String(length=16), nullable=True))
    op.add_column("judges", sa.Column("age_targets", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("judges", schema=None) as batch_op:
        batch_op.drop_column("age_targets")
        batch_op.drop_column("rule_set")
