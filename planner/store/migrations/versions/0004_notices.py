"""Notices served, the courts' settings (address, notice period) and court-wide closures

Revision ID: 0004_notices
Revises: 0003
Create Date: 2026-12-06 05:00:00

Three new tables; nothing existing is touched. ``notices`` keeps each notice served on a
respondent and counsel (issue 19): a hearing whose start or judge differs from its latest notice
needs another, and a hearing taken off after its notice needs a notice that it is cancelled.
``courts`` holds a court's address and notice period (10 days when it has no row);
``court_closures`` the days a whole court is closed, entered once for every judge of the court.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_notices"
down_revision = "0004_court_access"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("hearing_id", sa.Integer(), nullable=False),
        sa.Column("event", sa.String(length=16), nullable=False),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("judge", sa.String(length=200), nullable=False),
        sa.Column("served", sa.Date(), nullable=False),
        sa.Column("changed_by", sa.String(length=100), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_notices_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_notices_case_id"), "notices", ["case_id"], unique=False)
    op.create_index(op.f("ix_notices_hearing_id"), "notices", ["hearing_id"], unique=False)
    op.create_table(
        "courts",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("notice_days", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_courts")),
    )
    op.create_table(
        "court_closures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("court", sa.String(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_court_closures")),
        sa.UniqueConstraint("court", "day", name=op.f("uq_court_closures_court")),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("court_closures")
    op.drop_table("courts")
    op.drop_index(op.f("ix_notices_hearing_id"), table_name="notices")
    op.drop_index(op.f("ix_notices_case_id"), table_name="notices")
    op.drop_table("notices")
