"""The docket table's model: lazy pages, SQL sorting on every column, filters and refreshes."""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from random import Random

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.rules import BUILT_IN
from planner.services import cases as case_service
from planner.services import docket as docket_service
from planner.services.changes import Change
from planner.store.listing import DocketFilter, DocketRow, SortKey
from planner.ui.common.workspace import Workspace
from planner.ui.docket.docket_model import COLUMNS, ID_ROLE, DocketTableModel

TODAY = date(2026, 11, 25)
NAMES = [
    "Maria Garcia",
    "Jose Lopez",
    "Ana Perez",
    "Wei Chen",
    "Olga Ivanova",
    "Jean Pierre",
    "abel Diaz",
]
LANGUAGES = ["Spanish", "Mam", "Mandarin", "Russian", "Haitian Creole"]
KINDS = ["removal", "asylum", "cancellation", "bond", "motion"]


def make_docket(cases: int, seed: int = 1, name: str = "Judge Ruiz") -> Docket:
    """A docket of ``cases`` varied cases; A-numbers 000000100, 000000101, ...; a third with a
    hearing, a tenth completed."""
    rng = Random(seed)
    made, hearings = [], []
    for n in range(cases):
        a_number = f"{100 + n:09d}"
        kind = rng.choice(KINDS)
        received = TODAY - timedelta(days=rng.randrange(1, 900))
        completed = n % 10 == 9
        made.append(
            Case(
                a_number,
                f"{rng.choice(NAMES)} {n}",
                kind,
                received,
                detained=rng.random() < 0.3,
                juvenile=rng.random() < 0.1,
                language=rng.choice(LANGUAGES),
                represented=rng.random() < 0.6,
                status="completed" if completed else "pending",
                completion_date=TODAY if completed else None,
                completion_kind="removal_order" if completed else None,
                remaining_minutes=rng.choice([None, None, None, 60, 240]),
                asylum_filed=received + timedelta(days=5) if kind == "asylum" else None,
            )
        )
        if n % 3 == 0:
            start = datetime.combine(TODAY + timedelta(days=rng.randrange(1, 200)), time(9))
            hearings.append(Hearing(a_number, start, 15, "master"))
        for k in range(n % 5 // 2):  # continuances: none, one or two, the reason recorded
            start = datetime.combine(TODAY - timedelta(days=30 + k), time(9))
            hearings.append(
                Hearing(
                    a_number,
                    start,
                    15,
                    "master",
                    "adjourned",
                    "to seek counsel",
                    adjournment_cause="counsel",
                    adjourned_by="respondent",
                )
            )
    return Docket(Judge(name=name), cases=tuple(made), hearings=tuple(hearings))


def open_docket(workspace: Workspace, docket: Docket) -> Judge:
    with workspace.database.transaction() as repo:
        judge_id = repo.add_docket(docket)
    judge = next(j for j in workspace.judges() if j.id == judge_id)
    workspace.switch_judge(judge)
    return judge


def display(model: DocketTableModel, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def test_the_model_passes_qt_model_tester(qtmodeltester, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    open_docket(workspace, make_docket(30))
    model = DocketTableModel(workspace)
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_filter(DocketFilter(text="garcia"))
    qtmodeltester.check(model)
    assert model.rowCount() > 0


def test_rows_show_every_column_with_its_roles(workspace: Workspace) -> None:
    judge = open_docket(workspace, make_docket(10))
    model = DocketTableModel(workspace)
    assert judge.id is not None
    ids = docket_service.find_cases(
        workspace.database, judge.id, DocketFilter(), now=workspace.clock()
    )
    assert [model.data(model.index(r, 0), ID_ROLE) for r in range(model.rowCount())] == ids
    case = case_service.get_case(workspace.database, ids[0])
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles[:3] == ["A-number", "Name", "Case kind"]
    assert "Status" in titles
    assert display(model, 0, 0) == case.display_a_number
    assert display(model, 0, 6) == case.received.isoformat()
    assert display(model, 0, 7) == f"{(TODAY - case.received).days:,}"
    assert display(model, 0, 3) == ("Yes" if case.detained else "No")
    right = model.data(model.index(0, 7), Qt.ItemDataRole.TextAlignmentRole)
    assert right & Qt.AlignmentFlag.AlignRight
    assert case.name in model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert model.data(QModelIndex()) is None
    assert model.data(model.index(0, 0), ID_ROLE) == case.id


def test_a_large_docket_fetches_only_the_pages_on_screen(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    open_docket(workspace, make_docket(5000))
    fetched: list[int] = []

    def counting(database, ids, now) -> list[DocketRow]:  # type: ignore[no-untyped-def]
        fetched.append(len(ids))
        return docket_service.case_rows(database, ids, now)

    model = DocketTableModel(workspace, fetch_rows=counting)
    assert model.rowCount() == 4500  # pending only
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1366, 600)
    view.show()
    qtbot.waitExposed(view)
    view.grab()  # paint the rows on screen
    assert model.cached_pages == {0}
    assert fetched == [DocketTableModel.PAGE_SIZE]
    view.scrollToBottom()
    view.grab()
    assert model.cached_pages == {0, (4500 - 1) // DocketTableModel.PAGE_SIZE}
    assert len(fetched) == 2


KEYS: dict[SortKey, Callable[[DocketRow], object]] = {
    SortKey.A_NUMBER: lambda r: r.a_number,
    SortKey.NAME: lambda r: r.name,
    SortKey.KIND: lambda r: r.kind,
    SortKey.DETAINED: lambda r: r.detained,
    SortKey.LANGUAGE: lambda r: r.language,
    SortKey.REPRESENTED: lambda r: r.represented,
    SortKey.RECEIVED: lambda r: r.received,
    SortKey.AGE: lambda r: r.age_days(TODAY),
    SortKey.NEXT_HEARING: lambda r: r.next_hearing,
    SortKey.REMAINING: lambda r: r.remaining_minutes,
    SortKey.DEADLINE: lambda r: r.deadline,
    SortKey.TARGET: lambda r: r.target_end(BUILT_IN["2025"]),
    SortKey.ADJOURNED: lambda r: r.adjournments,
    SortKey.STATUS: lambda r: r.status.value,
}


@pytest.mark.parametrize("column", range(len(COLUMNS)), ids=[c.title for c in COLUMNS])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_every_column_sorts_in_sql(workspace: Workspace, column: int, order: Qt.SortOrder) -> None:
    open_docket(workspace, make_docket(120))
    model = DocketTableModel(workspace)
    model.set_filter(DocketFilter(status=None, rules=BUILT_IN["2025"]))
    model.sort(column, order)
    rows = [model.row_at(r) for r in range(model.rowCount())]
    key = KEYS[COLUMNS[column].key]
    values = [key(row) for row in rows if row is not None and key(row) is not None]
    empties = [i for i, row in enumerate(rows) if row is not None and key(row) is None]
    assert len(set(values)) > 1
    expected = sorted(values, reverse=order == Qt.SortOrder.DescendingOrder)
    assert values == expected
    assert empties == list(range(len(values), len(rows)))  # empty values last, both ways


def test_filters_narrow_the_rows_in_sql(workspace: Workspace) -> None:
    docket = make_docket(200)
    open_docket(workspace, docket)
    model = DocketTableModel(workspace)
    pending = [c for c in docket.cases if c.status == "pending"]
    assert model.rowCount() == len(pending)
    assert model.total == len(docket.cases)  # counted in SQL, whatever the filter
    model.set_filter(DocketFilter(detained=True, language="Spanish"))
    wanted = [c for c in pending if c.detained and c.language == "Spanish"]
    assert model.rowCount() == len(wanted) > 0
    assert {display(model, r, 3) for r in range(model.rowCount())} == {"Yes"}
    model.set_filter(DocketFilter(text="A000-000-123", status=None))
    assert model.rowCount() == 1
    assert display(model, 0, 0) == "A000-000-123"
    model.set_filter(DocketFilter(status=None))
    assert model.rowCount() == model.total == 200


def test_an_edit_marks_rows_stale_without_a_reset(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    open_docket(workspace, make_docket(50))
    model = DocketTableModel(workspace)
    model.row_at(0)
    case = case_service.get_case(workspace.database, model.case_id(0))
    case_service.update_case(
        workspace.database, case.__class__(**{**_fields(case), "name": "Renamed Person"})
    )
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.dataChanged):
        workspace.notify(Change.CASES)
    assert resets == []
    assert display(model, 0, 1) == "Renamed Person"
    workspace.notify(Change.CALENDAR)  # the docket does not show closures or leave
    assert model.cached_pages == {0}


def test_adding_a_case_or_switching_judge_requeries(workspace: Workspace) -> None:
    judge = open_docket(workspace, make_docket(20))
    model = DocketTableModel(workspace)
    before = model.rowCount()
    assert judge.id is not None
    case_service.add_case(
        workspace.database, judge.id, Case("999999999", "New Person", "removal", TODAY)
    )
    workspace.notify(Change.CASES)
    assert model.rowCount() == before + 1
    other = open_docket(workspace, make_docket(5, seed=2, name="Judge Other"))
    assert model.judge == other
    assert model.rowCount() == 5
    workspace.switch_judge(None)
    assert model.rowCount() == 0
    assert model.total == 0


def _fields(case: Case) -> dict[str, object]:
    return {name: getattr(case, name) for name in Case.__dataclass_fields__}


@pytest.mark.parametrize(
    "where",
    [
        DocketFilter(),
        DocketFilter(status=None),
        DocketFilter(detained=True, language="Spanish"),
        DocketFilter(text="A000-000-12", status=None),
    ],
)
def test_the_count_of_a_filter_is_the_number_of_its_rows(
    workspace: Workspace, where: DocketFilter
) -> None:
    open_docket(workspace, make_docket(200))
    judge_id = workspace.judge.id  # type: ignore[union-attr]
    now = workspace.clock()
    ids = docket_service.find_cases(workspace.database, judge_id, where, now=now)
    assert docket_service.count_cases(workspace.database, judge_id, where, now=now) == len(ids)
