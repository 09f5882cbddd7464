"""Saving a profile applies the model's calendar rules, whichever window or script saves it."""

from datetime import date

import pytest

from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.time_off import Closure
from planner.services import judges as judge_service
from planner.store.database import Database
from planner.store.errors import Conflict


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


def test_a_new_or_renamed_judge_may_not_differ_from_another_only_in_case(
    database: Database,
) -> None:
    judge_service.create_profile(database, Judge("Ana Ruiz"), [], [])
    bo = judge_service.create_profile(database, Judge("Bo Chen"), [], [])
    with pytest.raises(Conflict, match="'Ana Ruiz' is already in this database"):
        judge_service.create_profile(database, Judge("ana  ruiz"), [], [])
    with pytest.raises(Conflict, match="choose another name than 'ANA RUIZ'"):
        judge_service.save_profile(database, replace(bo, name="ANA RUIZ"), [], [])
    assert [j.name for j in judge_service.list_judges(database)] == ["Ana Ruiz", "Bo Chen"]
    renamed = judge_service.save_profile(database, replace(bo, name="BO CHEN"), [], [])
    assert renamed.name == "BO CHEN"  # its own name in another case is fine
