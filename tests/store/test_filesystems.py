"""A SQLite docket on a network file system is refused, saying why and pointing to the court
server (issue 16). No NFS server here: the mount table is given as text, as the kernel writes
``/proc/self/mounts``."""

from pathlib import Path

import pytest

from planner.store import filesystems
from planner.store.database import Database
from planner.store.errors import DatabaseUnavailable
from planner.store.filesystems import file_system_type, is_unc_path

MOUNTS = """\
/dev/vda1 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
court.example:/dockets /srv/court nfs4 rw,relatime,vers=4.2,addr=10.0.0.5 0 0
/dev/vdb1 /srv/court/local ext4 rw,relatime 0 0
//fs01/Judges\\040Shared /mnt/Judges\\040Shared cifs rw,vers=3.1.1 0 0
clerk@laptop:/home /mnt/laptop fuse.sshfs rw,nosuid,nodev 0 0
drvfs /mnt/c 9p rw,noatime,aname=drvfs 0 0
tmpfs /srv/court tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        ("/home/ortiz/Documents", "ext4"),
        ("/", "ext4"),
        ("/tmp/pytest-1", "tmpfs"),
        ("/srv/courtroom", "ext4"),  # a name that begins like a mount point is not under it
        ("/srv/court/local/ortiz", "ext4"),  # a local disk mounted inside the share
        ("/mnt/Judges Shared/Ortiz", "cifs"),  # the table writes the space as \040
        ("/mnt/laptop/clerk", "fuse.sshfs"),
        ("/mnt/c/Users/ortiz", "9p"),
    ],
)
def test_the_file_system_of_a_folder_is_its_longest_mount_point(folder: str, kind: str) -> None:
    assert file_system_type(folder, MOUNTS) == kind


def test_a_mount_over_another_hides_it() -> None:
    # /srv/court: nfs4 first, then a tmpfs mounted over it (the last line wins).
    assert file_system_type("/srv/court/dockets", MOUNTS) == "tmpfs"
    shadowed = MOUNTS.replace("tmpfs /srv/court tmpfs rw 0 0\n", "")
    assert file_system_type("/srv/court/dockets", shadowed) == "nfs4"


def test_network_types_are_told_from_local_ones() -> None:
    assert {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse.sshfs"} <= filesystems.NETWORK_TYPES
    assert not {"ext4", "xfs", "btrfs", "tmpfs", "apfs", "ntfs", "fuseblk", "overlay"} & (
        filesystems.NETWORK_TYPES
    )


def test_windows_network_paths_are_unc_paths() -> None:
    assert is_unc_path("\\\\fs01\\Judges\\docket.sqlite")
    assert is_unc_path("\\\\?\\UNC\\fs01\\Judges\\docket.sqlite")
    assert not is_unc_path("\\\\?\\C:\\Users\\ortiz\\docket.sqlite")
    assert not is_unc_path("C:\\Users\\ortiz\\docket.sqlite")


def test_a_database_on_a_network_share_is_refused_before_it_is_touched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    table = f"/dev/vda1 / ext4 rw 0 0\nfs01:/judges {share.resolve()} nfs4 rw,vers=4.2 0 0\n"
    monkeypatch.setattr(filesystems, "read_mount_table", lambda: table)
    with pytest.raises(DatabaseUnavailable) as refused:
        Database.open(share / "docket.sqlite")
    message = str(refused.value)
    assert "network file system (nfs4)" in message
    assert "could corrupt it" in message
    assert "court server" in message
    assert list(share.iterdir()) == []  # nothing created there
    # The same folder on a local disk opens as before.
    monkeypatch.setattr(filesystems, "read_mount_table", lambda: "/dev/vda1 / ext4 rw 0 0\n")
    Database.open(share / "docket.sqlite").close()
    assert (share / "docket.sqlite").exists()


def test_an_existing_database_reached_through_a_link_to_the_share_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    Database.open(share / "docket.sqlite").close()
    before = (share / "docket.sqlite").read_bytes()
    link = tmp_path / "Dockets"
    link.symlink_to(share)
    table = f"/dev/vda1 / ext4 rw 0 0\n//fs01/judges {share.resolve()} cifs rw 0 0\n"
    monkeypatch.setattr(filesystems, "read_mount_table", lambda: table)
    with pytest.raises(DatabaseUnavailable, match=r"network file system \(cifs\)"):
        Database.open(link / "docket.sqlite")
    assert (share / "docket.sqlite").read_bytes() == before
