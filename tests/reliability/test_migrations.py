"""Migrations: a database made by each released schema revision opens in today's Planner with
every row intact.

``tests/data/schema-REVISION.sqlite`` is a demo docket written by the release whose newest revision is
REVISION (2 judges, 271 to 273 cases, 111 to 125 hearings). When a release ships, add its file here: make it
with that release's ``planner demo --cases 40 --judges 2 --seed 7 --today 2026-11-25``.
"""

import shutil
import sqlite3
from pathlib import Path

import pytest

from planner.store import migrate
from planner.store.connection import SCHEMA_REVISION
from planner.store.database import Database

DATA = Path(__file__).parents[1] / "data"
RELEASED = sorted(DATA.glob("schema-*.sqlite"))

#: What each table held, column by column, before the upgrade: the columns of revision 0001.
_TABLES = {
    "judges": "id, name, court, timezone, quota, fy_start_month, fy_start_day, at_risk_slack_pct",
    "template_sessions": 'id, judge_id, weekday, start, "end", kind, language',
    "case_kind_minutes": "judge_id, kind, default_minutes, minimum_minutes",
    "hearing_kind_minutes": "judge_id, kind, default_minutes, minimum_minutes",
    "counted_completions": "judge_id, completion_kind",
    "closures": "id, judge_id, day, reason",
    "leave": 'id, judge_id, start, "end", kind, all_day',
    "cases": "id, judge_id, a_number, name, kind, detained, juvenile, language, represented, "
    "received, status, completion_date, completion_kind, remaining_minutes, asylum_filed, "
    "nta_served, attorney",
    "hearings": "id, case_id, start, minutes, kind, status, adjournment_reason",
}


def _contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as raw:
        # Constant SQL from the table above, in a test: the Planner's code builds none.
        return {
            table: raw.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2").fetchall()
            for table, columns in _TABLES.items()
        }


#: The newest revision of each release that has shipped to users: a user's database is at one of
#: these. Revisions after the last are this release's own; when a release ships, add its newest
#: revision here and its file to tests/data.
SHIPPED = ("0001", "0002", "0003", "0005_continuances")


def test_every_released_revision_is_kept_here() -> None:
    kept = {path.stem.removeprefix("schema-") for path in RELEASED}
    assert set(SHIPPED) <= kept, f"keep a database of each release: {set(SHIPPED) - kept}"
    history = migrate.revisions_up_to(SCHEMA_REVISION)
    assert set(SHIPPED) <= history, "a released revision is missing from today's chain"


@pytest.mark.parametrize("released", RELEASED, ids=lambda path: path.stem)
def test_an_old_database_upgrades_to_the_newest_with_its_data(
    released: Path, tmp_path: Path
) -> None:
    path = tmp_path / "docket.sqlite"
    shutil.copyfile(released, path)
    before = _contents(path)
    assert sum(len(rows) for rows in before.values()) > 400
    database = Database.open(path)
    with database.transaction() as repo:
        judges = repo.judges()
        assert len(judges) == 2
        dockets = [repo.load_docket(judge.id) for judge in judges]  # type: ignore[arg-type]
    database.close()
    # Every case and hearing the file held (271 and 125 in 0001's and 0002's files, 271 and
    # 114 in 0003's, 271 and 111 in 0005's, 273 and 115 in 0006's: the demo's generator changed
    # between those releases).
    assert sum(len(d.cases) for d in dockets) == len(before["cases"]) >= 271
    assert sum(len(d.hearings) for d in dockets) == len(before["hearings"])
    with sqlite3.connect(path) as raw:
        assert (
            raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_REVISION
        )
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("SELECT DISTINCT version FROM cases").fetchall() == [(1,)]
        for table in ("judges", "cases", "hearings"):
            uids = [uid for (uid,) in raw.execute(f"SELECT uid FROM {table}")]
            if released.stem < "schema-0004":  # 0004 gave every existing row its own identity;
                assert None not in uids  # rows made since get theirs when first checked out
            given = [uid for uid in uids if uid is not None]
            assert len(set(given)) == len(given)
    assert _contents(path) == before  # every row, every column, as it was


def test_an_upgraded_database_takes_edits_with_versions(tmp_path: Path) -> None:
    from dataclasses import replace

    from planner.services import cases as case_service

    path = tmp_path / "docket.sqlite"
    shutil.copyfile(DATA / "schema-0001.sqlite", path)
    database = Database.open(path)
    with database.transaction() as repo:
        judge = repo.judges()[0]
        case_id = next(iter(repo.case_ids(judge.id).values()))  # type: ignore[arg-type]
    case = case_service.get_case(database, case_id)
    assert case.version == 1
    saved = case_service.update_case(database, replace(case, attorney="New Counsel"), case)
    assert saved.version == 2
    database.close()


@pytest.mark.parametrize("released", RELEASED, ids=lambda path: path.stem)
def test_an_upgraded_database_never_gives_a_removed_rows_id_again(
    released: Path, tmp_path: Path
) -> None:
    from planner.domain.docket import Case

    path = tmp_path / "docket.sqlite"
    shutil.copyfile(released, path)
    database = Database.open(path)
    with database.transaction() as repo:
        judge = repo.judges()[0]
        assert judge.id is not None
        newest = max(repo.case_ids(judge.id).values())
        removed = repo.case(newest)
        repo.delete_case(newest)
    with database.transaction() as repo:
        added = repo.add_case(
            judge.id, Case("999999999", "New Person", removed.kind, removed.received)
        )
    database.close()
    assert added.id is not None
    assert added.id > newest
