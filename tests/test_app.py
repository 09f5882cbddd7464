"""Which database the window opens on."""

from pathlib import Path

from planner.app import choose_database
from planner.paths import default_database


def test_db_option_wins(tmp_path: Path) -> None:
    last = tmp_path / "last.sqlite"
    last.touch()
    assert choose_database(tmp_path / "asked.sqlite", last) == tmp_path / "asked.sqlite"


def test_the_last_database_reopens_if_it_is_still_there(tmp_path: Path) -> None:
    last = tmp_path / "last.sqlite"
    last.touch()
    assert choose_database(None, last) == last


def test_otherwise_the_default_in_the_data_folder(
    tmp_path: Path, private_data_folder: Path
) -> None:
    assert choose_database(None, tmp_path / "gone.sqlite") == default_database()
    assert choose_database(None, None) == default_database()
    assert private_data_folder in default_database().parents


def test_a_court_server_asked_for_is_chosen(tmp_path: Path) -> None:
    from planner.store.locations import ServerAddress

    server = ServerAddress("court.example", "dockets", "clerk2")
    last = tmp_path / "last.sqlite"
    last.touch()
    assert choose_database(server, last) == server
