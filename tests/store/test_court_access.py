"""Who may do what on a court server (issue 16), enforced by PostgreSQL itself: through the store
and the services, and from ``psql``, against a real server (``tests/conftest.py``).

Logins are made by ``court_access.grant`` (without passwords: the test server trusts 127.0.0.1).
"""

import subprocess
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import make_url, select, update

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.time_off import Closure
from planner.domain.vocabulary import HearingKind
from planner.services import cases as case_services
from planner.store import court_access
from planner.store.errors import Conflict, NotAllowed, StaleEdit
from planner.store.repository import Repository
from planner.store.sessions import Sessions
from planner.store.tables import CaseRow, JudgeRow
from tests.court_server import as_login
from tests.postgres_cluster import Cluster, server_binaries

ADMIN = "court_admin"


def _docket(name: str, a_number: str) -> Docket:
    return Docket(
        Judge(name, court="Los Angeles", timezone="America/Los_Angeles", quota=650),
        closures=(Closure(date(2027, 1, 18), "MLK Day"),),
        cases=(Case(a_number, "Ana Pérez", "asylum", date(2025, 2, 3), language="Spanish"),),
        hearings=(Hearing(a_number, datetime(2027, 2, 1, 9), 60, HearingKind.MASTER),),
    )


@dataclass
class Court:
    """A migrated, set-up court database holding Judge Ortiz's and Judge Baker's dockets."""

    cluster: Cluster
    url: str
    owner: Sessions
    ortiz: int
    baker: int
    _opened: list[Sessions] = field(default_factory=list)

    def url_of(self, login: str) -> str:
        return as_login(self.url, login)

    def as_login(self, login: str) -> Sessions:
        sessions = Sessions.on_server(self.url_of(login))
        self._opened.append(sessions)
        return sessions

    def case_of(self, judge_id: int) -> Case:
        with self.owner.transaction("owner") as repo:
            (case_id,) = repo.case_ids(judge_id).values()
            return repo.case(case_id)

    def psql(self, login: str, statement: str) -> subprocess.CompletedProcess[str]:
        """``statement`` run by the real ``psql`` binary, logged in as ``login``."""
        binaries = server_binaries()
        assert binaries is not None
        database = make_url(self.url).database
        assert database is not None
        return subprocess.run(
            [
                str(binaries / "psql"),
                "--no-psqlrc",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.cluster.port),
                "-U",
                login,
                "-d",
                database,
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                statement,
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )


@pytest.fixture
def court(postgres_cluster: Cluster, postgres_url: str) -> Iterator[Court]:
    owner = Sessions.on_server(postgres_url)
    owner.upgrade_schema()
    with owner.transaction("owner") as repo:
        ortiz = repo.add_docket(_docket("Ortiz", "123456789"))
        baker = repo.add_docket(_docket("Baker", "987654321"))
    setup = court_access.install(owner.engine, ADMIN)
    assert setup.first_time
    assert setup.admin_added
    built = Court(postgres_cluster, postgres_url, owner, ortiz, baker)
    try:
        yield built
    finally:
        for sessions in built._opened:
            sessions.close()
        owner.close()


class _OnServer:
    """The services' view of a database (``transaction()``), on a court server as one login."""

    def __init__(self, sessions: Sessions, editor: str) -> None:
        self._sessions = sessions
        self._editor = editor

    def transaction(self) -> AbstractContextManager[Repository]:
        return self._sessions.transaction(self._editor)


def _renamed(case: Case, name: str) -> Case:
    return replace(case, name=name)


NOT_ASSIGNED = (
    "legal assistant bob is not assigned to Judge Baker: only their assigned judges' dockets "
    "can be changed"
)


