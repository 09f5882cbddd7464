"""Change notices: every write to the docket's tables tells the listening windows (PostgreSQL)

Revision ID: 0004_change_notices
Revises: 0003
Create Date: 2026-12-06 04:50:00

An open window shows another user's change within two seconds (issue 16). On PostgreSQL the
window LISTENs on the channel ``planner_changes`` (``planner.store.watch.ServerChanges``); here
each table that holds docket data gets a trigger that ``pg_notify``s that channel once per
statement (``FOR EACH STATEMENT``: a docket of 5,000 cases stored in one ``INSERT`` is one
notice, not 5,000), with the table's name as the payload, followed by a space and the writer's
``application_name`` (so a window can tell its own writes from others'). PostgreSQL delivers a
notification only when the transaction commits, never for one rolled back, and sends identical
payloads of one transaction once: a user action that writes the same table many times is one
notice per table.

The payload names the table, not the judge: a statement-level trigger sees no rows, and a
row-level one would send (and the server queue) one notice per case for a whole docket.

SQLite needs nothing: the window notices another connection's commit with
``PRAGMA data_version`` (``planner.store.watch.ChangeCounter``).
"""

from alembic import op

revision = "0004_change_notices"
down_revision = "0003"
branch_labels = None
depends_on = None

#: Every table whose rows a window shows (``planner/store/tables.py``), not ``alembic_version``.
TABLES = (
    "judges",
    "template_sessions",
    "case_kind_minutes",
    "hearing_kind_minutes",
    "counted_completions",
    "closures",
    "leave",
    "cases",
    "hearings",
)

CHANNEL = "planner_changes"
_FUNCTION = "planner_notify_change"
_TRIGGER = "planner_change_notice"


def _postgresql() -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")


def upgrade() -> None:
    if not _postgresql():
        return  # SQLite: PRAGMA data_version tells a reader of another connection's commit
    op.execute(
        f"""
        CREATE FUNCTION {_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify(
                '{CHANNEL}',
                TG_TABLE_NAME || ' ' || coalesce(current_setting('application_name', true), '')
            );
            RETURN NULL;
        END
        $$
        """
    )
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER {_TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION {_FUNCTION}()'
        )


def downgrade() -> None:
    if not _postgresql():
        return
    for table in TABLES:
        op.execute(f'DROP TRIGGER IF EXISTS {_TRIGGER} ON "{table}"')
    op.execute(f"DROP FUNCTION IF EXISTS {_FUNCTION}()")
