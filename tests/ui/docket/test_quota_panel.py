"""The quota panel shows the forecast, follows every edit, and answers what-if questions unsaved."""

from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from time import sleep

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge, Session
from planner.domain.records import replace
from planner.domain.vocabulary import SessionKind
from planner.scheduling.autoschedule import Cancelled
from planner.services import cases as case_service
from planner.services import forecasting
from planner.services import judges as judge_service
from planner.services.changes import Change
from planner.services.severity import Severity
from planner.store.database import Database
from planner.store.errors import StoreError
from planner.ui.common.theme import NEUTRAL_BANNER, SEVERITY_COLOURS
from planner.ui.common.workspace import Workspace
from planner.ui.docket.quota_panel import QuotaPanel
from tests.ui.conftest import NOW

#: Mondays 09:00-12:00 only. From Wednesday 25 Nov 2026 to 30 Sep 2027 there are 44 Mondays,
#: 5 of them holidays (18 Jan, 15 Feb, 31 May, 5 Jul, 6 Sep): 39 x 180 = 7,020 minutes.
MONDAYS = (Session(0, time(9), time(12), SessionKind.MASTER),)


def _judge_with_cases(workspace: Workspace, quota: int, count: int) -> Judge:
    cases = tuple(
        Case(f"{i:09d}", f"R{i}", "removal", date(2025, 1, 1)) for i in range(1, count + 1)
    )
    with workspace.database.transaction() as repo:
        judge_id = repo.add_docket(
            Docket(Judge("Small", quota=quota, sessions=MONDAYS, rule_set="2018"), cases=cases)
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
    assert "Serious: unreachable without shortening hearings" in panel.title.text()
    assert "10% shorter" in panel.message.text()
    assert panel.fit.value.text() == "234"
    assert panel.completed.value.text() == "0 / 260"
    assert panel.hours_left.value.text() == "117"
    assert panel.shortening.value.text() == "10%"
    colour = SEVERITY_COLOURS[panel.severity]
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
    )
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


def _shown_panel(qtbot, workspace: Workspace) -> QuotaPanel:  # type: ignore[no-untyped-def]
    panel = QuotaPanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.up_to_date)
    return panel


