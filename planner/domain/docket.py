"""A judge's docket: its cases and their hearings, with the judge's leave and the court's
closures (``planner.domain.time_off``), as a docket file exchanges them."""

from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta

from planner.domain.anumber import format_a_number, parse_a_number
from planner.domain.bounds import (
    EARLIEST_DAY,
    LATEST_DAY,
    MAX_CASE_MINUTES,
    MAX_HEARING_MINUTES,
    check_count,
    check_day,
)
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.text import check_text, plain_text
from planner.domain.time_off import Closure, Leave, closure_problems
from planner.domain.vocabulary import (
    ASYLUM_CLOCK_DAYS,
    NOTICE_PERIOD_DAYS,
    REMOTE_REQUEST_DAYS,
    AdjournmentCause,
    CaseStatus,
    CompletionKind,
    HearingKind,
    HearingMedium,
    HearingStatus,
    Party,
    coerce,
)


@dataclass(frozen=True, slots=True)
class Case:
    """One respondent's case on the judge's docket."""

    a_number: str
    name: str
    kind: str
    received: date
    detained: bool = False
    juvenile: bool = False
    language: str = "English"
    represented: bool = False
    status: CaseStatus = CaseStatus.PENDING
    completion_date: date | None = None
    completion_kind: CompletionKind | None = None
    remaining_minutes: int | None = None  # the judge's override of the kind's default
    asylum_filed: date | None = None
    nta_served: date | None = None
    attorney: str | None = None
    #: On the Dedicated Docket (families, 11 cities): a decision aimed at within 300 days of
    #: the first master hearing (shared/domain.md), another age clock.
    dedicated_docket: bool = False
    id: int | None = None
    #: The stored row's version when this case was read (None: not read from a database). Saving
    #: an edit of it is refused if the row has changed since. Not part of the case's value.
    version: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # Each check is first made without its message (a docket of thousands is read at once),
        # and the message is made only for a value refused.
        a_number = parse_a_number(self.a_number)
        if a_number is not self.a_number:  # not 9 digits yet
            object.__setattr__(self, "a_number", a_number)
        if type(self.status) is not CaseStatus:
            object.__setattr__(self, "status", coerce(CaseStatus, self.status, "case status"))
        if self.completion_kind is not None and type(self.completion_kind) is not CompletionKind:
            kind = coerce(CompletionKind, self.completion_kind, "completion kind")
            object.__setattr__(self, "completion_kind", kind)
        if not self.name.strip():
            raise InvalidValue(f"case {self.display_a_number} needs a name")
        if not self.language.strip():
            raise InvalidValue(
                f"case {self.display_a_number} needs a language (English if no interpreter)"
            )
        texts = (self.name, self.kind, self.language, self.attorney or "")
        if not (
            type(texts[0]) is str
            and type(texts[1]) is str
            and type(texts[2]) is str
            and type(texts[3]) is str
            and plain_text("".join(texts))
        ):
            for name in ("name", "kind", "language", "attorney"):
                check_text(getattr(self, name), f"case {self.display_a_number}: the {name}")
        completed = self.status is CaseStatus.COMPLETED
        if completed != (self.completion_date is not None and self.completion_kind is not None):
            raise InvalidValue(
                f"case {self.display_a_number}: a completed case needs a completion date and kind, "
                "and a pending case has neither"
            )
        if self.completion_date is not None and self.completion_date < self.received:
            raise InvalidValue(
                f"case {self.display_a_number}: completed on {self.completion_date}, before it "
                f"was received on {self.received}"
            )
        minutes = self.remaining_minutes
        if minutes is not None and not (type(minutes) is int and 1 <= minutes <= MAX_CASE_MINUTES):
            what = f"case {self.display_a_number}: remaining minutes"
            check_count(self.remaining_minutes, what, 1, MAX_CASE_MINUTES)
        received, completed_on = self.received, self.completion_date
        filed, served = self.asylum_filed, self.nta_served
        if not (
            type(received) is date
            and EARLIEST_DAY <= received <= LATEST_DAY
            and (completed_on is None or _a_day_in_range(completed_on))
            and (filed is None or _a_day_in_range(filed))
            and (served is None or _a_day_in_range(served))
        ):
            for name in ("received", "completion_date", "asylum_filed", "nta_served"):
                what = f"case {self.display_a_number}: {name.replace('_', ' ')}"
                check_day(getattr(self, name), what)

    @property
    def display_a_number(self) -> str:
        return format_a_number(self.a_number)

    @property
    def asylum_deadline(self) -> date | None:
        """The 180-day asylum clock's end, when an application has been filed."""
        if self.asylum_filed is None:
            return None
        return self.asylum_filed + timedelta(days=ASYLUM_CLOCK_DAYS)

    @property
    def earliest_first_hearing(self) -> date | None:
        """The first day a first hearing may be set, after the notice period."""
        if self.nta_served is None:
            return None
        return self.nta_served + timedelta(days=NOTICE_PERIOD_DAYS)


