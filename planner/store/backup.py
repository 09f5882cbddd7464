"""Backups of a docket database: consistent copies by SQLite's backup API, rotated, restorable."""

import errno
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import date, datetime
from glob import escape as glob_escape
from pathlib import Path
from urllib.parse import quote

from planner.domain.plural import counted
from planner.store.connection import schema_revision, table_names
from planner.store.errors import DatabaseUnavailable, NotAPlannerDatabase
from planner.store.private_files import make_private_folder, replaced_atomically
from planner.store.restore_check import check_restorable

#: How many daily backups are kept: the last seven days the database was opened.
KEEP_DAYS = 7
#: How many copies taken just before a restore are kept.
KEEP_BEFORE_RESTORE = 3
SUFFIX = ".sqlite"
_BEFORE = "-before-restore-"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """A backup as the user chooses one: when it was taken and what it holds."""

    path: Path
    taken: datetime
    judges: tuple[tuple[str, int], ...]  # (name, cases) by name
    schema: str

    @property
    def cases(self) -> int:
        return sum(count for _name, count in self.judges)

    @property
    def before_restore(self) -> bool:
        """Whether this is the copy kept just before a restore, rather than a daily backup."""
        return _BEFORE in self.path.name

    def describe(self) -> str:
        count = len(self.judges)
        who = (
            ", ".join(f"{name} ({counted(cases, 'case')})" for name, cases in self.judges)
            or "no judges"
        )
        kind = " (kept before a restore)" if self.before_restore else ""
        return f"{self.taken:%a %d %b %Y %H:%M}{kind}: {counted(count, 'judge')}: {who}"


def take_backup(source: Path, out: Path) -> Path:
    """Copy the database at ``source`` to ``out`` consistently, even while others write to it.

    SQLite's backup API copies one snapshot; the copy is written beside ``out`` and renamed over
    it, so ``out`` is never half a file. The copy is owner-only and a single file (no WAL).
    """
    if not source.is_file():
        raise DatabaseUnavailable(f"{source} is not there: nothing to back up")
    folder = out.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise DatabaseUnavailable(f"the folder {folder} {what}: nothing was backed up")
    # The store's one atomic, owner-only writer: a name of its own (two backups may run at
    # once), made new beside ``out``, renamed over it only once the copy is checked.
    try:
        with replaced_atomically(out) as partial:
            with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                # The backup API copies pages as they are, damaged ones too: a copy is checked
                # before it may replace a backup (or push one out of the rotation).
                check = _quick_check(dst)
            if check != "ok":
                raise NotAPlannerDatabase(
                    f"{source} is damaged ({check}), so no backup was taken and the backups "
                    "already kept are unchanged: 'planner restore --list' shows them (File > "
                    "Restore from Backup in the window), and 'planner restore N' brings one back"
                )
    except (OSError, sqlite3.Error) as error:
        if "full" in str(error) or getattr(error, "errno", None) == errno.ENOSPC:
            raise DatabaseUnavailable(
                f"the disk holding {folder} is full: {source} could not be copied there"
            ) from None
        raise DatabaseUnavailable(f"could not back up {source} to {out}: {error}") from None
    return out


