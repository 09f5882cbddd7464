"""Revision 0006_notice_keys: the notices a file holds from before get an identity each, and
their hearing's (the hearing's own uid; one new identity shared by the notices of a hearing
that is gone), so that check-out and check-in carry them (issue 17)."""

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from planner.store import migrate

#: Constant SQL in a test, on a file made at the revision before: the Planner's code builds none.
_ROWS = [
    "INSERT INTO judges (id, name, court, timezone, quota, fy_start_month, fy_start_day, "
    "at_risk_slack_pct, uid) VALUES (1, 'Ana Ruiz', '', 'UTC', 500, 10, 1, 10.0, 'judge-uid')",
    "INSERT INTO cases (id, judge_id, a_number, name, kind, detained, juvenile, language, "
    "represented, received, status, uid) VALUES (1, 1, '200000000', 'P', 'asylum', 0, 0, "
    "'English', 0, '2025-01-01', 'pending', 'case-uid')",
    "INSERT INTO hearings (id, case_id, start, minutes, kind, status, uid) VALUES "
    "(5, 1, '2027-01-04 09:00:00', 60, 'master', 'scheduled', 'hearing-uid')",
]
_NOTICE = (
    "INSERT INTO notices (id, case_id, hearing_id, event, start, minutes, kind, judge, served) "
    "VALUES ({id}, 1, {hearing}, 'set', '2027-01-04 09:00:00', 60, 'master', 'Ana Ruiz', "
    "'2026-12-01')"
)


def test_existing_notices_get_their_identity_and_their_hearings(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'docket.sqlite'}")
    try:
        command.upgrade(migrate._config(engine), "0005_continuances")
        with engine.begin() as connection:
            for statement in _ROWS:
                connection.execute(text(statement))
            # Notice 1 of hearing 5 (stored); notices 2 and 3 of hearing 7, gone already.
            for notice_id, hearing in ((1, 5), (2, 7), (3, 7)):
                connection.execute(text(_NOTICE.format(id=notice_id, hearing=hearing)))

        migrate.upgrade(engine)

        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT id, uid, hearing_uid FROM notices ORDER BY id")
            ).all()
    finally:
        engine.dispose()
    (_, uid1, hearing1), (_, uid2, hearing2), (_, uid3, hearing3) = rows
    assert len({uid1, uid2, uid3}) == 3
    assert None not in (uid1, uid2, uid3)
    assert hearing1 == "hearing-uid"
    assert hearing2 == hearing3
    assert hearing2 not in (None, "hearing-uid")
