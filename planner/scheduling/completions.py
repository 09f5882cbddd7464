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

from planner.scheduling.freetime import FreeTime, Slot
from planner.scheduling.plans import CaseNeeds, Need

#: A case's booked hearings: each need, its slot and its start (minute of the day).
Placement = list[tuple[Need, Slot, int]]


def fit_best(
    free: FreeTime, need: CaseNeeds, prefer: Sequence[frozenset] = ()
) -> list[tuple[Slot, int]] | int:
    """Where the case's hearings go (its last in the tightest gap, the ones before it at the
    earliest time, each on a later day than the one before), or the index of the first that
    finds no room. Nothing is booked: the hearings fall on different days, so they cannot take
    each other's gaps. ``prefer``: for each hearing, the session kinds to look in first."""
    language = need.case.language.casefold()
    earliest = need.earliest
    spots: list[tuple[Slot, int]] = []
    last = len(need.needs) - 1
    for index, hearing in enumerate(need.needs):
        search = free.best if index == last else free.find
        found = None
        if prefer and prefer[index] != hearing.sessions:
            found = search(prefer[index], language, hearing.minutes, earliest)
        if found is None:
            found = search(hearing.sessions, language, hearing.minutes, earliest)
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


def fluid_order(
    free: FreeTime, ordered: Sequence[CaseNeeds], rounds: int = 3
) -> tuple[list[CaseNeeds], dict[str, tuple[frozenset, ...]]]:
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
    capacity: dict[tuple, int] = {}
    for slot in free.slots:
        key = (slot.session.kind, slot.language)
        capacity[key] = capacity.get(key, 0) + sum(c - a + buffer for a, c in slot.gaps)
    order = list(ordered)
    rank = {need.case.a_number: k for k, need in enumerate(ordered)}
    full: set[tuple] = set()
    for _ in range(rounds):
        room = dict(capacity)
        kept: list[CaseNeeds] = []
        left: list[CaseNeeds] = []
        kinds: dict[str, tuple[frozenset, ...]] = {}
        found_full: set[tuple] = set()
        for need in order:
            language = need.case.language.casefold()
            taken: list[tuple[tuple, int]] = []
            for hearing in need.needs:
                size = hearing.minutes + buffer
                allowed = [
                    key for key in room if key[0] in hearing.sessions and key[1] in (None, language)
                ]
                where = [key for key in allowed if room[key] >= size]
                if not where:
                    found_full.update(allowed)
                    break
                key = min(where, key=lambda k: (k[1] is None, -room[k]))
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

        def price(need: CaseNeeds, full: set[tuple] = full) -> tuple[float, int]:
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


def most_completions(
    free: FreeTime, ordered: Sequence[CaseNeeds], tick: Callable[[], None]
) -> tuple[dict[str, Placement], dict[str, int]]:
    """The cases completed (A-number -> their hearings, booked in ``free``) and, for each case
    left out, the index of its first hearing that found no room. ``ordered``: the cases, least
    bench time first; ``tick()`` is called once per case tried."""
    base = free.state()
    choices: list[tuple[list[CaseNeeds], dict[str, tuple[frozenset, ...]]]] = [(list(ordered), {})]
    fluid = fluid_order(free, ordered)
    if fluid[0] != choices[0][0] or any(
        len(kinds) and any(len(k) < len(n.sessions) for k, n in zip(kinds, need.needs, strict=True))
        for need in ordered
        if (kinds := fluid[1].get(need.case.a_number)) is not None
    ):
        choices.append(fluid)
    best: tuple[dict[str, Placement], dict[str, int]] | None = None
    for order, prefer in choices:
        free.restore(base)
        found = _most_in_order(free, order, prefer, tick)
        if best is None or len(found[0]) > len(best[0]):
            best, state = found, free.state()
    # And the greedy of old: each case in turn at the earliest time it fits, never worse
    # than the rule above on every docket where the sessions' kinds bind unevenly.
    free.restore(base)
    found = _earliest_in_order(free, ordered, tick)
    if best is None or len(found[0]) > len(best[0]):
        return found
    free.restore(state)
    return best


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
    prefer: dict[str, tuple[frozenset, ...]],
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
            spots = fit_best(free, need, prefer.get(need.case.a_number, ()))
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
        spots = fit_best(free, need, prefer.get(need.case.a_number, ()))
        if isinstance(spots, int):
            failed[need.case.a_number] = spots
        else:
            placed[need.case.a_number] = book(free, need, spots)
    return placed, failed
