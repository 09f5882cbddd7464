"""The printed report of one judge's fiscal year: a multi-page PDF of the forecast in words and
numbers, the charts, the calendar by month and the assumptions behind them (matplotlib's
PdfPages; no Qt, so the command line writes it too)."""

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from planner import __version__
from planner.charts.figures import CHARTS, DRAWING, humanise, new_figure
from planner.charts.palette import LIGHT
from planner.domain.errors import InvalidValue
from planner.domain.judge import WEEKDAY_NAMES
from planner.domain.plural import counted
from planner.forecast.message import shortening_words
from planner.forecast.verdict import Verdict
from planner.services.chart_data import NEEDS_IMPROVEMENT_SHARE, ChartData, chart_data_for
from planner.services.clock import now_for
from planner.services.forecasting import select_judges, with_age_targets
from planner.store.database import Database
from planner.store.private_files import replaced_atomically

#: US Letter, landscape, in inches.
PAGE = (11.0, 8.5)
Progress = Callable[[int, int], None]


def _hours(minutes: float) -> str:
    return f"{minutes / 60:,.1f} h"


@dataclass
class _TextPage:
    """A page of text set line by line from the top, on a light background."""

    title: str
    lines: list[tuple[str, str]] = field(default_factory=list)  # (style, text)

    def heading(self, text: str) -> None:
        self.lines.append(("heading", text))

    def para(self, text: str, width: int = 110) -> None:
        for line in textwrap.wrap(text, width) or [""]:
            self.lines.append(("body", line))

    def row(self, label: str, value: str) -> None:
        self.lines.append(("row", f"{label:<38}{value}"))

    def gap(self) -> None:
        self.lines.append(("gap", ""))

    def figures(self, footer: str) -> list[Figure]:
        """The page, and as many pages more as its lines need."""
        pages: list[Figure] = []
        figure, y = self._new_page(footer, pages), 0.88
        for style, text in self.lines:
            if y < 0.09:
                figure, y = self._new_page(footer, pages), 0.88
            if style == "heading":
                y -= 0.012
                figure.text(0.06, y, text, fontsize=12.5, fontweight="bold", color=LIGHT.text)
                y -= 0.034
            elif style == "row":
                figure.text(0.08, y, text, fontsize=10, family="monospace", color=LIGHT.text)
                y -= 0.026
            elif style == "gap":
                y -= 0.014
            else:
                figure.text(0.06, y, text, fontsize=10.5, color=LIGHT.text)
                y -= 0.027
        return pages

    def _new_page(self, footer: str, pages: list[Figure]) -> Figure:
        figure = Figure(figsize=PAGE)
        figure.set_facecolor(LIGHT.face)
        title = self.title + (" (continued)" if pages else "")
        figure.text(0.06, 0.93, title, fontsize=17, fontweight="bold", color=LIGHT.text)
        figure.text(0.06, 0.03, footer, fontsize=8, color=LIGHT.neutral)
        pages.append(figure)
        return figure


def _footer(data: ChartData) -> str:
    f = data.forecast
    return (
        f"{f.judge} — fiscal year {f.fiscal_year} — as of {f.as_of:%d %b %Y %H:%M} — "
        f"Judge Workload Planner {__version__}. Confidential: contains no case names."
    )


