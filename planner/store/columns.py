"""The case's columns, listed once: each stored field and the kind of value it holds, so that the
read path decodes a row, and the SQLite bulk insert encodes one, by the same list.

``tests/store/test_read_path.py`` checks this list against ``planner/store/tables.py`` (and so
against the migrations), and the domain's ``CASE_FIELDS`` against it.
"""

from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

from planner.domain.docket import CASE_FIELDS, Case
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
    values = [
        stored if stored is None or decode is None else decode(stored)
        for decode, stored in zip(_decoders(codec), row, strict=True)
    ]
    values[_STATUS] = CaseStatus(values[_STATUS])
    if values[_COMPLETION_KIND] is not None:
        values[_COMPLETION_KIND] = CompletionKind(values[_COMPLETION_KIND])
    # By position: the columns are the case's fields in its order (checked below), then its id
    # and version; a docket of thousands of cases is read at once.
    values += (case_id, version)
    return Case(*values)


_NAMES = tuple(CASE_COLUMNS)
assert _NAMES == CASE_FIELDS, "CASE_COLUMNS lists the case's fields in the order Case has them"
_STATUS = _NAMES.index("status")
_COMPLETION_KIND = _NAMES.index("completion_kind")
_DECODERS: dict[Dialect, tuple[Callable[[Any], Any] | None, ...]] = {}


def _decoders(codec: Dialect) -> tuple[Callable[[Any], Any] | None, ...]:
    """Each column's decoding by the engine (None: as stored), made once per dialect: a docket
    of thousands of cases is read at once."""
    found = _DECODERS.get(codec)
    if found is None:
        by_kind: dict[Kind, Callable[[Any], Any] | None] = {
            Kind.DAY: codec.read_day,
            Kind.FLAG: codec.read_flag,
            Kind.TEXT: None,
            Kind.NUMBER: None,
        }
        found = _DECODERS[codec] = tuple(by_kind[kind] for kind in CASE_COLUMNS.values())
    return found


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
