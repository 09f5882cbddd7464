"""The calendar view: what it draws for a week with a holiday and leave, keys, outcomes and undo."""

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge, Session, standard_week
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import (
    AdjournmentCause,
    HearingKind,
    HearingStatus,
    LeaveKind,
    Party,
    SessionKind,
)
from planner.services import calendar as calendar_service
from planner.services.changes import Change
from planner.ui.calendar.calendar_dialogs import AdjournDialog
from planner.ui.calendar.calendar_view import CalendarView
from planner.ui.common.workspace import Workspace
from tests.ui.conftest import NOW

DETAINED, OTHER, MERITS, AWAY = "100000001", "100000002", "100000003", "100000004"
#: The standard week, but Wednesday mornings have a Spanish interpreter booked.
SESSIONS = tuple(
    Session(s.weekday, s.start, s.end, s.kind, "Spanish")
    if (s.weekday, s.kind) == (2, SessionKind.MASTER)
    else s
    for s in standard_week()
)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute)


def _court(workspace: Workspace, sessions: tuple[Session, ...] = SESSIONS) -> dict[str, int]:
    """Week of Mon 23 Nov 2026: Tue 24 on leave, Thu 26 Thanksgiving, Fri 27 closed in the
    afternoon only by leave 13:00-15:00. Two master hearings overlap on Monday at 09:00, one
    was booked on Tuesday before the leave, and a merits hearing sits on Wednesday afternoon."""
    cases = (
        Case(DETAINED, "Rosa Díaz", "removal", date(2026, 1, 5), detained=True, represented=True),
        Case(OTHER, "Li Wei", "removal", date(2026, 1, 6), language="Mandarin"),
        Case(MERITS, "Ana Gómez", "asylum", date(2025, 3, 1), language="Spanish"),
        Case(AWAY, "Omar Haddad", "removal", date(2026, 2, 1), language="Arabic"),
    )
    hearings = (
        Hearing(DETAINED, at(23, 9), 15, HearingKind.MASTER),
        Hearing(OTHER, at(23, 9, 5), 15, HearingKind.MASTER),
        Hearing(AWAY, at(24, 9), 15, HearingKind.MASTER),
        Hearing(MERITS, at(25, 13), 180, HearingKind.INDIVIDUAL),
    )
    leave = (
        Leave.days(date(2026, 11, 24), date(2026, 11, 24)),
        Leave(at(27, 13), at(27, 15), LeaveKind.TRAINING),
    )
    closures = (Closure(date(2026, 12, 1), "Building maintenance"),)
    judge = Judge("Ana Ruiz", sessions=sessions)
    with workspace.database.transaction() as repo:
        judge_id = repo.add_docket(Docket(judge, closures, leave, cases, hearings))
        ids = repo.case_ids(judge_id)
    workspace.switch_judge(next(j for j in workspace.judges() if j.id == judge_id))
    return ids


def _hearing_ids(workspace: Workspace) -> dict[str, int]:
    entries = calendar_service.agenda(
        workspace.database, workspace.judge.id, date(2026, 11, 23), date(2026, 11, 27)
    )
    return {e.a_number: e.id for e in entries}


def _status(workspace: Workspace, hearing_id: int) -> HearingStatus:
    with workspace.database.transaction() as repo:
        return repo.hearing(hearing_id).status


@pytest.fixture
def view(qtbot, workspace: Workspace) -> CalendarView:  # type: ignore[no-untyped-def]
    _court(workspace)
    calendar_view = CalendarView(workspace)
    qtbot.addWidget(calendar_view)
    calendar_view.resize(1366, 700)
    calendar_view.show()
    qtbot.waitExposed(calendar_view)
    return calendar_view


def test_the_week_of_now_names_its_holiday_and_leave(view: CalendarView) -> None:
    assert view.days() == [date(2026, 11, d) for d in range(23, 28)]
    assert view.day_labels() == [
        "Mon 23 Nov",
        "Tue 24 Nov · On leave",
        "Wed 25 Nov",
        "Thu 26 Nov · Thanksgiving Day",
        "Fri 27 Nov",
    ]
    assert view.date_label.text() == "23 Nov – 27 Nov 2026"
    bands = view.session_labels()
    assert "master · Spanish" in bands  # Wednesday morning's interpreter
    assert "Leave (training)" in bands  # Friday's partial leave
    assert {"On leave", "Thanksgiving Day"} <= set(bands)


