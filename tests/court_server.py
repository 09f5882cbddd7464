"""A court server's dockets for the tests of ``planner court`` and of windows on a court server:
Judge Ortiz's and Judge Baker's, added by the server's owner as judges are, and the URL by
which another login connects."""

from datetime import date, datetime, timedelta

from sqlalchemy import make_url

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.vocabulary import HearingKind
from planner.store.sessions import Sessions

#: Each judge's one case.
JUDGES = (("Ortiz", "123456789"), ("Baker", "987654321"))


def add_ortiz_and_baker(owner_url: str) -> None:
    """Add Judge Ortiz's and Judge Baker's dockets, one asylum case each, as the owner at
    ``owner_url`` (of a database set up by ``planner court init``)."""
    owner = Sessions.on_server(owner_url)
    try:
        with owner.transaction("owner") as repo:
            for name, a_number in JUDGES:
                judge = Judge(name, court="Los Angeles", timezone="America/Los_Angeles", quota=650)
                case = Case(a_number, "Ana Pérez", "asylum", date(2025, 1, 2))
                repo.add_docket(Docket(judge, cases=(case,)))
    finally:
        owner.close()


def as_login(url: str, login: str) -> str:
    """``url`` with ``login`` as its user."""
    return make_url(url).set(username=login).render_as_string(hide_password=False)


def add_hearings(owner_url: str, start: datetime, judges: tuple[str, ...]) -> dict[str, int]:
    """A one-hour master hearing of each named judge's one case at ``start``, added by the owner;
    each judge's hearing id."""
    owner = Sessions.on_server(owner_url)
    found: dict[str, int] = {}
    try:
        with owner.transaction("owner") as repo:
            for name, a_number in JUDGES:
                judge = repo.judge_named(name)
                if name in judges and judge is not None and judge.id is not None:
                    repo.add_hearings(judge.id, [Hearing(a_number, start, 60, HearingKind.MASTER)])
        with owner.transaction("owner") as repo:
            for name in judges:
                judge = repo.judge_named(name)
                assert judge is not None
                assert judge.id is not None
                (entry,) = repo.hearings_between(judge.id, start, start + timedelta(hours=1))
                found[name] = entry.id
    finally:
        owner.close()
    return found


def hearings_of_the_day(court: str, day: date) -> dict[str, list[str]]:
    """Each judge's hearings on ``day`` ("HH:MM A-number"), as the server's owner reads them
    through Court Day."""
    from planner.services import court_day
    from planner.store.database import Database

    owner = Database.open(court)
    try:
        board = court_day.court_day(owner, day)
        return {
            c.name: [f"{r.time} {r.a_number}" for s in c.day.sessions for r in s.rows]
            for c in board.columns
        }
    finally:
        owner.close()
