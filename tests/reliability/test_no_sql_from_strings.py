"""No SQL is built from data: every value is bound as a parameter.

The test reads the source of every module of the Planner and finds each call that hands SQL text
to a driver (``execute``, ``executemany``, ``executescript``, ``exec_driver_sql``, ``text``, and
the read path's ``rows`` and ``one``, ``planner.store.dialect.Link``). Its
first argument must be a constant string; the only formatted ones are listed below, each built
from names in our own code (never from data), with the values still bound as parameters.
"""

import ast
from pathlib import Path

import planner

_SQL_CALLS = {"execute", "executemany", "executescript", "exec_driver_sql", "text", "rows", "one"}

#: (module, function): why its formatted SQL holds no data.
ALLOWED = {
    ("planner/store/connection.py", "configure"): "the busy timeout, an int constant",
    ("planner/store/listing.py", "docket_ids"): (
        "the filter's and the sort's fragments, constants of the module; values are parameters"
    ),
    ("planner/store/listing.py", "docket_count"): (
        "the filter's fragments, constants of the module; values are parameters"
    ),
    ("planner/store/migrations/versions/0004_change_notices.py", "upgrade"): (
        "the trigger's function, channel and table names, constants of the migration"
    ),
    ("planner/store/migrations/versions/0004_change_notices.py", "downgrade"): (
        "the trigger's function and table names, constants of the migration"
    ),
    ("planner/store/migrations/versions/0005_server_coverage.py", "upgrade"): (
        "the trigger's function and table names, constants of the migration"
    ),
    ("planner/store/migrations/versions/0005_server_coverage.py", "downgrade"): (
        "the trigger's and table names, constants of the migration"
    ),
    ("planner/store/repository.py", "_bulk_insert"): (
        "table and column names from the ORM classes, quoted by the dialect; values are '?'"
    ),
}


def _formatted_sql_calls() -> list[tuple[str, str, int]]:
    root = Path(planner.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]:
            for call in [n for n in ast.walk(function) if isinstance(n, ast.Call)]:
                name = getattr(call.func, "attr", getattr(call.func, "id", None))
                if name not in _SQL_CALLS or not call.args:
                    continue
                first = call.args[0]
                built = isinstance(first, ast.JoinedStr | ast.BinOp) or (
                    isinstance(first, ast.Call) and getattr(first.func, "attr", "") == "format"
                )
                if built:
                    module = path.relative_to(root.parent).as_posix()
                    found.append((module, function.name, call.lineno))
    return found


def test_sql_is_never_formatted_except_from_our_own_names() -> None:
    found = _formatted_sql_calls()
    unexpected = [(m, f, line) for m, f, line in found if (m, f) not in ALLOWED]
    assert unexpected == [], f"SQL built from strings: {unexpected}"
    assert {(m, f) for m, f, _ in found} == set(ALLOWED), "an allowed exception is gone: update"


def test_the_check_sees_a_formatted_statement(tmp_path: Path) -> None:
    """The walker does find an f-string handed to execute (so the test above can fail)."""
    tree = ast.parse("def f(c, name):\n    c.execute(f\"SELECT * FROM t WHERE n = '{name}'\")\n")
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call))
    assert call.func.attr in _SQL_CALLS  # type: ignore[attr-defined]
    assert isinstance(call.args[0], ast.JoinedStr)