def test_a_legal_assistant_changes_the_assigned_judges_docket_and_no_other(court: Court) -> None:
    court_access.grant(court.owner.engine, "bob", "assistant", ["ortiz"])
    bob = court.as_login("bob")
    docket = _OnServer(bob, "bob")
    own, other = court.case_of(court.ortiz), court.case_of(court.baker)

    saved = case_services.update_case(docket, _renamed(own, "Ana María Pérez"), own)  # type: ignore[arg-type]
    assert saved.name == "Ana María Pérez"
    # He reads the other judge's docket (the court's calendar is shared work) ...
    assert case_services.get_case(docket, other.id) == other  # type: ignore[arg-type, arg-type]
    # ... and every way of changing it is refused, naming the rule, not taken for a lost race.
    with pytest.raises(NotAllowed) as refused:
        case_services.update_case(docket, _renamed(other, "Someone Else"), other)  # type: ignore[arg-type]
    assert str(refused.value) == NOT_ASSIGNED
    with pytest.raises(NotAllowed, match=r"^legal assistant bob is not assigned to Judge Baker"):
        case_services.delete_case(docket, other.id)  # type: ignore[arg-type, arg-type]
    with pytest.raises(NotAllowed, match="not assigned to Judge Baker"):
        case_services.add_case(
            docket, court.baker, Case("111111111", "New", "asylum", date(2026, 1, 2))
        )  # type: ignore[arg-type]
    with bob.transaction("bob") as repo:
        baker = next(judge for judge in _judges(repo) if judge.id == court.baker)
    with (
        pytest.raises(NotAllowed, match="not assigned to Judge Baker"),
        bob.transaction("bob") as repo,
    ):
        repo.update_judge(replace(baker, quota=1), baker)
    with (
        pytest.raises(NotAllowed, match="not assigned to Judge Baker"),
        bob.transaction("bob") as repo,
    ):
        repo.replace_calendar(court.baker, [], [])
    # Nor can he take the other judge's case onto his judge's docket, nor add a judge.
    with (
        pytest.raises(NotAllowed, match="not assigned to Judge Baker"),
        bob.transaction("bob") as repo,
    ):
        repo._session.execute(  # moving the row: an UPDATE of its judge_id
            update(CaseRow).where(CaseRow.id == other.id).values(judge_id=court.ortiz)
        )
    adding = r"^legal assistant bob cannot add or remove judges"
    with pytest.raises(NotAllowed, match=adding), bob.transaction("bob") as repo:
        repo.add_judge(Judge("Newcomer", timezone="America/New_York", quota=1))

    assert court.case_of(court.baker) == other  # nothing of Baker's changed
    with court.owner.transaction("owner") as repo:
        assert len(repo.hearings_of(other.id)) == 1  # type: ignore[arg-type]


def _judges(repo: Repository) -> list[Judge]:
    rows = repo._session.scalars(select(JudgeRow))
    return [
        Judge(
            row.name,
            id=row.id,
            version=row.version,
            court=row.court,
            timezone=row.timezone,
            quota=row.quota,
        )
        for row in rows
    ]


def test_psql_obeys_the_same_rules(court: Court) -> None:
    court_access.grant(court.owner.engine, "bob", "assistant", ["Ortiz"])
    other = court.case_of(court.baker)

    for statement in (
        f"UPDATE cases SET name = 'X' WHERE judge_id = {court.baker}",
        f"DELETE FROM hearings WHERE case_id = {other.id}",
        f"INSERT INTO closures (judge_id, day, reason) VALUES ({court.baker}, '2027-07-05', 'x')",
        f"UPDATE cases SET judge_id = {court.ortiz} WHERE judge_id = {court.baker}",
        f"DELETE FROM judges WHERE id = {court.baker}",
    ):
        done = court.psql("bob", statement)
        assert done.returncode != 0, statement
        assert "is not assigned to Judge Baker" in done.stderr or (
            "cannot add or remove judges" in done.stderr
        ), done.stderr

    own = court.psql("bob", f"UPDATE cases SET name = 'Y' WHERE judge_id = {court.ortiz}")
    assert own.returncode == 0, own.stderr
    assert own.stdout.strip() == "UPDATE 1"
    seen = court.psql("bob", "SELECT count(*) FROM cases")
    assert seen.stdout.split()[2] == "2"  # he reads both dockets
    assert court.case_of(court.baker) == other

    admin = court.psql(ADMIN, f"UPDATE cases SET name = 'Z' WHERE judge_id = {court.ortiz}")
    assert admin.returncode != 0
    assert "permission denied for table cases" in admin.stderr
    stranger = court.psql("nobody_here", "SELECT 1")
    assert stranger.returncode != 0


