"""The auto-scheduler in the window: compare, preview as ghosts and a list, apply as one undo
step, undo it, cancel a long run, and a stale proposal, on a small docket."""

import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer

from planner.domain.anumber import format_a_number
from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.domain.vocabulary import HearingKind
from planner.scheduling.autoschedule import Options, Policy
from planner.services import autoschedule as service
from planner.services import calendar as calendar_service
from planner.services.changes import Change
from planner.ui.common.external_changes import POLL_MS
from planner.ui.common.workspace import Workspace
from planner.ui.scheduling.autoschedule_panel import AutoschedulePanel
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from tests.ui.conftest import NOW

FIRST = NOW.date() + timedelta(days=1)  # the panel's default: tomorrow


@pytest.fixture
def window(qtbot, workspace: Workspace, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """Ana Ruiz with twelve unscheduled cases (asylum: a master then a merits hearing;
    removal: two master hearings), and Ben Ode with two."""
    ruiz = tuple(
        Case(f"3000000{i:02d}", f"R{i}", "asylum" if i % 3 else "removal", date(2025, 1, 1 + i))
        for i in range(12)
    )
    ode = tuple(Case(f"4000000{i:02d}", f"O{i}", "removal", date(2025, 3, 1)) for i in range(2))
    with workspace.database.transaction() as repo:
        repo.add_docket(Docket(Judge("Ana Ruiz"), cases=ruiz))
        repo.add_docket(Docket(Judge("Ben Ode"), cases=ode))
    settings = WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main = MainWindow(workspace, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: main.isActiveWindow())
    _choose(main, "Ana Ruiz")
    return main


def _choose(window: MainWindow, name: str) -> None:
    judge = next(j for j in window.workspace.judges() if j.name == name)
    window.workspace.switch_judge(judge)


def _stored(window: MainWindow) -> list[tuple[str, object, int, HearingKind]]:
    judge = window.workspace.judge
    assert judge is not None
    assert judge.id is not None
    entries = calendar_service.agenda(
        window.workspace.database, judge.id, date(2026, 1, 1), date(2027, 12, 31)
    )
    return sorted((e.a_number, e.start, e.minutes, e.kind) for e in entries)


def _open(qtbot, window: MainWindow) -> AutoschedulePanel:  # type: ignore[no-untyped-def]
    window.autoschedule_action.trigger()
    panel = window.autoschedule_panel
    qtbot.waitUntil(panel.isVisible)
    assert window.views.currentWidget() is window.calendar_tab  # the ghosts show there
    return panel


def _preview(qtbot, panel: AutoschedulePanel, policy: Policy = Policy.OLDEST) -> None:  # type: ignore[no-untyped-def]
    panel.policy_box.setCurrentIndex(list(Policy).index(policy))
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.running and panel.proposal is not None, timeout=20_000)


def _quota_figures(window: MainWindow) -> tuple[object, ...]:
    """The quota panel's figures on show, and the forecast's booked minutes and completions
    projected from booked hearings (what an apply changes on this docket)."""
    q = window.quota_panel
    forecast = q.forecast
    assert forecast is not None
    shown = tuple(f.value.text() for f in (q.completed, q.needed, q.hours_left, q.fit))
    return (*shown, forecast.booked_minutes, forecast.projected_from_booked)


