"""The docket sheet's content: hearings by day and session, each row as printed, days off noted."""

from datetime import date, datetime, time

import pytest

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge, Session, standard_week
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import HearingKind, HearingStatus, LeaveKind, SessionKind
from planner.services.docket_sheet import load_sheet, week_of
from planner.store.database import Database

PRINTED = datetime(2026, 11, 20, 16, 5)
DETAINED, MANDARIN, MERITS, JUVENILE, EARLY = (
    "100000001",
    "100000002",
    "100000003",
    "100000004",
    "100000005",
)
#: The standard week; Wednesday mornings have a Spanish interpreter booked.
SESSIONS = tuple(
    Session(s.weekday, s.start, s.end, s.kind, "Spanish")
    if (s.weekday, s.kind) == (2, SessionKind.MASTER)
    else s
    for s in standard_week()
)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute)


@pytest.fixture
def court(database: Database) -> Database:
    """Week of Mon 23 Nov 2026: Tue 24 leave 13:00-15:00, Wed 25 closed, Thu 26 Thanksgiving."""
    cases = (
        Case(
            DETAINED,
            "Rosa Díaz",
            "removal",
            date(2026, 1, 5),
            detained=True,
            represented=True,
            language="Spanish",
            attorney="Laura Feldman",
        ),
        Case(MANDARIN, "Li Wei", "removal", date(2026, 1, 6), language="Mandarin"),
        Case(MERITS, "Ana Gómez", "asylum", date(2025, 3, 1), language="Spanish", represented=True),
        Case(JUVENILE, "John Smith", "removal", date(2026, 2, 1), juvenile=True),
        Case(EARLY, "Omar Haddad", "motion", date(2026, 2, 2), language="Arabic"),
    )
    hearings = (
        Hearing(MANDARIN, at(23, 9, 15), 15, HearingKind.MASTER, medium="video"),
        Hearing(DETAINED, at(23, 9), 15, HearingKind.MASTER),
        Hearing(JUVENILE, at(23, 9, 30), 15, HearingKind.MASTER, HearingStatus.HELD),
        Hearing(MERITS, at(24, 13), 180, HearingKind.INDIVIDUAL),
        Hearing(EARLY, at(27, 7, 30), 25, HearingKind.MOTION),
        Hearing(
            MANDARIN,
            at(27, 9),
            15,
            HearingKind.MASTER,
            HearingStatus.ADJOURNED,
            "interpreter not available",
        ),
        Hearing(DETAINED, at(30, 9), 15, HearingKind.MASTER),  # the next week
    )
    leave = (Leave(at(24, 13), at(24, 15), LeaveKind.TRAINING),)
    closures = (Closure(date(2026, 11, 25), "Building maintenance"),)
    judge = Judge("Ana Ruiz", court="Los Angeles", sessions=SESSIONS)
    with database.transaction() as repo:
        repo.add_docket(Docket(judge, closures, leave, cases, hearings))
    return database


def test_a_week_has_every_day_with_its_sessions_and_only_that_weeks_hearings(court) -> None:  # type: ignore[no-untyped-def]
    sheet = load_sheet(court, "Ana Ruiz", date(2026, 11, 25), week=True, printed=PRINTED)
    assert (sheet.first, sheet.last) == (date(2026, 11, 23), date(2026, 11, 27))
    assert (sheet.judge, sheet.court, sheet.printed) == ("Ana Ruiz", "Los Angeles", PRINTED)
    assert sheet.period == "Week of 23–27 November 2026"
    assert [d.title for d in sheet.days] == [
        "Monday 23 November 2026",
        "Tuesday 24 November 2026",
        "Wednesday 25 November 2026",
        "Thursday 26 November 2026",
        "Friday 27 November 2026",
    ]
    assert sheet.hearings == 6
    monday = sheet.days[0]
    assert [s.title for s in monday.sessions] == [
        "Master calendar 08:30–12:00",
        "Individual calendar 13:00–16:30",
    ]
    master = monday.sessions[0]
    assert [r.a_number for r in master.rows] == ["A100-000-001", "A100-000-002", "A100-000-004"]
    assert master.count == "3 hearings"
    assert monday.sessions[1].count == "no hearings set"


