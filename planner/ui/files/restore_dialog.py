"""Backups in the window: today's taken in the background, and File > Restore from Backup."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.plural import counted
from planner.services import backups
from planner.store.backup import BackupInfo
from planner.ui.common.errors import show_error


class RestoreDialog(QDialog):
    """The backups of one database, newest first: when each was taken, its judges and cases."""

    def __init__(self, database: Path, found: list[BackupInfo], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Restore from Backup")
        self.found = found
        intro = QLabel(
            f"Backups of <b>{database.name}</b>, newest first. The Planner takes one each day it "
            "opens the file and keeps the last seven. Restoring replaces what the file holds "
            "now; what it holds now is kept as a backup first."
            if found
            else f"There are no backups of <b>{database.name}</b> yet. The Planner takes one "
            "each day it opens the file."
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Taken", "Judges", "Cases", "Judges and their cases"])
        self.tree.setRootIsDecorated(False)
        for info in found:
            taken = f"{info.taken:%a %d %b %Y %H:%M}"
            if info.before_restore:
                taken += " (before a restore)"
            who = ", ".join(f"{name} ({cases:,})" for name, cases in info.judges) or "none"
            item = QTreeWidgetItem([taken, f"{len(info.judges):,}", f"{info.cases:,}", who])
            item.setToolTip(0, str(info.path))
            item.setToolTip(3, who)
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.tree.addTopLevelItem(item)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button: QPushButton = buttons.addButton(
            "&Restore…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.tree.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.chosen() is not None)
        )
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept())
        if found:
            first = self.tree.topLevelItem(0)
            assert first is not None  # an item for each backup found
            self.tree.setCurrentItem(first)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(760, 360)

    def chosen(self) -> BackupInfo | None:
        item = self.tree.currentItem()
        index = self.tree.indexOfTopLevelItem(item) if item is not None else -1
        return self.found[index] if 0 <= index < len(self.found) else None


def confirm_restore(parent: QWidget | None, database: Path, info: BackupInfo) -> bool:
    answer = QMessageBox.question(
        parent,
        "Restore this backup?",
        f"Replace everything in {database.name} with the backup taken "
        f"{info.taken:%a %d %b %Y at %H:%M}: {counted(len(info.judges), 'judge')}, "
        f"{counted(info.cases, 'case')}?"
        "\n\nWhat the file holds now is kept as a backup first, so this can be undone by "
        "restoring that one.",
    )
    return answer == QMessageBox.StandardButton.Yes


def offer_restore(
    parent: QWidget | None,
    database: Path,
    *,
    close: Callable[[], None],
    reopen: Callable[[Path], bool],
) -> bool:
    """Let the user choose a backup of ``database`` and restore it: ``close`` is called first
    (every connection of this program closed), ``reopen`` after, also if the restore failed."""
    dialog = RestoreDialog(database, backups.backups_of(database), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    info = dialog.chosen()
    if info is None or not confirm_restore(parent, database, info):
        return False
    close()
    try:
        backups.restore(database, info.path)
    except Exception as error:
        show_error(parent, error)
        reopen(database)
        return False
    return reopen(database)
