"""Confidentiality on disk: the database and what SQLite writes beside it are the owner's alone."""

import os
import stat
from pathlib import Path

import pytest

from planner.store.database import Database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o002])
def test_a_new_database_and_its_wal_and_shm_are_owner_only_whatever_the_umask(
    tmp_path: Path, umask: int
) -> None:
    path = tmp_path / "docket.sqlite"
    old = os.umask(umask)
    try:
        database = Database.open(path)
        with database.transaction() as repo:
            repo.judges()  # the -wal and -shm files exist while a connection is open
        files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
        assert all(file.exists() for file in files)
        assert [oct(_mode(file)) for file in files] == [oct(0o600)] * 3
        database.close()
    finally:
        os.umask(old)


def test_an_uncreatable_database_is_named_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        from planner.store.errors import DatabaseUnavailable

        with pytest.raises(DatabaseUnavailable, match="cannot be created"):
            Database.open(folder / "docket.sqlite")
    finally:
        folder.chmod(0o700)
