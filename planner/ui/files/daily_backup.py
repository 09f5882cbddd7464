"""Today's backup of the database the window opens, taken off the GUI thread."""

import threading
from pathlib import Path


def keep_daily_backup_in_background(database: Path) -> None:
    """Take today's backup of ``database`` (if not yet taken) off the GUI thread: on a large
    docket the copy takes seconds, and the window must not wait for it, nor for the imports."""
    threading.Thread(
        target=_keep_daily_backup, args=(database,), name="daily-backup", daemon=True
    ).start()


def _keep_daily_backup(database: Path) -> None:
    from planner.services.backups import keep_daily_backup  # in this thread: see above

    keep_daily_backup(database)
