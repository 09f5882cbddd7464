"""The Court tab: every judge's verdict and figures, worst first, sortable, and it follows edits."""

import csv
from datetime import date, time
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QSettings, Qt

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import CaseStatus, CompletionKind, SessionKind
from planner.forecast.risk import pace_to_date
from planner.forecast.verdict import Verdict
from planner.services.changes import Change
from planner.services.forecasting import forecast_judges
from planner.store.database import Database
from planner.ui.common.workspace import Workspace
from planner.ui.court.court_view import COLUMNS, CourtView
from planner.ui.files.report_actions import export_report
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from tests.ui.conftest import NOW

#: Mondays 09:00-12:00: 7,020 bench minutes from 25 Nov 2026 to the year's end; removal cases
#: take 30 minutes (20 at the least).
MONDAYS = (Session(0, time(9), time(12), SessionKind.MASTER),)

#: name: (quota, pending removal cases) -> verdict
JUDGES = {
    "Adams": (100, 300),  # fits easily, but no completions yet: behind the even pace
    "Baker": (260, 300),  # 7,800 minutes: 10% shorter
    "Clark": (300, 300),  # 9,000 minutes: 22% shorter
    "Davis": (400, 400),  # 8,000 minutes even at the minimum of 20
    "Evans": (400, 100),  # fewer cases than the quota needs
}
WORST_FIRST = ["Evans", "Davis", "Clark", "Baker", "Adams"]


def _court(database: Database) -> None:
    with database.transaction() as repo:
        for number, (name, (quota, count)) in enumerate(JUDGES.items()):
            cases = tuple(
                Case(f"{number + 1}{i:08d}", f"R{i}", "removal", date(2025, 1, 1))
                for i in range(count)
            )
            judge = Judge(name, court="Test", quota=quota, sessions=MONDAYS, rule_set="2018")
            repo.add_docket(Docket(judge, cases=cases))


def _view(qtbot, workspace: Workspace) -> CourtView:  # type: ignore[no-untyped-def]
    view = CourtView(workspace, as_of=lambda: NOW)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=60_000):
        view.show()
    return view


def _cell(view: CourtView, row: int, header: str) -> str:
    column = [c[0] for c in COLUMNS].index(header)
    return str(view.proxy.index(row, column).data())


