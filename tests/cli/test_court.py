"""``planner court init|grant|revoke`` on a real PostgreSQL server (issue 16): the command line
as a court administrator uses it, its effect seen at once through the store, and its refusals
in one line."""

import pytest
from sqlalchemy import select

from planner.cli import main
from planner.domain.records import replace
from planner.store.errors import NotAllowed
from planner.store.sessions import Sessions
from planner.store.tables import CaseRow, JudgeRow
from tests.court_server import add_ortiz_and_baker, as_login
from tests.postgres_cluster import Cluster


@pytest.fixture
def court_url(postgres_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    """A court database set up by ``planner court init``, holding Judge Ortiz's and Judge
    Baker's dockets (added by the owner, as judges are)."""
    url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    assert main(["court", "init", "--db", url, "--admin", "clerk_admin"]) == 0
    add_ortiz_and_baker(url)
    return url


def test_init_grant_and_revoke_change_who_may_do_what_at_once(
    court_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = capsys.readouterr().out
    assert "is its first court administrator" in out

    admin = as_login(court_url, "clerk_admin")
    assert _grant(admin, "bob", "assistant", "ortiz") == 0
    assert capsys.readouterr().out == "bob is now a legal assistant to Judge Ortiz.\n"
    bob = Sessions.on_server(as_login(court_url, "bob"))
    try:
        _rename(bob, "Ortiz")
        with pytest.raises(NotAllowed, match="not assigned to Judge Baker"):
            _rename(bob, "Baker")

        assert _grant(admin, "bob", "assistant", "Baker") == 0
        _rename(bob, "Baker")
        assert main(["court", "revoke", "--db", admin, "--user", "bob", "--judge", "Baker"]) == 0
        assert capsys.readouterr().out.endswith("bob no longer acts for Judge Baker.\n")
        with pytest.raises(NotAllowed, match="not assigned to Judge Baker"):
            _rename(bob, "Baker")
        assert main(["court", "revoke", "--db", admin, "--user", "bob"]) == 0
        assert capsys.readouterr().out == "bob no longer has a role on this court server.\n"
        with pytest.raises(NotAllowed, match=r"^bob has no role on this court server"):
            _rename(bob, "Ortiz")
    finally:
        bob.close()


def _grant(db: str, user: str, role: str, judge: str) -> int:
    """``planner court grant`` of ``role`` to ``user`` for ``judge``, as the login of ``db``."""
    return main(["court", "grant", "--db", db, "--user", user, "--role", role, "--judge", judge])


def _rename(sessions: Sessions, judge: str) -> None:
    with sessions.transaction("someone") as repo:
        case_id = repo._session.scalar(
            select(CaseRow.id)
            .join(JudgeRow, CaseRow.judge_id == JudgeRow.id)
            .where(JudgeRow.name == judge)
        )
        case = repo.case(case_id)
        repo.update_case(replace(case, name=f"{case.name}!"), case)  # a change each time


def test_init_run_twice_is_told_and_changes_nothing(
    court_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["court", "init", "--db", court_url, "--admin", "clerk_admin"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Brought up to date the court server postgresql://")
    assert out.endswith("clerk_admin is already a court administrator.\n")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ["grant", "--user", "erin", "--role", "assistant", "--judge", "Nobody"],
            "planner: there is no judge named 'Nobody' on this court server\n",
        ),
        (
            ["grant", "--user", "erin", "--role", "judge", "--judge", "Ortiz", "Baker"],
            "planner: a judge's login acts for one judge: give --judge NAME once\n",
        ),
        (
            ["revoke", "--user", "clerk_admin"],
            "planner: clerk_admin is the last court administrator: make another one first "
            "(planner court grant --role admin)\n",
        ),
        (
            ["revoke", "--user", "erin"],
            "planner: erin has no role on this court server: there is nothing to revoke\n",
        ),
    ],
)
def test_a_refusal_is_one_line(
    court_url: str, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    capsys.readouterr()
    admin = as_login(court_url, "clerk_admin")
    assert main(["court", argv[0], "--db", admin, *argv[1:]]) == 1
    captured = capsys.readouterr()
    assert captured.err == said
    assert captured.out == ""


def test_only_an_administrator_gives_roles(
    court_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = as_login(court_url, "clerk_admin")
    assert _grant(admin, "jortiz", "judge", "Ortiz") == 0
    capsys.readouterr()
    judge = as_login(court_url, "jortiz")
    assert main(["court", "grant", "--db", judge, "--user", "jortiz", "--role", "admin"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("planner: jortiz may not grant a court role: only a court administrator")
    assert err.count("\n") == 1
    assert main(["court", "init", "--db", judge, "--admin", "jortiz"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "planner: jortiz may not set up the court server: run 'planner court init' as the database's owner"
    )
    assert err.count("\n") == 1


def test_the_url_must_be_postgresql(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["court", "init", "--db", "docket.sqlite", "--admin", "a"]) == 1
    assert capsys.readouterr().err == (
        "planner: --db 'docket.sqlite' is not a PostgreSQL URL: give postgresql://USER@HOST/DBNAME\n"
    )


def test_the_owner_needs_no_superuser(
    postgres_cluster: Cluster, capsys: pytest.CaptureFixture[str]
) -> None:
    """As docs/court-server.md sets a server up: a database owned by a login that may create
    roles, not a superuser."""
    postgres_cluster.execute("DROP ROLE IF EXISTS court_owner")
    postgres_cluster.execute("CREATE ROLE court_owner LOGIN CREATEROLE")
    postgres_cluster.execute("CREATE DATABASE court_by_owner OWNER court_owner")
    try:
        url = as_login(postgres_cluster.url("court_by_owner"), "court_owner")
        assert main(["court", "init", "--db", url, "--admin", "owners_admin"]) == 0, (
            capsys.readouterr().err
        )
        add_ortiz_and_baker(url)
        admin = as_login(url, "owners_admin")
        assert _grant(admin, "owners_clerk", "assistant", "Ortiz") == 0
        clerk = Sessions.on_server(as_login(url, "owners_clerk"))
        try:
            _rename(clerk, "Ortiz")
            with pytest.raises(NotAllowed, match="not assigned to Judge Baker"):
                _rename(clerk, "Baker")
        finally:
            clerk.close()
    finally:
        postgres_cluster.execute('DROP DATABASE IF EXISTS "court_by_owner" WITH (FORCE)')


def test_grant_on_a_database_never_set_up_says_so(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["court", "grant", "--db", postgres_url, "--user", "bob", "--role", "admin"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("planner: postgresql://planner_tests@127.0.0.1:")
    assert err.endswith("'planner court init' first\n")
    assert err.count("\n") == 1
