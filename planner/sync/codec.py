"""The docket's model as plain rows and back: what a check-out copies and a merge compares."""

import json
from collections.abc import Callable, Mapping
from dataclasses import fields as record_fields
from datetime import date, datetime, time

from planner.domain.docket import CASE_FIELDS, Case, Docket, Hearing
from planner.domain.judge import (
    Judge,
    KindMinutes,
    Session,
    format_call_times,
    parse_call_times,
)
from planner.domain.notices import NoticeEvent, ServedNotice
from planner.domain.rules import AgeTarget, Clock
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import (
    CompletionKind,
    HearingKind,
    LeaveKind,
    SessionKind,
)
from planner.sync.state import PROFILE_KEY, DocketState, Fields, Kind, Value

_DAYS = ("received", "completion_date", "asylum_filed", "nta_served")

#: A record's identity in one database and the version it was read at: not carried.
_BOOKKEEPING = ("id", "version")
#: The judge's profile fields, from the domain's record: a field added to it is carried (or,
#: with no plain form, refused loudly) without a change here.
PROFILE_FIELDS = tuple(name for name in Judge._fields if name not in _BOOKKEEPING)
#: A hearing's fields but its case (a row's "case" is the case's uid) and its id.
HEARING_FIELDS = tuple(f.name for f in record_fields(Hearing) if f.name not in ("a_number", "id"))
#: A notice served's fields but its case, its hearing (a row's "case" and "hearing" are their
#: uids: the hearing's, kept when the hearing is gone) and its id.
NOTICE_FIELDS = tuple(
    f.name for f in record_fields(ServedNotice) if f.name not in ("case_id", "hearing_id", "id")
)
#: A closure's fields but its day (the row's key).
CLOSURE_FIELDS = tuple(name for name in Closure._fields if name != "day")


def _plain(value: object) -> Value:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)  # a vocabulary value (a str enum) as its text
    if value is None or isinstance(value, bool | int | float):
        return value
    raise TypeError(f"no plain form for {value!r}")


def case_fields(case: Case) -> dict[str, Value]:
    return {name: _plain(getattr(case, name)) for name in CASE_FIELDS}


def case_of(fields: Fields, case_id: int | None = None) -> Case:
    values: dict[str, object] = dict(fields)
    for name in _DAYS:
        text = values.get(name)
        values[name] = None if text is None else date.fromisoformat(str(text))
    return Case(**values, id=case_id)  # type: ignore[arg-type]


def hearing_fields(hearing: Hearing, case_uid: str) -> dict[str, Value]:
    return {"case": case_uid, **{name: _plain(getattr(hearing, name)) for name in HEARING_FIELDS}}


def hearing_start(fields: Fields) -> datetime:
    return datetime.fromisoformat(str(fields["start"]))


def hearing_of(fields: Fields, a_number: str, hearing_id: int | None = None) -> Hearing:
    """The hearing of a row; a field the row lacks (a copy made before it was carried) keeps its
    default. The domain checks and converts the values (kinds, statuses, media from text)."""
    values: dict[str, object] = {name: fields[name] for name in HEARING_FIELDS if name in fields}
    values["start"] = hearing_start(fields)
    return Hearing(a_number=a_number, **values, id=hearing_id)  # type: ignore[arg-type]


def notice_of(fields: Fields, case_id: int, hearing_id: int) -> ServedNotice:
    """The notice of a row, on this side's case and hearing ids (the event, kind, moment and
    day from their text)."""
    values: dict[str, object] = {name: fields[name] for name in NOTICE_FIELDS if name in fields}
    values["event"] = NoticeEvent(str(fields["event"]))
    values["kind"] = HearingKind(str(fields["kind"]))
    values["start"] = datetime.fromisoformat(str(fields["start"]))
    values["served"] = date.fromisoformat(str(fields["served"]))
    return ServedNotice(hearing_id, case_id, **values)  # type: ignore[arg-type]


def _text_or_none(value: Value | None) -> str | None:
    return None if value is None else str(value)


def closure_row(closure: Closure) -> tuple[str, dict[str, Value]]:
    return closure.day.isoformat(), {
        name: _plain(getattr(closure, name)) for name in CLOSURE_FIELDS
    }


def closure_of(key: str, fields: Fields) -> Closure:
    values = {name: fields[name] for name in CLOSURE_FIELDS if name in fields}
    return Closure(date.fromisoformat(key), **values)  # type: ignore[arg-type]


def leave_row(leave: Leave) -> tuple[str, dict[str, Value]]:
    key = (
        f"{leave.start.isoformat()}|{leave.end.isoformat()}|{leave.kind.value}|{int(leave.all_day)}"
    )
    return key, {}


