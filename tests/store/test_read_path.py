"""The read path on both engines (issue 16, docs/court-server.md): each statement written once
and rendered per engine, the same answers from SQLite and PostgreSQL, one vocabulary of the
tables checked against ``planner/store/tables.py``, the name search stored by the store."""

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from planner.demo.generator import generate_dockets
from planner.domain.docket import CASE_FIELDS, Case, Docket
from planner.domain.records import replace
from planner.domain.rules import BUILT_IN
from planner.domain.stored_case import StoredCase
from planner.domain.stored_hearing import StoredHearing
from planner.domain.vocabulary import HearingKind
from planner.store import chart_read, docket_read, listing, profiles, workload
from planner.store.columns import CASE_COLUMNS, NAME_SEARCH, Kind
from planner.store.database import Database, is_server_url
from planner.store.dialect import POSTGRESQL, SQLITE
from planner.store.errors import DatabaseUnavailable
from planner.store.listing import DocketFilter, SortKey
from planner.store.tables import Base
from tests.conftest import open_on
from tests.postgres_cluster import Cluster

NOW = datetime(2026, 12, 1, 10, 30)
DATA = Path(__file__).parents[1] / "data"

# Rendering -------------------------------------------------------------------------------------


def test_a_statement_is_written_once_and_rendered_for_each_engine() -> None:
    written = (
        "SELECT h.id FROM cases CROSS JOIN hearings AS h ON h.case_id = cases.id "
        "WHERE cases.id IN :ids AND CONTAINS(cases.name_search, :name) AND h.start >= :now"
    )
    assert SQLITE.sql("SELECT DAYS_AFTER(cases.received, :days)") == (
        "SELECT date(cases.received, :days || ' days')"
    )
    assert POSTGRESQL.sql("SELECT DAYS_AFTER(cases.received, :days)") == (
        "SELECT (cases.received + CAST(%(days)s AS integer))"
    )
    assert SQLITE.sql(written) == (
        "SELECT h.id FROM cases CROSS JOIN hearings AS h ON h.case_id = cases.id "
        "WHERE cases.id IN (SELECT value FROM json_each(:ids)) "
        "AND instr(cases.name_search, :name) > 0 AND h.start >= :now"
    )
    assert POSTGRESQL.sql(written) == (
        "SELECT h.id FROM cases CROSS JOIN LATERAL "
        "(SELECT * FROM hearings AS h WHERE h.case_id = cases.id OFFSET 0) AS h "
        "WHERE cases.id = ANY(%(ids)s) "
        "AND strpos(cases.name_search, %(name)s) > 0 AND h.start >= %(now)s"
    )
    assert POSTGRESQL.sql("SELECT '50%' || :x") == "SELECT '50%%' || %(x)s"


def test_each_engine_has_one_codec_both_ways() -> None:
    day, moment = date(2027, 1, 5), datetime(2027, 1, 5, 13, 30)
    for codec in (SQLITE, POSTGRESQL):
        assert codec.read_day(codec.day(day)) == day
        assert codec.read_moment(codec.moment(moment)) == moment
        assert codec.read_time(codec.time(moment.time())) == moment.time()
        assert codec.read_flag(codec.flag(True)) is True
    assert SQLITE.moment(moment) == "2027-01-05 13:30:00.000000"  # as SQLAlchemy's SQLite stores
    assert SQLITE.ids([3, 1]) == "[3, 1]"
    assert POSTGRESQL.ids([3, 1]) == [3, 1]


# One vocabulary of the tables ---------------------------------------------------------------------

_READ_MODULES = (profiles, listing, workload, docket_read, chart_read)
_ALIASES = {"h": "hearings", "m": "case_kind_minutes"}


