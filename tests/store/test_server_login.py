"""Logging in to a court server (File > Connect to Court Server): what went wrong is one line,
against a real server asking for a real password (``tests/postgres_logins.py``)."""

import pytest

from planner.store.errors import DatabaseUnavailable
from planner.store.locations import ServerAddress
from planner.store.server_login import check_login
from tests.postgres_cluster import Cluster
from tests.postgres_logins import add_password_user

USER, PASSWORD = "clerk_pw", "c0rrect horse"


@pytest.fixture
def address(postgres_cluster: Cluster) -> ServerAddress:
    add_password_user(postgres_cluster, USER, PASSWORD)
    # The test server has no certificate: TLS is off here, and tested as a failure below.
    return ServerAddress("127.0.0.1", "postgres", USER, postgres_cluster.port, "disable")


def _refusal(address: ServerAddress, password: str | None) -> str:
    with pytest.raises(DatabaseUnavailable) as refused:
        check_login(address, password)
    reason = str(refused.value)
    assert "\n" not in reason
    return reason


def test_the_right_password_logs_in(address: ServerAddress) -> None:
    check_login(address, PASSWORD)


def test_a_wrong_password_is_told(address: ServerAddress) -> None:
    reason = _refusal(address, "guess")
    assert reason == f"the server refused the password of {USER}"


def test_no_password_asks_for_one(address: ServerAddress) -> None:
    assert _refusal(address, None) == f"the server asks for {USER}'s password: type it"


def test_no_server_is_told(address: ServerAddress) -> None:
    reason = _refusal(ServerAddress("127.0.0.1", "postgres", USER, 1, "disable"), PASSWORD)
    assert reason.startswith("no court server answers at 127.0.0.1:1")


def test_a_server_without_tls_is_refused_when_tls_is_asked(address: ServerAddress) -> None:
    for mode in ("verify-full", "require"):
        reason = _refusal(
            ServerAddress(address.host, address.database, USER, address.port, mode), PASSWORD
        )
        assert reason.startswith("TLS: ")
        assert "does not offer TLS" in reason


def test_an_unknown_database_or_user_is_named(address: ServerAddress) -> None:
    other_db = ServerAddress(address.host, "nowhere", USER, address.port, "disable")
    assert _refusal(other_db, PASSWORD).startswith("there is no database nowhere on 127.0.0.1")
    other_user = ServerAddress(address.host, "postgres", "nobody", address.port, "disable")
    assert _refusal(other_user, PASSWORD).endswith("has no user nobody")
