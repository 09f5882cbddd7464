"""The Charts tab on the demo docket: it plots the forecast's figures, follows every edit, draws
dark on the dark palette and saves each chart; the window imports matplotlib only when it opens."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from matplotlib.container import BarContainer
from PySide6.QtWidgets import QApplication, QFileDialog

from planner.charts.palette import DARK, LIGHT
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.vocabulary import CaseStatus, CompletionKind
from planner.services import cases as case_service
from planner.services.changes import Change
from planner.services.demo import create_demo
from planner.services.forecasting import forecast_judges
from planner.ui.charts.charts_view import ChartsView
from planner.ui.common.theme import dark_palette
from planner.ui.common.workspace import Workspace
from tests.ui.conftest import NOW


@pytest.fixture
def demo_judge(workspace: Workspace) -> Judge:
    create_demo(workspace.database, cases=300, judges=1, seed=2018, today=NOW.date())
    (judge,) = workspace.judges()
    workspace.switch_judge(judge)
    return judge


def _view(qtbot, workspace: Workspace) -> ChartsView:  # type: ignore[no-untyped-def]
    view = ChartsView(workspace)
    qtbot.addWidget(view)
    view.resize(1000, 640)
    view.show()
    qtbot.waitUntil(lambda: view.up_to_date)
    return view


def _line(view: ChartsView, label_start: str) -> list[float]:
    (line,) = [
        ln for ln in view.figure.axes[0].get_lines() if ln.get_label().startswith(label_start)
    ]
    return list(line.get_ydata())


def test_burn_up_ends_at_the_forecasts_figures(qtbot, workspace, demo_judge) -> None:  # type: ignore[no-untyped-def]
    (f,) = forecast_judges(workspace.database, demo_judge.name, NOW)
    view = _view(qtbot, workspace)
    assert view.key == "burn_up"
    ax = view.figure.axes[0]
    # The demo's FY 2027 is under the 2025 targets: no quota, the pace is the profile's figure.
    assert ax.get_title() == (
        "Completions, fiscal year 2027\n2025 targets (PM 25-47), from 12 Sep 2025: no quota "
        "(the pace is the profile's figure)"
    )
    assert ax.get_ylabel() == "Completions counted toward the quota (cases)"
    assert _line(view, "Completed")[-1] == f.completed
    assert _line(view, "Booked")[-1] == f.projected_from_booked
    assert _line(view, "Projected")[-1] == f.completed + f.max_completions_at_current_lengths
    assert _line(view, "Quota pace")[-1] == f.quota
    assert view.note.text() == f"{demo_judge.name}: as of 25 Nov 2026 10:00"
    assert view.canvas.accessibleName() == ax.get_title()
    assert view.canvas.accessibleDescription() == f.message


def test_the_chooser_shows_each_chart(qtbot, workspace, demo_judge) -> None:  # type: ignore[no-untyped-def]
    (f,) = forecast_judges(workspace.database, demo_judge.name, NOW)
    view = _view(qtbot, workspace)
    view.chooser.setCurrentIndex(view.chooser.findData("capacity"))
    qtbot.waitUntil(lambda: view.up_to_date)
    ax = view.figure.axes[0]
    assert ax.get_title().startswith(
        f"Bench time by month, fiscal year 2027: {f.capacity_minutes / 60:,.0f} h left"
    )
    labels = [c.get_label() for c in ax.containers if isinstance(c, BarContainer)]
    assert labels == [
        "Available: bench sessions less leave",
        "Booked: hearings set, held or completed",
        "Needed to reach the quota at current lengths",
    ]
    assert all(len(c.patches) == 12 for c in ax.containers)

    view.show_chart("docket")
    qtbot.waitUntil(lambda: view.up_to_date)
    assert view.figure.get_suptitle() == f"Pending docket: {f.pending_cases:,} cases"
    (kinds,) = view.figure.axes[0].containers
    assert sum(patch.get_width() for patch in kinds.patches) == f.pending_cases

    view.show_chart("shortening")
    qtbot.waitUntil(lambda: view.up_to_date)
    ax = view.figure.axes[0]
    assert ax.get_xlabel() == "Bench minutes per hearing"
    required = next(c for c in ax.containers if c.get_label() == "Required to reach the quota")
    shortened = {k: s.shortened for k, s in f.shortened_hearing_minutes.items()}
    if shortened:  # one bar per hearing kind the pending cases need, at the forecast's minutes
        widths = [patch.get_width() for patch in required.patches]
        assert set(widths) <= set(shortened.values())


def test_completing_a_case_redraws_the_burn_up(qtbot, workspace, demo_judge) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, workspace)
    before = _line(view, "Completed")[-1]
    with workspace.database.transaction() as repo:
        pending = next(
            c for c in repo.load_docket(demo_judge.id).cases if c.status is CaseStatus.PENDING
        )
    case_service.update_case(
        workspace.database,
        replace(
            pending,
            status=CaseStatus.COMPLETED,
            completion_date=date(2026, 11, 20),
            completion_kind=CompletionKind.REMOVAL_ORDER,
        ),
    )
    workspace.notify(Change.CASES)
    assert not view.up_to_date  # drawing in the worker: the window goes on meanwhile
    qtbot.waitUntil(lambda: view.up_to_date)
    assert _line(view, "Completed")[-1] == before + 1
    assert view.figure.axes[0].get_lines()[2].get_label() == f"Completed ({before + 1:,} to date)"


def test_a_hidden_view_catches_up_when_shown(qtbot, workspace, demo_judge) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, workspace)
    view.hide()
    workspace.switch_judge(None)
    assert not view.up_to_date
    view.show()
    qtbot.waitUntil(lambda: view.up_to_date)
    assert view.data is None
    assert not view.save_button.isEnabled()
    assert "No judge selected" in view.figure.texts[0].get_text()


@pytest.mark.parametrize(
    ("suffix", "magic"), [(".png", b"\x89PNG\r\n\x1a\n"), (".svg", b"<?xml"), (".pdf", b"%PDF-")]
)
def test_save_as_writes_the_chart(qtbot, workspace, demo_judge, tmp_path, suffix, magic) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, workspace)
    view.show_chart("capacity")
    qtbot.waitUntil(lambda: view.up_to_date)
    saved = view.save_as(tmp_path / f"chart{suffix}")
    assert saved == tmp_path / f"chart{suffix}"
    assert saved.read_bytes().startswith(magic)


def test_save_as_asks_where_and_adds_the_chosen_extension(  # type: ignore[no-untyped-def]
    qtbot, workspace, demo_judge, tmp_path, monkeypatch
) -> None:
    view = _view(qtbot, workspace)
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *args, **kwargs: (str(tmp_path / "burn"), "SVG drawing (*.svg)"),
    )
    view.save_button.click()
    assert (tmp_path / "burn.svg").read_bytes().startswith(b"<?xml")


def test_charts_are_dark_on_the_dark_palette(qtbot, workspace, demo_judge) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, workspace)
    app = QApplication.instance()
    light = app.palette()
    try:
        app.setPalette(dark_palette())
        qtbot.waitUntil(
            lambda: (
                view.figure.get_facecolor()[:3]
                == pytest.approx(tuple(int(DARK.face[i : i + 2], 16) / 255 for i in (1, 3, 5)))
            )
        )
    finally:
        app.setPalette(light)
    qtbot.waitUntil(lambda: view.figure.get_facecolor()[:3] == pytest.approx((1.0, 1.0, 1.0)))
    assert LIGHT.face == "#ffffff"


def test_the_window_imports_matplotlib_only_when_charts_open(tmp_path: Path) -> None:
    """Start-up stays fast: matplotlib loads when the Charts tab is first shown."""
    script = f"""