def test_names_can_be_hidden_from_the_hearings_for_a_shared_screen(
    view: CalendarView, qtbot
) -> None:
    ids = _hearing_ids(view.workspace)
    merits = next(b for b in view.blocks() if b.id == ids[MERITS])
    assert "Ana Gómez" in merits.label
    assert "Ana Gómez" in merits.tooltip

    qtbot.mouseClick(view.names_button, Qt.MouseButton.LeftButton)

    merits = next(b for b in view.blocks() if b.id == ids[MERITS])
    assert merits.label == ("A100-000-003", "Spanish · individual")
    assert not any("Ana Gómez" in b.tooltip or "Ana Gómez" in b.label for b in view.blocks())
    assert not any("Rosa Díaz" in line for b in view.blocks() for line in b.lines)

    qtbot.mouseClick(view.names_button, Qt.MouseButton.LeftButton)
    assert any("Ana Gómez" in b.label for b in view.blocks())


def test_hearings_are_blocks_in_their_day_and_time_with_their_labels(view: CalendarView) -> None:
    ids = _hearing_ids(view.workspace)
    blocks = {b.id: b for b in view.blocks()}
    assert set(blocks) == set(ids.values())
    detained = blocks[ids[DETAINED]]
    assert detained.label == ("A100-000-001  D R", "Rosa Díaz", "English · master")
    assert len(detained.lines) == 1
    # Half a lane wide: the A-number whole, or its last seven marked as cut, and D R kept.
    assert detained.lines[0].startswith(("A100-000-001", "…000-001 D R"))
    assert blocks[ids[OTHER]].label[0] == "A100-000-002"  # neither detained nor represented
    merits = blocks[ids[MERITS]]
    assert merits.lines == merits.label == ("A100-000-003", "Ana Gómez", "Spanish · individual")
    assert merits.kind is HearingKind.INDIVIDUAL
    columns = view.timeline.scene.columns
    assert columns[2] <= merits.rect.left() < merits.rect.right() <= columns[3]  # Wednesday
    assert columns[0] <= detained.rect.left() < detained.rect.right() <= columns[1]  # Monday
    # 09:05 for 15 minutes sits beside 09:00 (two lanes) and lower; 180 minutes is 12 times as tall
    other = blocks[ids[OTHER]]
    assert other.rect.left() > detained.rect.left()
    assert other.rect.top() > detained.rect.top()
    assert merits.rect.height() == pytest.approx(12 * (detained.rect.height() + 1) - 1, rel=0.02)


def test_conflicts_are_marked_and_a_clean_hearing_is_not(view: CalendarView) -> None:
    ids = _hearing_ids(view.workspace)
    flagged = {b.id for b in view.blocks() if b.conflict}
    assert flagged == {ids[DETAINED], ids[OTHER], ids[AWAY]}  # the overlap, and the leave
    away = next(b for b in view.blocks() if b.id == ids[AWAY])
    assert "Conflict: " in away.tooltip
    assert "leave" in away.tooltip


def test_today_line_only_in_the_week_of_now(view: CalendarView, qtbot) -> None:  # type: ignore[no-untyped-def]
    scene = view.timeline.scene
    assert scene.now_line is not None
    y, x0, x1 = scene.now_line
    assert (x0, x1) == (scene.columns[2], scene.columns[3])  # Wednesday
    nine, ten = (next(h for h, label in scene.hours if label == t) for t in ("09:00", "10:00"))
    assert y == pytest.approx(ten)
    assert ten > nine
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.timeline.scene.now_line is None


