"""The next free places for one hearing: where a clerk may set it without the mouse.

Pure and Qt-free. The free time is the auto-scheduler's (``FreeTime``: the bench sessions of the
window less leave and the hearings booked, a buffer away from them), the session kinds are the
seating rule's (``fitting_session_kinds``), and every place offered passes ``check_placement``,
the rule the calendar's drops are refused by: a place listed here is one a drop would accept.
Each place says why it fits, in a clerk's words.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Case, Hearing
from planner.domain.judge import Judge, Session
from planner.domain.plural import counted
from planner.domain.seating import fitting_session_kinds, session_words
from planner.domain.vocabulary import HearingKind, SessionKind
from planner.scheduling.autoschedule import DEFAULT_BUFFER_MINUTES, Policy
from planner.scheduling.booking import OCCUPYING, Booked, clock, long_day
from planner.scheduling.freetime import FreeTime, at_minute
from planner.scheduling.next_hearing import snap_up
from planner.scheduling.placement import check_placement

#: How many places the dialog offers.
DEFAULT_COUNT = 5

_DETAINED_KINDS = frozenset({SessionKind.DETAINED_MASTER, SessionKind.DETAINED_INDIVIDUAL})


class Order(StrEnum):
    """Which places come first."""

    EARLIEST = "earliest"  # the earliest day and time first
    TIGHTEST = "tightest"  # the gap the hearing fills best first (least time left over)


ORDER_TITLES = {
    Order.EARLIEST: "the earliest first",
    Order.TIGHTEST: "the tightest fit first (keeps long gaps for long hearings)",
}


def order_for(policy: Policy | str) -> Order:
    """The order that suits an auto-scheduler policy: most completions packs the tightest gaps
    (as its best-fit search does); oldest first and deadlines first want the earliest day."""
    return Order.TIGHTEST if Policy(policy) is Policy.MAX_COMPLETIONS else Order.EARLIEST


@dataclass(frozen=True, slots=True)
class FreePlace:
    """A place a hearing may be set: its start and length, the session, and why it fits."""

    start: datetime
    minutes: int
    kind: HearingKind
    session: Session
    free_minutes: int  # the free gap it is taken from
    reasons: tuple[str, ...]

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    def when(self) -> str:
        """ "Mon 2 Dec 2024 09:00-09:15"."""
        return f"{long_day(self.start.date())} {clock(self.start, self.end)}"

    def why(self) -> str:
        return "; ".join(self.reasons)


def free_places(
    judge: Judge,
    calendar: CourtCalendar,
    case: Case,
    kind: HearingKind,
    minutes: int,
    booked: Sequence[Booked],
    case_hearings: Iterable[Hearing],
    first: date,
    *,
    moving: int | None = None,
    order: Order = Order.EARLIEST,
    count: int = DEFAULT_COUNT,
    buffer: int = DEFAULT_BUFFER_MINUTES,
) -> list[FreePlace]:
    """Up to ``count`` places for a ``minutes``-long ``kind`` hearing of ``case``, from day
    ``first`` to ``calendar.last``, in ``order``.

    ``booked`` are the judge's hearings over the window; ``case_hearings`` all the case's own
    (the notice period binds only its first). ``moving`` is the id of the hearing being moved:
    its own time counts as free, and its present place is not offered. A new hearing
    (``moving`` None) goes on a day after the case's latest hearing on the calendar. In the
    earliest order each session offers one place (its first gap that fits); in the tightest
    order every gap that fits is a candidate.
    """
    own = [h for h in case_hearings if h.id is None or h.id != moving]
    earliest = first
    if moving is None:
        latest_day = max((h.start.date() for h in own if h.status in OCCUPYING), default=None)
        if latest_day is not None and latest_day >= earliest:
            earliest = latest_day + timedelta(days=1)
    if earliest > calendar.last:
        return []
    others = [h for h in booked if h.id is None or h.id != moving]
    free = FreeTime(calendar, others, earliest, calendar.last, buffer)
    fitting = fitting_session_kinds(kind, case.detained, case.juvenile, judge.sessions)
    language = case.language.casefold()
    by_day: dict[date, list[Booked]] = {}
    for hearing in others:
        by_day.setdefault(hearing.start.date(), []).append(hearing)
    present = next((h.start for h in case_hearings if moving is not None and h.id == moving), None)
    found: list[tuple[tuple[int, int, int], FreePlace]] = []
    for slot in free.slots:
        if slot.session.kind not in fitting or slot.language not in (None, language):
            continue
        for a, c in slot.gaps:
            start_minute = snap_up(a)
            if start_minute + minutes > c:
                continue
            start = at_minute(slot.day, start_minute)
            if start == present:
                continue
            place = Hearing(case.a_number, start, minutes, kind, id=moving)
            if check_placement(judge, calendar, place, case, [*by_day.get(slot.day, []), *own]):
                continue  # the drop's rule says no (too short, notice period...): not offered
            reasons = _reasons(case, kind, slot.session, fitting, start, own, minutes, c - a)
            key = (c - a - minutes, slot.day.toordinal(), start_minute)
            found.append((key, FreePlace(start, minutes, kind, slot.session, c - a, reasons)))
            if order is Order.EARLIEST:
                break  # one place per session
        if order is Order.EARLIEST and len(found) >= count:
            break
    if order is Order.TIGHTEST:
        found.sort(key=lambda pair: pair[0])
    return [place for _key, place in found[:count]]


def _a(words: str) -> str:
    return ("an " if words[:1] in "aeiou" else "a ") + words


def short_day(day: date) -> str:
    """ "20 Nov"."""
    return long_day(day)[4:-5]


def _reasons(
    case: Case,
    kind: HearingKind,
    session: Session,
    fitting: frozenset[SessionKind],
    start: datetime,
    own: list[Hearing],
    minutes: int,
    gap: int,
) -> tuple[str, ...]:
    words = kind.value.replace("_", " ")
    whose = " and ".join(
        w for w, flag in (("detained", case.detained), ("juvenile", case.juvenile)) if flag
    )
    reasons = [
        f"{session_words(session.kind)} session, right for {_a(words)} hearing"
        + (f" of {_a(whose)} case" if whose else "")
    ]
    if case.detained:
        if session.kind in _DETAINED_KINDS:
            reasons.append("detained: a detained docket")
        elif session.kind is SessionKind.BOND:
            reasons.append("detained: a bond session")
        else:
            reasons.append("detained: no detained session of this kind in the template")
    if case.language.casefold() == "english":
        reasons.append("no interpreter needed")
    elif session.language:
        reasons.append(f"{session.language} interpreter booked")
    else:
        reasons.append(f"no interpreter booked: book one for {case.language}")
    first_hearing = not any(h.start < start and h.status in OCCUPYING for h in own)
    earliest = case.earliest_first_hearing
    if first_hearing and earliest is not None:
        reasons.append(
            f"notice period respected (served {short_day(case.nta_served)}, "  # type: ignore[arg-type]
            f"first hearing from {short_day(earliest)})"
        )
    elif first_hearing:
        reasons.append("no notice to appear date on file: notice period unchecked")
    else:
        reasons.append("not the first hearing: no notice period")
    reasons.append(f"{counted(gap, 'minute')} free, the hearing takes {minutes}")
    return tuple(reasons)