def test_the_case_columns_are_listed_once_and_match_tables_py() -> None:
    cases = Base.metadata.tables["cases"]
    # Bookkeeping, not the case: its key, owner, version, last editor, and the identity and time
    # of its last save that check-out and check-in merge by.
    bookkeeping = {"id", "judge_id", "version", "changed_by", "uid", "changed_at"}
    stored = {c.name for c in cases.columns} - bookkeeping
    assert set(CASE_COLUMNS) | {NAME_SEARCH} == stored
    assert tuple(CASE_COLUMNS) == CASE_FIELDS  # the domain's fields, in the same order
    kinds = {"Date": Kind.DAY, "Boolean": Kind.FLAG, "Integer": Kind.NUMBER}
    for name, kind in CASE_COLUMNS.items():
        assert kinds.get(type(cases.columns[name].type).__name__, Kind.TEXT) is kind, name


def test_every_column_the_read_statements_name_is_in_tables_py() -> None:
    tables = {name: {c.name for c in table.columns} for name, table in Base.metadata.tables.items()}
    named = set()
    for module in _READ_MODULES:
        source = Path(module.__file__).read_text(encoding="utf-8")  # type: ignore[arg-type]
        for table, column in re.findall(r"\b(cases|hearings|judges|h|m)\.([a-z_]+)\b", source):
            named.add((_ALIASES.get(table, table), column))
    unknown = {(table, column) for table, column in named if column not in tables[table]}
    assert ("cases", "name_search") in named
    assert not unknown


# The same answers from both engines -----------------------------------------------------------


@pytest.fixture(scope="module")
def both(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, Database]]:
    """A demo court of two judges stored alike on SQLite and on PostgreSQL."""
    dockets = generate_dockets(cases=400, judges=2, seed=7, today=NOW.date())
    folder = tmp_path_factory.mktemp("both")
    on_file = open_on("sqlite", request, folder)
    on_server = open_on("postgresql", request, folder)
    pair = (next(on_file), next(on_server))
    for database in pair:
        with database.transaction() as repo:
            for docket in dockets:
                repo.add_docket(docket)
    yield pair
    for opened in (on_file, on_server):
        next(opened, None)


def _reads(database: Database) -> dict[str, object]:
    """Every read the read path offers, with the answers it gave."""
    answers: dict[str, object] = {}
    with database.read() as reader:
        judges = reader.judges()
        answers["judges"] = judges
        for judge in judges:
            assert judge.id is not None
            key = judge.name
            answers[f"{key} named"] = reader.judge_named(judge.name)
            answers[f"{key} by id"] = reader.judge_with_id(judge.id)
            answers[f"{key} calendar"] = reader.calendar(judge.id)
            answers[f"{key} forecast"] = reader.forecast_inputs(judge, NOW)
            answers[f"{key} languages"] = reader.docket_languages(judge.id)
            for where in (
                DocketFilter(),
                DocketFilter(status=None, text="a"),
                DocketFilter(status=None, text="200"),
                DocketFilter(detained=True, has_hearing=True),
                DocketFilter(status=None, has_hearing=False, represented=False),
                DocketFilter(deadline_within_days=90, juvenile=False),
                DocketFilter(status=None, rules=BUILT_IN["2025"]),
                DocketFilter(rules=BUILT_IN["2018"], will_miss=frozenset(range(1, 900, 3))),
            ):
                answers[f"{key} {where} count"] = reader.docket_count(judge.id, where, NOW)
                for sort in SortKey:
                    for descending in (False, True):
                        ids = reader.docket_ids(judge.id, where, sort, descending, NOW)
                        answers[f"{key} {where} {sort} {descending}"] = ids
                answers[f"{key} {where} rows"] = reader.docket_rows(ids, NOW)
            docket = reader.load_docket(judge.id)
            answers[f"{key} docket"] = docket
            first = docket.cases[0]
            case_id = reader.docket_ids(judge.id, DocketFilter(status=None, text=first.a_number))
            answers[f"{key} case"] = reader.case(case_id[0])
            answers[f"{key} hearings of"] = reader.hearings_of(case_id[0])
            entries = reader.hearings_between(judge.id, datetime(2026, 1, 1), datetime(2028, 1, 1))
            answers[f"{key} entries"] = entries
            answers[f"{key} entry"] = reader.entry(entries[0].id)
            answers[f"{key} some entries"] = reader.entries([e.id for e in entries[::3]])
            answers[f"{key} chart facts"] = reader.chart_facts(judge.id)
            answers[f"{key} case facts"] = reader.case_facts_and_hearings(judge.id)
    return answers


