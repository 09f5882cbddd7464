"""Scheduling by hand on the calendar: hearings dragged with the mouse, cases dropped from the
docket, each refusal shown where the user looks with nothing stored, one undo step per drop."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from planner.domain.docket import Case
from planner.domain.vocabulary import HearingStatus
from planner.services import calendar as calendar_service
from planner.services import forecasting
from planner.store.database import Database
from planner.ui.calendar.calendar_view import CalendarView
from planner.ui.common.workspace import Workspace
from planner.ui.docket.case_mime import case_mime
from planner.ui.docket.quota_panel import QuotaPanel
from tests.ui.calendar.test_calendar_view import AWAY, DETAINED, MERITS, OTHER, _court, at

NEW = "100000009"  # a pending case with no hearing yet


@pytest.fixture
def view(qtbot, workspace: Workspace) -> CalendarView:  # type: ignore[no-untyped-def]
    _court(workspace)
    with workspace.database.transaction() as repo:
        repo.add_case(workspace.judge.id, Case(NEW, "Jean Baptiste", "removal", date(2026, 5, 1)))
    calendar_view = CalendarView(workspace)
    qtbot.addWidget(calendar_view)
    calendar_view.resize(1200, 760)
    calendar_view.show()
    qtbot.waitExposed(calendar_view)
    return calendar_view


@pytest.fixture
def panel(qtbot, workspace: Workspace, view: CalendarView) -> QuotaPanel:  # type: ignore[no-untyped-def]
    quota = QuotaPanel(workspace)
    qtbot.addWidget(quota)
    quota.show()
    quota.reload()
    return quota


def stored(workspace: Workspace) -> dict[str, list[tuple[datetime, int, HearingStatus]]]:
    """Every hearing of the judge's docket by A-number: (start, minutes, status)."""
    with workspace.database.transaction() as repo:
        docket = repo.load_docket(workspace.judge.id)
    found: dict[str, list[tuple[datetime, int, HearingStatus]]] = {}
    for h in sorted(docket.hearings, key=lambda h: h.start):
        found.setdefault(h.a_number, []).append((h.start, h.minutes, h.status))
    return found


def case_id(workspace: Workspace, a_number: str) -> int:
    with workspace.database.transaction() as repo:
        return repo.case_ids(workspace.judge.id)[a_number]


def hearing_id(view: CalendarView, a_number: str) -> int:
    return next(e.id for e in view.entries if e.a_number == a_number)


def point(view: CalendarView, moment: datetime, dy: float = 0.0) -> QPoint:
    """The timeline's point at ``moment``: its day's column, ``dy`` pixels below its minute."""
    scene = view.timeline.scene
    i = scene.days.index(moment.date())
    x = (scene.columns[i] + scene.columns[i + 1]) / 2
    minute = moment.hour * 60 + moment.minute
    return QPointF(x, scene.top + (minute - scene.first_minute) * scene.per_minute + dy).toPoint()


def drag_block(
    qtbot, view: CalendarView, a_number: str, to: datetime, *, edge: bool = False
) -> None:
    """Press on a hearing (its top, or its bottom edge), move in steps to ``to``, release."""
    block = view.block(hearing_id(view, a_number))
    assert block is not None
    if edge:
        press = QPointF(block.rect.center().x(), block.rect.bottom() - 2).toPoint()
        end = point(view, to, -2)
        end.setX(press.x())
    else:
        press = QPointF(block.rect.center().x(), block.rect.top() + 4).toPoint()
        end = point(view, to, 4 + 0.5)
    timeline = view.timeline
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=press)
    middle = (press + end) / 2
    qtbot.mouseMove(timeline, press + QPoint(0, 20))
    qtbot.mouseMove(timeline, middle)
    qtbot.mouseMove(timeline, end)
    assert timeline.ghost is not None  # where it would land, while the mouse is down
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=end)


def drop_case(
    view: CalendarView, case: int, at_point: QPoint, mime: QMimeData | None = None
) -> bool:
    """Drag a case in from another widget (the docket) and drop it at ``at_point``."""
    timeline = view.timeline
    mime = mime or case_mime(case, "A100-000-009 Jean Baptiste")
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    where = QPointF(at_point)
    enter = QDragEnterEvent(at_point, actions, mime, buttons, mods)
    QApplication.sendEvent(timeline, enter)
    if not enter.isAccepted():
        return False
    for step in (QPointF(where.x(), where.y() - 30), where):
        QApplication.sendEvent(
            timeline, QDragMoveEvent(step.toPoint(), actions, mime, buttons, mods)
        )
    assert timeline.ghost is not None
    drop = QDropEvent(where, actions, mime, buttons, mods)
    QApplication.sendEvent(timeline, drop)
    return drop.dropAction() != Qt.DropAction.IgnoreAction


