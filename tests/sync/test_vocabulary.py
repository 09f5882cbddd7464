"""One vocabulary (issue 17): check-out and check-in carry every field of the judge's profile,
cases, hearings, closures, leave and notices served, and every table of the docket. Every field of every record is set to a value other than its
default, from the domain's dataclasses: a field added to a record later and not carried, or not
given a value here, fails these tests."""

import inspect
from dataclasses import fields
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge, KindMinutes, Session
from planner.domain.notices import NoticeEvent, ServedNotice
from planner.domain.records import replace
from planner.domain.rules import AgeTarget, Clock
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import (
    AdjournmentCause,
    CaseStatus,
    CompletionKind,
    HearingKind,
    HearingMedium,
    HearingStatus,
    LeaveKind,
    Party,
    SessionKind,
)
from planner.services.offline import checkin, checkout
from planner.store.database import Database
from planner.sync.codec import profile_fields

AT = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
NAME = "Vera Field"
#: Not values of a record: its identity in one database, and the version it was read at.
BOOKKEEPING = {"id", "version"}

#: For each record, each field's value other than its default. A new field of a record fails
#: test_every_field_has_a_value_here until it is given one, and then the round trips below
#: fail until check-out and check-in carry it.
VALUES: dict[type, dict[str, object]] = {
    Judge: {
        "name": NAME,
        "court": "Otay Mesa",
        "timezone": "America/Denver",
        "quota": 512,
        "fy_start_month": 7,
        "fy_start_day": 15,
        "sessions": (
            Session(1, time(9, 0), time(11, 30), SessionKind.BOND, "Spanish"),
            Session(3, time(13, 0), time(16, 0), SessionKind.INDIVIDUAL),
        ),
        "case_minutes": {"asylum": KindMinutes(200, 90), "custody": KindMinutes(45, 20)},
        "hearing_minutes": {HearingKind.MASTER: KindMinutes(25, 10)},
        "counted_completions": frozenset({CompletionKind.RELIEF_GRANTED}),
        "at_risk_slack_pct": 17.5,
        "adjournment_rate_pct": 12.5,
        "adjournment_history": 35,
        "rule_set": "2025",
        "age_targets": (AgeTarget(Clock.ASYLUM, 200, 85.0),),
    },
    Case: {
        "a_number": "201234567",
        "name": "Maria Example",
        "kind": "asylum",
        "received": date(2024, 3, 2),
        "detained": True,
        "juvenile": True,
        "language": "Spanish",
        "represented": True,
        "status": CaseStatus.COMPLETED,
        "completion_date": date(2026, 11, 2),
        "completion_kind": CompletionKind.RELIEF_GRANTED,
        "remaining_minutes": 77,
        "asylum_filed": date(2024, 5, 6),
        "nta_served": date(2024, 2, 1),
        "attorney": "Lee Counsel",
        "dedicated_docket": True,
    },
    Hearing: {
        "a_number": "201234567",
        "start": datetime(2027, 7, 20, 9, 30),
        "minutes": 95,
        "kind": HearingKind.INDIVIDUAL,
        "status": HearingStatus.ADJOURNED,
        "adjournment_reason": "interpreter unavailable",
        "medium": HearingMedium.VIDEO,
        "adjournment_cause": AdjournmentCause.INTERPRETER,
        "adjourned_by": Party.COURT,
    },
    Closure: {"day": date(2027, 7, 4), "reason": "Independence Day"},
    Leave: {
        "start": datetime(2027, 8, 2, 0, 0),
        "end": datetime(2027, 8, 6, 23, 59),
        "kind": LeaveKind.TRAINING,
        "all_day": True,
    },
    ServedNotice: {  # its hearing and case: the ids of the docket's one hearing and case
        "hearing_id": 0,
        "case_id": 0,
        "event": NoticeEvent.MOVED,
        "start": datetime(2027, 7, 20, 9, 30),
        "minutes": 95,
        "kind": HearingKind.INDIVIDUAL,
        "judge": NAME,
        "served": date(2026, 12, 1),
    },
}

