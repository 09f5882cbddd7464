"""The docket screen: search, filters and the table of cases, with the case actions."""

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.case_states import move_refusal
from planner.domain.judge import Judge
from planner.domain.rules import RuleSet
from planner.domain.vocabulary import CaseStatus
from planner.services import docket as docket_service
from planner.services.changes import Change
from planner.store.listing import DocketFilter, SortKey
from planner.ui.common.flow_layout import FlowLayout, flow_policy
from planner.ui.common.workspace import Workspace
from planner.ui.docket import case_actions
from planner.ui.docket.case_actions import Confirm, RunDialog
from planner.ui.docket.docket_model import COLUMNS, DocketTableModel, kind_label

SEARCH_DELAY_MS = 250
#: The keys of administrative closure, the status docket and recalendaring (the docket's focus).
CLOSE_KEY = "Ctrl+Shift+L"
STATUS_DOCKET_KEY = "Ctrl+Shift+T"
RECALENDAR_KEY = "Ctrl+Shift+R"
#: The state each of ``DocketView.state_actions`` moves a case to, in their order.
_MOVES = (CaseStatus.ADMIN_CLOSED, CaseStatus.STATUS_DOCKET, CaseStatus.PENDING)
Choice = tuple[str, object]

_STATUS: list[Choice] = [
    ("Pending", CaseStatus.PENDING),
    ("Completed", CaseStatus.COMPLETED),
    ("Administratively closed", CaseStatus.ADMIN_CLOSED),
    ("Status docket", CaseStatus.STATUS_DOCKET),
    ("Any status", None),
]
_FLAGS: dict[str, list[Choice]] = {
    "detained": [("Detained: any", None), ("Detained", True), ("Not detained", False)],
    "juvenile": [("Juvenile: any", None), ("Juvenile", True), ("Adult", False)],
    "represented": [("Counsel: any", None), ("Represented", True), ("Unrepresented", False)],
    "has_hearing": [("Hearing: any", None), ("Hearing set", True), ("No hearing set", False)],
}
_DEADLINE: list[Choice] = [
    ("Asylum clock: any", None),
    ("Clock ends in 30 days", 30),
    ("Clock ends in 60 days", 60),
    ("Clock ends in 90 days", 90),
    ("Clock run out", 0),
]
_TARGET: list[Choice] = [
    ("Age targets: any", None),
    ("Will miss its target", True),
]