# Moving and resizing --------------------------------------------------------------------------


def test_a_hearing_dragged_to_a_free_slot_moves_as_one_undo_step(qtbot, view: CalendarView) -> None:  # type: ignore[no-untyped-def]
    workspace = view.workspace
    steps = workspace.undo_stack.count()
    drag_block(qtbot, view, DETAINED, at(27, 10, 30))  # Monday 09:00 to Friday 10:30
    assert stored(workspace)[DETAINED] == [(at(27, 10, 30), 15, HearingStatus.SCHEDULED)]
    assert workspace.undo_stack.count() == steps + 1
    assert workspace.undo_stack.undoText() == "Moved: A100-000-001 to Fri 27 Nov 10:30-10:45"
    moved = view.block(hearing_id(view, DETAINED))
    assert moved is not None
    assert view.timeline.scene.columns[4] <= moved.rect.left()  # drawn on Friday
    assert view.selected == moved.id
    assert "Ctrl+Z" in view.last_message
    workspace.undo_stack.undo()
    assert stored(workspace)[DETAINED] == [(at(23, 9), 15, HearingStatus.SCHEDULED)]
    workspace.undo_stack.redo()
    assert stored(workspace)[DETAINED] == [(at(27, 10, 30), 15, HearingStatus.SCHEDULED)]


def test_a_move_of_a_hearing_someone_else_moved_is_refused_and_the_view_catches_up(
    qtbot, view: CalendarView
) -> None:
    workspace = view.workspace
    failures: list[str] = []
    workspace.failed.connect(lambda error: failures.append(str(error)))
    steps = workspace.undo_stack.count()
    other = Database.open(workspace.database.path)  # the judge, in another window
    other.editor = "jortiz"
    calendar_service.move_hearing(
        other, workspace.judge, hearing_id(view, DETAINED), at(23, 9, 30), 15
    )
    other.close()

    drag_block(qtbot, view, DETAINED, at(27, 10, 30))  # the clerk's calendar still shows 09:00

    assert stored(workspace)[DETAINED] == [(at(23, 9, 30), 15, HearingStatus.SCHEDULED)]
    assert failures
    assert failures[0].startswith("jortiz changed the master hearing of A100-000-001")
    assert workspace.undo_stack.count() == steps
    shown = next(e for e in view.entries if e.a_number == DETAINED)
    assert shown.start == at(23, 9, 30)  # the view refreshed to the judge's move


def test_the_bottom_edge_resizes_and_the_quota_panel_follows(  # type: ignore[no-untyped-def]
    qtbot, view: CalendarView, panel: QuotaPanel
) -> None:
    workspace = view.workspace
    booked = panel.forecast.booked_minutes
    drag_block(qtbot, view, MERITS, at(25, 16, 20), edge=True)  # 13:00-16:00 to 13:00-16:20
    assert stored(workspace)[MERITS] == [(at(25, 13), 200, HearingStatus.SCHEDULED)]
    assert workspace.undo_stack.undoText() == "Resized: A100-000-003 to Wed 25 Nov 13:00-16:20"
    assert panel.forecast.booked_minutes == booked + 20
    fresh = forecasting.forecast_from(
        forecasting.load_inputs(workspace.database, workspace.judge, workspace.clock())
    )
    assert panel.forecast == fresh
    assert panel.hours_left.value.text() == f"{fresh.capacity_minutes / 60:,.0f}"
    workspace.undo_stack.undo()
    assert stored(workspace)[MERITS] == [(at(25, 13), 180, HearingStatus.SCHEDULED)]
    assert panel.forecast.booked_minutes == booked


REFUSED_MOVES = [
    # (hearing, where to, the words of the reason)
    pytest.param(AWAY, at(23, 9, 5), "overlaps the master hearing of A100-000-00", id="overlap"),
    pytest.param(DETAINED, at(23, 12, 15), "not inside a bench session", id="outside-session"),
    # A merits hearing snaps to the hour in the afternoon session: 14:00-17:00 ends past 16:30.
    pytest.param(MERITS, at(25, 14), "runs past the end of the 13:00-16:30", id="past-end"),
    pytest.param(DETAINED, at(26, 9), "Thanksgiving", id="holiday"),
    pytest.param(DETAINED, at(24, 10), "on leave all day on Tue 24 Nov 2026", id="leave"),
    pytest.param(DETAINED, at(27, 14), "on leave from 13:00 to 15:00", id="partial-leave"),
    pytest.param(
        DETAINED,
        at(23, 14),
        "go in a master session; 13:00-16:30 is an individual",
        id="wrong-kind",
    ),
]


