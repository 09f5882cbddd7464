"""The quota panel: the verdict as a coloured banner, the figures behind it, and a what-if strip."""

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import InvalidValue
from planner.domain.judge import WEEKDAY_NAMES, Session
from planner.domain.plural import counted
from planner.domain.seating import session_words
from planner.domain.vocabulary import SessionKind
from planner.services.changes import Change
from planner.services.severity import Severity, grading
from planner.store.errors import StoreError
from planner.ui.common.cancellable_task import CancellableTask, Progress
from planner.ui.common.document_dialog import bring_forward
from planner.ui.common.freshness import Freshness
from planner.ui.common.theme import NEUTRAL_BANNER, SEVERITY_COLOURS, severity_icon
from planner.ui.common.workspace import Workspace

_log = logging.getLogger(__name__)

# The forecast's modules are imported on use: the panel is on screen at the first paint, the
# forecast comes after it (benchmarks/bench_startup.py).
if TYPE_CHECKING:
    from planner.forecast.facts import ForecastInputs
    from planner.forecast.report import Forecast
    from planner.forecast.whatif import WhatIf
    from planner.services.explanation import WorkNeeded
    from planner.ui.docket.explanation_dialog import ExplanationDialog

_ICON = QSize(22, 22)
#: The least height the part under the verdict's line keeps when unfolded (about three lines):
#: less, and the window's room is not worth the scrolling.
BODY_FLOOR = 60
_REFRESH_ON = Change.PROFILE | Change.CALENDAR | Change.CASES | Change.HEARINGS | Change.JUDGES


class _Figure(QWidget):
    """A number with its caption beneath, like a dashboard tile, and a line of detail under it
    (the figures that go with it: booked hours under hours left, the even pace under completed)."""

    def __init__(self, caption: str, tooltip: str) -> None:
        super().__init__()
        self.value = QLabel("–")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.setToolTip(tooltip)

    def set_figure(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)


