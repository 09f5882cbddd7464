"""Help > Keyboard Shortcuts: every key of the window, by where it works, and searchable.

The list is read from the window's actions themselves and from the calendar's table of keys
(calendar_view.CALENDAR_KEYS), never written out here, so that it cannot drift from the code.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.ui.calendar.calendar_view import CALENDAR_KEYS

EVERYWHERE = "Everywhere"
_GLOBAL = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


@dataclass(frozen=True)
class Shortcut:
    place: str  # where it works: Everywhere, Docket, Calendar
    keys: tuple[str, ...]  # each as the platform shows it
    does: str


def native(key: QKeySequence) -> str:
    return key.toString(QKeySequence.SequenceFormat.NativeText)


def calendar_shortcuts() -> list[Shortcut]:
    return [
        Shortcut("Calendar", tuple(native(QKeySequence(name)) for name in names), does)
        for names, does in CALENDAR_KEYS
    ]


def _place(action: QAction, places: Mapping[str, QWidget]) -> str:
    if action.shortcutContext() in _GLOBAL:
        return EVERYWHERE
    owner = action.parent()
    if isinstance(owner, QWidget):
        for place, widget in places.items():
            if owner is widget or widget.isAncestorOf(owner):
                return place
    return EVERYWHERE


def action_shortcuts(window: QWidget, places: Mapping[str, QWidget]) -> list[Shortcut]:
    """Every action of ``window`` (menus, toolbars, views) with a shortcut, placed by where its
    shortcut works: a window-wide one Everywhere, else the place (of ``places``) it belongs to."""
    shortcuts = []
    for action in window.findChildren(QAction):
        keys = tuple(native(key) for key in action.shortcuts() if not key.isEmpty())
        if keys and not action.isSeparator():
            # The menu's text, but an undo action's names what it would undo: its one word then.
            text = action.text() if ":" not in action.text() else action.iconText()
            does = text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
            shortcuts.append(Shortcut(_place(action, places), keys, does))
    return shortcuts


def gather(
    window: QWidget, places: Mapping[str, QWidget], first: Iterable[Shortcut] = ()
) -> list[Shortcut]:
    """The ``first`` shortcuts (a view's table of keys), then the window's actions, an action
    dropped if its keys are all listed already where it works (Ctrl+G, the calendar's Delete)."""
    shortcuts = list(first)
    for shortcut in action_shortcuts(window, places):
        listed = {key for s in shortcuts if s.place == shortcut.place for key in s.keys}
        if not set(shortcut.keys) <= listed:
            shortcuts.append(shortcut)
    return shortcuts


class ShortcutsDialog(QDialog):
    """The shortcuts grouped by where they work, key and what it does, with a search box."""

    def __init__(
        self, shortcuts: Sequence[Shortcut], order: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search keys and actions")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search shortcuts")
        self.search.setAccessibleDescription("Shows only the shortcuts whose key or action match")
        self.table = QTreeWidget()
        self.table.setColumnCount(2)
        self.table.setHeaderLabels(["Key", "What it does"])
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setAccessibleDescription(
            "Each key and what it does, grouped by where it works: everywhere, the docket, "
            "the calendar"
        )
        self.table.setRootIsDecorated(False)
        self.table.setItemsExpandable(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)
        places = list(order) + sorted({s.place for s in shortcuts} - set(order))
        self._groups: list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = []
        for place in places:
            rows = [s for s in shortcuts if s.place == place]
            if not rows:
                continue
            group = QTreeWidgetItem(self.table, [place])
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            items = []
            for shortcut in rows:
                item = QTreeWidgetItem(group, [", ".join(shortcut.keys), shortcut.does])
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole, " or ".join(shortcut.keys))
                items.append(item)
            self._groups.append((group, items))
        self.table.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._filter)
        self.resize(max(560, self.table.sizeHintForColumn(0) + 380), 600)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for group, items in self._groups:
            any_shown = False
            for item in items:
                said = f"{item.text(0)} {item.text(1)} {group.text(0)}".casefold()
                shown = all(word in said for word in words)
                item.setHidden(not shown)
                any_shown = any_shown or shown
            group.setHidden(not any_shown)

    def shown(self) -> list[tuple[str, str, str]]:
        """The rows on show: (where, key, what it does)."""
        return [
            (group.text(0), item.text(0), item.text(1))
            for group, items in self._groups
            for item in items
            if not group.isHidden() and not item.isHidden()
        ]