def test_every_read_gives_the_same_answer_on_both_engines(
    both: tuple[Database, Database],
) -> None:
    on_file, on_server = (_reads(database) for database in both)
    assert on_file.keys() == on_server.keys()
    for key, answer in on_file.items():
        assert on_server[key] == answer, key
    dockets = [answer for key, answer in on_file.items() if key.endswith(" docket")]
    assert len(dockets) == 2
    for docket in dockets:
        assert isinstance(docket, Docket)
        assert docket.cases
        assert isinstance(docket.hearings[0].start, datetime)


def test_the_case_facts_are_the_stored_cases_fields_on_both_engines(
    both: tuple[Database, Database],
) -> None:
    """What the age targets' projection reads instead of the cases and hearings: their fields as
    plain values, the same as the cases and hearings read whole (status and kinds as the
    vocabulary's members)."""
    for database in both:
        with database.read() as reader:
            for judge in reader.judges():
                assert judge.id is not None
                cases, hearings = reader.cases_and_hearings(judge.id)
                facts, facts_hearings = reader.case_facts_and_hearings(judge.id)
                assert facts == [
                    StoredCase(*(getattr(case, name) for name in StoredCase._fields))
                    for case in cases
                ]
                assert facts_hearings == [
                    StoredHearing(*(getattr(hearing, name) for name in StoredHearing._fields))
                    for hearing in hearings
                ]
                assert all(type(fact.kind) is HearingKind for fact in facts_hearings)
                assert all(type(fact.start) is datetime for fact in facts_hearings)
                assert any(fact.completion_kind is not None for fact in facts)
                assert any(fact.asylum_filed is not None for fact in facts)
                for fact, case in zip(facts, cases, strict=True):
                    assert fact.status is case.status
                    assert fact.asylum_deadline == case.asylum_deadline
                    assert type(fact.detained) is bool


def test_a_judges_own_file_is_read_as_a_courts_file_is(database: Database) -> None:
    """A file of one judge's docket is read straight through its tables (``sole_judge``), a
    court's file through the judge's index: the same cases, hearings and workload, in the same
    order, from either."""
    own, other = generate_dockets(cases=150, judges=2, seed=11, today=NOW.date())
    own = replace(own, hearings=own.hearings[::-1])  # stored, so numbered, latest first
    with database.transaction() as repo:
        judge_id = repo.add_docket(own)

    def reads() -> tuple[tuple[list[StoredCase], list[StoredHearing]], list[Case], object, Docket]:
        with database.read() as reader:
            judge = reader.judge_with_id(judge_id)
            assert judge is not None
            return (
                reader.case_facts_and_hearings(judge_id),
                reader.cases_and_hearings(judge_id)[0],
                reader.forecast_inputs(judge, NOW),
                reader.load_docket(judge_id),
            )

    alone = reads()
    facts, hearings = alone[0]
    assert len(facts) == len(alone[1]) == len(own.cases)
    assert hearings
    with database.transaction() as repo:
        repo.add_docket(other)
    assert reads() == alone


def test_the_repository_reads_through_the_same_statements_on_both_engines(
    database: Database,
) -> None:
    """What raised NotImplementedError on a server before: profiles, whole dockets, the
    calendar and the forecast's inputs, read inside a transaction."""
    (docket,) = generate_dockets(cases=60, judges=1, seed=3, today=NOW.date())
    with database.transaction() as repo:
        judge_id = repo.add_docket(docket)
        judge = repo.judge_named(docket.judge.name)
        assert judge is not None
        assert [j.id for j in repo.judges()] == [judge_id]
        stored = repo.load_docket(judge_id)
        calendar = repo.calendar(judge_id)
        inputs = repo.forecast_inputs(judge, NOW)
    with database.read() as reader:
        assert reader.load_docket(judge_id) == stored
        assert reader.calendar(judge_id) == calendar
        assert reader.forecast_inputs(judge, NOW) == inputs
    assert [replace(c, id=None) for c in stored.cases] == list(docket.cases)