class WhatIfStrip(QWidget):
    """Try another quota, extra leave, one more weekly session or one of the weekly sessions
    turned into another kind, without saving anything."""

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
        #: One of the judge's weekly sessions to turn into ``kind`` ("none": the template as saved).
        self.turn = QComboBox()
        self.turn.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.turn.setToolTip("Try one of the judge's weekly sessions as another kind of session")
        self.kind = QComboBox()
        for kind in SessionKind:
            if kind.is_bench:
                self.kind.addItem(session_words(kind), kind)
        self.kind.setToolTip("The kind of bench session to try it as")
        self.show_template(())
        self.turn.currentIndexChanged.connect(self._turn_chosen)
        self.reset = QPushButton("&Reset")
        self.reset.setToolTip("Back to the saved profile")
        self.reset.clicked.connect(self.clear)
        self._saved_quota = 0

        # Two rows, to fit a 1024-pixel screen: the quota, leave and extra session first; the
        # session turned into another kind and what the what-if changes beneath.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        first, layout = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(first)
        rows.addLayout(layout)
        title = QLabel("<b>What if</b>")
        first.addWidget(title)
        for row, text, editor in (
            (first, "&quota", self.quota),
            (first, "e&xtra leave", self.leave),
            (first, "extra &session", self.session),
            (layout, "&turn session", self.turn),
            (layout, "i&nto", self.kind),
        ):
            label = QLabel(text)
            label.setBuddy(editor)
            row.addWidget(label)
            row.addWidget(editor)
        first.addWidget(self.reset)
        first.addStretch(1)
        #: What the what-if changes against the saved figures ("+36 completions fit, ...").
        self.difference = QLabel()
        self.difference.setObjectName("whatIfDifference")
        self.difference.setWordWrap(True)
        self.difference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.difference.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.difference, 1)
        for signal in (
            self.quota.valueChanged,
            self.leave.valueChanged,
            self.session.currentIndexChanged,
            self.turn.currentIndexChanged,
            self.kind.currentIndexChanged,
        ):
            signal.connect(self.changed)

    def show_saved_quota(self, quota: int) -> None:
        self._saved_quota = quota
        self.quota.blockSignals(True)
        self.quota.setValue(quota)
        self.quota.blockSignals(False)

    def show_template(self, sessions: tuple[Session, ...]) -> None:
        """Offer the judge's weekly sessions to turn into another kind; a session still in the
        template stays chosen, any other choice goes back to "none". Says nothing to anyone."""
        chosen = self.turn.currentData()
        self.turn.blockSignals(True)
        self.turn.clear()
        self.turn.addItem("none", None)
        for session in sessions:
            self.turn.addItem(session.label, session)
        self.turn.setCurrentIndex(
            next((i for i in range(1, self.turn.count()) if self.turn.itemData(i) == chosen), 0)
        )
        self.turn.setEnabled(bool(sessions))
        self.turn.blockSignals(False)
        self.kind.setEnabled(self.turn.currentData() is not None)

    def _turn_chosen(self) -> None:
        """A session chosen: offer it as another kind than its own (master -> individual)."""
        session = self.turn.currentData()
        self.kind.setEnabled(session is not None)
        if session is not None and self.kind.currentData() == session.kind:
            self.kind.blockSignals(True)  # the turn combo's own signal recomputes once
            self.kind.setCurrentIndex(
                next(i for i in range(self.kind.count()) if self.kind.itemData(i) != session.kind)
            )
            self.kind.blockSignals(False)

    def clear(self) -> None:
        editors = (self.quota, self.leave, self.session, self.turn, self.kind)
        for editor in editors:
            editor.blockSignals(True)
        self.quota.setValue(self._saved_quota)
        self.leave.setValue(0)
        self.session.setCurrentIndex(0)
        self.turn.setCurrentIndex(0)
        self.kind.setEnabled(False)
        for editor in editors:
            editor.blockSignals(False)
        self.changed.emit()

    def what_if(self) -> "WhatIf":
        """The what-if on show; InvalidValue when it cannot be tried (the session chosen is of
        the kind chosen already)."""
        from planner.forecast.whatif import SessionChange, WhatIf, extra_session

        choice = self.session.currentData()
        turn = self.turn.currentData()
        return WhatIf(
            quota=self.quota.value() if self.quota.value() != self._saved_quota else None,
            extra_leave_days=self.leave.value(),
            extra_session=extra_session(*choice) if choice else None,
            session_change=SessionChange(turn, self.kind.currentData()) if turn else None,
        )