def test_the_administrator_reads_every_judge_and_changes_none(court: Court) -> None:
    admin = court.as_login(ADMIN)
    with admin.transaction(ADMIN) as repo:
        assert repo.case_count(court.ortiz) == 1
        assert repo.case_count(court.baker) == 1
        case = repo.case(court.case_of(court.baker).id)  # type: ignore[arg-type]
    with pytest.raises(NotAllowed) as refused:
        case_services.update_case(_OnServer(admin, ADMIN), _renamed(case, "X"), case)  # type: ignore[arg-type]
    assert str(refused.value) == (
        "court administrator court_admin may read every judge's docket but change none"
    )
    with pytest.raises(NotAllowed, match="change none"), admin.transaction(ADMIN) as repo:
        repo.replace_calendar(court.ortiz, [], [])


def test_a_judge_changes_their_own_docket_only(court: Court) -> None:
    court_access.grant(court.owner.engine, "jortiz", "judge", ["Ortiz"])
    judge = _OnServer(court.as_login("jortiz"), "jortiz")
    own, other = court.case_of(court.ortiz), court.case_of(court.baker)
    assert case_services.update_case(judge, _renamed(own, "Own"), own).name == "Own"  # type: ignore[arg-type]
    with pytest.raises(NotAllowed) as refused:
        case_services.update_case(judge, _renamed(other, "Other"), other)  # type: ignore[arg-type]
    assert str(refused.value) == (
        "judge jortiz may change only their own docket, not Judge Baker's"
    )


def test_grant_and_revoke_take_effect_at_once(court: Court) -> None:
    engine = court.owner.engine
    court_access.grant(engine, "carol", "assistant", ["Ortiz"])
    carol = _OnServer(court.as_login("carol"), "carol")
    other = court.case_of(court.baker)
    with pytest.raises(NotAllowed):
        case_services.update_case(carol, _renamed(other, "A"), other)  # type: ignore[arg-type]

    court_access.grant(engine, "carol", "assistant", ["Baker"])  # the same open connections
    other = case_services.update_case(carol, _renamed(other, "A"), other)  # type: ignore[arg-type]

    assert court_access.revoke(engine, "carol", ["Baker"]) == "carol no longer acts for Judge Baker"
    with pytest.raises(NotAllowed, match="not assigned to Judge Baker"):
        case_services.update_case(carol, _renamed(other, "B"), other)  # type: ignore[arg-type]

    assert court_access.revoke(engine, "carol", []) == (
        "carol no longer has a role on this court server"
    )
    with pytest.raises(NotAllowed) as refused:
        case_services.get_case(carol, other.id)  # type: ignore[arg-type, arg-type]
    assert str(refused.value) == (
        "carol has no role on this court server: a court administrator gives one with "
        "'planner court grant'"
    )


def test_an_administrator_grants_and_the_last_one_stays(court: Court) -> None:
    admin = court.as_login(ADMIN).engine
    assert court_access.grant(admin, "dave", "judge", ["BAKER"]) == (
        "dave is now Judge Baker's login: they change that docket only"
    )
    with pytest.raises(Conflict, match=r"^court_admin is the last court administrator"):
        court_access.revoke(admin, ADMIN, [])
    with pytest.raises(Conflict, match=r"^court_admin is the last court administrator"):
        court_access.grant(admin, ADMIN, "assistant", ["Ortiz"])
    with pytest.raises(Conflict, match=r"^there is no judge named 'Nobody' on this court server"):
        court_access.grant(admin, "erin", "assistant", ["Nobody"])
    with pytest.raises(Conflict, match="a built-in role"):
        court_access.grant(admin, "pg_read_all_data", "admin", [])
    with pytest.raises(Conflict, match="acts for one judge"):
        court_access.grant(admin, "erin", "judge", ["Ortiz", "Baker"])
    with pytest.raises(Conflict, match=r"^erin has no role on this court server"):
        court_access.revoke(admin, "erin", [])
    with pytest.raises(Conflict, match=r"^dave does not act for Judge Ortiz"):
        court_access.revoke(admin, "dave", ["Ortiz"])
    # A judge cannot give roles.
    with pytest.raises(NotAllowed, match=r"^dave may not grant a court role"):
        court_access.grant(court.as_login("dave").engine, "dave", "admin", [])


