"""The docket screen: searching by A-number or name, the filter bar, the actions and empty states."""

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.vocabulary import CaseStatus
from planner.services import cases as case_service
from planner.ui.common.workspace import Workspace
from planner.ui.docket.case_dialog import CaseDialog
from planner.ui.docket.docket_model import COLUMNS
from planner.ui.docket.docket_view import DocketView

TODAY = date(2026, 11, 25)
PEOPLE = [
    ("000000123", "Maria Garcia Lopez", "asylum", True, "Spanish"),
    ("000001234", "Jose Garcia", "removal", False, "Spanish"),
    ("000004567", "Wei Chen", "asylum", False, "Mandarin"),
    ("000007890", "Olga Ivanova", "bond", True, "Russian"),
    ("012345678", "Ixchel Tum", "removal", False, "Mam"),
]


def docket(extra: int = 0) -> Docket:
    cases = [
        Case(a, name, kind, TODAY - timedelta(days=30 + n), detained=detained, language=language)
        for n, (a, name, kind, detained, language) in enumerate(PEOPLE)
    ]
    cases += [
        Case(f"{500_000_000 + n:09d}", f"Person {n}", "removal", TODAY - timedelta(days=n % 400))
        for n in range(extra)
    ]
    hearing = Hearing(
        "000004567", datetime.combine(TODAY + timedelta(days=7), time(9)), 180, "individual"
    )
    return Docket(Judge(name="Judge Ruiz"), cases=tuple(cases), hearings=(hearing,))


def open_judge(workspace: Workspace, what: Docket) -> Judge:
    with workspace.database.transaction() as repo:
        judge_id = repo.add_docket(what)
    judge = next(j for j in workspace.judges() if j.id == judge_id)
    workspace.switch_judge(judge)
    return judge


@pytest.fixture
def dialogs() -> list[QDialog]:
    return []


class Questions(list[str]):
    """The questions the view asked, and the answer the user gives."""

    answer = True

    def __call__(self, _parent: object, _title: str, text: str) -> bool:
        self.append(text)
        return self.answer


@pytest.fixture
def questions() -> Questions:
    return Questions()


@pytest.fixture
def view(qtbot, workspace: Workspace, dialogs: list[QDialog], questions: Questions) -> DocketView:  # type: ignore[no-untyped-def]
    def record(dialog: QDialog) -> bool:
        dialogs.append(dialog)
        return False

    widget = DocketView(workspace, run_dialog=record, confirm=questions)
    qtbot.addWidget(widget)
    widget.resize(1366, 600)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)  # shortcuts fire only in the active window
    return widget


def shown_names(view: DocketView) -> list[str]:
    model = view.model
    return [model.data(model.index(row, 1)) for row in range(model.rowCount())]


def search(qtbot, view: DocketView, text: str) -> None:  # type: ignore[no-untyped-def]
    view.search_edit.clear()
    qtbot.keyClicks(view.search_edit, text)
    qtbot.waitUntil(lambda: view.model.where.text == text, timeout=2000)


@pytest.mark.parametrize("spelling", ["a000-000-123", "000000123", "A 000 000 123", "A000000123"])
def test_an_a_number_in_any_spelling_finds_the_case(qtbot, workspace, view, spelling) -> None:  # type: ignore[no-untyped-def]
    open_judge(workspace, docket())
    assert len(shown_names(view)) == 5
    search(qtbot, view, spelling)
    assert shown_names(view) == ["Maria Garcia Lopez"]
    assert view.model.data(view.model.index(0, 0)) == "A000-000-123"
    assert view.count_label.text() == "1 of 5 cases"


def test_a_name_search_waits_for_the_typing_to_pause(qtbot, workspace, view) -> None:  # type: ignore[no-untyped-def]
    open_judge(workspace, docket())
    qtbot.keyClicks(view.search_edit, "garc")
    assert len(shown_names(view)) == 5  # not yet: the debounce timer runs
    qtbot.waitUntil(lambda: len(shown_names(view)) == 2, timeout=2000)
    assert sorted(shown_names(view)) == ["Jose Garcia", "Maria Garcia Lopez"]
    search(qtbot, view, "nobody like this")
    assert view.stack.currentWidget() is view.empty_label
    assert "No cases match" in view.empty_label.text()
    qtbot.mouseClick(view.reset_button, Qt.MouseButton.LeftButton)
    assert len(shown_names(view)) == 5
    assert view.search_edit.text() == ""


