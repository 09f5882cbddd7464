"""Court access: which login has which role on a court server, and which judges it acts for

Revision ID: 0004_court_access
Revises: 0003
Create Date: 2026-12-06 05:00:00

Two tables, made on both engines so that one schema serves both (SQLite ignores them: a file's
access is its owner's). On a court server (PostgreSQL) ``planner court init`` adds what reads
them: the group roles, the grants, the row-level security policies and the guard triggers
(``planner/store/court_access.py``). Those are not made here: roles belong to the whole server,
not to one database, and creating them needs a right (CREATEROLE) that whoever migrates a
database need not have.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_court_access"
down_revision = "0004_change_notices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "court_users",
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("login", name=op.f("pk_court_users")),
    )
    op.create_table(
        "court_assignments",
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["login"],
            ["court_users.login"],
            name=op.f("fk_court_assignments_login_court_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["judge_id"],
            ["judges.id"],
            name=op.f("fk_court_assignments_judge_id_judges"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("login", "judge_id", name=op.f("pk_court_assignments")),
    )
    op.create_index(
        op.f("ix_court_assignments_judge_id"), "court_assignments", ["judge_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_court_assignments_judge_id"), table_name="court_assignments")
    op.drop_table("court_assignments")
    op.drop_table("court_users")
