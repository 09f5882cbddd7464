"""The words of the court: kinds of sessions, hearings, completions and leave, with defaults.

Case kinds are open (a judge can add one); the other vocabularies are fixed enumerations.
"""

from enum import StrEnum
from typing import TypeVar

from planner.domain.errors import InvalidValue


class SessionKind(StrEnum):
    """What a block of the weekly template is for; all but ``administrative`` are bench time."""

    MASTER = "master"
    INDIVIDUAL = "individual"
    DETAINED_MASTER = "detained_master"
    DETAINED_INDIVIDUAL = "detained_individual"
    BOND = "bond"
    JUVENILE = "juvenile"
    ADMINISTRATIVE = "administrative"

    @property
    def is_bench(self) -> bool:
        return self is not SessionKind.ADMINISTRATIVE


class HearingKind(StrEnum):
    """What happens at a hearing."""

    MASTER = "master"
    INDIVIDUAL = "individual"
    BOND = "bond"
    FEAR_REVIEW = "fear_review"
    MOTION = "motion"


class HearingStatus(StrEnum):
    SCHEDULED = "scheduled"
    HELD = "held"
    ADJOURNED = "adjourned"
    COMPLETED = "completed"


class HearingMedium(StrEnum):
    """How the respondent appears (EOIR: in person, by video teleconference, by telephone)."""

    IN_PERSON = "in_person"
    VIDEO = "video"
    TELEPHONE = "telephone"

    @property
    def words(self) -> str:
        return {"in_person": "in person", "video": "by video", "telephone": "by telephone"}[
            self.value
        ]

    @property
    def remote(self) -> bool:
        return self is not HearingMedium.IN_PERSON


#: A request to appear remotely (video or telephone) is due this many days before the hearing
#: (EOIR guidance, as reported: shared/domain.md).
REMOTE_REQUEST_DAYS = 15
#: INA 208(d)(5)(A)(iii): asylum applications are to be adjudicated within 180 days of filing.
ASYLUM_CLOCK_DAYS = 180
#: INA 239(b)(1): no first hearing sooner than 10 days after the notice to appear is served.
NOTICE_PERIOD_DAYS = 10


class AdjournmentCause(StrEnum):
    """Why a hearing was adjourned (a continuance): the reasons a court records most."""

    COUNSEL = "counsel"  # the respondent asked for time to seek counsel
    DHS_NOT_READY = "dhs_not_ready"  # the government was not ready
    INTERPRETER = "interpreter"  # no interpreter of the language was there
    COURT = "court"  # the court's own (the judge's calendar, a closure ...)
    OTHER = "other"


ADJOURNMENT_CAUSE_WORDS = {
    AdjournmentCause.COUNSEL: "respondent to seek counsel",
    AdjournmentCause.DHS_NOT_READY: "DHS not ready",
    AdjournmentCause.INTERPRETER: "interpreter unavailable",
    AdjournmentCause.COURT: "the court's own",
    AdjournmentCause.OTHER: "other",
}


class Party(StrEnum):
    """Who asked for a continuance."""

    RESPONDENT = "respondent"
    DHS = "dhs"
    COURT = "court"


#: Who usually asks for a continuance for each reason (the default where none is recorded).
USUAL_ASKER = {
    AdjournmentCause.COUNSEL: Party.RESPONDENT,
    AdjournmentCause.DHS_NOT_READY: Party.DHS,
    AdjournmentCause.INTERPRETER: Party.COURT,
    AdjournmentCause.COURT: Party.COURT,
}


class CaseStatus(StrEnum):
    PENDING = "pending"
    COMPLETED = "completed"
    #: Administrative closure: off the active docket, may be recalendared (shared/domain.md).
    ADMIN_CLOSED = "admin_closed"
    #: The status docket: off the active docket while something outside the court is awaited
    #: (a visa petition, a U visa ...), may come back.
    STATUS_DOCKET = "status_docket"


#: The states a case leaves the active docket for and may come back from: neither is a
#: completion (by default) nor pending work.
OFF_DOCKET = frozenset({CaseStatus.ADMIN_CLOSED, CaseStatus.STATUS_DOCKET})

CASE_STATUS_WORDS = {
    CaseStatus.PENDING: "pending",
    CaseStatus.COMPLETED: "completed",
    CaseStatus.ADMIN_CLOSED: "administratively closed",
    CaseStatus.STATUS_DOCKET: "on the status docket",
}


