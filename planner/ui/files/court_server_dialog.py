"""File > Connect to Court Server...: the server, database and user of a court's PostgreSQL
docket, the TLS mode, and the password (typed, or from the system's keyring).

Connect tries the login at once (``planner.store.server_login``): a server that does not
answer, a wrong password or a certificate that does not check out is one line in the dialog,
and the dialog stays open to correct it. After a login the server accepted, the address is
added to the recent servers (never the password) and, only if "Remember" is ticked, the
password goes to the system's keyring. The dialog gives the window a ``ServerLogin`` to open.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.store.errors import StoreError
from planner.store.locations import DEFAULT_PORT, DEFAULT_TLS, TLS_MODES, ServerAddress
from planner.ui.common.tasks import BackgroundTask, Progress

_log = logging.getLogger(__name__)

#: What each TLS mode means, in the list's words.
TLS_LABELS = {
    "verify-full": "Encrypted, server's certificate and name checked (recommended)",
    "verify-ca": "Encrypted, server's certificate checked, not its name",
    "require": "Encrypted, server not checked",
    "disable": "Not encrypted (only on this computer)",
}


@dataclass(frozen=True)
class ServerLogin:
    """A login the server accepted: where, and the password to open it with (kept in memory
    only; left out of ``repr`` so it never lands in a log or a traceback)."""

    address: ServerAddress
    password: str | None = field(repr=False)


class RecentServers(Protocol):
    """Where the recent servers are kept (``WindowSettings``)."""

    def recent_servers(self) -> list[ServerAddress]: ...

    def remember_server(self, address: ServerAddress) -> None: ...


class CourtServerDialog(QDialog):
    """Asks where the court server is and who is connecting; ``login`` once accepted."""

    #: After Connect: True when the server accepted the login (and the dialog closed).
    settled = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None,
        recent: RecentServers,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Connect to Court Server")
        self._recent = recent
        self.login: ServerLogin | None = None
        self._servers: Sequence[ServerAddress] = recent.recent_servers()

        self.recent_box = QComboBox()
        self.recent_box.addItem("New server…")
        for address in self._servers:
            self.recent_box.addItem(address.describe())
        self.recent_box.currentIndexChanged.connect(self._fill_from_recent)
        self.host = QLineEdit(placeholderText="court-server.example.gov")
        self.port = QSpinBox(minimum=1, maximum=65535, value=DEFAULT_PORT)
        self.database = QLineEdit(placeholderText="dockets")
        self.user = QLineEdit(placeholderText="your user name on the server")
        self.tls = QComboBox()
        for mode in TLS_MODES:
            self.tls.addItem(TLS_LABELS[mode], mode)
        self.tls.setCurrentIndex(TLS_MODES.index(DEFAULT_TLS))
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("empty: the one saved in the keyring, if any")
        self.remember = QCheckBox("Remember the password in the system's keyring")
        from planner.services.server_passwords import can_remember  # keyring: 0.1-0.2 s

        if not can_remember():
            self.remember.setEnabled(False)
            self.remember.setToolTip(
                "This computer has no keyring to keep it in safely: the Planner asks each time"
            )
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: palette(bright-text); background: #b3261e; padding: 4px")
        self.problem.hide()

        form = QFormLayout()
        form.addRow("&Recent:", self.recent_box)
        form.addRow("&Server:", self.host)
        form.addRow("P&ort:", self.port)
        form.addRow("&Database:", self.database)
        form.addRow("&User:", self.user)
        form.addRow("&TLS:", self.tls)
        form.addRow("&Password:", self.password)
        form.addRow("", self.remember)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._connect_button.setText("&Connect")
        self._task: BackgroundTask | None = None
        self.buttons.accepted.connect(self.connect_to_server)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        if self._servers:
            self.recent_box.setCurrentIndex(1)  # the last one used
        self.resize(520, self.sizeHint().height())

    def ask_password(self, address: ServerAddress, problem: str) -> None:
        """Fill in ``address`` (a ``--db`` the keyring had no password for, or a refused one)
        and say why the dialog is asking: the user types the password and connects."""
        self.recent_box.setCurrentIndex(0)
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        self.tls.setCurrentIndex(TLS_MODES.index(address.tls))
        self.password.clear()
        self._show_problem(problem)
        self.password.setFocus()

    def _fill_from_recent(self, index: int) -> None:
        if index < 1:
            return
        address = self._servers[index - 1]
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        self.tls.setCurrentIndex(TLS_MODES.index(address.tls))
        self.password.clear()

    def address(self) -> ServerAddress | None:
        """The server the fields name, or None (and the reason shown) if one is missing."""
        missing = [
            name
            for name, box in (
                ("server", self.host),
                ("database", self.database),
                ("user", self.user),
            )
            if not box.text().strip()
        ]
        if missing:
            self._show_problem(f"Fill in the {' and '.join(missing)}.")
            return None
        return ServerAddress(
            self.host.text().strip(),
            self.database.text().strip(),
            self.user.text().strip(),
            self.port.value(),
            str(self.tls.currentData()),
        )

    def connect_to_server(self) -> None:
        """Connect: try the login in a worker thread (a server that does not answer takes
        seconds), then ``_logged_in`` or ``_refused``; ``settled`` tells which."""
        address = self.address()
        if address is None:
            self.settled.emit(False)
            return
        typed = self.password.text() or None
        password = typed if typed is not None else _saved_password(address)
        _log.info("connecting to the court server %s", address.url())
        self.problem.hide()
        self._connect_button.setEnabled(False)

        def login(_progress: Progress) -> None:
            from planner.store.server_login import check_login

            check_login(address, password)

        self._task = BackgroundTask(self, f"Connecting to {address.describe()}…", login)
        self._task.finished.connect(lambda _none: self._logged_in(address, password, typed))
        self._task.failed.connect(lambda error: self._refused(address, error))
        self._task.start()

    def _refused(self, address: ServerAddress, error: object) -> None:
        self._connect_button.setEnabled(True)
        if not isinstance(error, StoreError):
            self.settled.emit(False)
            raise error if isinstance(error, BaseException) else RuntimeError(error)
        _log.info("the court server %s refused: %s", address.url(), error)
        self._show_problem(f"{error}.".replace("..", "."))
        self.password.setFocus()
        self.settled.emit(False)

    def _logged_in(self, address: ServerAddress, password: str | None, typed: str | None) -> None:
        self._connect_button.setEnabled(True)
        if self.remember.isChecked() and typed is not None:
            from planner.services.server_passwords import KeyringUnavailable, remember_password

            try:
                remember_password(address, typed)
            except KeyringUnavailable as error:
                self.remember.setChecked(False)
                self._show_problem(f"Connected, but {error}: press Connect to go on without.")
                self.settled.emit(False)
                return
        self._recent.remember_server(address)
        self.login = ServerLogin(address, password)
        self.accept()
        self.settled.emit(True)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text[:1].upper() + text[1:])
        self.problem.show()


def _saved_password(address: ServerAddress) -> str | None:
    from planner.services.server_passwords import saved_password

    return saved_password(address)
