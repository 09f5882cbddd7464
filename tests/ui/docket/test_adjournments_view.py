""" "How is this computed?" shows the adjournment rate the forecast counts, where it came from, and
the extra hearings and hours it adds (docs/forecast.md, "Adjournments").

The docket: Mondays 09:00-12:00 (7,020 minutes left from Wed 25 Nov 2026), 300 pending removal
cases of 30 minutes (two master hearings each: 600 hearings still to hold), quota 260.
"""

from datetime import date, datetime, time

from PySide6.QtCore import Qt

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import HearingKind, HearingStatus, SessionKind
from planner.ui.common.workspace import Workspace
from planner.ui.docket.quota_panel import QuotaPanel

MONDAYS = (Session(0, time(9), time(12), SessionKind.MASTER),)


def _docket(judge: Judge, adjourned: int, held: int) -> Docket:
    cases = tuple(Case(f"{i:09d}", f"R{i}", "removal", date(2025, 1, 1)) for i in range(1, 301))
    # Past hearings of the first cases, one each, in October 2026 (before as-of).
    outcomes = tuple(
        Hearing(
            f"{i:09d}",
            datetime(2026, 10, 5, 9, 0),
            15,
            HearingKind.MASTER,
            status=HearingStatus.ADJOURNED if i <= adjourned else HearingStatus.HELD,
            adjournment_reason="interpreter unavailable" if i <= adjourned else None,
        )
        for i in range(1, adjourned + held + 1)
    )
    return Docket(judge, cases=cases, hearings=outcomes)


def _explained(qtbot, workspace: Workspace, docket: Docket) -> str:  # type: ignore[no-untyped-def]
    panel = QuotaPanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.up_to_date)
    with workspace.database.transaction() as repo:
        judge_id = repo.add_docket(docket)
    workspace.switch_judge(next(j for j in workspace.judges() if j.id == judge_id))
    qtbot.waitUntil(lambda: panel.forecast is not None and panel.forecast.pending_cases == 300)
    qtbot.mouseClick(panel.how, Qt.MouseButton.LeftButton)
    dialog = panel.explanation_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return str(dialog.browser.toPlainText())


def test_the_observed_rate_and_the_hearings_it_adds(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    """5 of 20 recorded outcomes adjourned: 25%, each hearing sits 1 / 0.75 = 1.33 times; 260
    cases x 30 min x 4/3 = 10,400 min (173 h) needed; 600 hearings x 0.25 / 0.75 = 200 more,
    300 x 30 x 4/3 x 0.25 = 3,000 min (50 h) more."""
    judge = Judge("Rated", quota=260, sessions=MONDAYS, rule_set="2018")
    text = _explained(qtbot, workspace, _docket(judge, adjourned=5, held=15))
    for line in (
        "Adjournments",
        "Adjournment rate\n25% observed",
        "5 of the 20 hearings with a recorded outcome (held, adjourned or completed) before "
        "as-of were adjourned: 5 ÷ 20",
        "Sittings per hearing\n1.33",
        "Hearings still to hold\n600 hearings",
        "Extra hearings expected\n200.0 hearings",
        "600 hearings × 0.25 ÷ (1 − 0.25)",
        "Hours they add\n50.0 h",
        "Hours needed at current lengths\n173 h",
        "each hearing counted 1.33 times for adjournments",
    ):
        assert line in text, line


def test_below_the_history_the_profile_setting_is_shown(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    """3 outcomes, fewer than 20: the profile's 10%. 260 x 30 / 0.9 = 8,667 min (144 h);
    600 x 0.1 / 0.9 = 66.7 hearings; 300 x 30 / 0.9 x 0.1 = 1,000 min (16.7 h)."""
    judge = Judge("Set", quota=260, sessions=MONDAYS, rule_set="2018", adjournment_rate_pct=10)
    text = _explained(qtbot, workspace, _docket(judge, adjourned=2, held=1))
    for line in (
        "Adjournment rate\n10% (setting)",
        "the profile's setting, until 20 hearing outcomes are recorded (3 recorded; the "
        "observed rate replaces it then)",
        "Extra hearings expected\n66.7 hearings",
        "Hours they add\n16.7 h",
        "Hours needed at current lengths\n144 h",
    ):
        assert line in text, line


def test_at_rate_zero_nothing_is_added(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    judge = Judge("Plain", quota=260, sessions=MONDAYS, rule_set="2018")
    text = _explained(qtbot, workspace, _docket(judge, 0, 0))
    assert "Adjournment rate\n0% (setting)" in text
    assert "none recorded yet" in text
    assert "Extra hearings expected\n0.0 hearings" in text
    assert "Hours needed at current lengths\n130 h" in text  # 260 x 30 = 7,800 min
    assert "for adjournments" not in text
