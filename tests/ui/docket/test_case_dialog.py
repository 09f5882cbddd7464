"""Adding, editing, completing and deleting a case through the real dialogs, checked in the database."""

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QDialog

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.vocabulary import CaseStatus, CompletionKind
from planner.services import cases as case_service
from planner.services import docket as docket_service
from planner.store.listing import DocketFilter
from planner.ui.common.workspace import Workspace
from planner.ui.docket import case_actions
from planner.ui.docket.case_dialog import CaseDialog
from planner.ui.docket.complete_dialog import CompleteCaseDialog

TODAY = date(2026, 11, 25)
WEI = Case("000004567", "Wei Chen", "asylum", date(2026, 3, 2), language="Mandarin")
HEARINGS = (
    Hearing("000004567", datetime.combine(date(2026, 12, 2), time(9)), 15, "master"),
    Hearing("000004567", datetime.combine(date(2027, 2, 3), time(13)), 180, "individual"),
)


def open_judge(workspace: Workspace) -> Judge:
    docket = Docket(Judge(name="Judge Ruiz"), cases=(WEI,), hearings=HEARINGS)
    with workspace.database.transaction() as repo:
        judge_id = repo.add_docket(docket)
    judge = next(j for j in workspace.judges() if j.id == judge_id)
    workspace.switch_judge(judge)
    return judge


def case_id(workspace: Workspace, a_number: str) -> int | None:
    assert workspace.judge is not None
    assert workspace.judge.id is not None
    where = DocketFilter(text=a_number, status=None)
    found = docket_service.find_cases(
        workspace.database, workspace.judge.id, where, now=workspace.clock()
    )
    return found[0] if found else None


def new_dialog(workspace: Workspace, qtbot) -> CaseDialog:  # type: ignore[no-untyped-def]
    judge = workspace.judge
    assert judge is not None
    assert judge.id is not None
    dialog = CaseDialog(
        judge,
        languages=["Mandarin", "Spanish"],
        today=TODAY,
        a_number_taken=case_actions.a_number_taken(workspace, judge.id),
    )
    qtbot.addWidget(dialog)
    return dialog


