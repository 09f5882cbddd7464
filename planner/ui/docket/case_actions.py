"""The docket's undoable actions: add, edit, complete and delete a case, and move it off the
active docket and back, each one transaction."""

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from planner.domain.case_states import MOVE_WORDS
from planner.domain.docket import Case, Hearing
from planner.domain.vocabulary import CaseStatus
from planner.services import cases as case_service
from planner.services import docket as docket_service
from planner.services.cases import StateChange
from planner.services.changes import Change
from planner.store.errors import StoreError
from planner.store.listing import DocketFilter
from planner.ui.common.workspace import Workspace

#: Shows a dialog and says whether the user accepted it. Tests pass one that types and clicks.
RunDialog = Callable[[QDialog], bool]
#: Asks a yes/no question: (parent, title, text) -> yes.
Confirm = Callable[[QWidget | None, str, str], bool]


def run_modal(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


def a_number_taken(workspace: Workspace, judge_id: int) -> Callable[[str], bool]:
    """Whether a 9-digit A-number is already on the judge's docket (any status)."""

    def taken(a_number: str) -> bool:
        where = DocketFilter(text=a_number, status=None)
        return bool(docket_service.find_cases(workspace.database, judge_id, where))

    return taken


# With dialogs: what the docket's QActions call ---------------------------------------------------


def new_case(
    workspace: Workspace, parent: QWidget | None = None, *, run: RunDialog = run_modal
) -> Case | None:
    """Ask for a new case and add it to the docket on screen."""
    judge = workspace.judge
    if judge is None or judge.id is None:
        return None
    from planner.ui.docket.case_dialog import CaseDialog  # dialogs load on first use

    dialog = CaseDialog(
        judge,
        languages=docket_service.docket_languages(workspace.database, judge.id),
        today=workspace.clock().date(),
        a_number_taken=a_number_taken(workspace, judge.id),
        parent=parent,
    )
    try:
        return perform_add(workspace, dialog.case()) if run(dialog) else None
    finally:
        dialog.deleteLater()


def edit_case(
    workspace: Workspace, case_id: int, parent: QWidget | None = None, *, run: RunDialog = run_modal
) -> Case | None:
    judge, before = workspace.judge, _load(workspace, case_id)
    if judge is None or judge.id is None or before is None:
        return None
    from planner.ui.docket.case_dialog import CaseDialog  # dialogs load on first use

    dialog = CaseDialog(
        judge,
        languages=docket_service.docket_languages(workspace.database, judge.id),
        today=workspace.clock().date(),
        case=before,
        a_number_taken=a_number_taken(workspace, judge.id),
        parent=parent,
    )
    try:
        if not run(dialog):
            return None
        after = dialog.case()
        if after == before:
            return before
        return perform_update(workspace, before, after, f"Edit case {before.display_a_number}")
    finally:
        dialog.deleteLater()


def complete_case(
    workspace: Workspace, case_id: int, parent: QWidget | None = None, *, run: RunDialog = run_modal
) -> Case | None:
    judge, before = workspace.judge, _load(workspace, case_id)
    if judge is None or before is None or before.status is CaseStatus.COMPLETED:
        return None
    from planner.ui.docket.complete_dialog import CompleteCaseDialog

    dialog = CompleteCaseDialog(judge, before, today=workspace.clock().date(), parent=parent)
    try:
        if not run(dialog):
            return None
        after = dialog.completed_case()
        return perform_update(workspace, before, after, f"Complete case {before.display_a_number}")
    finally:
        dialog.deleteLater()


def delete_case(
    workspace: Workspace, case_id: int, parent: QWidget | None = None, *, confirm: Confirm = ask
) -> bool:
    """Delete a case and its hearings once the user confirms; undo puts both back."""
    case = _load(workspace, case_id)
    if case is None:
        return False
    question = (
        f"Delete case {case.display_a_number} ({case.name}) and its hearings from the docket?\n\n"
        "You can undo this with Edit > Undo."
    )
    if not confirm(parent, "Delete case", question):
        return False
    return perform_delete(workspace, case_id, f"Delete case {case.display_a_number}") is not None


def _load(workspace: Workspace, case_id: int) -> Case | None:
    try:
        return case_service.get_case(workspace.database, case_id)
    except StoreError as error:
        workspace.failed.emit(error)
        return None


# Without dialogs: one transaction each, pushed on the undo stack ----------------------------------


def perform_add(workspace: Workspace, case: Case) -> Case | None:
    judge = workspace.judge
    if judge is None or judge.id is None:
        return None
    judge_id, database = judge.id, workspace.database

    def undo(added: Case) -> Change:
        assert added.id is not None
        case_service.delete_case(database, added.id)
        return Change.CASES

    def redo(added: Case) -> Change:
        case_service.restore_case(database, judge_id, added, [])
        return Change.CASES

    return workspace.perform(
        f"Add case {case.display_a_number}",
        lambda: case_service.add_case(database, judge_id, case),
        undo=undo,
        redo=redo,
        change=Change.CASES,
    )


def perform_update(workspace: Workspace, before: Case, after: Case, text: str) -> Case | None:
    """Replace ``before`` by ``after`` (same id); undo writes ``before`` back."""
    database = workspace.database
    after = replace(after, id=before.id)
    # The version this window last read or wrote: an undo or redo is refused, like any edit, if
    # someone else changed the case in between.
    seen = [before.version]

    def save(case: Case, base: Case) -> Case:
        saved = case_service.update_case(database, case, replace(base, version=seen[0]))
        seen[0] = saved.version
        return saved

    def write(case: Case, base: Case) -> Change:
        save(case, base)
        return Change.CASES

    return workspace.perform(
        text,
        lambda: save(after, before),
        undo=lambda _done: write(before, after),
        redo=lambda _done: write(after, before),
        change=Change.CASES,
    )


def perform_delete(
    workspace: Workspace, case_id: int, text: str = "Delete case"
) -> tuple[Case, list[Hearing]] | None:
    judge = workspace.judge
    if judge is None or judge.id is None:
        return None
    judge_id, database = judge.id, workspace.database

    def undo(deleted: tuple[Case, list[Hearing]]) -> Change:
        case_service.restore_case(database, judge_id, *deleted)
        return Change.CASES | Change.HEARINGS

    def redo(deleted: tuple[Case, list[Hearing]]) -> Change:
        assert deleted[0].id is not None
        case_service.delete_case(database, deleted[0].id)
        return Change.CASES | Change.HEARINGS

    return workspace.perform(
        text,
        lambda: case_service.delete_case(database, case_id),
        undo=undo,
        redo=redo,
        change=Change.CASES | Change.HEARINGS,
    )


def perform_move(workspace: Workspace, case_id: int, to: CaseStatus) -> StateChange | None:
    """Administratively close the case, put it on the status docket, or recalendar it: one
    transaction and one undo step; refused in one line where the domain forbids it (the
    workspace reports it). Off the active docket, its hearings still to come are taken off the
    calendar, and undo puts them back."""
    case = _load(workspace, case_id)
    if case is None:
        return None
    database = workspace.database

    def undo(done: StateChange) -> Change:
        case_service.undo_move(database, done)
        return Change.CASES | Change.HEARINGS

    def redo(done: StateChange) -> Change:
        case_service.redo_move(database, done)
        return Change.CASES | Change.HEARINGS

    return workspace.perform(
        f"{MOVE_WORDS[to]} {case.display_a_number}",
        lambda: case_service.move_case(database, case_id, to, now=workspace.clock(), seen=case),
        undo=undo,
        redo=redo,
        change=Change.CASES | Change.HEARINGS,
    )