class CompletionKind(StrEnum):
    """How a case left the docket. Which kinds count toward the quota is the judge's setting."""

    REMOVAL_ORDER = "removal_order"
    RELIEF_GRANTED = "relief_granted"
    VOLUNTARY_DEPARTURE = "voluntary_departure"
    IN_ABSENTIA = "in_absentia"
    TERMINATION = "termination"
    DISMISSAL = "dismissal"
    CHANGE_OF_VENUE = "change_of_venue"
    TRANSFER = "transfer"
    ADMINISTRATIVE_CLOSURE = "administrative_closure"


class LeaveKind(StrEnum):
    ANNUAL = "annual"
    SICK = "sick"
    TRAINING = "training"
    OTHER = "other"


#: Decisions on the merits, in absentia orders, terminations and dismissals count; changes of
#: venue, transfers and administrative closures do not (see shared/domain.md, "Completions").
DEFAULT_COUNTED_COMPLETIONS = frozenset(
    {
        CompletionKind.REMOVAL_ORDER,
        CompletionKind.RELIEF_GRANTED,
        CompletionKind.VOLUNTARY_DEPARTURE,
        CompletionKind.IN_ABSENTIA,
        CompletionKind.TERMINATION,
        CompletionKind.DISMISSAL,
    }
)

#: Case kind -> (default remaining bench minutes to completion, the judge's minimum).
#: The defaults are shared/domain-model.md's; the minimums are our starting floors, which the
#: judge edits (docs/forecast.md explains them).
DEFAULT_CASE_MINUTES: dict[str, tuple[int, int]] = {
    "removal": (30, 20),
    "asylum": (195, 120),
    "cancellation": (195, 120),
    "adjustment": (75, 45),
    "asylum_only": (180, 110),
    "bond": (30, 15),
    "fear_review": (45, 30),
    "motion": (25, 15),
}

#: Case kind -> the hearings that complete it, in order: domain-model.md's defaults (asylum 195
#: minutes = a 15-minute master hearing and a 180-minute merits hearing; removal 30 = two master
#: calendar hearings). A kind the judge added is heard in one merits hearing.
HEARINGS_OF_KIND: dict[str, tuple[HearingKind, ...]] = {
    "removal": (HearingKind.MASTER, HearingKind.MASTER),
    "asylum": (HearingKind.MASTER, HearingKind.INDIVIDUAL),
    "cancellation": (HearingKind.MASTER, HearingKind.INDIVIDUAL),
    "adjustment": (HearingKind.MASTER, HearingKind.INDIVIDUAL),
    "asylum_only": (HearingKind.INDIVIDUAL,),
    "bond": (HearingKind.BOND,),
    "fear_review": (HearingKind.FEAR_REVIEW,),
    "motion": (HearingKind.MOTION,),
}


def hearings_of_kind(case_kind: str) -> tuple[HearingKind, ...]:
    """The hearings that complete a case of this kind (a kind the judge added: one merits)."""
    return HEARINGS_OF_KIND.get(case_kind, (HearingKind.INDIVIDUAL,))


#: Hearing kind -> (default minutes, minimum minutes), from shared/domain.md's table.
DEFAULT_HEARING_MINUTES: dict[HearingKind, tuple[int, int]] = {
    HearingKind.MASTER: (15, 10),
    HearingKind.INDIVIDUAL: (180, 110),
    HearingKind.BOND: (30, 20),
    HearingKind.FEAR_REVIEW: (45, 30),
    HearingKind.MOTION: (25, 15),
}


def label(value: str) -> str:
    """A vocabulary value as a person reads it: ``withholding_only`` is "Withholding only".

    Every value of every vocabulary, and a case kind the judge added, is shown this way; the
    value itself is the stored key.
    """
    words = str(value).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def case_kind_key(text: str) -> str:
    """The stored key of a case kind typed as people write it: "Withholding only" ->
    ``withholding_only`` (lower case, words joined by underscores)."""
    return "_".join(text.strip().lower().replace("-", " ").replace("_", " ").split())


E = TypeVar("E", bound=StrEnum)


def coerce(vocabulary: type[E], value: object, what: str) -> E:
    """``value`` as a member of ``vocabulary``, or a message that names the choices."""
    if isinstance(value, str):  # a member's value is a str: nothing else names one
        try:
            return vocabulary(value)
        except ValueError:
            pass
    choices = ", ".join(member.value for member in vocabulary)
    raise InvalidValue(f"{what} {value!r} is not one of: {choices}")