@pytest.mark.parametrize(("a_number", "to", "words"), REFUSED_MOVES)
def test_a_refused_move_stores_nothing_and_says_why_at_the_drop(  # type: ignore[no-untyped-def]
    qtbot, view: CalendarView, a_number: str, to: datetime, words: str
) -> None:
    workspace = view.workspace
    before, steps = stored(workspace), workspace.undo_stack.count()
    drag_block(qtbot, view, a_number, to)
    assert stored(workspace) == before
    assert workspace.undo_stack.count() == steps
    assert words in view.last_message  # the status bar
    assert view.last_message.startswith("Not moved: ")
    ghost = view.timeline.ghost  # the red ghost stays at the drop point a moment, with the reason
    assert ghost is not None
    assert ghost.refusal is not None
    assert words in ghost.refusal


def test_escape_cancels_a_drag(qtbot, view: CalendarView) -> None:  # type: ignore[no-untyped-def]
    workspace = view.workspace
    before = stored(workspace)
    block = view.block(hearing_id(view, DETAINED))
    press = QPointF(block.rect.center().x(), block.rect.top() + 4).toPoint()
    qtbot.mousePress(view.timeline, Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(view.timeline, press + QPoint(0, 60))
    assert view.timeline.ghost is not None
    qtbot.keyClick(view.timeline, Qt.Key.Key_Escape)
    assert view.timeline.ghost is None
    qtbot.mouseRelease(view.timeline, Qt.MouseButton.LeftButton, pos=press + QPoint(0, 60))
    assert stored(workspace) == before


# A case dropped from the docket ------------------------------------------------------------------


def test_a_case_dropped_on_a_free_slot_gets_its_next_hearing(
    view: CalendarView, panel: QuotaPanel
) -> None:
    workspace = view.workspace
    booked = panel.forecast.booked_minutes
    assert drop_case(view, case_id(workspace, NEW), point(view, at(27, 10, 0), 1))
    assert stored(workspace)[NEW] == [(at(27, 10), 15, HearingStatus.SCHEDULED)]
    assert (
        workspace.undo_stack.undoText() == "Scheduled: A100-000-009 master Fri 27 Nov 10:00-10:15"
    )
    assert view.timeline.ghost is None
    assert panel.forecast.booked_minutes == booked + 15
    assert any(b.label[1] == "Jean Baptiste" for b in view.blocks())
    workspace.undo_stack.undo()
    assert NEW not in stored(workspace)
    assert panel.forecast.booked_minutes == booked
    workspace.undo_stack.redo()
    assert stored(workspace)[NEW] == [(at(27, 10), 15, HearingStatus.SCHEDULED)]


REFUSED_DROPS = [
    pytest.param(at(23, 9, 10), None, "overlaps the master hearing of A100-000-00", id="overlap"),
    pytest.param(at(23, 12, 20), None, "not inside a bench session", id="outside-session"),
    pytest.param(datetime(2026, 12, 1, 9), 1, "closed on Tue 1 Dec 2026: Building", id="closure"),
    pytest.param(at(26, 10), None, "Thanksgiving Day, a federal holiday", id="holiday"),
    pytest.param(at(24, 9, 30), None, "on leave all day", id="leave"),
    pytest.param(at(25, 14), None, "Master hearings go in a master session", id="wrong-kind"),
]


@pytest.mark.parametrize(("moment", "weeks_on", "words"), REFUSED_DROPS)
def test_a_refused_drop_stores_nothing_and_says_why(  # type: ignore[no-untyped-def]
    qtbot, view: CalendarView, moment: datetime, weeks_on: int | None, words: str
) -> None:
    workspace = view.workspace
    if weeks_on:
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    before, steps = stored(workspace), workspace.undo_stack.count()
    assert not drop_case(view, case_id(workspace, NEW), point(view, moment, 1))
    assert stored(workspace) == before
    assert workspace.undo_stack.count() == steps
    assert view.last_message.startswith("Not scheduled: ")
    assert words in view.last_message
    assert view.timeline.ghost is not None
    assert words in (view.timeline.ghost.refusal or "")


def test_what_is_not_a_pending_case_is_not_taken(view: CalendarView) -> None:
    other = QMimeData()
    other.setText("A100-000-009")
    assert not drop_case(view, 0, point(view, at(23, 10)), other)
    assert view.timeline.ghost is None
    with view.workspace.database.transaction() as repo:
        repo.delete_case(case_id(view.workspace, NEW))
    before = stored(view.workspace)
    assert not drop_case(view, 999_999, point(view, at(23, 10)))
    assert "Cannot schedule that case" in view.last_message
    assert stored(view.workspace) == before


def test_while_dragging_the_database_is_not_read(qtbot, view: CalendarView, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The ghost follows the mouse from what the view loaded: one read when the drag starts."""
    reads: list[str] = []
    kind = type(view.workspace.database)

    def counted(real):  # type: ignore[no-untyped-def]
        def counting(self):  # type: ignore[no-untyped-def]
            reads.append("read")
            return real(self)

        return counting

    for way in ("read", "transaction"):  # read-only services read on the read path
        monkeypatch.setattr(kind, way, counted(getattr(kind, way)))
    block = view.block(hearing_id(view, OTHER))
    press = QPointF(block.rect.center().x(), block.rect.top() + 4).toPoint()
    qtbot.mousePress(view.timeline, Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(view.timeline, press + QPoint(0, 30))
    assert reads == ["read"]  # the case and its hearings, once
    for dy in range(31, 400, 7):
        qtbot.mouseMove(view.timeline, press + QPoint(dy // 3, dy))
    assert reads == ["read"]
    qtbot.keyClick(view.timeline, Qt.Key.Key_Escape)


def test_a_drag_held_at_the_edge_turns_the_week_and_lands_there(qtbot, view: CalendarView) -> None:  # type: ignore[no-untyped-def]
    workspace = view.workspace
    block = view.block(hearing_id(view, DETAINED))
    assert block is not None
    timeline = view.timeline
    press = QPointF(block.rect.center().x(), block.rect.top() + 4).toPoint()
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(timeline, press + QPoint(0, 20))
    edge = QPoint(timeline.width() - 4, press.y())
    qtbot.mouseMove(timeline, edge)
    assert "Hold here to go to the next week" in view.last_message
    qtbot.waitUntil(lambda: date(2026, 11, 30) in view.days(), timeout=3000)
    assert date(2026, 11, 27) not in view.days()
    end = point(view, datetime(2026, 12, 4, 10, 30), 4 + 0.5)
    qtbot.mouseMove(timeline, end)
    assert timeline.ghost is not None
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=end)
    assert stored(workspace)[DETAINED] == [
        (datetime(2026, 12, 4, 10, 30), 15, HearingStatus.SCHEDULED)
    ]
    assert view.block(hearing_id(view, DETAINED)) is not None  # shown where it went


def test_a_drag_over_the_hours_turns_back_and_a_release_there_changes_nothing(
    qtbot, view: CalendarView
) -> None:
    workspace = view.workspace
    before = stored(workspace)
    block = view.block(hearing_id(view, DETAINED))
    assert block is not None
    timeline = view.timeline
    press = QPointF(block.rect.center().x(), block.rect.top() + 4).toPoint()
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(timeline, press + QPoint(0, 20))
    hours = QPoint(int(timeline.scene.columns[0] / 2), press.y())
    qtbot.mouseMove(timeline, hours)
    qtbot.waitUntil(lambda: date(2026, 11, 16) in view.days(), timeout=3000)
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=hours)
    assert stored(workspace) == before
    qtbot.wait(1000)  # no further turning once the mouse is up
    assert date(2026, 11, 16) in view.days()


def test_a_case_from_the_docket_held_at_the_edge_is_set_in_the_next_week(
    qtbot, view: CalendarView
) -> None:
    workspace = view.workspace
    timeline = view.timeline
    mime = case_mime(case_id(workspace, NEW), "A100-000-009 Jean Baptiste")
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    start = point(view, at(27, 10, 0), 1)
    enter = QDragEnterEvent(start, actions, mime, buttons, mods)
    QApplication.sendEvent(timeline, enter)
    assert enter.isAccepted()
    edge = QPoint(timeline.width() - 4, start.y())
    QApplication.sendEvent(timeline, QDragMoveEvent(edge, actions, mime, buttons, mods))
    qtbot.waitUntil(lambda: date(2026, 12, 4) in view.days(), timeout=3000)
    where = point(view, datetime(2026, 12, 4, 10, 0), 1)
    QApplication.sendEvent(timeline, QDragMoveEvent(where, actions, mime, buttons, mods))
    QApplication.sendEvent(timeline, QDropEvent(QPointF(where), actions, mime, buttons, mods))
    assert stored(workspace)[NEW] == [(datetime(2026, 12, 4, 10), 15, HearingStatus.SCHEDULED)]


# Snapping, and moving apart from resizing (issue 20) ---------------------------------------------


def test_a_drop_snaps_to_the_sessions_slots_not_to_five_minutes(qtbot, view: CalendarView) -> None:  # type: ignore[no-untyped-def]
    """Friday's master session runs from 08:30 in 15-minute slots: 10:37 is the 10:30 slot."""
    drag_block(qtbot, view, DETAINED, at(27, 10, 37))
    assert stored(view.workspace)[DETAINED] == [(at(27, 10, 30), 15, HearingStatus.SCHEDULED)]


def _press_and_move(qtbot, view: CalendarView, a_number: str, dy: int, shift: bool = False):  # type: ignore[no-untyped-def]
    """Press on the bottom edge of a hearing (2 px above it), Shift held or not, and move
    ``dy`` pixels down: the ghost as it stands, and the point to release at."""
    block = view.block(hearing_id(view, a_number))
    assert block is not None
    press = QPointF(block.rect.center().x(), block.rect.bottom() - 2).toPoint()
    mods = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    timeline = view.timeline
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, mods, pos=press)
    qtbot.mouseMove(timeline, press + QPoint(0, dy // 2))
    qtbot.mouseMove(timeline, press + QPoint(0, dy))
    return timeline.ghost, press + QPoint(0, dy)


def test_a_short_hearing_pressed_at_its_bottom_edge_moves_and_the_ghost_says_so(  # type: ignore[no-untyped-def]
    qtbot, view: CalendarView
) -> None:
    block = view.block(hearing_id(view, DETAINED))
    assert block is not None
    assert block.rect.height() < 24  # a 15-minute block
    ghost, end = _press_and_move(qtbot, view, DETAINED, int(60 * view.timeline.scene.per_minute))
    assert ghost is not None
    assert ghost.text.startswith("Move to Mon 23 Nov 10:")
    qtbot.mouseRelease(view.timeline, Qt.MouseButton.LeftButton, pos=end)
    [(start, minutes, _status)] = stored(view.workspace)[DETAINED]
    assert minutes == 15  # moved, not resized
    assert start >= at(23, 10)


def test_shift_and_a_drag_resizes_a_short_hearing_and_the_ghost_says_so(  # type: ignore[no-untyped-def]
    qtbot, view: CalendarView
) -> None:
    drag_block(qtbot, view, OTHER, at(27, 10, 30))  # out of the way of DETAINED's end
    ghost, end = _press_and_move(
        qtbot, view, DETAINED, int(15 * view.timeline.scene.per_minute), shift=True
    )
    assert ghost is not None
    assert ghost.text.startswith("Resize to Mon 23 Nov 09:00-")
    qtbot.mouseRelease(
        view.timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, pos=end
    )
    [(start, minutes, _status)] = stored(view.workspace)[DETAINED]
    assert start == at(23, 9)  # the start stays
    assert minutes > 15


def test_a_case_dropped_in_a_master_calendar_snaps_to_its_call_time() -> None:
    from datetime import time

    from planner.domain.judge import Judge, Session
    from planner.domain.vocabulary import SessionKind
    from planner.ui.calendar.calendar_drag import snap_to_session

    calls = (time(8, 30), time(10))
    judge = Judge(
        "Ana Ruiz",
        sessions=(
            Session(0, time(8, 30), time(12), SessionKind.MASTER, None, 40, calls),
            Session(0, time(13), time(16, 30), SessionKind.INDIVIDUAL),
        ),
    )
    monday = date(2026, 11, 23)
    assert snap_to_session(judge, monday, 9 * 60 + 50, 15) == 8 * 60 + 30
    assert snap_to_session(judge, monday, 11 * 60 + 40, 15) == 10 * 60
    assert snap_to_session(judge, monday, 14 * 60 + 20, 180) == 14 * 60  # hour slots
    assert snap_to_session(judge, monday, 12 * 60 + 22, 15) == 12 * 60 + 20  # no session