def forecast_page(data: ChartData) -> _TextPage:
    """The forecast in words and numbers."""
    f = data.forecast
    court = f" ({data.judge.court})" if data.judge.court else ""
    page = _TextPage(f"Fiscal-year forecast: {f.judge}{court}")
    page.para(
        f"Fiscal year {f.fiscal_year}, {f.fy_start:%d %B %Y} to {f.fy_end:%d %B %Y}; "
        f"forecast as of {f.as_of:%d %B %Y, %H:%M}."
    )
    rules = f.rule_set
    if rules is not None:
        page.para(f"Measured against the {rules.title} ({rules.source}).")
    page.heading(f"Verdict: {f.verdict.title}" if f.has_quota else "Age targets (no quota)")
    page.para(f.message)
    if f.has_quota:  # without one, the message is the targets' already
        for projection in f.age_targets or ():
            page.para(projection.sentence(f.as_of.date()))
    page.heading("The figures")
    quota = counted(f.quota, "completion") if f.has_quota else "none under this rule set"
    page.row("Quota", quota)
    page.row("Completed so far", f"{f.completed:,} (the kinds counted: see the assumptions)")
    page.row("Still needed", f"{f.needed:,}")
    page.row("Pending cases", f"{f.pending_cases:,}")
    page.row(
        "Bench time left",
        f"{_hours(f.capacity_minutes)} on {counted(f.workdays_left, 'workday')}",
    )
    page.row("Booked in the time left", _hours(f.booked_minutes))
    per_case = f.minutes_per_needed_completion
    page.row(
        "Bench time per needed completion",
        "none needed" if per_case is None else _hours(per_case),
    )
    page.row(
        "Most completions that fit",
        f"{f.max_completions_at_current_lengths:,} at current lengths, "
        f"{f.max_completions_at_minimum_lengths:,} at minimum lengths",
    )
    page.row("Expected by now at an even pace", f"{f.pace_expected_to_date:,.0f}")
    page.row("By year end from booked hearings", f"{f.projected_from_booked:,}")
    burn = data.burn_up
    gap = burn.gap_at_year_end
    page.row(
        "Projected at year end",
        f"{burn.projected_end:,}: "
        + (f"{gap:,} short of the quota" if gap > 0 else f"{-gap:,} to spare"),
    )
    if f.verdict is Verdict.NOT_ENOUGH_CASES:
        page.row("Required shortening", shortening_words(f))
    elif f.required_shortening_pct is None:
        page.row(
            "Required shortening", f"beyond the minimums ({f.bench_hours_missing:,.1f} h short)"
        )
    elif f.required_shortening_pct > 0:
        page.row("Required shortening", f"{f.required_shortening_pct:.1f}% of every hearing")
        page.row("Bench hours missing", f"{f.bench_hours_missing:,.1f} h")
    else:
        page.row("Required shortening", "none")
    if f.slack_pct is not None and f.slack_pct >= 0:
        page.row("Slack", f"{f.slack_pct:.1f}% of the bench time left")
    if data.lengths:
        page.heading("Minutes per hearing, now and at the required shortening")
        for row in data.lengths:
            page.row(
                f"{humanise(row.kind)} hearings ({counted(row.pending, 'pending case')})",
                f"{row.current} -> {row.required} min (minimum {row.minimum})",
            )
    return page


