"""Which docket the login may change (issue 16): read from a real court server's grants, and
on SQLite every docket; the reason in the same words as the server's refusals."""

import re
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import make_url

from planner.cli import main
from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.services.cases import add_case
from planner.services.docket_access import docket_access, may_change_docket
from planner.services.judges import list_judges
from planner.store.court_access import Permissions, what_login_may_change
from planner.store.database import Database
from planner.store.errors import NotAllowed
from tests.court_server import add_ortiz_and_baker, as_login


@pytest.fixture
def court(postgres_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    """Judge Ortiz's and Judge Baker's dockets; ``lee`` a legal assistant to Judge Ortiz,
    ``ortiz`` Judge Ortiz's login, ``clerk_admin`` the court administrator."""
    url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    assert main(["court", "init", "--db", url, "--admin", "clerk_admin"]) == 0
    add_ortiz_and_baker(url)
    admin = as_login(url, "clerk_admin")
    grant = ["court", "grant", "--db", admin, "--user"]
    assert main([*grant, "lee", "--role", "assistant", "--judge", "Ortiz"]) == 0
    assert main([*grant, "ortiz", "--role", "judge", "--judge", "Ortiz"]) == 0
    capsys.readouterr()
    return url


@pytest.fixture
def opened(court: str) -> Iterator[list[Database]]:
    databases: list[Database] = []
    yield databases
    for database in databases:
        database.close()


def _open(court: str, login: str, opened: list[Database]) -> tuple[Database, dict[str, Judge]]:
    database = Database.open(as_login(court, login))
    opened.append(database)
    return database, {judge.name: judge for judge in list_judges(database)}


def test_a_legal_assistant_may_change_only_their_assigned_judges_docket(
    court: str, opened: list[Database]
) -> None:
    database, judges = _open(court, "lee", opened)

    allowed = what_login_may_change(database.engine)

    assert (allowed.login, allowed.role) == ("lee", "assistant")
    assert allowed.judge_ids == {judges["Ortiz"].id}
    assert may_change_docket(database, judges["Ortiz"]).may_change
    baker = may_change_docket(database, judges["Baker"])
    assert not baker.may_change
    assert baker.reason == (
        "legal assistant lee is not assigned to Judge Baker: only their assigned judges' "
        "dockets can be changed"
    )


def test_a_judge_may_change_only_their_own_docket(court: str, opened: list[Database]) -> None:
    database, judges = _open(court, "ortiz", opened)

    assert may_change_docket(database, judges["Ortiz"]).may_change
    baker = may_change_docket(database, judges["Baker"])
    assert baker.reason == "judge ortiz may change only their own docket, not Judge Baker's"


def test_a_court_administrator_may_change_no_docket(court: str, opened: list[Database]) -> None:
    database, judges = _open(court, "clerk_admin", opened)

    allowed = what_login_may_change(database.engine)

    assert (allowed.role, allowed.judge_ids, allowed.everything) == ("admin", frozenset(), False)
    for judge in judges.values():
        access = may_change_docket(database, judge)
        assert not access.may_change
        assert access.reason == (
            "court administrator clerk_admin may read every judge's docket but change none"
        )


def test_the_servers_owner_may_change_every_docket(court: str, opened: list[Database]) -> None:
    owner = make_url(court).username
    assert owner is not None
    database, judges = _open(court, owner, opened)

    assert what_login_may_change(database.engine).everything
    assert all(may_change_docket(database, judge).may_change for judge in judges.values())


def test_the_reason_is_the_servers_refusal_word_for_word(
    court: str, opened: list[Database]
) -> None:
    """What the window says before an edit is what the server says when one is tried."""
    database, judges = _open(court, "lee", opened)
    baker = judges["Baker"]
    assert baker.id is not None
    reason = may_change_docket(database, baker).reason
    assert reason is not None

    with pytest.raises(NotAllowed, match=re.escape(reason)):
        add_case(database, baker.id, Case("555666777", "Li Wei", "asylum", date(2025, 1, 2)))


def test_a_login_with_no_role_may_change_nothing() -> None:
    nobody = Permissions(login="carol", role=None)
    judge = Judge("Baker", court="Los Angeles", timezone="America/Los_Angeles", quota=650, id=2)

    access = docket_access(nobody, judge)

    assert not access.may_change
    assert access.reason == (
        "carol has no role on this court server: a court administrator gives one with "
        "'planner court grant'"
    )


def test_on_sqlite_every_docket_may_be_changed(database: Database) -> None:
    judge = Judge("Baker", court="Los Angeles", timezone="America/Los_Angeles", quota=650)
    with database.transaction() as repo:
        repo.add_docket(Docket(judge))
    (stored,) = list_judges(database)

    assert what_login_may_change(database.engine).everything
    assert may_change_docket(database, stored) == may_change_docket(database, None)
    assert may_change_docket(database, stored).may_change