#: A second value of each field an edit can change on one side (the key fields of closures and
#: leave, and a hearing's case, are identities: changing them is a removal and an addition).
EDITS: dict[type, dict[str, object]] = {
    Judge: {
        "court": "San Diego",
        "timezone": "America/Chicago",
        "quota": 600,
        "fy_start_month": 4,
        "fy_start_day": 2,
        "sessions": (Session(4, time(8, 0), time(12, 0), SessionKind.JUVENILE, "Mam"),),
        "case_minutes": {"asylum": KindMinutes(180, 60)},
        "hearing_minutes": {HearingKind.BOND: KindMinutes(30, 15)},
        "counted_completions": frozenset({CompletionKind.REMOVAL_ORDER}),
        "at_risk_slack_pct": 5.0,
        "adjournment_rate_pct": 7.5,
        "adjournment_history": 50,
        "rule_set": "own",
        "age_targets": (AgeTarget(Clock.DETAINED, 30, 90.0),),
    },
    Case: {
        "name": "Maria Edited",
        "kind": "custody",
        "received": date(2024, 4, 1),
        "detained": False,
        "juvenile": False,
        "language": "French",
        "represented": False,
        "completion_date": date(2026, 11, 3),
        "completion_kind": CompletionKind.TERMINATION,
        "remaining_minutes": 33,
        "asylum_filed": date(2024, 6, 7),
        "nta_served": date(2024, 2, 2),
        "attorney": "Kim Advocate",
        "dedicated_docket": False,
    },
    Hearing: {  # split: the continuance's fields, status and reason on the laptop, in this order
        "start": datetime(2027, 7, 21, 13, 0),
        "adjournment_cause": None,
        "minutes": 50,
        "adjourned_by": None,
        "kind": HearingKind.MOTION,
        "status": HearingStatus.HELD,
        "medium": HearingMedium.TELEPHONE,
        "adjournment_reason": None,
    },
    Closure: {"reason": "Court holiday"},
}
#: Fields that are a record's identity on every machine, or its link to another record.
KEYS: dict[type, set[str]] = {
    Judge: {"name"},
    Case: {"a_number", "status"},  # status: completed on both sides (the completion fields move)
    Hearing: {"a_number"},
    Closure: {"day"},
    Leave: {"start", "end", "kind", "all_day"},
    # A notice served is never edited (what the parties were told stays told): it is served,
    # or its serving undone. Its hearing and case are links, carried as their uids.
    ServedNotice: {"hearing_id", "case_id", "event", "start", "minutes", "kind", "judge", "served"},
}
#: Links to other records, compared by what they name rather than by their id in one file.
LINKS = {"hearing_id", "case_id"}


def _fields_of(record: type) -> list[str]:
    """A record's fields: a NamedTuple's (the domain's checked records) or a dataclass's."""
    named: tuple[str, ...] | None = getattr(record, "_fields", None)
    return list(named) if named is not None else [f.name for f in fields(record)]


def _value_fields(record: type) -> list[str]:
    return [name for name in _fields_of(record) if name not in BOOKKEEPING]


def _defaults(record: type) -> dict[str, object]:
    """Each field's default: its value in a record made of ``VALUES``' required fields alone."""
    parameters = inspect.signature(record).parameters.values()
    required = {p.name: VALUES[record][p.name] for p in parameters if p.default is p.empty}
    made = record(**required)
    return {name: getattr(made, name) for name in _fields_of(record) if name not in required}


def _record(record: type, **changes: object) -> object:
    return record(**{**VALUES[record], **changes})


def _docket(judge: Judge | None = None) -> Docket:
    return Docket(
        judge or _record(Judge),  # type: ignore[arg-type]
        closures=(_record(Closure),),  # type: ignore[arg-type]
        leave=(_record(Leave),),  # type: ignore[arg-type]
        cases=(_record(Case),),  # type: ignore[arg-type]
        hearings=(_record(Hearing),),  # type: ignore[arg-type]
    )