def test_preview_shows_the_list_and_ghosts_and_stores_nothing(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = _open(qtbot, window)
    _preview(qtbot, panel)
    proposal = panel.proposal
    assert proposal is not None
    assert proposal.proposed
    expected = service.propose_schedule(window.workspace.database, "Ana Ruiz", FIRST, Policy.OLDEST)
    assert proposal.proposed == expected.proposed
    # The list: one row per proposed hearing, as the service proposed them.
    table = panel.proposed_table
    assert table.rowCount() == len(proposal.proposed)
    rows = [tuple(table.item(r, c).text() for c in range(5)) for r in range(table.rowCount())]
    assert rows == [
        (
            f"{p.start:%a %d %b}",
            f"{p.start:%H:%M}",
            format_a_number(p.a_number),
            p.kind.value.replace("_", " "),
            str(p.minutes),
        )
        for p in proposal.proposed
    ]
    assert panel.unplaced_table.rowCount() == len(proposal.unplaced)
    # The calendar shows the first proposed week with a ghost per proposed hearing in it.
    calendar = window.calendar
    days = set(calendar.days())
    assert proposal.proposed[0].start.date() in days
    on_show = [p for p in proposal.proposed if p.start.date() in days]
    ghosts = calendar.proposal_ghosts()
    assert [g.a_number for g in ghosts] == [p.a_number for p in on_show]
    assert [g.lines[0] for g in ghosts] == [format_a_number(p.a_number) for p in on_show]
    assert all(g.tooltip.startswith("Proposed (not stored)") for g in ghosts)
    assert calendar.blocks() == []  # none of them is a stored hearing
    # A row of a later week shows that week.
    last = len(proposal.proposed) - 1
    table.selectRow(last)
    assert proposal.proposed[last].start.date() in calendar.days()
    assert proposal.proposed[last].a_number in {g.a_number for g in calendar.proposal_ghosts()}
    # The month and the fiscal year mark the days with proposed hearings, and how many.
    counts: dict[date, int] = {}
    for p in proposal.proposed:
        counts[p.start.date()] = counts.get(p.start.date(), 0) + 1
    calendar.set_mode("month")
    assert calendar.month_view.proposed == counts
    assert calendar.year_view.proposed == counts
    assert _stored(window) == []
    assert window.workspace.undo_stack.count() == 0


def test_apply_is_one_undo_step_and_ctrl_z_takes_it_all_back(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.quota_panel.up_to_date)
    before = _quota_figures(window)
    panel = _open(qtbot, window)
    _preview(qtbot, panel)
    proposal = panel.proposal
    assert proposal is not None
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.running and panel.proposal is None, timeout=20_000)
    assert _stored(window) == sorted(
        (p.a_number, p.start, p.minutes, p.kind) for p in proposal.proposed
    )
    stack = window.workspace.undo_stack
    assert stack.count() == 1
    assert stack.undoText().startswith(f"Auto-scheduled {len(proposal.proposed)} hearings")
    assert window.calendar.proposal_ghosts() == []  # the ghosts gave way to the hearings
    assert {b.label[0].split()[0] for b in window.calendar.blocks()} >= {
        format_a_number(p.a_number)
        for p in proposal.proposed
        if p.start.date() in window.calendar.days()
    }
    qtbot.waitUntil(lambda: window.quota_panel.up_to_date)
    applied = _quota_figures(window)
    assert applied[-2] == proposal.proposed_minutes  # the forecast counts them booked
    assert applied[-1] == proposal.completions_by_fy_end
    assert before[-2:] == (0, 0)

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window) == []
    assert stack.index() == 0
    qtbot.waitUntil(lambda: window.quota_panel.up_to_date)
    assert _quota_figures(window) == before
    # Redo puts every one of them back.
    stack.redo()
    assert _stored(window) == sorted(
        (p.a_number, p.start, p.minutes, p.kind) for p in proposal.proposed
    )
    qtbot.waitUntil(lambda: window.quota_panel.up_to_date)
    assert _quota_figures(window) == applied


