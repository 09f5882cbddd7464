"""The court server's groundwork (issue 16): the same migrations build PostgreSQL and SQLite, the
tables match ``planner/store/tables.py`` on both, and the write path (the ORM with its version
counters) works on both, against a real PostgreSQL server (``tests/conftest.py``)."""

import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Time,
    func,
    inspect,
    select,
)
from sqlalchemy.types import TypeEngine

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge, KindMinutes, Session
from planner.domain.records import replace
from planner.domain.time_off import Leave
from planner.domain.vocabulary import HearingKind, SessionKind
from planner.store.connection import SCHEMA_REVISION
from planner.store.errors import StaleEdit
from planner.store.sessions import Sessions, server_url
from planner.store.tables import Base, CaseRow, HearingRow, JudgeRow, LeaveRow, SessionRow

# The schema ------------------------------------------------------------------------------------

#: The kinds of value a column holds, whatever each engine calls its type.
_AFFINITIES: tuple[tuple[type[TypeEngine[Any]], str], ...] = (
    (Boolean, "boolean"),
    (DateTime, "datetime"),
    (Date, "date"),
    (Time, "time"),
    (Integer, "integer"),
    (Float, "float"),
    (String, "text"),
)


def _affinity(column_type: TypeEngine[Any]) -> str:
    for kind, name in _AFFINITIES:
        if isinstance(column_type, kind):
            length = getattr(column_type, "length", None)
            return f"{name}({length})" if length else name
    raise AssertionError(f"a column of an unexpected type: {column_type!r}")


def _server_default(default: str | None) -> bool:
    """Whether the column has a default of its own (a SERIAL id's sequence is not one: it is
    PostgreSQL's INTEGER PRIMARY KEY)."""
    return default is not None and not default.startswith("nextval(")


def _shape_of_reflection(engine: Engine) -> dict[str, dict[str, Any]]:
    """Each table as the database has it: columns, keys, indexes, unique constraints."""
    inspector = inspect(engine)
    shape: dict[str, dict[str, Any]] = {}
    for table in inspector.get_table_names():
        if table == "alembic_version":
            continue
        shape[table] = {
            "columns": {
                column["name"]: (
                    _affinity(column["type"]),
                    column["nullable"],
                    _server_default(column.get("default")),
                )
                for column in inspector.get_columns(table)
            },
            "primary key": tuple(inspector.get_pk_constraint(table)["constrained_columns"]),
            "foreign keys": {
                (
                    tuple(key["constrained_columns"]),
                    key["referred_table"],
                    tuple(key["referred_columns"]),
                    (key.get("options") or {}).get("ondelete"),
                )
                for key in inspector.get_foreign_keys(table)
            },
            "indexes": {
                (index["name"], tuple(index["column_names"]), bool(index["unique"]))
                for index in inspector.get_indexes(table)
                if "duplicates_constraint" not in index  # PostgreSQL's index of a UNIQUE
            },
            "unique": {
                (constraint["name"], tuple(constraint["column_names"]))
                for constraint in inspector.get_unique_constraints(table)
            },
        }
    return shape


def _shape_of_metadata(metadata: MetaData) -> dict[str, dict[str, Any]]:
    """Each table as ``planner/store/tables.py`` defines it, in the same terms."""
    shape: dict[str, dict[str, Any]] = {}
    for table in metadata.sorted_tables:
        shape[table.name] = {
            "columns": {
                column.name: (
                    _affinity(column.type),
                    bool(column.nullable),
                    column.server_default is not None,
                )
                for column in table.columns
            },
            "primary key": tuple(column.name for column in table.primary_key.columns),
            "foreign keys": {
                (
                    tuple(key.column_keys),
                    key.referred_table.name,
                    tuple(element.column.name for element in key.elements),
                    key.ondelete,
                )
                for key in table.foreign_key_constraints
            },
            "indexes": {
                (index.name, tuple(column.name for column in index.columns), bool(index.unique))
                for index in table.indexes
            },
            "unique": {
                (constraint.name, tuple(column.name for column in constraint.columns))
                for constraint in table.constraints
                if type(constraint).__name__ == "UniqueConstraint"
            }
            | {
                (f"uq_{table.name}_{column.name}", (column.name,))
                for column in table.columns
                if column.unique
            },
        }
    return shape


def _built(sessions: Sessions) -> Iterator[Sessions]:
    sessions.upgrade_schema()
    try:
        yield sessions
    finally:
        sessions.close()


@pytest.fixture
def on_sqlite(tmp_path: Path) -> Iterator[Sessions]:
    yield from _built(Sessions(tmp_path / "docket.sqlite"))


