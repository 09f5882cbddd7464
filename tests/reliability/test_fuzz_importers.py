"""Hostile files: every importer fed thousands of broken and random files.

Each example is a docket file (JSON) or a cases CSV: random bytes, random text, or a real export
with its values, keys, cells, quoting or length mutated. Whatever it is, the import either
succeeds, leaving a database that reads back and exports, or is refused with a message (an
``InvalidValue``) and leaves the database exactly as it was. Nothing else may happen: no other
exception, no partial write.

The everyday run tries 40 examples per test; ``--hypothesis-profile=fuzz`` (tests/conftest.py)
tries 2,500 per test (see docs/reliability.md for the figures of that run).
"""

import hashlib
import json
import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.errors import InvalidValue
from planner.services.demo import create_demo
from planner.services.transfer import export_docket, import_file
from planner.store.database import Database

#: Hypothesis's examples per test: a few dozen in the everyday run, the profile's in a fuzz run.
EXAMPLES = settings.default.max_examples if settings.default.max_examples > 100 else 40
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


class Seeds:
    """A small demo docket, its exports, and two databases to import into (copied per example)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.with_judge = folder / "with-judge.sqlite"
        self.empty = folder / "empty.sqlite"
        database = Database.open(self.with_judge)
        create_demo(database, cases=25, judges=1, seed=8, today=date(2026, 11, 25))
        with database.transaction() as repo:
            self.judge = repo.judges()[0].name
        export_docket(database, self.judge, "json", folder / "seed.json")
        export_docket(database, self.judge, "csv", folder / "seed.csv")
        database.close()
        Database.open(self.empty).close()
        self.json = json.loads((folder / "seed.json").read_text(encoding="utf-8"))
        self.csv_rows = (folder / "seed.csv").read_text(encoding="utf-8").splitlines()


#: How the examples ended, per file kind: printed after the module (run with -s to see it).
OUTCOMES: Counter[str] = Counter()


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeds]:
    yield Seeds(tmp_path_factory.mktemp("fuzz-seeds"))
    for target in _targets.values():
        target.database.close()
    _targets.clear()
    print(f"\nfuzzed imports: {sum(OUTCOMES.values()):,} ({dict(sorted(OUTCOMES.items()))})")


def _fingerprint(database: Database) -> str:
    raw = database.engine.raw_connection()
    try:
        return hashlib.sha256("\n".join(raw.driver_connection.iterdump()).encode()).hexdigest()
    finally:
        raw.close()


class Target:
    """A working copy of a template database, kept open between examples and copied afresh only
    after an import that succeeded (a refused one must leave it as it was: that is the test)."""

    def __init__(self, template: Path, work: Path) -> None:
        self.template, self.path = template, work
        self.database = self._fresh()
        self.fingerprint = _fingerprint(self.database)

    def _fresh(self) -> Database:
        for stale in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")):
            stale.unlink(missing_ok=True)
        shutil.copyfile(self.template, self.path)
        return Database.open(self.path)

    def reset(self) -> None:
        self.database.close()
        self.database = self._fresh()


_targets: dict[Path, Target] = {}


def _import(seeds: Seeds, template: Path, name: str, data: bytes, judge: str | None) -> None:
    """Import ``data`` as the file ``name`` into a copy of ``template``; check the promise."""
    if template not in _targets:
        _targets[template] = Target(template, seeds.folder / f"work-{template.name}")
    target = _targets[template]
    source = seeds.folder / name
    source.write_bytes(data)
    database = target.database
    refusal: InvalidValue | None = None
    try:
        summary = import_file(database, source, judge_name=judge)
    except InvalidValue as error:
        refusal = error
    if refusal is not None:
        assert str(refusal).strip(), "a refusal must say why"
        assert _fingerprint(database) == target.fingerprint, "a refused import changed the database"
        OUTCOMES[f"{Path(name).suffix[1:]} refused"] += 1
        return
    OUTCOMES[f"{Path(name).suffix[1:]} imported"] += 1
    # Accepted: the database holds a docket that reads back and exports whole.
    try:
        export_docket(database, summary.judge, "json", seeds.folder / "again.json")
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA quick_check").scalar() == "ok"
    finally:
        target.reset()


# JSON values and mutations ------------------------------------------------------------------

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
    | st.sampled_from(["", "2026-02-30", "25:00", "A123-456-789", "asylum", "yes", "-1", "1e309"])
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(value: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield here
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*here, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:6]):
            yield from _paths(item, (*here, index))


@st.composite
def mutated_dockets(draw: st.DrawFn, seed: dict[str, Any]) -> bytes:
    data = json.loads(json.dumps(seed))
    paths = list(_paths(data))[1:]
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(paths))
        parent = data
        try:
            for step in path[:-1]:
                parent = parent[step]
            action = draw(st.sampled_from(["replace", "delete", "add"]))
            if action == "replace":
                parent[path[-1]] = draw(_JSON)
            elif action == "delete":
                del parent[path[-1]]
            elif isinstance(parent, dict):
                parent[draw(st.text(max_size=12))] = draw(_JSON)
            else:
                parent.append(draw(_JSON))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    text = json.dumps(data, ensure_ascii=draw(st.booleans()))
    if draw(st.integers(0, 9)) == 0:  # sometimes cut it off or splice in junk
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.text(max_size=8))
    return text.encode("utf-8", "surrogatepass")


@FUZZ
@given(data=st.data())
def test_mutated_docket_files_are_imported_whole_or_refused_whole(seeds: Seeds, data) -> None:  # type: ignore[no-untyped-def]
    content = data.draw(mutated_dockets(seeds.json))
    _import(seeds, seeds.empty, "docket.json", content, None)


@FUZZ
@given(content=st.binary(max_size=2000))
def test_random_bytes_as_a_docket_file_are_refused(seeds: Seeds, content: bytes) -> None:
    _import(seeds, seeds.empty, "docket.json", content, None)


@FUZZ
@given(content=st.binary(max_size=2000) | st.text(max_size=400).map(str.encode))
def test_random_bytes_as_a_cases_csv_are_refused(seeds: Seeds, content: bytes) -> None:
    _import(seeds, seeds.with_judge, "cases.csv", content, seeds.judge)


_CELLS = st.text(max_size=30) | st.sampled_from(
    [
        "",
        '"',
        '""',
        "\n",
        "\r\n",
        ",",
        "yes",
        "no",
        "maybe",
        "A000-000-000",
        "2026-02-29",
        "02/30/2025",
        "asylum",
        "completed",
        "-5",
        "99999999999999999999",
        "=cmd|' /C calc'!A0",
    ]
)


@st.composite
def mutated_csvs(draw: st.DrawFn, rows: list[str]) -> bytes:
    import csv
    import io

    table = list(csv.reader(io.StringIO("\r\n".join(rows) + "\r\n")))
    for _ in range(draw(st.integers(1, 5))):
        row = draw(st.integers(0, len(table) - 1))
        action = draw(st.sampled_from(["cell", "drop-cell", "add-cell", "drop-row", "dup-row"]))
        if action == "cell" and table[row]:
            table[row][draw(st.integers(0, len(table[row]) - 1))] = draw(_CELLS)
        elif action == "drop-cell" and table[row]:
            del table[row][draw(st.integers(0, len(table[row]) - 1))]
        elif action == "add-cell":
            table[row].append(draw(_CELLS))
        elif action == "drop-row" and len(table) > 1:
            del table[row]
        else:
            table.insert(row, list(table[row]))
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator=draw(st.sampled_from(["\r\n", "\n"]))).writerows(table)
    text = out.getvalue()
    if draw(st.integers(0, 9)) == 0:
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.text(max_size=8))
    bom = draw(st.sampled_from([b"", b"\xef\xbb\xbf"]))
    return bom + text.encode("utf-8", "surrogatepass")


@FUZZ
@given(data=st.data())
def test_mutated_cases_csvs_are_imported_whole_or_refused_whole(seeds: Seeds, data) -> None:  # type: ignore[no-untyped-def]
    content = data.draw(mutated_csvs(seeds.csv_rows))
    _import(seeds, seeds.with_judge, "cases.csv", content, seeds.judge)


def test_the_seeds_themselves_import(seeds: Seeds) -> None:
    """The mutations start from files that import: the fuzzing is near the real format."""
    _import(seeds, seeds.empty, "docket.json", (seeds.folder / "seed.json").read_bytes(), None)
    _import(
        seeds, seeds.with_judge, "cases.csv", (seeds.folder / "seed.csv").read_bytes(), seeds.judge
    )
