"""A judge's profile: quota, fiscal year, weekly session template and hearing lengths."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.domain.bounds import (
    MAX_ADJOURNMENT_HISTORY,
    MAX_ADJOURNMENT_RATE,
    MAX_CASE_MINUTES,
    MAX_QUOTA,
    check_count,
    check_number,
)
from planner.domain.errors import InvalidValue
from planner.domain.rules import AgeTarget, RuleSet, check_rule_set_key, check_targets, rules_for
from planner.domain.text import check_text
from planner.domain.vocabulary import (
    DEFAULT_CASE_MINUTES,
    DEFAULT_COUNTED_COMPLETIONS,
    DEFAULT_HEARING_MINUTES,
    CompletionKind,
    HearingKind,
    SessionKind,
    coerce,
)

#: The session kinds that may run as a master calendar (a limit of cases, called in order).
MASTER_CALENDAR_KINDS = frozenset(
    {SessionKind.MASTER, SessionKind.DETAINED_MASTER, SessionKind.JUVENILE}
)
#: The most cases a master calendar may list (courts list 40 to 100; a typo of 4000 is refused).
MAX_CASE_LIMIT = 500

#: The adjournment rate the forecast assumes until there is history: shared/domain.md gives no
#: figure, so none is assumed (every figure as without continuances) until the judge sets one.
DEFAULT_ADJOURNMENT_RATE_PCT = 0.0
#: Recorded hearing outcomes (held, adjourned, completed) before the judge's observed rate
#: replaces the setting: fewer say too little (two adjournments in five hearings are not a rate).
DEFAULT_ADJOURNMENT_HISTORY = 20

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class _SessionFields(NamedTuple):
    weekday: int  # 0 = Monday ... 6 = Sunday
    start: time
    end: time
    kind: SessionKind
    language: str | None  # interpreter language booked for the block, if any
    #: A master calendar: how many cases the session may hear (None: not run as a master
    #: calendar; its hearings take slots of their own).
    case_limit: int | None
    #: When the cases of a master calendar are called (each case is set to one and takes a place
    #: in the order of call), in order; empty with a limit: called at the session's start.
    call_times: tuple[time, ...]


class Session(_SessionFields):
    """One block of the weekly template, for example Mon 08:30-12:00 master. Checked when made
    (planner.domain.records)."""

    __slots__ = ()

    def __new__(
        cls,
        weekday: int,
        start: time,
        end: time,
        kind: SessionKind | str,
        language: str | None = None,
        case_limit: int | None = None,
        call_times: Iterable[time] = (),
    ) -> "Session":
        session = super().__new__(
            cls,
            weekday,
            start,
            end,
            coerce(SessionKind, kind, "session kind"),
            language,
            case_limit,
            tuple(sorted(set(call_times))),
        )
        check_text(language, "a session's interpreter language")
        if not 0 <= weekday <= 6:
            raise InvalidValue(f"weekday {weekday!r} must be 0 (Monday) to 6 (Sunday)")
        if end <= start:
            raise InvalidValue(
                f"session {session.label} ends before it starts: a session must end after it begins"
            )
        session._check_master_calendar()
        return session

    def _check_master_calendar(self) -> None:
        if self.case_limit is None:
            if self.call_times:
                raise InvalidValue(
                    f"session {self.label} has call times but no case limit: call times are "
                    "for a master calendar, which needs its limit"
                )
            return
        if self.kind not in MASTER_CALENDAR_KINDS:
            raise InvalidValue(
                f"session {self.label} has a case limit: only master, detained master and "
                "juvenile sessions run as master calendars"
            )
        check_count(self.case_limit, f"case limit of session {self.label}", 1, MAX_CASE_LIMIT)
        for call in self.call_times:
            if not self.start <= call < self.end:
                raise InvalidValue(
                    f"call time {call:%H:%M} of session {self.label} is not inside the session"
                )

    @property
    def is_master_calendar(self) -> bool:
        """Run as a master calendar: cases called in order at call times, up to a limit."""
        return self.case_limit is not None

    @property
    def calls(self) -> tuple[time, ...]:
        """The call times of a master calendar (its start when none is given)."""
        return self.call_times or (self.start,)

    @property
    def minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)

    @property
    def label(self) -> str:
        return f"{WEEKDAY_NAMES[self.weekday]} {self.start:%H:%M}-{self.end:%H:%M} {self.kind}"


def format_call_times(calls: Sequence[time]) -> str | None:
    """Call times as stored and typed: "08:30,10:00" (None: none)."""
    return (
        ",".join(
            call.isoformat("minutes" if not (call.second or call.microsecond) else "auto")
            for call in calls
        )
        or None
    )


def parse_call_times(text: str | None) -> tuple[time, ...]:
    """ "08:30, 10:00" -> the times; a time that is not HH:MM is refused, saying which."""
    calls: list[time] = []
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            calls.append(time.fromisoformat(part))
        except ValueError:
            raise InvalidValue(f"call time {part!r} is not a time of day such as 08:30") from None
    return tuple(calls)


def name_key(name: str) -> str:
    """What makes two judges' names the same: letters whatever their case, spaces collapsed.
    Names are unique by it, and a name typed on the command line matches by it."""
    return " ".join(name.split()).casefold()


def overlap(session: Session, others: Iterable[Session]) -> str | None:
    """Why ``session`` cannot be in one weekly template with ``others`` (None when it can): the
    first of them it overlaps, by both labels."""
    for other in others:
        if (
            other.weekday == session.weekday
            and session.start < other.end
            and other.start < session.end
        ):
            return f"{session.label} overlaps {other.label}"
    return None


def first_overlap(sessions: Sequence[Session]) -> str | None:
    """The first two sessions of a weekly template that overlap, by both labels, or None.

    A judge sits in one session at a time: overlapping sessions would count the same bench
    hours twice.
    """
    for index, session in enumerate(sessions):
        message = overlap(session, sessions[:index])
        if message:
            return message
    return None


class _KindMinutesFields(NamedTuple):
    default: int
    minimum: int


class KindMinutes(_KindMinutesFields):
    """The usual bench minutes of a case or hearing kind, and the floor the judge will not go
    under. Checked when made (planner.domain.records)."""

    __slots__ = ()

    def __new__(cls, default: int, minimum: int) -> "KindMinutes":
        check_count(default, "default minutes", 1, MAX_CASE_MINUTES)
        check_count(minimum, "minimum minutes", 1, MAX_CASE_MINUTES)
        if not 0 < minimum <= default:
            raise InvalidValue(
                f"minimum {minimum!r} must be positive and no more than "
                f"the default {default!r} minutes"
            )
        return super().__new__(cls, default, minimum)


def _default_case_minutes() -> dict[str, KindMinutes]:
    return {kind: KindMinutes(*pair) for kind, pair in DEFAULT_CASE_MINUTES.items()}


def _default_hearing_minutes() -> dict[HearingKind, KindMinutes]:
    return {kind: KindMinutes(*pair) for kind, pair in DEFAULT_HEARING_MINUTES.items()}


def standard_week() -> tuple[Session, ...]:
    """Monday to Friday, 08:30-12:00 and 13:00-16:30: master mornings, individual afternoons."""
    return tuple(
        session
        for day in range(5)
        for session in (
            Session(day, time(8, 30), time(12, 0), SessionKind.MASTER),
            Session(day, time(13, 0), time(16, 30), SessionKind.INDIVIDUAL),
        )
    )


class _JudgeFields(NamedTuple):
    name: str
    court: str
    timezone: str
    quota: int
    fy_start_month: int
    fy_start_day: int
    sessions: tuple[Session, ...]
    case_minutes: dict[str, KindMinutes]
    hearing_minutes: dict[HearingKind, KindMinutes]
    counted_completions: frozenset[CompletionKind]
    at_risk_slack_pct: float
    #: The rule set the judge picked (planner.domain.rules: "2018", "none", "2025", "own"); None:
    #: the one in force on the fiscal year's first day.
    rule_set: str | None
    #: The judge's settings of age targets: each replaces its clock's days and goal.
    age_targets: tuple[AgeTarget, ...]
    #: The share of hearings the forecast expects to be adjourned, in percent, until the judge's
    #: recorded outcomes are enough to observe it (planner.forecast.adjournments).
    adjournment_rate_pct: float
    #: How many recorded hearing outcomes make enough history for the observed rate.
    adjournment_history: int
    id: int | None
    #: The stored profile's version when this was read (None: not read from a database); saving
    #: an edit of it is refused if the profile has changed since. Not part of the profile's
    #: value: two judges that differ in it alone are equal.
    version: int | None


class Judge(_JudgeFields):
    """Everything about a judge that the forecast and the scheduler need, and nothing of the
    docket. Checked when made (planner.domain.records); made without sessions or minutes, a
    judge sits the standard week (``standard_week``) at the default minutes."""

    __slots__ = ()

    def __new__(
        cls,
        name: str,
        court: str = "",
        timezone: str = "America/New_York",
        quota: int = 700,
        fy_start_month: int = 10,
        fy_start_day: int = 1,
        sessions: Iterable[Session] | None = None,
        case_minutes: dict[str, KindMinutes] | None = None,
        hearing_minutes: dict[HearingKind, KindMinutes] | None = None,
        counted_completions: frozenset[CompletionKind] = DEFAULT_COUNTED_COMPLETIONS,
        at_risk_slack_pct: float = 10.0,
        rule_set: str | None = None,
        age_targets: Iterable[AgeTarget] = (),
        adjournment_rate_pct: float = DEFAULT_ADJOURNMENT_RATE_PCT,
        adjournment_history: int = DEFAULT_ADJOURNMENT_HISTORY,
        id: int | None = None,
        version: int | None = None,
    ) -> "Judge":
        if not name.strip():
            raise InvalidValue("a judge needs a name")
        check_count(quota, "quota", 0, MAX_QUOTA)
        check_text(name, "the judge's name")
        check_text(court, "the court's name")
        if quota < 0:
            raise InvalidValue(f"quota {quota!r} must not be negative")
        try:
            ZoneInfo(timezone)
        # OSError: where the zones come from the tzdata package (Windows, or with icalendar
        # installed), a region's folder name such as "America" raises IsADirectoryError.
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise InvalidValue(
                f"time zone {timezone!r} is not an IANA zone such as America/Los_Angeles"
            ) from None
        if not (1 <= fy_start_month <= 12 and 1 <= fy_start_day <= 28):
            raise InvalidValue(
                f"fiscal-year start {fy_start_month!r}/{fy_start_day!r} must be a month "
                "1-12 and a day 1-28"
            )
        if not 0 <= at_risk_slack_pct < 100:
            raise InvalidValue(f"at-risk slack {at_risk_slack_pct!r}% must be 0 to under 100")
        check_rule_set_key(rule_set)
        check_number(adjournment_rate_pct, "adjournment rate", 0, 100 * MAX_ADJOURNMENT_RATE, "%")
        check_count(
            adjournment_history,
            "outcomes before the observed adjournment rate",
            1,
            MAX_ADJOURNMENT_HISTORY,
        )
        age_targets = check_targets(age_targets)
        sessions = standard_week() if sessions is None else tuple(sessions)
        if message := first_overlap(sessions):
            raise InvalidValue(f"weekly session {message}: a judge sits in one session at a time")
        case_minutes = _default_case_minutes() if case_minutes is None else case_minutes
        for kind in case_minutes:
            if not kind.strip():
                raise InvalidValue(f"case kind {kind!r} needs a name")
        return super().__new__(
            cls,
            name,
            court,
            timezone,
            quota,
            fy_start_month,
            fy_start_day,
            sessions,
            case_minutes,
            _default_hearing_minutes() if hearing_minutes is None else hearing_minutes,
            counted_completions,
            at_risk_slack_pct,
            rule_set,
            age_targets,
            adjournment_rate_pct,
            adjournment_history,
            id,
            version,
        )

    def __eq__(self, other: object) -> bool:
        """The same profile: a judge with every field but ``version`` equal (not a tuple)."""
        return isinstance(other, Judge) and self[:-1] == other[:-1]

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]  # its minutes are dicts, as a dataclass's were

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local_time(self, instant: datetime) -> datetime:
        """The judge's local wall-clock time at an aware ``instant``, naive and to the minute: what
        "now" and "today" mean for the judge (at 00:30 UTC it is still yesterday in Los Angeles)."""
        if instant.tzinfo is None:
            raise ValueError(f"{instant} is not an instant: it has no time zone")
        return instant.astimezone(self.zone).replace(tzinfo=None, second=0, microsecond=0)

    def rules(self, fy_first: date) -> RuleSet:
        """The rule set of the fiscal year that starts on ``fy_first``, with this judge's settings."""
        return rules_for(fy_first, self.rule_set, self.quota, self.age_targets)

    def minutes_for(self, case_kind: str) -> KindMinutes:
        """The judge's default and minimum for a case kind; an unknown kind is refused."""
        try:
            return self.case_minutes[case_kind]
        except KeyError:
            known = ", ".join(sorted(self.case_minutes))
            raise InvalidValue(f"case kind {case_kind!r} is not one of: {known}") from None

    def counted_minutes(self, session: Session) -> float:
        """What a session counts for in capacity and the forecast: its length, or for a master
        calendar its limit times the judge's minutes of a master hearing: a master calendar hears
        its limit of cases whatever its length, each at the minutes the forecast gives it."""
        if session.case_limit is None:
            return float(session.minutes)
        per_case = self.hearing_minutes.get(HearingKind.MASTER)
        minutes = per_case.default if per_case else DEFAULT_HEARING_MINUTES[HearingKind.MASTER][0]
        return float(session.case_limit * minutes)

    def session_weight(self, session: Session) -> float:
        """Counted minutes per minute of the session (1 but for a master calendar)."""
        return self.counted_minutes(session) / session.minutes

    def sessions_on(self, weekday: int) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if s.weekday == weekday)