def test_init_run_again_changes_nothing_that_is_right(court: Court) -> None:
    court_access.grant(court.owner.engine, "bob", "assistant", ["Ortiz"])
    again = court_access.install(court.owner.engine, ADMIN)
    assert not again.first_time
    assert not again.admin_added
    other = court.case_of(court.baker)
    with pytest.raises(NotAllowed, match=NOT_ASSIGNED):
        case_services.update_case(
            _OnServer(court.as_login("bob"), "bob"), _renamed(other, "X"), other
        )  # type: ignore[arg-type]
    assert court_access.install(court.owner.engine, "second_admin").admin_added


def test_a_stale_edit_by_an_assigned_user_is_still_a_stale_edit(court: Court) -> None:
    court_access.grant(court.owner.engine, "bob", "assistant", ["Ortiz"])
    bob = _OnServer(court.as_login("bob"), "bob")
    base = court.case_of(court.ortiz)
    case_services.update_case(bob, _renamed(base, "First"), base)  # type: ignore[arg-type]
    with pytest.raises(StaleEdit, match="was changed by bob"):
        case_services.update_case(bob, _renamed(base, "Second"), base)  # type: ignore[arg-type]


def test_court_roles_are_not_made_on_sqlite(tmp_path: Path) -> None:
    sessions = Sessions(tmp_path / "docket.sqlite")
    sessions.upgrade_schema()
    with sessions.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM court_users").scalar() == 0
    sessions.close()


def test_a_role_in_another_courts_database_gives_nothing_here(court: Court) -> None:
    """The group roles are the whole server's: an administrator (or assistant) of another
    court's database on the same server reads nothing here and gives no roles here."""
    with court.cluster.database() as elsewhere:
        other_owner = Sessions.on_server(elsewhere)
        other_owner.upgrade_schema()
        with other_owner.transaction("owner") as repo:
            repo.add_docket(_docket("Ortiz", "123456789"))
        court_access.install(other_owner.engine, "other_admin")
        court_access.grant(other_owner.engine, "other_clerk", "assistant", ["Ortiz"])
        other_owner.close()

    assert court.psql("other_admin", "SELECT count(*) FROM cases").stdout.split()[2] == "0"
    refused = court.psql("other_admin", "SELECT planner_court_grant('other_admin', 'admin', '{}')")
    assert "other_admin is not a court administrator of this court server" in refused.stderr
    clerk = court.psql("other_clerk", "UPDATE cases SET name = 'X'")
    assert "other_clerk has no role on this court server" in clerk.stderr
    with court.owner.engine.connect() as connection:
        admins = connection.exec_driver_sql("SELECT login FROM court_users").scalars().all()
    assert admins == [ADMIN]


def test_a_pg_dump_backup_comes_back_with_its_rules(court: Court, tmp_path: Path) -> None:
    """docs/court-server.md's backup: ``pg_dump -Fc`` by the owner, ``pg_restore`` into a new
    database; the roles (the server's, not the database's) are already there."""
    court_access.grant(court.owner.engine, "bob", "assistant", ["Ortiz"])
    binaries = server_binaries()
    assert binaries is not None
    source = make_url(court.url)
    dump = tmp_path / "court.dump"
    common = ["-h", "127.0.0.1", "-p", str(court.cluster.port), "-U", str(source.username)]
    subprocess.run(
        [str(binaries / "pg_dump"), *common, "-Fc", "-f", str(dump), str(source.database)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    with court.cluster.database() as restored_url:
        restored = make_url(restored_url)
        subprocess.run(
            [str(binaries / "pg_restore"), *common, "-d", str(restored.database), str(dump)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        copy = Court(
            court.cluster, restored_url, Sessions.on_server(restored_url), court.ortiz, court.baker
        )
        try:
            other = copy.case_of(copy.baker)
            bob = _OnServer(copy.as_login("bob"), "bob")
            with pytest.raises(NotAllowed, match=NOT_ASSIGNED):
                case_services.update_case(bob, _renamed(other, "X"), other)  # type: ignore[arg-type]
            own = copy.case_of(copy.ortiz)
            case_services.update_case(bob, _renamed(own, "Y"), own)  # type: ignore[arg-type]
        finally:
            for sessions in copy._opened:
                sessions.close()
            copy.owner.close()