def leave_of(key: str) -> Leave:
    start, end, kind, all_day = key.split("|")
    return Leave(
        datetime.fromisoformat(start),
        datetime.fromisoformat(end),
        LeaveKind(kind),
        all_day=all_day == "1",
    )


def _sessions_json(sessions: tuple[Session, ...]) -> str:
    # A master calendar adds its limit and call times; other sessions keep their five fields,
    # so a profile without one reads the same as before master calendars.
    return json.dumps(
        sorted(
            [s.weekday, s.start.isoformat(), s.end.isoformat(), s.kind.value, s.language]
            + ([s.case_limit, format_call_times(s.call_times)] if s.case_limit is not None else [])
            for s in sessions
        )
    )


def _sessions_of(text: str) -> tuple[Session, ...]:
    return tuple(
        Session(
            weekday,
            time.fromisoformat(start),
            time.fromisoformat(end),
            SessionKind(kind),
            language,
            *([master[0], parse_call_times(master[1])] if master else []),
        )
        for weekday, start, end, kind, language, *master in json.loads(text)
    )


def _minutes_json(table: Mapping[str, KindMinutes]) -> str:
    return json.dumps({kind: [m.default, m.minimum] for kind, m in sorted(table.items())})


def _minutes_of(text: str) -> dict[str, KindMinutes]:
    return {
        kind: KindMinutes(default, minimum) for kind, (default, minimum) in json.loads(text).items()
    }


def _targets_json(targets: tuple[AgeTarget, ...]) -> str:
    return json.dumps(sorted((t.as_json() for t in targets), key=lambda t: str(t["clock"])))


def _targets_of(text: str) -> tuple[AgeTarget, ...]:
    return tuple(
        AgeTarget(Clock(item["clock"]), int(item["days"]), float(item["goal_pct"]))
        for item in json.loads(text)
    )


#: The profile's fields that are no plain value, each as one JSON text (so that two edits of the
#: weekly template collide, and edits of different parts merge), and back.
_PROFILE_TEXT: dict[str, tuple[Callable[[Judge], str], Callable[[str], object]]] = {
    "sessions": (lambda j: _sessions_json(j.sessions), _sessions_of),
    "case_minutes": (lambda j: _minutes_json(j.case_minutes), _minutes_of),
    "hearing_minutes": (
        lambda j: _minutes_json({k.value: m for k, m in j.hearing_minutes.items()}),
        lambda text: {HearingKind(k): m for k, m in _minutes_of(text).items()},
    ),
    "counted_completions": (
        lambda j: json.dumps(sorted(k.value for k in j.counted_completions)),
        lambda text: frozenset(CompletionKind(k) for k in json.loads(text)),
    ),
    "age_targets": (lambda j: _targets_json(j.age_targets), _targets_of),
}


def profile_fields(judge: Judge) -> dict[str, Value]:
    """Every field of the profile (``PROFILE_FIELDS``): plain values as they are, the others as
    JSON text (``_PROFILE_TEXT``)."""
    return {
        name: _PROFILE_TEXT[name][0](judge)
        if name in _PROFILE_TEXT
        else _plain(getattr(judge, name))
        for name in PROFILE_FIELDS
    }


def profile_of(fields: Fields, judge_id: int | None = None) -> Judge:
    """The profile of a row; a field the row lacks (a copy made before it was carried) keeps
    its default. The domain checks the values."""
    values: dict[str, object] = {}
    for name in PROFILE_FIELDS:
        if name not in fields:
            continue
        value = fields[name]
        values[name] = _PROFILE_TEXT[name][1](str(value)) if name in _PROFILE_TEXT else value
    return Judge(**values, id=judge_id)  # type: ignore[arg-type]


def docket_of(state: DocketState) -> tuple[Docket, dict[int, str]]:
    """The state as the model's docket (hearings numbered 1, 2, ... in key order), and which
    hearing's uid each number stands for: the placement rules read it."""
    cases = state.table(Kind.CASE)
    a_numbers = {uid: str(fields["a_number"]) for uid, fields in cases.items()}
    hearings: list[Hearing] = []
    numbers: dict[int, str] = {}
    for number, (uid, fields) in enumerate(sorted(state.table(Kind.HEARING).items()), start=1):
        case = a_numbers.get(str(fields["case"]))
        if case is None:
            continue
        hearings.append(hearing_of(fields, case, number))
        numbers[number] = uid
    docket = Docket(
        judge=profile_of(state.table(Kind.PROFILE)[PROFILE_KEY]),
        closures=tuple(closure_of(k, f) for k, f in sorted(state.table(Kind.CLOSURE).items())),
        leave=tuple(leave_of(k) for k in sorted(state.table(Kind.LEAVE))),
        cases=tuple(case_of(f) for _uid, f in sorted(cases.items())),
        hearings=tuple(hearings),
    )
    return docket, numbers