class QuotaPanel(QFrame):
    """Always on screen: is the quota reachable, and if not, by how much must hearings shrink."""

    #: The panel has read and shown the latest forecast (or that there is no judge to forecast).
    settled = Signal()
    #: The user folded (True) or unfolded the panel with its button.
    fold_toggled = Signal(bool)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.forecast: Forecast | None = None
        #: The forecast of the saved profile, which a what-if is compared with.
        self.saved_forecast: Forecast | None = None
        self.severity: Severity | None = None
        self._inputs: ForecastInputs | None = None
        self._work: WorkNeeded | None = None
        self._trying = False
        self._explanation: ExplanationDialog | None = None
        #: The age targets' projections running in their workers (a stale one may still be
        #: ending after a change): each is cancelled and waited for when the panel closes.
        self._age_tasks: list[CancellableTask] = []
        #: Counts the changes to the docket on show: a projection started before the latest is
        #: stale, and its result is dropped.
        self._generation = 0
        self._shut = False  # closed: no projection starts (a queued one finds this)
        self._banner_colour: str | None = None
        #: The saved forecast's age targets are wanted and not yet in: the banner says they are
        #: being projected and claims nothing of them (False again once they fail to come).
        self._age_pending = False

        self.banner = QFrame()
        self.banner.setObjectName("verdictBanner")
        self.banner.setAutoFillBackground(True)
        self.icon = QLabel()
        self.icon.setObjectName("verdictIcon")
        self.icon.setFixedSize(_ICON)
        self.title = QLabel()
        self.title.setObjectName("verdictTitle")
        self.title.setWordWrap(True)  # it names the rule set too
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        #: The template advice: which change of the weekly sessions fits the most completions.
        self.advice = QLabel()
        self.advice.setObjectName("templateAdvice")
        self.advice.setWordWrap(True)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice.setVisible(False)
        self.how = QPushButton("Ho&w is this computed?")
        self.how.setObjectName("howComputed")
        self.how.setToolTip("Every figure behind the verdict, and how to redo it by hand")
        self.how.setCursor(Qt.CursorShape.PointingHandCursor)
        self.how.clicked.connect(self.show_explanation)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 8, 12, 8)
        banner_layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        banner_layout.addWidget(self.title, 1)
        banner_layout.addWidget(self.how, 0, Qt.AlignmentFlag.AlignTop)
        self.fold_button = self._make_fold_button()
        banner_layout.addWidget(self.fold_button, 0, Qt.AlignmentFlag.AlignTop)

        self.completed = _Figure("completed of quota", "Completions this fiscal year that count")
        self.needed = _Figure("still needed", "Quota less completions so far")
        self.hours_left = _Figure(
            "bench hours left", "Bench sessions to fiscal-year end, less closures and leave"
        )
        self.hours_needed = _Figure(
            "hours needed at current lengths",
            "The bench hours the needed completions take, cheapest cases first",
        )
        self.fit = _Figure(
            "completions fit at current lengths",
            "The most pending cases whose remaining hearings fit in the bench time left",
        )
        self.shortening = _Figure(
            "required shortening",
            "How much shorter every hearing would have to be to reach the quota",
        )
        self._figures = (
            self.completed,
            self.needed,
            self.hours_left,
            self.hours_needed,
            self.fit,
            self.shortening,
        )
        figures = QGridLayout()
        figures.setVerticalSpacing(0)
        for column, figure in enumerate(self._figures):
            figures.addWidget(figure, 0, column)
            figures.setColumnStretch(column, 1)

        self.what_if = WhatIfStrip()
        self.what_if.changed.connect(self.recompute)

        # The figures and the what-if strip: hidden when the panel is folded to its verdict.
        self.details = QWidget()
        details_layout = QVBoxLayout(self.details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addLayout(figures)
        details_layout.addWidget(self.what_if)

        # The verdict's sentences under its line, in the banner's colour (its lower part).
        self.banner_more = QFrame()
        self.banner_more.setObjectName("verdictMore")
        words = QVBoxLayout(self.banner_more)
        words.setContentsMargins(12 + _ICON.width() + 6, 0, 12, 8)
        words.setSpacing(2)
        words.addWidget(self.message)
        words.addWidget(self.advice)
        # Everything under the verdict's line scrolls, in at most the room the window leaves
        # it (set_room): on a short screen the page below keeps its height.
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(4)
        body_layout.addWidget(self.banner_more)
        body_layout.addWidget(self.details)
        self.body_scroll = QScrollArea()
        self.body_scroll.setObjectName("quotaDetails")
        self.body_scroll.setAccessibleName("Figures behind the verdict")
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body_scroll.setWidget(self.body)
        self._room: int | None = None  # the most height the body may take; None: all it needs
        # A field reached with Tab is scrolled into sight (the window moves the focus itself,
        # past QScrollArea's own Tab handling, which would have).
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._show_focused)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.body_scroll)
        # Preferred, not Maximum: a maximum is the size hint, which knows nothing of the lines a
        # narrow window wraps the sentence and the captions into, and would clip them.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

        workspace.changed.connect(self._on_change)
        workspace.judge_switched.connect(self._on_judge_switched)
        # Until the panel is first on screen it only notes that it is out of date: the first
        # forecast (and the holiday tables it loads) waits until the window has been painted.
        self.freshness = Freshness(self.reload, self.isVisible)
        self._reload_queued = False
        self._show_waiting()

    def _set_title(self, text: str) -> None:
        """The verdict's line, and its name for a screen reader ("Verdict: ...", no markup)."""
        self.title.setText(text)
        plain = QTextDocumentFragment.fromHtml(text).toPlainText()
        self.title.setAccessibleName(f"Verdict: {plain}")

    # Folding: the verdict on one line, for a short screen ------------------------------------

    def _make_fold_button(self) -> QToolButton:
        button = QToolButton()
        button.setObjectName("foldQuotaPanel")
        button.setCheckable(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.toggled.connect(self._folded_by_user)
        self._folded = False
        self._show_fold_state(button)
        return button

    @property
    def folded(self) -> bool:
        """Whether only the verdict's line is on show (the figures and the what-if hidden)."""
        return self._folded

    def set_folded(self, folded: bool) -> None:
        """Fold the panel to its verdict's one line, or unfold it; says nothing to anyone."""
        self._folded = folded
        self.fold_button.blockSignals(True)
        self.fold_button.setChecked(folded)
        self.fold_button.blockSignals(False)
        self.body_scroll.setVisible(not folded)
        self.advice.setVisible(bool(self.advice.text()))
        self._show_fold_state(self.fold_button)
        self._restyle_banner()
        self.fit_body()

    def set_room(self, height: int | None) -> None:
        """The most height the part under the verdict's line may take (it scrolls within it);
        None: all it needs. The window sets it so that the page below keeps its height."""
        self._room = None if height is None else max(BODY_FLOOR, height)
        self.fit_body()

    @property
    def body_needed(self) -> int:
        """The height the part under the verdict's line needs to show whole at this width."""
        width = self.body_scroll.width()
        needed = self.body.heightForWidth(width) if width > 0 else -1
        return needed if needed > 0 else self.body.sizeHint().height()

    def fit_body(self) -> None:
        """The part under the verdict's line as tall as it needs, or the room it has."""
        needed = self.body_needed
        height = needed if self._room is None else min(needed, self._room)
        if height != self.body_scroll.height() or height != self.body_scroll.minimumHeight():
            self.body_scroll.setFixedHeight(height)

    def _show_focused(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.body.isAncestorOf(new):
            # The whole field (ensureWidgetVisible would show only a focused field's cursor).
            centre = new.mapTo(self.body, new.rect().center())
            half_w, half_h = new.width() // 2 + 4, new.height() // 2 + 4
            self.body_scroll.ensureVisible(centre.x(), centre.y(), half_w, half_h)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_body()  # narrower: the sentences and captions wrap into more lines

    def _folded_by_user(self, folded: bool) -> None:
        self.set_folded(folded)
        self.fold_toggled.emit(folded)

    def _show_fold_state(self, button: QToolButton) -> None:
        button.setText("Show details ▾" if self._folded else "Hide details ▴")
        button.setAccessibleName("Show details" if self._folded else "Hide details")
        button.setToolTip(
            "Show the figures behind the verdict and the what-if strip"
            if self._folded
            else "Fold the panel to the verdict's line, to leave more room for the docket"
        )

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
        self._forget_age_targets()
        self.freshness.changed()

    def _on_change(self, change: Change) -> None:
        if change & _REFRESH_ON:
            self._forget_age_targets()
            self.freshness.changed()

    def reload(self) -> None:
        """Read the judge's forecast inputs again (after an edit), then recompute."""
        self.freshness.stale = False
        self._forget_age_targets()  # what runs was asked for the data read before
        self._age_pending = False
        judge = self.workspace.judge
        if judge is None:
            self._inputs = None
            self.forecast = self.saved_forecast = None
            self._show_nothing()
            self.settled.emit()
            return
        # Imported on first use: the forecast's numpy and holiday tables load after the window
        # is painted (benchmarks/bench_startup.py).
        from planner.services.forecasting import forecast_from, load_inputs

        self._inputs = load_inputs(self.workspace.database, judge, self.workspace.clock())
        # The template advice recounts K(1) per change tried (about 20 ms on the demo docket, on
        # top of the forecast's 11): for the saved profile only, not on every what-if keystroke.
        self.saved_forecast = forecast_from(self._inputs, advise=True)
        rules = self.saved_forecast.rule_set
        self._age_pending = rules is not None and bool(rules.targets)
        self.what_if.show_saved_quota(judge.quota)
        self.what_if.show_template(judge.sessions)
        self.recompute()
        self.settled.emit()
        # The age targets run the auto-scheduler: after the verdict is on screen, not before.
        if self._age_pending:
            QTimer.singleShot(0, self.project_age_targets)

    def project_age_targets(self) -> CancellableTask | None:
        """Project the saved forecast's age targets on the calendar as it stands, in a worker
        (the auto-scheduler's deadline policy: a fraction of a second for 5,000 cases), and show
        them when they arrive (a what-if being tried keeps its own figures until it is reset).
        Started from the event loop once the verdict is on screen; stopped, and its result
        dropped, when the docket changes or the panel closes. Returns the task started, if any."""
        saved = self.saved_forecast
        if saved is None or saved.age_targets is not None or self._shut:
            return None
        if any(not task.cancelled for task in self._age_tasks):
            return None  # one runs for the data on show already
        database, generation = self.workspace.database, self._generation

        def work(_progress: Progress, cancelled: Callable[[], bool]) -> "Forecast":
            from planner.services.forecasting import with_age_targets

            return with_age_targets(database, saved, cancelled=cancelled)

        task = CancellableTask(work, self)
        task.finished.connect(
            lambda projected: self._age_targets_ended(task, generation, projected)
        )
        task.failed.connect(lambda error: self._age_targets_ended(task, generation, error))
        self._age_tasks.append(task)
        task.start()
        return task

    @property
    def age_tasks(self) -> tuple[CancellableTask, ...]:
        """The age targets' workers whose end the panel has not yet had (a stale one, cancelled,
        may still be ending)."""
        return tuple(self._age_tasks)

    @property
    def projecting(self) -> bool:
        """Whether an age-targets projection's worker is still running."""
        return any(task.alive for task in self._age_tasks)

    def _forget_age_targets(self) -> None:
        """The data behind the panel changed (or it closes): what runs is stale. Each worker is
        asked to stop; its result, if it comes, is dropped."""
        self._generation += 1
        for task in self._age_tasks:
            task.cancel()

    def shutdown(self) -> None:
        """Stop the age targets' workers and wait for them (the panel or the window closes);
        none starts again until the panel is shown again."""
        self._shut = True
        self._forget_age_targets()
        for task in list(self._age_tasks):
            task.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._shut = False
        super().showEvent(event)
        if self._age_pending and not self.projecting:
            # Closed while projecting, shown again: the banner still waits for the targets.
            QTimer.singleShot(0, self.project_age_targets)

    def _age_targets_ended(self, task: CancellableTask, generation: int, outcome: object) -> None:
        from planner.forecast.report import Forecast
        from planner.scheduling.autoschedule import Cancelled

        if task in self._age_tasks:
            self._age_tasks.remove(task)
        task.deleteLater()
        if generation != self._generation or task.cancelled:
            return  # the docket changed since, or the panel closed: not for what is on show
        self._age_pending = False
        if isinstance(outcome, BaseException):
            # Stopped, the file gone meanwhile, or a bug: the verdict stays, and the banner says
            # the targets were not projected instead of that they are being projected.
            if not isinstance(outcome, (Cancelled, StoreError)):
                _log.error("the age targets could not be projected", exc_info=outcome)
        else:
            assert isinstance(outcome, Forecast)
            self.saved_forecast = outcome
        if not self._trying:
            self.recompute()

    def recompute(self) -> None:
        """Forecast from the loaded inputs with the what-if applied; no database access."""
        if self._inputs is None or self.saved_forecast is None:
            return
        from planner.services.explanation import work_needed
        from planner.services.forecasting import forecast_from

        try:
            what_if = self.what_if.what_if()
            self._trying = not what_if.is_empty
            self.forecast = (
                forecast_from(self._inputs, what_if) if self._trying else self.saved_forecast
            )
        except InvalidValue as refused:  # the domain's rule, e.g. an extra session overlaps one
            self._show_refused(str(refused))
            return
        self._work = work_needed(self.forecast)
        self._show(self.forecast, self._work)
        if self._explanation is not None and self._explanation.isVisible():
            self._fill_explanation()

    @property
    def explanation_dialog(self) -> "ExplanationDialog | None":
        """The "How is this computed?" window, once it has been opened."""
        return self._explanation

    def show_explanation(self) -> "ExplanationDialog | None":
        """Open (or bring forward) the figures behind the verdict; built now, not at start-up."""
        if self.forecast is None:
            return None
        if self._explanation is None:
            from planner.ui.docket.explanation_dialog import ExplanationDialog

            self._explanation = ExplanationDialog(self.window())
        self._fill_explanation()
        bring_forward(self._explanation)
        return self._explanation

    def _fill_explanation(self) -> None:
        from planner.services.explanation import explain

        assert self._explanation is not None
        if self.forecast is not None and self._work is not None:
            self._explanation.show_explanation(
                explain(self.forecast, self._work), trying=self._trying
            )

    def _show_refused(self, reason: str) -> None:
        self.forecast = None
        self._paint_banner(NEUTRAL_BANNER, None)
        self._set_title("<b>What if (not saved): cannot be tried</b>")
        self.message.setText(reason[:1].upper() + reason[1:] + ".")
        self._show_advice("")
        for figure in self._figures:
            figure.set_figure("–")
        self.what_if.difference.clear()
        self.how.setVisible(False)
        self._lay_out_now()

    def _show_waiting(self) -> None:
        self._paint_banner(NEUTRAL_BANNER, None)
        self._set_title("Forecasting…")
        self.message.setText("Working out whether the quota is reachable.")
        self._show_advice("")
        self.how.setVisible(False)
        self._lay_out_now()

    def _show_nothing(self) -> None:
        self._paint_banner(NEUTRAL_BANNER, None)
        self.severity = None
        self._set_title("No judge selected")
        self.message.setText("Add a judge's profile or open a demo docket to see the forecast.")
        self._show_advice("")
        for figure in self._figures:
            figure.set_figure("–")
        self.what_if.setEnabled(False)
        self.what_if.difference.clear()
        self.how.setVisible(False)
        if self._explanation is not None:
            self._explanation.close()
        self._lay_out_now()

    def _show(self, f: "Forecast", work: "WorkNeeded") -> None:
        from planner.forecast.advice import advice_sentence
        from planner.services.explanation import hours, shortening_text
        from planner.services.what_if_difference import difference

        self.what_if.setEnabled(True)
        self.how.setVisible(True)
        # Only the saved profile's age targets are projected: a what-if's are not being.
        graded = grading(f, projecting=self._age_pending and not self._trying)
        self.severity = graded.severity
        colour = NEUTRAL_BANNER if graded.severity is None else SEVERITY_COLOURS[graded.severity]
        self._paint_banner(colour, graded.severity)
        prefix = "What if (not saved): " if self._trying else ""
        rules = f.rule_set
        named = ""
        if rules is not None and f.has_quota:
            named = f" · {rules.title}"  # without a quota the title names it already
        self._set_title(f"<b>{prefix}{graded.title}</b> — FY {f.fiscal_year}{named}")
        self.message.setText(graded.sentence)
        # The template advice is about completions: where a quota applies.
        self._show_advice(advice_sentence(f) if f.has_quota else "")
        saved = self.saved_forecast
        self.what_if.difference.setText(
            f"Against the saved profile: {difference(saved, f)}"
            if self._trying and saved is not None
            else ""
        )

        self.completed.caption.setText(
            "completed of quota" if f.has_quota else "completed this fiscal year"
        )
        if f.has_quota:
            self.completed.set_figure(
                f"{f.completed:,} / {f.quota:,}",
                f"even pace: {f.pace_expected_to_date:,.0f} by now",
            )
        else:
            self.completed.set_figure(f"{f.completed:,}", "no quota under this rule set")
        self.needed.set_figure(
            f"{f.needed:,}",
            f"{counted(f.pending_cases, 'case')} pending"
            + ("" if f.has_quota else f"; to the profile's {f.quota:,}, for reference"),
        )
        self.hours_left.set_figure(
            hours(f.capacity_minutes),
            f"{counted(f.workdays_left, 'workday')}, {hours(f.booked_minutes)} h booked",
        )
        per_case = f.minutes_per_needed_completion
        self.hours_needed.set_figure(
            hours(work.at_current),
            "" if per_case is None else f"{per_case / 60:.1f} h left per needed completion",
        )
        self.fit.set_figure(
            f"{f.max_completions_at_current_lengths:,}",
            f"{f.max_completions_at_minimum_lengths:,} at the minimum lengths",
        )
        self.shortening.set_figure(shortening_text(f), self._shortening_detail(f))
        self._lay_out_now()

    def _show_advice(self, sentence: str) -> None:
        self.advice.setText(sentence)
        self.advice.setVisible(bool(sentence))

    def _lay_out_now(self) -> None:
        """Lay out the part under the verdict's line for the texts just set, before anything is
        painted, and fit the panel to it.

        Qt lays out a changed label in steps, one posted event per level: its figure, the
        figures' grid, the body, then the scroll area, which alone makes the body taller. A
        paint between two steps drew the new texts in the old heights: a detail that wraps to two
        lines ("...; to the profile's 650, for reference") squeezed into one and over its
        caption, the figures' values cut in half. Every step is done here at once instead."""
        for widget in (*self._figures, self.banner_more, self.what_if, self.details, self.body):
            layout = widget.layout()
            if layout is not None:
                layout.activate()  # lays out the widget and tells its parent its new hints
        # The scroll area sizes its widget to the height for its width on a layout request.
        QApplication.sendEvent(self.body_scroll, QEvent(QEvent.Type.LayoutRequest))
        self.fit_body()  # the part under the verdict's line as tall as the new texts need

    @staticmethod
    def _shortening_detail(f: "Forecast") -> str:
        from planner.forecast.verdict import Verdict

        if f.pending_cases == 0:
            return "no pending cases"
        if f.verdict is Verdict.NOT_ENOUGH_CASES:
            return f"the docket is {counted(f.needed - f.pending_cases, 'case')} short"
        if f.required_shortening_pct is None:
            return "not even the minimums reach the quota"
        merits = f.shortened_hearing_minutes.get("individual")
        if merits is not None and merits.shortened < merits.current:
            return f"merits {merits.current} → {merits.shortened} min"
        return ""

    def _paint_banner(self, colour: str, severity: Severity | None) -> None:
        self._banner_colour = colour
        self._restyle_banner()
        self.icon.setVisible(severity is not None)
        if severity is not None:
            self.icon.setPixmap(severity_icon(severity).pixmap(_ICON))
            self.icon.setToolTip(severity.label)
            self.icon.setAccessibleName(f"How far off: {severity.label}")

    def _restyle_banner(self) -> None:
        """The banner in its colour: its line, and under it (unfolded) its sentences."""
        colour = self._banner_colour
        if colour is None:
            return
        # Unfolded, the line's lower corners are square: the sentences continue the banner.
        lower = 6 if self._folded else 0
        self.banner_more.setStyleSheet(
            f"#verdictMore {{ background: {colour}; border-top-left-radius: 0;"
            " border-top-right-radius: 0; border-bottom-left-radius: 6px;"
            " border-bottom-right-radius: 6px; }"
            "#verdictMore QLabel { color: white; }"
        )
        self.banner.setStyleSheet(
            f"#verdictBanner {{ background: {colour}; border-top-left-radius: 6px;"
            f" border-top-right-radius: 6px; border-bottom-left-radius: {lower}px;"
            f" border-bottom-right-radius: {lower}px; }}"
            "#verdictBanner QLabel { color: white; }"
            "#howComputed, #foldQuotaPanel { color: white; background: transparent;"
            " padding: 3px 8px; border: 1px solid rgba(255, 255, 255, 150); border-radius: 4px; }"
            "#howComputed:hover, #foldQuotaPanel:hover { background: rgba(255, 255, 255, 40); }"
            "#howComputed:focus, #foldQuotaPanel:focus { border: 2px solid white; }"
        )
