"""The case's columns, listed once: each stored field and the kind of value it holds, so that the
read path decodes a row, and the SQLite bulk insert encodes one, by the same list.

``tests/store/test_read_path.py`` checks this list against ``planner/store/tables.py`` (and so
against the migrations), and the domain's ``CASE_FIELDS`` against it.
"""

from collections.abc import Sequence
from enum import Enum
from typing import Any

from planner.domain.docket import Case
from planner.domain.vocabulary import CaseStatus, CompletionKind
from planner.store.dialect import Dialect, search_form


class Kind(Enum):
    TEXT = "text"
    NUMBER = "number"
    DAY = "day"
    FLAG = "flag"


#: Every stored field of a case (besides its id, judge, version and who saved it), in the order
#: the statements select them, with the kind of value each holds.
CASE_COLUMNS: dict[str, Kind] = {
    "a_number": Kind.TEXT,
    "name": Kind.TEXT,
    "kind": Kind.TEXT,
    "received": Kind.DAY,
    "detained": Kind.FLAG,
    "juvenile": Kind.FLAG,
    "language": Kind.TEXT,
    "represented": Kind.FLAG,
    "status": Kind.TEXT,
    "completion_date": Kind.DAY,
    "completion_kind": Kind.TEXT,
    "remaining_minutes": Kind.NUMBER,
    "asylum_filed": Kind.DAY,
    "nta_served": Kind.DAY,
    "attorney": Kind.TEXT,
    "dedicated_docket": Kind.FLAG,
}

#: The case's columns as a statement selects them from ``cases``.
CASE_SELECT = ", ".join(f"cases.{name}" for name in CASE_COLUMNS)

#: Kept beside the name, the name as a search compares it (``search_form``): the docket's filter
#: is a plain substring test on it, on either engine (migration 0004_name_search).
NAME_SEARCH = "name_search"


def name_search(name: str) -> str:
    """What the store keeps in ``cases.name_search`` for a case named ``name``."""
    folded = search_form(name)
    assert folded is not None
    return folded


def read_case(codec: Dialect, case_id: int, version: int, row: Sequence[Any]) -> Case:
    """A case from its columns as ``CASE_SELECT`` reads them."""
    values: dict[str, Any] = {}
    for (name, kind), stored in zip(CASE_COLUMNS.items(), row, strict=True):
        if stored is None:
            values[name] = None
        elif kind is Kind.DAY:
            values[name] = codec.read_day(stored)
        elif kind is Kind.FLAG:
            values[name] = codec.read_flag(stored)
        else:
            values[name] = stored
    values["status"] = CaseStatus(values["status"])
    if values["completion_kind"] is not None:
        values["completion_kind"] = CompletionKind(values["completion_kind"])
    return Case(id=case_id, version=version, **values)


def case_values(codec: Dialect, case: Case) -> tuple[Any, ...]:
    """The case's columns, as ``CASE_COLUMNS`` lists them, in the engine's stored forms."""
    values: list[Any] = []
    for name, kind in CASE_COLUMNS.items():
        value = getattr(case, name)
        if value is None:
            values.append(None)
        elif kind is Kind.DAY:
            values.append(codec.day(value))
        elif kind is Kind.FLAG:
            values.append(codec.flag(value))
        elif isinstance(value, Enum):
            values.append(value.value)
        else:
            values.append(value)
    return tuple(values)
