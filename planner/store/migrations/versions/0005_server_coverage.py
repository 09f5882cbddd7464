"""Change notices on the tables added since 0004_change_notices (PostgreSQL)

Revision ID: 0005_server_coverage
Revises: 0004_rule_sets
Create Date: 2026-12-06 06:10:00

``0004_change_notices`` gave the nine original docket tables a trigger that notifies the
listening windows on commit. The tables added beside it hold what a window shows too: a
hearing's notices, a court's settings and closures, and a docket's check-outs and check-ins.
The same statement-level trigger on each (the function is 0004_change_notices's). The laptop's
``checkout_copies`` is never on a server's window (``court_access.EXEMPT``). SQLite needs
nothing.
"""

from alembic import op

revision = "0005_server_coverage"
down_revision = "0005_master_calls"
branch_labels = None
depends_on = None

TABLES = ("notices", "courts", "court_closures", "checkouts", "checkin_receipts")

_FUNCTION = "planner_notify_change"
_TRIGGER = "planner_change_notice"


def _postgresql() -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")


def upgrade() -> None:
    if not _postgresql():
        return
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
