"""The calendar from the keyboard alone: which hearing an arrow key goes to, and where Alt+arrows
move (or Shift+Alt+arrows resize) the selected one. Reads the laid-out blocks; paints nothing."""

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from planner.domain.judge import Judge
from planner.ui.calendar.calendar_paint import Block

#: A keyboard move or resize steps by this many minutes (a quarter hour: a master calendar's
#: usual slot; the mouse snaps finer, to 5 minutes).
STEP_MINUTES = 15
_DAY = 24 * 60


def _minute(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


def columns(blocks: Sequence[Block], days: Sequence[date]) -> list[list[Block]]:
    """The blocks of each day on show, by time (then left to right, for overlapping ones)."""
    by_day: dict[date, list[Block]] = {day: [] for day in days}
    for block in blocks:
        by_day.setdefault(block.entry.start.date(), []).append(block)
    return [sorted(by_day[day], key=lambda b: (b.entry.start, b.rect.left(), b.id)) for day in days]


def reading_order(blocks: Sequence[Block], days: Sequence[date]) -> list[Block]:
    return [block for column in columns(blocks, days) for block in column]


def nearest(column: Sequence[Block], minute: int) -> Block:
    return min(column, key=lambda b: (abs(_minute(b.entry.start) - minute), b.entry.start))


def step(
    blocks: Sequence[Block], days: Sequence[date], selected: int | None, dx: int, dy: int
) -> int | None:
    """The hearing an arrow key selects from ``selected``: Up/Down (``dy``) the previous or next
    one of its day, Left/Right (``dx``) the one nearest in time on the nearest day in that
    direction that has any. With none selected, the first (or, going back, the last) on show.
    None when there is none that way (Left/Right then turn the page)."""
    ordered = reading_order(blocks, days)
    current = next((b for b in ordered if b.id == selected), None)
    if current is None:
        if not ordered:
            return None
        return (ordered[-1] if dx < 0 or dy < 0 else ordered[0]).id
    cols = columns(blocks, days)
    here = next(i for i, col in enumerate(cols) if current in col)
    if dy:
        column = cols[here]
        at = column.index(current) + dy
        return column[at].id if 0 <= at < len(column) else current.id
    at = here + dx
    while 0 <= at < len(cols):
        if cols[at]:
            return nearest(cols[at], _minute(current.entry.start)).id
        at += dx
    return None


def arrive(blocks: Sequence[Block], days: Sequence[date], dx: int, minute: int) -> int | None:
    """After a page turn by Left (``dx`` < 0) or Right: the hearing nearest ``minute`` on the
    last (first) day with any, or None."""
    cols = [col for col in columns(blocks, days) if col]
    if not cols:
        return None
    return nearest(cols[-1] if dx < 0 else cols[0], minute).id


def moved(
    start: datetime, minutes: int, days: int, by: int, resize: bool, weekend: bool
) -> tuple[datetime, int]:
    """Where Alt+arrows put a hearing from ``start`` for ``minutes``: ``days`` days on (over a
    weekend when the judge sits on weekdays only) and ``by`` minutes later, kept in its day; with
    ``resize``, the same start and ``by`` minutes longer (one step at least)."""
    if resize:
        longest = _DAY - _minute(start)
        return start, max(STEP_MINUTES, min(longest, minutes + by))
    day = start.date()
    for _ in range(abs(days)):
        day += timedelta(days=1 if days > 0 else -1)
        while not weekend and day.weekday() >= 5:
            day += timedelta(days=1 if days > 0 else -1)
    minute = max(0, min(_DAY - minutes, _minute(start) + by))
    return datetime.combine(day, datetime.min.time()) + timedelta(minutes=minute), minutes


def call_times_of(judge: Judge, start: datetime) -> tuple[time, ...]:
    """The call times of the master calendar a hearing at ``start`` sits in (none when it is
    not in one): Alt+Up and Alt+Down move such a case from call to call."""
    for session in judge.sessions_on(start.weekday()):
        if session.case_limit is not None and session.start <= start.time() < session.end:
            return session.calls
    return ()
