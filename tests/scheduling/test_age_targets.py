"""The age targets' projection: booked hearings first, then the auto-scheduler's deadline
policy for the cases with nothing booked."""

from datetime import date, datetime, time

from planner.domain.docket import Case, Hearing
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import HearingKind, SessionKind
from planner.scheduling.age_targets import (
    project_age_targets,
    project_ages,
    projected_completions,
)

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
    (detained, non_detained, motions, asylum, _dedicated) = project_age_targets(
        JUDGE, [], [], cases, [], AS_OF
    )
    assert detained.target.label == "detained within 60 days"
    assert (detained.met, detained.counted) == (1, 2)
    assert detained.projected_pct == 50.0
    assert (detained.cases_missing, detained.first_miss) == (1, date(2026, 12, 1))
    assert non_detained.projected_pct is None
    assert non_detained.cases_missing == 0
    assert motions.counted == asylum.counted == 0


#: Mondays 09:00-09:20, master calendar only: one 15-minute master hearing (and its 5 minutes'
#: buffer) a Monday.
SCARCE = Judge("Ruiz", sessions=(Session(0, time(9), time(9, 20), SessionKind.MASTER),))


def test_the_age_clocks_count_as_deadlines_detained_first() -> None:
    """Worked by hand. Mondays from 26 Nov: 30 Nov, 7, 14, 21, 28 Dec, 4 Jan; one hearing each.
    D is detained, received 20 Oct: its 60 days end on 19 Dec. N is not detained, its asylum
    application filed 1 Jul: its 180 days end on 28 Dec. Each needs two master hearings.

    Under the 2025 targets the detained clock is a deadline and the detained cases go first:
    D on 30 Nov and 7 Dec (within 60 days), N on 14 and 21 Dec (within 180). Without the age
    clocks (the 2018 metrics have no 60-day clock), N's asylum clock was the only deadline and
    came first, and D completed on 21 Dec, past its 60 days."""
    cases = [
        Case("100000001", "D", "removal", date(2026, 10, 20), detained=True),
        Case("100000002", "N", "removal", date(2026, 6, 1), asylum_filed=date(2026, 7, 1)),
    ]
    found = projected_completions(SCARCE, [], [], cases, [], AS_OF, SCARCE.rules(date(2026, 10, 1)))
    assert found == {"100000001": date(2026, 12, 7), "100000002": date(2026, 12, 21)}
    (detained, _, _, asylum, _) = project_age_targets(SCARCE, [], [], cases, [], AS_OF)
    assert (detained.projected_pct, detained.cases_missing) == (100.0, 0)
    assert (asylum.projected_pct, asylum.cases_missing) == (100.0, 0)
    # Without age clocks as deadlines: the asylum clock first, D late.
    old = projected_completions(SCARCE, [], [], cases, [], AS_OF)
    assert old == {"100000001": date(2026, 12, 21), "100000002": date(2026, 12, 7)}


def test_a_detained_case_goes_before_a_nearer_non_detained_deadline() -> None:
    """D1 (detained, received 20 Oct: 60 days end 19 Dec) and D2 (detained, received 1 Nov:
    31 Dec) go first, by days left: D1 on 30 Nov and 7 Dec, D2 on 14 and 21 Dec. N's asylum
    clock ends on 14 Dec (filed 17 Jun), nearer than D2's, but N comes after the detained cases:
    it cannot meet its clock on the Mondays left and completes on 4 Jan (28 Dec and 4 Jan)."""
    cases = [
        Case("100000001", "D1", "removal", date(2026, 10, 20), detained=True),
        Case("100000002", "D2", "removal", date(2026, 11, 1), detained=True),
        Case("100000003", "N", "removal", date(2026, 6, 1), asylum_filed=date(2026, 6, 17)),
    ]
    (detained, _, _, asylum, _) = project_age_targets(SCARCE, [], [], cases, [], AS_OF)
    found = projected_completions(SCARCE, [], [], cases, [], AS_OF, SCARCE.rules(date(2026, 10, 1)))
    assert found == {
        "100000001": date(2026, 12, 7),
        "100000002": date(2026, 12, 21),
        "100000003": date(2027, 1, 4),
    }
    assert (detained.met, detained.counted) == (2, 2)
    assert (asylum.cases_missing, asylum.first_miss) == (1, date(2026, 12, 15))


def test_the_pending_docket_by_projected_age_at_completion() -> None:
    """The first case above, under the 2025 targets: D completes on 7 Dec, 48 days after its
    receipt on 20 Oct; N on 21 Dec, 203 days after its receipt on 1 Jun (non-detained) and 173
    after its asylum filing on 1 Jul. A detained case with only its first hearing booked is not
    completed by year end."""
    cases = [
        Case("100000001", "D", "removal", date(2026, 10, 20), detained=True),
        Case("100000002", "N", "removal", date(2026, 6, 1), asylum_filed=date(2026, 7, 1)),
        Case("100000003", "E", "asylum", date(2026, 11, 1), detained=True),
    ]
    booked = [Hearing("100000003", datetime(2027, 1, 4, 9, 0), 15, HearingKind.MASTER)]
    (detained, non_detained, motions, asylum, _dedicated) = project_ages(
        SCARCE, [], [], cases, booked, AS_OF
    )
    assert (detained.ages, detained.not_completed, detained.within) == ((48,), 1, 1)
    assert (non_detained.ages, non_detained.not_completed) == ((203,), 0)
    assert (motions.ages, motions.not_completed) == ((), 0)
    assert asylum.ages == (173,)