def _make(path: Path) -> Path:
    database = Database.open(path)
    with database.transaction() as repo:
        repo.add_docket(_docket())
    database.close()
    _serve(path)
    return path


def _serve(path: Path, **changes: object) -> None:
    """The notice of VALUES served on the docket's one hearing, through the store."""
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            judge = repo.judge_named(NAME)
            assert judge is not None
            assert judge.id is not None
            (case_id,) = repo.case_ids(judge.id).values()
            (hearing,) = repo.hearings_of(case_id)
            notice = _record(ServedNotice, hearing_id=hearing.id, case_id=case_id, **changes)
            repo.notices().add_notices([notice])  # type: ignore[list-item]
    finally:
        database.close()


def _notices(path: Path) -> list[dict[str, object]]:
    """The judge's notices served, field by field; their links as what they name (the case's
    A-number, and whether the hearing is the docket's one hearing)."""
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            judge = repo.judge_named(NAME)
            assert judge is not None
            assert judge.id is not None
            (case_id,) = repo.case_ids(judge.id).values()
            (hearing,) = repo.hearings_of(case_id)
            return sorted(
                (
                    {
                        **{
                            name: getattr(notice, name)
                            for name in _value_fields(ServedNotice)
                            if name not in LINKS
                        },
                        "case_id": repo.case(notice.case_id).a_number,
                        "hearing_id": notice.hearing_id == hearing.id,
                    }
                    for notice in repo.notices().served_for(judge.id)
                ),
                key=lambda n: str(n["served"]),
            )
    finally:
        database.close()


def _expected_notice(**changes: object) -> dict[str, object]:
    return {
        **VALUES[ServedNotice],
        "case_id": VALUES[Case]["a_number"],
        "hearing_id": True,
        **changes,
    }


def _stored(path: Path) -> Docket:
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            judge = repo.judge_named(NAME)
            assert judge is not None
            assert judge.id is not None
            return repo.load_docket(judge.id)
    finally:
        database.close()


def _edit(path: Path, record: type, name: str, value: object) -> None:
    """One field of one record changed through the store, as the window saves it."""
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            judge = repo.judge_named(NAME)
            assert judge is not None
            assert judge.id is not None
            if record is Judge:
                repo.update_judge(replace(judge, **{name: value}), base=judge)
            elif record is Case:
                (case_id,) = repo.case_ids(judge.id).values()
                case = repo.case(case_id)
                repo.update_case(replace(case, **{name: value}), base=case)
            elif record is Hearing:
                (case_id,) = repo.case_ids(judge.id).values()
                (hearing,) = repo.hearings_of(case_id)
                repo.update_hearing(replace(hearing, **{name: value}))
            else:
                closures, leave = repo.own_calendar(judge.id)
                closures = [replace(c, **{name: value}) for c in closures]
                repo.replace_calendar(judge.id, closures, leave)
    finally:
        database.close()


def _each_value(docket: Docket) -> dict[str, object]:
    """Every value field of every record of the docket, by record and field name."""
    found: dict[str, object] = {}
    for record, items in (
        (Judge, (docket.judge,)),
        (Case, docket.cases),
        (Hearing, docket.hearings),
        (Closure, docket.closures),
        (Leave, docket.leave),
    ):
        for index, item in enumerate(items):
            for name in _value_fields(record):
                found[f"{record.__name__}[{index}].{name}"] = getattr(item, name)
    return found


def test_every_field_has_a_value_here_other_than_its_default() -> None:
    for record in (Judge, Case, Hearing, Closure, Leave, ServedNotice):
        assert set(VALUES[record]) == set(_value_fields(record)), (
            f"{record.__name__}'s fields changed: give each a value in VALUES (and EDITS)"
        )
        assert set(EDITS.get(record, {})) | KEYS[record] == set(_value_fields(record)), (
            f"{record.__name__}'s fields changed: give each an edit in EDITS, or call it a key"
        )
        for name, default in _defaults(record).items():
            if name in BOOKKEEPING or name not in VALUES[record]:
                continue
            assert VALUES[record][name] != default, f"{record.__name__}.{name} is its default"