def test_keys_move_by_week_and_day_and_t_comes_back(view: CalendarView, qtbot) -> None:  # type: ignore[no-untyped-def]
    def first() -> date:
        return view.days()[0]

    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert first() == date(2026, 11, 30)
    assert view.day_labels()[1] == "Tue 1 Dec · Building maintenance"
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert first() == date(2026, 12, 7)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert first() == date(2026, 11, 16)
    qtbot.keyClick(view, Qt.Key.Key_T)
    assert first() == date(2026, 11, 23)
    qtbot.keyClick(view, Qt.Key.Key_D)
    assert view.days() == [NOW.date()]
    assert view.day_button.isChecked()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # the first press selects the day's hearing
    assert view.days() == [NOW.date()]
    assert view.selected is not None
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.days() == [date(2026, 11, 27)]
    qtbot.keyClick(view, Qt.Key.Key_Right)  # no weekend sessions: Friday to Monday
    assert view.days() == [date(2026, 11, 30)]
    assert view.date_label.text() == "Monday 30 November 2026"
    qtbot.keyClick(view, Qt.Key.Key_W)
    assert len(view.days()) == 5
    assert first() == date(2026, 11, 30)


def test_a_judge_with_weekend_sessions_gets_seven_days(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    saturday = Session(5, time(9), time(12), SessionKind.BOND)
    _court(workspace, (*SESSIONS, saturday))
    view = CalendarView(workspace)
    qtbot.addWidget(view)
    assert view.day_labels()[5:] == ["Sat 28 Nov", "Sun 29 Nov · No sessions"]


@pytest.mark.parametrize("weekend_day", [28, 29])
def test_on_a_weekend_today_shows_the_coming_week(qtbot, workspace: Workspace, weekend_day) -> None:  # type: ignore[no-untyped-def]
    """With no weekend sessions, Saturday's or Sunday's Today is the week of the next workday."""
    _court(workspace)
    workspace.now = lambda: at(weekend_day, 10)
    view = CalendarView(workspace)
    qtbot.addWidget(view)
    view.show()
    monday = date(2026, 11, 30)
    assert view.days()[0] == monday  # opened on a weekend
    assert view.date_label.text() == "30 Nov – 4 Dec 2026"
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.days()[0] == date(2026, 11, 23)
    qtbot.keyClick(view, Qt.Key.Key_T)
    assert view.days()[0] == monday
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current == date(2026, 12, 4)  # End: the Friday of the week on show
    assert view.days()[0] == monday
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_D)
    qtbot.keyClick(view, Qt.Key.Key_T)  # the day view: the next workday, not Friday
    assert view.days() == [monday]


