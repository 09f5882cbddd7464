"""Sync keys: a global identity and the time of the last save on judges, cases and hearings;
the server's record of check-outs and check-ins and the laptop's copy of what it checked out
(issue 17)

Revision ID: 0004_sync_keys
Revises: 0003
Create Date: 2026-12-06 05:00:00

A docket checked out to a laptop gains rows there while the court server gains others; their
integer ids would collide when the laptop checks in. Each row therefore gets ``uid``, a random
UUID given where the row is made, by which the check-in matches rows. Existing rows get one here.
``changed_at`` (UTC, unknown for rows saved before this revision) says when each side changed a
row that collides. Closures and leave are matched by what they are (a closure's day; a leave's
span and kind), since the profile dialog saves them whole: they need no identity.

Both steps add columns and indexes in place, on SQLite as on PostgreSQL: no table is copied.
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0004_sync_keys"
down_revision = "0004_name_search"
branch_labels = None
depends_on = None

_TABLES = ("judges", "cases", "hearings")


def upgrade() -> None:
    bind = op.get_bind()
    for table in _TABLES:
        op.add_column(table, sa.Column("uid", sa.String(length=36), nullable=True))
        op.add_column(table, sa.Column("changed_at", sa.DateTime(), nullable=True))
        op.create_index(f"ix_{table}_uid", table, ["uid"], unique=True)
        rows = sa.table(table, sa.column("id", sa.Integer()), sa.column("uid", sa.String()))
        ids = bind.execute(sa.select(rows.c.id)).scalars().all()
        if ids:
            bind.execute(
                sa.update(rows).where(rows.c.id == sa.bindparam("row_id")),
                [{"row_id": row_id, "uid": str(uuid.uuid4())} for row_id in ids],
            )
    op.create_table(
        "checkouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=36), nullable=False),
        sa.Column("checked_out_by", sa.String(length=100), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=False),
        sa.Column("copy", sa.String(length=1000), nullable=False),
        sa.ForeignKeyConstraint(
            ["judge_id"],
            ["judges.id"],
            name=op.f("fk_checkouts_judge_id_judges"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkouts")),
        sa.UniqueConstraint("token", name=op.f("uq_checkouts_token")),
    )
    op.create_index(op.f("ix_checkouts_judge_id"), "checkouts", ["judge_id"], unique=False)
    op.create_table(
        "checkin_receipts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["judge_id"],
            ["judges.id"],
            name=op.f("fk_checkin_receipts_judge_id_judges"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin_receipts")),
    )
    op.create_index(
        op.f("ix_checkin_receipts_judge_id"), "checkin_receipts", ["judge_id"], unique=False
    )
    op.create_table(
        "checkout_copies",
        sa.Column("judge_uid", sa.String(length=36), nullable=False),
        sa.Column("token", sa.String(length=36), nullable=False),
        sa.Column("server", sa.String(length=1000), nullable=False),
        sa.Column("checked_out_by", sa.String(length=100), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=False),
        sa.Column("base", sa.Text(), nullable=False),
        sa.Column("pending", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("judge_uid", name=op.f("pk_checkout_copies")),
    )


def downgrade() -> None:
    op.drop_table("checkout_copies")
    op.drop_index(op.f("ix_checkin_receipts_judge_id"), table_name="checkin_receipts")
    op.drop_table("checkin_receipts")
    op.drop_index(op.f("ix_checkouts_judge_id"), table_name="checkouts")
    op.drop_table("checkouts")
    for table in _TABLES:
        op.drop_index(f"ix_{table}_uid", table_name=table)
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("changed_at")
            batch_op.drop_column("uid")
