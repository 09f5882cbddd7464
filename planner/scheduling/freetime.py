"""A judge's free bench time from a day to fiscal-year end, computed once, as gaps per session.

Every open bench session of the window becomes a ``Slot``: its day, kind, interpreter language and
its free gaps in whole minutes of the day, after leave and the hearings already booked (kept a
buffer away from them). The auto-scheduler takes hearings out of the gaps; nothing here reads the
database again.
"""

from bisect import bisect_left, insort
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from planner.domain.calendar import CourtCalendar, days_between
from planner.domain.judge import WEEKDAY_NAMES, Session
from planner.domain.vocabulary import SessionKind
from planner.scheduling.booking import OCCUPYING, Booked


class Slot(NamedTuple):
    """One bench session on one day, and its free gaps as [start, end) minutes of the day (the
    list changes as they are taken)."""

    day: date
    session: Session
    gaps: list[list[int]]
    number: int  # its place in ``FreeTime.slots``

    @property
    def language(self) -> str | None:
        return self.session.language.casefold() if self.session.language else None

    def label(self) -> str:
        s = self.session
        day = self.day
        return (
            f"{WEEKDAY_NAMES[day.weekday()]} {day.isoformat()} "
            f"{s.start.isoformat('minutes')}-{s.end.isoformat('minutes')} {s.kind.value}"
        )


def _minute(moment: time) -> int:
    return moment.hour * 60 + moment.minute


#: A best-fit index entry: the gap lengths present (sorted) and, per length, its gaps as sorted
#: (day ordinal, slot, start).
_Gaps = tuple[list[int], dict[int, list[tuple[int, int, int]]]]