def test_the_panel_shows_the_figures_the_report_had_alone(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    """Quota 260 of 300 removal cases (30 min, floor 20): 260 x 30 = 7,800 minutes (130 h)
    needed against 7,020 (117 h) in 39 Mondays left; 7 of FY 2027's 46 Mondays are past, so
    260 x 7 / 46 = 39.6 completions expected by now; at the floors all 300 cases fit."""
    panel = _shown_panel(qtbot, workspace)
    _judge_with_cases(workspace, quota=260, count=300)
    assert panel.hours_needed.value.text() == "130"
    assert panel.hours_needed.caption.text() == "hours needed at current lengths"
    assert panel.hours_left.detail.text() == "39 workdays, 0 h booked"
    assert panel.completed.detail.text() == "even pace: 40 by now"
    assert panel.fit.detail.text() == "300 at the minimum lengths"
    assert panel.needed.detail.text() == "300 cases pending"
    assert panel.shortening.detail.text() == "merits 180 → 162 min"


def test_how_is_this_computed_shows_every_figure_with_its_working(
    qtbot, workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    panel = _shown_panel(qtbot, workspace)
    _judge_with_cases(workspace, quota=260, count=300)
    assert panel.how.isVisible()
    qtbot.mouseClick(panel.how, Qt.MouseButton.LeftButton)
    dialog = panel.explanation_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.browser.toPlainText()
    for line in (
        "Completions to date\n0 completions",
        "Expected by now at an even pace\n39.6 completions",
        "quota 260 × 7 workdays so far ÷ 46 workdays in the year",
        "Completions still needed\n260 completions",
        "Workdays left\n39 workdays",
        "Bench hours left\n117 h",
        "Hours booked\n0 h",
        "Hours needed at current lengths\n130 h",
        "Hours needed at the minimum lengths\n87 h",
        "Completions that fit at current lengths\n234 completions",
        "Completions that fit at the minimum lengths\n300 completions",
        "Bench hours short\n13 h",
        "Required shortening\n10%",
        "Merits (individual) hearings\n180 → 162 min",
        "Bench time per needed completion\n27 min (0.5 h)",
    ):
        assert line in text, line
    assert "What if" not in dialog.heading.text()
    qtbot.mouseClick(dialog.copy, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "  Required shortening: 10% (1 − f, where f = 0.90" in copied
    # It follows a what-if while it is open.
    panel.what_if.quota.setValue(200)
    assert dialog.heading.text().startswith("<b>What if (not saved)</b>")
    assert "Completions still needed\n200 completions" in dialog.browser.toPlainText()


def test_how_loud_the_banner_is_follows_how_far_off_the_year_is(
    qtbot, workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    """400 cases of 30 minutes, 7,020 minutes: quota 236 needs 1 - 7,020 / 7,080 = 0.8% shorter
    hearings, quota 320 needs 1 - 7,020 / 9,600 = 26.9%."""
    panel = _shown_panel(qtbot, workspace)
    _judge_with_cases(workspace, quota=236, count=400)
    assert panel.title.text().startswith("<b>Mild: unreachable without shortening hearings")
    assert SEVERITY_COLOURS[Severity.MILD] in panel.banner.styleSheet()
    assert panel.icon.accessibleName() == "How far off: Mild"
    panel.what_if.quota.setValue(320)
    assert "Severe: unreachable without shortening hearings" in panel.title.text()
    assert panel.shortening.value.text() == "27%"
    assert SEVERITY_COLOURS[Severity.SEVERE] in panel.banner.styleSheet()
    assert SEVERITY_COLOURS[Severity.MILD] not in panel.banner.styleSheet()
    assert panel.icon.accessibleName() == "How far off: Severe"


def test_an_empty_docket_says_there_is_nothing_to_forecast(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    panel = _shown_panel(qtbot, workspace)
    _judge_with_cases(workspace, quota=700, count=0)
    assert panel.title.text() == (
        "<b>No pending cases</b> — FY 2027 · 2018 performance metrics, from 1 Oct 2018"
    )
    assert panel.message.text().startswith("No pending cases: nothing to forecast yet.")
    assert panel.shortening.value.text() == "–"
    assert panel.shortening.detail.text() == "no pending cases"
    shown = [label.text() for label in panel.findChildren(QLabel)]
    assert not any("beyond minimums" in text for text in shown)
    assert SEVERITY_COLOURS[Severity.NOTHING_TO_FORECAST] in panel.banner.styleSheet()


def test_the_what_if_strip_says_what_changes_against_the_saved_figures(
    qtbot, workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    """An extra Monday afternoon adds 39 x 210 = 8,190 minutes (117 h to 254 h), but it is an
    individual session and these removal cases need master-calendar time (the forecast by pools,
    issue 14): 234 still fit. A quota of 230 instead: no shortening (10% before), at risk."""
    panel = _shown_panel(qtbot, workspace)
    _judge_with_cases(workspace, quota=260, count=300)
    assert panel.what_if.difference.text() == ""
    panel.what_if.session.setCurrentIndex(panel.what_if.session.findText("Mon afternoon"))
    assert panel.what_if.difference.text() == "Against the saved profile: +137 bench hours left"
    qtbot.mouseClick(panel.what_if.reset, Qt.MouseButton.LeftButton)
    assert panel.what_if.difference.text() == ""
    panel.what_if.quota.setValue(230)
    assert panel.what_if.difference.text() == (
        "Against the saved profile: -30 completions needed, shortening 10% → 0%, "
        "unreachable without shortening hearings → at risk"
    )
    qtbot.mouseClick(panel.what_if.reset, Qt.MouseButton.LeftButton)
    assert panel.what_if.difference.text() == ""


def test_too_few_cases_give_no_shortening_but_the_shortfall(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    panel = _shown_panel(qtbot, workspace)
    _judge_with_cases(workspace, quota=700, count=5)
    assert panel.title.text().startswith("<b>Severe: not enough cases")
    assert panel.shortening.value.text() == "–"
    assert panel.shortening.detail.text() == "the docket is 695 cases short"


def test_the_banner_names_the_template_change_that_fits_the_most_completions(
    qtbot, workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    """Mondays: master 08:30-12:00 and individual 13:00-14:30 (39 x 90 = 3,510 individual
    minutes: 19 merits hearings of 180). 100 asylum cases: the individual pool binds while the
    master pool has time free, and the banner says which change fits the most more. A what-if
    is not advised (the advice is the saved profile's); back to the saved profile, it returns."""
    panel = QuotaPanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.up_to_date)
    assert not panel.advice.isVisible()
    sessions = (
        Session(0, time(8, 30), time(12), SessionKind.MASTER),
        Session(0, time(13), time(14, 30), SessionKind.INDIVIDUAL),
    )
    cases = tuple(Case(f"{i:09d}", f"R{i}", "asylum", date(2025, 1, 1)) for i in range(1, 101))
    with workspace.database.transaction() as repo:
        judge_id = repo.add_docket(
            Docket(Judge("Two pools", quota=100, sessions=sessions, rule_set="2018"), cases=cases)
        )
    workspace.switch_judge(next(j for j in workspace.judges() if j.id == judge_id))
    qtbot.waitUntil(lambda: panel.up_to_date)

    text = panel.advice.text()
    assert panel.advice.isVisible()
    assert text.startswith("Individual sessions are full while master sessions have ")
    assert "more completions by 30 Sep 2027" in text
    assert panel.forecast is not None
    best = panel.forecast.template_changes[0]
    assert f"fits {best.extra_completions} more completions" in text
    assert best.change.split(" ", 1)[1] in text

    panel.what_if.leave.setValue(5)
    assert not panel.advice.isVisible()
    panel.what_if.clear()
    assert panel.advice.text() == text
    assert panel.advice.isVisible()


def test_the_what_if_strip_turns_a_weekly_session_into_another_kind_unsaved(
    qtbot, workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    """Mondays master 08:30-12:00 and individual 13:00-14:30, Tuesdays master 08:30-12:00;
    100 asylum cases (a 15-minute master hearing, a 180-minute merits hearing). From Wed 25 Nov
    2026 to 30 Sep 2027: 39 sitting Mondays (3,510 individual minutes: 19 merits hearings) and
    44 Tuesdays, none a holiday. Turning the Tuesday master session into an individual one adds
    44 x 210 = 9,240 individual minutes: 12,750 / 180 = 70 fit, 51 more (the 39 Monday
    mornings' 8,190 master minutes still hold every master hearing). Nothing is stored."""
    panel = QuotaPanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.up_to_date)
    tuesday = Session(1, time(8, 30), time(12), SessionKind.MASTER)
    sessions = (
        Session(0, time(8, 30), time(12), SessionKind.MASTER),
        Session(0, time(13), time(14, 30), SessionKind.INDIVIDUAL),
        tuesday,
    )
    cases = tuple(Case(f"{i:09d}", f"R{i}", "asylum", date(2025, 1, 1)) for i in range(1, 101))
    with workspace.database.transaction() as repo:
        judge_id = repo.add_docket(
            Docket(Judge("Two pools", quota=100, sessions=sessions), cases=cases)
        )
    workspace.switch_judge(next(j for j in workspace.judges() if j.id == judge_id))
    qtbot.waitUntil(lambda: panel.up_to_date)
    strip = panel.what_if
    assert [strip.turn.itemText(i) for i in range(strip.turn.count())] == [
        "none",
        "Mon 08:30-12:00 master",
        "Mon 13:00-14:30 individual",
        "Tue 08:30-12:00 master",
    ]
    assert not strip.kind.isEnabled()
    assert panel.fit.value.text() == "19"

    strip.turn.setCurrentIndex(strip.turn.findText("Tue 08:30-12:00 master"))
    assert strip.kind.isEnabled()
    assert strip.kind.currentText() == "individual"  # another kind than the session's own
    assert panel.title.text().startswith("<b>What if (not saved): ")
    assert panel.fit.value.text() == "70"
    assert panel.hours_left.value.text() == "349"  # the same hours, of another kind
    assert strip.difference.text().startswith("Against the saved profile: +51 completions fit, ")
    assert panel.saved_forecast is not None
    assert panel.saved_forecast.max_completions_at_current_lengths == 19
    stored = next(j for j in workspace.judges() if j.id == judge_id)  # read from the file
    assert stored.sessions == sessions

    strip.kind.setCurrentIndex(strip.kind.findText("master"))  # the session's own kind
    assert "cannot be tried" in panel.title.text()
    assert "Tue 08:30-12:00 master session is master already" in panel.message.text()
    qtbot.mouseClick(strip.reset, Qt.MouseButton.LeftButton)
    assert strip.turn.currentText() == "none"
    assert not strip.kind.isEnabled()
    assert panel.fit.value.text() == "19"
    assert strip.difference.text() == ""


def test_without_a_quota_the_banner_names_the_rule_set_and_its_targets(
    qtbot, workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    """FY 2027 began on 1 Oct 2026, under the 2025 targets (no quota). One detained removal case
    received on 1 Oct 2026 (60 days: 30 Nov), nothing booked: from Thu 26 Nov the deadline
    policy sets its two master hearings on Mondays 30 Nov and 7 Dec, so it completes on 7 Dec
    and passes its 60 days on 1 December."""
    panel = QuotaPanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.up_to_date)
    case = Case("100000001", "R1", "removal", date(2026, 10, 1), detained=True)
    with workspace.database.transaction() as repo:
        judge_id = repo.add_docket(
            Docket(Judge("Targets", quota=700, sessions=MONDAYS), cases=(case,))
        )
    workspace.switch_judge(next(j for j in workspace.judges() if j.id == judge_id))
    qtbot.waitUntil(lambda: panel.up_to_date)
    assert "2025 targets (PM 25-47)" in panel.title.text()
    qtbot.waitUntil(lambda: panel.forecast is not None and panel.forecast.age_targets is not None)
    text = panel.message.text()
    assert (
        "Detained within 60 days: 0% projected, goal 95%; 1 case will pass 60 days on 1 December"
        in text
    )
    assert "700" not in text
    assert "700" not in panel.title.text()
    assert panel.completed.caption.text() == "completed this fiscal year"
    assert "1 of 5 age targets short" in panel.title.text()  # the Dedicated Docket's too


# The age targets' projection runs in a managed worker -----------------------------------------

_PROJECT = forecasting.with_age_targets


class _Gate:
    """Stands in the way of each age-targets projection, after the real one is done, until the
    test opens it (``opened``), or until the worker is asked to stop when ``until_cancelled``.
    Short sleeps, not a timed wait: under CI's faked clock a timed wait never times out. It
    gives way by itself after about 10 s, so a projection run on the GUI thread fails the test
    rather than hanging it."""

    def __init__(self) -> None:
        self.calls = 0
        self.opened: set[int] = set()
        self.until_cancelled = False
        self.saw_cancel = False
        self.all_open = False

    def __call__(
        self,
        database: object,
        result: object,
        *,
        cancelled: Callable[[], bool] | None = None,
    ) -> object:
        index, self.calls = self.calls, self.calls + 1
        try:
            projected = _PROJECT(database, result, cancelled=cancelled)  # type: ignore[arg-type]
        except Cancelled:  # asked to stop while the real projection still ran (a loaded machine)
            self.saw_cancel = True
            raise
        for _ in range(2000):
            if index in self.opened or self.all_open:
                break
            if self.until_cancelled and cancelled is not None and cancelled():
                self.saw_cancel = True
                break
            sleep(0.005)
        return projected


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Gate]:
    held = _Gate()
    monkeypatch.setattr(forecasting, "with_age_targets", held)
    yield held
    held.all_open = True  # a failed test leaves no worker waiting


def _targets_judge(workspace: Workspace) -> Judge:
    """Under the 2025 targets: one detained removal case received on 1 Oct 2026, which the
    deadline policy completes on Monday 7 Dec, past its 60 days (it passes them on 1 Dec)."""
    case = Case("100000001", "R1", "removal", date(2026, 10, 1), detained=True)
    with workspace.database.transaction() as repo:
        judge_id = repo.add_docket(
            Docket(Judge("Targets", quota=700, sessions=MONDAYS), cases=(case,))
        )
    judge = next(j for j in workspace.judges() if j.id == judge_id)
    workspace.switch_judge(judge)
    return judge


def test_the_verdict_shows_at_once_and_the_age_targets_follow_from_a_worker(
    qtbot, workspace: Workspace, gate: _Gate
) -> None:  # type: ignore[no-untyped-def]
    """The projection is held in its worker: the verdict is on show meanwhile, and the window
    answers; the age targets arrive once the worker ends."""
    panel = _shown_panel(qtbot, workspace)
    _targets_judge(workspace)
    qtbot.waitUntil(lambda: gate.calls == 1)
    assert "2025 targets (PM 25-47)" in panel.title.text()
    assert panel.forecast is not None
    assert panel.forecast.age_targets is None
    assert "will pass 60 days" not in panel.message.text()
    assert panel.projecting
    gate.opened.add(0)
    qtbot.waitUntil(lambda: not panel.age_tasks)
    assert not panel.projecting
    assert panel.forecast is not None
    assert panel.forecast.age_targets is not None
    assert "1 case will pass 60 days on 1 December" in panel.message.text()
    assert gate.calls == 1  # projected once


def test_while_the_age_targets_are_projected_the_banner_claims_nothing_of_them(
    qtbot, workspace: Workspace, gate: _Gate
) -> None:  # type: ignore[no-untyped-def]
    """The one detained case will pass its 60 days, so the targets are short: while the
    projection is held in its worker the banner is neither green nor ticked and says the targets
    are being projected (it said "on track" until the result turned it red); then at risk."""
    panel = _shown_panel(qtbot, workspace)
    _targets_judge(workspace)
    qtbot.waitUntil(lambda: gate.calls == 1)
    assert panel.projecting
    assert panel.severity is None
    assert panel.icon.isHidden()
    style = panel.banner.styleSheet()
    assert NEUTRAL_BANNER in style
    assert SEVERITY_COLOURS[Severity.ON_TRACK] not in style
    title = panel.title.text()
    assert "Age targets: projecting…" in title
    assert "2025 targets (PM 25-47)" in title
    assert "met" not in title
    assert "projecting" in panel.title.accessibleName()
    gate.opened.add(0)
    qtbot.waitUntil(lambda: not panel.age_tasks)
    assert panel.severity is Severity.AT_RISK
    assert SEVERITY_COLOURS[Severity.AT_RISK] in panel.banner.styleSheet()
    assert not panel.icon.isHidden()
    assert "projecting" not in panel.title.text()
    assert "1 of 5 age targets short" in panel.title.text()  # the Dedicated Docket's too


def test_age_targets_met_turn_the_banner_green_only_once_projected(
    qtbot, workspace: Workspace, gate: _Gate
) -> None:  # type: ignore[no-untyped-def]
    """A detained case received on 1 Nov 2026 (60 days: 31 Dec) completes on Monday 7 Dec: every
    target met, and the banner says so only after the worker's answer."""
    panel = _shown_panel(qtbot, workspace)
    case = Case("100000001", "R1", "removal", date(2026, 11, 1), detained=True)
    with workspace.database.transaction() as repo:
        judge_id = repo.add_docket(
            Docket(Judge("Targets", quota=700, sessions=MONDAYS), cases=(case,))
        )
    workspace.switch_judge(next(j for j in workspace.judges() if j.id == judge_id))
    qtbot.waitUntil(lambda: gate.calls == 1)
    assert panel.severity is None
    assert "Age targets: projecting…" in panel.title.text()
    gate.opened.add(0)
    qtbot.waitUntil(lambda: not panel.age_tasks)
    assert panel.severity is Severity.ON_TRACK
    assert "Age targets met" in panel.title.text()
    assert SEVERITY_COLOURS[Severity.ON_TRACK] in panel.banner.styleSheet()


def test_a_projection_that_fails_leaves_the_banner_without_a_claim(
    qtbot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The file went away under the worker: the verdict stays, neutral, and says the age
    targets could not be projected rather than "projecting…" for ever."""

    def gone(*_args: object, **_kwargs: object) -> object:
        raise StoreError("the database file is gone")

    monkeypatch.setattr(forecasting, "with_age_targets", gone)
    panel = _shown_panel(qtbot, workspace)
    _targets_judge(workspace)
    qtbot.waitUntil(lambda: panel.up_to_date and not panel.projecting and not panel.age_tasks)
    qtbot.waitUntil(lambda: "not projected" in panel.title.text())
    assert panel.severity is None
    assert NEUTRAL_BANNER in panel.banner.styleSheet()
    assert "projecting" not in panel.title.text()


def test_age_targets_projected_before_an_edit_are_not_shown(
    qtbot, workspace: Workspace, gate: _Gate
) -> None:  # type: ignore[no-untyped-def]
    """A second detained case (received 2 Oct: it passes 60 days on 2 Dec) is added while the
    first projection runs: that projection's result (one case) arrives and is dropped, and the
    one for the edited docket (two cases) is shown."""
    panel = _shown_panel(qtbot, workspace)
    judge = _targets_judge(workspace)
    qtbot.waitUntil(lambda: gate.calls == 1)
    stale = panel.age_tasks[0]
    case_service.add_case(
        workspace.database,
        judge.id,
        Case("100000002", "R2", "removal", date(2026, 10, 2), detained=True),
    )
    workspace.notify(Change.CASES)
    assert stale.cancelled
    qtbot.waitUntil(lambda: gate.calls == 2)
    gate.opened.add(0)  # the stale result comes back to the panel
    qtbot.waitUntil(lambda: stale not in panel.age_tasks)
    assert panel.forecast is not None
    assert panel.forecast.age_targets is None
    assert "will pass 60 days" not in panel.message.text()
    gate.opened.add(1)
    qtbot.waitUntil(lambda: not panel.age_tasks)
    assert "2 cases will pass 60 days, the first on 1 December" in panel.message.text()


def test_closing_the_panel_stops_its_age_targets_worker(
    qtbot, workspace: Workspace, gate: _Gate
) -> None:  # type: ignore[no-untyped-def]
    panel = _shown_panel(qtbot, workspace)
    gate.until_cancelled = True
    _targets_judge(workspace)
    qtbot.waitUntil(lambda: gate.calls == 1)
    task = panel.age_tasks[0]
    panel.close()
    assert gate.saw_cancel  # asked to stop, and waited for
    assert not task.alive
    assert not panel.projecting
    qtbot.wait(50)  # the queued end arrives, and is dropped
    assert panel.forecast is not None
    assert panel.forecast.age_targets is None


def test_a_cancelled_projection_stops_with_cancelled(workspace: Workspace) -> None:
    """The worker's ``cancelled()`` reaches the auto-scheduler, which stops at its first check."""
    judge = _targets_judge(workspace)
    [saved] = forecasting.forecast_judges(workspace.database, judge.name, NOW)
    with pytest.raises(Cancelled):
        forecasting.with_age_targets(workspace.database, saved, cancelled=lambda: True)
    assert forecasting.with_age_targets(workspace.database, saved).age_targets is not None


@pytest.mark.parametrize(
    ("count", "today", "pending", "workdays", "short"),
    [
        (1, date(2027, 9, 27), "1 case pending", "1 workday, ", "the docket is 2 cases short"),
        (2, date(2027, 9, 20), "2 cases pending", "2 workdays, ", "the docket is 1 case short"),
    ],
    ids=["one", "two"],
)
def test_the_figures_say_one_in_the_singular_and_two_in_the_plural(  # type: ignore[no-untyped-def]
    qtbot,
    database: Database,
    count: int,
    today: date,
    pending: str,
    workdays: str,
    short: str,
) -> None:
    """``count`` pending cases, ``count`` workdays left in the fiscal year (the judge sits on
    Mondays: 20 and 27 September 2027 are its last two); against a quota of 3, 3 - ``count``
    cases short. Then the same docket under
    the 2025 targets (no quota): the profile's quota is given for reference."""
    workspace = Workspace(database, clock=lambda: datetime.combine(today, time(8)))
    panel = QuotaPanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.up_to_date)
    judge = _judge_with_cases(workspace, quota=3, count=count)
    assert panel.needed.detail.text() == pending
    assert panel.hours_left.detail.text().startswith(workdays)
    assert panel.shortening.detail.text() == short
    judge_service.update_judge(workspace.database, replace(judge, rule_set="2025"))
    workspace.notify(Change.PROFILE)
    assert panel.needed.detail.text() == f"{pending}; to the profile's 3, for reference"
