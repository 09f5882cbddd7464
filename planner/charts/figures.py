"""The four charts, drawn onto a matplotlib Figure (no pyplot, no Qt), for the window and the report.

Each ``draw_*`` clears the figure and draws from ``ChartData``; the artists carry labels, so a
test reads the plotted data back (line y-data, bar heights) rather than pixels.
"""

import textwrap
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from planner.charts import palette
from planner.charts.palette import LIGHT, ChartTheme
from planner.domain.plural import counted
from planner.services.chart_data import ChartData

SAVE_FORMATS = ("png", "svg", "pdf")


def humanise(kind: str) -> str:
    """A case kind as a reader writes it: ``asylum_only`` -> ``asylum only``."""
    return kind.replace("_", " ")


def _thousands(value: float, _position: object = None) -> str:
    return f"{value:,.0f}"


def _style(figure: Figure, axes: list[Axes], theme: ChartTheme) -> None:
    figure.set_facecolor(theme.face)
    for ax in axes:
        ax.set_facecolor(theme.face)
        ax.tick_params(colors=theme.text, which="both")
        for spine in ax.spines.values():
            spine.set_color(theme.neutral)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.title.set_color(theme.text)
        ax.xaxis.label.set_color(theme.text)
        ax.yaxis.label.set_color(theme.text)
        ax.grid(True, color=theme.grid, linewidth=0.6)
        ax.set_axisbelow(True)
        legend = ax.get_legend()
        if legend is not None:
            legend.get_frame().set_facecolor(theme.face)
            legend.get_frame().set_edgecolor(theme.grid)
            for text in legend.get_texts():
                text.set_color(theme.text)


def _legend(ax: Axes, **options: Any) -> None:
    ax.legend(fontsize="small", framealpha=0.9, **options)


def draw_burn_up(figure: Figure, data: ChartData, theme: ChartTheme = LIGHT) -> None:
    """Completions to date, booked and projected, against the quota's even pace."""
    figure.clear()
    ax = figure.add_subplot()
    burn, f = data.burn_up, data.forecast
    # ignore[arg-type] below: matplotlib's stubs take numbers only, its date units take dates.
    ax.plot(
        burn.days,  # type: ignore[arg-type]
        burn.pace,
        color=theme.neutral,
        linestyle=palette.PACE.linestyle,
        linewidth=1.6,
        label=f"Quota pace ({burn.quota:,} by {f.fy_end:%d %b %Y})",
    )
    ax.axhline(
        burn.needs_improvement,
        color=theme.neutral,
        linestyle=(0, (6, 3, 1, 3)),
        linewidth=0.9,
        label=f"Needs-improvement level ({burn.needs_improvement:,}, 80% of the quota)",
    )
    ax.plot(
        burn.actual_days,  # type: ignore[arg-type]
        burn.actual,
        color=theme.actual,
        linestyle=palette.ACTUAL.linestyle,
        linewidth=2.6,
        label=f"Completed ({f.completed:,} to date)",
    )
    ax.plot(
        burn.future_days,  # type: ignore[arg-type]
        burn.booked,
        color=palette.BOOKED.colour,
        linestyle=palette.BOOKED.linestyle,
        linewidth=2.0,
        label=f"Booked: completed plus fully booked cases ({f.projected_from_booked:,})",
    )
    ax.plot(
        burn.future_days,  # type: ignore[arg-type]
        burn.projected,
        color=palette.PROJECTED.colour,
        linestyle=palette.PROJECTED.linestyle,
        linewidth=2.0,
        label=f"Projected at current lengths ({burn.projected_end:,})",
    )
    ax.axvline(burn.today, color=theme.neutral, linewidth=0.8)  # type: ignore[arg-type]
    ax.annotate(
        f"today, {burn.today:%d %b}",
        (burn.today, 0),
        xytext=(4, 4),
        textcoords="offset points",
        color=theme.text,
        fontsize="small",
    )
    # The gap at the year's end, between the projection and the quota.
    end = burn.days[-1]
    gap = burn.gap_at_year_end
    if gap > 0:
        text = f"Gap at year end:\n{gap:,} short of {burn.quota:,}"
    else:
        text = f"Gap at year end:\nnone ({-gap:,} to spare)"
    ax.annotate(
        "",
        xy=(end, burn.quota),
        xytext=(end, burn.projected_end),
        arrowprops={"arrowstyle": "<->", "color": palette.GAP, "linewidth": 1.6},
    )
    ax.annotate(
        text,
        (end, (burn.quota + burn.projected_end) / 2),
        xytext=(-8, 0),
        textcoords="offset points",
        ha="right",
        va="center",
        color=theme.text,
        fontsize="small",
        fontweight="bold",
        bbox={"boxstyle": "round,pad=0.3", "facecolor": theme.face, "edgecolor": palette.GAP},
        gid="year-end-gap",
    )
    rules = f.rule_set
    if rules is None or f.has_quota:
        named = "" if rules is None else f"\n{rules.title}"
        ax.set_title(f"Completions toward the quota, fiscal year {f.fiscal_year}{named}")
    else:  # the pace is the profile's figure, for reference: no quota applies
        ax.set_title(
            f"Completions, fiscal year {f.fiscal_year}\n{rules.title}: no quota "
            "(the pace is the profile's figure)"
        )
    ax.set_xlabel("Date")
    ax.set_ylabel("Completions counted toward the quota (cases)")
    ax.set_xlim(burn.days[0], end)  # type: ignore[arg-type]  # dates, as above
    ax.set_ylim(0, max(burn.quota, burn.projected_end, *burn.booked, 1) * 1.08)
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
    _legend(ax, loc="upper left")
    _style(figure, [ax], theme)