@pytest.fixture
def on_postgres(postgres_url: str) -> Iterator[Sessions]:
    yield from _built(Sessions.on_server(postgres_url))


@pytest.fixture(params=["sqlite", "postgresql"])
def sessions(request: pytest.FixtureRequest) -> Sessions:
    """The store's write path on each engine, its schema built by the migrations."""
    return request.getfixturevalue("on_sqlite" if request.param == "sqlite" else "on_postgres")


def test_the_migrations_build_the_tables_of_tables_py(sessions: Sessions) -> None:
    """One definition of each table (``planner/store/tables.py``), checked against what the
    migrations build, on SQLite and on PostgreSQL: names, nullability, kinds of value, keys,
    indexes and unique constraints."""
    built = _shape_of_reflection(sessions.engine)
    defined = _shape_of_metadata(Base.metadata)
    assert sorted(built) == sorted(defined)
    for table, shape in defined.items():
        assert built[table] == shape, table
    with sessions.engine.connect() as connection:
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert revision == SCHEMA_REVISION


def test_postgresql_and_sqlite_get_the_same_tables(
    on_sqlite: Sessions, on_postgres: Sessions
) -> None:
    assert on_postgres.engine.dialect.name == "postgresql"
    assert _shape_of_reflection(on_postgres.engine) == _shape_of_reflection(on_sqlite.engine)


def test_a_postgresql_url_is_opened_with_psycopg_3() -> None:
    assert server_url("postgresql://clerk@court.example/dockets").drivername == (
        "postgresql+psycopg"
    )
    assert server_url("postgresql+psycopg2://clerk@host/db").drivername == "postgresql+psycopg"
    with pytest.raises(ValueError, match="not a PostgreSQL URL"):
        server_url("sqlite:///docket.sqlite")


# The write path ---------------------------------------------------------------------------------

_DOCKET_ROWS = (CaseRow, HearingRow, LeaveRow, SessionRow)


def _judge() -> Judge:
    return Judge(
        "Ortiz",
        court="Los Angeles",
        timezone="America/Los_Angeles",
        quota=650,
        sessions=(Session(0, time(8, 30), time(12), SessionKind.MASTER, "Spanish"),),
        case_minutes={"asylum": KindMinutes(240, 60)},
    )


def _docket() -> Docket:
    return Docket(
        _judge(),
        leave=(Leave(datetime(2027, 1, 5, 13), datetime(2027, 1, 5, 16, 30), "sick"),),  # type: ignore[arg-type]
        cases=(
            Case(
                "123456789",
                "Ana Pérez",
                "asylum",
                date(2025, 2, 3),
                detained=True,
                language="Spanish",
                asylum_filed=date(2025, 3, 1),
                attorney="L. Chen",
                represented=True,
            ),
            Case(
                "987654321",
                "Li Wei",
                "removal",
                date(2024, 6, 1),
                status="completed",  # type: ignore[arg-type]
                completion_date=date(2026, 10, 15),
                completion_kind="in_absentia",  # type: ignore[arg-type]
                language="Mandarin",
                remaining_minutes=45,
            ),
        ),
        hearings=(
            Hearing("123456789", datetime(2026, 12, 1, 13), 180, HearingKind.INDIVIDUAL),
            Hearing("987654321", datetime(2026, 10, 15, 9), 15, HearingKind.MASTER, "completed"),  # type: ignore[arg-type]
        ),
    )


def test_a_docket_is_stored_and_read_back_through_the_orm(sessions: Sessions) -> None:
    docket = _docket()
    with sessions.transaction("jortiz") as repo:
        judge_id = repo.add_docket(docket)
    with sessions.transaction("clerk2") as repo:
        ids = repo.case_ids(judge_id)
        cases = [repo.case(ids[case.a_number]) for case in docket.cases]
        hearings = [h for case in cases for h in repo.hearings_of(case.id)]  # type: ignore[arg-type]
        entries = repo.hearings_between(judge_id, datetime(2026, 1, 1), datetime(2027, 1, 1))
    assert [replace(case, id=None, version=None) for case in cases] == list(docket.cases)
    assert all(case.version == 1 for case in cases)
    assert {replace(h, id=None) for h in hearings} == set(docket.hearings)
    assert [(e.a_number, e.start, e.name) for e in entries] == [
        ("987654321", datetime(2026, 10, 15, 9), "Li Wei"),
        ("123456789", datetime(2026, 12, 1, 13), "Ana Pérez"),
    ]
    with sessions.engine.connect() as connection:
        judge = connection.execute(select(JudgeRow.name, JudgeRow.changed_by)).one()
        template = connection.execute(select(SessionRow.start, SessionRow.language)).one()
        leave = connection.execute(select(LeaveRow.start, LeaveRow.all_day)).one()
        saved_by = set(connection.scalars(select(CaseRow.changed_by)))
        hearing_versions = set(connection.scalars(select(HearingRow.version)))
    assert tuple(judge) == ("Ortiz", "jortiz")
    assert tuple(template) == (time(8, 30), "Spanish")
    assert tuple(leave) == (datetime(2027, 1, 5, 13), False)
    assert saved_by == {"jortiz"}
    assert hearing_versions == {1}


