"""Check-in between real files after random edit sequences on both sides, made through the store
as the window makes them (hypothesis): every edit is on the server or was shown as a collision and
settled; the server's file passes SQLite's integrity and reference checks and the docket its own;
a second check-in changes nothing. (The merge alone runs three thousand sequences:
test_merge_property.py.)

Each example starts from copies of one server file and one laptop file checked out from it, made
once per module (making a file and checking it out cost 2 s of the 2.5 s an example took), in a
folder on a memory file system where there is one (/dev/shm: commits without a disk's flush)."""

import shutil
import sqlite3
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.services import notices
from planner.services.offline import checkin, checkout
from planner.store.database import Database
from planner.store.sync_rows import SyncRows
from planner.sync.merge import Side, reidentified
from planner.sync.state import DocketState, Kind
from tests.sync.offline_docket import (
    JUDGE,
    MONDAY,
    add_case,
    add_hearing,
    complete_case,
    delete_case,
    delete_hearings_of,
    docket,
    edit_case,
    make_server,
    move_hearing,
)


def _state(path: Path) -> tuple[DocketState, DocketState | None]:
    """The judge's docket as rows, and (a laptop's) the check-out's base."""
    database = Database.open(path)
    try:
        with database.transaction() as repository:
            rows = SyncRows(repository)
            judge_id = rows.judge_id_named(JUDGE)
            assert judge_id is not None
            copies = rows.copies()
            return rows.read_state(judge_id), copies[0][0] if copies else None
    finally:
        database.close()


def _slot(value: int) -> datetime:
    day = MONDAY + timedelta(days=7 * (value // 6) + (value // 3) % 2)
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=9 + value % 3)


def _edit(path: Path, op: int, pick: int, value: int) -> None:
    now = docket(path)
    cases = sorted(now.cases, key=lambda c: c.a_number)
    pending = [c for c in cases if c.status == "pending"]
    with_hearings = sorted({h.a_number for h in now.hearings})
    match op:
        case 0 if cases:
            number = cases[pick % len(cases)].a_number
            if value % 2:
                edit_case(path, number, remaining_minutes=30 + value)
            else:
                edit_case(path, number, attorney=f"Counsel {value}")
        case 1 if pending:
            complete_case(path, pending[pick % len(pending)].a_number, date(2026, 12, 1))
        case 2:
            number = str(400_000_000 + value % 4)
            if all(c.a_number != number for c in cases):
                add_case(path, number, f"New {value}")
        case 3 if pending:
            add_hearing(path, pending[pick % len(pending)].a_number, _slot(value % 12))
        case 4 if with_hearings:
            move_hearing(path, with_hearings[pick % len(with_hearings)], _slot(value % 12))
        case 5 if with_hearings:
            delete_hearings_of(path, with_hearings[pick % len(with_hearings)])
        case 6 if cases:
            delete_case(path, cases[pick % len(cases)].a_number)
        case 7:
            _serve_notice(path, pick)
        case 8:
            _undo_notice(path, pick)
        case _:
            pass


#: The day notices are served on (the hearings are from Monday 4 January 2027 on).
SERVED_ON = date(2026, 12, 10)


def _serve_notice(path: Path, pick: int) -> None:
    """Mark one notice of the Notices queue served (a set, moved or cancelled hearing's)."""
    database = Database.open(path)
    try:
        due = notices.load_queue(database, JUDGE, SERVED_ON).due
        if due:
            notices.mark_served(database, JUDGE, [due[pick % len(due)]], SERVED_ON)
    finally:
        database.close()


def _undo_notice(path: Path, pick: int) -> None:
    """Undo the marking of one notice served (as the window's Undo does)."""
    database = Database.open(path)
    try:
        with database.transaction() as repository:
            judge = repository.judge_named(JUDGE)
            assert judge is not None
            assert judge.id is not None
            served = repository.notices().served_for(judge.id)
        if served:
            notices.unmark_served(database, [served[pick % len(served)]])
    finally:
        database.close()


#: Field edits, completions, cases added, hearings set, moved and taken off, cases removed,
#: notices served and their serving undone.
EDITS = st.lists(st.tuples(st.integers(0, 8), st.integers(0, 9), st.integers(0, 40)), max_size=8)
#: The slow run's examples (pytest -m slow; packaging/test.sh runs the whole suite): about 0.35 s
#: of CPU each (measured on a loaded 2-core machine: 0.27-0.45 s), so about 2-3 minutes alone.
SLOW_EXAMPLES = 400


#: Where the examples' files go: memory where the system has it.
_FAST_FOLDER = "/dev/shm" if Path("/dev/shm").is_dir() else None


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A server's file and a laptop's file checked out from it, which each example copies."""
    folder = tmp_path_factory.mktemp("templates")
    server = make_server(folder / "server.sqlite")
    laptop = folder / "laptop.sqlite"
    checkout(str(server), JUDGE, laptop)
    assert sorted(p.name for p in folder.iterdir()) == ["laptop.sqlite", "server.sqlite"]
    return server, laptop


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(laptop_edits=EDITS, server_edits=EDITS, keep=st.sampled_from(Side))
def test_random_edits_on_both_sides_check_in_whole(
    templates: tuple[Path, Path],
    laptop_edits: list[tuple[int, int, int]],
    server_edits: list[tuple[int, int, int]],
    keep: Side,
) -> None:
    _check_in_after(templates, laptop_edits, server_edits, keep)


@pytest.mark.slow
@settings(max_examples=SLOW_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(laptop_edits=EDITS, server_edits=EDITS, keep=st.sampled_from(Side))
def test_many_more_random_edits_on_both_sides_check_in_whole(
    templates: tuple[Path, Path],
    laptop_edits: list[tuple[int, int, int]],
    server_edits: list[tuple[int, int, int]],
    keep: Side,
) -> None:
    _check_in_after(templates, laptop_edits, server_edits, keep)


def _check_in_after(
    templates: tuple[Path, Path],
    laptop_edits: list[tuple[int, int, int]],
    server_edits: list[tuple[int, int, int]],
    keep: Side,
) -> None:
    with tempfile.TemporaryDirectory(dir=_FAST_FOLDER) as folder:
        server = Path(folder) / "server.sqlite"
        laptop = Path(folder) / "laptop.sqlite"
        shutil.copyfile(templates[0], server)
        shutil.copyfile(templates[1], laptop)
        for op in laptop_edits:
            _edit(laptop, *op)
        for op in server_edits:
            _edit(server, *op)
        mine, base = _state(laptop)
        theirs, _none = _state(server)
        assert base is not None

        result = checkin(laptop, str(server), keep=keep)
        assert result.applied
        final, _none = _state(server)
        assert _state(laptop)[0] == final
        in_collision = {ref for c in result.collisions for ref in (*c.laptop, *c.server)}
        for side in (reidentified(base, mine), reidentified(base, theirs)):
            for kind in Kind:
                for key in {*base.table(kind), *side.table(kind)}:
                    was, now = base.table(kind).get(key), side.table(kind).get(key)
                    if was == now or (kind, key) in in_collision:
                        continue
                    got = final.table(kind).get(key)
                    if now is None or was is None:
                        assert got == now, (kind, key)
                    else:
                        for name in now:
                            if now[name] != was[name]:
                                assert got is not None, (kind, key)
                                assert got[name] == now[name], (kind, key, name)
        with sqlite3.connect(server) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        assert docket(server).problems() == []

        before = server.read_bytes()
        again = checkin(laptop, str(server))
        assert again.applied
        assert not again.server_changes
        assert server.read_bytes() == before
