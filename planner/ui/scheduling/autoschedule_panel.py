"""The auto-scheduler in the window: compare the policies, preview a proposal as ghosts on the
calendar and as a list, apply it as one transaction and one undo step, or discard it.

The proposal and the comparison run in a worker thread with a progress bar and Cancel; nothing is
stored until Apply, and the ghosts go when the panel closes, the proposal is discarded or
applied, or another judge is chosen.
"""

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from html import escape
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.anumber import format_a_number
from planner.domain.plural import counted
from planner.domain.vocabulary import NOTICE_PERIOD_DAYS
from planner.scheduling.autoschedule import (
    DEFAULT_BUFFER_MINUTES,
    POLICY_TITLES,
    Cancelled,
    Options,
    Policy,
    Proposal,
)
from planner.scheduling.report import render_tradeoff
from planner.services.changes import Change
from planner.store.errors import Conflict
from planner.ui.calendar.calendar_view import CalendarView
from planner.ui.common.cancellable_task import CancellableTask, Work
from planner.ui.common.workspace import Workspace

if TYPE_CHECKING:
    from planner.services.autoschedule import Applied, Withdrawn
    from planner.store.database import Database


def _service() -> ModuleType:
    """The auto-scheduler's use cases, imported when first used: they bring the forecast's
    numpy and holiday tables, which the window loads only after it is painted."""
    from planner.services import autoschedule

    return autoschedule