def test_the_profile_as_rows_has_every_field_of_the_judge() -> None:
    assert set(profile_fields(_record(Judge))) == set(_value_fields(Judge))  # type: ignore[arg-type]


def test_checkout_carries_every_field_of_every_record(tmp_path: Path) -> None:
    server = _make(tmp_path / "server.sqlite")
    laptop = tmp_path / "laptop.sqlite"

    checkout(str(server), NAME, laptop, at=AT)

    expected = _each_value(_docket())
    assert _each_value(_stored(server)) == expected  # the store keeps them all
    assert _each_value(_stored(laptop)) == expected
    assert _notices(laptop) == _notices(server) == [_expected_notice()]


@pytest.mark.parametrize("who", ["laptop", "server", "split"])
def test_checkin_carries_an_edit_of_every_field_both_ways(tmp_path: Path, who: str) -> None:
    """Each editable field edited on the laptop, on the server, or (split) every other field of
    each record on each side, so that both sides' edits of one record merge field by field; in
    the first two the other side adds a closure, so that each check-in merges both sides."""
    server = _make(tmp_path / "server.sqlite")
    laptop = tmp_path / "laptop.sqlite"
    checkout(str(server), NAME, laptop, at=AT)
    expected = _docket()
    for record, edits in EDITS.items():
        for index, (name, value) in enumerate(edits.items()):
            if who == "split":
                _edit(laptop if index % 2 else server, record, name, value)
            else:
                _edit(laptop if who == "laptop" else server, record, name, value)
    other_closure = Closure(date(2027, 12, 24), "Christmas Eve")
    database = Database.open(server if who == "laptop" else laptop)
    try:
        with database.transaction() as repo:
            judge = repo.judge_named(NAME)
            assert judge is not None
            assert judge.id is not None
            closures, leave = repo.own_calendar(judge.id)
            repo.replace_calendar(judge.id, [*closures, other_closure], leave)
    finally:
        database.close()

    # A notice served on each side (notices are not edited: each side serves another).
    _serve(laptop, event=NoticeEvent.SET, served=date(2026, 12, 2))
    _serve(server, event=NoticeEvent.CANCELLED, served=date(2026, 12, 3))

    result = checkin(laptop, str(server))

    assert result.applied, result.describe()
    assert not result.collisions
    notices = [
        _expected_notice(),
        _expected_notice(event=NoticeEvent.SET, served=date(2026, 12, 2)),
        _expected_notice(event=NoticeEvent.CANCELLED, served=date(2026, 12, 3)),
    ]
    assert _notices(server) == _notices(laptop) == notices
    want = _docket(_record(Judge, **EDITS[Judge]))  # type: ignore[arg-type]
    want = replace(
        want,
        cases=(_record(Case, **EDITS[Case]),),  # type: ignore[arg-type]
        hearings=(_record(Hearing, **EDITS[Hearing]),),  # type: ignore[arg-type]
        closures=(_record(Closure, **EDITS[Closure]), other_closure),  # type: ignore[arg-type]
    )
    assert expected != want
    for path in (server, laptop):
        stored = _stored(path)
        stored = replace(stored, closures=tuple(sorted(stored.closures, key=lambda c: c.day)))
        assert _each_value(stored) == _each_value(want), path.name


