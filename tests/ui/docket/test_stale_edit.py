"""Two windows on one file: an edit of a case someone else changed meanwhile is refused with who
changed what, and the view refreshes to show their version."""

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.services import cases as case_service
from planner.services.changes import Change
from planner.store.database import Database
from planner.ui.common.errors import show_error
from planner.ui.docket.case_actions import perform_update


def test_a_stale_edit_is_refused_with_who_and_what_and_the_view_refreshes(
    qtbot, workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    with workspace.database.transaction() as repo:
        repo.add_docket(
            Docket(
                Judge("Ortiz"), cases=(Case("123456789", "Ana Pérez", "asylum", date(2025, 1, 1)),)
            )
        )
    workspace.switch_judge(workspace.judges()[0])
    with workspace.database.transaction() as repo:
        case_id = repo.case_ids(workspace.judge.id)["123456789"]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    workspace.failed.connect(lambda error: show_error(None, error))  # as the main window does

    before = case_service.get_case(workspace.database, case_id)  # the clerk opens the case
    other = Database.open(workspace.database.path)  # the judge, in another window
    other.editor = "jortiz"
    theirs = case_service.get_case(other, case_id)
    case_service.update_case(other, replace(theirs, language="Portuguese"), theirs)
    other.close()

    with qtbot.waitSignal(workspace.changed) as refreshed:
        saved = perform_update(
            workspace, before, replace(before, attorney="L. Chen"), "Edit case A123-456-789"
        )
    assert saved is None
    assert refreshed.args == [Change.CASES]
    assert "changed by jortiz (language)" in shown[0]
    assert "Nothing was changed in the database" in shown[0]
    assert workspace.undo_stack.count() == 0
    stored = case_service.get_case(workspace.database, case_id)
    assert (stored.language, stored.attorney) == ("Portuguese", None)


def test_undo_is_refused_too_if_someone_changed_the_case_after(
    qtbot, workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    with workspace.database.transaction() as repo:
        repo.add_docket(
            Docket(
                Judge("Ortiz"), cases=(Case("123456789", "Ana Pérez", "asylum", date(2025, 1, 1)),)
            )
        )
    workspace.switch_judge(workspace.judges()[0])
    with workspace.database.transaction() as repo:
        case_id = repo.case_ids(workspace.judge.id)["123456789"]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    workspace.failed.connect(lambda error: show_error(None, error))  # as the main window does
    before = case_service.get_case(workspace.database, case_id)
    assert (
        perform_update(workspace, before, replace(before, attorney="L. Chen"), "Edit") is not None
    )
    workspace.undo_stack.undo()  # our own undo and redo go through: nobody else changed it
    workspace.undo_stack.redo()
    assert case_service.get_case(workspace.database, case_id).attorney == "L. Chen"
    other = Database.open(workspace.database.path)
    other.editor = "jortiz"
    theirs = case_service.get_case(other, case_id)
    case_service.update_case(other, replace(theirs, name="Ana María Pérez"), theirs)
    other.close()
    workspace.undo_stack.undo()
    assert "changed by jortiz (name" in shown[-1]
    stored = case_service.get_case(workspace.database, case_id)
    assert (stored.name, stored.attorney) == ("Ana María Pérez", "L. Chen")
