"""A small court for the scheduling tests: a template with every kind of session, November 2024;
and the court of three judges (Ruiz, Cole, Diaz) of the court-wide tests."""

from collections.abc import Sequence
from datetime import date, datetime, time

from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge, Session
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import HearingKind, LeaveKind, SessionKind
from planner.store.database import Database

K = SessionKind
AM, PM = (time(8, 30), time(12, 0)), (time(13, 0), time(16, 30))

#: Mon master/individual, Tue detained master/detained individual, Wed bond/juvenile,
#: Thu master/individual, Fri administrative/individual; no weekend sessions.
TEMPLATE = (
    Session(0, *AM, K.MASTER),
    Session(0, *PM, K.INDIVIDUAL),
    Session(1, *AM, K.DETAINED_MASTER),
    Session(1, *PM, K.DETAINED_INDIVIDUAL),
    Session(2, *AM, K.BOND),
    Session(2, *PM, K.JUVENILE),
    Session(3, *AM, K.MASTER),
    Session(3, *PM, K.INDIVIDUAL),
    Session(4, *AM, K.ADMINISTRATIVE),
    Session(4, *PM, K.INDIVIDUAL),
)

JUDGE = Judge("Ana Ruiz", court="Los Angeles", timezone="America/Los_Angeles", sessions=TEMPLATE)
FIRST, LAST = date(2024, 11, 1), date(2024, 11, 30)
VETERANS_DAY = date(2024, 11, 11)  # a Monday
THANKSGIVING = date(2024, 11, 28)
CLOSED = date(2024, 11, 26)  # a Tuesday
CLOSURES = (Closure(CLOSED, "Building maintenance"),)
LEAVE = (
    Leave(datetime(2024, 11, 18, 13, 0), datetime(2024, 11, 18, 17, 0), LeaveKind.SICK),  # Mon pm
    Leave.days(date(2024, 11, 21), date(2024, 11, 21)),  # all Thursday
)


def calendar(judge: Judge = JUDGE) -> CourtCalendar:
    return CourtCalendar(judge, CLOSURES, LEAVE, FIRST, LAST)


def case(
    a_number: str = "123456789",
    *,
    detained: bool = False,
    juvenile: bool = False,
    nta_served: date | None = None,
) -> Case:
    return Case(
        a_number,
        "Rosa Díaz",
        "asylum",
        date(2024, 6, 1),
        detained=detained,
        juvenile=juvenile,
        nta_served=nta_served,
    )


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 11, day, hour, minute)


def hearing(
    start: datetime,
    minutes: int = 15,
    kind: HearingKind = HearingKind.MASTER,
    a_number: str = "123456789",
    id: int | None = None,
    **fields: object,
) -> Hearing:
    return Hearing(a_number, start, minutes, kind, id=id, **fields)  # type: ignore[arg-type]


#: Ruiz's (``JUDGE``'s) colleagues in Los Angeles, with the same weekly template.
COLE = Judge("Ben Cole", court="Los Angeles", timezone="America/Los_Angeles", sessions=TEMPLATE)
DIAZ = Judge("Cy Diaz", court="Los Angeles", timezone="America/Los_Angeles", sessions=TEMPLATE)
#: Cole's one case, heard on Thu 7 Nov 2024 at 09:00 (with ``cole_busy``).
COLE_CASE = "200000001"


def add_court_of_three(
    database: Database,
    ruiz: Sequence[tuple[str, datetime]],
    *,
    cole_closed: date,
    ruiz_cases: Sequence[str] = (),
    cole_busy: bool = True,
    diaz: Judge = DIAZ,
) -> Database:
    """Store three judges of one court: Ruiz (``JUDGE``) with a 15-minute master hearing for
    each A-number and start of ``ruiz`` and a case for each A-number there and in
    ``ruiz_cases``; Cole (``COLE``), whose court is closed on ``cole_closed`` ("Building
    maintenance") and who, if ``cole_busy``, hears ``COLE_CASE`` on Thu 7 Nov at 09:00; and
    ``diaz``, with no cases. Returns ``database``."""
    a_numbers = dict.fromkeys([*(a_number for a_number, _start in ruiz), *ruiz_cases])
    ruiz_docket = Docket(
        JUDGE,
        cases=tuple(case(a_number) for a_number in a_numbers),
        hearings=tuple(Hearing(a, start, 15, HearingKind.MASTER) for a, start in ruiz),
    )
    cole_docket = Docket(
        COLE,
        closures=(Closure(cole_closed, "Building maintenance"),),
        cases=(case(COLE_CASE),) if cole_busy else (),
        hearings=(Hearing(COLE_CASE, at(7, 9, 0), 15, HearingKind.MASTER),) if cole_busy else (),
    )
    with database.transaction() as repo:
        for docket in (ruiz_docket, cole_docket, Docket(diaz)):
            repo.add_docket(docket)
    return database
