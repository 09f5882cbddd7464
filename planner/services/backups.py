"""Keeping and restoring backups of the open docket database, in the user's data folder."""

import logging
from datetime import date, datetime
from pathlib import Path

from planner.paths import backup_folder
from planner.store import backup as store_backup
from planner.store.backup import BackupInfo
from planner.store.errors import StoreError

log = logging.getLogger("planner.backups")


def keep_daily_backup(database: Path, today: date | None = None) -> Path | None:
    """Take today's backup of ``database`` if there is none yet, keeping the last seven days'.

    A failed backup is logged, not raised: it must never stop the clerk from working.
    """
    try:
        return store_backup.daily_backup(database, backup_folder(database), today or date.today())
    except (StoreError, OSError) as error:
        # Our words and the error's type only, never its text (which may quote a path or data).
        log.warning("The daily backup failed: %s", type(error).__name__, extra={"redacted": True})
        return None


def back_up(database: Path, out: Path | None = None) -> Path:
    """A backup now: to ``out``, or as today's backup in the backup folder (replacing it)."""
    if out is not None:
        return store_backup.take_backup(database, out)
    folder = backup_folder(database)
    store_backup.private_folder(folder)
    taken = store_backup.take_backup(
        database, folder / f"{database.stem}-{date.today().isoformat()}{store_backup.SUFFIX}"
    )
    store_backup.rotate(folder, database.stem)
    return taken


def backups_of(database: Path) -> list[BackupInfo]:
    """The backups of ``database``, newest first, each with what it holds (unreadable ones left out)."""
    found = []
    for path in store_backup.list_backups(backup_folder(database)):
        try:
            found.append(store_backup.read_backup(path))
        except StoreError:
            log.warning("A backup could not be read and is not offered", extra={"redacted": True})
    return found


def restore(database: Path, backup: Path, now: datetime | None = None) -> Path | None:
    """Bring ``backup`` back into ``database`` (close it first); returns the copy of the file as
    it was just before, kept among the backups."""
    return store_backup.restore_backup(
        backup, database, backup_folder(database), now or datetime.now()
    )


def read_backup_info(backup: Path) -> BackupInfo:
    """When ``backup`` was taken and what it holds, after checking it is a whole Planner database."""
    return store_backup.read_backup(backup)
