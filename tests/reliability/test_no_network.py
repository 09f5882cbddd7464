"""Nothing leaves the machine: the Planner opens no network connection, asked or not.

An audit hook (PEP 578) sees every socket the interpreter opens, wherever in the Planner or its
libraries the call comes from, however the module imported ``socket``. While armed, a connection,
a bind or a name look-up to anything but a local (Unix) socket fails the test. The window is Qt
C++; it has no Python socket to call, so the test also checks Qt's network module never loads.
"""

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

_NETWORK_EVENTS = {
    "socket.connect",
    "socket.bind",
    "socket.sendto",
    "socket.sendmsg",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
}
_armed: list[list[str]] = []


def _hook(event: str, args: tuple[object, ...]) -> None:
    if not _armed or event not in _NETWORK_EVENTS:
        return
    if event in ("socket.connect", "socket.bind") and isinstance(args[1], str | bytes):
        return  # a Unix-domain socket stays on this machine
    _armed[-1].append(f"{event}{args[1:]!r}")
    raise PermissionError(f"the Planner tried to use the network: {event}")


sys.addaudithook(_hook)


@pytest.fixture
def no_network() -> Iterator[list[str]]:
    """Arm the hook for the test; afterwards, assert nothing tried the network."""
    attempts: list[str] = []
    _armed.append(attempts)
    try:
        yield attempts
    finally:
        _armed.pop()
    assert attempts == [], f"network use: {attempts}"


def test_the_guard_catches_a_connection_so_this_test_can_fail() -> None:
    attempts: list[str] = []
    _armed.append(attempts)
    try:
        with pytest.raises(PermissionError):
            socket.create_connection(("192.0.2.1", 80), timeout=0.1)
        with pytest.raises(PermissionError):
            socket.getaddrinfo("example.com", 443)
    finally:
        _armed.pop()
    assert len(attempts) == 2


def test_demo_forecast_import_export_and_backup_use_no_network(
    no_network: list[str],
    planner,
    tmp_path: Path,
) -> None:
    db = tmp_path / "docket.sqlite"
    assert planner("--db", db, "demo", "--cases", "200", "--today", "2026-11-25").code == 0
    assert planner("--db", db, "forecast", "--as-of", "2026-11-25", "--json").code == 0
    judge = planner("--db", db, "forecast", "--json").json()[0]["judge"]
    for fmt in ("json", "csv"):
        out = tmp_path / f"docket.{fmt}"
        assert planner("--db", db, "export", "--judge", judge, "--out", out).code == 0
    other = tmp_path / "other.sqlite"
    assert planner("--db", other, "import", tmp_path / "docket.json").code == 0
    assert planner("--db", other, "import", "--judge", judge, tmp_path / "docket.csv").code == 0


def test_the_main_window_opens_and_forecasts_without_the_network(
    no_network: list[str],
    qtbot,
    database,
    tmp_path: Path,
) -> None:
    from datetime import date, datetime

    from PySide6.QtCore import QSettings

    from planner.services.demo import create_demo
    from planner.ui.common.workspace import Workspace
    from planner.ui.window.main_window import MainWindow
    from planner.ui.window.settings import WindowSettings

    create_demo(database, cases=300, judges=1, seed=1, today=date(2026, 11, 25))
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(Workspace(database, clock=lambda: datetime(2026, 11, 25, 10)), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.quota_panel.up_to_date, timeout=30_000)
    window.views.setCurrentIndex(1)  # the calendar too
    qtbot.wait(100)
    assert "PySide6.QtNetwork" not in sys.modules
