"""The quota panel: the verdict as a coloured banner, the figures behind it, and a what-if strip."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import InvalidValue
from planner.domain.judge import WEEKDAY_NAMES
from planner.forecast.facts import ForecastInputs
from planner.forecast.report import Forecast
from planner.forecast.verdict import Verdict
from planner.forecast.whatif import WhatIf, extra_session
from planner.services.changes import Change
from planner.ui.freshness import Freshness
from planner.ui.workspace import Workspace

#: Banner colours, dark enough for white text (contrast 4.5:1 or better), and each verdict also
#: has its own title, so colour is never the only cue.
VERDICT_COLOURS = {
    Verdict.ON_TRACK: "#1b6e30",
    Verdict.AT_RISK: "#8a5300",
    Verdict.UNREACHABLE_WITHOUT_SHORTENING: "#b3261e",
    Verdict.UNREACHABLE_AT_MINIMUM_LENGTHS: "#7a1712",
    Verdict.NOT_ENOUGH_CASES: "#3f4f5a",
}

_REFRESH_ON = Change.PROFILE | Change.CALENDAR | Change.CASES | Change.HEARINGS | Change.JUDGES


class _Figure(QWidget):
    """A number with its caption beneath, like a dashboard tile."""

    def __init__(self, caption: str, tooltip: str) -> None:
        super().__init__()
        self.value = QLabel("–")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.setToolTip(tooltip)


class WhatIfStrip(QWidget):
    """Try another quota, extra leave or one more weekly session, without saving anything."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.quota = QSpinBox()
        self.quota.setRange(0, 10_000)
        self.quota.setSingleStep(10)
        self.quota.setToolTip("Try another annual quota (the profile keeps its own)")
        self.leave = QSpinBox()
        self.leave.setRange(0, 120)
        self.leave.setSuffix(" days")
        self.leave.setToolTip("Whole days of extra leave, taken on the next workdays")
        self.session = QComboBox()
        self.session.addItem("none", None)
        for weekday in range(6):
            for afternoon in (False, True):
                half = "afternoon" if afternoon else "morning"
                self.session.addItem(f"{WEEKDAY_NAMES[weekday]} {half}", (weekday, afternoon))
        self.session.setToolTip(
            "One more weekly individual-calendar session (morning 08:30-12:00, "
            "afternoon 13:00-16:30)"
        )
        self.reset = QPushButton("&Reset")
        self.reset.setToolTip("Back to the saved profile")
        self.reset.clicked.connect(self.clear)
        self._saved_quota = 0

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("<b>What if</b>")
        layout.addWidget(title)
        for text, editor in (
            ("&quota", self.quota),
            ("e&xtra leave", self.leave),
            ("extra &session", self.session),
        ):
            label = QLabel(text)
            label.setBuddy(editor)
            layout.addWidget(label)
            layout.addWidget(editor)
        layout.addWidget(self.reset)
        layout.addStretch(1)
        for signal in (
            self.quota.valueChanged,
            self.leave.valueChanged,
            self.session.currentIndexChanged,
        ):
            signal.connect(self.changed)

    def show_saved_quota(self, quota: int) -> None:
        self._saved_quota = quota
        self.quota.blockSignals(True)
        self.quota.setValue(quota)
        self.quota.blockSignals(False)

    def clear(self) -> None:
        for editor in (self.quota, self.leave, self.session):
            editor.blockSignals(True)
        self.quota.setValue(self._saved_quota)
        self.leave.setValue(0)
        self.session.setCurrentIndex(0)
        for editor in (self.quota, self.leave, self.session):
            editor.blockSignals(False)
        self.changed.emit()

    def what_if(self) -> WhatIf:
        choice = self.session.currentData()
        return WhatIf(
            quota=self.quota.value() if self.quota.value() != self._saved_quota else None,
            extra_leave_days=self.leave.value(),
            extra_session=extra_session(*choice) if choice else None,
        )


