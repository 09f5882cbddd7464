"""Every table of the schema is covered on the court server (issue 16): its changes reach the
open windows (the change-notice trigger) and who may change it is the server's rule
(``court_access``: row-level security and the guard, or read-only to every court role), unless
it is listed here as exempt, with the reason. A table added without either fails here."""

import pytest
from sqlalchemy import text

from planner.store import court_access
from planner.store.sessions import Sessions
from planner.store.tables import Base

#: Tables without change notices, and why.
NO_NOTICES = {
    "court_users": "who acts for whom: read at each statement by the server, shown by no window",
    "court_assignments": "who acts for whom: read at each statement by the server, shown by no "
    "window",
    "checkout_copies": court_access.EXEMPT["checkout_copies"],
    "alembic_version": "the schema's revision: changed only by an upgrade, which every "
    "window refuses to outlive (a newer schema is not opened)",
}


@pytest.fixture
def installed(postgres_url: str) -> Sessions:
    sessions = Sessions.on_server(postgres_url)
    sessions.upgrade_schema()
    court_access.install(sessions.engine, "clerk_admin")
    return sessions


def _all_tables() -> set[str]:
    return {*Base.metadata.tables, "alembic_version"}


def test_every_table_sends_change_notices_or_is_exempt(installed: Sessions) -> None:
    with installed.engine.connect() as connection:
        noticed = set(
            connection.execute(
                text(
                    "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    "WHERE t.tgname = 'planner_change_notice'"
                )
            ).scalars()
        )
    installed.close()
    missing = _all_tables() - noticed - NO_NOTICES.keys()
    assert not missing, f"tables whose changes reach no window: {sorted(missing)}"
    assert not noticed & NO_NOTICES.keys()  # an exemption that is no longer one


def test_every_table_is_guarded_read_only_or_exempt(installed: Sessions) -> None:
    with installed.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT c.relname, c.relrowsecurity, "
                "EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = c.oid "
                "        AND t.tgname = 'planner_guard'), "
                "has_table_privilege('planner_judge', c.oid, 'SELECT'), "
                "has_table_privilege('planner_judge', c.oid, 'INSERT, UPDATE, DELETE'), "
                "has_table_privilege('planner_admin', c.oid, 'INSERT, UPDATE, DELETE') "
                "FROM pg_class c WHERE c.relkind = 'r' "
                "AND c.relnamespace = current_schema()::regnamespace"
            )
        ).all()
    installed.close()
    found = {row[0]: tuple(row[1:]) for row in rows}
    assert _all_tables() <= found.keys()
    guarded = {name for name, state in found.items() if state == (True, True, True, True, False)}
    read_only = {name for name, (_, _, reads, writes, _) in found.items() if reads and not writes}
    closed = {name for name, (_, _, reads, writes, _) in found.items() if not reads and not writes}
    uncovered = _all_tables() - guarded - read_only - (closed & court_access.EXEMPT.keys())
    assert not uncovered, f"tables the court's roles may change unchecked: {sorted(uncovered)}"
    assert {"judges", "cases", "hearings", "notices", "checkouts"} <= guarded
    assert {"courts", "court_closures", "court_users"} <= read_only
