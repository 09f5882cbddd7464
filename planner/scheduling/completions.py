"""The max-completions policy: which cases to complete, and where their hearings go.

Packing the most cases into the year's sessions is a bin-packing problem, and the classic rules
for it apply (docs/autoschedule.md, "max-completions"):

- **Which cases.** With the least bench time first (hearing minutes plus a buffer each): the
  most of them that can all be placed, found by bisection. For one kind of session this is the
  optimum's choice (a shorter case never does worse than a longer one in its place); where
  several kinds of session bind differently, the cases left out are then tried again, least
  bench time first, and each that still fits is added.
- **Where.** The chosen cases are placed longest hearing first, each case's last hearing in
  the gap that fits it most tightly (best fit decreasing: merits hearings take whole sessions
  first, short hearings then fill what they leave), the hearings before it at the earliest
  free time, a case's hearings on later and later days, all of them or none.

Qt-free and pure: it works on a ``FreeTime`` and the cases' needs.
"""

from collections.abc import Callable, Sequence
from datetime import date

from planner.domain.vocabulary import HearingKind, SessionKind
from planner.scheduling.freetime import FreeTime, Slot
from planner.scheduling.plans import CaseNeeds, Need

#: A case's booked hearings: each need, its slot and its start (minute of the day).
Placement = list[tuple[Need, Slot, int]]


def fit_best(
    free: FreeTime, need: CaseNeeds, rank: dict[SessionKind, int] | None = None
) -> list[tuple[Slot, int]] | int:
    """Where the case's hearings go (its last in the tightest gap, the ones before it at the
    earliest time, each on a later day than the one before), or the index of the first that
    finds no room. Nothing is booked: the hearings fall on different days, so they cannot take
    each other's gaps. ``rank``: among gaps that fit as tightly, the session kinds to take
    first (``seating``)."""
    language = need.case.language.casefold()
    earliest = need.earliest
    spots: list[tuple[Slot, int]] = []
    last = len(need.needs) - 1
    for index, hearing in enumerate(need.needs):
        if index == last:
            found = free.best(hearing.sessions, language, hearing.minutes, earliest, rank=rank)
        else:
            found = free.find(hearing.sessions, language, hearing.minutes, earliest)
        if found is None:
            return index
        spots.append(found)
        earliest = date.fromordinal(found[0].day.toordinal() + 1)
    return spots


def book(free: FreeTime, need: CaseNeeds, spots: Sequence[tuple[Slot, int]]) -> Placement:
    return [
        (hearing, slot, free.take(slot, gap, hearing.minutes))
        for hearing, (slot, gap) in zip(need.needs, spots, strict=False)
    ]


#: Bench time of one session kind with one interpreter's language (None: any language).
_Room = tuple[SessionKind, str | None]


