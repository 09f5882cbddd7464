"""The Court tab: every judge's verdict and the figures behind it in one table, worst first, for a
clerk with several judges. Double-clicking a judge shows that judge's docket."""

import math
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.plural import counted
from planner.forecast.message import shortening_words
from planner.forecast.report import Forecast
from planner.forecast.risk import pace_to_date, risk_reasons
from planner.forecast.verdict import Verdict
from planner.services.changes import Change
from planner.ui.common.errors import show_error
from planner.ui.common.freshness import Freshness
from planner.ui.common.save_path import ask_save_path
from planner.ui.common.tasks import BackgroundTask
from planner.ui.common.workspace import Workspace

_SEVERITY = {verdict: rank for rank, verdict in enumerate(Verdict)}  # the worst first
_Index = QModelIndex | QPersistentModelIndex


def worst_first(f: Forecast) -> tuple[int, float, float, int, str]:
    """The verdict's severity, then the larger shortening (beyond the minimums: the largest),
    the more bench hours missing, the more completions needed."""
    shortening = math.inf if f.required_shortening_pct is None else f.required_shortening_pct
    return (_SEVERITY[f.verdict], -shortening, -f.bench_hours_missing, -f.needed, f.judge)


def _hours(minutes: float | None) -> str:
    return "–" if minutes is None else f"{minutes / 60:,.1f}"


def _why(f: Forecast) -> str:
    return "; ".join(risk_reasons(f))


def _attainment(f: Forecast) -> str:
    """ "detained 40% (goal 95%); motions 0% (goal 85%)": each age target's projection."""
    if not f.age_targets:
        return "–"
    return "; ".join(
        f"{p.target.label}: "
        + ("none decided" if p.projected_pct is None else f"{p.projected_pct:.0f}%")
        + f" (goal {p.target.goal_pct:g}%)"
        for p in f.age_targets
    )


def _worst_attainment(f: Forecast) -> float:
    """How far the worst target falls short of its goal (negative: all met), for sorting."""
    gaps = [
        p.target.goal_pct - p.projected_pct
        for p in f.age_targets or ()
        if p.projected_pct is not None
    ]
    return max(gaps, default=-math.inf)


#: (header, tooltip, the text shown, the key it sorts by)
COLUMNS: tuple[tuple[str, str, Callable[[Forecast], str], Callable[[Forecast], Any]], ...] = (
    ("Judge", "The judge's name", lambda f: f.judge, lambda f: f.judge.casefold()),
    ("Verdict", "Worst first", lambda f: f.verdict.title, worst_first),
    (
        "Why at risk",
        "For an at-risk judge, which condition holds: the slack under the judge's threshold "
        "of the binding pools' capacity, or fewer completions than the even pace to date",
        _why,
        lambda f: _why(f).casefold(),
    ),
    (
        "Completed",
        "Completions counted this fiscal year, of the quota",
        lambda f: f"{f.completed:,} / {f.quota:,}",
        lambda f: f.completed,
    ),
    (
        "Pace to date",
        "Completions so far / the quota spread evenly over the workdays so far (rounded down), "
        "and how far ahead (+) or behind (-)",
        lambda f: pace_to_date(f).text,
        lambda f: pace_to_date(f).ahead,
    ),
    ("Needed", "Quota less completions so far", lambda f: f"{f.needed:,}", lambda f: f.needed),
    (
        "Hours per\nneeded completion",
        "Bench hours left divided by the completions needed",
        lambda f: _hours(f.minutes_per_needed_completion),
        lambda f: (
            math.inf if f.minutes_per_needed_completion is None else f.minutes_per_needed_completion
        ),
    ),
    (
        "Required\nshortening",
        "How much shorter every hearing must be to reach the quota",
        shortening_words,
        lambda f: math.inf if f.required_shortening_pct is None else f.required_shortening_pct,
    ),
    (
        "Bench hours\nmissing",
        "Bench hours short of the needed completions (at the lengths the verdict speaks of)",
        lambda f: f"{f.bench_hours_missing:,.1f}",
        lambda f: f.bench_hours_missing,
    ),
    (
        "Bench hours\nleft",
        "Bench sessions to fiscal-year end, less leave",
        lambda f: _hours(f.capacity_minutes),
        lambda f: f.capacity_minutes,
    ),
    (
        "Pending",
        "Pending cases",
        lambda f: f"{f.pending_cases:,}",
        lambda f: f.pending_cases,
    ),
    (
        "Rule set",
        "The measures the fiscal year is planned against (the judge's choice, else the rule set "
        "in force on its first day)",
        lambda f: "–" if f.rule_set is None else f.rule_set.name,
        lambda f: "" if f.rule_set is None else f.rule_set.name.casefold(),
    ),
    (
        "Age targets",
        "Each age target's share completed within it by fiscal-year end on the calendar as it "
        "stands, against its goal (the furthest short first when sorted)",
        _attainment,
        _worst_attainment,
    ),
)
VERDICT_COLUMN = 1
WHY_COLUMN = 2  # beside the verdict it explains, wrapped to a width of its own
AGE_TARGETS_COLUMN = len(COLUMNS) - 1  # last: stretched where there is room, else its own width
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_NUMERIC = frozenset(range(3, len(COLUMNS) - 2))  # the rule set and age targets are words


class CourtModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.forecasts: list[Forecast] = []

    def set_forecasts(self, forecasts: list[Forecast]) -> None:
        self.beginResetModel()
        self.forecasts = list(forecasts)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.forecasts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.forecasts):
            return None
        f = self.forecasts[index.row()]
        _header, _tip, text, key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text(f)
        if role == SORT_ROLE:
            return key(f)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f.message
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section][1]
        return None


class _WorstFirstProxy(QSortFilterProxyModel):
    """Sorts on Python keys (tuples, infinities), which Qt's own comparison cannot."""

    def lessThan(self, left: _Index, right: _Index) -> bool:
        model = self.sourceModel()
        return bool(model.data(left, SORT_ROLE) < model.data(right, SORT_ROLE))


class CourtView(QWidget):
    """Forecasts every judge of the database (in a worker thread) when first shown and after
    every change; the table opens sorted worst first."""

    loaded = Signal()
    judge_opened = Signal()  # a judge was double-clicked and is now on screen

    def __init__(
        self,
        workspace: Workspace,
        *,
        as_of: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        #: The moment to forecast from; None: now, in each judge's own time zone.
        self._as_of = as_of
        self.model = CourtModel(self)
        self.proxy = _WorstFirstProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setAccessibleName("Every judge's verdict")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setObjectName("courtTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(VERDICT_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(WHY_COLUMN, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(WHY_COLUMN, 30 * self.fontMetrics().averageCharWidth())
        # Stretched into what a narrow window leaves it, the targets' words wrapped a line a
        # word and the row grew to the table's height (seen at 1024x600): a width of its own.
        header.setSectionResizeMode(AGE_TARGETS_COLUMN, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(AGE_TARGETS_COLUMN, 60 * self.fontMetrics().averageCharWidth())
        self.table.setWordWrap(True)
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # a wrapped reason only adds height
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._open_judge)
        self.summary = QLabel("Forecasting every judge…")
        self.save_button = QPushButton("Save as CSV…")
        self.save_button.setToolTip("Save the table as shown, in its order, as a CSV file")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda: self.save_csv())
        self.print_button = QPushButton("&Print…")
        self.print_button.setToolTip("Print the table as shown, in its order (Letter, landscape)")
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_table)
        self.pdf_button = QPushButton("Save as P&DF…")
        self.pdf_button.setToolTip("Save the table as shown, in its order, as a PDF file")
        self.pdf_button.setEnabled(False)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.pdf_button)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.freshness = Freshness(self.reload, self.isVisible)
        self._task: BackgroundTask | None = None
        workspace.changed.connect(self._on_change)

    @property
    def up_to_date(self) -> bool:
        return not self.freshness.stale and self._task is None

    def rows(self) -> list[Forecast]:
        """The forecasts in the order on screen."""
        return [
            self.model.forecasts[self.proxy.mapToSource(self.proxy.index(row, 0)).row()]
            for row in range(self.proxy.rowCount())
        ]

    def shown_cells(self) -> tuple[list[str], list[list[str]]]:
        """The header and the rows' texts as on screen, in the order on screen."""
        columns = range(self.proxy.columnCount())
        header = [str(self.proxy.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
        rows = [
            [str(self.proxy.index(row, c).data()) for c in columns]
            for row in range(self.proxy.rowCount())
        ]
        return header, rows

    def save_csv(self, out: Path | None = None) -> Path | None:
        """Save the table as shown to ``out`` (asked for when None); returns the file written."""
        from planner.services.table_export import save_table_csv

        if out is None:
            out = ask_save_path(
                self,
                "Save the court as CSV",
                Path.home() / "court.csv",
                "CSV files (*.csv)",
                ".csv",
            )
            if out is None:
                return None
        header, rows = self.shown_cells()
        try:
            save_table_csv(out, header, rows)
        except OSError as error:
            reason = error.strerror or str(error)
            QMessageBox.warning(self, "Court not saved", f"{out} could not be written: {reason}")
            return None
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(f"Saved {counted(len(rows), 'judge')} to {out}", 8000)
        return out

    def printed_html(self) -> str:
        """The table as shown, as the document that Print and Save as PDF lay out."""
        from planner.services.table_export import table_html

        header, rows = self.shown_cells()
        return table_html("Court: every judge's forecast", [self.summary.text()], header, rows)

    def print_table(self) -> None:
        from planner.ui.common.printed_html import print_html

        print_html(self.printed_html(), "Court: every judge's forecast", self)

    def save_pdf(self, out: Path | None = None) -> Path | None:
        """Save the table as shown to ``out`` as PDF (asked for when None)."""
        from planner.ui.common.printed_html import save_html_pdf

        if out is None:
            out = ask_save_path(
                self, "Save the court as PDF", Path.home() / "court.pdf", "PDF (*.pdf)", ".pdf"
            )
            if out is None:
                return None
        try:
            save_html_pdf(self.printed_html(), "Court: every judge's forecast", out)
        except OSError as error:
            reason = error.strerror or str(error)
            QMessageBox.warning(self, "Court not saved", f"{out} could not be written: {reason}")
            return None
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(f"Saved the court to {out}", 8000)
        return out

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.freshness.ensure()

    def _on_change(self, change: Change) -> None:
        if change & Change.EVERYTHING:
            self.freshness.changed()

    def reload(self) -> BackgroundTask | None:
        """Forecast every judge again, off the GUI thread."""
        if self._task is not None:  # a reload is running: do another when it ends
            self.freshness.stale = True
            return None
        self.freshness.stale = False
        from planner.services.forecasting import forecast_judges

        database = self.workspace.database
        as_of = self._as_of() if self._as_of is not None else None
        task = BackgroundTask(
            self,
            "Forecasting every judge…",
            lambda _progress: forecast_judges(database, None, as_of, ages=True),
        )
        task.finished.connect(self._loaded)
        task.failed.connect(self._failed)
        self._task = task
        task.start()
        return task

    def _loaded(self, forecasts: object) -> None:
        self._task = None
        results: list[Forecast] = list(forecasts)  # type: ignore[call-overload]
        self.model.set_forecasts(results)
        self.save_button.setEnabled(bool(results))
        self.print_button.setEnabled(bool(results))
        self.pdf_button.setEnabled(bool(results))
        self.proxy.sort(self.proxy.sortColumn(), self.proxy.sortOrder())
        short = sum(1 for f in results if f.verdict not in (Verdict.ON_TRACK, Verdict.AT_RISK))
        self.summary.setText(
            f"{counted(len(results), 'judge')}: {short:,} cannot reach the quota at current "
            "lengths. "
            "Double-click a judge to open the docket."
            if results
            else "No judges in this database yet."
        )
        self.loaded.emit()
        if self.isVisible():
            self.freshness.ensure()  # a change came while this forecast ran

    def _failed(self, error: object) -> None:
        self._task = None
        self.summary.setText("The court's forecast failed.")
        show_error(self, error)  # type: ignore[arg-type]

    def _open_judge(self, index: QModelIndex) -> None:
        name = self.model.forecasts[self.proxy.mapToSource(index).row()].judge
        judge = next((j for j in self.workspace.judges() if j.name == name), None)
        if judge is not None:
            self.workspace.switch_judge(judge)
            self.judge_opened.emit()
