"""Opening a court server's docket named by ``--db postgresql://...``: the password from the
system's keyring (or libpq's own ``~/.pgpass`` and ``PGPASSWORD``), else asked for in the
Connect to Court Server dialog, filled in with the address and the server's reason."""

from PySide6.QtWidgets import QDialog, QWidget

from planner.store.database import Database
from planner.store.errors import StoreError
from planner.store.locations import ServerAddress
from planner.ui.common.errors import show_error
from planner.ui.files.court_server_dialog import CourtServerDialog, RecentServers, ServerLogin


def open_server(login: ServerLogin, parent: QWidget | None) -> Database | None:
    """The server's database for a login the server accepted; on failure the reason shown."""
    try:
        return Database.open(login.address.url(), password=login.password)
    except StoreError as error:
        show_error(parent, error)
        return None


def open_address(
    address: ServerAddress, recent: RecentServers, parent: QWidget | None = None
) -> Database | None:
    """Open ``address``'s docket, asking for the password only if the server wants one that
    the keyring (or libpq's password file) did not give, or refused the one given; None if the
    user gave up. Any other problem (no server answers, no such database) is raised as the
    ``StoreError`` naming it: the caller says it in one line."""
    from planner.services.server_passwords import saved_password
    from planner.store.server_login import check_login

    password = saved_password(address)
    try:
        check_login(address, password)
    except StoreError as error:
        if "password" not in str(error):  # server_login.login_problem's words
            raise
        dialog = CourtServerDialog(parent, recent)
        dialog.ask_password(address, str(error))
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.login is None:
            return None
        return open_server(dialog.login, parent)
    recent.remember_server(address)
    return open_server(ServerLogin(address, password), parent)