def draw_capacity(figure: Figure, data: ChartData, theme: ChartTheme = LIGHT) -> None:
    """Bench hours by month: available, booked, and needed at current lengths."""
    figure.clear()
    ax = figure.add_subplot()
    months = data.months
    positions = list(range(len(months)))
    width = 0.27
    series = (
        (
            "Available: bench sessions less leave",
            [m.bench_minutes / 60 for m in months],
            theme.neutral_fill,
            "",
        ),
        (
            "Booked: hearings set, held or completed",
            [m.booked_minutes / 60 for m in months],
            palette.BOOKED_BAR.colour,
            palette.BOOKED_BAR.hatch,
        ),
        (
            "Needed to reach the quota at current lengths",
            [m.needed_minutes / 60 for m in months],
            palette.NEEDED_BAR.colour,
            palette.NEEDED_BAR.hatch,
        ),
    )
    for offset, (label, hours, colour, hatch) in zip((-1, 0, 1), series, strict=True):
        ax.bar(
            [p + offset * width for p in positions],
            hours,
            width,
            label=label,
            color=colour,
            hatch=hatch,
            edgecolor=theme.text,
            linewidth=0.6,
        )
    ax.set_xticks(positions, [f"{m.month:%b}\n{m.month:%Y}" for m in months])
    f = data.forecast
    ax.set_title(
        f"Bench time by month, fiscal year {f.fiscal_year}: "
        f"{f.capacity_minutes / 60:,.0f} h left, {data.needed_minutes / 60:,.0f} h needed"
    )
    ax.set_xlabel("Month")
    ax.set_ylabel("Bench time (hours)")
    tallest = max((max(hours, default=0) for _label, hours, _c, _h in series), default=0)
    ax.set_ylim(0, max(tallest, 1) * 1.25)  # room for the legend above the bars
    ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
    _legend(ax, loc="upper right")
    _style(figure, [ax], theme)