def _a_day_in_range(value: object) -> bool:
    """Whether ``check_day`` takes ``value`` as a date (not a moment) without a word."""
    return type(value) is date and EARLIEST_DAY <= value <= LATEST_DAY


#: A case's own fields, its database id aside: what the store keeps of every case.
CASE_FIELDS = tuple(f.name for f in fields(Case) if f.name not in ("id", "version"))


@dataclass(frozen=True, slots=True)
class Hearing:
    """A hearing of a case, at a local wall-clock start, for a number of minutes."""

    a_number: str
    start: datetime
    minutes: int
    kind: HearingKind
    status: HearingStatus = HearingStatus.SCHEDULED
    adjournment_reason: str | None = None
    id: int | None = None
    medium: HearingMedium = HearingMedium.IN_PERSON
    #: An adjourned hearing's reason in the vocabulary, and who asked for the continuance.
    adjournment_cause: AdjournmentCause | None = None
    adjourned_by: Party | None = None

    def __post_init__(self) -> None:
        # As a case's: each check first made without its message (a judge's hearings are read
        # at once, and the age targets' projection reads them on ``planner forecast``'s path),
        # the message made only for a value refused.
        a_number = parse_a_number(self.a_number)
        if a_number is not self.a_number:  # not 9 digits yet
            object.__setattr__(self, "a_number", a_number)
        if self.adjournment_cause is not None:
            cause = coerce(AdjournmentCause, self.adjournment_cause, "adjournment reason")
            object.__setattr__(self, "adjournment_cause", cause)
        if self.adjourned_by is not None:
            asker = coerce(Party, self.adjourned_by, "party who asked for the continuance")
            object.__setattr__(self, "adjourned_by", asker)
        if type(self.kind) is not HearingKind:
            object.__setattr__(self, "kind", coerce(HearingKind, self.kind, "hearing kind"))
        if type(self.medium) is not HearingMedium:
            medium = coerce(HearingMedium, self.medium, "hearing medium")
            object.__setattr__(self, "medium", medium)
        if type(self.status) is not HearingStatus:
            status = coerce(HearingStatus, self.status, "hearing status")
            object.__setattr__(self, "status", status)
        minutes = self.minutes
        if not (type(minutes) is int and 1 <= minutes <= MAX_HEARING_MINUTES):
            check_count(minutes, "a hearing's minutes", 1, MAX_HEARING_MINUTES)
        start = self.start
        if not (type(start) is datetime and EARLIEST_DAY <= start.date() <= LATEST_DAY):
            check_day(start, f"the hearing of {format_a_number(self.a_number)} on")
        reason = self.adjournment_reason
        if not (reason is None or (type(reason) is str and plain_text(reason, lines=True))):
            what = f"the hearing of {format_a_number(self.a_number)} on {self.start:%Y-%m-%d}"
            check_text(reason, f"{what}: the adjournment reason", lines=True)
        if self.status is not HearingStatus.ADJOURNED and (
            self.adjournment_cause is not None or self.adjourned_by is not None
        ):
            what = f"the hearing of {format_a_number(self.a_number)} on {self.start:%Y-%m-%d}"
            raise InvalidValue(
                f"{what}: only an adjourned hearing has a reason and a party who asked for it"
            )
        if self.status is HearingStatus.ADJOURNED and not self.adjournment_reason:
            raise InvalidValue(
                f"the adjourned hearing of {format_a_number(self.a_number)} on {self.start:%Y-%m-%d} "
                "needs the reason it was adjourned"
            )

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    @property
    def remote_request_due(self) -> date | None:
        """The last day to ask to appear remotely (video, telephone), or None in person."""
        if not self.medium.remote:
            return None
        return self.start.date() - timedelta(days=REMOTE_REQUEST_DAYS)


@dataclass(frozen=True, slots=True)
class Docket:
    """One judge's whole docket, as it is exchanged in a docket file."""

    judge: Judge
    closures: tuple[Closure, ...] = ()
    leave: tuple[Leave, ...] = ()
    cases: tuple[Case, ...] = ()
    hearings: tuple[Hearing, ...] = field(default=())

    def problems(self) -> list[str]:
        """What makes this docket inconsistent, one sentence each; empty when it is sound."""
        found = closure_problems(self.judge.sessions, self.closures)
        seen: set[str] = set()
        for case in self.cases:
            if case.a_number in seen:
                found.append(f"case {case.display_a_number} appears more than once")
            seen.add(case.a_number)
            if case.kind not in self.judge.case_minutes:
                found.append(
                    f"case {case.display_a_number} has kind {case.kind!r}, "
                    "which the judge's profile does not define"
                )
        for hearing in self.hearings:
            if hearing.a_number not in seen:
                found.append(
                    f"the hearing on {hearing.start:%Y-%m-%d %H:%M} is for "
                    f"{format_a_number(hearing.a_number)}, which is not on the docket"
                )
        return found
