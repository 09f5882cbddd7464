"""Which file system holds a folder: a SQLite docket must not live on a network one.

SQLite's write-ahead log keeps its index in shared memory (the ``-shm`` file, mapped by every
connection) and relies on the operating system's file locks: over NFS, SMB/CIFS, 9p or sshfs the
mapping is not shared between computers and the locks are unreliable, so two people writing one
file on the court's share can corrupt it (https://sqlite.org/wal.html, "WAL does not work over a
network filesystem"). A docket shared by several people belongs on the court server
(PostgreSQL, issue 16).

Linux: the kernel's table of mounts (``/proc/self/mounts``), the longest mount point that holds
the folder. Windows: a UNC path (``\\\\server\\share``) or a mapped network drive. macOS: not
detected yet (TODO: ``statfs``'s ``f_fstypename`` through ctypes, untested here), so a file there
opens as before.
"""

import os
import sys
from pathlib import Path

#: File system types (as Linux's mount table names them) reached over a network.
NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "9p",
        "afs",
        "coda",
        "ceph",
        "glusterfs",
        "lustre",
        "davfs",
        "fuse.sshfs",
        "fuse.glusterfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.gcsfuse",
        "fuse.davfs2",
    }
)

_MOUNTS = Path("/proc/self/mounts")


def read_mount_table() -> str | None:
    """The kernel's table of mounts as text, or None where there is none (not Linux)."""
    try:
        return _MOUNTS.read_text(encoding="utf-8", errors="surrogateescape")
    except OSError:
        return None


def _unescape(field: str) -> str:
    """A mount table's field: spaces, tabs, newlines and backslashes are written in octal."""
    for escaped, character in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(escaped, character)
    return field


def file_system_type(folder: str, table: str) -> str | None:
    """The type of the file system that holds ``folder`` (an absolute path, links resolved),
    by the mount table's text (``/proc/self/mounts``' format): the mount with the longest mount
    point that contains the folder, the last such when one is mounted over another."""
    best: tuple[int, str] | None = None
    for line in table.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, kind = _unescape(fields[1]), fields[2]
        inside = point == "/" or folder == point or folder.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= best[0]):
            best = (len(point), kind)
    return None if best is None else best[1]


def network_file_system(folder: Path) -> str | None:
    """The network file system's type when ``folder`` is on one, else None."""
    if sys.platform == "win32":
        return _windows_network_drive(folder)
    table = read_mount_table()
    if table is None:
        return None
    kind = file_system_type(os.path.realpath(folder), table)
    return kind if kind in NETWORK_TYPES else None


def _windows_network_drive(folder: Path) -> str | None:
    """A UNC path, or a drive letter mapped to a network share (GetDriveTypeW: DRIVE_REMOTE)."""
    text = os.path.realpath(folder)
    if is_unc_path(text):
        return "network share"
    if sys.platform == "win32":  # (for the type checker: windll is Windows' alone)
        import ctypes

        try:
            kind = ctypes.windll.kernel32.GetDriveTypeW(Path(text).anchor)
        except (AttributeError, OSError):
            return None
        return "network drive" if kind == 4 else None  # DRIVE_REMOTE
    return None


def is_unc_path(text: str) -> bool:
    """``\\\\server\\share\\...`` (or ``\\\\?\\UNC\\server\\...``), not a local long path."""
    if text.startswith("\\\\?\\"):
        return text[4:].upper().startswith("UNC\\")
    return text.startswith(("\\\\", "//"))
