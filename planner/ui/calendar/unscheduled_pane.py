"""The pending cases with no hearing set, beside the calendar: whether each is detained, its
language and its asylum deadline; search and filter them, drag one onto a day."""

from PySide6.QtCore import QMargins, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.vocabulary import CaseStatus
from planner.services import docket as docket_service
from planner.services.changes import Change
from planner.store.listing import DocketFilter, SortKey
from planner.ui.common.workspace import Workspace
from planner.ui.docket import schedule_actions
from planner.ui.docket.case_actions import RunDialog, run_modal
from planner.ui.docket.docket_model import COLUMNS, DocketTableModel

#: The docket's columns this narrow list keeps: what decides where a hearing may go (a detained
#: session, an interpreter's language) and how soon (the asylum clock).
SHOWN = (
    SortKey.A_NUMBER,
    SortKey.NAME,
    SortKey.KIND,
    SortKey.DETAINED,
    SortKey.LANGUAGE,
    SortKey.DEADLINE,
)
#: Left to right as the list shows them: what decides a drop before the name.
VISUAL_ORDER = (
    SortKey.A_NUMBER,
    SortKey.DETAINED,
    SortKey.LANGUAGE,
    SortKey.DEADLINE,
    SortKey.NAME,
    SortKey.KIND,
)
SEARCH_DELAY_MS = 250
ANY_LANGUAGE = "Any language"
#: Shorter than this (a short screen with the quota panel unfolded), the hint takes one line.
SHORT_PANE = 330


def unscheduled_filter(
    text: str = "",
    *,
    detained: bool | None = None,
    language: str | None = None,
    deadline_within_days: int | None = None,
) -> DocketFilter:
    return DocketFilter(
        text=text,
        status=CaseStatus.PENDING,
        has_hearing=False,
        detained=detained,
        language=language,
        deadline_within_days=deadline_within_days,
    )


