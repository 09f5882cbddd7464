"""File > Take Offline… and File > Bring Back Online… in the window (issue 17), between real
files: the copy opens in the window; collisions are listed one by one and nothing is applied
until each is settled."""

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from planner.services.offline import checkin, checkout
from planner.store.database import Database
from planner.sync.merge import Side
from planner.ui.common.workspace import Workspace
from planner.ui.files import offline_actions
from planner.ui.files.offline_actions import CollisionDialog
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from tests.sync.offline_docket import (
    JUDGE,
    a_number,
    case_named,
    delete_case,
    edit_case,
    make_server,
)


@pytest.fixture
def server(tmp_path: Path) -> Path:
    return make_server(tmp_path / "server.sqlite")


@pytest.fixture
def window(qtbot, server: Path, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    workspace = Workspace(Database.open(server), clock=lambda: datetime(2026, 12, 7, 8, 0))
    settings = WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main = MainWindow(workspace, settings)
    qtbot.addWidget(main)
    workspace.switch_judge(workspace.judges()[0])
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    main.said = said
    return main


def test_take_offline_copies_the_docket_and_opens_the_copy(
    window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    laptop = tmp_path / "laptop.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(laptop), "")))

    window.take_offline_action.trigger()

    assert window.workspace.database.path == laptop
    assert "Checked out Judge Ana Ruiz's docket (4 cases, 2 hearings)" in window.said[0]


def test_bring_back_online_settles_each_collision_then_checks_in(
    window,
    server: Path,
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    laptop = tmp_path / "laptop.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(laptop), "")))
    window.take_offline_action.trigger()
    edit_case(laptop, a_number(0), remaining_minutes=120)
    edit_case(server, a_number(0), remaining_minutes=45)
    shown: list[int] = []

    def stop(dialog: CollisionDialog) -> int:
        shown.append(dialog.table.rowCount())
        assert not dialog.check_in.isEnabled()  # nothing until every collision is settled
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(CollisionDialog, "exec", stop)
    window.bring_online_action.trigger()
    assert shown == [1]
    assert case_named(server, a_number(0)).remaining_minutes == 45  # nothing applied

    def keep_laptop(dialog: CollisionDialog) -> int:
        dialog.keep_laptop.click()
        assert dialog.check_in.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CollisionDialog, "exec", keep_laptop)
    window.bring_online_action.trigger()

    assert case_named(server, a_number(0)).remaining_minutes == 120
    assert "Checked in Judge Ana Ruiz's docket" in window.said[-1]


def test_the_collision_list_shows_both_versions_and_who(
    qtbot, server: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    laptop = tmp_path / "laptop.sqlite"
    checkout(str(server), JUDGE, laptop)
    edit_case(laptop, a_number(1), attorney="Laptop Counsel")
    edit_case(server, a_number(1), attorney="Server Counsel")
    dialog = CollisionDialog(checkin(laptop, str(server)))
    qtbot.addWidget(dialog)

    assert dialog.table.item(0, 0).text() == "case A200-000-001 (Person 1)"
    assert dialog.table.item(0, 1).text() == "changed on both sides"
    assert "Attorney: Laptop Counsel" in dialog.table.item(0, 2).text()
    assert "Attorney: Server Counsel" in dialog.table.item(0, 3).text()
    assert dialog.intro.text().startswith("1 edit made on this computer collides with an edit")
    dialog.choices[0].setCurrentIndex(2)
    assert dialog.settlements() == {dialog._collisions[0].id: Side.SERVER}
    assert offline_actions.DATABASE_FILTER.startswith("Planner databases")


def test_a_collision_settled_by_editing_the_values_checked_by_the_domain(
    window,
    server: Path,
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    """The third way (issue 17: "keeps one, the other, or edits"): values of one's own for the
    fields that collide, each read and checked by the domain as it is typed."""
    laptop = tmp_path / "laptop.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(laptop), "")))
    window.take_offline_action.trigger()
    edit_case(laptop, a_number(0), remaining_minutes=120, attorney="Laptop Counsel")
    edit_case(server, a_number(0), remaining_minutes=45, attorney="Server Counsel")
    seen: list[str] = []

    def edit(dialog: CollisionDialog) -> int:
        choice = dialog.choices[0]
        minutes = dialog.editors[0]["remaining_minutes"]
        attorney = dialog.editors[0]["attorney"]
        assert (minutes.text(), attorney.text()) == ("120", "Laptop Counsel")  # the laptop's
        assert not minutes.isEnabled()
        choice.setCurrentIndex(choice.findText("Edit the values"))
        assert minutes.isEnabled()
        assert dialog.check_in.isEnabled()  # the laptop's values as they are settle it
        minutes.setText("ninety")
        assert not dialog.check_in.isEnabled()
        seen.append(dialog.problem.text())
        minutes.setText("-5")  # a whole number the domain refuses
        assert not dialog.check_in.isEnabled()
        seen.append(dialog.problem.text())
        minutes.setText("90")
        attorney.setText("Both Counsel")
        assert dialog.check_in.isEnabled()
        assert dialog.problem.text() == ""
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CollisionDialog, "exec", edit)
    window.bring_online_action.trigger()

    assert (
        seen[0] == "case A200-000-000 (Person 0): remaining_minutes 'ninety' is not a whole number"
    )
    assert seen[1].startswith("case A200-000-000 (Person 0): ")
    assert "remaining" in seen[1]
    for path in (server, laptop):
        case = case_named(path, a_number(0))
        assert (case.remaining_minutes, case.attorney) == (90, "Both Counsel")
    assert "Checked in Judge Ana Ruiz's docket" in window.said[-1]


def test_only_a_row_changed_on_both_sides_offers_editing(
    qtbot, server: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    laptop = tmp_path / "laptop.sqlite"
    checkout(str(server), JUDGE, laptop)
    edit_case(laptop, a_number(1), attorney="Laptop Counsel")
    delete_case(server, a_number(1))
    dialog = CollisionDialog(checkin(laptop, str(server)))
    qtbot.addWidget(dialog)

    assert dialog.choices[0].findText("Edit the values") == -1
    assert dialog.editors == [{}]


def test_after_bring_back_online_the_conflicts_pane_shows_what_the_merge_made(
    window, server: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Offline, a hearing is set on Wednesday 13 January; the server meanwhile gives the judge
    leave that day. No row collides; after Bring Back Online the window's Conflicts pane lists
    the hearing, and the message says so."""
    from datetime import date

    from planner.domain.time_off import Leave
    from tests.sync.offline_docket import add_hearing

    laptop = tmp_path / "laptop.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(laptop), "")))
    window.take_offline_action.trigger()
    pane = window.calendar_page.conflicts
    pane.reload()
    assert pane.conflicts == []
    add_hearing(laptop, a_number(2), datetime(2027, 1, 13, 9, 0))
    database = Database.open(server)
    with database.transaction() as repo:
        judge = repo.judge_named(JUDGE)
        assert judge is not None
        assert judge.id is not None
        repo.replace_calendar(judge.id, (), (Leave.days(date(2027, 1, 13), date(2027, 1, 13)),))
    database.close()

    window.bring_online_action.trigger()

    assert "1 placement conflict(s) now (the Conflicts pane)" in window.said[-1]
    pane.ensure_fresh()
    assert [c.start for c in pane.conflicts] == [datetime(2027, 1, 13, 9, 0)]
    assert pane.list.count() == 1


def test_after_bring_back_online_the_notices_queue_has_the_servers_notices(
    window, server: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A notice served on the server while the docket is away reaches the copy on screen: its
    Notices tab lists one notice to serve, not two."""
    from datetime import date

    from planner.services import notices as notice_service

    laptop = tmp_path / "laptop.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(laptop), "")))
    window.take_offline_action.trigger()
    today = date(2026, 12, 7)
    view = window.notices.ensure_built()  # the window's Notices tab, on the copy
    view.reload()
    assert view.table.rowCount() == 2
    database = Database.open(server)
    due = notice_service.load_queue(database, JUDGE, today).due
    notice_service.mark_served(database, JUDGE, due[:1], today)
    database.close()

    window.bring_online_action.trigger()

    assert "Checked in" in window.said[-1]
    view.freshness.ensure()  # the check-in told the views to read again
    assert view.table.rowCount() == 1
    assert len(notice_service.load_queue(window.workspace.database, JUDGE, today).due) == 1


def test_take_offline_and_bring_back_online_with_a_window_on_a_postgresql_server(
    qtbot, postgres_url: str, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The window open on the court server's PostgreSQL (issue 16) takes the docket offline to
    a file and opens it; the edits made there, and the notice the server serves meanwhile, meet
    at Bring Back Online."""
    from datetime import date

    from planner.domain.docket import Docket, Hearing
    from planner.domain.judge import Judge
    from planner.domain.vocabulary import HearingKind
    from planner.services import notices as notice_service
    from planner.store.sessions import Sessions
    from tests.sync.offline_docket import a_number as number_of
    from tests.sync.offline_docket import case_of_number

    url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    sessions = Sessions.on_server(url)
    sessions.upgrade_schema()
    sessions.close()
    database = Database.open(url)
    with database.transaction() as repo:
        repo.add_docket(
            Docket(
                Judge(JUDGE, timezone="America/Los_Angeles"),
                cases=(case_of_number(0), case_of_number(1)),
                hearings=(
                    Hearing(number_of(0), datetime(2027, 1, 4, 9, 0), 60, HearingKind.MASTER),
                ),
            )
        )
    workspace = Workspace(database, clock=lambda: datetime(2026, 12, 7, 8, 0))
    settings = WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main = MainWindow(workspace, settings)
    qtbot.addWidget(main)
    workspace.switch_judge(workspace.judges()[0])
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    laptop = tmp_path / "laptop.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(laptop), "")))

    main.take_offline_action.trigger()

    assert main.workspace.database.path == laptop, said
    assert "Checked out Judge Ana Ruiz's docket (2 cases, 1 hearing)" in said[0]
    edit_case(laptop, number_of(1), attorney="Offline Counsel")
    server = Database.open(url)
    today = date(2026, 12, 7)
    due = notice_service.load_queue(server, JUDGE, today).due
    notice_service.mark_served(server, JUDGE, due, today)

    main.bring_online_action.trigger()

    assert "Checked in Judge Ana Ruiz's docket" in said[-1], said
    with server.transaction() as repo:
        judge = repo.judge_named(JUDGE)
        assert judge is not None
        assert judge.id is not None
        assert repo.case(repo.case_ids(judge.id)[number_of(1)]).attorney == "Offline Counsel"
    server.close()
    assert notice_service.load_queue(main.workspace.database, JUDGE, today).due == ()
