"""Forecasting the judges of a database."""

from datetime import date, datetime

from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.forecast.engine import forecast_workload
from planner.forecast.report import Forecast
from planner.forecast.whatif import WhatIf, apply_what_if
from planner.services.clock import now_for
from planner.store.database import Database
from planner.store.repository import ForecastInputs, Repository


def select_judges(repo: Repository, name: str | None) -> list[Judge]:
    """The judge called ``name``, or every judge when no name is given."""
    if name is None:
        return repo.judges()
    judge = repo.judge_named(name)
    if judge is None:
        known = ", ".join(repr(j.name) for j in repo.judges()) or "none"
        raise InvalidValue(f"no judge named {name!r} in this database (judges: {known})")
    return [judge]


def load_inputs(database: Database, judge: Judge, as_of: datetime) -> ForecastInputs:
    """What the forecast of ``judge`` from ``as_of`` reads, in one read transaction: keep it to
    answer what-if questions without going back to the database."""
    with database.transaction() as repo:
        return repo.forecast_inputs(judge, as_of)


def forecast_from(inputs: ForecastInputs, what_if: WhatIf | None = None) -> Forecast:
    """The forecast from loaded inputs, from the moment they were read (``inputs.as_of``: the
    workload was counted then), with an unsaved what-if applied if one is given."""
    judge, leave, as_of = inputs.judge, inputs.leave, inputs.as_of
    if what_if is not None and not what_if.is_empty:
        judge, leave = apply_what_if(what_if, judge, inputs.closures, leave, as_of)
    return forecast_workload(
        judge, closures=inputs.closures, leave=leave, workload=inputs.workload, as_of=as_of
    )


def forecast_judges(
    database: Database, judge_name: str | None = None, as_of: date | datetime | None = None
) -> list[Forecast]:
    """Forecast each judge (or the one named) from ``as_of`` (a date means its midnight),
    by default from now in each judge's own time zone."""
    results = []
    with database.transaction() as repo:
        for judge in select_judges(repo, judge_name):
            moment = _as_datetime(as_of) if as_of is not None else now_for(judge)
            results.append(forecast_from(repo.forecast_inputs(judge, moment)))
    return results


def _as_datetime(moment: date | datetime) -> datetime:
    if isinstance(moment, datetime):
        return moment
    return datetime.combine(moment, datetime.min.time())