def test_a_row_prints_what_the_courtroom_needs_to_know(court) -> None:  # type: ignore[no-untyped-def]
    sheet = load_sheet(court, "Ana Ruiz", date(2026, 11, 23), printed=PRINTED)
    rows = sheet.days[0].sessions[0].rows
    assert [r.cells() for r in rows] == [
        (
            "09:00",
            "A100-000-001",
            "Rosa Díaz",
            "Spanish",
            "Yes",
            "Laura Feldman",
            "Master · 15 min",
        ),
        (
            "09:15",
            "A100-000-002",
            "Li Wei",
            "Mandarin",
            "No",
            "Pro se",
            "Master · 15 min\nBy video (request due 8 Nov)",  # 15 days ahead
        ),
        (
            "09:30",
            "A100-000-004",
            "John Smith\nJuvenile",
            "None",
            "No",
            "Pro se",
            "Master · 15 min\nHeld",
        ),
    ]
    assert sheet.period == "Monday 23 November 2026"


def test_days_off_leave_and_hearings_outside_the_sessions_are_shown(court) -> None:  # type: ignore[no-untyped-def]
    days = load_sheet(
        court, "Ana Ruiz", date(2026, 11, 24), date(2026, 11, 27), printed=PRINTED
    ).days
    tuesday, wednesday, thursday, friday = days
    assert tuesday.note == "The judge is on leave 13:00–15:00"
    merits = tuesday.sessions[1].rows[0]
    assert merits.cells()[3:] == (
        "Spanish",
        "No",
        "Represented (no name recorded)",
        "Individual · 180 min",
    )
    assert wednesday.note == "Building maintenance: the court does not sit"
    assert wednesday.sessions == ()  # no empty sessions on a day the court does not sit
    assert thursday.note == "Thanksgiving Day: the court does not sit"
    assert friday.note == ""
    assert [s.title for s in friday.sessions] == [
        "Master calendar 08:30–12:00",
        "Individual calendar 13:00–16:30",
        "Outside the weekly sessions",
    ]
    adjourned = friday.sessions[0].rows[0]
    assert adjourned.cells()[-1] == "Master · 15 min\nAdjourned: interpreter not available"
    early = friday.sessions[2].rows[0]
    assert (early.time, early.a_number, early.cells()[-1]) == (
        "07:30",
        "A100-000-005",
        "Motion · 25 min",
    )


def test_a_session_names_its_booked_interpreter(database: Database) -> None:
    with database.transaction() as repo:
        repo.add_docket(Docket(Judge("Ana Ruiz", sessions=SESSIONS)))
    wednesday = load_sheet(database, "Ana Ruiz", date(2026, 12, 2), printed=PRINTED).days[0]
    assert wednesday.sessions[0].title == "Master calendar 08:30–12:00 · Spanish interpreter"
    assert wednesday.note == ""


def test_a_whole_day_of_leave_lists_only_sessions_with_hearings(court) -> None:  # type: ignore[no-untyped-def]
    with court.transaction() as repo:
        judge = repo.judge_named("Ana Ruiz")
        closures, leave = repo.calendar(judge.id)
        repo.replace_calendar(
            judge.id, closures, [*leave, Leave.days(date(2026, 11, 23), date(2026, 11, 23))]
        )
    monday = load_sheet(court, "Ana Ruiz", date(2026, 11, 23), printed=PRINTED).days[0]
    assert monday.note == "The judge is on leave all day"
    assert [s.title for s in monday.sessions] == ["Master calendar 08:30–12:00"]  # booked before


def test_the_week_runs_to_sunday_only_with_weekend_sessions() -> None:
    weekdays = Judge("A B")
    saturdays = Judge("A B", sessions=(*standard_week(), Session(5, time(9), time(12), "master")))
    assert week_of(date(2026, 11, 29), weekdays) == (date(2026, 11, 23), date(2026, 11, 27))
    assert week_of(date(2026, 11, 23), saturdays) == (date(2026, 11, 23), date(2026, 11, 29))


def test_an_unknown_judge_or_a_backwards_period_is_refused_with_the_reason(court) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidValue, match=r"no judge named 'Ann Ruiz'.*'Ana Ruiz'"):
        load_sheet(court, "Ann Ruiz", date(2026, 11, 23), printed=PRINTED)
    with pytest.raises(InvalidValue, match="ends before it starts"):
        load_sheet(court, "Ana Ruiz", date(2026, 11, 23), date(2026, 11, 22), printed=PRINTED)


def test_the_file_name_carries_the_judge_and_the_dates(court) -> None:  # type: ignore[no-untyped-def]
    assert load_sheet(court, "Ana Ruiz", date(2026, 11, 23), printed=PRINTED).file_stem == (
        "docket-sheet-ruiz-2026-11-23"
    )
    assert load_sheet(
        court, "Ana Ruiz", date(2026, 11, 23), week=True, printed=PRINTED
    ).file_stem == ("docket-sheet-ruiz-2026-11-23-to-2026-11-27")