def choose(combo, text: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not in the combo"
    combo.setCurrentIndex(index)


def test_the_filter_bar_narrows_the_rows(workspace, view) -> None:  # type: ignore[no-untyped-def]
    open_judge(workspace, docket())
    choose(view.flag_combos["detained"], "Detained")
    assert sorted(shown_names(view)) == ["Maria Garcia Lopez", "Olga Ivanova"]
    choose(view.language_combo, "Russian")
    assert shown_names(view) == ["Olga Ivanova"]
    assert view.count_label.text() == "1 of 5 cases"
    choose(view.language_combo, "All languages")
    choose(view.flag_combos["detained"], "Detained: any")
    choose(view.kind_combo, "asylum")
    assert sorted(shown_names(view)) == ["Maria Garcia Lopez", "Wei Chen"]
    choose(view.flag_combos["has_hearing"], "Hearing set")
    assert shown_names(view) == ["Wei Chen"]
    languages = [view.language_combo.itemText(i) for i in range(view.language_combo.count())]
    assert languages == ["All languages", "Mam", "Mandarin", "Russian", "Spanish"]


def test_double_click_opens_the_case_in_the_dialog(qtbot, workspace, view, dialogs) -> None:  # type: ignore[no-untyped-def]
    open_judge(workspace, docket())
    search(qtbot, view, "Chen")
    rect = view.table.visualRect(view.model.index(0, 1))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(dialogs) == 1
    assert isinstance(dialogs[0], CaseDialog)
    assert dialogs[0].a_number_edit.text() == "A000-004-567"
    assert dialogs[0].name_edit.text() == "Wei Chen"
    qtbot.keyClick(view.table, Qt.Key.Key_F2)  # Enter is Schedule... (test_schedule_dialog.py)
    assert len(dialogs) == 2


def test_delete_key_asks_then_deletes_the_selected_case(qtbot, workspace, view, questions) -> None:  # type: ignore[no-untyped-def]
    open_judge(workspace, docket())
    assert view.select_case(view.model.case_id(0))
    name = shown_names(view)[0]
    view.table.setFocus()
    questions.answer = False
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(questions) == 1
    assert name in questions[0]
    assert name in shown_names(view)  # the user said no
    questions.answer = True
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert name not in shown_names(view)
    assert view.count_label.text() == "4 of 4 cases"
    workspace.undo_stack.undo()
    assert name in shown_names(view)


def test_actions_follow_the_selection_and_the_case_status(workspace, view) -> None:  # type: ignore[no-untyped-def]
    assert not view.new_case_action.isEnabled()
    judge = open_judge(workspace, docket())
    assert view.new_case_action.isEnabled()
    assert not view.edit_case_action.isEnabled()
    assert view.select_case(view.model.case_id(0))
    assert view.edit_case_action.isEnabled()
    assert view.complete_case_action.isEnabled()
    assert view.delete_case_action.isEnabled()
    case = case_service.get_case(workspace.database, view.current_case_id())
    assert judge.id is not None
    done = replace(case, status="completed", completion_date=TODAY, completion_kind="removal_order")
    case_service.update_case(workspace.database, done)
    choose(view.status_combo, "Any status")
    assert view.select_case(case.id)
    assert not view.complete_case_action.isEnabled()
    assert view.edit_case_action.isEnabled()
    assert [a.text() for a in view.case_actions()] == [
        "&New Case…",
        "&Edit Case…",
        "&Complete Case…",
        "&Delete Case…",
    ]
    assert view.new_case_action.shortcuts()[0].toString() == "Ctrl+Shift+N"


def test_empty_states_say_why_the_table_is_empty(workspace, view) -> None:  # type: ignore[no-untyped-def]
    assert view.stack.currentWidget() is view.empty_label
    assert "No judge" in view.empty_label.text()
    open_judge(workspace, Docket(Judge(name="Judge Empty")))
    assert "no cases yet" in view.empty_label.text()
    assert view.count_label.text() == "0 of 0 cases"
    open_judge(workspace, docket())
    assert view.stack.currentWidget() is view.table


def test_the_view_fits_a_1366_pixel_screen_and_keeps_the_selection(workspace, view) -> None:  # type: ignore[no-untyped-def]
    open_judge(workspace, docket(extra=300))
    assert view.minimumSizeHint().width() <= 1366
    header = view.table.horizontalHeader()
    assert header.length() <= view.table.viewport().width() + 1
    for section in range(header.count()):
        title = view.model.headerData(section, Qt.Orientation.Horizontal)
        assert header.sectionSize(section) >= view.table.fontMetrics().horizontalAdvance(title)
    case_id = view.model.case_id(42)
    assert view.select_case(case_id)
    view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert view.current_case_id() == case_id


def test_the_docket_filters_and_sorts_on_its_age_targets(workspace, view) -> None:  # type: ignore[no-untyped-def]
    """Under the 2025 targets (in force for fiscal year 2027): a detained case received 90 days
    ago is past its 60 days (the clock ended 30 days ago), a non-detained case received 400 days
    ago past its 365 (35 days ago); both will miss. The others are completed in time on the
    standard week, Wei Chen at his booked merits hearing."""
    extra = (
        Case("300000001", "Old Detained", "removal", TODAY - timedelta(days=90), detained=True),
        Case("300000002", "Very Old", "removal", TODAY - timedelta(days=400)),
    )
    base = docket()
    open_judge(workspace, replace(base, cases=base.cases + extra))
    column = next(i for i, c in enumerate(COLUMNS) if c.title == "To target")
    view.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert shown_names(view)[:2] == ["Very Old", "Old Detained"]
    model = view.model
    assert [model.data(model.index(row, column)) for row in range(2)] == ["-35", "-30"]
    assert model.data(model.index(2, column)) == "27"  # Olga Ivanova, detained 33 days ago
    choose(view.target_combo, "Will miss its target")
    assert shown_names(view) == ["Very Old", "Old Detained"]
    assert "projected to miss it" in model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
    choose(view.flag_combos["detained"], "Detained")
    assert shown_names(view) == ["Old Detained"]
    assert view.count_label.text() == "1 of 7 cases"


def test_off_docket_cases_are_listed_under_their_own_status(workspace, view) -> None:  # type: ignore[no-untyped-def]
    """An administratively closed case and one on the status docket leave the pending list;
    each status shows its own."""
    extra = (
        Case("300000003", "Closed Case", "removal", TODAY - timedelta(days=90), status="admin_closed"),
        Case("300000004", "Waiting Case", "removal", TODAY - timedelta(days=90), status="status_docket"),
    )  # fmt: skip
    base = docket()
    open_judge(workspace, replace(base, cases=base.cases + extra))
    assert "Closed Case" not in shown_names(view)
    assert len(shown_names(view)) == 5
    choose(view.status_combo, "Administratively closed")
    assert shown_names(view) == ["Closed Case"]
    choose(view.status_combo, "Status docket")
    assert shown_names(view) == ["Waiting Case"]
    choose(view.status_combo, "Any status")
    assert len(shown_names(view)) == 7


def test_a_dedicated_docket_cases_300_days_show_in_the_to_target_column(workspace, view) -> None:  # type: ignore[no-untyped-def]
    """A family on the Dedicated Docket, received 330 days ago (its 365 non-detained days end
    in 35 days), its first master hearing held 280 days ago: its 300 days from that hearing
    end in 20 days, the nearer clock. The same case off the Dedicated Docket shows 35."""
    family = Case(
        "300000005", "Family Case", "removal", TODAY - timedelta(days=330), dedicated_docket=True
    )
    plain = Case("300000006", "Plain Case", "removal", TODAY - timedelta(days=330))
    held = [
        Hearing(a, datetime.combine(TODAY - timedelta(days=280), time(9)), 15, "master",
                status="held")
        for a in ("300000005", "300000006")
    ]  # fmt: skip
    base = docket()
    open_judge(
        workspace,
        replace(base, cases=(*base.cases, family, plain), hearings=base.hearings + tuple(held)),
    )
    column = next(i for i, c in enumerate(COLUMNS) if c.title == "To target")
    view.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    model = view.model
    shown = {
        model.data(model.index(row, 1)): model.data(model.index(row, column))
        for row in range(model.rowCount())
    }
    assert (shown["Family Case"], shown["Plain Case"]) == ("20", "35")
    assert shown_names(view).index("Family Case") < shown_names(view).index("Plain Case")


def test_a_case_is_closed_put_on_the_status_docket_and_recalendared(qtbot, workspace, view) -> None:  # type: ignore[no-untyped-def]
    """From the docket: Ctrl+Shift+L administratively closes the selected case (its hearing
    still to come is taken off the calendar), one undo step; from the context menu it goes to
    the status docket, then back to the active docket. What the domain forbids is greyed with
    its reason, and refused in one line if asked for anyway."""
    open_judge(workspace, docket())
    failures: list[Exception] = []
    workspace.failed.connect(failures.append)
    wei = next(view.model.case_id(r) for r in range(5) if shown_names(view)[r] == "Wei Chen")
    assert view.select_case(wei)
    menu = [a.text() for a in view.table.actions() if not a.isSeparator()]
    assert menu[4:7] == ["Administratively C&lose", "Put on S&tatus Docket", "&Recalendar"]
    assert not view.recalendar_action.isEnabled()
    assert view.recalendar_action.toolTip() == "Case A000-004-567 is already on the active docket"
    assert view.close_case_action.shortcut().toString() == "Ctrl+Shift+L"
    view.table.setFocus()
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )

    def stored() -> tuple[str, int]:
        with workspace.database.transaction() as repo:
            return repo.case(wei).status.value, len(repo.hearings_of(wei))

    assert stored() == ("admin_closed", 0)
    assert "Wei Chen" not in shown_names(view)  # off the pending list
    assert workspace.undo_stack.undoText() == "Administratively close A000-004-567"
    workspace.undo_stack.undo()
    assert stored() == ("pending", 1)  # the merits hearing back on the calendar
    workspace.undo_stack.redo()
    choose(view.status_combo, "Administratively closed")
    assert view.select_case(wei)
    assert not view.close_case_action.isEnabled()
    assert (
        view.close_case_action.toolTip() == "Case A000-004-567 is already administratively closed"
    )
    view.status_docket_action.trigger()
    assert stored() == ("status_docket", 0)
    choose(view.status_combo, "Status docket")
    assert view.select_case(wei)
    view.recalendar_action.trigger()
    assert stored() == ("pending", 0)
    assert workspace.undo_stack.undoText() == "Recalendar A000-004-567"
    # A completed case: greyed, saying why; asked anyway, refused in one line.
    case = case_service.get_case(workspace.database, wei)
    done = replace(case, status="completed", completion_date=TODAY, completion_kind="removal_order")
    case_service.update_case(workspace.database, done)
    choose(view.status_combo, "Any status")
    assert view.select_case(wei)
    assert not view.close_case_action.isEnabled()
    assert view.close_case_action.toolTip().startswith("Case A000-004-567 is completed")
    assert not view.move_case(CaseStatus.ADMIN_CLOSED)
    assert len(failures) == 1
    assert "\n" not in str(failures[0])
    assert str(failures[0]).startswith("case A000-004-567 is completed")
    assert stored() == ("completed", 0)


def test_switching_judge_reads_their_docket_once_through_the_filter_on_show(
    workspace, view
) -> None:  # type: ignore[no-untyped-def]
    """The judge's docket is read once, through the filter on show (pending cases, as the
    window opens; then detained), not first through the filter of the judge before."""
    reads: list[tuple[int, int]] = []
    view.model.counted.connect(lambda shown, total: reads.append((shown, total)))
    ruiz = open_judge(workspace, docket())
    assert reads == [(5, 5)]
    choose(view.flag_combos["detained"], "Detained")
    with workspace.database.transaction() as repo:
        repo.add_docket(Docket(Judge(name="Judge Baker"), cases=docket(extra=3).cases[:2]))
    baker = next(j for j in workspace.judges() if j.name == "Judge Baker")
    del reads[:]
    workspace.switch_judge(baker)
    assert reads == [(1, 2)]  # Maria Garcia Lopez is detained, Jose Garcia is not
    assert shown_names(view) == ["Maria Garcia Lopez"]
    assert view.count_label.text() == "1 of 2 cases"
    workspace.switch_judge(ruiz)
    assert reads[-1] == (2, 5)