def calendar_page(data: ChartData) -> Figure:
    """The calendar summary by month, as a table."""
    figure = Figure(figsize=PAGE)
    figure.set_facecolor(LIGHT.face)
    figure.text(
        0.06, 0.93, "The calendar by month", fontsize=17, fontweight="bold", color=LIGHT.text
    )
    intro = (
        "Bench hours are the weekly sessions less holidays, closures and leave; booked hours are "
        "hearings set, held or completed; free hours are bench time with neither; needed hours "
        "share the bench time of the completions still needed, at current lengths, over the "
        "bench time left."
    )
    figure.text(0.06, 0.875, textwrap.fill(intro, 140), fontsize=9.5, color=LIGHT.text)
    header = [
        "Month",
        "Workdays",
        "Holidays,\nclosures",
        "Days on\nleave",
        "Bench\nhours",
        "Leave\nhours",
        "Booked\nhours",
        "Free\nhours",
        "Hearings",
        "Needed\nhours",
    ]
    rows = [
        [
            f"{m.month:%B %Y}",
            f"{m.workdays}",
            f"{m.days_off}",
            f"{m.leave_days}",
            f"{m.bench_minutes / 60:,.1f}",
            f"{m.leave_minutes / 60:,.1f}",
            f"{m.booked_minutes / 60:,.1f}",
            f"{m.free_minutes / 60:,.1f}",
            f"{m.hearings:,}",
            f"{m.needed_minutes / 60:,.1f}",
        ]
        for m in data.months
    ]
    months = data.months
    rows.append(
        [
            "Fiscal year",
            f"{sum(m.workdays for m in months)}",
            f"{sum(m.days_off for m in months)}",
            f"{sum(m.leave_days for m in months)}",
            f"{sum(m.bench_minutes for m in months) / 60:,.1f}",
            f"{sum(m.leave_minutes for m in months) / 60:,.1f}",
            f"{sum(m.booked_minutes for m in months) / 60:,.1f}",
            f"{sum(m.free_minutes for m in months) / 60:,.1f}",
            f"{sum(m.hearings for m in months):,}",
            f"{data.needed_minutes / 60:,.1f}",
        ]
    )
    ax = figure.add_axes((0.06, 0.08, 0.88, 0.76))
    ax.axis("off")
    widths = [0.16] + [0.84 / (len(header) - 1)] * (len(header) - 1)
    table = ax.table(
        cellText=rows, colLabels=header, colWidths=widths, loc="upper center", cellLoc="right"
    )
    table.auto_set_font_size(False)
    table.set_fontsize(9.5)
    table.scale(1, 1.55)
    for (row, column), cell in table.get_celld().items():
        cell.set_edgecolor(LIGHT.grid)
        if row == 0:
            cell.set_text_props(fontweight="bold")
            cell.set_height(cell.get_height() * 1.6)
            cell.set_facecolor(LIGHT.neutral_fill)
        if row == len(rows):
            cell.set_text_props(fontweight="bold")
        if column == 0:
            cell.get_text().set_horizontalalignment("left")
    figure.text(0.06, 0.03, _footer(data), fontsize=8, color=LIGHT.neutral)
    return figure


def assumptions_page(data: ChartData) -> _TextPage:
    """What the forecast took as given: the work pattern, leave, closures and lengths."""
    judge, f = data.judge, data.forecast
    page = _TextPage("Assumptions")
    page.heading("Work pattern (weekly sessions)")
    by_day: dict[int, list[str]] = {}
    for session in sorted(judge.sessions, key=lambda s: (s.weekday, s.start)):
        bench = "" if session.kind.is_bench else " (not bench time)"
        by_day.setdefault(session.weekday, []).append(
            f"{session.start:%H:%M}-{session.end:%H:%M} {humanise(session.kind)}{bench}"
        )
    for weekday in range(7):
        if weekday in by_day:
            page.row(WEEKDAY_NAMES[weekday], "; ".join(by_day[weekday]))
    if not by_day:
        page.para("No sessions in the weekly template: no bench time.")
    page.row("Time zone", judge.timezone)
    page.row(
        "Fiscal year starts", f"{judge.fy_start_month}/{judge.fy_start_day} (month/day) each year"
    )

    page.heading("Lengths (bench minutes per case)")
    for kind, minutes in sorted(judge.case_minutes.items()):
        page.row(f"  {humanise(kind)}", f"usual {minutes.default}, minimum {minutes.minimum}")
    page.heading("Rules")
    page.para(
        f"Completions that count: {', '.join(humanise(k) for k in f.counted_completions)}. "
        f"At risk below {judge.at_risk_slack_pct:g}% slack or behind the even pace. "
        "A pending case needs the larger of its hearings booked in the time left and its usual "
        "length (or the judge's own estimate). Shortening scales every case's remaining minutes "
        "by one factor, never below the minimum. The projection spreads the completions that fit "
        "at current lengths evenly over the workdays left; the booked line completes a case at "
        "its last booked hearing when those hearings cover its length. The needs-improvement "
        f"level is {NEEDS_IMPROVEMENT_SHARE:.0%} of the quota."
    )
    page.heading("Leave and closures in this fiscal year")
    leave = [
        entry
        for entry in sorted(data.leave, key=lambda e: e.start)
        if entry.last_day >= f.fy_start and entry.start.date() <= f.fy_end
    ]
    page.para(
        f"{counted(len(leave), 'leave entry', 'leave entries')}, "
        f"{sum(m.leave_minutes for m in data.months) / 60:,.1f} "
        f"bench hours of leave; {counted(len(data.closures), 'court closure')}. "
        "Federal holidays follow "
        "the observed-date rule."
    )
    for entry in leave:
        if entry.all_day:
            span = f"{entry.start:%d %b %Y} to {entry.last_day:%d %b %Y}, whole days"
        else:
            span = f"{entry.start:%d %b %Y %H:%M} to {entry.end:%H:%M}"
        page.row(f"  {entry.kind} leave", span)
    for closure in sorted(data.closures, key=lambda c: c.day):
        page.row("  closure", f"{closure.day:%d %b %Y}: {closure.reason}")

    return page