def fluid_order(
    free: FreeTime, ordered: Sequence[CaseNeeds], rounds: int = 3
) -> tuple[list[CaseNeeds], dict[str, tuple[frozenset[SessionKind], ...]]]:
    """The cases in the order of their bench time in the session kinds that are full, and, for
    each case that fits, the session kind each of its hearings goes to.

    The minutes left in each session kind (and interpreter language) are counted as one sum
    (each gap with one buffer more). The cases, in the order given, take minutes while their
    hearings fit; a hearing that may sit in several kinds goes where the most is left, a
    session with the case's own interpreter before an open one. A session kind some hearing
    found full is then priced at its minutes, the others at a twentieth of theirs, the cases
    sorted again by that price and the count done again (``rounds`` times): where master time
    is full and merits time is not, an asylum case (one master hearing) comes before a removal
    case (two). The cases that fit come first, the others after them, each part in order."""
    buffer = free.buffer
    # A gap holds whole hearings: count in it only a multiple of the smallest that may sit there.
    smallest: dict[SessionKind, int] = {}
    for need in ordered:
        for hearing in need.needs:
            for kind in hearing.sessions:
                size = hearing.minutes + buffer
                smallest[kind] = min(smallest.get(kind, size), size)
    capacity: dict[_Room, int] = {}
    for slot in free.slots:
        key = (slot.session.kind, slot.language)
        unit = smallest.get(slot.session.kind, 1) or 1
        capacity[key] = capacity.get(key, 0) + sum(
            (c - a + buffer) // unit * unit for a, c in slot.gaps
        )
    # How pressed each is: the minutes all the cases would ask of it, each hearing's shared
    # evenly among the kinds it may sit in, over its minutes.
    asked: dict[_Room, float] = dict.fromkeys(capacity, 0.0)
    for need in ordered:
        language = need.case.language.casefold()
        for hearing in need.needs:
            allowed = [
                key for key in capacity if key[0] in hearing.sessions and key[1] in (None, language)
            ]
            for key in allowed:
                asked[key] += (hearing.minutes + buffer) / len(allowed)
    pressed = {key: asked[key] / cap if cap > 0 else 1e9 for key, cap in capacity.items()}
    order = list(ordered)
    rank = {need.case.a_number: k for k, need in enumerate(ordered)}
    full: set[_Room] = set()
    for _ in range(rounds):
        room = dict(capacity)
        kept: list[CaseNeeds] = []
        left: list[CaseNeeds] = []
        kinds: dict[str, tuple[frozenset[SessionKind], ...]] = {}
        found_full: set[_Room] = set()
        for need in order:
            language = need.case.language.casefold()
            taken: list[tuple[_Room, int]] = []
            for hearing in need.needs:
                size = hearing.minutes + buffer
                allowed = [
                    key for key in room if key[0] in hearing.sessions and key[1] in (None, language)
                ]
                where = [key for key in allowed if room[key] >= size]
                if not where:
                    found_full.update(allowed)
                    break
                key = min(where, key=lambda k: (pressed[k], -room[k]))
                room[key] -= size
                taken.append((key, size))
            if len(taken) == len(need.needs):
                kept.append(need)
                kinds[need.case.a_number] = tuple(frozenset({key[0]}) for key, _size in taken)
            else:
                for key, size in taken:
                    room[key] += size
                left.append(need)
        if found_full == full:
            break
        full = found_full

        def price(need: CaseNeeds, full: set[_Room] = full) -> tuple[float, int]:
            language = need.case.language.casefold()
            cost = 0.0
            for hearing in need.needs:
                rates = [
                    1.0 if key in full else 0.05
                    for key in capacity
                    if key[0] in hearing.sessions and key[1] in (None, language)
                ]
                cost += (hearing.minutes + buffer) * min(rates, default=1.0)
            return cost, rank[need.case.a_number]

        order = sorted(ordered, key=price)
    return kept + left, kinds


def seating(free: FreeTime, ordered: Sequence[CaseNeeds]) -> dict[SessionKind, int]:
    """The session kinds from the least pressed to the most: the minutes all the cases would
    ask of a kind (each hearing's shared evenly among the kinds it may sit in) over its free
    minutes. Among gaps that fit a hearing as tightly, it goes to the least pressed kind: a
    fear review, which may sit in any bench session, to a bond session rather than a master
    session that removal cases need."""
    buffer = free.buffer
    capacity: dict[SessionKind, int] = {}
    for slot in free.slots:
        kind = slot.session.kind
        capacity[kind] = capacity.get(kind, 0) + sum(c - a + buffer for a, c in slot.gaps)
    asked: dict[SessionKind, float] = dict.fromkeys(capacity, 0.0)
    for need in ordered:
        for hearing in need.needs:
            present = [kind for kind in hearing.sessions if kind in capacity]
            for kind in present:
                asked[kind] += (hearing.minutes + buffer) / len(present)
    ranked = sorted(
        capacity,
        key=lambda k: (asked[k] / capacity[k] if capacity[k] else float("inf"), k.value),
    )
    return {kind: n for n, kind in enumerate(ranked)}