def draw_docket(figure: Figure, data: ChartData, theme: ChartTheme = LIGHT) -> None:
    """The pending docket by case kind and by age since receipt."""
    figure.clear()
    by_kind, by_age = figure.subplots(1, 2, gridspec_kw={"width_ratios": (1, 1)})
    kinds = list(reversed(data.pending_by_kind))  # the largest at the top
    bars = by_kind.barh(
        [humanise(kind) for kind, _count in kinds],
        [count for _kind, count in kinds],
        color=palette.KIND_BAR.colour,
        edgecolor=theme.text,
        linewidth=0.6,
        label="Pending cases by kind",
    )
    by_kind.bar_label(bars, labels=[f"{c:,}" for _k, c in kinds], padding=3, color=theme.text)
    by_kind.set_title("By case kind")
    by_kind.set_xlabel("Pending cases")
    by_kind.set_ylabel("Case kind")
    by_kind.xaxis.set_major_locator(MaxNLocator(integer=True))
    by_kind.xaxis.set_major_formatter(FuncFormatter(_thousands))
    by_kind.margins(x=0.15)

    labels = [label for label, _count in data.pending_by_age]
    counts = [count for _label, count in data.pending_by_age]
    bars = by_age.bar(
        [textwrap.fill(label, 9) for label in labels],
        counts,
        color=palette.AGE_BAR.colour,
        hatch=palette.AGE_BAR.hatch,
        edgecolor=theme.text,
        linewidth=0.6,
        label="Pending cases by age",
    )
    by_age.bar_label(bars, labels=[f"{c:,}" for c in counts], padding=3, color=theme.text)
    by_age.set_title("By age since receipt")
    by_age.set_xlabel("Time since the case was received")
    by_age.set_ylabel("Pending cases")
    by_age.yaxis.set_major_locator(MaxNLocator(integer=True))
    by_age.yaxis.set_major_formatter(FuncFormatter(_thousands))
    by_age.margins(y=0.12)
    total = sum(count for _kind, count in data.pending_by_kind)
    figure.suptitle(f"Pending docket: {counted(total, 'case')}", color=theme.text)
    _style(figure, [by_kind, by_age], theme)
    by_kind.grid(False, axis="y")
    by_age.grid(False, axis="x")


def draw_age_targets(figure: Figure, data: ChartData, theme: ChartTheme = LIGHT) -> None:
    """The pending docket's projected age at completion against each age target: a histogram
    per target of the days from its clock's start to the projected completion (on the calendar
    as it stands, the auto-scheduler's deadline policy for the rest), the target's days marked,
    and how many are not completed by fiscal-year end."""
    figure.clear()
    targets = data.target_ages or ()
    if not targets:
        ax = figure.subplots()
        ax.set_axis_off()
        ax.text(
            0.5,
            0.5,
            "No age targets under this fiscal year's rule set",
            ha="center",
            va="center",
            color=theme.text,
        )
        figure.suptitle("Projected age at completion", color=theme.text)
        return
    axes = figure.subplots(1, len(targets), squeeze=False)[0]
    for ax, shown in zip(axes, targets, strict=True):
        target = shown.target
        top = max([target.days * 2, *shown.ages]) if shown.ages else target.days * 2
        ax.hist(
            shown.ages,
            bins=20,
            range=(0, top),
            color=palette.AGE_BAR.colour,
            hatch=palette.AGE_BAR.hatch,
            edgecolor=theme.text,
            linewidth=0.6,
            label="Pending cases by projected age at completion",
        )
        ax.axvline(target.days, color=theme.text, linestyle="--", linewidth=1.2)
        ax.text(
            target.days,
            0.97,
            f" {counted(target.days, 'day')}",
            transform=ax.get_xaxis_transform(),
            va="top",
            color=theme.text,
        )
        counted_cases = len(shown.ages) + shown.not_completed
        within = 100 * shown.within / counted_cases if counted_cases else 0.0
        ax.set_title(
            textwrap.fill(f"{target.label} (goal {target.goal_pct:g}%)", 28)
            + f"\n{within:.0f}% of pending within; {shown.not_completed:,} not by year end"
        )
        ax.set_xlabel("Days from the clock's start")
        ax.set_ylabel("Pending cases")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
    figure.suptitle("Pending docket: projected age at completion", color=theme.text)
    _style(figure, list(axes), theme)


