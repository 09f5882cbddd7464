"""The demo's detained docket is a third of each judge's pending cases, as the spec asks
(/work/shared/domain-model.md, "The demo docket"), and young, as a real one is
(/work/shared/domain.md).

Made with ``planner demo`` and read back through the store, as of a pinned date.

The bounds, from the figures domain.md gives:
- Share: "a third detained" (domain-model.md): 28-38% of each judge's pending cases.
- Ages: EOIR policy memorandum PM 25-47 (12 September 2025, domain.md "What happened to the quota
  after 2018") aims at 95% of detained cases completed within 60 days, and the 2018 benchmarks
  want detained removal cases completed within 3 days of the merits hearing: a detained docket
  moves fast. The 5% that take longer (appeals and remands, contested merits) weigh more in a
  pending docket than among completions: if they take up to about 300 days they make about 14%
  of it (the 95% spend ~35 days each, the 5% spend 60 days under the mark and ~120 over it:
  0.05 x 120 / (0.95 x 35 + 0.05 x 180) = 14%). So at most 15% of the pending detained cases
  may have been received more than 60 days before today, and at least 90% of the detained
  completions so far came within 60 days of receipt.
- Lawyers: "About 40% of respondents, and 8 in 10 detained ones, had no lawyer" (domain.md,
  "Scale"): 70-90% of the pending detained cases unrepresented, 35-45% of all pending cases.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from planner.domain.docket import Docket
from planner.domain.vocabulary import CaseStatus
from planner.store.database import Database
from tests.conftest import CliResult

TODAY = date(2026, 12, 6)
DAYS = 60
DETAINED_SHARE = (0.28, 0.38)
MOST_PAST_60_DAYS = 0.15
LEAST_COMPLETED_WITHIN_60_DAYS = 0.9
DETAINED_UNREPRESENTED = (0.7, 0.9)
UNREPRESENTED = (0.35, 0.45)

SIZES = pytest.mark.parametrize(
    "size",
    [(), ("--cases", 500), ("--cases", 6000, "--judges", 3, "--seed", 7)],
    ids=["default", "500-cases", "6000-cases-3-judges-seed-7"],
)


def demo_dockets(
    planner: Callable[..., CliResult], db_path: Path, size: tuple[object, ...]
) -> list[Docket]:
    made = planner("demo", "--db", db_path, "--today", TODAY.isoformat(), *size)
    assert made.code == 0, made.err
    database = Database.open(db_path)
    try:
        with database.transaction() as repo:
            return [repo.load_docket(judge.id) for judge in repo.judges() if judge.id is not None]
    finally:
        database.close()


@SIZES
def test_a_third_of_the_pending_docket_is_detained_and_young(
    planner: Callable[..., CliResult], db_path: Path, size: tuple[object, ...]
) -> None:
    for docket in demo_dockets(planner, db_path, size):
        pending = [c for c in docket.cases if c.status is CaseStatus.PENDING]
        detained = [c for c in pending if c.detained]
        name = docket.judge.name
        low, high = DETAINED_SHARE
        assert low <= len(detained) / len(pending) <= high, (
            f"{name}: {len(detained)} of {len(pending)} detained"
        )
        past = [c for c in detained if (TODAY - c.received).days > DAYS]
        assert len(past) <= MOST_PAST_60_DAYS * len(detained), (
            f"{name}: {len(past)} of {len(detained)} detained cases past {DAYS} days"
        )
        low, high = DETAINED_UNREPRESENTED
        alone = sum(not c.represented for c in detained)
        assert low <= alone / len(detained) <= high, (
            f"{name}: {alone} of {len(detained)} detained without a lawyer"
        )
        low, high = UNREPRESENTED
        alone = sum(not c.represented for c in pending)
        assert low <= alone / len(pending) <= high, (
            f"{name}: {alone} of {len(pending)} pending without a lawyer"
        )


@SIZES
def test_the_detained_completions_so_far_came_within_60_days(
    planner: Callable[..., CliResult], db_path: Path, size: tuple[object, ...]
) -> None:
    for docket in demo_dockets(planner, db_path, size):
        done = [c for c in docket.cases if c.status is CaseStatus.COMPLETED and c.detained]
        assert done, f"{docket.judge.name}: no detained completions"
        within = [
            c
            for c in done
            if c.completion_date is not None and (c.completion_date - c.received).days <= DAYS
        ]
        assert len(within) >= LEAST_COMPLETED_WITHIN_60_DAYS * len(done), (
            f"{docket.judge.name}: {len(within)} of {len(done)} detained completions within {DAYS} days"
        )
