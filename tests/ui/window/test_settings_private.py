"""The window's settings file names recent databases and the judge of each: owner-only, like
every other file the Planner writes (issue 15, point 8)."""

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from planner.ui.window.settings import WindowSettings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def test_the_settings_file_is_owner_only_whatever_the_umask(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "config" / "settings.ini"
    old = os.umask(0o022)
    try:
        settings = WindowSettings(QSettings(str(path), QSettings.Format.IniFormat))
        settings.remember_database(tmp_path / "court.sqlite")
        settings.remember_judge(tmp_path / "court.sqlite", "Ortiz")
        settings.sync()
    finally:
        os.umask(old)
    assert "Ortiz" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_an_existing_readable_settings_file_is_made_owner_only(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "settings.ini"
    path.write_text("[files]\nlast=/tmp/court.sqlite\n", encoding="utf-8")
    path.chmod(0o644)
    settings = WindowSettings(QSettings(str(path), QSettings.Format.IniFormat))
    settings.remember_judge(tmp_path / "court.sqlite", "Ortiz")
    settings.sync()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
