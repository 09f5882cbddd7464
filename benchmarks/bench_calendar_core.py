"""Benchmark: the calendar core, for the month view, the fiscal-year overview and the week view.

Times (median of repeated runs) ``day_summaries`` and ``conflicts`` over a month with 1,000
hearings and over a fiscal year with twelve such months, both pure and in memory, including the
CourtCalendar they need; then ``agenda`` for the busiest week, ``day_summaries_for`` for a month and
the fiscal year and ``conflicts_for`` for a month on the national demo database (a copy of
``--db``, default /tmp/nat.sqlite, if it exists; else a demo database made with --cases cases).
Reports figures only; it sets no bar (the UI's paint budget is issue 4's, in docs/performance.md).

    .venv/bin/python benchmarks/bench_calendar_core.py [--db PATH] [--runs R]
"""

import argparse
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from planner.domain.calendar import CourtCalendar, days_between, fiscal_year_bounds
from planner.domain.docket import Hearing
from planner.domain.judge import Judge
from planner.domain.time_off import Leave
from planner.domain.vocabulary import HearingKind, HearingStatus
from planner.scheduling.days import day_summaries
from planner.scheduling.placement import conflicts
from planner.services import calendar as service
from planner.services.demo import create_demo
from planner.store.database import Database
from planner.store.tables import CaseRow, HearingRow


def median_ms(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def synthetic_hearings(judge: Judge, calendar: CourtCalendar, per_month: int) -> list[Hearing]:
    """``per_month`` hearings in each month, at random starts inside the bench sessions."""
    rng = random.Random(2018)
    by_month: dict[tuple[int, int], list] = {}
    for day in days_between(calendar.first, calendar.last):
        for session, interval in calendar.bench_sessions(day):
            by_month.setdefault((day.year, day.month), []).append((session, interval))
    hearings = []
    for slots in by_month.values():
        for n in range(per_month):
            _session, interval = rng.choice(slots)
            minutes = rng.choice([15, 15, 15, 30, 45, 180])
            latest = max(0, int(interval.minutes) - minutes)
            start = interval.start + timedelta(minutes=5 * (rng.randint(0, latest) // 5))
            kind = HearingKind.INDIVIDUAL if minutes == 180 else HearingKind.MASTER
            status = rng.choice([HearingStatus.SCHEDULED] * 3 + [HearingStatus.HELD])
            hearings.append(Hearing(f"{n:09d}", start, minutes, kind, status, id=len(hearings)))
    return hearings


def packed_month(calendar: CourtCalendar) -> list[Hearing]:
    """Every bench session filled back to back with 15-minute hearings: a full, clean month."""
    hearings: list[Hearing] = []
    for day in days_between(calendar.first, calendar.last):
        for _session, interval in calendar.bench_sessions(day):
            start = interval.start
            while start + timedelta(minutes=15) <= interval.end:
                number = f"{len(hearings):09d}"
                hearings.append(Hearing(number, start, 15, HearingKind.MASTER, id=len(hearings)))
                start += timedelta(minutes=15)
    return hearings


def pure(runs: int) -> None:
    judge = Judge("Bench")
    first, last = fiscal_year_bounds(2027, judge)
    leave = [Leave.days(date(2026, 12, 21), date(2026, 12, 24))]
    year_calendar = CourtCalendar(judge, [], leave, first, last)
    hearings = synthetic_hearings(judge, year_calendar, 1000)
    month = [h for h in hearings if (h.start.year, h.start.month) == (2026, 11)]
    m_first, m_last = date(2026, 11, 1), date(2026, 11, 30)
    print(f"pure core, {len(month)} hearings in a month, {len(hearings)} in FY 2027:")

    def month_summaries() -> object:
        calendar = CourtCalendar(judge, [], leave, m_first, m_last)
        return day_summaries(judge, calendar, month, m_first, m_last)

    def year_summaries() -> object:
        calendar = CourtCalendar(judge, [], leave, first, last)
        return day_summaries(judge, calendar, hearings, first, last)

    def month_conflicts() -> object:
        calendar = CourtCalendar(judge, [], leave, m_first, m_last)
        return conflicts(judge, calendar, month, [])

    def packed_conflicts() -> object:
        calendar = CourtCalendar(judge, [], leave, m_first, m_last)
        return conflicts(judge, calendar, packed, [])

    packed = packed_month(CourtCalendar(judge, [], leave, m_first, m_last))
    print(f"  day_summaries, month:       {median_ms(month_summaries, runs):7.2f} ms")
    print(f"  day_summaries, fiscal year: {median_ms(year_summaries, max(3, runs // 5)):7.2f} ms")
    print(
        f"  conflicts, month:           {median_ms(month_conflicts, runs):7.2f} ms"
        f"  ({len(month_conflicts())} conflicts: random starts overlap a lot)"  # type: ignore[arg-type]
    )
    print(
        f"  conflicts, packed month:    {median_ms(packed_conflicts, runs):7.2f} ms"
        f"  ({len(packed)} hearings back to back, {len(packed_conflicts())} conflicts)"  # type: ignore[arg-type]
    )


def on_database(database: Database, runs: int) -> None:
    with database.transaction() as repo:
        judges = {j.id: j for j in repo.judges()}
        session = repo._session  # the benchmark peeks at the data to pick the busiest week
        day = func.substr(HearingRow.start, 1, 10)
        busiest = session.execute(
            select(CaseRow.judge_id, day, func.count())
            .join(CaseRow, HearingRow.case_id == CaseRow.id)
            .group_by(CaseRow.judge_id, day)
            .order_by(func.count().desc())
            .limit(1)
        ).one()
        total = session.scalar(select(func.count()).select_from(HearingRow))
    judge = judges[busiest[0]]
    busy_day = date.fromisoformat(busiest[1])
    monday = busy_day - timedelta(days=busy_day.weekday())
    friday = monday + timedelta(days=4)
    m_first = busy_day.replace(day=1)
    m_last = (m_first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    fy_first, fy_last = fiscal_year_bounds(2027, judge)
    week = service.agenda(database, judge.id, monday, friday)  # type: ignore[arg-type]
    month = service.agenda(database, judge.id, m_first, m_last)  # type: ignore[arg-type]
    print(
        f"{database.describe()}: {len(judges)} judges, {total:,} hearings; {judge.name}: "
        f"{len(week)} hearings in the week of {monday}, {len(month)} in {m_first:%B %Y}"
    )
    for label, run, times in (
        ("agenda, week", lambda: service.agenda(database, judge.id, monday, friday), runs),  # type: ignore[arg-type]
        ("agenda, month", lambda: service.agenda(database, judge.id, m_first, m_last), runs),  # type: ignore[arg-type]
        ("day_summaries_for, month", lambda: service.day_summaries_for(database, judge, m_first, m_last), runs),
        ("day_summaries_for, FY", lambda: service.day_summaries_for(database, judge, fy_first, fy_last), max(3, runs // 5)),
        ("conflicts_for, month", lambda: service.conflicts_for(database, judge, m_first, m_last), runs),
    ):  # fmt: skip
        print(f"  {label + ':':27}{median_ms(run, times):7.2f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/nat.sqlite"))
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    pure(args.runs)
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
        copy = Path(folder) / "calendar.sqlite"
        if args.db.exists():
            shutil.copyfile(args.db, copy)  # a copy: opening may upgrade the schema
        database = Database.open(copy)
        if not args.db.exists():
            create_demo(database, cases=args.cases, judges=1, seed=2018, today=date.today())
        try:
            on_database(database, args.runs)
        finally:
            database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
