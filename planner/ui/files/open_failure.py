"""A database that cannot be opened at start: say why, and offer a way out, never a traceback."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

from planner.store.database import Database
from planner.store.errors import StoreError

RESTORE, OPEN_OTHER, NEW, QUIT = "restore", "open", "new", "quit"
DATABASE_FILTER = "Planner databases (*.sqlite *.db);;All files (*)"


def ask_way_out(parent: QWidget | None, path: Path, error: StoreError, can_restore: bool) -> str:
    """The reason, and the ways out: restore a backup (if there is one), open another file,
    start a new one, or quit. Returns one of RESTORE, OPEN_OTHER, NEW, QUIT."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Cannot open the database")
    box.setText(f"The Planner cannot open {path.name}.")
    box.setInformativeText(
        f"{error}\n\nThe file was not changed. "
        + (
            "You can bring back a backup of it, open another file, or start a new one."
            if can_restore
            else "There is no backup of it on this computer; you can open another file or "
            "start a new one."
        )
    )
    choices: dict[QAbstractButton, str] = {}
    if can_restore:
        choices[box.addButton("&Restore a Backup…", QMessageBox.ButtonRole.AcceptRole)] = RESTORE
    choices[box.addButton("&Open Another File…", QMessageBox.ButtonRole.ActionRole)] = OPEN_OTHER
    choices[box.addButton("&New Database…", QMessageBox.ButtonRole.ActionRole)] = NEW
    choices[box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)] = QUIT
    box.exec()
    return choices.get(box.clickedButton(), QUIT)


def open_or_recover(
    path: Path,
    parent: QWidget | None = None,
    *,
    ask: Callable[[QWidget | None, Path, StoreError, bool], str] = ask_way_out,
) -> Database | None:
    """Open ``path``; while that fails, let the user restore, choose another file, or give up."""
    while True:
        try:
            return Database.open(path)
        except StoreError as error:
            from planner.services import backups  # only now: opening a good file needs none of it

            choice = ask(parent, path, error, bool(backups.backups_of(path)))
        if choice == RESTORE:
            from planner.ui.files.restore_dialog import offer_restore

            offer_restore(parent, path, close=lambda: None, reopen=lambda _path: True)
        elif choice in (OPEN_OTHER, NEW):
            if choice == OPEN_OTHER:
                chosen, _ = QFileDialog.getOpenFileName(
                    parent, "Open docket database", str(path.parent), DATABASE_FILTER
                )
            else:
                chosen, _ = QFileDialog.getSaveFileName(
                    parent,
                    "New docket database",
                    str(path.parent / "docket.sqlite"),
                    DATABASE_FILTER,
                )
                if chosen and Path(chosen).exists() and Path(chosen) != path:
                    Path(chosen).unlink()  # the dialog already asked before overwriting
            if chosen:
                path = Path(chosen)
        else:
            return None
