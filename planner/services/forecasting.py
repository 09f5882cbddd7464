"""Forecasting the judges of a database."""

import os
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from planner.domain.judge import Judge
from planner.domain.stored_case import StoredCase
from planner.domain.time_off import Closure, Leave
from planner.forecast.engine import forecast_workload
from planner.forecast.facts import ForecastInputs
from planner.forecast.message import describe
from planner.forecast.report import Forecast
from planner.services.clock import now_for
from planner.services.judges import match_judge
from planner.store.database import Database

if TYPE_CHECKING:
    from planner.forecast.whatif import WhatIf
    from planner.scheduling.booking import Booked


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


def forecast_from(
    inputs: ForecastInputs, what_if: "WhatIf | None" = None, *, advise: bool = False
) -> Forecast:
    """The forecast from loaded inputs, from the moment they were read (``inputs.as_of``: the
    workload was counted then), with an unsaved what-if applied if one is given; with
    ``advise``, also the template changes that fit the most extra completions (each is a K(1)
    of its own, so it is asked for where shown, not for a court's worth of judges)."""
    judge, leave, as_of = inputs.judge, inputs.leave, inputs.as_of
    # The what-if and the advice are imported where asked for: a plain forecast (every
    # ``planner forecast`` of a court, the window's banner) needs neither.
    if what_if is not None and not what_if.is_empty:
        from planner.forecast.whatif import apply_what_if

        judge, leave = apply_what_if(what_if, judge, inputs.closures, leave, as_of)
    result = forecast_workload(
        judge, closures=inputs.closures, leave=leave, workload=inputs.workload, as_of=as_of
    )
    if advise:
        from planner.forecast.advice import template_changes

        changes = template_changes(
            judge,
            closures=inputs.closures,
            leave=leave,
            workload=inputs.workload,
            as_of=as_of,
            result=result,
        )
        result = result._replace(template_changes=changes)
    return result


def with_age_targets(
    database: Database, result: Forecast, *, cancelled: Callable[[], bool] | None = None
) -> Forecast:
    """The forecast with its age targets projected on the calendar as it stands (the
    auto-scheduler's deadline policy for the cases not booked: asked for apart from the
    verdict, which the window shows first), and its sentence saying them where no quota
    applies. ``cancelled()`` is asked now and then (the window's worker), and True stops with
    the auto-scheduler's ``Cancelled``."""
    rules = result.rule_set
    if rules is None or not rules.targets:
        return result._replace(age_targets=())
    # A read snapshot, not a transaction: a commit, even of nothing, would look to the
    # window's poll like another program's change.
    with database.read() as reader:
        judge = reader.judge_named(result.judge)
        if judge is None or judge.id is None:
            return result
        closures, leave = reader.calendar(judge.id)
        cases, hearings = reader.case_facts_and_hearings(judge.id)
    return _projected(result, judge, closures, leave, cases, hearings, cancelled)


def _projected(
    result: Forecast,
    judge: Judge,
    closures: Sequence[Closure],
    leave: Sequence[Leave],
    cases: Sequence[StoredCase],
    hearings: Sequence["Booked"],
    cancelled: Callable[[], bool] | None = None,
) -> Forecast:
    """``result`` with the age targets projected from what was read (its rule set has some)."""
    # The auto-scheduler is imported where a rule set with age targets needs it, not on every
    # forecast's path (the 2018 metrics have none).
    from planner.scheduling.age_targets import project_age_targets

    projections = project_age_targets(
        judge, closures, leave, cases, hearings, result.as_of, cancelled=cancelled
    )
    result = result._replace(age_targets=projections)
    return result._replace(message=describe(result))


def forecast_judges(
    database: Database,
    judge_name: str | None = None,
    as_of: date | datetime | None = None,
    *,
    advise: bool = False,
    ages: bool = False,
    processes: bool = False,
) -> list[Forecast]:
    """Forecast each judge (or the one named) from ``as_of`` (a date means its midnight),
    by default from now in each judge's own time zone.

    A court's worth of judges is shared among threads, each reading on its own connection:
    SQLite's reads and HiGHS's solves let go of Python's lock, the pool model's plain Python
    does not. With ``processes`` (``planner forecast``), among fresh processes instead
    ("spawn"), which do not share that lock: each imports the forecast again (about 60 ms)
    and reads on a connection of its own; a late-year national forecast is mostly Python
    (docs/performance.md). Not in the window, whose Court tab keeps to threads: a frozen
    program's processes start through its own executable, and forking a process that runs
    threads can deadlock the child (Python 3.12 and later warn of it).
    """
    with database.read() as reader:
        judges = select_judges(reader, judge_name)
    moment = None if as_of is None else _as_datetime(as_of)
    # The advice recounts K(1) per template change tried (about 0.1 s a judge): for a court's
    # worth of judges it would cost several times the forecast itself, so it is given when one
    # judge is forecast (named, or the only one).
    advise = advise and len(judges) < ADVISE_BELOW
    # The age targets run the auto-scheduler per judge (about half a second for 2,000 cases):
    # a court's worth, not a nation's (AGES_BELOW).
    ages = ages and len(judges) < AGES_BELOW
    workers = _workers(len(judges))
    if workers == 1:
        return _forecast_some(database, judges, moment, advise, ages)
    if processes:
        results = _in_processes(database, judges, moment, advise, workers)
    else:
        results = _in_threads(database, judges, moment, advise, workers)
    return [with_age_targets(database, r) for r in results] if ages else results