class QuotaPanel(QFrame):
    """Always on screen: is the quota reachable, and if not, by how much must hearings shrink."""

    #: The panel has read and shown the latest forecast (or that there is no judge to forecast).
    settled = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.forecast: Forecast | None = None
        self._inputs: ForecastInputs | None = None

        self.banner = QFrame()
        self.banner.setObjectName("verdictBanner")
        self.banner.setAutoFillBackground(True)
        self.title = QLabel()
        self.title.setObjectName("verdictTitle")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner_layout = QVBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 8, 12, 8)
        banner_layout.addWidget(self.title)
        banner_layout.addWidget(self.message)

        self.completed = _Figure("completed of quota", "Completions this fiscal year that count")
        self.needed = _Figure("still needed", "Quota less completions so far")
        self.hours_left = _Figure(
            "bench hours left", "Bench sessions to fiscal-year end, less leave"
        )
        self.per_case = _Figure(
            "bench hours per needed completion", "Bench hours left divided by completions needed"
        )
        self.fit = _Figure(
            "completions fit at current lengths",
            "The most pending cases whose remaining hearings fit in the bench time left",
        )
        self.shortening = _Figure(
            "required shortening",
            "How much shorter every hearing would have to be to reach the quota",
        )
        figures = QGridLayout()
        for column, figure in enumerate(
            (self.completed, self.needed, self.hours_left, self.per_case, self.fit, self.shortening)
        ):
            figures.addWidget(figure, 0, column)
            figures.setColumnStretch(column, 1)

        self.what_if = WhatIfStrip()
        self.what_if.changed.connect(self.recompute)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.banner)
        layout.addLayout(figures)
        layout.addWidget(self.what_if)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        workspace.changed.connect(self._on_change)
        workspace.judge_switched.connect(self._on_judge_switched)
        # Until the panel is first on screen it only notes that it is out of date: the first
        # forecast (and the holiday tables it loads) waits until the window has been painted.
        self.freshness = Freshness(self.reload, self.isVisible)
        self._reload_queued = False
        self._show_waiting()

    @property
    def up_to_date(self) -> bool:
        """Whether the figures on show follow the latest data (false until first shown)."""
        return not self.freshness.stale

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.freshness.stale and not self._reload_queued:
            # After the first paint, not on show: Qt runs zero-time timers before painting.
            self._reload_queued = True
            QTimer.singleShot(0, self._reload_if_stale)

    def _reload_if_stale(self) -> None:
        self._reload_queued = False
        self.freshness.ensure()

    def _on_judge_switched(self, _judge: object) -> None:
        self.freshness.changed()

    def _on_change(self, change: Change) -> None:
        if change & _REFRESH_ON:
            self.freshness.changed()

    def reload(self) -> None:
        """Read the judge's forecast inputs again (after an edit), then recompute."""
        self.freshness.stale = False
        judge = self.workspace.judge
        if judge is None:
            self._inputs = None
            self.forecast = None
            self._show_nothing()
            self.settled.emit()
            return
        # Imported on first use: the forecast's numpy and holiday tables load after the window
        # is painted (benchmarks/bench_startup.py).
        from planner.services.forecasting import load_inputs

        self._inputs = load_inputs(self.workspace.database, judge, self.workspace.clock())
        self.what_if.show_saved_quota(judge.quota)
        self.recompute()
        self.settled.emit()

    def recompute(self) -> None:
        """Forecast from the loaded inputs with the what-if applied; no database access."""
        if self._inputs is None:
            return
        from planner.services.forecasting import forecast_from

        what_if = self.what_if.what_if()
        try:
            self.forecast = forecast_from(self._inputs, what_if)
        except InvalidValue as refused:  # the domain's rule, e.g. an extra session overlaps one
            self._show_refused(str(refused))
            return
        self._show(self.forecast, trying=not what_if.is_empty)

    def _show_refused(self, reason: str) -> None:
        self.forecast = None
        self._paint_banner("#3f4f5a")
        self.title.setText("<b>What if (not saved): cannot be tried</b>")
        self.message.setText(reason[:1].upper() + reason[1:] + ".")
        for figure in (
            self.completed,
            self.needed,
            self.hours_left,
            self.per_case,
            self.fit,
            self.shortening,
        ):
            figure.value.setText("–")

    def _show_waiting(self) -> None:
        self._paint_banner("#3f4f5a")
        self.title.setText("Forecasting…")
        self.message.setText("Working out whether the quota is reachable.")

    def _show_nothing(self) -> None:
        self._paint_banner("#3f4f5a")
        self.title.setText("No judge selected")
        self.message.setText("Add a judge's profile or open a demo docket to see the forecast.")
        for figure in (
            self.completed,
            self.needed,
            self.hours_left,
            self.per_case,
            self.fit,
            self.shortening,
        ):
            figure.value.setText("–")
        self.what_if.setEnabled(False)

    def _show(self, f: Forecast, *, trying: bool) -> None:
        self.what_if.setEnabled(True)
        self._paint_banner(VERDICT_COLOURS[f.verdict])
        prefix = "What if (not saved): " if trying else ""
        self.title.setText(f"<b>{prefix}{f.verdict.title}</b> — FY {f.fiscal_year}")
        self.message.setText(f.message)
        self.completed.value.setText(f"{f.completed:,} / {f.quota:,}")
        self.needed.value.setText(f"{f.needed:,}")
        self.hours_left.value.setText(f"{f.capacity_minutes / 60:,.0f}")
        per_case = f.minutes_per_needed_completion
        self.per_case.value.setText("–" if per_case is None else f"{per_case / 60:.1f}")
        self.fit.value.setText(f"{f.max_completions_at_current_lengths:,}")
        shortening = f.required_shortening_pct
        self.shortening.value.setText(
            "beyond minimums" if shortening is None else f"{shortening:.0f}%"
        )

    def _paint_banner(self, colour: str) -> None:
        self.banner.setStyleSheet(
            f"#verdictBanner {{ background: {colour}; border-radius: 6px; }}"
            "#verdictBanner QLabel { color: white; }"
        )