def _propose_with_bound(
    database: "Database",
    judge: str,
    first: date,
    policy: Policy,
    options: Options,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> tuple[Proposal, dict[str, object]]:
    """The proposal and the forecast's K(1) beside it (``planner schedule --json``'s
    ``forecast_bound`` and ``forecast_bound_gap``), in the worker thread."""
    service = _service()
    proposal = service.propose_schedule(
        database, judge, first, policy, options, progress=progress, cancelled=cancelled
    )
    return proposal, service.forecast_bound(database, proposal)


#: Asks whether to preview again after a stale proposal was refused; True to preview.
AskAgain = Callable[[QWidget, str], bool]

_WATCH = Change.HEARINGS | Change.CASES | Change.CALENDAR | Change.PROFILE


def ask_again(parent: QWidget, message: str) -> bool:
    answer = QMessageBox.question(
        parent,
        "The docket changed",
        f"{message}.\n\nNothing was stored. Preview again with the docket as it is now?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def _wait(p: Proposal) -> str:
    """The oldest tenth's mean wait in whole days; "≥" when some of them are not completed (the
    figure is then a lower bound)."""
    if p.oldest_tenth_wait_days is None:
        return "–"
    return ("≥" if p.oldest_tenth_unplaced else "") + f"{round(p.oldest_tenth_wait_days):,}"


#: The comparison's column headings, short enough for the panel.
HEADINGS = {
    Policy.OLDEST: "Oldest\nfirst",
    Policy.DEADLINE: "Deadlines\nfirst",
    Policy.MAX_COMPLETIONS: "Shortest\nfirst",
}


#: What each figure counts, in words (docs/autoschedule.md, "The figures").
COMPLETIONS_TIP = (
    "Cases all of whose needed hearings are proposed before fiscal-year end; a case completes "
    "at its last hearing"
)
MET_TIP = (
    "Cases with a legal clock ending by fiscal-year end whose last proposed hearing falls on or "
    "before the clock's end"
)
MISSED_TIP = (
    "Cases with a legal clock ending by fiscal-year end that are completed after it or not at "
    "all, counting the clocks that had already run out before the first day"
)
WAIT_TIP = (
    "The oldest tenth of the cases considered, by receipt: their mean days from receipt to the "
    "proposed completing hearing. A case not completed counts as waiting to the day after "
    "fiscal-year end, so with any of them not completed the figure is a lower bound (≥)"
)
OLDEST_LEFT_TIP = "How many of the oldest tenth are not completed by fiscal-year end"
PROPOSED_TIP = "Hearings the policy proposes from the first day to fiscal-year end"
UNPLACED_TIP = (
    "Cases not completed by fiscal-year end: a hearing they need found no free bench time"
)

#: The comparison's rows: a caption and the figure of a proposal.
FIGURES: tuple[tuple[str, Callable[[Proposal], str]], ...] = (
    ("Completions by FY end", lambda p: f"{p.completions_by_fy_end:,}"),
    ("Legal deadlines met", lambda p: f"{p.deadlines_met:,}"),
    ("Legal deadlines missed", lambda p: f"{p.deadlines_missed:,}"),
    ("Oldest tenth's wait (days)", _wait),
    ("Oldest tenth not completed", lambda p: f"{p.oldest_tenth_unplaced:,}"),
    ("Proposed hearings", lambda p: f"{len(p.proposed):,}"),
    ("Not completed (unplaced)", lambda p: f"{len(p.unplaced):,}"),
)
#: What each row of FIGURES counts.
FIGURE_TIPS = (
    COMPLETIONS_TIP,
    MET_TIP,
    MISSED_TIP,
    WAIT_TIP,
    OLDEST_LEFT_TIP,
    PROPOSED_TIP,
    UNPLACED_TIP,
)


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _item(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class AutoschedulePanel(QDockWidget):
    """Schedule automatically: options, Compare policies, Preview, Apply, Discard."""

    applied = Signal(
        object
    )  # planner.services.autoschedule.Applied, once stored and pushed on the undo stack

    def __init__(
        self,
        workspace: Workspace,
        calendar: CalendarView,
        parent: QWidget | None = None,
        *,
        ask_again: AskAgain = ask_again,
    ) -> None:
        super().__init__("Schedule automatically", parent)
        self.setObjectName("autoschedulePanel")
        self.workspace, self.calendar = workspace, calendar
        self.ask_again = ask_again  # replaceable (tests)
        self.proposal: Proposal | None = None
        self.compared: list[Proposal] = []
        self.task: CancellableTask | None = None
        self._running = ""  # "compare", "preview" or "apply" while a task runs
        self._generation = 0  # results of an older generation (another judge) are dropped
        self._build()
        self._reset_from_date()
        self._update_buttons()
        workspace.judge_switched.connect(self._judge_switched)
        workspace.changed.connect(self._docket_changed)
        workspace.access_changed.connect(lambda _access: self._update_buttons())

    # Building ---------------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget()
        self.from_date = QDateEdit()
        self.from_date.setCalendarPopup(True)
        self.from_date.setDisplayFormat("ddd d MMM yyyy")
        self.from_date.setToolTip("The first day a proposed hearing may fall on")
        self.policy_box = QComboBox()
        for policy in Policy:
            self.policy_box.addItem(POLICY_TITLES[policy].capitalize(), policy)
        self.policy_box.setToolTip("The order in which the cases claim the free bench time")
        self.buffer_box = QSpinBox(minimum=0, maximum=120, suffix=" min")
        self.buffer_box.setValue(DEFAULT_BUFFER_MINUTES)
        self.buffer_box.setToolTip("Minutes kept free between two hearings")
        self.notice_box = QSpinBox(minimum=0, maximum=365, suffix=" days")
        self.notice_box.setValue(NOTICE_PERIOD_DAYS)
        self.notice_box.setToolTip("Notice before a case's first hearing (INA 239(b)(1): 10 days)")
        form = QFormLayout()
        form.addRow("&From:", self.from_date)
        form.addRow("&Policy:", self.policy_box)
        form.addRow("&Buffer:", self.buffer_box)
        form.addRow("&Notice:", self.notice_box)
        self.group_box = QCheckBox("Rare languages back to back")
        self.group_box.setToolTip(
            "Put the same rare language's hearings one after another on a day, so one "
            "interpreter is booked for them (rare: not English, Spanish or Mandarin); the "
            "figures say what it costs in completions"
        )
        form.addRow("", self.group_box)

        self.compare_button = QPushButton("&Compare policies")
        self.compare_button.setToolTip("The three policies' figures side by side (nothing stored)")
        self.compare_button.clicked.connect(self.compare)
        self.preview_button = QPushButton("Pre&view")
        self.preview_button.setToolTip("Propose hearings with this policy and show them as ghosts")
        self.preview_button.clicked.connect(self.preview)
        self.apply_button = QPushButton("&Apply")
        self.apply_button.setToolTip("Store the proposed hearings: one step, undone by Ctrl+Z")
        self.apply_button.clicked.connect(self.apply)
        self.discard_button = QPushButton("&Discard")
        self.discard_button.setToolTip("Remove the proposal from the calendar; nothing is stored")
        self.discard_button.clicked.connect(self.discard)
        buttons = QHBoxLayout()
        for button in (
            self.compare_button,
            self.preview_button,
            self.apply_button,
            self.discard_button,
        ):
            buttons.addWidget(button)

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop: nothing is proposed or stored")
        self.cancel_button.clicked.connect(self.cancel)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.comparison = QTableWidget(len(FIGURES), len(Policy))
        self.comparison.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparison.setVerticalHeaderLabels([caption for caption, _ in FIGURES])
        self.comparison.setHorizontalHeaderLabels([HEADINGS[p] for p in Policy])
        for column, policy in enumerate(Policy):
            header = self.comparison.horizontalHeaderItem(column)
            assert header is not None  # setHorizontalHeaderLabels made it
            header.setToolTip(f"{POLICY_TITLES[policy].capitalize()} (--policy {policy.value})")
        for row, tip in enumerate(FIGURE_TIPS):
            caption = self.comparison.verticalHeaderItem(row)
            assert caption is not None  # setVerticalHeaderLabels made it
            caption.setToolTip(tip)
        self.comparison.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.comparison.horizontalHeader().sectionClicked.connect(self.policy_box.setCurrentIndex)
        self.comparison.setToolTip("Click a policy's heading to choose it for the preview")
        self.tradeoff = QLabel()
        self.tradeoff.setWordWrap(True)
        self.tradeoff.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        compare_page = QWidget()
        compare_layout = QVBoxLayout(compare_page)
        compare_layout.setContentsMargins(4, 4, 4, 4)
        compare_layout.addWidget(self.comparison, 1)
        compare_layout.addWidget(self.tradeoff)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setToolTip(
            "<p>"
            + "</p><p>".join(
                f"<b>{name}</b>: {tip}."
                for name, tip in (
                    ("Completions by FY end", COMPLETIONS_TIP),
                    ("Legal deadlines met", MET_TIP),
                    ("Missed", MISSED_TIP),
                    ("Oldest tenth waits", WAIT_TIP),
                    ("Not completed", UNPLACED_TIP),
                )
            )
            + "</p>"
        )
        self.bound = QLabel()  # the forecast's K(1) beside the schedule's completions
        self.bound.setWordWrap(True)
        self.bound.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.proposed_table = _table(("Date", "Time", "A-number", "Kind", "Min"))
        self.proposed_table.itemSelectionChanged.connect(self._show_selected_week)
        self.unplaced_table = _table(("A-number", "Why it is not completed by FY end"))
        self.unplaced_table.setWordWrap(True)
        self.unplaced_table.itemSelectionChanged.connect(self._show_selected_reason)
        self.reason = QLabel()  # the chosen case's reason, whole
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        unplaced_page = QWidget()
        unplaced_layout = QVBoxLayout(unplaced_page)
        unplaced_layout.setContentsMargins(0, 0, 0, 0)
        unplaced_layout.addWidget(self.unplaced_table, 1)
        unplaced_layout.addWidget(self.reason)
        lists = QTabWidget()
        lists.setDocumentMode(True)
        lists.addTab(self.proposed_table, "Proposed hearings")
        lists.addTab(unplaced_page, "Not completed")
        self.lists = lists
        proposal_page = QWidget()
        proposal_layout = QVBoxLayout(proposal_page)
        proposal_layout.setContentsMargins(4, 4, 4, 4)
        proposal_layout.addWidget(self.summary)
        proposal_layout.addWidget(self.bound)
        proposal_layout.addWidget(lists, 1)

        self.results = QTabWidget()
        self.results.addTab(compare_page, "Comparison")
        self.results.addTab(proposal_page, "Proposal")

        layout = QVBoxLayout(body)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(running)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.setWidget(body)
        self.setMinimumWidth(410)
        self._show_running(False)

    # State --------------------------------------------------------------------------------------

    def _reset_from_date(self) -> None:
        tomorrow = self.workspace.clock().date() + timedelta(days=1)
        day = QDate(tomorrow.year, tomorrow.month, tomorrow.day)
        self.from_date.setMinimumDate(day)  # never a hearing for today or a day gone by
        self.from_date.setDate(day)

    def first_day(self) -> date:
        return self.from_date.date().toPython()  # type: ignore[return-value]  # PySide6: object

    def options(self) -> Options:
        return Options(
            self.buffer_box.value(),
            self.notice_box.value(),
            group_rare_languages=self.group_box.isChecked(),
        )

    def policy(self) -> Policy:
        return Policy(self.policy_box.currentData())

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def _update_buttons(self) -> None:
        has_judge = self.workspace.judge is not None
        idle = not self.running
        for button in (self.compare_button, self.preview_button):
            button.setEnabled(has_judge and idle)
        self.apply_button.setEnabled(  # a preview stays: it changes nothing
            idle
            and self.proposal is not None
            and bool(self.proposal.proposed)
            and self.workspace.access.may_change
        )
        self.discard_button.setEnabled(idle and self.proposal is not None)
        fields = (self.from_date, self.policy_box, self.buffer_box, self.notice_box, self.group_box)
        for field in fields:
            field.setEnabled(idle)

    def _show_running(self, running: bool, label: str = "", cancellable: bool = True) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running and cancellable)
        if running:
            self.progress.setRange(0, 0)  # busy until the first progress arrives
            self.progress.setFormat(f"{label} – %p%")
            self.say(f"{label}…")

    def say(self, text: str) -> None:
        self.status.setText(text)

    # Running work -----------------------------------------------------------------------------

    def _start(
        self,
        what: str,
        label: str,
        work: Work,
        done: Callable[[object], None],
        *,
        cancellable: bool = True,
    ) -> CancellableTask | None:
        judge = self.workspace.judge
        if judge is None or self.running:
            return None
        generation = self._generation
        task = CancellableTask(work, self)
        task.progressed.connect(self._progressed)
        task.finished.connect(lambda result: self._ended(generation, result, done))
        task.failed.connect(lambda error: self._ended(generation, error, self._failed))
        self.task, self._running = task, what
        task.start()
        self._show_running(True, label, cancellable)
        self._update_buttons()
        return task

    def _progressed(self, done: int, total: int) -> None:
        if total and self.progress.maximum() != total:
            self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _ended(self, generation: int, outcome: object, then: Callable[[object], None]) -> None:
        storing = self._running == "apply"
        try:
            self._end(generation, outcome, then)
        finally:
            if storing:  # its commit is acknowledged (stored) or never came (failed)
                self.workspace.others.release()

    def _end(self, generation: int, outcome: object, then: Callable[[object], None]) -> None:
        what = self._running
        self._running = ""
        self._show_running(False)
        self._update_buttons()
        stored = what == "apply" and not isinstance(outcome, Exception)
        if generation != self._generation and not stored:
            return  # another judge or a closed panel since: not for the docket on show
        if what != "apply" and self.task is not None and self.task.cancelled:
            outcome, then = Cancelled("cancelled"), self._failed  # it ended before it noticed
        then(outcome)  # a stored apply always becomes its undo step, whatever came since

    def _failed(self, error: object) -> None:
        if isinstance(error, Cancelled):
            self.say("Cancelled: nothing was proposed or stored.")
        elif isinstance(error, Conflict):
            self.discard()  # stale: its ghosts no longer tell the truth
            self.say(f"Not applied: {error}. Nothing was stored.")
            if self.ask_again(self, str(error)):
                self.preview()
        else:
            self.say(f"Stopped: {error}")
            self.workspace.failed.emit(error)

    def cancel(self) -> None:
        """Stop the comparison or the preview running; nothing is left behind."""
        if self.task is not None and self.running:
            self.task.cancel()
            self.say("Cancelling…")

    def _stop_and_forget(self) -> None:
        """Drop whatever runs (its result will be ignored) and the proposal on show."""
        self._generation += 1
        if self.task is not None and self.running:
            self.task.cancel()
        self.discard()

    # Compare, preview, apply, discard ----------------------------------------------------------

    def compare(self) -> CancellableTask | None:
        """The three policies side by side, in a worker thread."""
        judge = self.workspace.judge
        if judge is None:
            return None
        database, first, options = self.workspace.database, self.first_day(), self.options()
        return self._start(
            "compare",
            "Comparing the policies",
            lambda progress, cancelled: _service().compare_policies(
                database,
                judge.name,
                first,
                options=options,
                progress=progress,
                cancelled=cancelled,
            ),
            self._show_comparison,  # type: ignore[arg-type]
        )

    def preview(self) -> CancellableTask | None:
        """The chosen policy's proposal, in a worker thread; then ghosts and the list."""
        judge = self.workspace.judge
        if judge is None:
            return None
        database, first, options = self.workspace.database, self.first_day(), self.options()
        policy = self.policy()
        return self._start(
            "preview",
            f"Proposing hearings ({POLICY_TITLES[policy]})",
            lambda progress, cancelled: _propose_with_bound(
                database, judge.name, first, policy, options, progress, cancelled
            ),
            lambda result: self._show_proposal(*result),  # type: ignore[misc]
        )

    def apply(self) -> CancellableTask | None:
        """Store the proposal (checked again inside its write transaction) as one undo step."""
        proposal = self.proposal
        if proposal is None or not proposal.proposed:
            return None
        database = self.workspace.database
        # Another program's change shows now: the worker's commit will be this window's own,
        # and the poll waits for the task's end, which acknowledges it.
        self.workspace.others.poll()
        self.workspace.others.hold()
        task = self._start(
            "apply",
            f"Storing {counted(len(proposal.proposed), 'hearing')}",
            lambda _progress, _cancelled: _service().apply_proposal(database, proposal),
            lambda applied: self._push_applied(proposal, applied),  # type: ignore[arg-type]
            cancellable=False,  # one transaction: it ends whole or not at all
        )
        if task is None:
            self.workspace.others.release()
        return task

    def discard(self) -> None:
        """Take the proposal off the calendar and out of the list; nothing is stored."""
        had = self.proposal is not None
        self.proposal = None
        self.calendar.show_proposal(())
        self._clear_lists()
        self.summary.clear()
        if had:
            self.say("Proposal discarded: nothing was stored.")
        self._update_buttons()

    # Showing results ---------------------------------------------------------------------------

    def _clear_lists(self) -> None:
        """No proposal on show: the lists, their counts, the reason and the bound go."""
        self.proposed_table.setRowCount(0)
        self.unplaced_table.setRowCount(0)
        self.lists.setTabText(0, "Proposed hearings")
        self.lists.setTabText(1, "Not completed")
        self.reason.clear()
        self.bound.clear()
        self.bound.setToolTip("")

    def _show_comparison(self, proposals: list[Proposal]) -> None:
        self.compared = list(proposals)
        for column, proposal in enumerate(proposals):
            for row, (_caption, figure) in enumerate(FIGURES):
                self.comparison.setItem(row, column, _item(figure(proposal), right=True))
        self.comparison.setHorizontalHeaderLabels([HEADINGS[p.policy] for p in proposals])
        sentence = render_tradeoff(proposals)
        first = proposals[0] if proposals else None
        head = (
            f"{counted(first.cases, 'unscheduled case')}, {first.first:%d %b %Y} to fiscal-year end "
            f"{first.fiscal_year_end:%d %b %Y}. "
            if first
            else ""
        )
        self.tradeoff.setText(head + sentence)
        self.results.setCurrentIndex(0)
        self.say("Compared: nothing was stored. Click a policy's heading to choose it.")

    def _show_proposal(self, proposal: Proposal, bound: dict[str, object] | None = None) -> None:
        self.proposal = proposal
        self.reason.clear()
        self.proposed_table.setRowCount(len(proposal.proposed))
        for row, p in enumerate(proposal.proposed):
            cells = (
                _item(f"{p.start:%a %d %b}"),  # within one fiscal year: no year needed
                _item(f"{p.start:%H:%M}"),
                _item(format_a_number(p.a_number)),
                _item(p.kind.value.replace("_", " ")),
                _item(f"{p.minutes}", right=True),
            )
            for column, cell in enumerate(cells):
                cell.setToolTip(f"{p.start:%A %d %B %Y}: {p.session}")
                self.proposed_table.setItem(row, column, cell)
        header = self.proposed_table.horizontalHeader()
        header.setStretchLastSection(False)  # the kind stretches; the minutes stay in view
        for column in range(5):
            mode = QHeaderView.ResizeMode
            header.setSectionResizeMode(
                column, mode.Stretch if column == 3 else mode.ResizeToContents
            )
        self.unplaced_table.setRowCount(len(proposal.unplaced))
        for row, u in enumerate(proposal.unplaced):
            reason = ("Partly placed: " if u.partly else "") + u.reason
            self.unplaced_table.setItem(row, 0, _item(format_a_number(u.a_number)))
            why = _item(reason)
            why.setToolTip(reason)
            self.unplaced_table.setItem(row, 1, why)
        self.unplaced_table.resizeColumnToContents(0)
        self.lists.setTabText(0, f"Proposed hearings ({len(proposal.proposed):,})")
        self.lists.setTabText(1, f"Not completed ({len(proposal.unplaced):,})")
        self.summary.setText(self._describe(proposal))
        self._show_bound(proposal, bound)
        self.results.setCurrentIndex(1)
        self.calendar.show_proposal(proposal.proposed)
        if proposal.proposed:
            self.proposed_table.selectRow(0)  # shows the first proposed week
            self.say("Preview: the ghosts on the calendar are not stored. Apply stores them.")
        else:
            self.say("Nothing to propose: no unscheduled case fits before fiscal-year end.")
        self._update_buttons()

    @staticmethod
    def _describe(p: Proposal) -> str:
        at_least = "at least " if p.oldest_tenth_unplaced else ""
        wait = (
            "–"
            if p.oldest_tenth_wait_days is None
            else f"{at_least}{p.oldest_tenth_wait_days:,.1f} days"
        )
        return (
            f"<b>{POLICY_TITLES[p.policy].capitalize()}</b>, {p.first:%d %b %Y} to FY end "
            f"{p.fiscal_year_end:%d %b %Y}: {counted(len(p.proposed), 'hearing')} "
            f"({p.proposed_minutes / 60:,.1f} h) for {counted(p.cases, 'unscheduled case')}.<br>"
            f"Completions by FY end <b>{p.completions_by_fy_end:,}</b> · legal deadlines met "
            f"<b>{p.deadlines_met:,}</b>, missed <b>{p.deadlines_missed:,}</b> · oldest tenth "
            f"waits <b>{wait}</b> · not completed <b>{len(p.unplaced):,}</b>"
            + (f"<br>{escape(p.grouping_text())}" if p.grouping_cost is not None else "")
        )

    def _show_bound(self, proposal: Proposal, bound: dict[str, object] | None) -> None:
        """The forecast's K(1) beside the schedule's completions, and what keeps them apart."""
        if bound is None:
            self.bound.clear()
            self.bound.setToolTip("")
            return
        gap = str(bound["forecast_bound_gap"])
        self.bound.setText(
            f"<b>Forecast's K(1) {bound['forecast_bound']:,}</b> · this schedule "
            f"<b>{proposal.completions_by_fy_end:,}</b> completions by FY end.<br>{gap}"
        )
        self.bound.setToolTip(gap)

    def _show_selected_reason(self) -> None:
        """The chosen case's reason, whole, under the list."""
        rows = self.unplaced_table.selectionModel().selectedRows()
        if self.proposal is None or not rows:
            self.reason.clear()
            return
        number, why = (self.unplaced_table.item(rows[0].row(), c) for c in (0, 1))
        if number is not None and why is not None:
            self.reason.setText(f"{number.text()}: {why.toolTip()}")

    def _show_selected_week(self) -> None:
        rows = self.proposed_table.selectionModel().selectedRows()
        if self.proposal is None or not rows:
            return
        hearing = self.proposal.proposed[rows[0].row()]
        if self.calendar.mode not in ("day", "week"):
            self.calendar.set_mode("week")
        self.calendar.set_date(hearing.start.date())

    def _push_applied(self, proposal: Proposal, applied: "Applied") -> None:
        """One undo step: its undo takes off exactly the stored hearings, its redo puts them
        back under the same ids."""
        database = self.workspace.database
        withdrawn: list[Withdrawn] = []
        service = _service()

        generation = self._generation

        def undo(done: "Applied") -> Change:
            withdrawn[:] = [service.withdraw_applied(database, done)]
            if generation == self._generation and self.proposal is None:
                self._say_applied(
                    f"Undone: the {counted(done.hearings, 'proposed hearing')} of "
                    f"{counted(done.cases, 'case')} came off {done.judge}'s calendar; "
                    "nothing of it is stored. Redo stores them again."
                )
            return Change.HEARINGS

        def redo(done: "Applied") -> Change:
            service.restore_withdrawn(database, withdrawn.pop())
            if generation == self._generation and self.proposal is None:
                self._say_applied(f"{done.describe()} Ctrl+Z undoes it in one step.")
            return Change.HEARINGS

        text = (
            f"Auto-scheduled {counted(applied.hearings, 'hearing')} of "
            f"{counted(applied.cases, 'case')} "
            f"({POLICY_TITLES[proposal.policy]})"
        )
        self.proposal = None  # stored now: the ghosts give way to the hearings
        self.calendar.show_proposal(())
        self.workspace.perform(
            text,
            lambda: applied,
            undo=undo,
            redo=redo,
            change=Change.HEARINGS,
            stored_by_task=True,
        )
        self._clear_lists()
        self._say_applied(f"{applied.describe()} Ctrl+Z undoes it in one step.")
        self._update_buttons()
        self.applied.emit(applied)

    def _say_applied(self, text: str) -> None:
        """What is stored of the last applied proposal, in the summary and the status."""
        self.summary.setText(text)
        self.say(text)

    # Following the workspace --------------------------------------------------------------------

    def _judge_switched(self, _judge: object) -> None:
        self._stop_and_forget()
        self.compared = []
        self.comparison.clearContents()
        self.tradeoff.clear()
        self._reset_from_date()
        self.say("")
        self._update_buttons()

    def _docket_changed(self, change: Change) -> None:
        if self.proposal is not None and change & _WATCH:
            self.say(
                "The docket changed since this preview: Apply checks it first, or Preview "
                "again to see the proposal as it is now."
            )

    def open(self) -> None:
        """Show the panel (the window's "Schedule automatically…" action)."""
        self.show()
        self.raise_()
        self.preview_button.setFocus()
        self._update_buttons()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing cancels what runs and takes the ghosts off: nothing is left behind."""
        self._stop_and_forget()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the worker and wait for it (the window is closing)."""
        self._stop_and_forget()
        if self.task is not None:
            self.task.wait()
