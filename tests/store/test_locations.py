"""``--db`` names a SQLite file or a court server: ``database_location`` decides, in one place."""

from pathlib import Path

import pytest

from planner.store.errors import DatabaseUnavailable
from planner.store.locations import ServerAddress, database_location, is_server_url


def test_a_postgresql_url_is_a_court_server_with_tls_checked_by_default() -> None:
    assert database_location("postgresql://clerk2@court.example/dockets") == ServerAddress(
        "court.example", "dockets", "clerk2", 5432, "verify-full"
    )


def test_the_port_user_and_tls_mode_are_read() -> None:
    address = database_location("postgres://j%20ortiz@10.0.0.5:6543/la_court?sslmode=require")
    assert address == ServerAddress("10.0.0.5", "la_court", "j ortiz", 6543, "require")


@pytest.mark.parametrize(
    "text",
    ["docket.sqlite", "/srv/court/docket.sqlite", r"C:\Users\ortiz\docket.sqlite", "a?b#c.sqlite"],
)
def test_anything_else_is_a_files_path(text: str) -> None:
    assert not is_server_url(text)
    assert database_location(text) == Path(text)


def test_the_url_round_trips_without_a_password() -> None:
    address = ServerAddress("court.example", "dockets", "clerk2", 5433, "verify-ca")
    assert address.url() == "postgresql://clerk2@court.example:5433/dockets?sslmode=verify-ca"
    assert ServerAddress.from_url(address.url()) == address


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("postgresql://clerk2:hunter2@court.example/dockets", "put no password"),
        ("sqlite:///docket.sqlite", "not a database the Planner opens"),
        ("postgresql://court.example/dockets", "postgresql://USER@HOST/DBNAME"),
        ("postgresql://clerk2@court.example/", "postgresql://USER@HOST/DBNAME"),
        ("postgresql://clerk2@court.example:port/dockets", "port"),
        ("postgresql://clerk2@court.example/dockets?sslmode=prefer", "sslmode=prefer"),
        ("postgresql://clerk2@court.example/dockets?password=x", "does not take password="),
    ],
)
def test_a_url_it_cannot_use_is_refused_in_one_line(text: str, reason: str) -> None:
    with pytest.raises(DatabaseUnavailable, match=reason) as refused:
        database_location(text)
    assert "\n" not in str(refused.value)
    assert "hunter2" not in str(refused.value)
