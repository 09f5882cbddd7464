"""The quota panel shows the forecast, follows every edit, and answers what-if questions unsaved."""

from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import Qt

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import SessionKind
from planner.services import cases as case_service
from planner.services import judges as judge_service
from planner.services.changes import Change
from planner.ui.quota_panel import VERDICT_COLOURS, QuotaPanel
from planner.ui.workspace import Workspace

#: Mondays 09:00-12:00 only. From Wednesday 25 Nov 2026 to 30 Sep 2027 there are 44 Mondays,
#: 5 of them holidays (18 Jan, 15 Feb, 31 May, 5 Jul, 6 Sep): 39 x 180 = 7,020 minutes.
MONDAYS = (Session(0, time(9), time(12), SessionKind.MASTER),)


def _judge_with_cases(workspace: Workspace, quota: int, count: int) -> Judge:
    cases = tuple(
        Case(f"{i:09d}", f"R{i}", "removal", date(2025, 1, 1)) for i in range(1, count + 1)
    )
    with workspace.database.transaction() as repo:
        judge_id = repo.add_docket(
            Docket(Judge("Small", quota=quota, sessions=MONDAYS), cases=cases)
        )
    judge = next(j for j in workspace.judges() if j.id == judge_id)
    workspace.switch_judge(judge)
    return judge


def test_no_judge_says_so(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    panel = QuotaPanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.up_to_date)
    assert "No judge selected" in panel.title.text()
    assert not panel.what_if.isEnabled()


def test_banner_shows_the_verdict_and_its_sentence(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    """300 removal cases of 30 minutes: 7,020 / 30 = 234 fit; quota 260 needs shortening
    to 7,020 / (260 x 30) = 90%."""
    panel = QuotaPanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.up_to_date)
    _judge_with_cases(workspace, quota=260, count=300)
    assert panel.forecast is not None
    assert panel.forecast.capacity_minutes == 7020
    assert "Unreachable without shortening hearings" in panel.title.text()
    assert "10% shorter" in panel.message.text()
    assert panel.fit.value.text() == "234"
    assert panel.completed.value.text() == "0 / 260"
    assert panel.hours_left.value.text() == "117"
    assert panel.shortening.value.text() == "10%"
    colour = VERDICT_COLOURS[panel.forecast.verdict]
    assert colour in panel.banner.styleSheet()


def test_what_if_changes_the_verdict_without_saving(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    panel = QuotaPanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.up_to_date)
    judge = _judge_with_cases(workspace, quota=260, count=300)
    panel.what_if.quota.selectAll()
    qtbot.keyClicks(panel.what_if.quota, "200")
    assert panel.forecast is not None
    assert panel.forecast.quota == 200
    assert panel.title.text().startswith("<b>What if (not saved): ")
    assert panel.forecast.verdict != "unreachable_without_shortening"
    # An extra Monday afternoon (13:00-16:30) adds 39 x 210 minutes.
    panel.what_if.session.setCurrentIndex(panel.what_if.session.findText("Mon afternoon"))
    assert panel.forecast.capacity_minutes == 7020 + 39 * 210
    qtbot.mouseClick(panel.what_if.reset, Qt.MouseButton.LeftButton)
    assert panel.forecast.quota == 260
    assert panel.forecast.capacity_minutes == 7020
    # Nothing was saved.
    saved = next(j for j in judge_service.list_judges(workspace.database) if j.id == judge.id)
    assert saved.quota == 260
    assert saved.sessions == MONDAYS


def test_an_extra_session_the_judge_already_sits_is_refused_with_the_reason(
    qtbot, workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    panel = QuotaPanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.up_to_date)
    _judge_with_cases(workspace, quota=260, count=300)
    panel.what_if.session.setCurrentIndex(panel.what_if.session.findText("Mon morning"))
    assert panel.forecast is None
    assert "cannot be tried" in panel.title.text()
    assert panel.message.text() == (
        "The extra session cannot be tried: Mon 08:30-12:00 individual overlaps "
        "Mon 09:00-12:00 master; choose a time the judge is free."
    )
    assert panel.hours_left.value.text() == "–"
    qtbot.mouseClick(panel.what_if.reset, Qt.MouseButton.LeftButton)
    assert panel.forecast is not None
    assert panel.forecast.capacity_minutes == 7020


def test_extra_leave_takes_the_next_workdays(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    panel = QuotaPanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.up_to_date)
    _judge_with_cases(workspace, quota=100, count=300)
    panel.what_if.leave.setValue(3)  # Mondays 30 Nov, 7 and 14 Dec
    assert panel.forecast is not None
    assert panel.forecast.capacity_minutes == 7020 - 3 * 180


def test_panel_follows_edits_to_the_docket_and_the_profile(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    panel = QuotaPanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.up_to_date)
    judge = _judge_with_cases(workspace, quota=100, count=300)
    assert panel.forecast is not None
    assert panel.forecast.pending_cases == 300
    case_service.add_case(
        workspace.database, judge.id, Case("999999999", "New", "asylum", date(2026, 1, 1))
    )  # type: ignore[arg-type]
    workspace.notify(Change.CASES)
    assert panel.forecast.pending_cases == 301
    judge_service.update_judge(workspace.database, replace(judge, quota=50))
    workspace.notify(Change.PROFILE)
    assert panel.forecast.quota == 50
    assert panel.what_if.quota.value() == 50


def test_the_first_forecast_waits_until_the_panel_is_on_screen(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    """Start-up paints the window first; the forecast follows in the next turn of the loop."""
    _judge_with_cases(workspace, quota=260, count=300)
    panel = QuotaPanel(workspace)
    qtbot.addWidget(panel)
    assert panel.forecast is None
    assert panel.title.text() == "Forecasting…"
    panel.show()
    qtbot.waitUntil(lambda: panel.up_to_date)
    assert panel.forecast is not None
    assert panel.forecast.pending_cases == 300
