"""What a screen reader hears of the painted day and week: each day, its sessions and its hearings
as accessible objects in reading order (day by day, each by the time of day), with their text.

Read from the laid-out scene and the view's data, never from the painting, so that how the
timeline is drawn can change without touching this.
"""

from collections.abc import Sequence
from datetime import date, datetime, time

from PySide6.QtCore import QRectF
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from planner.domain.anumber import format_a_number
from planner.domain.judge import Session
from planner.domain.vocabulary import HearingKind, HearingStatus, SessionKind
from planner.scheduling.days import DayState, DaySummary
from planner.store.agenda import CalendarEntry
from planner.ui.calendar.calendar_paint import Scene
from planner.ui.common.accessibility import AccessibleItem

_HEARING_WORDS = {
    HearingKind.MASTER: "master calendar",
    HearingKind.INDIVIDUAL: "merits",
    HearingKind.BOND: "bond",
    HearingKind.FEAR_REVIEW: "fear review",
    HearingKind.MOTION: "motion",
}
_OFF = (DayState.HOLIDAY, DayState.CLOSURE, DayState.LEAVE)


def clock(moment: time | datetime) -> str:
    """9:00, 13:30: as a screen reader says a time best."""
    return f"{moment.hour}:{moment.minute:02d}"


def session_kind_text(kind: SessionKind) -> str:
    if kind is SessionKind.ADMINISTRATIVE:
        return "administrative time"
    return kind.value.replace("_", " ") + " calendar"


def session_text(session: Session, hearings: int) -> str:
    """ "9:00 to 12:00, master calendar, 14 hearings" (and the interpreter booked for it)."""
    language = f", {session.language} interpreter" if session.language else ""
    count = f"{hearings} hearing" + ("" if hearings == 1 else "s")
    kind = session_kind_text(session.kind)
    return f"{clock(session.start)} to {clock(session.end)}, {kind}{language}, {count}"


def hearing_text(entry: CalendarEntry, conflict: bool = False) -> str:
    """ "A123-456-789, asylum merits, Spanish, detained, 10:00 to 13:00": what the block shows,
    in words (the name is in the description: it is hidden when the screen is shared)."""
    parts = [
        format_a_number(entry.a_number),
        f"{entry.case_kind} {_HEARING_WORDS.get(entry.kind, entry.kind.value)}".strip(),
        entry.language,
    ]
    parts += [w for w, on in (("detained", entry.detained), ("juvenile", entry.juvenile)) if on]
    if entry.represented:
        parts.append("represented")
    if entry.status is not HearingStatus.SCHEDULED:
        parts.append(entry.status.value)
    if conflict:
        parts.append("in conflict")
    parts.append(f"{clock(entry.start)} to {clock(entry.end)}")
    return ", ".join(p for p in parts if p)


def _in_session(entry: CalendarEntry, session: Session) -> bool:
    return session.start <= entry.start.time() < session.end


def timeline_items(
    host: QWidget,
    scene: Scene,
    sessions: Sequence[Session],
    entries: Sequence[CalendarEntry],
    summaries: dict[date, DaySummary],
    names: bool,
) -> list[AccessibleItem]:
    """The timeline's accessible objects, in reading order: a day's heading, then its sessions
    and hearings by the time of day (a session before the hearings it holds)."""
    items: list[AccessibleItem] = []
    by_id = {b.id: b for b in scene.blocks}
    for head in scene.heads:
        day = head.day
        todays = sorted(
            (e for e in entries if e.start.date() == day and e.id in by_id),
            key=lambda e: (e.start, e.id),
        )
        count = f"{len(todays)} hearing" + ("" if len(todays) == 1 else "s")
        state = f", {head.state}" if head.state else ""
        items.append(
            AccessibleItem(
                host,
                QAccessible.Role.Heading,
                f"{day:%A} {day.day} {day:%B}{state}, {count}",
                head.rect,
            )
        )
        summary = summaries.get(day)
        off = summary is not None and summary.state in _OFF
        timed: list[tuple[time, int, AccessibleItem]] = []
        for session in sessions:
            if session.weekday != day.weekday() or off:
                continue
            minute = session.start.hour * 60 + session.start.minute
            held = sum(1 for e in todays if _in_session(e, session))
            timed.append(
                (
                    session.start,
                    0,
                    AccessibleItem(
                        host,
                        QAccessible.Role.Grouping,
                        session_text(session, held),
                        scene.slot_rect(day, minute, session.minutes),
                    ),
                )
            )
        for entry in todays:
            block = by_id[entry.id]
            timed.append(
                (
                    entry.start.time(),
                    1,
                    AccessibleItem(
                        host,
                        QAccessible.Role.ListItem,
                        hearing_text(entry, block.conflict),
                        QRectF(block.rect),
                        description=block.tooltip.replace("\n", "; "),
                        focusable=True,
                        key=entry.id,
                    ),
                )
            )
        items += [item for _, _, item in sorted(timed, key=lambda t: (t[0], t[1]))]
    return items