#: Every table of the store, and what check-out does with it. A table added to
#: planner/store/tables.py fails test_every_table_is_carried_or_exempt until it is listed here:
#: carried (its rows of the judge are copied at check-out and merged at check-in), or exempt with
#: the reason.
CARRIED = {
    "judges": "the profile",
    "template_sessions": "the profile's weekly template",
    "case_kind_minutes": "the profile's case minutes",
    "hearing_kind_minutes": "the profile's hearing minutes",
    "counted_completions": "the profile's counted completions",
    "closures": "the judge's closures",
    "leave": "the judge's leave",
    "cases": "the cases",
    "hearings": "the hearings",
    "notices": "the notices served of the judge's hearings (issue 19)",
}
#: Copied to the laptop at check-out and at each check-in, never sent back: the court's own.
COPIED_READ_ONLY = {
    "courts": "the court's address and notice period (every judge of the court shares them)",
    "court_closures": "the court's closed days (every judge of the court shares them)",
}
EXEMPT = {
    "court_users": "the server's logins and roles: who may change a docket, not the docket",
    "court_assignments": "the server's assignments of assistants to judges: access, not docket",
    "checkouts": "the server's record of who has a docket checked out",
    "checkin_receipts": "the server's record of check-ins committed",
    "checkout_copies": "the laptop's record of its check-out (the merge's base)",
}


def test_every_table_is_carried_or_exempt() -> None:
    from planner.store.tables import Base

    listed = {**CARRIED, **COPIED_READ_ONLY, **EXEMPT}
    assert len(listed) == len(CARRIED) + len(COPIED_READ_ONLY) + len(EXEMPT)
    assert set(Base.metadata.tables) == set(listed), (
        "a table was added to planner/store/tables.py: carry it in check-out and check-in "
        "(planner/store/sync_rows.py) and list it in CARRIED, or list it in EXEMPT with why"
    )


def _judges_rows(path: Path) -> dict[str, int]:
    """How many rows of each carried or copied table belong to the judge (or the judge's
    court): a table's rows found by its judge_id, its case_id, its hearing's case or its
    court."""
    from sqlalchemy import create_engine, func, select

    from planner.store.tables import Base

    tables = Base.metadata.tables
    judges, cases = tables["judges"], tables["cases"]
    engine = create_engine(f"sqlite:///{path}")
    found: dict[str, int] = {}
    try:
        with engine.connect() as connection:
            judge = connection.execute(
                select(judges.c.id, judges.c.court).where(judges.c.name == NAME)
            ).one()
            of_judge = select(cases.c.id).where(cases.c.judge_id == judge.id)
            for name in (*CARRIED, *COPIED_READ_ONLY):
                table = tables[name]
                columns = table.c
                if name == "judges":
                    where = columns.id == judge.id
                elif "judge_id" in columns:
                    where = columns.judge_id == judge.id
                elif "case_id" in columns:
                    where = columns.case_id.in_(of_judge)
                elif "court" in columns:
                    where = columns.court == judge.court
                elif name == "courts":
                    where = columns.name == judge.court
                else:
                    raise AssertionError(f"how does table {name} belong to a judge?")
                count = select(func.count()).select_from(table).where(where)
                found[name] = connection.execute(count).scalar_one()
    finally:
        engine.dispose()
    return found


def test_checkout_copies_the_judges_rows_of_every_carried_table(tmp_path: Path) -> None:
    """Behind the list: each carried or copied table has rows of the judge here, and check-out
    leaves the laptop with as many of each as the server."""
    from planner.domain.notices import CourtSettings

    server = _make(tmp_path / "server.sqlite")
    database = Database.open(server)
    with database.transaction() as repo:
        repo.notices().save_court(CourtSettings(str(VALUES[Judge]["court"]), "1 Main St", 12))
        repo.court_closures().replace(
            str(VALUES[Judge]["court"]), [Closure(date(2027, 9, 6), "Labor Day")]
        )
    database.close()
    laptop = tmp_path / "laptop.sqlite"

    checkout(str(server), NAME, laptop, at=AT)

    on_server = _judges_rows(server)
    assert set(on_server) == set(CARRIED) | set(COPIED_READ_ONLY)
    assert all(on_server.values()), on_server  # every table has a row of the judge to carry
    assert _judges_rows(laptop) == on_server
