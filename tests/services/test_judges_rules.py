"""Saving a profile applies the model's calendar rules, whichever window or script saves it."""

from datetime import date

import pytest

from planner.domain.docket import Closure
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.services import judges as judge_service
from planner.store.database import Database


def test_a_profile_with_a_closure_on_a_day_without_sessions_is_not_saved(
    database: Database,
) -> None:
    sunday = Closure(date(2026, 12, 6), "Building maintenance")
    with pytest.raises(InvalidValue, match="falls on a Sunday, when the judge has no sessions"):
        judge_service.create_profile(database, Judge("Ana Ruiz"), [sunday], [])
    assert judge_service.list_judges(database) == []
    judge = judge_service.create_profile(database, Judge("Ana Ruiz"), [], [])
    with pytest.raises(InvalidValue, match="Sun 6 Dec 2026"):
        judge_service.save_profile(database, judge, [sunday], [])
    assert judge.id is not None
    assert judge_service.calendar_of(database, judge.id) == ([], [])


def test_a_profile_with_a_closure_listed_twice_is_not_saved(database: Database) -> None:
    eve = Closure(date(2026, 12, 24), "Executive order")
    with pytest.raises(InvalidValue, match=r"^the closure on Thu 24 Dec 2026 is listed twice$"):
        judge_service.create_profile(database, Judge("Ana Ruiz"), [eve, eve], [])
    assert judge_service.list_judges(database) == []
