"""Adding, editing and removing judges through the real dialogs, then undo and redo."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from planner.domain.docket import Case
from planner.domain.judge import Judge
from planner.domain.time_off import Closure, Leave
from planner.services import cases as case_service
from planner.services import judges as judge_service
from planner.ui.common.workspace import Workspace
from planner.ui.judges import judge_actions
from planner.ui.judges.profile_dialog import ProfileDialog

CHRISTMAS_EVE = Closure(date(2026, 12, 24), "Executive order")
YEAR_END = Leave.days(date(2026, 12, 28), date(2026, 12, 31))


def driving(qtbot, drive: Callable[[QDialog], None]) -> Callable[[QDialog], int]:  # type: ignore[no-untyped-def]
    """Stands in for exec(): shows the real dialog, lets ``drive`` click through it."""

    def run(dialog: QDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        drive(dialog)
        return dialog.result()

    return run


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def stored(workspace: Workspace) -> dict[str, tuple[Judge, set[Closure], set[Leave]]]:
    found = {}
    for judge in judge_service.list_judges(workspace.database):
        assert judge.id is not None
        closures, leave = judge_service.calendar_of(workspace.database, judge.id)
        found[judge.name] = (judge, set(closures), set(leave))
    return found


def seed(workspace: Workspace, name: str, cases: int = 0) -> Judge:
    judge = judge_service.create_profile(
        workspace.database, Judge(name=name), [CHRISTMAS_EVE], [YEAR_END]
    )
    assert judge.id is not None
    for n in range(cases):
        case = Case(f"20000000{n}", f"Respondent {n}", "asylum", date(2026, 1, 5))
        case_service.add_case(workspace.database, judge.id, case)
    return judge


def test_adding_a_judge_saves_profile_closure_and_leave_and_undo_removes_it(
    qtbot, workspace: Workspace
) -> None:
    def fill_in(dialog: QDialog) -> None:
        assert isinstance(dialog, ProfileDialog)
        assert not dialog.ok_button.isEnabled()
        qtbot.keyClicks(dialog.general.name, "Hon. Ruth Okafor")
        qtbot.keyClicks(dialog.general.court, "Houston Immigration Court")
        qtbot.keyClicks(dialog.general.fy_month, "January")
        dialog.tabs.setCurrentIndex(4)
        closures = dialog.calendar.closures
        qtbot.keyClicks(closures.reason, "Hurricane")
        click(qtbot, closures.add_button)
        click(qtbot, dialog.calendar.leave.add_button)  # today, a whole day of annual leave
        click(qtbot, dialog.ok_button)

    added = judge_actions.add_judge(workspace, None, exec_dialog=driving(qtbot, fill_in))

    assert added is not None
    assert workspace.judge == added
    judge, closures, leave = stored(workspace)["Hon. Ruth Okafor"]
    assert (judge.court, judge.fy_start_month) == ("Houston Immigration Court", 1)
    assert closures == {Closure(date(2026, 11, 25), "Hurricane")}
    assert leave == {Leave.days(date(2026, 11, 25), date(2026, 11, 25))}

    workspace.undo_stack.undo()
    assert stored(workspace) == {}
    assert workspace.judge is None

    workspace.undo_stack.redo()
    again = stored(workspace)["Hon. Ruth Okafor"]
    assert again[1:] == (closures, leave)
    assert workspace.judge is not None
    assert workspace.judge.name == "Hon. Ruth Okafor"


def test_cancelling_the_new_judge_dialog_stores_nothing(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    def cancel(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.general.name, "Hon. Ruth Okafor")  # type: ignore[attr-defined]
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert judge_actions.add_judge(workspace, None, exec_dialog=driving(qtbot, cancel)) is None
    assert stored(workspace) == {}
    assert workspace.undo_stack.count() == 0


def test_undoing_an_added_judge_returns_to_the_judge_shown_before(
    qtbot, workspace: Workspace
) -> None:
    first = seed(workspace, "Hon. A. Chen")
    workspace.switch_judge(first)

    def fill_in(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.general.name, "Hon. Ruth Okafor")  # type: ignore[attr-defined]
        click(qtbot, dialog.ok_button)  # type: ignore[attr-defined]

    judge_actions.add_judge(workspace, None, exec_dialog=driving(qtbot, fill_in))
    assert workspace.judge is not None
    assert workspace.judge.name == "Hon. Ruth Okafor"
    workspace.undo_stack.undo()
    assert workspace.judge == first


def test_editing_saves_the_profile_and_calendar_and_undo_restores_them(
    qtbot, workspace: Workspace
) -> None:
    workspace.switch_judge(seed(workspace, "Hon. A. Chen"))
    before = stored(workspace)["Hon. A. Chen"]

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, ProfileDialog)
        name = dialog.general.name
        name.setFocus()
        qtbot.keyClick(name, Qt.Key.Key_End)
        qtbot.keyClicks(name, "-Ruiz")
        dialog.general.quota.setFocus()
        qtbot.keyClick(dialog.general.quota, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.general.quota, "650")
        dialog.tabs.setCurrentIndex(4)
        closures = dialog.calendar.closures
        closures.table.selectRow(0)
        click(qtbot, closures.remove_button)
        click(qtbot, dialog.ok_button)

    assert judge_actions.edit_judge(workspace, None, exec_dialog=driving(qtbot, edit))
    judge, closures, leave = stored(workspace)["Hon. A. Chen-Ruiz"]
    assert judge.quota == 650
    assert closures == set()
    assert leave == {YEAR_END}
    assert workspace.judge == judge

    workspace.undo_stack.undo()
    assert stored(workspace) == {"Hon. A. Chen": before}
    assert workspace.judge == before[0]

    workspace.undo_stack.redo()
    assert stored(workspace)["Hon. A. Chen-Ruiz"][0].quota == 650


def test_ok_without_changes_saves_nothing_to_undo(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    workspace.switch_judge(seed(workspace, "Hon. A. Chen"))

    def accept(dialog: QDialog) -> None:
        click(qtbot, dialog.ok_button)  # type: ignore[attr-defined]

    assert not judge_actions.edit_judge(workspace, None, exec_dialog=driving(qtbot, accept))
    assert workspace.undo_stack.count() == 0


def test_removing_asks_with_name_and_case_count_and_undo_restores_the_docket(
    qtbot, workspace: Workspace
) -> None:
    other = seed(workspace, "Hon. A. Chen")
    doomed = seed(workspace, "Hon. Ruth Okafor", cases=2)
    workspace.switch_judge(doomed)
    asked: list[str] = []

    def confirm(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        remove = next(b for b in box.buttons() if b.objectName() == "remove")
        click(qtbot, remove)

    assert judge_actions.remove_judge(workspace, None, exec_dialog=driving(qtbot, confirm))
    assert asked == ["Remove Hon. Ruth Okafor and the docket of 2 cases?"]
    assert list(stored(workspace)) == ["Hon. A. Chen"]
    assert workspace.judge == other

    workspace.undo_stack.undo()
    restored = stored(workspace)["Hon. Ruth Okafor"]
    assert restored[1:] == ({CHRISTMAS_EVE}, {YEAR_END})
    assert restored[0].id is not None
    assert judge_service.case_count(workspace.database, restored[0].id) == 2
    assert workspace.judge == restored[0]

    workspace.undo_stack.redo()
    assert list(stored(workspace)) == ["Hon. A. Chen"]
    assert workspace.judge == other


def test_cancelling_the_removal_keeps_the_judge(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    workspace.switch_judge(seed(workspace, "Hon. A. Chen", cases=1))

    def cancel(box: QDialog) -> None:
        assert "docket of 1 case?" in box.text()  # type: ignore[attr-defined]
        click(qtbot, box.button(QMessageBox.StandardButton.Cancel))  # type: ignore[attr-defined]

    assert not judge_actions.remove_judge(workspace, None, exec_dialog=driving(qtbot, cancel))
    assert list(stored(workspace)) == ["Hon. A. Chen"]
    assert workspace.undo_stack.count() == 0


def test_an_edit_still_undoes_after_the_judge_was_removed_and_restored(
    qtbot, workspace: Workspace
) -> None:
    chen = seed(workspace, "Hon. A. Chen")
    seed(workspace, "Hon. Z. Zeller")  # so the restored judge cannot get its old id back
    workspace.switch_judge(chen)

    def rename(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.general.name, " Jr.")  # type: ignore[attr-defined]
        click(qtbot, dialog.ok_button)  # type: ignore[attr-defined]

    def confirm(box: QDialog) -> None:
        click(qtbot, next(b for b in box.buttons() if b.objectName() == "remove"))  # type: ignore[attr-defined]

    judge_actions.edit_judge(workspace, None, exec_dialog=driving(qtbot, rename))
    judge_actions.remove_judge(workspace, None, exec_dialog=driving(qtbot, confirm))
    assert list(stored(workspace)) == ["Hon. Z. Zeller"]
    workspace.undo_stack.undo()  # the removal: the judge comes back under a new id
    assert stored(workspace)["Hon. A. Chen Jr."][0].id != chen.id
    workspace.undo_stack.undo()  # the rename
    assert sorted(stored(workspace)) == ["Hon. A. Chen", "Hon. Z. Zeller"]
    assert workspace.judge is not None
    assert workspace.judge.name == "Hon. A. Chen"