def test_applying_is_this_windows_own_change_not_another_programs(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The hearings are stored by a worker thread: the window's poll for other programs'
    changes must not take that commit for one and read everything again."""
    assert window.workspace.others.active
    panel = _open(qtbot, window)
    _preview(qtbot, panel)
    changes: list[Change] = []
    window.workspace.changed.connect(changes.append)
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.running and panel.proposal is None, timeout=20_000)
    qtbot.wait(3 * POLL_MS)
    assert changes == [Change.HEARINGS]


def test_a_poll_between_the_workers_commit_and_its_end_is_not_another_programs_change(  # type: ignore[no-untyped-def]
    qtbot, window, monkeypatch
) -> None:
    """Seen under load: the poll's timer fired after the worker's commit and before the window
    took the result, and the window read everything again as if another program had written."""
    real = service.apply_proposal
    polled = threading.Event()
    timer = window.workspace.others.findChild(QTimer)
    timer.timeout.connect(polled.set)  # after the poll's own slot: the poll has run

    def committed_then_slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        applied = real(*args, **kwargs)  # committed: the store's counter has moved
        polled.clear()
        # The poll's timer fires meanwhile. Signalled, never timed out: a timed wait never
        # returns under CI's faked clock (.ci/run), and the timer sets it within POLL_MS.
        polled.wait()
        return applied

    monkeypatch.setattr(service, "apply_proposal", committed_then_slow)
    panel = _open(qtbot, window)
    _preview(qtbot, panel)
    changes: list[Change] = []
    window.workspace.changed.connect(changes.append)
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.running and panel.proposal is None, timeout=20_000)
    qtbot.wait(3 * POLL_MS)
    assert changes == [Change.HEARINGS]


@pytest.mark.parametrize("button", ["preview_button", "compare_button"])
def test_cancel_during_a_long_run_leaves_nothing_and_the_window_responds(  # type: ignore[no-untyped-def]
    qtbot, window, monkeypatch, button
) -> None:
    started, release = threading.Event(), threading.Event()
    real = service.compare_policies

    def slow(*args, progress=None, cancelled=None, **kwargs):  # type: ignore[no-untyped-def]
        def held(done: int, total: int) -> None:
            started.set()
            release.wait(10)  # the worker is busy until the test lets it go
            if progress is not None:
                progress(done, total)

        return real(*args, progress=held, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(service, "compare_policies", slow)
    panel = _open(qtbot, window)
    qtbot.mouseClick(getattr(panel, button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set)
    assert panel.running
    assert panel.cancel_button.isVisible()
    assert not panel.preview_button.isEnabled()
    # The window answers while the worker is busy: the calendar turns a week.
    shown = window.calendar.date_label.text()
    qtbot.mouseClick(window.calendar.next_button, Qt.MouseButton.LeftButton)
    assert window.calendar.date_label.text() != shown
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    assert "Cancelled" in panel.status.text()
    assert panel.proposal is None
    assert window.calendar.proposal_ghosts() == []
    assert panel.proposed_table.rowCount() == 0
    assert panel.compared == []
    assert panel.comparison.item(0, 0) is None
    assert _stored(window) == []
    assert window.workspace.undo_stack.count() == 0
    assert panel.preview_button.isEnabled()
    assert not panel.cancel_button.isVisible()


def test_compare_shows_the_three_policies_figures_as_the_service_does(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = _open(qtbot, window)
    panel.buffer_box.setValue(10)
    qtbot.mouseClick(panel.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.running and bool(panel.compared), timeout=20_000)
    expected = service.compare_policies(
        window.workspace.database, "Ana Ruiz", FIRST, options=Options(buffer_minutes=10)
    )
    assert [p.policy for p in panel.compared] == list(Policy)
    table = panel.comparison
    assert table.columnCount() == 3

    def cell(row: int, column: int) -> str:
        return table.item(row, column).text()

    for column, p in enumerate(expected):
        assert int(cell(0, column).replace(",", "")) == p.completions_by_fy_end
        assert int(cell(1, column).replace(",", "")) == p.deadlines_met
        assert int(cell(2, column).replace(",", "")) == p.deadlines_missed
        wait = cell(3, column)
        assert wait.startswith("≥") == bool(p.oldest_tenth_unplaced)
        assert int(wait.lstrip("≥").replace(",", "")) == round(p.oldest_tenth_wait_days)
        assert int(cell(4, column)) == p.oldest_tenth_unplaced
        assert int(cell(5, column).replace(",", "")) == len(p.proposed)
        assert int(cell(6, column).replace(",", "")) == len(p.unplaced)
    assert "oldest tenth" in panel.tradeoff.text()
    assert _stored(window) == []
    # Clicking a policy's heading chooses it for the preview.
    table.horizontalHeader().sectionClicked.emit(2)
    assert panel.policy() is Policy.MAX_COMPLETIONS


def test_a_stale_proposal_says_so_and_offers_to_preview_again(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = _open(qtbot, window)
    _preview(qtbot, panel)
    proposal = panel.proposal
    assert proposal is not None
    asked: list[str] = []
    panel.ask_again = lambda _parent, message: asked.append(message) or True
    # Another screen sets a hearing for the first proposed case: the docket changed.
    first = proposal.proposed[0]
    with window.workspace.database.transaction() as repo:
        case_id = repo.case_ids(window.workspace.judge.id)[first.a_number]
    calendar_service.schedule_hearing(
        window.workspace.database,
        window.workspace.judge,
        case_id,
        first.start,
        first.minutes,
        first.kind,
    )
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert "changed since" in asked[0]
    assert _stored(window) == [(first.a_number, first.start, first.minutes, first.kind)]
    assert window.workspace.undo_stack.count() == 0
    # It previews again, from the docket as it is now.
    qtbot.waitUntil(lambda: not panel.running and panel.proposal is not None, timeout=20_000)
    assert panel.proposal != proposal
    assert first.start not in {
        p.start for p in panel.proposal.proposed if p.a_number == first.a_number
    }


def test_closing_the_panel_or_switching_judges_takes_the_ghosts_off(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = _open(qtbot, window)
    _preview(qtbot, panel)
    assert window.calendar.proposal_ghosts()
    panel.close()
    assert window.calendar.proposal_ghosts() == []
    assert window.calendar.month_view.proposed == {}
    assert panel.proposal is None
    panel = _open(qtbot, window)
    _preview(qtbot, panel)
    assert window.calendar.proposal_ghosts()
    _choose(window, "Ben Ode")
    assert window.calendar.proposal_ghosts() == []
    assert panel.proposal is None
    assert panel.proposed_table.rowCount() == 0
    assert _stored(window) == []


def test_each_unplaced_reason_is_shown_whole(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = _open(qtbot, window)
    panel.from_date.setDate(date(2027, 9, 28))  # three days before fiscal-year end
    _preview(qtbot, panel)
    proposal = panel.proposal
    assert proposal is not None
    assert proposal.unplaced
    table = panel.unplaced_table
    for row, u in enumerate(proposal.unplaced):
        whole = ("Partly placed: " if u.partly else "") + u.reason
        assert table.item(row, 1).toolTip() == whole
        table.selectRow(row)
        assert panel.reason.text() == f"{format_a_number(u.a_number)}: {whole}"
    assert panel.reason.wordWrap()


def test_after_apply_and_its_undo_the_dock_says_what_is_stored(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = _open(qtbot, window)
    panel.from_date.setDate(date(2027, 9, 28))  # some cases are left over
    _preview(qtbot, panel)
    proposal = panel.proposal
    assert proposal is not None
    assert proposal.proposed
    assert proposal.unplaced
    assert panel.lists.tabText(1) == f"Not completed ({len(proposal.unplaced)})"
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.running and panel.proposal is None, timeout=20_000)
    assert panel.lists.tabText(0) == "Proposed hearings"
    assert panel.lists.tabText(1) == "Not completed"
    assert panel.unplaced_table.rowCount() == 0
    assert panel.summary.text().startswith("Stored")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window) == []
    assert "Stored" not in panel.summary.text()
    assert panel.summary.text().startswith("Undone")
    assert "nothing of it is stored" in panel.summary.text()
    assert "Stored" not in panel.status.text()
    window.workspace.undo_stack.redo()
    assert panel.summary.text().startswith("Stored")


def test_each_figure_says_what_it_counts(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = _open(qtbot, window)
    tips = [panel.comparison.verticalHeaderItem(r).toolTip() for r in range(7)]
    assert all(tips)
    assert "legal clock" in tips[2]
    assert "after" in tips[2]
    assert "receipt" in tips[3]
    assert "lower bound" in tips[3]
    assert "≥" in tips[3]
    _preview(qtbot, panel)
    assert "receipt" in panel.summary.toolTip()
    assert "legal clock" in panel.summary.toolTip()


def test_the_dock_shows_the_forecasts_bound_beside_the_completions(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = _open(qtbot, window)
    _preview(qtbot, panel)
    proposal = panel.proposal
    assert proposal is not None
    expected = service.forecast_bound(window.workspace.database, proposal)
    text = panel.bound.text()
    assert f"K(1) {expected['forecast_bound']:,}" in text
    assert f"schedule <b>{proposal.completions_by_fy_end:,}</b> completions" in text
    assert panel.bound.toolTip() == expected["forecast_bound_gap"]
    assert panel.bound.wordWrap()


def test_rare_languages_back_to_back_is_a_setting_and_its_cost_is_shown(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    with window.workspace.database.transaction() as repo:
        judge = repo.judge_named("Ana Ruiz")
        assert judge is not None
        for i in range(2):
            repo.add_case(
                judge.id,
                Case(
                    f"5000000{i:02d}", f"P{i}", "removal", date(2025, 2, 1 + i), language="Pashto"
                ),
            )
    window.workspace.notify(Change.CASES)
    panel = _open(qtbot, window)
    assert not panel.group_box.isChecked()  # off unless asked for
    qtbot.mouseClick(panel.group_box, Qt.MouseButton.LeftButton)
    assert panel.options().group_rare_languages
    _preview(qtbot, panel)
    proposal = panel.proposal
    assert proposal is not None
    expected = service.propose_schedule(
        window.workspace.database,
        "Ana Ruiz",
        FIRST,
        Policy.OLDEST,
        Options(group_rare_languages=True),
    )
    assert proposal.proposed == expected.proposed
    assert proposal.grouped_languages == ("Pashto",)
    assert proposal.grouping_text() in panel.summary.text()
    assert "Pashto hearings back to back: costs" in panel.summary.text()
    pashto = [p for p in proposal.proposed if p.a_number.startswith("5000000")][:2]
    first, second = sorted(pashto, key=lambda p: p.start)
    assert first.start.date() == second.start.date()  # one interpreter, back to back
    assert (second.start - first.start).total_seconds() / 60 == first.minutes + 5
