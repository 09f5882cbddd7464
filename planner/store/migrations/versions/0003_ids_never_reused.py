"""Ids never reused: AUTOINCREMENT on judges, cases, hearings, leave and closures

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 02:10:00

Without AUTOINCREMENT, SQLite gives a new row the highest id in use plus one, so after the rows
with the highest ids are deleted (a judge removed, a docket replaced by ``planner import
--replace``) their ids are handed out again, and an edit opened on a removed row could be saved
over the different row that now has its id. With AUTOINCREMENT, SQLite remembers the highest id
ever given (``sqlite_sequence``) and never gives an id again. SQLite adds it only by copying the
table: the rows keep their ids, and the sequence starts at the highest one copied.

PostgreSQL needs nothing: its ``SERIAL`` ids come from a sequence, which never goes back.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TABLES = ("judges", "cases", "hearings", "leave", "closures")


def _sqlite() -> bool:
    return bool(op.get_bind().dialect.name == "sqlite")


def upgrade() -> None:
    if not _sqlite():
        return  # a sequence already gives each id once
    # Foreign keys are off while migrating (env.py): copying ``judges`` does not cascade.
    for table in _TABLES:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": True}
        ):
            pass


def downgrade() -> None:
    if not _sqlite():
        return
    for table in _TABLES:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": False}
        ):
            pass
