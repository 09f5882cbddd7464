"""Administrative closure, the status docket and recalendaring: which moves the domain allows."""

from datetime import date

import pytest

from planner.domain.case_states import move_refusal, moved
from planner.domain.docket import Case
from planner.domain.errors import InvalidValue
from planner.domain.vocabulary import CaseStatus, CompletionKind

P, C, S, D = (
    CaseStatus.PENDING,
    CaseStatus.ADMIN_CLOSED,
    CaseStatus.STATUS_DOCKET,
    CaseStatus.COMPLETED,
)


@pytest.mark.parametrize(
    ("status", "to", "allowed"),
    [
        (P, C, True),
        (P, S, True),
        (P, P, False),
        (C, S, True),
        (S, C, True),
        (C, P, True),
        (S, P, True),
        (C, C, False),
        (S, S, False),
        (D, C, False),
        (D, S, False),
        (D, P, False),
        (P, D, False),  # a completion is recorded as such, not moved to
    ],
)
def test_the_moves_the_domain_allows(status: CaseStatus, to: CaseStatus, allowed: bool) -> None:
    refusal = move_refusal("123456789", status, to)
    assert (refusal is None) is allowed
    if refusal is not None:
        assert "A123-456-789" in refusal
        assert "\n" not in refusal


def test_moved_changes_only_the_status_or_refuses_in_one_line() -> None:
    case = Case("123456789", "Ana", "removal", date(2026, 1, 1))
    assert moved(case, C) == Case("123456789", "Ana", "removal", date(2026, 1, 1), status=C)
    done = Case("123456789", "Ana", "removal", date(2026, 1, 1), status=D,
                completion_date=date(2026, 2, 1), completion_kind=CompletionKind.DISMISSAL)  # fmt: skip
    with pytest.raises(InvalidValue, match="is completed"):
        moved(done, P)
