"""Forecasting the judges of a database."""

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from planner.domain.judge import Judge
from planner.forecast.engine import forecast_workload
from planner.forecast.facts import ForecastInputs
from planner.forecast.report import Forecast
from planner.forecast.whatif import WhatIf, apply_what_if
from planner.services.clock import now_for
from planner.services.judges import match_judge
from planner.store.database import Database


class JudgesStored(Protocol):
    """Where judges are read: a ``Reader`` or a transaction's ``Repository``."""

    def judges(self) -> list[Judge]: ...
    def judge_named(self, name: str) -> Judge | None: ...


def select_judges(reader: JudgesStored, name: str | None) -> list[Judge]:
    """The judge called ``name`` (whatever its case: ``match_judge``), or every judge when no
    name is given."""
    if name is None:
        return reader.judges()
    judge = reader.judge_named(name)
    if judge is None:  # not exactly as written: whatever its case
        judge = match_judge(reader.judges(), name)
    return [judge]


def load_inputs(database: Database, judge: Judge, as_of: datetime) -> ForecastInputs:
    """What the forecast of ``judge`` from ``as_of`` reads, in one read transaction: keep it to
    answer what-if questions without going back to the database."""
    with database.read() as reader:
        return reader.forecast_inputs(judge, as_of)


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
    by default from now in each judge's own time zone.

    A court's worth of judges is shared among the machine's cores: each judge's forecast reads
    and computes alone, and on the 400-judge national demo SQLite's reading is most of the time.
    """
    with database.read() as reader:
        judges = select_judges(reader, judge_name)
    moment = None if as_of is None else _as_datetime(as_of)
    workers = _workers(database, len(judges))
    if workers == 1:
        return _forecast_some(database, judges, moment)
    database.close()  # no open SQLite connection may cross a fork
    chunks = [judges[start::workers] for start in range(workers)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        parts = list(
            pool.map(_forecast_file, [database.path] * workers, chunks, [moment] * workers)
        )
    order = {judge.name: index for index, judge in enumerate(judges)}  # names are unique
    return sorted((f for part in parts for f in part), key=lambda f: order[f.judge])


#: Below this many judges a second process costs more than it saves.
PARALLEL_FROM = 64


def _workers(database: Database, judges: int) -> int:
    if (
        judges < PARALLEL_FROM
        or database.path is None
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def _forecast_some(
    database: Database, judges: list[Judge], as_of: datetime | None
) -> list[Forecast]:
    with database.read() as reader:
        return [
            forecast_from(reader.forecast_inputs(judge, as_of or now_for(judge)))
            for judge in judges
        ]


def _forecast_file(path: Path, judges: list[Judge], as_of: datetime | None) -> list[Forecast]:
    """In a worker process: open the file anew and forecast these judges."""
    database = Database.open(path)
    try:
        return _forecast_some(database, judges, as_of)
    finally:
        database.close()


def _as_datetime(moment: date | datetime) -> datetime:
    if isinstance(moment, datetime):
        return moment
    return datetime.combine(moment, datetime.min.time())