def shortening_title(data: ChartData) -> str:
    f = data.forecast
    if f.required_shortening_pct is None:
        return (
            "Hearing lengths: even at the minimum lengths the quota is out of reach "
            f"({counted(f.bench_hours_missing, 'bench hour', spec=',.0f')} short)"
        )
    if f.required_shortening_pct <= 0:
        return "Hearing lengths: the quota is reachable at current lengths"
    return (
        f"Hearing lengths: {f.required_shortening_pct:.1f}% shorter to reach the quota "
        "(never below the minimum)"
    )


def draw_shortening(figure: Figure, data: ChartData, theme: ChartTheme = LIGHT) -> None:
    """Per hearing kind the pending cases need: minutes now, at the required shortening, and the
    judge's minimum."""
    figure.clear()
    ax = figure.add_subplot()
    rows = list(reversed(data.lengths))  # the most pending at the top
    positions = list(range(len(rows)))
    height = 0.27
    series = (
        ("Current length", [r.current for r in rows], palette.CURRENT_BAR.colour, ""),
        (
            "Required to reach the quota",
            [r.required for r in rows],
            palette.REQUIRED_BAR.colour,
            palette.REQUIRED_BAR.hatch,
        ),
        ("Minimum length", [r.minimum for r in rows], theme.neutral_fill, "..."),
    )
    for offset, (label, minutes, colour, hatch) in zip((1, 0, -1), series, strict=True):
        bars = ax.barh(
            [p + offset * height for p in positions],
            minutes,
            height,
            label=label,
            color=colour,
            hatch=hatch,
            edgecolor=theme.text,
            linewidth=0.6,
        )
        ax.bar_label(bars, labels=[str(m) for m in minutes], padding=2, fontsize="x-small")
        for text in ax.texts[-len(minutes) :]:
            text.set_color(theme.text)
    ax.set_yticks(positions, [f"{humanise(r.kind)} ({r.pending:,})" for r in rows])
    ax.set_title(shortening_title(data))
    ax.set_xlabel("Bench minutes per hearing")
    ax.set_ylabel("Hearing kind (pending cases that need one)")
    ax.margins(x=0.08)
    _legend(ax, loc="lower right")
    _style(figure, [ax], theme)
    ax.grid(False, axis="y")


@dataclass(frozen=True, slots=True)
class Chart:
    key: str
    title: str  # for the chooser and the report
    draw: Callable[[Figure, ChartData, ChartTheme], None]


CHARTS: tuple[Chart, ...] = (
    Chart("burn_up", "Completions: burn-up against the quota", draw_burn_up),
    Chart("capacity", "Bench time by month", draw_capacity),
    Chart("docket", "Pending docket by kind and age", draw_docket),
    Chart("shortening", "Required shortening against the minimum lengths", draw_shortening),
    Chart("age_targets", "Projected age at completion against the age targets", draw_age_targets),
)
CHART_KEYS = tuple(chart.key for chart in CHARTS)


def chart(key: str) -> Chart:
    for candidate in CHARTS:
        if candidate.key == key:
            return candidate
    raise KeyError(f"no chart {key!r}: one of {', '.join(CHART_KEYS)}")


#: matplotlib is not thread-safe: the window draws its charts in a worker thread and writes the
#: report in another, so whoever draws holds this.
DRAWING = threading.Lock()


def new_figure(width: float = 10, height: float = 6) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def render(figure: Figure) -> tuple[bytes, int, int]:
    """The figure drawn by Agg: its RGBA pixels, width and height (the caller holds DRAWING)."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    return bytes(canvas.buffer_rgba()), width, height


def save_chart(key: str, data: ChartData, path: Path, theme: ChartTheme = LIGHT) -> Path:
    """Draw a chart afresh (on a light background by default, for print) and save it as PNG,
    SVG or PDF, the format from the file's extension."""
    fmt = path.suffix.lstrip(".").lower()
    if fmt not in SAVE_FORMATS:
        raise ValueError(f"{path.name}: save a chart as .png, .svg or .pdf")
    with DRAWING:
        figure = new_figure()
        chart(key).draw(figure, data, theme)
        figure.savefig(path, format=fmt, dpi=150, facecolor=figure.get_facecolor())
    return path
