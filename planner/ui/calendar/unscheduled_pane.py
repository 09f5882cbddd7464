"""The pending cases with no hearing set, beside the calendar: search one, drag it onto a day."""

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.vocabulary import CaseStatus
from planner.store.listing import DocketFilter, SortKey
from planner.ui.common.workspace import Workspace
from planner.ui.docket.docket_model import COLUMNS, DocketTableModel

#: The docket's columns this narrow list keeps (the name's tooltip says the rest).
SHOWN = (SortKey.A_NUMBER, SortKey.NAME, SortKey.KIND)
SEARCH_DELAY_MS = 250


def unscheduled_filter(text: str = "") -> DocketFilter:
    return DocketFilter(text=text, status=CaseStatus.PENDING, has_hearing=False)


class UnscheduledPane(QWidget):
    """Pending cases without a hearing from now on, oldest first, searchable; each row is a drag
    source (the docket's MIME type) for the calendar."""

    case_activated = Signal(int)  # a double-clicked case's id

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocketTableModel(workspace, parent=self)
        self.model.set_filter(unscheduled_filter())
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search A-number or name")
        self.search_edit.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._apply_search)
        self.search_edit.textChanged.connect(self._debounce.start)
        self.search_edit.returnPressed.connect(self._apply_search)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        hint = QLabel(
            "Drag a case onto a free slot to set its next hearing: a master hearing first, then "
            "a merits hearing as long as the case's estimate (bond, fear review and motion "
            "cases: their own kind)."
        )
        hint.setWordWrap(True)
        # Muted, but 4.5:1 or better in every theme (the PlaceholderText role: ui/common/colours.py),
        # and it follows a theme change (a style sheet's colour would not).
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint = hint

        table = self.table = QTableView()
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
        header.setSectionResizeMode(
            [c.key for c in COLUMNS].index(SortKey.NAME), QHeaderView.ResizeMode.Stretch
        )
        table.doubleClicked.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.count_label)
        layout.addWidget(table, 1)
        layout.addWidget(hint)
        self.model.counted.connect(self._show_count)
        self._show_count(self.model.rowCount(), self.model.total)

    def _apply_search(self) -> None:
        self._debounce.stop()
        self.model.set_filter(unscheduled_filter(self.search_edit.text()))
        self._show_count(self.model.rowCount(), self.model.total)

    def _show_count(self, shown: int, _total: int) -> None:
        noun = "case" if shown == 1 else "cases"
        searching = " matching" if self.search_edit.text().strip() else ""
        self.count_label.setText(f"{shown:,}{searching} pending {noun} with no hearing set")

    def _activated(self, index: QModelIndex) -> None:
        case_id = self.model.case_id(index.row())
        if case_id is not None:
            self.case_activated.emit(case_id)