def most_completions(
    free: FreeTime, ordered: Sequence[CaseNeeds], tick: Callable[[], None]
) -> tuple[dict[str, Placement], dict[str, int]]:
    """The cases completed (A-number -> their hearings, booked in ``free``) and, for each case
    left out, the index of its first hearing that found no room. ``ordered``: the cases, least
    bench time first; ``tick()`` is called once per case tried."""
    base = free.state()
    rank = seating(free, ordered)
    choices = [list(ordered)]
    fluid, _kinds = fluid_order(free, ordered)
    if fluid != choices[0]:
        choices.append(fluid)
    best: tuple[dict[str, Placement], dict[str, int]] | None = None
    for order in choices:
        free.restore(base)
        found = _most_in_order(free, order, rank, tick)
        if best is None or len(found[0]) > len(best[0]):
            best, state = found, free.state()
    # And three plain greedies: each case in turn at the earliest time it fits, least bench
    # time first (the rule of old), oldest first (the oldest policy's completions), and the
    # cases with a merits hearing first, oldest first, then the others oldest first. Where
    # the kinds of session bind unevenly, they sometimes pack better than the rules above.
    # The third is for master time that binds: a case's merits hearing must come on a later
    # day than its master hearing, so when cases of master hearings only (removal: two) take
    # the early master mornings, the merits cases get theirs late in the year and find no
    # afternoon after them. Taken first, they claim the early mornings and the afternoons
    # after; the master-only cases, which need no afternoon, take the mornings left, late
    # ones included (docs/performance.md, "The auto-scheduler").
    oldest = sorted(ordered, key=lambda n: (n.case.received, n.case.a_number))
    merits_first = sorted(oldest, key=lambda n: not _has_merits(n))
    for order in (list(ordered), oldest, merits_first):
        free.restore(base)
        found = _earliest_in_order(free, order, tick)
        if best is None or len(found[0]) > len(best[0]):
            best, state = found, free.state()
    assert best is not None
    free.restore(state)
    return best


def _has_merits(need: CaseNeeds) -> bool:
    return any(hearing.kind is HearingKind.INDIVIDUAL for hearing in need.needs)


def _earliest_in_order(
    free: FreeTime, ordered: Sequence[CaseNeeds], tick: Callable[[], None]
) -> tuple[dict[str, Placement], dict[str, int]]:
    placed: dict[str, Placement] = {}
    failed: dict[str, int] = {}
    for need in ordered:
        tick()
        language = need.case.language.casefold()
        earliest = need.earliest
        spots: list[tuple[Slot, int]] = []
        for index, hearing in enumerate(need.needs):
            found = free.find(hearing.sessions, language, hearing.minutes, earliest)
            if found is None:
                failed[need.case.a_number] = index
                break
            spots.append(found)
            earliest = date.fromordinal(found[0].day.toordinal() + 1)
        else:
            placed[need.case.a_number] = book(free, need, spots)
    return placed, failed


def _most_in_order(
    free: FreeTime,
    ordered: Sequence[CaseNeeds],
    rank: dict[SessionKind, int],
    tick: Callable[[], None],
) -> tuple[dict[str, Placement], dict[str, int]]:
    base = free.state()
    decreasing = sorted(
        range(len(ordered)),
        key=lambda k: (-max(h.minutes for h in ordered[k].needs), -ordered[k].minutes, k),
    )

    def attempt(count: int) -> tuple[dict[str, Placement], bool]:
        """Place the ``count`` cases of least bench time, longest first; whether all fit."""
        free.restore(base)
        placed: dict[str, Placement] = {}
        for k in decreasing:
            if k >= count:
                continue
            tick()
            need = ordered[k]
            spots = fit_best(free, need, rank)
            if isinstance(spots, int):
                return placed, False
            placed[need.case.a_number] = book(free, need, spots)
        return placed, True

    low, high = 0, len(ordered)  # the ``low`` cases of least bench time all fit
    while low < high:
        middle = (low + high + 1) // 2
        if attempt(middle)[1]:
            low = middle
        else:
            high = middle - 1
    placed, _ = attempt(low)
    failed: dict[str, int] = {}
    for need in ordered[low:]:
        tick()
        spots = fit_best(free, need, rank)
        if isinstance(spots, int):
            failed[need.case.a_number] = spots
        else:
            placed[need.case.a_number] = book(free, need, spots)
    return placed, failed