import sys
from datetime import datetime
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from planner.services.demo import create_demo
from planner.store.database import Database
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from planner.ui.common.workspace import Workspace

app = QApplication([])
database = Database.open(Path({str(tmp_path / "x.sqlite")!r}))
create_demo(database, cases=50, judges=1, seed=1, today=datetime(2026, 11, 25).date())
settings = WindowSettings(QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat))
window = MainWindow(Workspace(database, clock=lambda: datetime(2026, 11, 25, 10)), settings)
window.show()
for _ in range(20):
    app.processEvents()
print("matplotlib" in sys.modules)
window.views.setCurrentIndex(2)
for _ in range(20):
    app.processEvents()
print("matplotlib" in sys.modules, type(window.charts.content).__name__)
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["False", "True ChartsView"]


def test_the_picture_is_drawn_again_at_a_new_size(qtbot, workspace, demo_judge) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, workspace)
    image = view.canvas.image
    assert image is not None
    assert image.width() == round(view.canvas.width() * view.canvas.devicePixelRatioF())
    view.resize(1300, 800)
    qtbot.waitUntil(
        lambda: (
            view.canvas.image is not image
            and view.canvas.image.width()
            == round(view.canvas.width() * view.canvas.devicePixelRatioF())
        ),
        timeout=5000,
    )
    assert view.figure.axes[0].get_title().startswith("Completions, fiscal year 2027\n")