def click(qtbot, box: QCheckBox) -> None:  # type: ignore[no-untyped-def]
    """Click a check box on its box, as a user does."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_a_bad_a_number_is_explained_beside_the_field(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    open_judge(workspace)
    dialog = new_dialog(workspace, qtbot)
    dialog.show()
    assert not dialog.ok_button.isEnabled()  # empty: nothing to add yet
    assert not dialog.errors["a_number"].isVisible()  # but no scolding before typing
    qtbot.keyClicks(dialog.a_number_edit, "A12-34")
    error = dialog.errors["a_number"]
    assert error.isVisible()
    assert "'A12-34'" in error.text()
    assert "8 or 9 digits" in error.text()
    assert error.parentWidget() is dialog.a_number_edit.parentWidget()  # in the field's own row
    assert not dialog.ok_button.isEnabled()
    dialog.a_number_edit.clear()
    qtbot.keyClicks(dialog.a_number_edit, "a 000 004 567")
    assert "A000-004-567 is already on this docket" in error.text()
    assert not dialog.ok_button.isEnabled()


def test_remaining_minutes_show_the_kinds_default_and_refuse_nonsense(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    open_judge(workspace)
    dialog = new_dialog(workspace, qtbot)
    dialog.show()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("asylum"))
    assert dialog.remaining_edit.placeholderText().startswith("195")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("bond"))
    assert dialog.remaining_edit.placeholderText().startswith("30")
    qtbot.keyClicks(dialog.remaining_edit, "-5")
    assert dialog.errors["remaining"].isVisible()
    assert "'-5'" in dialog.errors["remaining"].text()
    dialog.received_edit.setDate(QDate(2027, 1, 1))
    assert "after today" in dialog.errors["received"].text()


def test_a_case_added_through_the_dialog_is_stored(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    judge = open_judge(workspace)

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, CaseDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.a_number_edit, "a123 456 789")
        qtbot.keyClicks(dialog.name_edit, "Rosa Tum Chavez")
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("cancellation"))
        click(qtbot, dialog.detained_box)
        dialog.language_combo.setCurrentText("")
        qtbot.keyClicks(dialog.language_combo.lineEdit(), "Mam")
        click(qtbot, dialog.represented_box)
        qtbot.keyClicks(dialog.attorney_edit, "Ana Ortiz")
        dialog.received_edit.setDate(QDate(2026, 10, 1))
        dialog.asylum_filed.check.setChecked(True)
        dialog.asylum_filed.edit.setDate(QDate(2026, 10, 15))
        qtbot.keyClicks(dialog.remaining_edit, "240")
        assert dialog.ok_button.isEnabled(), dialog.problems()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    added = case_actions.new_case(workspace, run=fill)
    assert added is not None
    stored = case_service.get_case(workspace.database, case_id(workspace, "123456789"))
    assert stored == Case(
        "123456789",
        "Rosa Tum Chavez",
        "cancellation",
        date(2026, 10, 1),
        detained=True,
        language="Mam",
        represented=True,
        attorney="Ana Ortiz",
        asylum_filed=date(2026, 10, 15),
        remaining_minutes=240,
        id=added.id,
    )
    assert judge.id is not None
    workspace.undo_stack.undo()
    assert case_id(workspace, "123456789") is None
    workspace.undo_stack.redo()
    assert case_service.get_case(workspace.database, added.id) == stored


def test_editing_a_case_saves_it_and_undo_restores_it(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    open_judge(workspace)
    wei = case_id(workspace, "000004567")
    assert wei is not None

    def edit(dialog: QDialog) -> bool:
        assert isinstance(dialog, CaseDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.name_edit.text() == "Wei Chen"
        assert dialog.ok_button.isEnabled()  # its own A-number is no duplicate
        dialog.name_edit.clear()
        qtbot.keyClicks(dialog.name_edit, "Wei Chen Li")
        click(qtbot, dialog.detained_box)
        assert not dialog.dedicated_box.isChecked()
        click(qtbot, dialog.dedicated_box)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    case_actions.edit_case(workspace, wei, run=edit)
    stored = case_service.get_case(workspace.database, wei)
    assert (stored.name, stored.detained, stored.language) == ("Wei Chen Li", True, "Mandarin")
    assert stored.dedicated_docket  # the Dedicated Docket box, stored
    workspace.undo_stack.undo()
    assert case_service.get_case(workspace.database, wei).name == "Wei Chen"
    workspace.undo_stack.redo()
    assert case_service.get_case(workspace.database, wei).name == "Wei Chen Li"


def test_completing_asks_the_kind_and_date(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    open_judge(workspace)
    wei = case_id(workspace, "000004567")
    assert wei is not None
    seen: list[str] = []

    def complete(dialog: QDialog) -> bool:
        assert isinstance(dialog, CompleteCaseDialog)
        qtbot.addWidget(dialog)
        assert dialog.date_edit.date().toPython() == TODAY
        combo = dialog.kind_combo
        seen.extend(combo.itemText(i) for i in range(combo.count()))
        combo.setCurrentIndex(combo.findData(CompletionKind.CHANGE_OF_VENUE))
        assert "Does not count" in dialog.count_note.text()
        combo.setCurrentIndex(combo.findData(CompletionKind.IN_ABSENTIA))
        assert "Counts toward Judge Ruiz's quota of 700" in dialog.count_note.text()
        dialog.date_edit.setDate(QDate(2026, 12, 1))
        assert not dialog.ok_button.isEnabled()
        assert "after today" in dialog.date_error.text()
        dialog.date_edit.setDate(QDate(2026, 11, 20))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    case_actions.complete_case(workspace, wei, run=complete)
    assert "In absentia (counts)" in seen
    assert "Change of venue (does not count)" in seen
    stored = case_service.get_case(workspace.database, wei)
    assert stored.status is CaseStatus.COMPLETED
    assert stored.completion_date == date(2026, 11, 20)
    assert stored.completion_kind is CompletionKind.IN_ABSENTIA
    workspace.undo_stack.undo()
    reopened = case_service.get_case(workspace.database, wei)
    assert (reopened.status, reopened.completion_date, reopened.completion_kind) == (
        CaseStatus.PENDING,
        None,
        None,
    )


def test_delete_and_undo_bring_the_case_back_with_its_hearings(workspace) -> None:  # type: ignore[no-untyped-def]
    open_judge(workspace)
    wei = case_id(workspace, "000004567")
    assert wei is not None
    with workspace.database.transaction() as repo:
        before = repo.hearings_of(wei)
    assert len(before) == 2
    refused = case_actions.delete_case(workspace, wei, confirm=lambda *_: False)
    assert not refused
    assert case_id(workspace, "000004567") == wei
    assert case_actions.delete_case(workspace, wei, confirm=lambda *_: True)
    assert case_id(workspace, "000004567") is None
    assert workspace.undo_stack.undoText() == "Delete case A000-004-567"
    workspace.undo_stack.undo()
    assert case_service.get_case(workspace.database, wei) == replace(WEI, id=wei)
    with workspace.database.transaction() as repo:
        assert repo.hearings_of(wei) == before  # same ids, times and kinds
    workspace.undo_stack.redo()
    assert case_id(workspace, "000004567") is None