def _combo(choices: Sequence[Choice], tip: str) -> QComboBox:
    combo = QComboBox()
    combo.setToolTip(tip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    for text, value in choices:
        combo.addItem(text, value)
    return combo


def _refill(combo: QComboBox, first: str, values: Sequence[tuple[str, str]]) -> None:
    """Replace a combo's choices, keeping the chosen value when it is still there."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(first, None)
    for text, value in values:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
    combo.blockSignals(False)


class DocketView(QWidget):
    """The judge's docket. Its QActions (``new_case_action``, ``edit_case_action``,
    ``complete_case_action``, ``delete_case_action``) can go in the window's menus too."""

    current_case_changed = Signal(object)  # int | None: the id of the selected case
    import_requested = Signal()  # the empty docket's "import a cases spreadsheet" link

    def __init__(
        self,
        workspace: Workspace,
        *,
        run_dialog: RunDialog = case_actions.run_modal,
        confirm: Confirm = case_actions.ask,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace, self._run, self._confirm = workspace, run_dialog, confirm
        self._keep: int | None = None
        self._missing: frozenset[int] | None = None  # the projection's, while it holds
        self.model = DocketTableModel(workspace, follow_judge=False, parent=self)
        self._build_filters()
        self._build_table()
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._top)
        layout.addWidget(self.filters_box)
        layout.addWidget(self.stack, 1)
        self.model.counted.connect(self._show_count)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.layoutChanged.connect(self._update_actions)
        workspace.judge_switched.connect(self._on_judge_switched)
        workspace.changed.connect(self._on_changed)
        workspace.access_changed.connect(self._update_actions)
        self._on_judge_switched(workspace.judge)

    # Building -----------------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName("Search the docket")
        self.search_edit.setPlaceholderText("Search by A-number (any spelling) or name")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(420)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._apply_filter)
        self.search_edit.textChanged.connect(self._debounce.start)
        self.search_edit.returnPressed.connect(self._apply_filter)
        self.count_label = QLabel()
        self._top = QHBoxLayout()
        self._top.addWidget(self.search_edit, 1)
        self._top.addWidget(self.count_label)
        self._top.addStretch(1)

        self.status_combo = _combo(
            _STATUS,
            "Which cases: pending (the active docket), completed, administratively closed, on the "
            "status docket, or all",
        )
        self.kind_combo = _combo([("All kinds", None)], "Only cases of this kind")
        self.flag_combos = {
            name: _combo(choices, f"Filter by {name.replace('_', ' ')}")
            for name, choices in _FLAGS.items()
        }
        self.language_combo = _combo([("All languages", None)], "Only cases in this language")
        self.deadline_combo = _combo(_DEADLINE, "Asylum applications whose 180-day clock ends soon")
        self.target_combo = _combo(
            _TARGET,
            "Cases the age targets' projection says will miss their target this fiscal year, on "
            "the calendar as it stands",
        )
        self.reset_button = QToolButton()
        self.reset_button.setText("Reset filters")
        self.reset_button.clicked.connect(self.reset_filters)
        # The filters wrap onto a second row on a narrow window (or at a large scale), never cut.
        self.filters_box = QWidget()
        self.filters_box.setSizePolicy(flow_policy())
        self._filters = FlowLayout(self.filters_box)
        combos = [
            self.status_combo,
            self.kind_combo,
            self.flag_combos["detained"],
            self.flag_combos["juvenile"],
            self.language_combo,
            self.flag_combos["represented"],
            self.flag_combos["has_hearing"],
            self.deadline_combo,
            self.target_combo,
        ]
        for combo in combos:
            self._filters.addWidget(combo)
            combo.currentIndexChanged.connect(self._apply_filter)
        self._filters.addWidget(self.reset_button)

    def _build_table(self) -> None:
        table = self.table = QTableView()
        table.setAccessibleName("Docket")
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setAccessibleDescription("The judge's cases, one a row: Enter opens one")
        table.setModel(self.model)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setDragEnabled(True)  # a case dragged onto the calendar gets its next hearing
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.setDefaultDropAction(Qt.DropAction.CopyAction)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicator(
            COLUMNS.index(_column(SortKey.RECEIVED)), Qt.SortOrder.AscendingOrder
        )
        table.setSortingEnabled(True)
        metrics, pad = table.fontMetrics(), 28
        for section, column in enumerate(COLUMNS):
            wide = max(
                metrics.horizontalAdvance(column.title) + pad,
                metrics.horizontalAdvance(column.sample) + 14,
            )
            header.resizeSection(section, wide)
        header.setStretchLastSection(True)
        # Through the action: greyed (a docket the login may not change), it does nothing.
        table.doubleClicked.connect(lambda _index: self.edit_case_action.trigger())
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); font-size: 12pt;")
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.empty_label.linkActivated.connect(lambda _link: self.import_requested.emit())
        self.stack = QStackedWidget()
        self.stack.addWidget(table)
        self.stack.addWidget(self.empty_label)

    def _build_actions(self) -> None:
        def action(text: str, tip: str, keys: Sequence[QKeySequence], slot: object) -> QAction:
            made = QAction(text, self)
            made.setStatusTip(tip)
            made.setShortcuts(list(keys))
            made.triggered.connect(slot)
            return made

        self.new_case_action = action(
            "&New Case…",
            "Add a case to the docket",
            [QKeySequence("Ctrl+Shift+N"), QKeySequence(Qt.Key.Key_Insert)],
            self.new_case,
        )
        self.schedule_action = action(
            "&Schedule…",
            "Set the selected case's next hearing in one of the next free places of its kind",
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)],
            self.schedule_case,
        )
        self.edit_case_action = action(
            "&Edit Case…",
            "Edit the selected case (or double-click it)",
            [QKeySequence(Qt.Key.Key_F2)],
            self.edit_case,
        )
        self.complete_case_action = action(
            "&Complete Case…",
            "Record how and when the selected case was completed",
            [],
            self.complete_case,
        )
        self.delete_case_action = action(
            "&Delete Case…",
            "Delete the selected case and its hearings",
            [QKeySequence(QKeySequence.StandardKey.Delete)],
            self.delete_case,
        )
        self.close_case_action = action(
            "Administratively C&lose",
            "Take the selected case off the active docket: administratively closed (not a "
            "completion; its hearings still to come are taken off the calendar)",
            [QKeySequence(CLOSE_KEY)],
            lambda: self.move_case(CaseStatus.ADMIN_CLOSED),
        )
        self.status_docket_action = action(
            "Put on S&tatus Docket",
            "Take the selected case off the active docket while something outside the court is "
            "awaited (not a completion; its hearings still to come are taken off the calendar)",
            [QKeySequence(STATUS_DOCKET_KEY)],
            lambda: self.move_case(CaseStatus.STATUS_DOCKET),
        )
        self.recalendar_action = action(
            "&Recalendar",
            "Bring the selected administratively closed or status-docket case back to the "
            "active docket",
            [QKeySequence(RECALENDAR_KEY)],
            lambda: self.move_case(CaseStatus.PENDING),
        )
        self.new_case_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        for made in (
            self.schedule_action,
            self.edit_case_action,
            self.delete_case_action,
            *self.state_actions(),
        ):
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        separator, states = QAction(self), QAction(self)
        separator.setSeparator(True)
        states.setSeparator(True)
        self.table.addActions(
            [
                self.schedule_action,
                self.edit_case_action,
                self.complete_case_action,
                self.delete_case_action,
                states,
                *self.state_actions(),
                separator,
                self.new_case_action,
            ]
        )
        self.addAction(self.new_case_action)

    def case_actions(self) -> list[QAction]:
        """New, edit, complete and delete, for the window's menu and toolbar."""
        return [
            self.new_case_action,
            self.edit_case_action,
            self.complete_case_action,
            self.delete_case_action,
        ]

    def state_actions(self) -> list[QAction]:
        """Administratively close, put on the status docket and recalendar, for the window's
        menu (the docket's context menu has them too)."""
        return [self.close_case_action, self.status_docket_action, self.recalendar_action]

    # Filtering ----------------------------------------------------------------------------------

    def current_filter(self) -> DocketFilter:
        flags = {name: combo.currentData() for name, combo in self.flag_combos.items()}
        status = self.status_combo.currentData()  # Qt hands a StrEnum back as a plain str
        return DocketFilter(
            text=self.search_edit.text(),
            status=CaseStatus(status) if status else None,
            kind=self.kind_combo.currentData(),
            language=self.language_combo.currentData(),
            deadline_within_days=self.deadline_combo.currentData(),
            rules=self._rules(),
            will_miss=self._will_miss() if self.target_combo.currentData() else None,
            **flags,
        )

    def _rules(self) -> RuleSet | None:
        judge = self._workspace.judge
        return None if judge is None else docket_service.rules_in_force(judge, self.model.now)

    def _will_miss(self) -> frozenset[int]:
        """The cases that will miss an age target: projected once (about half a second for
        2,000 cases), kept until the docket changes."""
        judge = self._workspace.judge
        if judge is None or judge.id is None:
            return frozenset()
        if self._missing is None:
            self._missing = docket_service.cases_missing_targets(
                self._workspace.database, judge.id, self.model.now
            )
        return self._missing

    def _apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())
        self._update_empty_state()

    def reset_filters(self) -> None:
        for combo in (
            self.status_combo,
            self.kind_combo,
            self.language_combo,
            self.deadline_combo,
            self.target_combo,
            *self.flag_combos.values(),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._apply_filter()

    def _refill_choices(self) -> None:
        judge = self._workspace.judge
        kinds = list(judge.case_minutes) if judge else []
        _refill(self.kind_combo, "All kinds", [(kind_label(kind), kind) for kind in kinds])
        languages = (
            docket_service.docket_languages(self._workspace.database, judge.id)
            if judge and judge.id is not None
            else []
        )
        _refill(self.language_combo, "All languages", [(name, name) for name in languages])

    # Keeping up ---------------------------------------------------------------------------------

    def _on_judge_switched(self, judge: Judge | None) -> None:
        self._missing = None
        self._refill_choices()
        self.search_edit.setEnabled(judge is not None)
        self._debounce.stop()
        self.model.show_judge(self.current_filter())  # the filter's rule set is the judge's
        self._update_empty_state()
        self._show_count(self.model.rowCount(), self.model.total)

    def _on_changed(self, change: Change) -> None:
        self._missing = None
        if change & (Change.CASES | Change.PROFILE):
            self._refill_choices()
            self._apply_filter()
        elif self.target_combo.currentData():
            self._apply_filter()  # the hearings moved: the projection again
        self._update_empty_state()

    def _show_count(self, shown: int, total: int) -> None:
        noun = "case" if total == 1 else "cases"
        self.count_label.setText(f"{shown:,} of {total:,} {noun}" if self._workspace.judge else "")
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        if self._workspace.judge is None:
            text = "No judge is open.<br>Choose a judge, or add one, to see a docket."
        elif self.model.total == 0:
            text = (
                "This docket has no cases yet.<br>Add one with New case (Ctrl+Shift+N) or "
                '<a href="import">import a cases spreadsheet</a> (File &gt; Import…).'
            )
        elif self.model.rowCount() == 0:
            text = "No cases match the search and filters.<br>Change them, or press Reset filters."
        else:
            text = ""
        self.empty_label.setText(text)
        self.stack.setCurrentIndex(1 if text else 0)
        self._update_actions()

    # Selection ----------------------------------------------------------------------------------

    def current_case_id(self) -> int | None:
        index = self.table.currentIndex()
        selected = self.table.selectionModel().isRowSelected(index.row(), QModelIndex())
        return self.model.case_id(index.row()) if index.isValid() and selected else None

    def select_case(self, case_id: int | None) -> bool:
        row = self.model.row_of(case_id) if case_id is not None else None
        if row is None:
            return False
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def _remember_selection(self) -> None:
        self._keep = self.current_case_id()

    def _restore_selection(self) -> None:
        self.select_case(self._keep)
        self._update_actions()

    def _on_selection_changed(self, *_ranges: object) -> None:
        self._update_actions()
        self.current_case_changed.emit(self.current_case_id())

    def _update_actions(self) -> None:
        case_id = self.current_case_id()
        row = self.model.row_at(self.model.row_of(case_id)) if case_id is not None else None  # type: ignore[arg-type]
        # A docket the login may not change (a court server's roles): every edit greyed.
        access = self._workspace.access
        editable = access.may_change
        pending = row is not None and row.status is CaseStatus.PENDING
        self.new_case_action.setEnabled(editable and self._workspace.judge is not None)
        self.edit_case_action.setEnabled(editable and row is not None)
        self.delete_case_action.setEnabled(editable and row is not None)
        self.complete_case_action.setEnabled(editable and pending)
        self.schedule_action.setEnabled(editable and pending)
        for made, to in zip(self.state_actions(), _MOVES, strict=True):
            refusal = None if row is None else move_refusal(row.a_number, row.status, to)
            if refusal is None and row is not None and not editable:
                refusal = access.reason
            made.setEnabled(row is not None and refusal is None)
            why = "" if refusal is None else refusal[:1].upper() + refusal[1:]
            made.setToolTip(why or made.text().replace("&", ""))
            if why:
                made.setStatusTip(why)

    # Actions ------------------------------------------------------------------------------------

    def new_case(self) -> None:
        added = case_actions.new_case(self._workspace, self, run=self._run)
        if added is not None and not self.select_case(added.id):
            self.reset_filters()
            self.select_case(added.id)

    def edit_case(self) -> None:
        case_id = self.current_case_id()
        if case_id is not None:
            case_actions.edit_case(self._workspace, case_id, self, run=self._run)

    def schedule_case(self) -> None:
        case_id = self.current_case_id()
        if case_id is not None:
            # Imported on use: the free places' search is no part of the window's first paint.
            from planner.ui.docket import schedule_actions

            schedule_actions.schedule_case(self._workspace, case_id, self, run=self._run)

    def complete_case(self) -> None:
        case_id = self.current_case_id()
        if case_id is not None:
            case_actions.complete_case(self._workspace, case_id, self, run=self._run)

    def delete_case(self) -> None:
        case_id = self.current_case_id()
        if case_id is not None:
            case_actions.delete_case(self._workspace, case_id, self, confirm=self._confirm)

    def move_case(self, to: CaseStatus) -> bool:
        """Administratively close the selected case, put it on the status docket or recalendar
        it, as one undo step; refused in one line (the window shows it) where the domain
        forbids it."""
        case_id = self.current_case_id()
        if case_id is None:
            return False
        return case_actions.perform_move(self._workspace, case_id, to) is not None


def _column(key: SortKey) -> object:
    return next(column for column in COLUMNS if column.key is key)
