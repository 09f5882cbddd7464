"""Forecasting the judges of a database."""

from datetime import date, datetime

from planner.domain.calendar import fiscal_year_bounds, fiscal_year_of
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.forecast.engine import forecast
from planner.forecast.report import Forecast
from planner.store.database import Database
from planner.store.repository import Repository


def now_for(judge: Judge) -> datetime:
    """The judge's local wall-clock time now, as the naive datetime the model uses."""
    return datetime.now(judge.zone).replace(tzinfo=None, second=0, microsecond=0)


def select_judges(repo: Repository, name: str | None) -> list[Judge]:
    """The judge called ``name``, or every judge when no name is given."""
    if name is None:
        return repo.judges()
    judge = repo.judge_named(name)
    if judge is None:
        known = ", ".join(repr(j.name) for j in repo.judges()) or "none"
        raise InvalidValue(f"no judge named {name!r} in this database (judges: {known})")
    return [judge]


def forecast_judges(
    database: Database, judge_name: str | None = None, as_of: date | datetime | None = None
) -> list[Forecast]:
    """Forecast each judge (or the one named) from ``as_of`` (a date means its midnight),
    by default from now in each judge's own time zone."""
    results = []
    with database.transaction() as repo:
        for judge in select_judges(repo, judge_name):
            moment = _as_datetime(as_of) if as_of is not None else now_for(judge)
            fy_first, _ = fiscal_year_bounds(fiscal_year_of(moment.date(), judge), judge)
            inputs = repo.forecast_inputs(judge, fy_first)
            results.append(
                forecast(
                    judge,
                    closures=inputs.closures,
                    leave=inputs.leave,
                    cases=inputs.cases,
                    hearings=inputs.hearings,
                    as_of=moment,
                )
            )
    return results


def _as_datetime(moment: date | datetime) -> datetime:
    if isinstance(moment, datetime):
        return moment
    return datetime.combine(moment, datetime.min.time())
