"""The charts plot the series they are given: read back from the figure's artists, not pixels."""

from datetime import date
from pathlib import Path

import pytest
from matplotlib.container import BarContainer
from matplotlib.dates import num2date
from matplotlib.figure import Figure

from planner.charts.figures import (
    CHART_KEYS,
    draw_age_targets,
    draw_burn_up,
    draw_capacity,
    draw_docket,
    draw_shortening,
    new_figure,
    save_chart,
)
from planner.charts.palette import DARK
from planner.domain.records import replace
from planner.domain.rules import AgeTarget, Clock
from planner.scheduling.age_targets import TargetAges
from tests.services.chart_docket import hand_data


def _line(figure: Figure, label_start: str):  # type: ignore[no-untyped-def]
    (line,) = [ln for ln in figure.axes[0].get_lines() if ln.get_label().startswith(label_start)]
    return line


def _bars(figure: Figure, label: str, axes: int = 0) -> list[float]:
    (bars,) = [
        c
        for c in figure.axes[axes].containers
        if isinstance(c, BarContainer) and c.get_label() == label
    ]
    return [patch.get_height() for patch in bars.patches]


def _widths(figure: Figure, label: str, axes: int = 0) -> list[float]:
    (bars,) = [c for c in figure.axes[axes].containers if c.get_label() == label]
    return [patch.get_width() for patch in bars.patches]


def test_burn_up_plots_actual_booked_projected_and_pace() -> None:
    data = hand_data()
    figure = new_figure()
    draw_burn_up(figure, data)
    ax = figure.axes[0]
    assert ax.get_title() == (
        "Completions toward the quota, fiscal year 2027\n2018 performance metrics, from 1 Oct 2018"
    )
    assert ax.get_xlabel() == "Date"
    assert ax.get_ylabel() == "Completions counted toward the quota (cases)"
    actual = _line(figure, "Completed")
    assert actual.get_label() == "Completed (3 to date)"
    assert list(actual.get_ydata())[-1] == 3
    assert num2date(actual.get_xdata(orig=False)[-1]).date() == date(2026, 11, 25)
    assert list(_line(figure, "Booked").get_ydata())[-1] == 4
    # 3 completed + K(1) = 10 (the asylum cases' merits hearings fit in no master session)
    assert list(_line(figure, "Projected").get_ydata())[-1] == 13
    pace = _line(figure, "Quota pace")
    assert pace.get_label() == "Quota pace (30 by 30 Sep 2027)"
    assert list(pace.get_ydata())[-1] == 30
    assert list(_line(figure, "Needs-improvement").get_ydata()) == [24, 24]
    gap = next(t for t in ax.texts if t.get_gid() == "year-end-gap")
    assert gap.get_text() == "Gap at year end:\n17 short of 30"
    # Told apart without colour: every series has its own line style and width.
    styles = {(line.get_linestyle(), line.get_linewidth()) for line in ax.get_lines()[:5]}
    assert len(styles) == 5


def test_capacity_bars_are_hours_by_month() -> None:
    data = hand_data()
    figure = new_figure()
    draw_capacity(figure, data)
    ax = figure.axes[0]
    assert ax.get_ylabel() == "Bench time (hours)"
    assert ax.get_title().startswith("Bench time by month, fiscal year 2027: 117 h left")
    available = _bars(figure, "Available: bench sessions less leave")
    assert available[:2] == [9.0, 15.0]  # 540 and 900 minutes
    assert _bars(figure, "Booked: hearings set, held or completed")[1:3] == [0.5, 0.25]
    needed = _bars(figure, "Needed to reach the quota at current lengths")
    assert needed[0] == 0
    assert round(sum(needed), 6) == 11.5
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["Oct\n2026", "Nov\n2026"]
    hatches = {c.get_label(): c.patches[0].get_hatch() for c in ax.containers}
    assert len(set(hatches.values())) == 3  # greyscale still tells them apart


def test_docket_by_kind_and_age() -> None:
    figure = new_figure()
    draw_docket(figure, hand_data())
    by_kind, by_age = figure.axes
    assert figure.get_suptitle() == "Pending docket: 12 cases"
    assert _widths(figure, "Pending cases by kind", 0) == [2, 10]  # asylum, removal (top)
    assert [t.get_text() for t in by_kind.get_yticklabels()] == ["asylum", "removal"]
    assert _bars(figure, "Pending cases by age", 1) == [3, 0, 4, 2, 0, 3]
    assert by_age.get_xlabel() == "Time since the case was received"
    assert by_age.get_ylabel() == "Pending cases"


def test_shortening_against_the_minimums() -> None:
    figure = new_figure()
    draw_shortening(figure, hand_data())
    ax = figure.axes[0]
    assert ax.get_title().startswith("Hearing lengths: even at the minimum lengths the quota")
    assert ax.get_xlabel() == "Bench minutes per hearing"
    # Rows bottom to top: merits (the 2 asylum cases), master (all 12 pending cases).
    assert _widths(figure, "Current length") == [180, 15]
    assert _widths(figure, "Required to reach the quota") == [110, 10]
    assert _widths(figure, "Minimum length") == [110, 10]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["merits (2)", "master (12)"]


def test_dark_theme_keeps_the_data_and_changes_the_background() -> None:
    figure = new_figure()
    draw_burn_up(figure, hand_data(), DARK)
    assert figure.get_facecolor()[:3] == pytest.approx((0x1F / 255, 0x20 / 255, 0x23 / 255))
    assert list(_line(figure, "Completed").get_ydata())[-1] == 3


@pytest.mark.parametrize(
    ("suffix", "magic"), [(".png", b"\x89PNG\r\n\x1a\n"), (".svg", b"<?xml"), (".pdf", b"%PDF-")]
)
def test_every_chart_saves_as_png_svg_and_pdf(tmp_path: Path, suffix: str, magic: bytes) -> None:
    data = hand_data()
    for key in CHART_KEYS:
        path = save_chart(key, data, tmp_path / f"{key}{suffix}")
        assert path.read_bytes().startswith(magic)
    if suffix == ".svg":
        assert b"<svg" in (tmp_path / f"burn_up{suffix}").read_bytes()[:2000]


def test_an_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
        save_chart("burn_up", hand_data(), tmp_path / "chart.jpg")
    assert not (tmp_path / "chart.jpg").exists()


def test_the_age_targets_chart_plots_projected_ages_against_each_target() -> None:
    """Three detained cases completed 10, 50 and 70 days after their clocks started and one
    not by year end: 2 of 4 within 60 days. Under a rule set without targets: says so."""
    target = AgeTarget(Clock.DETAINED, 60, 95.0)
    data = replace(hand_data(), target_ages=(TargetAges(target, (10, 50, 70), 1),))
    figure = new_figure()
    draw_age_targets(figure, data)
    (ax,) = figure.axes
    assert ax.get_title() == (
        "detained within 60 days\n(goal 95%)\n50% of pending within; 1 not by year end"
    )
    heights = [patch.get_height() for patch in ax.patches]
    assert sum(heights) == 3
    (marker,) = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert list(marker.get_xdata()) == [60, 60]
    draw_age_targets(figure, replace(data, target_ages=()))
    assert "No age targets" in figure.axes[0].texts[0].get_text()
