"""The docket file: one judge's whole docket as a JSON document, written and read back losslessly.

The layout is documented field by field in docs/docket-format.md. The reader is strict: an
unknown field, a field of the wrong type or a newer format version is refused, and every problem
in the file is collected (with its path, such as ``cases[12].received``) before any is reported.
"""

import json
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from typing import Any, TypeVar

from planner.domain.anumber import format_a_number, parse_a_number
from planner.domain.docket import Case, Docket, Hearing
from planner.domain.errors import InvalidValue
from planner.domain.judge import (
    DEFAULT_ADJOURNMENT_HISTORY,
    DEFAULT_ADJOURNMENT_RATE_PCT,
    Judge,
    KindMinutes,
    Session,
)
from planner.domain.rules import AgeTarget, Clock, check_rule_set_key
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import (
    DEFAULT_CASE_MINUTES,
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
from planner.interchange.json_syntax import json_syntax_problem
from planner.interchange.problems import ImportRefused, Problem

FORMAT = "judge-workload-planner/docket"
VERSION = 1

#: Weekdays as the file writes them, Monday first (the model's 0).
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

#: The largest whole number the file accepts anywhere; beyond it a value is surely a typo.
LARGEST_NUMBER = 999_999_999

# Field names, required and optional, of every object in the file.
_TOP = ({"format", "version", "judge"}, {"closures", "leave", "cases", "hearings"})
_JUDGE = (
    {"name", "timezone"},
    {
        "court",
        "quota",
        "fy_start",
        "sessions",
        "case_kinds",
        "hearing_kinds",
        "counted_completions",
        "at_risk_slack_pct",
        "rule_set",
        "age_targets",
        "adjournment_rate_pct",
        "adjournment_history",
    },
)
_AGE_TARGET = ({"clock", "days", "goal_pct"}, set[str]())
_SESSION = ({"weekday", "start", "end", "kind"}, {"language", "case_limit", "call_times"})
_KIND_MINUTES = ({"default_minutes", "minimum_minutes"}, set[str]())
_CLOSURE = ({"day", "reason"}, set[str]())
_LEAVE = ({"start", "end", "kind"}, set[str]())
_CASE = (
    {
        "a_number",
        "name",
        "kind",
        "detained",
        "juvenile",
        "language",
        "represented",
        "received",
        "status",
    },
    {
        "completion_date",
        "completion_kind",
        "remaining_minutes",
        "asylum_filed",
        "nta_served",
        "attorney",
        "dedicated_docket",
    },
)
_HEARING = (
    {"a_number", "start", "minutes", "kind", "status"},
    {"adjournment_reason", "medium", "adjournment_cause", "adjourned_by"},
)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?")
_CLOCK = re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?")
_FY_START = re.compile(r"(\d{2})-(\d{2})")


# Writing ------------------------------------------------------------------------------------


def write_docket(docket: Docket) -> str:
    """The docket file's text: UTF-8-ready JSON, two-space indented, ending in a newline.

    The same docket always gives the same text, so two exports can be compared byte for byte.
    """
    return json.dumps(docket_to_json(docket), indent=2, ensure_ascii=False) + "\n"


def docket_to_json(docket: Docket) -> dict[str, Any]:
    """The docket as plain JSON values, in the file's layout."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "judge": _judge_to_json(docket.judge),
        "closures": [{"day": c.day.isoformat(), "reason": c.reason} for c in docket.closures],
        "leave": [_leave_to_json(entry) for entry in docket.leave],
        "cases": [_case_to_json(case) for case in docket.cases],
        "hearings": [_hearing_to_json(hearing) for hearing in docket.hearings],
    }


def _judge_to_json(judge: Judge) -> dict[str, Any]:
    return {
        "name": judge.name,
        "court": judge.court,
        "timezone": judge.timezone,
        "quota": judge.quota,
        "fy_start": f"{judge.fy_start_month:02d}-{judge.fy_start_day:02d}",
        "sessions": [
            {
                "weekday": WEEKDAYS[s.weekday],
                "start": _clock_text(s.start),
                "end": _clock_text(s.end),
                "kind": s.kind.value,
                "language": s.language,
                # A master calendar's limit and call times; other sessions leave them out.
                **(
                    {
                        "case_limit": s.case_limit,
                        "call_times": [_clock_text(call) for call in s.call_times],
                    }
                    if s.case_limit is not None
                    else {}
                ),
            }
            for s in judge.sessions
        ],
        "case_kinds": {
            kind: _minutes_to_json(judge.case_minutes[kind]) for kind in sorted(judge.case_minutes)
        },
        "hearing_kinds": {
            kind.value: _minutes_to_json(judge.hearing_minutes[kind])
            for kind in HearingKind
            if kind in judge.hearing_minutes
        },
        "counted_completions": [
            kind.value for kind in CompletionKind if kind in judge.counted_completions
        ],
        "at_risk_slack_pct": judge.at_risk_slack_pct,
    } | _rules_to_json(judge)


def _rules_to_json(judge: Judge) -> dict[str, Any]:
    """The judge's choice of rule set and settings of its age targets, where the judge made
    them (absent: the rule set in force, with its own figures)."""
    found: dict[str, Any] = {}
    if judge.rule_set is not None:
        found["rule_set"] = judge.rule_set
    if judge.age_targets:
        found["age_targets"] = [t.as_json() for t in judge.age_targets]
    # The adjournment settings where they differ from the defaults (docs/forecast.md).
    if judge.adjournment_rate_pct != DEFAULT_ADJOURNMENT_RATE_PCT:
        found["adjournment_rate_pct"] = judge.adjournment_rate_pct
    if judge.adjournment_history != DEFAULT_ADJOURNMENT_HISTORY:
        found["adjournment_history"] = judge.adjournment_history
    return found


def _minutes_to_json(minutes: KindMinutes) -> dict[str, int]:
    return {"default_minutes": minutes.default, "minimum_minutes": minutes.minimum}


def _leave_to_json(entry: Leave) -> dict[str, Any]:
    if entry.all_day:
        # Whole days, both included: the model's whole-day leave runs midnight to midnight.
        start, end = entry.first_day.isoformat(), entry.last_day.isoformat()
    else:
        start, end = _moment_text(entry.start), _moment_text(entry.end)
    return {"start": start, "end": end, "kind": entry.kind.value}


def _case_to_json(case: Case) -> dict[str, Any]:
    return {
        "a_number": case.a_number,
        "name": case.name,
        "kind": case.kind,
        "detained": case.detained,
        "juvenile": case.juvenile,
        "language": case.language,
        "represented": case.represented,
        "received": case.received.isoformat(),
        "status": case.status.value,
        "completion_date": _date_text(case.completion_date),
        "completion_kind": case.completion_kind.value if case.completion_kind else None,
        "remaining_minutes": case.remaining_minutes,
        "asylum_filed": _date_text(case.asylum_filed),
        "nta_served": _date_text(case.nta_served),
        "attorney": case.attorney,
        "dedicated_docket": case.dedicated_docket,
    }


def _hearing_to_json(hearing: Hearing) -> dict[str, Any]:
    return {
        "a_number": hearing.a_number,
        "start": _moment_text(hearing.start),
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


def _date_text(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _moment_text(moment: datetime) -> str:
    # Minutes are the file's precision; seconds appear only when a time has them (never lost).
    return moment.isoformat(timespec=_timespec(moment))


def _clock_text(clock: time) -> str:
    return clock.isoformat(timespec=_timespec(clock))


def _timespec(value: datetime | time) -> str:
    if value.microsecond:
        return "microseconds"
    return "seconds" if value.second else "minutes"


# Reading ------------------------------------------------------------------------------------


def read_docket(text: str, source: str = "the docket file") -> Docket:
    """The docket in a docket file's text, or ImportRefused listing every problem in it."""
    try:
        data = json.loads(text, object_pairs_hook=_JsonObject, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise ImportRefused(source, [json_syntax_problem(text, error)]) from None
    except ValueError as error:
        raise ImportRefused(source, [Problem("", f"this is not valid JSON ({error})")]) from None
    except RecursionError:
        problem = Problem("", "this is not a docket file: its JSON is nested too deeply to read")
        raise ImportRefused(source, [problem]) from None
    return docket_from_json(data, source)


def docket_from_json(data: object, source: str = "the docket file") -> Docket:
    """The docket in parsed JSON, or ImportRefused listing every problem in it."""
    if not isinstance(data, dict):
        problem = Problem("", f"a docket file holds one JSON object {{...}}, not {_describe(data)}")
        raise ImportRefused(source, [problem])
    _check_format_and_version(data, source)
    reader = _Reader()
    docket = reader.docket(data)
    if reader.problems or docket is None:
        raise ImportRefused(source, reader.problems)
    return docket


def _check_format_and_version(data: dict[str, Any], source: str) -> None:
    # Checked first and alone: in a file of another kind or version every other message misleads.
    found = data.get("format")
    if found != FORMAT:
        what = "has no 'format' field" if "format" not in data else f"says format {found!r}"
        problem = Problem(
            "format", f"this is not a Planner docket file: it {what}, expected {FORMAT!r}"
        )
        raise ImportRefused(source, [problem])
    version = data.get("version")
    if type(version) is not int or version < 1:
        problem = Problem(
            "version", f"{version!r} is not a format version: expected a whole number such as 1"
        )
        raise ImportRefused(source, [problem])
    if version > VERSION:
        problem = Problem(
            "version",
            f"this file is docket format version {version}, written by a newer Planner; this "
            f"Planner reads version {VERSION} or older: install the newer Planner to import it",
        )
        raise ImportRefused(source, [problem])


class _JsonObject(dict[str, Any]):
    """A JSON object that remembers keys it saw twice (``json`` would silently keep the last)."""

    def __init__(self, pairs: Iterable[tuple[str, Any]]) -> None:
        super().__init__()
        self.duplicates: list[str] = []
        for key, value in pairs:
            if key in self and key not in self.duplicates:
                self.duplicates.append(key)
            self[key] = value


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


class _Bad:
    """The value of a field already reported as a problem."""


_BAD = _Bad()
_REQUIRED = object()
T = TypeVar("T")
Parse = Callable[[Any], Any]


class _Reader:
    """Walks a parsed docket file, collecting every problem with its path."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # A-numbers of cases refused for another reason: their hearings are not also "orphans".
        self.refused_a_numbers: set[str] = set()

    def report(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message))

    # Structure ------------------------------------------------------------------------------

    def fields(
        self, value: object, where: str, names: tuple[set[str], set[str]]
    ) -> dict[str, Any] | None:
        """``value`` as an object with the required fields and no unknown ones, or None."""
        required, optional = names
        if not isinstance(value, dict):
            self.report(where, f"expected an object {{...}}, found {_describe(value)}")
            return None
        for key in getattr(value, "duplicates", ()):
            self.report(_join(where, key), "appears twice in the same object; keep one")
        allowed = ", ".join(sorted(required | optional))
        for key in value:
            if key not in required and key not in optional:
                self.report(_join(where, key), f"unknown field {key!r}: the fields are {allowed}")
        for key in sorted(required - value.keys()):
            self.report(where, f"missing the required field {key!r}")
        return value

    def items(self, value: object, where: str) -> list[Any]:
        if isinstance(value, list):
            return value
        self.report(where, f"expected an array [...], found {_describe(value)}")
        return []

    def get(
        self, obj: dict[str, Any], where: str, key: str, parse: Parse, default: Any = _REQUIRED
    ) -> Any:
        """The field ``key`` parsed, its default when absent, or _BAD once reported."""
        if key not in obj:
            return _BAD if default is _REQUIRED else default
        try:
            return parse(obj[key])
        except InvalidValue as error:
            self.report(_join(where, key), str(error))
            return _BAD

    def build(self, where: str, make: Callable[..., T], values: dict[str, Any]) -> T | None:
        """``make(**values)`` unless a value was bad; the model's own refusal is a problem too."""
        if any(value is _BAD for value in values.values()):
            return None
        try:
            return make(**values)
        except InvalidValue as error:
            self.report(where, str(error))
            return None

    def name_after(self, mark: int, label: str) -> None:
        """Add ``label`` (which case) to the problems reported since ``mark``."""
        self.problems[mark:] = [
            Problem(p.where, f"{p.message} ({label})") for p in self.problems[mark:]
        ]

    # The docket -----------------------------------------------------------------------------

    def docket(self, data: dict[str, Any]) -> Docket | None:
        top = self.fields(data, "", _TOP)
        assert top is not None
        judge, case_kinds = (
            self.judge(top.get("judge"), "judge") if "judge" in top else (None, None)
        )
        closures = self.closures(top.get("closures", []))
        leave = [
            self.leave(v, f"leave[{i}]")
            for i, v in enumerate(self.items(top.get("leave", []), "leave"))
        ]
        cases = self.cases(top.get("cases", []), case_kinds)
        known = {case.a_number for case in cases if case is not None}
        hearings = self.hearings(top.get("hearings", []), known | self.refused_a_numbers)
        parts: list[Any] = [judge, *closures, *leave, *cases, *hearings]
        if self.problems or any(part is None for part in parts):
            return None
        assert judge is not None
        docket = Docket(
            judge=judge,
            closures=tuple(c for c in closures if c is not None),
            leave=tuple(entry for entry in leave if entry is not None),
            cases=tuple(c for c in cases if c is not None),
            hearings=tuple(h for h in hearings if h is not None),
        )
        for message in docket.problems():  # a safety net: the checks above should catch these
            self.report("", message)
        return docket

    def judge(self, value: object, where: str) -> tuple[Judge | None, set[str] | None]:
        obj = self.fields(value, where, _JUDGE)
        if obj is None:
            return None, None
        values: dict[str, Any] = {
            "name": self.get(obj, where, "name", _string),
            "timezone": self.get(obj, where, "timezone", _string),
        }
        optional: dict[str, Any] = {
            "court": self.get(obj, where, "court", _string, None),
            "quota": self.get(obj, where, "quota", _whole, None),
            "at_risk_slack_pct": self.get(obj, where, "at_risk_slack_pct", _number, None),
            "adjournment_rate_pct": self.get(obj, where, "adjournment_rate_pct", _number, None),
            "adjournment_history": self.get(obj, where, "adjournment_history", _whole, None),
            "rule_set": self.get(obj, where, "rule_set", _rule_set_key, None),
            "counted_completions": self.get(
                obj, where, "counted_completions", _completion_kinds, None
            ),
        }
        fy_start = self.get(obj, where, "fy_start", _fy_start, None)
        if fy_start is _BAD:
            values["fy_start_month"] = _BAD
        elif fy_start is not None:
            values["fy_start_month"], values["fy_start_day"] = fy_start
        if "sessions" in obj:
            items = self.items(obj["sessions"], f"{where}.sessions")
            sessions = [self.session(v, f"{where}.sessions[{i}]") for i, v in enumerate(items)]
            values["sessions"] = _BAD if None in sessions else tuple(sessions)
        case_kinds = self.kind_minutes(obj, where, "case_kinds", _string)
        if case_kinds is not None:
            values["case_minutes"] = case_kinds
        hearing_kinds = self.kind_minutes(
            obj, where, "hearing_kinds", _choice(HearingKind, "hearing kind")
        )
        if hearing_kinds is not None:
            values["hearing_minutes"] = hearing_kinds
        if "age_targets" in obj:
            items = self.items(obj["age_targets"], f"{where}.age_targets")
            targets = [self.age_target(v, f"{where}.age_targets[{i}]") for i, v in enumerate(items)]
            values["age_targets"] = _BAD if None in targets else tuple(targets)
        values.update((key, value) for key, value in optional.items() if value is not None)
        judge = self.build(where, Judge, values)
        # The kinds the cases may name: those the table names even where its minutes are bad.
        if "case_kinds" not in obj:
            known: set[str] | None = set(DEFAULT_CASE_MINUTES)
        elif isinstance(obj["case_kinds"], dict):
            known = set(obj["case_kinds"])
        else:
            known = None
        return judge, known

    def session(self, value: object, where: str) -> Session | None:
        obj = self.fields(value, where, _SESSION)
        if obj is None:
            return None
        return self.build(
            where,
            Session,
            {
                "weekday": self.get(obj, where, "weekday", _weekday),
                "start": self.get(obj, where, "start", _clock),
                "end": self.get(obj, where, "end", _clock),
                "kind": self.get(obj, where, "kind", _choice(SessionKind, "session kind")),
                "language": self.get(obj, where, "language", _optional(_string), None),
                "case_limit": self.get(obj, where, "case_limit", _optional(_whole), None),
                "call_times": self.get(obj, where, "call_times", _clocks, ()),
            },
        )

    def age_target(self, value: object, where: str) -> AgeTarget | None:
        obj = self.fields(value, where, _AGE_TARGET)
        if obj is None:
            return None
        return self.build(
            where,
            AgeTarget,
            {
                "clock": self.get(obj, where, "clock", _choice(Clock, "age target clock")),
                "days": self.get(obj, where, "days", _whole),
                "goal_pct": self.get(obj, where, "goal_pct", _number),
            },
        )

    def kind_minutes(self, obj: dict[str, Any], where: str, key: str, parse_kind: Parse) -> Any:
        """A ``{kind: {default_minutes, minimum_minutes}}`` table; None when absent."""
        if key not in obj:
            return None
        path = _join(where, key)
        table = obj[key]
        if not isinstance(table, dict):
            self.report(path, f"expected an object {{kind: {{...}}}}, found {_describe(table)}")
            return _BAD
        for name in getattr(table, "duplicates", ()):
            self.report(_join(path, name), "appears twice in the same object; keep one")
        result: dict[Any, KindMinutes] = {}
        bad = False
        for name, entry in table.items():
            entry_path = _join(path, name)
            try:
                kind = parse_kind(name)
            except InvalidValue as error:
                self.report(entry_path, str(error))
                bad = True
                continue
            minutes = self.fields(entry, entry_path, _KIND_MINUTES)
            if minutes is None:
                bad = True
                continue
            built = self.build(
                entry_path,
                KindMinutes,
                {
                    "default": self.get(minutes, entry_path, "default_minutes", _whole),
                    "minimum": self.get(minutes, entry_path, "minimum_minutes", _whole),
                },
            )
            if built is None:
                bad = True
            else:
                result[kind] = built
        return _BAD if bad else result

    def closures(self, value: object) -> list[Closure | None]:
        found: list[Closure | None] = []
        first_index: dict[date, int] = {}
        for i, item in enumerate(self.items(value, "closures")):
            where = f"closures[{i}]"
            obj = self.fields(item, where, _CLOSURE)
            if obj is None:
                found.append(None)
                continue
            values = {
                "day": self.get(obj, where, "day", _date),
                "reason": self.get(obj, where, "reason", _string),
            }
            closure = self.build(where, Closure, values)
            if closure is not None and closure.day in first_index:
                self.report(
                    f"{where}.day",
                    f"{closure.day.isoformat()} is already closed by closures[{first_index[closure.day]}]; "
                    "a day is closed once",
                )
            elif closure is not None:
                first_index[closure.day] = i
            found.append(closure)
        return found

    def leave(self, value: object, where: str) -> Leave | None:
        obj = self.fields(value, where, _LEAVE)
        if obj is None:
            return None
        start = self.get(obj, where, "start", _day_or_moment)
        end = self.get(obj, where, "end", _day_or_moment)
        kind = self.get(obj, where, "kind", _choice(LeaveKind, "leave kind"))
        if _BAD in (start, end, kind):
            return None
        if isinstance(start, datetime) != isinstance(end, datetime):
            self.report(
                where,
                f"start {obj['start']!r} and end {obj['end']!r} must both be dates (whole days) "
                "or both local times (part of a day)",
            )
            return None
        if isinstance(start, datetime):
            return self.build(where, Leave, {"start": start, "end": end, "kind": kind})
        return self.build(where, Leave.days, {"first": start, "last": end, "kind": kind})

    def cases(self, value: object, case_kinds: set[str] | None) -> list[Case | None]:
        found: list[Case | None] = []
        first_index: dict[str, int] = {}
        for i, item in enumerate(self.items(value, "cases")):
            where = f"cases[{i}]"
            mark = len(self.problems)
            obj = self.fields(item, where, _CASE)
            if obj is None:
                found.append(None)
                continue
            a_number = self.get(obj, where, "a_number", _a_number)
            kind = self.get(obj, where, "kind", _string)
            if kind is not _BAD and case_kinds is not None and kind not in case_kinds:
                known = ", ".join(sorted(case_kinds))
                self.report(
                    f"{where}.kind",
                    f"{kind!r} is not a case kind of the judge's profile "
                    f"(judge.case_kinds has {known})",
                )
                kind = _BAD
            if a_number is not _BAD:
                if a_number in first_index:
                    self.report(
                        f"{where}.a_number",
                        f"{format_a_number(a_number)} is already on the docket as "
                        f"cases[{first_index[a_number]}]; each case appears once",
                    )
                else:
                    first_index[a_number] = i
            values = {
                "a_number": a_number,
                "name": self.get(obj, where, "name", _string),
                "kind": kind,
                "detained": self.get(obj, where, "detained", _boolean),
                "juvenile": self.get(obj, where, "juvenile", _boolean),
                "language": self.get(obj, where, "language", _string),
                "represented": self.get(obj, where, "represented", _boolean),
                "received": self.get(obj, where, "received", _date),
                "status": self.get(obj, where, "status", _choice(CaseStatus, "case status")),
                "completion_date": self.get(obj, where, "completion_date", _optional(_date), None),
                "completion_kind": self.get(
                    obj,
                    where,
                    "completion_kind",
                    _optional(_choice(CompletionKind, "completion kind")),
                    None,
                ),
                "remaining_minutes": self.get(
                    obj, where, "remaining_minutes", _optional(_whole), None
                ),
                "asylum_filed": self.get(obj, where, "asylum_filed", _optional(_date), None),
                "nta_served": self.get(obj, where, "nta_served", _optional(_date), None),
                "attorney": self.get(obj, where, "attorney", _optional(_string), None),
                "dedicated_docket": self.get(obj, where, "dedicated_docket", _boolean, False),
            }
            case = self.build(where, Case, values)
            found.append(case)
            if a_number is not _BAD:
                if case is None:
                    self.refused_a_numbers.add(a_number)
                self.name_after(mark, f"case {format_a_number(a_number)}")
        return found

    def hearings(self, value: object, a_numbers: set[str]) -> list[Hearing | None]:
        found: list[Hearing | None] = []
        for i, item in enumerate(self.items(value, "hearings")):
            where = f"hearings[{i}]"
            obj = self.fields(item, where, _HEARING)
            if obj is None:
                found.append(None)
                continue
            a_number = self.get(obj, where, "a_number", _a_number)
            if a_number is not _BAD and a_number not in a_numbers:
                self.report(
                    f"{where}.a_number",
                    f"{format_a_number(a_number)} is not among the docket's cases: a hearing "
                    "belongs to a case in 'cases'",
                )
                a_number = _BAD
            values = {
                "a_number": a_number,
                "start": self.get(obj, where, "start", _moment),
                "minutes": self.get(obj, where, "minutes", _whole),
                "kind": self.get(obj, where, "kind", _choice(HearingKind, "hearing kind")),
                "status": self.get(obj, where, "status", _choice(HearingStatus, "hearing status")),
                "adjournment_reason": self.get(
                    obj, where, "adjournment_reason", _optional(_string), None
                ),
                # Optional: files written before the medium was kept are in person.
                "medium": self.get(
                    obj,
                    where,
                    "medium",
                    _choice(HearingMedium, "hearing medium"),
                    HearingMedium.IN_PERSON,
                ),
                "adjournment_cause": self.get(
                    obj,
                    where,
                    "adjournment_cause",
                    _optional(_choice(AdjournmentCause, "adjournment reason")),
                    None,
                ),
                "adjourned_by": self.get(
                    obj,
                    where,
                    "adjourned_by",
                    _optional(_choice(Party, "party who asked for the continuance")),
                    None,
                ),
            }
            found.append(self.build(where, Hearing, values))
        return found


# Values -------------------------------------------------------------------------------------


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, list):
        return "an array [...]"
    return "an object {...}"


def _rule_set_key(value: object) -> str:
    key = _string(value)
    check_rule_set_key(key)
    return key


def _string(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidValue(f"expected text in quotes, found {_describe(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidValue(f"{value!r} holds a character that is not valid Unicode") from None
    return value


def _whole(value: object) -> int:
    if type(value) is not int:
        raise InvalidValue(f"expected a whole number, found {_describe(value)}")
    if abs(value) > LARGEST_NUMBER:
        raise InvalidValue(f"{value!r} is too large (at most {LARGEST_NUMBER:,})")
    return value


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidValue(f"expected a number, found {_describe(value)}")
    if abs(value) > LARGEST_NUMBER:
        raise InvalidValue(f"{value!r} is too large (at most {LARGEST_NUMBER:,})")
    return float(value)


def _boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidValue(f"expected true or false, found {_describe(value)}")
    return value


def _optional(parse: Parse) -> Parse:
    def parse_or_null(value: object) -> Any:
        return None if value is None else parse(value)

    return parse_or_null


def _choice(vocabulary: type[Any], what: str) -> Parse:
    def parse(value: object) -> Any:
        text = _string(value)
        try:
            return vocabulary(text)
        except ValueError:
            choices = ", ".join(member.value for member in vocabulary)
            raise InvalidValue(f"{what} {text!r} is not one of: {choices}") from None

    return parse


def _a_number(value: object) -> str:
    return parse_a_number(_string(value))


def _date(value: object) -> date:
    text = _string(value)
    if _DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise InvalidValue(f"{text!r} is not a date in the form YYYY-MM-DD")


def _moment(value: object) -> datetime:
    text = _string(value)
    if _MOMENT.fullmatch(text):
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            pass
    raise InvalidValue(
        f"{text!r} is not a local time in the form YYYY-MM-DDTHH:MM (for example 2026-10-05T08:30)"
    )


def _day_or_moment(value: object) -> date | datetime:
    text = _string(value)
    if "T" in text:
        return _moment(text)
    if _DATE.fullmatch(text):
        return _date(text)
    raise InvalidValue(
        f"{text!r} is neither a date (YYYY-MM-DD, a whole day) nor a local time "
        "(YYYY-MM-DDTHH:MM, part of a day)"
    )


def _clock(value: object) -> time:
    text = _string(value)
    if _CLOCK.fullmatch(text):
        try:
            return time.fromisoformat(text)
        except ValueError:
            pass
    raise InvalidValue(f"{text!r} is not a time of day in the form HH:MM (for example 08:30)")


def _clocks(value: object) -> tuple[time, ...]:
    if not isinstance(value, list):
        raise InvalidValue(f'expected a list of times such as ["08:30"], found {_describe(value)}')
    return tuple(_clock(item) for item in value)


def _weekday(value: object) -> int:
    text = _string(value)
    try:
        return WEEKDAYS.index(text.lower())
    except ValueError:
        raise InvalidValue(f"weekday {text!r} is not one of: {', '.join(WEEKDAYS)}") from None


def _fy_start(value: object) -> tuple[int, int]:
    text = _string(value)
    match = _FY_START.fullmatch(text)
    if match:
        month, day = int(match[1]), int(match[2])
        if 1 <= month <= 12 and 1 <= day <= 28:
            return month, day
    raise InvalidValue(
        f"fiscal-year start {text!r} is not a month and day MM-DD with a day 1-28 "
        "(the federal year starts on 10-01)"
    )


def _completion_kinds(value: object) -> frozenset[CompletionKind]:
    if not isinstance(value, list):
        raise InvalidValue(f"expected an array of completion kinds, found {_describe(value)}")
    parse = _choice(CompletionKind, "completion kind")
    kinds = [parse(item) for item in value]
    repeated = sorted({kind.value for kind in kinds if kinds.count(kind) > 1})
    if repeated:
        raise InvalidValue(f"{', '.join(map(repr, repeated))} appears more than once")
    return frozenset(kinds)
