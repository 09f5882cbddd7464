"""Files readable by their owner only: the docket database, its backups, the log (POSIX modes)."""

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
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


@contextmanager
def replaced_atomically(out: Path) -> Iterator[Path]:
    """The Planner's one way to write a file for the user (an export, the report, a backup):
    yields a temporary path to write, then puts it in place of ``out`` in one step.

    The temporary file has a name of its own, made new beside ``out`` (``mkstemp``: O_EXCL, so a
    file or symlink planted under that name is never opened, let alone followed), owner-only
    whatever the umask. When the block ends it is flushed to the disk and renamed over ``out``:
    a reader sees the old file or the new one, never half, and a symlink at ``out`` is replaced,
    not followed. If the block fails, the temporary file is removed and ``out`` is as it was.
    Errors from making the temporary file (OSError) are the caller's to word.
    """
    import tempfile  # here: opening a database (every command) writes no such file

    handle, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".partial")
    os.close(handle)
    temporary = Path(name)
    try:
        make_private(temporary)
        yield temporary
        with open(temporary, "rb") as file:
            os.fsync(file.fileno())
        os.replace(temporary, out)
    except BaseException:
        with suppress(OSError):
            temporary.unlink()
        raise


def keep_private(path: Path) -> None:
    """Make ``path`` owner-only now and from its first write, creating it (and its folder) empty
    if need be: for a file another library writes, such as the window's settings (Qt keeps a
    file's mode when it rewrites it). POSIX only: elsewhere the path may not be a file at all
    (QSettings on Windows names a registry key)."""
    if os.name != "posix":
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    create_private(path)
    make_private(path)
