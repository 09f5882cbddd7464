"""The window greys what the login may not change on a court server (issue 16): a legal
assistant's window on a judge not assigned to them, a court administrator's on every judge;
the status bar says why, in the server's words; switching the judge looks again; on SQLite
nothing is greyed."""

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtWidgets import QApplication

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.vocabulary import HearingKind
from planner.store.database import Database
from planner.store.sessions import Sessions
from planner.ui.common.workspace import Workspace
from planner.ui.docket.case_mime import case_mime
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from tests.ui.conftest import NOW
from tests.ui.window import test_court_server_windows as two_windows

#: The court (Ortiz and Baker; lee a legal assistant to Ortiz, clerk_admin its administrator)
#: and the windows on it, as in the two windows' tests.
court, windows = two_windows.court, two_windows.windows

ASSISTANT_REFUSAL = (
    "legal assistant lee is not assigned to Judge Baker: only their assigned judges' dockets "
    "can be changed"
)
ADMIN_REFUSAL = "court administrator clerk_admin may read every judge's docket but change none"


def _edits(window: MainWindow) -> dict[str, bool]:
    """Whether each editing action of the window is enabled (the docket's with its case chosen)."""
    window.docket.table.selectRow(0)
    docket = window.docket
    actions = {
        "New Case": docket.new_case_action,
        "Edit": docket.edit_case_action,
        "Complete": docket.complete_case_action,
        "Delete": docket.delete_case_action,
        "Schedule": docket.schedule_action,
        "Profile": window.edit_judge_action,
        "Remove Judge": window.remove_judge_action,
        "Schedule Automatically": window.autoschedule_action,
        "Reassign": window.reassign_action,
        "Unscheduled's Schedule": window.calendar_page.unscheduled.schedule_action,
        "Re-plan": window.replan_action,
        # A pending case may be closed or put on the status docket (Recalendar is for those).
        "Administratively Close": docket.state_actions()[0],
        "Put on Status Docket": docket.state_actions()[1],
    }
    return {name: action.isEnabled() for name, action in actions.items()}


def _reading(window: MainWindow) -> list[bool]:
    return [
        window.export_action.isEnabled(),
        window.report_action.isEnabled(),
        window.export_ics_action.isEnabled(),
        window.explain_action.isEnabled(),
        *(action.isEnabled() for action in window.sheet_actions.actions()),
    ]


def _drop_enters(window: MainWindow) -> bool:
    """A case dragged from the docket onto the calendar: is the drag taken?"""
    window.views.setCurrentWidget(window.calendar_tab)
    timeline = window.calendar.timeline
    case_id = window.docket.model.case_id(0)
    assert case_id is not None
    mime = case_mime(case_id, "A123-456-789 Ana Pérez")  # kept alive while the event is
    enter = QDragEnterEvent(
        QPoint(100, 100),
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(timeline, enter)
    window.views.setCurrentWidget(window.docket)
    return enter.isAccepted()


def _switch(qtbot, window: MainWindow, name: str) -> None:  # type: ignore[no-untyped-def]
    box = window.judge_box  # as the switcher is used
    box.setCurrentIndex(next(i for i in range(box.count()) if box.itemData(i).name == name))
    box.activated.emit(box.currentIndex())
    qtbot.waitUntil(lambda: window.windowTitle().startswith(f"{name} — "))


def test_an_assistants_window_is_read_only_on_a_judge_not_assigned_to_them(
    qtbot, windows, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = windows("lee", "Baker")

    assert not any(_edits(window).values()), _edits(window)
    assert all(_reading(window))
    assert window.read_only_label.isVisible()
    assert window.read_only_label.text() == f"Read-only: {ASSISTANT_REFUSAL}"
    assert not _drop_enters(window)
    assert window.calendar.last_message == f"Nothing changed: {ASSISTANT_REFUSAL}"
    window.resize(1366, 768)
    window.grab().save(str(tmp_path / "read_only.png"))

    _switch(qtbot, window, "Ortiz")  # assigned to lee: the window looks again

    assert all(_edits(window).values()), _edits(window)
    assert not window.read_only_label.isVisible()
    assert _drop_enters(window)

    _switch(qtbot, window, "Baker")

    assert not any(_edits(window).values())
    assert window.read_only_label.text() == f"Read-only: {ASSISTANT_REFUSAL}"


def test_an_assistants_window_on_their_assigned_judge_offers_every_edit(qtbot, windows) -> None:  # type: ignore[no-untyped-def]
    window, other = windows("lee", "Ortiz"), windows("clerk_admin", "Ortiz")

    assert all(_edits(window).values()), _edits(window)
    assert not window.read_only_label.isVisible()
    assert not any(_edits(other).values())  # the other window, the other login: its own rules


def test_an_administrators_window_is_read_only_on_every_judge(qtbot, windows) -> None:  # type: ignore[no-untyped-def]
    window = windows("clerk_admin", "Ortiz")

    for name in ("Ortiz", "Baker"):
        _switch(qtbot, window, name)
        assert not any(_edits(window).values()), (name, _edits(window))
        assert all(_reading(window))
        assert window.read_only_label.text() == f"Read-only: {ADMIN_REFUSAL}"
        assert not _drop_enters(window)


def test_on_sqlite_every_edit_is_offered(qtbot, database: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    judge = Judge("Baker", court="Los Angeles", timezone="America/Los_Angeles", quota=650)
    with database.transaction() as repo:
        repo.add_docket(
            Docket(judge, cases=(Case("987654321", "Ana Pérez", "asylum", NOW.date()),))
        )
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(Workspace(database, clock=lambda: NOW), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert all(_edits(window).values()), _edits(window)
    assert not window.read_only_label.isVisible()
    assert _drop_enters(window)
    window.close()


def test_an_administrators_calendar_offers_no_change_of_a_hearing(qtbot, windows, court) -> None:  # type: ignore[no-untyped-def]
    """The hearing menu's outcomes, Appears, Move To and Unschedule are greyed saying why; the
    keys' Unschedule changes nothing and says why."""
    owner = Sessions.on_server(court)
    try:
        with owner.transaction("owner") as repo:
            baker = repo.judge_named("Baker")
            assert baker is not None
            assert baker.id is not None
            held = datetime(2026, 11, 24, 9, 0)  # the day before NOW: its outcome is due
            repo.add_hearings(baker.id, [Hearing("987654321", held, 60, HearingKind.MASTER)])
    finally:
        owner.close()
    window = windows("clerk_admin", "Baker")
    window.views.setCurrentWidget(window.calendar_tab)
    calendar = window.calendar
    calendar.set_date(NOW.date())
    calendar.reload()
    (entry,) = calendar.entries

    menu = calendar.hearing_menu(entry.id)
    items = {a.text(): a for a in menu.actions() if a.text()}

    for name in ("Held", "Adjourned…", "Continued to a date…", "Completed…", "Appears"):
        assert not items[name].isEnabled(), name
        assert items[name].toolTip() == ADMIN_REFUSAL[0].upper() + ADMIN_REFUSAL[1:]
    assert not items["Move To…"].isEnabled()
    assert not items["Unschedule"].isEnabled()
    assert items["Open"].isEnabled()

    assert not calendar.unschedule(entry.id)
    assert calendar.last_message == f"Nothing changed: {ADMIN_REFUSAL}"
    calendar.reload()
    assert [e.id for e in calendar.entries] == [entry.id]
    assert window.workspace.undo_stack.count() == 0