def test_with_weekend_sessions_today_on_a_saturday_is_its_own_week(
    qtbot, workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    _court(workspace, (*SESSIONS, Session(5, time(9), time(12), SessionKind.BOND)))
    workspace.now = lambda: at(28, 10)
    view = CalendarView(workspace)
    qtbot.addWidget(view)
    qtbot.keyClick(view, Qt.Key.Key_T)
    assert view.days()[0] == date(2026, 11, 23)
    assert date(2026, 11, 28) in view.days()
    qtbot.keyClick(view, Qt.Key.Key_D)
    assert view.days() == [date(2026, 11, 28)]


def test_held_from_the_menu_is_stored_and_undone(view: CalendarView) -> None:
    workspace = view.workspace
    hearing_id = _hearing_ids(workspace)[DETAINED]
    menu = view.hearing_menu(hearing_id)
    held = next(a for a in menu.actions() if a.text() == "Held")
    assert held.isEnabled()
    held.trigger()
    assert _status(workspace, hearing_id) is HearingStatus.HELD
    assert workspace.undo_stack.undoText() == "Held: A100-000-001"
    block = next(b for b in view.blocks() if b.id == hearing_id)
    assert block.status is HearingStatus.HELD
    assert "(held)" in block.label[-1]
    again = view.hearing_menu(hearing_id)
    assert not next(a for a in again.actions() if a.text() == "Held").isEnabled()
    workspace.undo_stack.undo()
    assert _status(workspace, hearing_id) is HearingStatus.SCHEDULED
    assert next(b for b in view.blocks() if b.id == hearing_id).status is HearingStatus.SCHEDULED
    workspace.undo_stack.redo()
    assert _status(workspace, hearing_id) is HearingStatus.HELD


def test_adjourned_asks_the_reason_and_completed_the_kind(  # type: ignore[no-untyped-def]
    qtbot, view: CalendarView, monkeypatch
) -> None:
    """The Adjourn dialog asks the reason (the vocabulary's) and who asked, the usual party for
    the reason until the user picks another; "other" needs its details. Both are stored on the
    hearing, and undo takes them back with the adjournment."""
    workspace = view.workspace
    ids = _hearing_ids(workspace)
    seen: list[str] = []

    def answer(dialog: QDialog) -> bool:
        assert isinstance(dialog, AdjournDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        fields = dialog.fields
        causes = [fields.cause.itemText(i) for i in range(fields.cause.count())]
        assert causes == [
            "Respondent to seek counsel",
            "DHS not ready",
            "Interpreter unavailable",
            "The court's own",
            "Other",
        ]
        assert fields.asked_by.currentText() == "The respondent"  # counsel: the usual asker
        fields.cause.setCurrentIndex(fields.cause.findData(AdjournmentCause.OTHER.value))
        assert not dialog.ok_button.isEnabled()
        seen.append(dialog.ok_button.toolTip())
        fields.cause.setCurrentIndex(fields.cause.findData(AdjournmentCause.DHS_NOT_READY.value))
        assert fields.asked_by.currentText() == "DHS"
        qtbot.keyClicks(fields.details, "A-file not received")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    view.run_dialog = answer
    menu = view.hearing_menu(ids[OTHER])
    next(a for a in menu.actions() if a.text() == "Adjourned…").trigger()
    assert seen == ["Say what the other reason is in Details"]
    with workspace.database.transaction() as repo:
        adjourned = repo.hearing(ids[OTHER])
    assert adjourned.status is HearingStatus.ADJOURNED
    assert adjourned.adjournment_reason == "DHS not ready: A-file not received"
    assert adjourned.adjournment_cause is AdjournmentCause.DHS_NOT_READY
    assert adjourned.adjourned_by is Party.DHS
    workspace.undo_stack.undo()
    with workspace.database.transaction() as repo:
        undone = repo.hearing(ids[OTHER])
    assert (undone.status, undone.adjournment_cause, undone.adjourned_by) == (
        HearingStatus.SCHEDULED,
        None,
        None,
    )
    workspace.undo_stack.redo()
    assert {b.id for b in view.blocks() if b.conflict} == {ids[AWAY]}  # struck: no overlap left

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    menu = view.hearing_menu(ids[DETAINED])
    next(a for a in menu.actions() if a.text() == "Completed…").trigger()
    assert _status(workspace, ids[DETAINED]) is HearingStatus.COMPLETED
    workspace.undo_stack.undo()
    assert _status(workspace, ids[DETAINED]) is HearingStatus.SCHEDULED


OUTCOMES = ("Held", "Adjourned…", "Continued to a date…", "Completed…")


def test_a_future_hearings_outcomes_are_greyed_and_say_why(view: CalendarView) -> None:
    """The merits hearing is at 13:00 today, now is 10:00: no outcome yet, and the menu says so."""
    workspace = view.workspace
    hearing_id = _hearing_ids(workspace)[MERITS]
    menu = view.hearing_menu(hearing_id)
    why = "The hearing is on Wed 25 Nov at 13:00: record its outcome once it has been held"
    items = {a.text(): a for a in menu.actions()}
    for text in OUTCOMES:
        assert not items[text].isEnabled()
        assert items[text].toolTip() == why
        assert items[text].statusTip() == why
    assert menu.toolTipsVisible()
    assert why in items  # a greyed line in the menu itself says it too
    assert _status(workspace, hearing_id) is HearingStatus.SCHEDULED


def test_a_past_hearings_greyed_outcomes_say_why(view: CalendarView) -> None:
    workspace = view.workspace
    hearing_id = _hearing_ids(workspace)[DETAINED]
    next(a for a in view.hearing_menu(hearing_id).actions() if a.text() == "Held").trigger()
    items = {a.text(): a for a in view.hearing_menu(hearing_id).actions()}
    why = (
        "The hearing of Mon 23 Nov at 09:00 is already recorded as held: undo that first to "
        "record another outcome"
    )
    for text in OUTCOMES:
        assert not items[text].isEnabled()
        assert items[text].toolTip() == why
    assert why in items
    assert items["Open"].isEnabled()


def _stored_starts(workspace: Workspace) -> list[datetime]:
    with workspace.database.transaction() as repo:
        return sorted(h.start for h in repo.load_docket(workspace.judge.id).hearings)


def test_unschedule_from_the_menu_removes_the_hearing_as_one_undo_step(view: CalendarView) -> None:
    workspace = view.workspace
    hearing_id = _hearing_ids(workspace)[MERITS]
    before = _stored_starts(workspace)
    unschedule = next(
        a for a in view.hearing_menu(hearing_id).actions() if a.text() == "Unschedule"
    )
    assert unschedule.isEnabled()
    assert unschedule.shortcut().toString() == "Del"
    unschedule.trigger()
    assert _stored_starts(workspace) == [s for s in before if s != at(25, 13)]
    assert hearing_id not in {b.id for b in view.blocks()}
    assert workspace.undo_stack.undoText() == "Unscheduled: A100-000-003 Wed 25 Nov 13:00"
    workspace.undo_stack.undo()
    assert _stored_starts(workspace) == before
    assert hearing_id in {b.id for b in view.blocks()}
    workspace.undo_stack.redo()
    assert _stored_starts(workspace) == [s for s in before if s != at(25, 13)]


def test_delete_on_a_selected_hearing_unschedules_it(view: CalendarView, qtbot) -> None:  # type: ignore[no-untyped-def]
    workspace = view.workspace
    hearing_id = _hearing_ids(workspace)[MERITS]
    block = next(b for b in view.blocks() if b.id == hearing_id)
    qtbot.mouseClick(view.timeline, Qt.MouseButton.LeftButton, pos=block.rect.center().toPoint())
    assert view.selected == hearing_id
    qtbot.keyClick(view.timeline, Qt.Key.Key_Delete)
    assert at(25, 13) not in _stored_starts(workspace)
    assert view.selected is None
    workspace.undo_stack.undo()
    assert at(25, 13) in _stored_starts(workspace)


def test_a_recorded_hearing_cannot_be_unscheduled_and_the_menu_says_why(  # type: ignore[no-untyped-def]
    view: CalendarView, qtbot
) -> None:
    workspace = view.workspace
    hearing_id = _hearing_ids(workspace)[DETAINED]
    next(a for a in view.hearing_menu(hearing_id).actions() if a.text() == "Held").trigger()
    unschedule = next(
        a for a in view.hearing_menu(hearing_id).actions() if a.text() == "Unschedule"
    )
    assert not unschedule.isEnabled()
    assert unschedule.toolTip() == (
        "The hearing is already recorded as held: only a scheduled hearing can be unscheduled"
    )
    before = _stored_starts(workspace)
    view.select_hearing(hearing_id)
    qtbot.keyClick(view.timeline, Qt.Key.Key_Delete)
    assert _stored_starts(workspace) == before


def test_double_click_on_a_hearing_activates_it(view: CalendarView, qtbot) -> None:  # type: ignore[no-untyped-def]
    hearing_id = _hearing_ids(view.workspace)[MERITS]
    block = next(b for b in view.blocks() if b.id == hearing_id)
    with qtbot.waitSignal(view.hearing_activated) as caught:
        qtbot.mouseDClick(
            view.timeline, Qt.MouseButton.LeftButton, pos=block.rect.center().toPoint()
        )
    assert caught.args == [hearing_id]


def test_follows_changes_made_elsewhere(view: CalendarView) -> None:
    workspace = view.workspace
    ids = _court_case_ids(workspace)
    calendar_service.schedule_hearing(
        workspace.database, workspace.judge, ids[OTHER], at(27, 9), 15, HearingKind.MASTER
    )
    assert len(view.blocks()) == 4  # not told yet
    workspace.notify(Change.HEARINGS)
    assert len(view.blocks()) == 5
    workspace.switch_judge(None)
    assert view.blocks() == []
    assert len(view.day_labels()) == 5


def _court_case_ids(workspace: Workspace) -> dict[str, int]:
    with workspace.database.transaction() as repo:
        return repo.case_ids(workspace.judge.id)