# The name search --------------------------------------------------------------------------------


def test_the_store_keeps_each_name_as_the_search_compares_it(database: Database) -> None:
    (docket,) = generate_dockets(cases=5, judges=1, seed=3, today=NOW.date())
    with database.transaction() as repo:
        judge_id = repo.add_docket(docket)
        added = repo.add_case(judge_id, Case("100000009", "Zoë Ålund", "asylum", NOW.date()))
    assert added.id is not None

    def found(text: str) -> list[int]:
        with database.read() as reader:
            return reader.docket_ids(judge_id, DocketFilter(status=None, text=text))

    assert found("zoe ALUND") == [added.id]
    with database.transaction() as repo:
        repo.update_case(replace(added, name="Ínés Ñandúbay"))
    assert found("zoe") == []
    assert found("ines NANDU") == [added.id]
    with database.transaction() as repo:
        repo.upsert_cases(judge_id, [replace(added, name="ŁUKASZ Nowakówna", id=None)])
    assert found("łukasz nowakow") == [added.id]


def test_an_older_database_gets_its_names_folded_by_the_migration(tmp_path: Path) -> None:
    path = tmp_path / "docket.sqlite"
    shutil.copyfile(DATA / "schema-0003.sqlite", path)
    database = Database.open(path)
    try:
        with database.read() as reader:
            judge = reader.judges()[0]
            assert judge.id is not None
            docket = reader.load_docket(judge.id)
            name = docket.cases[0].name
            ids = reader.docket_ids(judge.id, DocketFilter(status=None, text=name.upper()))
        assert docket.cases[0].id in ids
    finally:
        database.close()


# The court server -------------------------------------------------------------------------------


def test_a_server_url_is_told_from_a_file() -> None:
    assert is_server_url("postgresql://clerk@court.example/dockets")
    assert is_server_url("postgresql+psycopg://clerk@court.example/dockets")
    assert not is_server_url("postgresql.sqlite")
    assert not is_server_url(Path("postgresql://x"))


def test_a_server_that_cannot_be_reached_is_named_without_its_password(
    postgres_cluster: Cluster,
) -> None:
    url = f"postgresql://clerk:s3cret@127.0.0.1:{postgres_cluster.port}/no_such_database"
    with pytest.raises(DatabaseUnavailable, match="court server") as refused:
        Database.open(url)
    assert "s3cret" not in str(refused.value)


def test_a_server_read_is_one_read_only_snapshot(postgres_url: str) -> None:
    database = Database.open(postgres_url)
    assert database.engine_name == "postgresql"
    assert database.path is None
    with database.read() as reader:
        settings = reader._link.one(  # the transaction's own settings
            "SELECT current_setting('transaction_isolation'), "
            "current_setting('transaction_read_only')"
        )
    database.close()
    assert settings == ("repeatable read", "on")


def test_the_cli_forecasts_a_docket_on_the_server(postgres_url: str, tmp_path: Path) -> None:
    """``planner forecast --db postgresql://...``: the same command on the court server."""
    database = Database.open(postgres_url)
    (docket,) = generate_dockets(cases=80, judges=1, seed=3, today=NOW.date())
    with database.transaction() as repo:
        repo.add_docket(docket)
    database.close()
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "planner",
            "--db",
            # The test server on loopback has no certificate: the Planner's default is
            # verify-full, so the URL says what it accepts.
            f"{postgres_url}?sslmode=disable",
            "forecast",
            "--as-of",
            NOW.date().isoformat(),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(tmp_path)},
    )
    assert run.returncode == 0, run.stderr
    assert docket.judge.name in run.stdout
