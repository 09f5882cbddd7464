"""The docket's model as plain rows and back: what a check-out copies and a merge compares."""

import json
from collections.abc import Mapping
from datetime import date, datetime, time

from planner.domain.docket import CASE_FIELDS, Case, Closure, Docket, Hearing, Leave
from planner.domain.judge import (
    Judge,
    KindMinutes,
    Session,
    format_call_times,
    parse_call_times,
)
from planner.domain.vocabulary import (
    CompletionKind,
    HearingKind,
    HearingMedium,
    LeaveKind,
    SessionKind,
)
from planner.sync.state import PROFILE_KEY, DocketState, Fields, Kind, Value

_DAYS = ("received", "completion_date", "asylum_filed", "nta_served")


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
    return {
        "case": case_uid,
        "start": hearing.start.isoformat(),
        "minutes": hearing.minutes,
        "kind": hearing.kind.value,
        "status": hearing.status.value,
        "adjournment_reason": hearing.adjournment_reason,
        "medium": hearing.medium.value,
        "adjournment_cause": None
        if hearing.adjournment_cause is None
        else hearing.adjournment_cause.value,
        "adjourned_by": None if hearing.adjourned_by is None else hearing.adjourned_by.value,
    }


def hearing_start(fields: Fields) -> datetime:
    return datetime.fromisoformat(str(fields["start"]))


def hearing_of(fields: Fields, a_number: str, hearing_id: int | None = None) -> Hearing:
    return Hearing(
        a_number,
        hearing_start(fields),
        int(fields["minutes"] or 0),
        HearingKind(str(fields["kind"])),
        status=fields["status"],  # type: ignore[arg-type]
        adjournment_reason=None
        if fields["adjournment_reason"] is None
        else str(fields["adjournment_reason"]),
        id=hearing_id,
        medium=HearingMedium(str(fields.get("medium") or HearingMedium.IN_PERSON.value)),
        # A copy checked out before continuances were recorded has neither.
        adjournment_cause=_text_or_none(fields.get("adjournment_cause")),  # type: ignore[arg-type]
        adjourned_by=_text_or_none(fields.get("adjourned_by")),  # type: ignore[arg-type]
    )


def _text_or_none(value: Value | None) -> str | None:
    return None if value is None else str(value)


def closure_row(closure: Closure) -> tuple[str, dict[str, Value]]:
    return closure.day.isoformat(), {"reason": closure.reason}


def closure_of(key: str, fields: Fields) -> Closure:
    return Closure(date.fromisoformat(key), str(fields["reason"]))


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


def profile_fields(judge: Judge) -> dict[str, Value]:
    """The profile's fields; the weekly template and the minutes tables as one JSON text each,
    so that two edits of the template collide, and edits of different parts merge."""
    # A master calendar adds its limit and call times; other sessions keep their five fields,
    # so a profile without one reads the same as before master calendars.
    sessions = sorted(
        [s.weekday, s.start.isoformat(), s.end.isoformat(), s.kind.value, s.language]
        + ([s.case_limit, format_call_times(s.call_times)] if s.case_limit is not None else [])
        for s in judge.sessions
    )
    return {
        "name": judge.name,
        "court": judge.court,
        "timezone": judge.timezone,
        "quota": judge.quota,
        "fy_start_month": judge.fy_start_month,
        "fy_start_day": judge.fy_start_day,
        "at_risk_slack_pct": judge.at_risk_slack_pct,
        "sessions": json.dumps(sessions),
        "case_minutes": _minutes_json(judge.case_minutes),
        "hearing_minutes": _minutes_json({k.value: m for k, m in judge.hearing_minutes.items()}),
        "counted_completions": json.dumps(sorted(k.value for k in judge.counted_completions)),
    }


def _minutes_json(table: Mapping[str, KindMinutes]) -> str:
    return json.dumps({kind: [m.default, m.minimum] for kind, m in sorted(table.items())})


def profile_of(fields: Fields, judge_id: int | None = None) -> Judge:
    sessions = tuple(
        Session(
            weekday,
            time.fromisoformat(start),
            time.fromisoformat(end),
            SessionKind(kind),
            language,
            *([master[0], parse_call_times(master[1])] if master else []),
        )
        for weekday, start, end, kind, language, *master in json.loads(str(fields["sessions"]))
    )
    case_minutes = {
        kind: KindMinutes(default, minimum)
        for kind, (default, minimum) in json.loads(str(fields["case_minutes"])).items()
    }
    hearing_minutes = {
        HearingKind(kind): KindMinutes(default, minimum)
        for kind, (default, minimum) in json.loads(str(fields["hearing_minutes"])).items()
    }
    counted = frozenset(
        CompletionKind(kind) for kind in json.loads(str(fields["counted_completions"]))
    )
    return Judge(
        name=str(fields["name"]),
        court=str(fields["court"]),
        timezone=str(fields["timezone"]),
        quota=int(fields["quota"] or 0),
        fy_start_month=int(fields["fy_start_month"] or 0),
        fy_start_day=int(fields["fy_start_day"] or 0),
        sessions=sessions,
        case_minutes=case_minutes,
        hearing_minutes=hearing_minutes,
        counted_completions=counted,
        at_risk_slack_pct=float(fields["at_risk_slack_pct"] or 0),
        id=judge_id,
    )


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