class UnscheduledPane(QWidget):
    """Pending cases without a hearing from now on, oldest first, searchable; each row is a drag
    source (the docket's MIME type) for the calendar."""

    case_activated = Signal(int)  # a double-clicked case's id

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        run_dialog: RunDialog = run_modal,
    ) -> None:
        super().__init__(parent)
        self.run_dialog = run_dialog  # Schedule...'s dialog: tests pass one that types
        self.model = DocketTableModel(workspace, parent=self)
        self.model.set_filter(unscheduled_filter())
        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName("Search the unscheduled cases")
        self.search_edit.setPlaceholderText("Search A-number or name")
        self.search_edit.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._apply_search)
        self.search_edit.textChanged.connect(self._debounce.start)
        self.search_edit.returnPressed.connect(self._apply_search)
        self.detained_check = QCheckBox("Detained only")
        self.detained_check.setToolTip("Only the cases of detained respondents")
        self.language_combo = QComboBox()
        self.language_combo.setToolTip("Only the cases heard through this language")
        self.deadline_spin = QSpinBox()
        self.deadline_spin.setAccessibleName("Asylum deadline within (days)")
        self.deadline_spin.setRange(0, 999)
        self.deadline_spin.setSingleStep(30)
        self.deadline_spin.setSpecialValueText("Any deadline")
        self.deadline_spin.setPrefix("Deadline within ")
        self.deadline_spin.setSuffix(" days")
        self.deadline_spin.setToolTip(
            "Only the cases whose 180-day asylum clock ends within this many days (or has ended)"
        )
        self._workspace = workspace
        self._fill_languages()
        self.detained_check.toggled.connect(self._apply_search)
        self.language_combo.currentIndexChanged.connect(self._apply_search)
        self.deadline_spin.valueChanged.connect(self._apply_search)
        workspace.changed.connect(self._on_changed)
        workspace.judge_switched.connect(lambda _judge: self._fill_languages())
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        hint = QLabel(
            "Drag a case onto a free slot, or press Enter on it, to set its next hearing: a master "
            "hearing first, then "
            "a merits hearing as long as the case's estimate (bond, fear review and motion "
            "cases: their own kind)."
        )
        hint.setWordWrap(True)
        # Muted, but 4.5:1 or better in every theme (the PlaceholderText role: ui/common/colours.py),
        # and it follows a theme change (a style sheet's colour would not).
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        hint.setToolTip(hint.text())
        hint.setAccessibleName(hint.text())
        self.hint = hint
        self._hint_text = hint.text()

        table = self.table = QTableView()
        table.setAccessibleName("Unscheduled cases")
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setAccessibleDescription(
            "Pending cases with no hearing set: drag one to the calendar"
        )
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setDragEnabled(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.setDefaultDropAction(Qt.DropAction.CopyAction)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setSortingEnabled(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        for section, column in enumerate(COLUMNS):
            table.setColumnHidden(section, column.key not in SHOWN)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        keys = [c.key for c in COLUMNS]
        for visual, key in enumerate(VISUAL_ORDER):  # the short facts first, in a narrow pane
            header.moveSection(header.visualIndex(keys.index(key)), visual)
        name = keys.index(SortKey.NAME)
        header.setSectionResizeMode(name, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(name, table.fontMetrics().horizontalAdvance("M" * 12))
        header.setStretchLastSection(True)
        table.doubleClicked.connect(self._activated)
        self.schedule_action = QAction("&Schedule…", table)
        self.schedule_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.schedule_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.schedule_action.setStatusTip(
            "Set the selected case's next hearing in one of the next free places of its kind"
        )
        self.schedule_action.triggered.connect(self.schedule_current)
        # Greyed on a docket the login may not change (a court server's roles).
        self.schedule_action.setEnabled(self._workspace.access.may_change)
        self._workspace.access_changed.connect(
            lambda access: self.schedule_action.setEnabled(access.may_change)
        )
        open_action = QAction("&Open Case…", table)
        open_action.triggered.connect(lambda: self._activated(table.currentIndex()))
        table.addActions([self.schedule_action, open_action])
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.search_edit)
        filters = QHBoxLayout()
        filters.addWidget(self.detained_check)
        filters.addWidget(self.language_combo, 1)
        layout.addLayout(filters)
        layout.addWidget(self.deadline_spin)
        layout.addWidget(self.count_label)
        layout.addWidget(table, 1)
        layout.addWidget(hint)
        self.model.counted.connect(self._show_count)
        self._show_count(self.model.rowCount(), self.model.total)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a short pane the hint is one line, elided (its tooltip and accessible name say it
        whole), so that the list keeps its rows and the hint is not cut mid-line."""
        super().resizeEvent(event)
        whole = self._hint_text
        short = self.height() < SHORT_PANE
        if short:
            layout = self.layout()
            margins = layout.contentsMargins() if layout is not None else QMargins()
            width = max(0, self.width() - margins.left() - margins.right())
            text = self.hint.fontMetrics().elidedText(whole, Qt.TextElideMode.ElideRight, width)
        else:
            text = whole
        if text != self.hint.text():
            self.hint.setWordWrap(not short)
            self.hint.setText(text)
            self.hint.setAccessibleName(whole)

    def _filter(self) -> DocketFilter:
        language = self.language_combo.currentText()
        return unscheduled_filter(
            self.search_edit.text(),
            detained=True if self.detained_check.isChecked() else None,
            language=None if self.language_combo.currentIndex() <= 0 else language,
            deadline_within_days=self.deadline_spin.value() or None,
        )

    def _apply_search(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self._filter())
        self._show_count(self.model.rowCount(), self.model.total)

    def _on_changed(self, change: Change) -> None:
        if change & (Change.CASES | Change.PROFILE):
            self._fill_languages()

    def _fill_languages(self) -> None:
        """The docket's languages, keeping the one chosen while it is still there."""
        judge = self._workspace.judge
        languages = (
            []
            if judge is None or judge.id is None
            else docket_service.docket_languages(self._workspace.database, judge.id)
        )
        chosen = self.language_combo.currentText()
        self.language_combo.blockSignals(True)
        self.language_combo.clear()
        self.language_combo.addItems([ANY_LANGUAGE, *languages])
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findText(chosen)))
        self.language_combo.blockSignals(False)
        if self.language_combo.currentText() != chosen and chosen:
            self._apply_search()  # the language chosen left the docket: any language again

    def _show_count(self, shown: int, _total: int) -> None:
        noun = "case" if shown == 1 else "cases"
        where = self._filter()
        filtered = where.text.strip() or where.detained or where.language
        searching = " matching" if filtered or where.deadline_within_days else ""
        self.count_label.setText(f"{shown:,}{searching} pending {noun} with no hearing set")

    def current_case_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.case_id(index.row()) if index.isValid() else None

    def schedule_current(self) -> None:
        """Schedule... the selected case (Enter, or the context menu)."""
        case_id = self.current_case_id()
        if case_id is not None:
            schedule_actions.schedule_case(self._workspace, case_id, self, run=self.run_dialog)

    def _activated(self, index: QModelIndex) -> None:
        case_id = self.model.case_id(index.row())
        if case_id is not None:
            self.case_activated.emit(case_id)