def _quick_check(connection: sqlite3.Connection) -> str:
    """SQLite's quick_check: "ok", or what is wrong (a page too damaged to check raises)."""
    try:
        return str(connection.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.DatabaseError as error:
        return str(error)


def daily_backup(source: Path, folder: Path, today: date, keep: int = KEEP_DAYS) -> Path | None:
    """Today's backup of ``source`` in ``folder``, taken if there is none yet; older ones rotated.

    Returns the new backup, or None if today's was already there.
    """
    private_folder(folder)
    out = folder / f"{source.stem}-{today.isoformat()}{SUFFIX}"
    if out.exists():
        return None
    remove_stale_partials(source.parent, f".{source.name}.")  # a killed restore's copy
    take_backup(source, out)
    try:
        read_backup(out)  # a damaged copy must not push a good backup out of the rotation
    except NotAPlannerDatabase:
        out.unlink()
        raise
    rotate(folder, source.stem, keep)
    return out


#: A ``.partial`` copy untouched this long was left by a backup or restore that was killed: no
#: copy in progress goes that long without writing (750,000 cases copy in seconds).
STALE_PARTIAL_SECONDS = 3600


def _file_system_now(folder: Path) -> float:
    """Now, as the file system holding ``folder`` stamps a file: files' stamps are compared with
    it, so "untouched for an hour" holds even where this machine's clock and the file system's
    differ (a file server's clock, the tests' faked clock). This machine's clock if ``folder``
    cannot be written."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".clock.", suffix=".probe") as probe:
            return os.fstat(probe.fileno()).st_mtime
    except OSError:
        return datetime.now().timestamp()


def remove_stale_partials(folder: Path, prefix: str = ".") -> list[Path]:
    """Delete the ``.partial`` copies in ``folder`` (named ``prefix``…) that a killed backup or
    restore left behind; one still being written is younger and stays."""
    removed = []
    now = _file_system_now(folder)
    for path in folder.glob(f"{glob_escape(prefix)}*.partial"):
        with suppress(OSError):
            old = now - path.lstat().st_mtime > STALE_PARTIAL_SECONDS
            if old and path.is_file() and not path.is_symlink():
                path.unlink()
                removed.append(path)
    return removed


def rotate(folder: Path, stem: str, keep: int = KEEP_DAYS) -> list[Path]:
    """Delete all but the ``keep`` newest daily backups (and all but a few pre-restore copies),
    and the partial copies killed backups left."""
    removed = remove_stale_partials(folder)
    daily = sorted(_daily(folder, stem), reverse=True)
    before = sorted(folder.glob(f"{stem}{_BEFORE}*{SUFFIX}"), reverse=True)
    for path in daily[keep:] + before[KEEP_BEFORE_RESTORE:]:
        with suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed


def _daily(folder: Path, stem: str) -> Iterator[Path]:
    for path in folder.glob(f"{stem}-*{SUFFIX}"):
        day = path.name[len(stem) + 1 : -len(SUFFIX)]
        with suppress(ValueError):
            date.fromisoformat(day)
            yield path


def list_backups(folder: Path) -> list[Path]:
    """The backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"*{SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


#: Each judge's name and number of cases, by name.
_JUDGES_WITH_CASES = (
    "SELECT judges.name, count(cases.id) FROM judges "
    "LEFT JOIN cases ON cases.judge_id = judges.id GROUP BY judges.id ORDER BY judges.name"
)


def read_backup(path: Path) -> BackupInfo:
    """What a backup holds, after checking it is a whole Planner database; else NotAPlannerDatabase."""
    if not path.is_file():
        raise DatabaseUnavailable(f"{path} is not there")
    read_only = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        with closing(sqlite3.connect(read_only, uri=True)) as connection:
            (check,) = connection.execute("PRAGMA quick_check").fetchone()
            if check != "ok":
                raise NotAPlannerDatabase(f"{path} is damaged ({check}): it cannot be restored")
            schema = schema_revision(connection)
            if schema is None or "judges" not in table_names(connection):
                raise NotAPlannerDatabase(f"{path} is not a Planner database")
            judges = tuple((name, count) for name, count in connection.execute(_JUDGES_WITH_CASES))
    except sqlite3.DatabaseError as error:
        raise NotAPlannerDatabase(
            f"{path} is damaged or is not a database file ({error})"
        ) from None
    taken = datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    return BackupInfo(path, taken, judges, schema)


def restore_backup(backup: Path, target: Path, folder: Path, now: datetime) -> Path | None:
    """Make ``target`` hold what ``backup`` holds. Close every connection of this program first.

    The backup is checked whole before anything changes. The current file is first copied to
    ``folder`` (returned; None if there was no file), so a restore can itself be undone. The
    restore writes through SQLite's backup API, one transaction that other programs see whole; a
    file too damaged for SQLite to write into is replaced instead.
    """
    read_backup(backup)
    remove_stale_partials(target.parent, f".{target.name}.")
    # The backup is copied beside the target and checked there, strictly (restore_check): on
    # the target's own disk, so a full disk is found before anything changes.
    try:
        handle, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".restoring.partial"
        )
    except OSError as error:
        raise DatabaseUnavailable(
            f"cannot write in {target.parent} ({error.strerror or error}): nothing was restored"
        ) from None
    os.close(handle)
    scratch = Path(name)
    try:
        try:
            take_backup(backup, scratch)
        except DatabaseUnavailable as error:
            raise DatabaseUnavailable(f"{error}: nothing was restored") from None
        check_restorable(scratch, backup)
        private_folder(folder)
        kept = None
        if target.exists():
            kept = folder / f"{target.stem}{_BEFORE}{now:%Y-%m-%d-%H%M%S}{SUFFIX}"
            try:
                take_backup(target, kept)
            except (DatabaseUnavailable, NotAPlannerDatabase):  # damaged: keep its bytes
                _copy_private(target, kept)
            rotate(folder, target.stem)
        try:
            with closing(sqlite3.connect(scratch)) as src, closing(sqlite3.connect(target)) as dst:
                src.backup(dst)
        except sqlite3.DatabaseError:
            _replace_file(scratch, target)
    finally:
        for leftover in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
            with suppress(OSError):
                leftover.unlink()
    return kept


def private_folder(folder: Path) -> None:
    """Make ``folder`` and its parent (the data folder's ``backups``) owner-only."""
    folder.mkdir(parents=True, exist_ok=True)
    make_private_folder(folder.parent)
    make_private_folder(folder)


def _copy_private(source: Path, out: Path) -> None:
    with replaced_atomically(out) as partial:
        shutil.copyfile(source, partial)


def _replace_file(backup: Path, target: Path) -> None:
    with replaced_atomically(target) as partial:
        shutil.copyfile(backup, partial)
        for stale in (Path(f"{target}-wal"), Path(f"{target}-shm"), Path(f"{target}-journal")):
            with suppress(FileNotFoundError):
                stale.unlink()
