"""Values of one's own for a row changed on both sides (planner/sync/edit.py): read as the row
holds them, checked by the domain with the rest of the row, refused in one line naming the field."""

from datetime import date

import pytest

from planner.domain.docket import Case
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.sync.codec import case_fields, profile_fields
from planner.sync.edit import edit_text, editable, edited_values
from planner.sync.merge import Collision, CollisionKind, Side, merge
from planner.sync.state import PROFILE_KEY, DocketState, Kind, Stamp

CASE = Case("200000001", "Person One", "asylum", date(2025, 1, 1), remaining_minutes=60)


def _collision(**changes: object) -> Collision:
    """The collision of a case changed on both sides: ``changes`` as (laptop, server) pairs."""
    base = case_fields(CASE)
    laptop = {**base, **{name: pair[0] for name, pair in changes.items()}}  # type: ignore[index]
    server = {**base, **{name: pair[1] for name, pair in changes.items()}}  # type: ignore[index]
    profile = {PROFILE_KEY: profile_fields(Judge("Ana Ruiz"))}

    def state(case: dict[str, object]) -> DocketState:
        return DocketState("j", {Kind.PROFILE: profile, Kind.CASE: {"c1": case}})  # type: ignore[dict-item]

    result = merge(state(base), state(laptop), state(server))
    (collision,) = result.collisions
    return collision


def test_values_are_read_as_the_row_holds_them() -> None:
    collision = _collision(
        remaining_minutes=(90, 45),
        language=("French", "Mam"),
        nta_served=("2024-02-01", "2024-02-02"),
    )
    assert editable(collision)
    assert edit_text(True) == "yes"
    assert edit_text(None) == ""
    values = edited_values(
        collision, {"remaining_minutes": " 75 ", "language": "Mam", "nta_served": "2024-03-01"}
    )
    assert values == {"remaining_minutes": 75, "language": "Mam", "nta_served": "2024-03-01"}
    assert merge(*_states_of(collision), settlements={collision.id: values}).complete


def _states_of(collision: Collision) -> tuple[DocketState, DocketState, DocketState]:
    ((ref, laptop),) = collision.laptop.items()
    ((_ref, server),) = collision.server.items()
    profile = {PROFILE_KEY: profile_fields(Judge("Ana Ruiz"))}
    rows = lambda case: {Kind.PROFILE: profile, Kind.CASE: {ref[1]: case}}  # noqa: E731
    return (
        DocketState("j", rows(case_fields(CASE))),  # type: ignore[arg-type]
        DocketState("j", rows(laptop)),  # type: ignore[arg-type]
        DocketState("j", rows(server)),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("texts", "reason"),
    [
        ({"remaining_minutes": "ninety"}, "remaining_minutes 'ninety' is not a whole number"),
        ({"language": ""}, "language"),
        ({"remaining_minutes": "0"}, "remaining"),  # a whole number the domain refuses
        ({"nta_served": "2024-13-01"}, "nta_served '2024-13-01': month must be in 1..12"),
    ],
)
def test_a_value_refused_says_which_row_and_why_in_one_line(
    texts: dict[str, str], reason: str
) -> None:
    collision = _collision(
        remaining_minutes=(90, 45),
        language=("French", "Mam"),
        nta_served=("2024-02-01", "2024-02-02"),
    )
    full = {"remaining_minutes": "60", "language": "Mam", "nta_served": "2024-03-01", **texts}
    with pytest.raises(InvalidValue) as refused:
        edited_values(collision, full)
    message = str(refused.value)
    assert message.startswith(collision.what + ": ")
    assert reason in message
    assert "\n" not in message


def test_a_collision_other_than_a_row_changed_on_both_sides_is_not_edited() -> None:
    collision = Collision(
        "case:c1",
        CollisionKind.REMOVED_AND_CHANGED,
        "case A200-000-001 (Person One)",
        {(Kind.CASE, "c1"): None},
        {(Kind.CASE, "c1"): case_fields(CASE)},
        Stamp(),
        Stamp(),
    )
    assert not editable(collision)
    with pytest.raises(InvalidValue, match="keep one side's version"):
        edited_values(collision, {})
    assert Side.LAPTOP  # the other way to settle it