class FreeTime:
    """The free bench time of the window, with the search for the earliest gap that fits.

    ``find`` returns the first slot, in order of day and start, of a fitting session kind and
    language with a gap of the wanted minutes, on or after a day; ``take`` books it. Gaps only
    shrink, so for each (sessions, language, minutes) the scan remembers how far every slot is
    known to be too full (a disjoint-set "next candidate" list), and a year's search costs
    little more than one pass. ``best`` returns the gap that fits most tightly instead (an
    index of the gaps by length, kept as they are taken); ``state`` and ``restore`` let a
    caller try a proposal and go back.
    """

    def __init__(
        self,
        calendar: CourtCalendar,
        hearings: Iterable[Booked],
        first: date,
        last: date,
        buffer: int,
    ) -> None:
        self.buffer = buffer
        self.first, self.last = first, last
        #: A master calendar's places are counted in minutes of a master hearing: its gap is
        #: [start, start + places left x per_case), and a hearing set in it takes one place.
        self.per_case = int(calendar.judge.counted_minutes(_ONE_CASE))
        busy: dict[date, list[tuple[int, int]]] = {}
        starts: dict[date, list[int]] = {}
        for hearing in hearings:
            day = hearing.start.date()
            if hearing.status in OCCUPYING and first <= day <= last:
                start = hearing.start.hour * 60 + hearing.start.minute
                busy.setdefault(day, []).append((start - buffer, start + hearing.minutes + buffer))
                starts.setdefault(day, []).append(start)
        self.slots: list[Slot] = []
        for day in days_between(first, last):
            sessions = calendar.bench_sessions(day)
            if not sessions:
                continue
            midnight = datetime.combine(day, time())
            leave = [
                (
                    max(0, int((entry.start - midnight).total_seconds() // 60)),
                    min(1440, -int(-(entry.end - midnight).total_seconds() // 60)),
                )
                for entry in calendar.leave_on(day)
            ]
            taken = sorted(leave + busy.get(day, []))
            for session, _interval in sorted(sessions, key=lambda pair: pair[0].start):
                if session.case_limit is not None:
                    gaps = self._places(session, leave, starts.get(day, []))
                    self.slots.append(Slot(day, session, gaps, len(self.slots)))
                    continue
                gaps = _subtract(_minute(session.start), _minute(session.end), taken)
                self.slots.append(Slot(day, session, gaps, len(self.slots)))
        self._ordinals = [slot.day.toordinal() for slot in self.slots]
        #: The interpreter languages of the window's sessions. A language that none of them has
        #: is open to the open sessions alone, as any other such language is: ``find`` takes
        #: them all for one (None), with one list of slots and one record of the too full for
        #: all of them, not one per language asked (a docket asks for a dozen or more).
        self._tongues = frozenset(slot.language for slot in self.slots if slot.language)
        self._of_kinds: dict[frozenset[SessionKind], list[tuple[Slot, str | None]]] = {}
        self._lists: dict[
            tuple[frozenset[SessionKind], str | None], tuple[list[Slot], list[int]]
        ] = {}
        self._skip: dict[tuple[frozenset[SessionKind], str | None, int], list[int]] = {}
        #: For each (sessions, language): the minutes that have a skip list, in order.
        self._skipped: dict[tuple[frozenset[SessionKind], str | None], list[int]] = {}
        #: For each (sessions, language, minutes): the first day (ordinal) from which ``find``
        #: has found no gap to the window's end; any search from that day on finds none either.
        self._full: dict[tuple[frozenset[SessionKind], str | None, int], int] = {}
        # The best-fit index, built on first use: (session kind, language) -> the gap lengths
        # present (sorted) and, per length, its gaps as sorted (day ordinal, slot, start).
        self._index: dict[tuple[SessionKind, str | None], _Gaps] = {}
        self._indexed = False
        self._bins: dict[
            tuple[frozenset[SessionKind], str | None],
            list[tuple[SessionKind, list[int], dict[int, list[tuple[int, int, int]]]]],
        ] = {}

    def _places(
        self, session: Session, leave: list[tuple[int, int]], starts: list[int]
    ) -> list[list[int]]:
        """A master calendar's one gap: its places left (the limit less the cases set in it), in
        minutes of a master hearing from its start; none when leave touches the session."""
        a, c = _minute(session.start), _minute(session.end)
        if any(x < c and a < y for x, y in leave):
            return []
        limit, used = session.case_limit or 0, sum(1 for start in starts if a <= start < c)
        # Places [used, limit) in the order of call, each per_case minutes from the start.
        return [[a + used * self.per_case, a + limit * self.per_case]] if used < limit else []

    def state(self) -> list[list[list[int]]]:
        """The free gaps as they are now, for ``restore``."""
        return [[list(gap) for gap in slot.gaps] for slot in self.slots]

    def restore(self, state: list[list[list[int]]]) -> None:
        """Put the free gaps back as ``state`` had them (what was taken since is free again)."""
        for slot, gaps in zip(self.slots, state, strict=True):
            slot.gaps[:] = [list(gap) for gap in gaps]
        self._skip.clear()
        self._skipped.clear()
        self._full.clear()
        self._index.clear()
        self._indexed = False

    def longest(self) -> dict[SessionKind, int]:
        """Each session kind's longest session (minutes), from the weekly template's sessions."""
        found: dict[SessionKind, int] = {}
        for slot in self.slots:
            kind = slot.session.kind
            found[kind] = max(found.get(kind, 0), slot.session.minutes)
        return found

    def _list(
        self, kinds: frozenset[SessionKind], language: str | None
    ) -> tuple[list[Slot], list[int]]:
        """The slots of these kinds open to the language (the open sessions and those with its
        interpreter), in order, with their days' ordinals."""
        language = self.searched_as(language)
        key = (kinds, language)
        found = self._lists.get(key)
        if found is None:
            # The sessions of these kinds first, once for every language asked (a docket's
            # cases ask for a few dozen pairs of kinds and language).
            of_kinds = self._of_kinds.get(kinds)
            if of_kinds is None:
                of_kinds = self._of_kinds[kinds] = [
                    (slot, slot.language) for slot in self.slots if slot.session.kind in kinds
                ]
            slots = [slot for slot, tongue in of_kinds if tongue is None or tongue == language]
            ordinals = self._ordinals
            found = (slots, [ordinals[slot.number] for slot in slots])
            self._lists[key] = found
        return found

    def searched_as(self, language: str | None) -> str | None:
        """The (casefolded) language as ``find`` sees it: itself when a session of the window
        has its interpreter, else None, the open sessions alone, as for every such language."""
        return language if language in self._tongues else None

    def has_sessions(self, kinds: frozenset[SessionKind], language: str | None) -> bool:
        """Whether the window has any session of these kinds open to the language."""
        return bool(self._list(kinds, language)[0])

    def find(
        self,
        kinds: frozenset[SessionKind],
        language: str | None,
        minutes: int,
        earliest: date,
        latest: date | None = None,
    ) -> tuple[Slot, int] | None:
        """The earliest slot with a gap of ``minutes`` (and the gap's index) from day
        ``earliest`` up to day ``latest`` (default: the window's end), or None."""
        language = self.searched_as(language)
        key = (kinds, language, minutes)
        low = earliest.toordinal()
        full = self._full.get(key)
        if full is not None and low >= full:
            return None  # known too full from an earlier day to the end: gaps only shrink
        slots, ordinals = self._list(kinds, language)
        skip = self._skip.get(key)
        if skip is None:
            skip = self._skip[key] = self._new_skip(kinds, language, minutes, len(slots))
        stop = len(slots)
        if latest is not None:
            stop = bisect_left(ordinals, latest.toordinal() + 1)
        index = _next(skip, bisect_left(ordinals, low))
        while index < stop:
            for number, (a, c) in enumerate(slots[index].gaps):
                if c - a >= minutes:
                    return slots[index], number
            skip[index] = index + 1  # too full for these minutes, now and from now on
            index = _next(skip, index + 1)
        if stop == len(slots):
            self._full[key] = low if full is None else min(full, low)
        return None

    def _new_skip(
        self, kinds: frozenset[SessionKind], language: str | None, minutes: int, count: int
    ) -> list[int]:
        """A skip list for ``find``'s search of these minutes: a copy of the one for the most
        minutes fewer than these, if any (a slot too full for fewer minutes is too full for
        these; most of a docket's searches are for a handful of lengths), else one that knows
        no slot too full."""
        known = self._skipped.setdefault((kinds, language), [])
        below = bisect_left(known, minutes)
        insort(known, minutes)
        if below:
            return list(self._skip[(kinds, language, known[below - 1])])
        return list(range(count + 1))

    def best(
        self,
        kinds: frozenset[SessionKind],
        language: str | None,
        minutes: int,
        earliest: date,
        latest: date | None = None,
        rank: dict[SessionKind, int] | None = None,
    ) -> tuple[Slot, int] | None:
        """The slot and gap that fit ``minutes`` most tightly (the least room left over; ties to
        the session kind ranked first in ``rank``, then the earliest day, then the earliest
        session) from day ``earliest`` up to day ``latest`` (default: the window's end), or
        None."""
        if not self._indexed:
            self._build_index()
        key = (kinds, language)
        bins = self._bins.get(key)
        if bins is None:
            bins = self._bins[key] = [
                (kind, *found)
                for (kind, tongue), found in self._index.items()
                if kind in kinds and tongue in (None, language)
            ]
        low = earliest.toordinal()
        high = latest.toordinal() if latest is not None else self.last.toordinal()
        found: tuple[int, int, int, int, int] | None = None
        for kind, lengths, buckets in bins:
            order = rank.get(kind, 0) if rank else 0
            at = bisect_left(lengths, minutes)
            while at < len(lengths):
                length = lengths[at]
                if found is not None and length > found[0]:
                    break
                bucket = buckets[length]
                k = bisect_left(bucket, (low,))
                if k < len(bucket) and bucket[k][0] <= high:
                    candidate = (length, order, *bucket[k])
                    if found is None or candidate < found:
                        found = candidate
                    break
                at += 1
        if found is None:
            return None
        slot = self.slots[found[3]]
        start = found[4]
        return slot, next(n for n, (a, _c) in enumerate(slot.gaps) if a == start)

    def _build_index(self) -> None:
        self._index.clear()
        self._bins.clear()
        for slot in self.slots:
            for a, c in slot.gaps:
                self._add(slot, a, c)
        self._indexed = True

    def _add(self, slot: Slot, a: int, c: int) -> None:
        key = (slot.session.kind, slot.language)
        found = self._index.get(key)
        if found is None:
            found = self._index[key] = ([], {})
            self._bins.clear()
        lengths, buckets = found
        bucket = buckets.get(c - a)
        if bucket is None:
            bucket = buckets[c - a] = []
            insort(lengths, c - a)
        insort(bucket, (slot.day.toordinal(), slot.number, a))

    def _remove(self, slot: Slot, a: int, c: int) -> None:
        lengths, buckets = self._index[(slot.session.kind, slot.language)]
        bucket = buckets[c - a]
        entry = (slot.day.toordinal(), slot.number, a)
        del bucket[bisect_left(bucket, entry)]
        if not bucket:
            del buckets[c - a]
            del lengths[bisect_left(lengths, c - a)]

    def take(self, slot: Slot, gap: int, minutes: int) -> int:
        """Book ``minutes`` at the start of the slot's gap; returns the start (minute of day)."""
        a, c = slot.gaps[gap]
        master = slot.session.case_limit is not None
        # A master calendar's hearing takes one place (no buffer: cases follow in call order).
        rest = a + self.per_case if master else a + minutes + self.buffer
        if rest < c:
            slot.gaps[gap] = [rest, c]
        else:
            del slot.gaps[gap]
        if self._indexed:
            self._remove(slot, a, c)
            if rest < c:
                self._add(slot, rest, c)
        return call_minute(slot.session, a, self.per_case) if master else a


#: A stand-in master calendar of one case: Judge.counted_minutes of it is the minutes per case.
_ONE_CASE = Session(0, time(0), time(0, 1), SessionKind.MASTER, None, 1)


def call_minute(session: Session, place_minute: int, per_case: int) -> int:
    """The call time (minute of the day) of the master calendar's place that starts at
    ``place_minute`` of its places: its places are shared among its call times in order."""
    calls = session.calls
    place = (place_minute - _minute(session.start)) // max(1, per_case)
    limit = session.case_limit or 1
    return _minute(calls[min(len(calls) - 1, place * len(calls) // limit)])


def _next(skip: list[int], index: int) -> int:
    """The first slot from ``index`` on not yet known to be too full (with path halving)."""
    while skip[index] != index:
        skip[index] = skip[skip[index]]
        index = skip[index]
    return index


def _subtract(start: int, end: int, taken: list[tuple[int, int]]) -> list[list[int]]:
    """[start, end) less the (sorted) taken spans, as a list of [a, c) gaps."""
    gaps: list[list[int]] = []
    cursor = start
    for a, c in taken:
        if c <= cursor or a >= end:
            continue
        if a > cursor:
            gaps.append([cursor, a])
        cursor = max(cursor, c)
    if cursor < end:
        gaps.append([cursor, end])
    return gaps


def at_minute(day: date, minute: int) -> datetime:
    return datetime.combine(day, time()) + timedelta(minutes=minute)
