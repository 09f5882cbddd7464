"""File > Connect to Court Server (issue 16): the dialog tries the login against a real server
(``tests/postgres_logins.py``: a user who must give a real password), says in one line what went
wrong, keeps the password in the system's keyring only when asked (a real ``keyring`` backend
set for the test, in memory), and never writes it to the settings file or the log."""

import logging
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from planner.services.server_passwords import SERVICE, keyring_entry
from planner.store.locations import ServerAddress
from planner.ui.files.court_server_dialog import CourtServerDialog
from planner.ui.window.settings import WindowSettings
from tests.postgres_cluster import Cluster
from tests.postgres_logins import add_password_user

USER, PASSWORD = "clerk_pw", "Tr0ub4dor&3-secret"


class MemoryKeyring(KeyringBackend):
    """A keyring kept in memory for the test: the real ``keyring`` API in front of it."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def system_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(qapp, settings_file: Path) -> WindowSettings:  # type: ignore[no-untyped-def]
    return WindowSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))


@pytest.fixture
def server(postgres_cluster: Cluster) -> ServerAddress:
    add_password_user(postgres_cluster, USER, PASSWORD)
    # The test server has no certificate: TLS off for the logins, and its refusal tested.
    return ServerAddress("127.0.0.1", "postgres", USER, postgres_cluster.port, "disable")


def _dialog(qtbot, settings: WindowSettings) -> CourtServerDialog:  # type: ignore[no-untyped-def]
    dialog = CourtServerDialog(None, settings)
    qtbot.addWidget(dialog)
    return dialog


def _connect(qtbot, dialog: CourtServerDialog) -> bool:  # type: ignore[no-untyped-def]
    """Press Connect and wait for the login's outcome (tried in a worker thread)."""
    with qtbot.waitSignal(dialog.settled, timeout=15_000) as outcome:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    return bool(outcome.args[0])


def _fill(dialog: CourtServerDialog, address: ServerAddress, password: str = "") -> None:
    dialog.recent_box.setCurrentIndex(0)
    dialog.host.setText(address.host)
    dialog.port.setValue(address.port)
    dialog.database.setText(address.database)
    dialog.user.setText(address.user)
    dialog.tls.setCurrentIndex(dialog.tls.findData(address.tls))
    dialog.password.setText(password)


def test_the_dialog_asks_for_server_database_user_and_checks_tls_by_default(
    qtbot, settings: WindowSettings, system_keyring: MemoryKeyring
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, settings)
    assert dialog.port.value() == 5432
    assert dialog.tls.currentData() == "verify-full"
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    assert not dialog.remember.isChecked()
    assert dialog.remember.isEnabled()
    dialog.host.setText("court.example")
    assert not _connect(qtbot, dialog)
    assert dialog.problem.text() == "Fill in the database and user."
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_a_login_remembered_keeps_the_password_in_the_keyring_only(
    qtbot,
    settings: WindowSettings,
    settings_file: Path,
    system_keyring: MemoryKeyring,
    server: ServerAddress,
    caplog: pytest.LogCaptureFixture,
) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    dialog = _dialog(qtbot, settings)
    _fill(dialog, server, PASSWORD)
    dialog.remember.setChecked(True)
    assert _connect(qtbot, dialog), dialog.problem.text()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.login is not None
    assert dialog.login.address == server
    assert dialog.login.password == PASSWORD
    assert PASSWORD not in repr(dialog.login)
    assert system_keyring.kept == {(SERVICE, keyring_entry(server)): PASSWORD}
    settings.sync()
    stored = settings_file.read_text(encoding="utf-8")
    assert "127.0.0.1" in stored
    assert USER in stored
    assert PASSWORD not in stored
    assert "connecting to the court server" in caplog.text
    assert PASSWORD not in caplog.text


def test_a_recent_server_is_offered_and_its_saved_password_used(
    qtbot, settings: WindowSettings, system_keyring: MemoryKeyring, server: ServerAddress
) -> None:  # type: ignore[no-untyped-def]
    settings.remember_server(server)
    system_keyring.set_password(SERVICE, keyring_entry(server), PASSWORD)
    dialog = _dialog(qtbot, settings)
    assert dialog.recent_box.currentText() == server.describe()
    assert (dialog.host.text(), dialog.user.text(), dialog.port.value()) == (
        "127.0.0.1",
        USER,
        server.port,
    )
    assert dialog.password.text() == ""
    assert _connect(qtbot, dialog), dialog.problem.text()
    assert dialog.login is not None
    assert dialog.login.password == PASSWORD


def test_without_remember_nothing_is_kept(
    qtbot, settings: WindowSettings, system_keyring: MemoryKeyring, server: ServerAddress
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, settings)
    _fill(dialog, server, PASSWORD)
    assert _connect(qtbot, dialog), dialog.problem.text()
    assert system_keyring.kept == {}
    assert settings.recent_servers() == [server]


def test_a_wrong_password_is_one_line_and_nothing_is_kept(
    qtbot, settings: WindowSettings, system_keyring: MemoryKeyring, server: ServerAddress
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, settings)
    _fill(dialog, server, "guess")
    dialog.remember.setChecked(True)
    assert not _connect(qtbot, dialog)
    assert dialog.problem.isVisibleTo(dialog)
    assert dialog.problem.text() == f"The server refused the password of {USER}."
    assert system_keyring.kept == {}
    assert settings.recent_servers() == []
    assert dialog.login is None


def test_no_server_and_no_tls_are_one_line_each(
    qtbot, settings: WindowSettings, system_keyring: MemoryKeyring, server: ServerAddress
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, settings)
    _fill(dialog, ServerAddress("127.0.0.1", "postgres", USER, 1, "disable"), PASSWORD)
    assert not _connect(qtbot, dialog)
    assert dialog.problem.text().startswith("No court server answers at 127.0.0.1:1")
    _fill(
        dialog, ServerAddress("127.0.0.1", "postgres", USER, server.port, "verify-full"), PASSWORD
    )
    assert not _connect(qtbot, dialog)
    assert dialog.problem.text().startswith("TLS: ")
    assert "\n" not in dialog.problem.text()


def test_without_a_keyring_the_password_is_asked_and_never_remembered(
    qtbot, settings: WindowSettings, no_keyring: None, server: ServerAddress
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, settings)
    assert not dialog.remember.isEnabled()
    _fill(dialog, server)
    assert not _connect(qtbot, dialog)
    assert dialog.problem.text() == f"The server asks for {USER}'s password: type it."
    dialog.password.setText(PASSWORD)
    assert _connect(qtbot, dialog), dialog.problem.text()
