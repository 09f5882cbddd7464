"""Which docket the login may change (issue 16): read from a real court server's grants, and
on SQLite every docket; the reason in the same words as the server's refusals."""

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import make_url, select

from planner.cli import main
from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.services import court_day
from planner.services.cases import add_case
from planner.services.docket_access import (
    docket_access,
    may_change_docket,
    permissions,
    transfer_access,
)
from planner.services.judges import list_judges
from planner.services.offline import checkout
from planner.services.transfer import import_file
from planner.store.court_access import Permissions, what_login_may_change
from planner.store.database import Database
from planner.store.errors import NotAllowed
from planner.store.sessions import Sessions
from planner.store.tables import CheckoutRow
from tests.court_server import add_hearings, add_ortiz_and_baker, as_login, hearings_of_the_day


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


# What the window greys, the server refuses: a command line or a stale window cannot write -------

MONDAY_NINE = datetime(2026, 11, 30, 9, 0)
LEE_ON_BAKER = (
    "legal assistant lee is not assigned to Judge Baker: only their assigned judges' dockets "
    "can be changed"
)


def test_a_hearing_moves_between_judges_only_if_the_login_may_change_both(
    court: str, opened: list[Database]
) -> None:
    """Court Day's move changes both dockets: the server refuses it from, and to, a judge the
    login may not change, and the trial run the view makes while dragging says the same."""
    hearings = add_hearings(court, MONDAY_NINE, ("Ortiz", "Baker"))
    before = hearings_of_the_day(court, MONDAY_NINE.date())
    database, judges = _open(court, "lee", opened)

    for hearing, source, target in (
        (hearings["Baker"], "Baker", "Ortiz"),
        (hearings["Ortiz"], "Ortiz", "Baker"),
    ):
        assert court_day.transfer_refusal(database, hearing, source, target) == LEE_ON_BAKER
        with pytest.raises(NotAllowed) as refused:
            court_day.move_to_judge(database, hearing, source, target)
        assert str(refused.value) == LEE_ON_BAKER

    assert hearings_of_the_day(court, MONDAY_NINE.date()) == before
    rule = transfer_access(permissions(database), judges["Ortiz"], judges["Baker"])
    assert (rule.may_change, rule.reason) == (False, LEE_ON_BAKER)


def test_a_docket_the_login_may_not_change_cannot_be_taken_offline(
    court: str, tmp_path: Path
) -> None:
    laptop = tmp_path / "baker offline.sqlite"

    with pytest.raises(NotAllowed) as refused:
        checkout(as_login(court, "lee"), "Baker", laptop)

    assert str(refused.value) == LEE_ON_BAKER
    assert not laptop.exists()
    owner = Sessions.on_server(court)
    try:
        with owner.transaction("owner") as repo:
            assert repo._session.scalars(select(CheckoutRow)).all() == []
    finally:
        owner.close()


def test_a_cases_spreadsheet_cannot_be_imported_into_a_docket_the_login_may_not_change(
    court: str, opened: list[Database], tmp_path: Path
) -> None:
    sheet = tmp_path / "cases.csv"
    sheet.write_text(
        "a_number,name,kind,detained,language,represented,received\n"
        "555666777,Li Wei,asylum,no,Mandarin,no,2025-01-02\n",
        encoding="utf-8",
    )
    database, judges = _open(court, "clerk_admin", opened)

    with pytest.raises(NotAllowed) as refused:
        import_file(database, sheet, judge_name="Baker")

    assert str(refused.value) == (
        "court administrator clerk_admin may read every judge's docket but change none"
    )
    baker = judges["Baker"]
    assert baker.id is not None
    with database.transaction() as repo:  # read only: nothing written
        assert repo.case_count(baker.id) == 1


def test_a_move_may_be_made_only_between_dockets_the_login_may_change() -> None:
    """The rule Court Day greys its moves by: the hearing's judge's docket first, then the
    other's."""
    lee = Permissions(login="lee", role="assistant", judge_ids=frozenset({1, 3}))
    ortiz, baker, cole = (
        Judge(name, court="Los Angeles", timezone="America/Los_Angeles", quota=650, id=number)
        for number, name in ((1, "Ortiz"), (2, "Baker"), (3, "Cole"))
    )

    assert transfer_access(lee, ortiz, cole).may_change
    assert transfer_access(lee, baker, ortiz) == docket_access(lee, baker)
    assert transfer_access(lee, ortiz, baker) == docket_access(lee, baker)
    assert transfer_access(lee, ortiz, None).may_change  # no judge chosen yet: the source's
    assert not transfer_access(lee, baker, None).may_change