def test_a_stale_edit_is_refused_naming_who_changed_what(sessions: Sessions) -> None:
    with sessions.transaction("jortiz") as repo:
        judge_id = repo.add_docket(_docket())
        case_id = repo.case_ids(judge_id)["123456789"]
    with sessions.transaction("clerk2") as repo:
        clerks_view = repo.case(case_id)
    with sessions.transaction("jortiz") as repo:
        judges_view = repo.case(case_id)
        saved = repo.update_case(replace(judges_view, language="Portuguese"), judges_view)
    assert saved.version == 2
    with pytest.raises(StaleEdit, match=r"changed by jortiz \(language\)"):  # noqa: SIM117
        with sessions.transaction("clerk2") as repo:
            repo.update_case(replace(clerks_view, attorney="R. Diaz"), clerks_view)
    with sessions.transaction("clerk2") as repo:
        stored = repo.case(case_id)
    assert (stored.language, stored.attorney, stored.version) == ("Portuguese", "L. Chen", 2)


def test_ids_are_never_given_again_and_a_judge_takes_its_docket_along(sessions: Sessions) -> None:
    """Migration 0003's promise on both engines (SQLite's AUTOINCREMENT, PostgreSQL's
    sequences), and the foreign keys' ON DELETE CASCADE."""
    docket = _docket()
    with sessions.transaction("jortiz") as repo:
        judge_id = repo.add_docket(docket)
        highest = max(repo.case_ids(judge_id).values())
        repo.delete_case(highest)
    with sessions.transaction("jortiz") as repo:
        again = repo.add_case(judge_id, docket.cases[1])
        assert again.id is not None
        assert again.id > highest
        repo.remove_judge(judge_id)
        other = repo.add_judge(replace(docket.judge, name="Okafor"))
    assert other > judge_id
    with sessions.engine.connect() as connection:
        left = [connection.scalar(select(func.count()).select_from(row)) for row in _DOCKET_ROWS]
    assert left == [0, 0, 0, 1]  # cases, hearings, leave gone with their judge; the new judge


def _edit_while_another_saves(sessions: Sessions, case_id: int) -> None:
    """The clerk reads the case; the judge saves a change to it; then the clerk saves theirs."""
    with sessions.transaction("clerk2") as repo:
        clerks_view = repo.case(case_id)
        with sessions.transaction("jortiz") as other:
            other.update_case(replace(other.case(case_id), name="Ana P. Pérez"))
        repo.update_case(replace(clerks_view, attorney="R. Diaz"), clerks_view)


def test_a_write_that_lost_a_race_on_the_server_changes_nothing(on_postgres: Sessions) -> None:
    """Two sessions at once on PostgreSQL (on SQLite the first holds the write lock, and the
    second waits): the one that read the row before the other saved it is refused as a stale
    edit, and the row keeps the saved change."""
    sessions = on_postgres
    with sessions.transaction("jortiz") as repo:
        judge_id = repo.add_docket(_docket())
        case_id = repo.case_ids(judge_id)["123456789"]
    with pytest.raises(StaleEdit, match="at the same moment"):
        _edit_while_another_saves(sessions, case_id)
    with sessions.transaction("clerk2") as repo:
        stored = repo.case(case_id)
    assert (stored.name, stored.attorney, stored.version) == ("Ana P. Pérez", "L. Chen", 2)


def test_the_sqlite_path_never_imports_the_postgresql_driver(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from planner.store.database import Database\n"
        "from planner.domain.judge import Judge\n"
        "database = Database.open(sys.argv[1])\n"
        "with database.transaction() as repo:\n"
        "    repo.add_judge(Judge('Ortiz'))\n"
        "with database.read() as reader:\n"
        "    assert [j.name for j in reader.judges()] == ['Ortiz']\n"
        "print(sorted(m for m in sys.modules if m.startswith('psycopg')))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "docket.sqlite")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