def test_every_judge_worst_first_with_the_forecasts_figures(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    _court(workspace.database)
    view = _view(qtbot, workspace)
    assert [f.judge for f in view.rows()] == WORST_FIRST
    expected = {f.judge: f for f in forecast_judges(workspace.database, None, NOW)}
    assert [expected[name].verdict for name in WORST_FIRST] == [
        Verdict.NOT_ENOUGH_CASES,
        Verdict.UNREACHABLE_AT_MINIMUM_LENGTHS,
        Verdict.UNREACHABLE_WITHOUT_SHORTENING,
        Verdict.UNREACHABLE_WITHOUT_SHORTENING,
        Verdict.AT_RISK,
    ]
    for row, name in enumerate(WORST_FIRST):
        f = expected[name]
        assert _cell(view, row, "Judge") == name
        assert _cell(view, row, "Verdict") == f.verdict.title
        assert _cell(view, row, "Needed") == f"{f.needed:,}"
        per_case = f.minutes_per_needed_completion
        assert per_case is not None
        assert _cell(view, row, "Hours per\nneeded completion") == f"{per_case / 60:,.1f}"
    assert _cell(view, 2, "Required\nshortening") == "22.0%"
    assert _cell(view, 3, "Required\nshortening") == "10.0%"
    assert _cell(view, 1, "Required\nshortening") == "beyond the minimums"
    too_few = expected[WORST_FIRST[0]]  # no shortening reaches the quota: it is not "beyond"
    short = too_few.needed - too_few.pending_cases
    assert _cell(view, 0, "Required\nshortening") == f"none would do: {short} cases short"
    assert _cell(view, 4, "Required\nshortening") == "none"
    # 7,020 minutes over 400 needed completions: 17.55 minutes, 0.3 hours each.
    assert _cell(view, 1, "Hours per\nneeded completion") == "0.3"
    assert view.summary.text().startswith("5 judges: 4 cannot reach the quota")
    assert [_cell(view, row, "Why at risk") for row in range(4)] == ["", "", "", ""]


def test_a_column_header_sorts_by_its_figure(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    _court(workspace.database)
    view = _view(qtbot, workspace)
    needed = [c[0] for c in COLUMNS].index("Needed")
    view.table.sortByColumn(needed, Qt.SortOrder.DescendingOrder)
    assert [f.needed for f in view.rows()] == [400, 400, 300, 260, 100]
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [f.judge for f in view.rows()] == sorted(JUDGES)


def test_the_table_follows_an_edit(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    _court(workspace.database)
    view = _view(qtbot, workspace)
    with workspace.database.transaction() as repo:
        evans = repo.judge_named("Evans")
        assert evans is not None
        assert evans.id is not None
        repo.add_cases(
            evans.id,
            [Case(f"9{i:08d}", f"N{i}", "removal", date(2025, 1, 1)) for i in range(300)],
        )
    with qtbot.waitSignal(view.loaded, timeout=60_000):
        workspace.notify(Change.CASES)
    # 400 cases now: Evans is like Davis, beyond the minimums.
    assert [f.judge for f in view.rows()][:2] == ["Davis", "Evans"]


def test_double_clicking_a_judge_opens_that_docket(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    _court(workspace.database)
    view = _view(qtbot, workspace)
    with qtbot.waitSignal(view.judge_opened):
        view.table.doubleClicked.emit(view.proxy.index(1, 0))
    assert workspace.judge is not None
    assert workspace.judge.name == "Davis"


@pytest.fixture
def settings(tmp_path: Path) -> WindowSettings:
    return WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_the_window_shows_the_court_and_exports_a_report(
    qtbot, workspace, settings, tmp_path
) -> None:
    _court(workspace.database)
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.court_view_action.trigger()
    court = window.court.ensure_built()
    assert isinstance(court, CourtView)
    qtbot.waitUntil(lambda: court.up_to_date and court.model.rowCount() == 5, timeout=60_000)

    workspace.switch_judge(next(j for j in workspace.judges() if j.name == "Clark"))
    out = tmp_path / "clark.pdf"
    task = export_report(workspace, window, out)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=120_000):
        pass
    pdf = pdfium.PdfDocument(out)
    text = " ".join(" ".join(p.get_textpage().get_text_range() for p in pdf).split())
    pdf.close()
    assert "Fiscal-year forecast: Clark (Test)" in text
    assert "Verdict: Unreachable without shortening hearings" in text
    assert "Report written to" in window.statusBar().currentMessage()


#: name: (quota, pending removal cases, completed) -> why at risk. 7,020 bench minutes hold 234
#: removal cases of 30 minutes.
AT_RISK = {
    "Adams": (100, 300, 0),  # 3,000 of 7,020 minutes: slack enough, but behind the pace
    "Baker": (220, 300, 0),  # 6,600 minutes: 420 spare, 6.0%; and behind the pace
    "Clark": (270, 300, 50),  # 220 needed, 6,600 minutes again; 50 done is ahead of the pace
}


def test_the_pace_to_date_and_why_an_at_risk_judge_is_at_risk(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    with workspace.database.transaction() as repo:
        for number, (name, (quota, pending, completed)) in enumerate(AT_RISK.items()):
            cases = tuple(
                Case(f"{number + 1}{i:08d}", f"R{i}", "removal", date(2025, 1, 1))
                for i in range(pending)
            ) + tuple(
                Case(
                    f"{number + 1}5{i:07d}",
                    f"C{i}",
                    "removal",
                    date(2025, 1, 1),
                    status=CaseStatus.COMPLETED,
                    completion_date=date(2026, 10, 20),
                    completion_kind=CompletionKind.REMOVAL_ORDER,
                )
                for i in range(completed)
            )
            judge = Judge(name, court="Test", quota=quota, sessions=MONDAYS, rule_set="2018")
            repo.add_docket(Docket(judge, cases=cases))
    view = _view(qtbot, workspace)
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    forecasts = view.rows()
    assert [f.judge for f in forecasts] == ["Adams", "Baker", "Clark"]
    assert {f.verdict for f in forecasts} == {Verdict.AT_RISK}
    expected = [pace_to_date(f).expected for f in forecasts]
    assert expected[0] > 0  # the year is under way: some completions are due by now
    assert [_cell(view, row, "Pace to date") for row in range(3)] == [
        f"0 / {expected[0]} (-{expected[0]})",
        f"0 / {expected[1]} (-{expected[1]})",
        f"50 / {expected[2]} (+{50 - expected[2]})",
    ]
    assert [_cell(view, row, "Why at risk") for row in range(3)] == [
        f"behind the even pace by {expected[0]}",
        "slack 6.0% of the binding pools' capacity, under 10%; "
        f"behind the even pace by {expected[1]}",
        "slack 6.0% of the binding pools' capacity, under 10%",
    ]
    # Both columns sort by their figures: the furthest behind first, and the reasons in order.
    pace = [c[0] for c in COLUMNS].index("Pace to date")
    view.table.sortByColumn(pace, Qt.SortOrder.AscendingOrder)
    assert [f.judge for f in view.rows()] == ["Baker", "Adams", "Clark"]
    why = [c[0] for c in COLUMNS].index("Why at risk")
    view.table.sortByColumn(why, Qt.SortOrder.AscendingOrder)
    assert [f.judge for f in view.rows()] == ["Adams", "Clark", "Baker"]


def test_save_as_csv_writes_the_table_as_shown_owner_only(qtbot, workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _court(workspace.database)
    view = _view(qtbot, workspace)
    assert view.save_button.isEnabled()
    needed = [c[0] for c in COLUMNS].index("Needed")
    view.table.sortByColumn(needed, Qt.SortOrder.AscendingOrder)
    out = tmp_path / "court.csv"
    assert view.save_csv(out) == out
    assert out.stat().st_mode & 0o777 == 0o600
    with open(out, newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))
    assert rows[0][:3] == ["Judge", "Verdict", "Why at risk"]
    assert "Hours per needed completion" in rows[0]
    # In the order on screen: by needed completions (Davis and Evans need 400 each).
    assert [row[0] for row in rows[1:]] == [f.judge for f in view.rows()]
    assert [row[0] for row in rows[1:4]] == ["Adams", "Baker", "Clark"]
    adams = dict(zip(rows[0], rows[1], strict=True))
    assert adams["Pace to date"] == _cell(view, 0, "Pace to date")
    assert adams["Why at risk"].startswith("behind the even pace by ")
    assert adams["Required shortening"] == "none"


def test_save_as_pdf_prints_the_table_as_shown(qtbot, workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _court(workspace.database)
    view = _view(qtbot, workspace)
    assert view.pdf_button.isEnabled()
    assert view.print_button.isEnabled()
    out = view.save_pdf(tmp_path / "court.pdf")
    assert out is not None
    assert out.stat().st_mode & 0o777 == 0o600
    pdf = pdfium.PdfDocument(out.read_bytes())
    text = "".join(page.get_textpage().get_text_range() for page in pdf)
    pdf.close()
    assert "Court: every judge's forecast" in text
    assert view.summary.text().split(":")[0] in text  # "5 judges"
    # The judges in the order on screen, worst first.
    positions = [text.index(name) for name in WORST_FIRST]
    assert positions == sorted(positions)


def test_every_judges_rule_set_and_age_targets(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    """Ford's FY 2027 is under the 2025 targets (in force on 1 Oct 2026): one detained removal
    case received on 1 Oct 2026, nothing booked, completes on Mon 7 Dec (its two master
    hearings on 30 Nov and 7 Dec), past its 60 days: 0% against 95%. Adams picked the 2018
    metrics: motions and the asylum clock, with no case under them."""
    with workspace.database.transaction() as repo:
        case = Case("900000001", "R1", "removal", date(2026, 10, 1), detained=True)
        repo.add_docket(Docket(Judge("Ford", sessions=MONDAYS), cases=(case,)))
        adams = tuple(Case(f"1{i:08d}", f"R{i}", "removal", date(2025, 1, 1)) for i in range(3))
        repo.add_docket(Docket(Judge("Adams", sessions=MONDAYS, rule_set="2018"), cases=adams))
    view = _view(qtbot, workspace)
    rows = {f.judge: row for row, f in enumerate(view.rows())}
    assert _cell(view, rows["Ford"], "Rule set") == "2025 targets (PM 25-47)"
    assert _cell(view, rows["Ford"], "Age targets").startswith(
        "detained within 60 days: 0% (goal 95%); non-detained within 365 days: none decided"
    )
    assert _cell(view, rows["Adams"], "Rule set") == "2018 performance metrics"
    assert _cell(view, rows["Adams"], "Age targets") == (
        "motions within 20 days: none decided (goal 85%); "
        "asylum applications within 180 days: none decided (goal 100%)"
    )
