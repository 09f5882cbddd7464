"""A collision settled by editing (issue 17: "the user keeps one, the other, or edits"): the
values typed for the fields a row changed on both sides, read as the row holds them and checked
by the domain as the record they make, before the check-in is tried."""

from collections.abc import Mapping

from planner.domain.errors import InvalidValue
from planner.sync.codec import case_of, closure_of, hearing_of, profile_of
from planner.sync.merge import Collision, CollisionKind
from planner.sync.state import Fields, Kind, Value

_YES = ("yes", "true", "1")
_NO = ("no", "false", "0")
#: Any valid A-number: a hearing's own is its case's, which the check does not need.
_SOME_A_NUMBER = "100000000"


def editable(collision: Collision) -> bool:
    """Whether the collision can be settled with values of one's own: a row changed on both
    sides (not a removal, nor a placement of several rows)."""
    return collision.kind is CollisionKind.SAME_ROW and bool(collision.fields)


def edit_text(value: Value) -> str:
    """A field's value as the user edits it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def edited_values(collision: Collision, texts: Mapping[str, str]) -> dict[str, Value]:
    """The typed values of the colliding fields as the row holds them (each read like both
    sides' values), checked by the domain with the rest of the row; a one-line reason naming
    the field otherwise."""
    if not editable(collision):
        raise InvalidValue(f"{collision.what}: keep one side's version (it cannot be edited)")
    ((ref, server_row),) = collision.server.items()
    ((_ref, laptop_row),) = collision.laptop.items()
    assert server_row is not None
    assert laptop_row is not None
    values: dict[str, Value] = {}
    for name in collision.fields:
        text = texts.get(name, "").strip()
        sample = laptop_row.get(name)
        if sample is None:
            sample = server_row.get(name)
        try:
            values[name] = _read(text, sample)
        except ValueError:
            raise InvalidValue(
                f"{collision.what}: {name} {text!r} is not {_wanted(sample)}"
            ) from None
    try:
        _check(ref[0], ref[1], {**server_row, **values})
    except InvalidValue as error:
        raise InvalidValue(f"{collision.what}: {error}") from None
    except (TypeError, ValueError, KeyError) as error:
        # Python's own reading (a day such as 2024-13-01): name the field it came from.
        culprit = next((n for n in values if not _reads(ref[0], ref[1], server_row, n, values)), "")
        where = f"{culprit} {values.get(culprit)!r}: " if culprit else ""
        raise InvalidValue(f"{collision.what}: {where}{error}") from None
    return values


def _check(kind: Kind, key: str, row: Fields) -> None:
    """The record the row makes, built by the domain (which checks it)."""
    if kind is Kind.PROFILE:
        profile_of(row)
    elif kind is Kind.CASE:
        case_of(row)
    elif kind is Kind.HEARING:
        hearing_of(row, _SOME_A_NUMBER)
    elif kind is Kind.CLOSURE:
        closure_of(key, row)


def _reads(kind: Kind, key: str, row: Fields, name: str, values: Mapping[str, Value]) -> bool:
    """Whether the row with only ``name`` edited is read without Python's own error."""
    try:
        _check(kind, key, {**row, name: values[name]})
    except (TypeError, ValueError, KeyError):
        return False
    except InvalidValue:
        return True
    return True


def _read(text: str, sample: Value) -> Value:
    if isinstance(sample, bool):
        if text.lower() in _YES:
            return True
        if text.lower() in _NO:
            return False
        raise ValueError(text)
    if isinstance(sample, int):
        return int(text)
    if isinstance(sample, float):
        return float(text)
    if isinstance(sample, str):
        return text
    return text or None


def _wanted(sample: Value) -> str:
    if isinstance(sample, bool):
        return "yes or no"
    if isinstance(sample, int):
        return "a whole number"
    return "a number"
