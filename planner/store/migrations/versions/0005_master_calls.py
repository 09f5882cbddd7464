"""Master calendars: a weekly session's limit of cases and its call times

Revision ID: 0005_master_calls
Revises: 0004_rule_sets
Create Date: 2026-12-06 06:00:00

Existing sessions are not master calendars (NULL limit, NULL call times): their hearings keep
their slots and capacity counts their minutes as before.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_master_calls"
down_revision = "0004_hearing_medium"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite adds a nullable column in place: no table is copied.
    op.add_column("template_sessions", sa.Column("case_limit", sa.Integer(), nullable=True))
    op.add_column("template_sessions", sa.Column("call_times", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("template_sessions", schema=None) as batch_op:
        batch_op.drop_column("call_times")
        batch_op.drop_column("case_limit")
