"""Two windows on one court server (PostgreSQL, the test session's throwaway cluster), as two
people of a court work (issue 16): an edit in one shows in the other within two seconds
(LISTEN/NOTIFY, through the window's poll); raced edits lose nothing; a legal assistant's
window cannot change a judge they are not assigned to."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import make_url

from planner.cli import main
from planner.domain.records import replace
from planner.services import cases as case_service
from planner.store.database import Database
from planner.store.locations import ServerAddress
from planner.ui.common.workspace import Workspace
from planner.ui.docket.case_actions import perform_update
from planner.ui.files.court_server_dialog import ServerLogin
from planner.ui.files.server_open import open_address
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from tests.court_server import add_ortiz_and_baker, as_login
from tests.ui.conftest import NOW

#: The issue's promise: another user's change shows within two seconds.
WITHIN_MS = 2000


@pytest.fixture
def court(postgres_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    """A court database set up by ``planner court init``: Judge Ortiz's and Judge Baker's
    dockets, added by the owner; ``lee`` and ``kim`` are legal assistants to Judge Ortiz only."""
    url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    assert main(["court", "init", "--db", url, "--admin", "clerk_admin"]) == 0
    add_ortiz_and_baker(url)
    admin = as_login(url, "clerk_admin")
    grant = ["court", "grant", "--db", admin, "--user", "lee", "--role", "assistant"]
    assert main([*grant, "--judge", "Ortiz"]) == 0
    grant[5] = "kim"
    assert main([*grant, "--judge", "Ortiz"]) == 0
    capsys.readouterr()
    return url


@pytest.fixture
def windows(qtbot, court: str, tmp_path: Path) -> Iterator[list[MainWindow]]:  # type: ignore[no-untyped-def]
    """Opens windows on the court server, each with its own settings; closed after."""
    opened: list[MainWindow] = []

    def window(login: str, judge: str) -> MainWindow:
        database = Database.open(as_login(court, login))
        database.editor = login
        settings = WindowSettings(
            QSettings(str(tmp_path / f"{login}-{len(opened)}.ini"), QSettings.Format.IniFormat)
        )
        shown = MainWindow(Workspace(database, clock=lambda: NOW), settings)
        qtbot.addWidget(shown)
        shown.show()
        qtbot.waitExposed(shown)
        chosen = next(j for j in shown.workspace.judges() if j.name == judge)
        shown.workspace.switch_judge(chosen)  # as the switcher does
        qtbot.waitUntil(lambda: shown.windowTitle().startswith(f"{judge} — "))
        qtbot.waitUntil(lambda: shown.quota_panel.up_to_date, timeout=10_000)
        opened.append(shown)
        return shown

    yield window  # type: ignore[misc]
    for shown in opened:
        shown.close()
        shown.workspace.database.close()


def _only_case(window: MainWindow) -> int:
    case_id = window.docket.model.case_id(0)
    assert case_id is not None
    return case_id


def test_an_edit_in_one_window_shows_in_the_other_within_two_seconds(qtbot, windows) -> None:  # type: ignore[no-untyped-def]
    mine, theirs = windows("lee", "Ortiz"), windows("kim", "Ortiz")
    assert mine.windowTitle().startswith("Ortiz — ")
    assert " on 127.0.0.1" in mine.windowTitle()
    assert "(lee)" in mine.windowTitle()
    assert mine.database_label.text().startswith("Court server: ")
    assert not mine.restore_action.isEnabled()  # a server's backups are pg_dump's
    assert mine.workspace.others.active
    assert theirs.workspace.others.active
    case_id = _only_case(mine)
    before = case_service.get_case(mine.workspace.database, case_id)

    assert perform_update(mine.workspace, before, replace(before, language="Portuguese"), "Edit")

    row = theirs.docket.model.row_of(case_id)
    qtbot.waitUntil(
        lambda: theirs.docket.model.row_at(row).language == "Portuguese", timeout=WITHIN_MS
    )


def test_raced_edits_lose_nothing(qtbot, windows, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Both open the same case; the first saves; the second's save, made on what it read
    before, is refused naming who changed what, and its window shows the first's change."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    first, second = windows("lee", "Ortiz"), windows("kim", "Ortiz")
    first.workspace.others.stop()  # the second window's poll alone tells it
    case_id = _only_case(first)
    lees = case_service.get_case(first.workspace.database, case_id)
    kims = case_service.get_case(second.workspace.database, case_id)

    assert perform_update(first.workspace, lees, replace(lees, language="Portuguese"), "Edit")
    saved = perform_update(second.workspace, kims, replace(kims, attorney="L. Chen"), "Edit")

    assert saved is None
    assert len(shown) == 1
    assert "changed by lee (language)" in shown[0]
    stored = case_service.get_case(second.workspace.database, case_id)
    assert (stored.language, stored.attorney) == ("Portuguese", None)
    row = second.docket.model.row_of(case_id)
    qtbot.waitUntil(
        lambda: second.docket.model.row_at(row).language == "Portuguese", timeout=WITHIN_MS
    )
    assert second.workspace.undo_stack.count() == 0


def test_a_legal_assistant_cannot_change_a_judge_not_assigned_to_them(
    qtbot, windows, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    window = windows("lee", "Baker")
    case_id = _only_case(window)
    before = case_service.get_case(window.workspace.database, case_id)

    saved = perform_update(window.workspace, before, replace(before, language="Portuguese"), "Edit")

    assert saved is None
    assert len(shown) == 1
    assert "not assigned to Judge Baker" in shown[0]
    assert "Traceback" not in shown[0]
    stored = case_service.get_case(window.workspace.database, case_id)
    assert stored.language == before.language
    row = window.docket.model.row_of(case_id)
    assert window.docket.model.row_at(row).language == before.language
    assert window.workspace.undo_stack.count() == 0


def _address(url: str, login: str) -> ServerAddress:
    parts = make_url(url)
    assert parts.host is not None
    assert parts.port is not None
    assert parts.database is not None
    return ServerAddress(parts.host, parts.database, login, parts.port, "disable")


def test_connect_to_court_server_opens_it_in_the_window(
    qtbot, court: str, database: Database, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """File > Connect's accepted login replaces the open file, as File > Open does."""
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(Workspace(database, clock=lambda: NOW), settings)
    qtbot.addWidget(window)
    window.show()
    address = _address(court, "lee")

    assert window.open_server(ServerLogin(address, None))

    opened = window.workspace.database
    assert opened.path is None
    assert opened.url == address.url()
    assert [j.name for j in window.workspace.judges()] == ["Baker", "Ortiz"]
    assert address.describe() in window.windowTitle()
    assert window.database_label.text() == f"Court server: {address.describe()}"
    window.close()
    opened.close()


def test_a_servers_address_on_the_command_line_opens_without_asking(
    qtbot, court: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """``planner --db postgresql://...``: a server that takes the login as it is (here the
    test server's trust; libpq's ~/.pgpass or the keyring elsewhere) asks for nothing."""
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    address = _address(court, "kim")

    opened = open_address(address, settings)

    assert opened is not None
    assert opened.title() == address.describe()
    assert settings.recent_servers()[0] == address
    opened.close()