def _in_threads(
    database: Database,
    judges: list[Judge],
    as_of: datetime | None,
    advise: bool,
    workers: int,
) -> list[Forecast]:
    """The judges' forecasts, in their order, made by ``workers`` threads."""
    # Imported here: a court's worth of judges needs it, not one judge's forecast.
    from concurrent.futures import ThreadPoolExecutor

    chunks = [judges[start::workers] for start in range(workers)]
    with ThreadPoolExecutor(workers, thread_name_prefix="forecast") as pool:
        parts = list(
            pool.map(
                _forecast_some, [database] * workers, chunks, [as_of] * workers, [advise] * workers
            )
        )
    order = {judge.name: index for index, judge in enumerate(judges)}  # names are unique
    return sorted((f for part in parts for f in part), key=lambda f: order[f.judge])


#: The template advice is given when fewer judges than this are forecast at once.
ADVISE_BELOW = 2

#: The age targets are projected when fewer judges than this are forecast at once; for more,
#: ``age_targets`` stays None (``planner forecast --json``: null), and ``--judge`` gives them.
AGES_BELOW = 64

#: Below this many judges one thread does it (a court's few judges take well under a second).
PARALLEL_FROM = 64


def _workers(judges: int) -> int:
    if judges < PARALLEL_FROM:
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


#: Parts per process the judges are cut into, so that a process done early takes another.
PARTS_PER_PROCESS = 4


def _in_processes(
    database: Database,
    judges: list[Judge],
    as_of: datetime | None,
    advise: bool,
    workers: int,
) -> list[Forecast]:
    """The judges' forecasts, in their order, made by ``workers`` fresh processes."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from itertools import repeat

    size = -(-len(judges) // (workers * PARTS_PER_PROCESS))
    parts = [judges[start : start + size] for start in range(0, len(judges), size)]
    with ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_open_in_process,
        initargs=(database.path, database.url, database.password),
    ) as pool:
        try:
            done = pool.map(_forecast_in_process, parts, repeat(as_of), repeat(advise))
            return [result for part in done for result in part]
        except BaseException:  # interrupted, or a part failed: the parts not begun are not
            pool.shutdown(cancel_futures=True)
            raise


#: The database a forecasting process reads (``_open_in_process``).
_process_database: Database | None = None


def _open_in_process(path: Path | None, url: str | None, password: str | None) -> None:
    """Open, in a forecasting process, the database its parent checked and opened; closed
    when the process ends. Python's collector stays off, as in ``planner forecast``: the
    process makes next to no garbage cycles, and ends."""
    global _process_database
    import atexit
    import gc
    import signal

    # Ctrl+C is the parent's to answer ("interrupted"): the process ends with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.disable()
    _process_database = Database(path, url=url, password=password)
    atexit.register(_process_database.close)


def _forecast_in_process(
    judges: list[Judge], as_of: datetime | None, advise: bool
) -> list[Forecast]:
    assert _process_database is not None, "_open_in_process runs first"
    return _forecast_some(_process_database, judges, as_of, advise)


def _forecast_some(
    database: Database,
    judges: list[Judge],
    as_of: datetime | None,
    advise: bool = False,
    ages: bool = False,
) -> list[Forecast]:
    """Read and forecast these judges in one read (on a connection of this thread's own); with
    ``ages``, their age targets projected from the same snapshot (the profile and calendar
    the forecast read, and the cases' facts), not from a second read."""
    found = []
    with database.read() as reader:
        for judge in judges:
            inputs = reader.forecast_inputs(judge, as_of or now_for(judge))
            result = forecast_from(inputs, advise=advise)
            if ages:
                rules = result.rule_set
                if rules is None or not rules.targets:
                    result = result._replace(age_targets=())
                else:
                    assert judge.id is not None
                    cases, hearings = reader.case_facts_and_hearings(judge.id)
                    result = _projected(
                        result, judge, inputs.closures, inputs.leave, cases, hearings
                    )
            found.append(result)
    return found


def _as_datetime(moment: date | datetime) -> datetime:
    if isinstance(moment, datetime):
        return moment
    return datetime.combine(moment, datetime.min.time())