def write_report(data: ChartData, path: Path, progress: Progress | None = None) -> Path:
    """Write the report of ``data`` to ``path`` (a PDF); returns the path."""
    with DRAWING:
        return _write_report(data, path, progress)


def _write_report(data: ChartData, path: Path, progress: Progress | None) -> Path:
    f = data.forecast
    pages = 3 + len(CHARTS)
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, pages)

    footer = _footer(data)
    # matplotlib's default Type 3 fonts read back as text (pdftotext, PDFium); TrueType (the
    # pdf.fonttype 42 setting) took seconds more to subset, and rcParams are global: the report
    # is written in a worker thread while the window may draw a chart.
    with PdfPages(
        path,
        metadata={
            "Title": f"Fiscal-year forecast: {f.judge}, FY {f.fiscal_year}",
            "Creator": f"Judge Workload Planner {__version__}",
            "CreationDate": datetime.now().astimezone(),
        },
    ) as pdf:
        for page in forecast_page(data).figures(footer):
            pdf.savefig(page)
        step()
        for chart in CHARTS:
            figure = new_figure(*PAGE)
            layout = figure.get_layout_engine()
            assert isinstance(layout, ConstrainedLayoutEngine)  # new_figure's layout
            layout.set(rect=(0, 0.03, 1, 0.97))  # room for the footer
            chart.draw(figure, data, LIGHT)
            figure.text(0.01, 0.005, footer, fontsize=7, color=LIGHT.neutral)
            pdf.savefig(figure)
            step()
        pdf.savefig(calendar_page(data))
        step()
        for page in assumptions_page(data).figures(footer):
            pdf.savefig(page)
        step()
    return path


def write_judge_report(
    database: Database,
    judge_name: str,
    out: Path,
    *,
    as_of: date | datetime | None = None,
    progress: Progress | None = None,
) -> Path:
    """Read the judge's docket, forecast it from ``as_of`` (a date: its midnight; default: now in
    the judge's time zone) and write the report to ``out``: whole, or not at all."""
    with database.read() as reader:
        (judge,) = select_judges(reader, judge_name)
    if as_of is None:
        moment = now_for(judge)
    elif isinstance(as_of, datetime):
        moment = as_of
    else:
        moment = datetime.combine(as_of, datetime.min.time())
    data = chart_data_for(database, judge, moment)
    # The age targets run the auto-scheduler: the report, unlike the Charts tab, waits for them.
    data = replace(data, forecast=with_age_targets(database, data.forecast))
    if out.is_dir() or not out.parent.is_dir():
        what = "is a folder" if out.is_dir() else "is in a folder that does not exist"
        raise InvalidValue(f"cannot write the report to {out}: it {what}")
    try:
        with replaced_atomically(out) as partial:  # the store's one atomic, owner-only writer
            write_report(data, partial, progress)
    except OSError as error:
        raise InvalidValue(f"cannot write the report to {out}: {error.strerror or error}") from None
    return out
