"""The comparison's sentence: what the most completions cost the oldest tenth."""

from datetime import date

from planner.scheduling.autoschedule import Options, Policy, Proposal
from planner.scheduling.report import render_tradeoff

OLDEST = Proposal(
    judge="Ana Ruiz",
    policy=Policy.OLDEST,
    first=date(2026, 11, 26),
    fiscal_year_end=date(2027, 9, 30),
    options=Options(),
    cases=100,
    proposed=(),
    completions_by_fy_end=40,
    deadlines_met=3,
    deadlines_missed=2,
    deadlines_already_past=0,
    oldest_tenth_wait_days=400.0,
    oldest_tenth_unplaced=0,
    unplaced=(),
)


def test_the_sentence_says_what_more_completions_cost_the_oldest_tenth() -> None:
    most = OLDEST._replace(
        policy=Policy.MAX_COMPLETIONS,
        completions_by_fy_end=55,
        oldest_tenth_wait_days=512.5,
        oldest_tenth_unplaced=3,
    )
    assert render_tradeoff([OLDEST, most]) == (
        "Shortest first gives 15 more completions by fiscal-year end than oldest first; the "
        "oldest tenth of the cases waits at least 512.5 days on average, 112.5 days longer than "
        "under oldest first, and 3 more of them are not completed by fiscal-year end."
    )


def test_no_cost_and_no_sentence_without_both_policies() -> None:
    same = OLDEST._replace(policy=Policy.MAX_COMPLETIONS)
    assert "no more completions" in render_tradeoff([OLDEST, same])
    assert "no longer than under oldest first" in render_tradeoff([OLDEST, same])
    assert render_tradeoff([OLDEST]) == ""
