"""The age targets' projection: booked hearings first, then the auto-scheduler's deadline
policy for the cases with nothing booked."""

from datetime import date, datetime, time

from planner.domain.docket import Case, Hearing
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import HearingKind, SessionKind
from planner.scheduling.age_targets import project_age_targets, projected_completions

#: Mondays 09:00-12:00, master calendar only.
JUDGE = Judge("Ruiz", sessions=(Session(0, time(9), time(12), SessionKind.MASTER),))
AS_OF = datetime(2026, 11, 25, 10, 0)  # a Wednesday: proposals start on Thursday 26 Nov


def test_unbooked_cases_complete_where_the_deadline_policy_sets_them() -> None:
    """A removal case needs two master hearings on two days: Mondays 30 Nov and 7 Dec. An
    asylum-only case needs a merits hearing, which no master session may hold: not completed.
    A case with only its first hearing booked is not completed by year end either."""
    cases = [
        Case("100000001", "A", "removal", date(2026, 10, 1), detained=True),
        Case("100000002", "B", "asylum_only", date(2026, 10, 1)),
        Case("100000003", "C", "asylum", date(2026, 10, 1)),
    ]
    hearings = [Hearing("100000003", datetime(2026, 11, 30, 9, 0), 15, HearingKind.MASTER)]
    found = projected_completions(JUDGE, [], [], cases, hearings, AS_OF)
    assert found == {"100000001": date(2026, 12, 7), "100000002": None, "100000003": None}


def test_a_projection_counts_decided_cases_only() -> None:
    """Detained: A completes on 7 Dec, past its 60 days (30 Nov): it passes on 1 Dec. B,
    received on 20 Nov, completes on 7 Dec too (a master session holds both hearings), well
    within its 60 days (19 Jan). No non-detained case, motion or asylum application."""
    cases = [
        Case("100000001", "A", "removal", date(2026, 10, 1), detained=True),
        Case("100000002", "B", "removal", date(2026, 11, 20), detained=True),
    ]
    assert set(projected_completions(JUDGE, [], [], cases, [], AS_OF).values()) == {
        date(2026, 12, 7)
    }
    (detained, non_detained, motions, asylum) = project_age_targets(
        JUDGE, [], [], cases, [], AS_OF
    )
    assert detained.target.label == "detained within 60 days"
    assert (detained.met, detained.counted) == (1, 2)
    assert detained.projected_pct == 50.0
    assert (detained.cases_missing, detained.first_miss) == (1, date(2026, 12, 1))
    assert non_detained.projected_pct is None
    assert non_detained.cases_missing == 0
    assert motions.counted == asylum.counted == 0
