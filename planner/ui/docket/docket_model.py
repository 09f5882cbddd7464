"""The docket table's model: the matching case ids from SQL, rows fetched a page at a time."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush

from planner.domain.anumber import format_a_number
from planner.domain.judge import Judge
from planner.domain.plural import counted
from planner.domain.vocabulary import CaseStatus
from planner.services import docket as docket_service
from planner.services.changes import Change
from planner.store.listing import DocketFilter, DocketRow, SortKey
from planner.ui.common.theme import late_text_colour
from planner.ui.common.workspace import Workspace
from planner.ui.docket.case_mime import CASE_MIME, case_mime

Index = QModelIndex | QPersistentModelIndex

#: Qt.ItemDataRole.UserRole: the case id of a row.
ID_ROLE = Qt.ItemDataRole.UserRole
#: Changes that can alter what the docket table shows.
DOCKET_CHANGES = Change.CASES | Change.HEARINGS | Change.PROFILE
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    key: SortKey
    tip: str
    align: Qt.AlignmentFlag = _LEFT
    sample: str = ""  # the widest usual text, for the view's column width


COLUMNS: tuple[Column, ...] = (
    Column("A-number", SortKey.A_NUMBER, "Alien registration number", sample="A000-000-0000"),
    Column("Name", SortKey.NAME, "The respondent's name", sample="Maria Garcia Lopez"),
    Column("Case kind", SortKey.KIND, "The kind of proceedings", sample="cancellation"),
    Column("Detained", SortKey.DETAINED, "Whether the respondent is detained", _CENTER, "Detained"),
    Column("Language", SortKey.LANGUAGE, "The interpreter's language", sample="Haitian Creole"),
    Column("Represented", SortKey.REPRESENTED, "Whether counsel appeared", _CENTER, "Represented"),
    Column(
        "Received", SortKey.RECEIVED, "The day the court received the case", sample="0000-00-00"
    ),
    Column("Age (days)", SortKey.AGE, "Days since the case was received", _RIGHT, "Age (days)"),
    Column(
        "Next hearing",
        SortKey.NEXT_HEARING,
        "The next scheduled hearing",
        sample="0000-00-00 00:00",
    ),
    Column(
        "Remaining (min)",
        SortKey.REMAINING,
        "Bench minutes still needed: the judge's override, or the case kind's default",
        _RIGHT,
        "Remaining (min)",
    ),
    Column(
        "Deadline",
        SortKey.DEADLINE,
        "The end of the 180-day asylum clock, when an application has been filed",
        sample="0000-00-00",
    ),
    Column(
        "To target",
        SortKey.TARGET,
        "Days left until the nearest age target of the rule set in force ends (detained 60 "
        "days, non-detained 365 ...), in days; below zero: past it",
        _RIGHT,
        "To target",
    ),
    Column(
        "Adj.",
        SortKey.ADJOURNED,
        "Continuances: how many of the case's hearings were adjourned",
        _RIGHT,
        "Adj.",
    ),
    Column("Status", SortKey.STATUS, "Pending or completed", sample="completed"),
)


def _yes(flag: bool) -> str:
    return "Yes" if flag else "No"


def kind_label(kind: str) -> str:
    """A case kind as people say it: ``asylum_only`` is "asylum only"."""
    return kind.replace("_", " ")


class DocketTableModel(QAbstractTableModel):
    """The judge's cases that match a filter, sorted in SQL.

    It holds only the ids; rows come from the store ``PAGE_SIZE`` at a time when the view first
    asks for one, and are cached until something changes the docket.
    """

    PAGE_SIZE = 200
    #: Emitted after the ids were queried again: (shown, total cases on the docket).
    counted = Signal(int, int)

    def __init__(
        self,
        workspace: Workspace,
        *,
        fetch_rows: Callable[..., list[DocketRow]] = docket_service.case_rows,
        follow_judge: bool = True,
        parent: QObject | None = None,
    ) -> None:
        """``follow_judge``: query the new judge's docket, through the same filter, when the
        window switches judge; a view whose filter depends on the judge (the rule set in force)
        calls ``show_judge`` instead, so that the docket is queried once."""
        super().__init__(parent)
        self._workspace = workspace
        self._fetch_rows = fetch_rows
        self._where = DocketFilter()
        self._sort = SortKey.RECEIVED
        self._descending = False
        self._ids: list[int] = []
        self._pages: dict[int, list[DocketRow]] = {}
        self._total = 0
        self._now = workspace.clock()
        workspace.changed.connect(self._on_changed)
        if follow_judge:
            workspace.judge_switched.connect(self._on_judge_switched)
        self._requery(reset=True)

    # What is shown ------------------------------------------------------------------------------

    @property
    def judge(self) -> Judge | None:
        return self._workspace.judge

    @property
    def where(self) -> DocketFilter:
        return self._where

    @property
    def total(self) -> int:
        """How many cases the judge's docket holds, whatever the filter."""
        return self._total

    @property
    def cached_pages(self) -> frozenset[int]:
        """The pages of rows fetched so far (for tests and diagnostics)."""
        return frozenset(self._pages)

    def set_filter(self, where: DocketFilter) -> None:
        if where != self._where:
            self._where = where
            self._requery(reset=True, recount=False)

    def show_judge(self, where: DocketFilter) -> None:
        """The judge on show changed: their docket through ``where``, counted anew."""
        self._where = where
        self._requery(reset=True)

    def refresh(self) -> None:
        """Query the ids again and drop the cached rows, keeping what can be kept."""
        self._requery(reset=False)

    def case_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: int) -> int | None:
        try:
            return self._ids.index(case_id)
        except ValueError:
            return None

    def row_at(self, row: int) -> DocketRow | None:
        """The record behind a row, fetching its page if needed."""
        if not 0 <= row < len(self._ids):
            return None
        page = row // self.PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            ids = self._ids[page * self.PAGE_SIZE : (page + 1) * self.PAGE_SIZE]
            rows = self._fetch_rows(self._workspace.database, ids, self._now)
            self._pages[page] = rows
        offset = row % self.PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    # QAbstractTableModel ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [CASE_MIME, "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """A dragged row: its case id, for the calendar to set its next hearing."""
        row = next((index.row() for index in indexes if index.isValid()), -1)
        case_id, record = self.case_id(row), self.row_at(row)
        if case_id is None or record is None:
            return QMimeData()
        return case_mime(case_id, f"{format_a_number(record.a_number)} {record.name}")

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.column() < len(COLUMNS):
            return None
        if role == ID_ROLE:
            return self.case_id(index.row())
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column.key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, column.key)
        return self._foreground(row, column.key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key, descending = COLUMNS[column].key, order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = key, descending
        self._requery(reset=False, recount=False)

    # The texts ----------------------------------------------------------------------------------

    @property
    def now(self) -> datetime:
        """The moment the rows are read at (the workspace's clock when the model was made)."""
        return self._now

    @property
    def today(self) -> date:
        return self._now.date()

    def _text(self, row: DocketRow, key: SortKey) -> str:
        match key:
            case SortKey.A_NUMBER:
                return format_a_number(row.a_number)
            case SortKey.NAME:
                return row.name
            case SortKey.KIND:
                return kind_label(row.kind)
            case SortKey.DETAINED:
                return _yes(row.detained)
            case SortKey.LANGUAGE:
                return row.language
            case SortKey.REPRESENTED:
                return _yes(row.represented)
            case SortKey.RECEIVED:
                return row.received.isoformat()
            case SortKey.AGE:
                return f"{row.age_days(self.today):,}"
            case SortKey.NEXT_HEARING:
                return f"{row.next_hearing:%Y-%m-%d %H:%M}" if row.next_hearing else ""
            case SortKey.REMAINING:
                return f"{row.remaining_minutes:,}"
            case SortKey.DEADLINE:
                return row.deadline.isoformat() if row.deadline else ""
            case SortKey.TARGET:
                left = self._days_to_target(row)
                return "" if left is None else f"{left:,}"
            case SortKey.ADJOURNED:
                return str(row.adjournments) if row.adjournments else ""
            case SortKey.STATUS:
                return row.status.value
        return ""

    def _tip(self, row: DocketRow, key: SortKey) -> str:
        who = f"{format_a_number(row.a_number)} {row.name}"
        match key:
            case SortKey.NAME:
                flags = [
                    word
                    for word, on in (("detained", row.detained), ("juvenile", row.juvenile))
                    if on
                ]
                return f"{who} ({', '.join(flags)})" if flags else who
            case SortKey.DEADLINE if row.deadline is not None:
                left = (row.deadline - self.today).days
                when = f"in {counted(left, 'day')}" if left >= 0 else f"{counted(-left, 'day')} ago"
                return (
                    f"Asylum application filed {row.asylum_filed:%Y-%m-%d}; "
                    f"the 180-day clock ends {row.deadline:%Y-%m-%d} ({when})"
                )
            case SortKey.TARGET if (end := row.target_end(self._where.rules)) is not None:
                left = (end - self.today).days
                when = f"in {counted(left, 'day')}" if left >= 0 else f"{counted(-left, 'day')} ago"
                miss = self._where.will_miss is not None and row.id in self._where.will_miss
                return f"{who}: the nearest age target ends {end:%Y-%m-%d} ({when})" + (
                    "; projected to miss it" if miss else ""
                )
            case SortKey.NEXT_HEARING if row.next_hearing is None:
                return f"{who}: no hearing scheduled"
            case SortKey.ADJOURNED:
                times = "once" if row.adjournments == 1 else f"{row.adjournments} times"
                return (
                    f"{who}: adjourned {times}" if row.adjournments else f"{who}: never adjourned"
                )
            case SortKey.AGE:
                age = counted(row.age_days(self.today), "day")
                return f"Received {row.received:%Y-%m-%d}, {age} ago"
        return f"{who}: {self._text(row, key)}"

    def _days_to_target(self, row: DocketRow) -> int | None:
        """Days from today to the last day within the case's nearest age target (pending cases
        only)."""
        end = row.target_end(self._where.rules)
        if end is None or row.status is not CaseStatus.PENDING:
            return None
        return (end - self.today).days

    def _foreground(self, row: DocketRow, key: SortKey) -> QBrush | None:
        if key is SortKey.TARGET:
            left = self._days_to_target(row)
            return QBrush(late_text_colour()) if left is not None and left < 0 else None
        late = (
            key is SortKey.DEADLINE
            and row.status is CaseStatus.PENDING
            and row.deadline is not None
            and row.deadline < self.today
        )
        return QBrush(late_text_colour()) if late else None

    # Keeping up with the database ----------------------------------------------------------------

    def _on_changed(self, change: Change) -> None:
        if change & DOCKET_CHANGES:
            self._requery(reset=False)

    def _on_judge_switched(self, _judge: Judge | None) -> None:
        self._requery(reset=True)

    def _query_ids(self, where: DocketFilter) -> list[int]:
        judge = self._workspace.judge
        if judge is None or judge.id is None:
            return []
        return docket_service.find_cases(
            self._workspace.database, judge.id, where, self._sort, self._descending, self._now
        )

    def _count(self, where: DocketFilter) -> int:
        judge = self._workspace.judge
        if judge is None or judge.id is None:
            return 0
        return docket_service.count_cases(self._workspace.database, judge.id, where, self._now)

    def _requery(self, *, reset: bool, recount: bool = True) -> None:
        """Fetch the ids again. Same rows in a new order is a layout change that keeps the
        selection; other differences reset the model; the same ids only mark the rows stale."""
        self._now = self._workspace.clock()
        ids = self._query_ids(self._where)
        if recount:
            everything = DocketFilter(status=None)
            self._total = len(ids) if self._where == everything else self._count(everything)
        if reset or set(ids) != set(self._ids):
            self.beginResetModel()
            self._ids, self._pages = ids, {}
            self.endResetModel()
        elif ids != self._ids:
            self._relayout(ids)
        else:
            self._pages = {}
            if ids:
                last = self.index(len(ids) - 1, len(COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
        self.counted.emit(len(self._ids), self._total)

    def _relayout(self, ids: list[int]) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        moved = [self._ids[index.row()] for index in old]
        self._ids, self._pages = ids, {}
        rows = {case_id: row for row, case_id in enumerate(ids)}
        self.changePersistentIndexList(
            old,
            [
                self.index(rows[case_id], index.column())
                for case_id, index in zip(moved, old, strict=True)
            ],
        )
        self.layoutChanged.emit()
