"""Files readable by their owner only: the docket database, its backups, the log (POSIX modes)."""

import os
from pathlib import Path

#: Read and write for the owner, nothing for anyone else.
OWNER_ONLY = 0o600


def create_private(path: Path) -> None:
    """Create ``path`` empty and owner-only, if it is not there yet.

    The mode is given to ``open`` and then set again with ``chmod``, so a permissive umask (or a
    restrictive one that would leave the owner unable to write) makes no difference. SQLite gives
    the ``-wal`` and ``-shm`` files it creates beside a database the database file's mode.
    """
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    except FileExistsError:
        return
    os.close(handle)
    make_private(path)


def make_private(path: Path) -> None:
    """Set ``path`` to owner-only (a no-op where POSIX modes mean little, as on Windows)."""
    if os.name == "posix":
        os.chmod(path, OWNER_ONLY)


def make_private_folder(path: Path) -> None:
    """Set a folder the Planner alone uses (backups, logs) to owner-only."""
    if os.name == "posix":
        os.chmod(path, 0o700)
