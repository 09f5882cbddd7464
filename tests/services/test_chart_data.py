"""The charts' series, worked out by hand on a small docket (tests/services/chart_docket.py)."""

from datetime import date

from planner.domain.docket import Case, Docket
from planner.domain.records import replace
from planner.services.chart_data import chart_data_for
from planner.store.database import Database
from tests.services.chart_docket import CASES, HEARINGS, JUDGE, NOW, hand_data


def test_burn_up_counts_completions_to_date_by_the_forecasts_rule() -> None:
    burn = hand_data().burn_up
    actual = dict(zip(burn.actual_days, burn.actual, strict=True))
    assert burn.actual_days[0] == date(2026, 10, 1)
    assert burn.actual_days[-1] == date(2026, 11, 25)
    assert actual[date(2026, 10, 4)] == 0
    assert actual[date(2026, 10, 5)] == 1
    assert actual[date(2026, 10, 26)] == 2  # the change of venue does not count
    assert actual[date(2026, 11, 25)] == 3


def test_booked_line_completes_a_fully_booked_case_at_its_last_hearing() -> None:
    data = hand_data()
    burn = data.burn_up
    booked = dict(zip(burn.future_days, burn.booked, strict=True))
    assert booked[date(2026, 11, 29)] == 3
    assert booked[date(2026, 11, 30)] == 4
    assert booked[date(2027, 9, 30)] == 4 == data.forecast.projected_from_booked


def test_projection_and_pace_end_at_the_forecasts_figures() -> None:
    data = hand_data()
    burn, f = data.burn_up, data.forecast
    # 7,020 bench minutes left, all master sessions: the 10 removal cases fit (300 minutes);
    # the 2 asylum cases cannot, as no session of the template may hold a merits hearing.
    assert f.max_completions_at_current_lengths == 10
    assert burn.future_days[0] == date(2026, 11, 25)
    assert burn.projected[0] == 3
    assert burn.projected[-1] == 13
    assert burn.projected_end == 13
    assert burn.gap_at_year_end == 30 - 13
    assert burn.pace[-1] == 30
    assert burn.needs_improvement == 24
    # The pace through yesterday is the forecast's pace expected to date.
    yesterday = burn.days.index(date(2026, 11, 24))
    assert burn.pace[yesterday] == f.pace_expected_to_date


def test_months_add_up_bench_booked_and_needed_time() -> None:
    data = hand_data()
    months = {m.month: m for m in data.months}
    assert next(iter(months)) == date(2026, 10, 1)
    assert len(months) == 12
    october = months[date(2026, 10, 1)]
    # Mondays 5, 12, 19, 26 October; the 12th is Columbus Day.
    assert (october.workdays, october.days_off, october.bench_minutes) == (3, 1, 540)
    assert october.needed_minutes == 0  # before today
    november = months[date(2026, 11, 1)]
    assert (november.workdays, november.bench_minutes, november.booked_minutes) == (5, 900, 30)
    assert november.free_minutes == 870
    assert months[date(2026, 12, 1)].booked_minutes == 15
    # 27 needed, 12 pending: all the pending work, 690 minutes, shared over the time left.
    assert round(data.needed_minutes, 6) == 690
    # Of the 7,020 bench minutes left, 30 Nov (180) is November's share.
    assert round(november.needed_minutes, 6) == round(690 * 180 / 7020, 6)


def test_pending_docket_by_kind_and_age() -> None:
    data = hand_data()
    assert data.pending_by_kind == (("removal", 10), ("asylum", 2))
    assert dict(data.pending_by_age) == {
        "under 6 months": 3,
        "6–12 months": 0,
        "1–2 years": 4,
        "2–3 years": 2,
        "3–5 years": 0,
        "5 years or more": 3,
    }


def test_lengths_against_the_minimums() -> None:
    """Not enough cases: no shortening reaches the quota, so the minimums are shown, per
    hearing kind: all 12 pending cases need a master hearing, the 2 asylum cases a merits one."""
    rows = {row.kind: row for row in hand_data().lengths}
    assert list(rows) == ["master", "merits"]
    assert (rows["master"].current, rows["master"].required, rows["master"].minimum) == (15, 10, 10)
    assert (rows["merits"].pending, rows["merits"].current, rows["merits"].required) == (
        2,
        180,
        110,
    )


def test_lengths_at_a_required_shortening() -> None:
    """300 removal cases of 30 minutes in 7,020 minutes: quota 260 needs hearings 10% shorter;
    their master hearings 15 -> floor(13.5) = 13 minutes, the figure the message gives too."""
    cases = tuple(
        Case(f"{900000 + i:09d}", f"R{i}", "removal", date(2025, 1, 1)) for i in range(300)
    )
    data = hand_data(replace(JUDGE, quota=260), cases)
    assert round(data.forecast.required_shortening_pct or 0) == 10
    (row,) = data.lengths
    assert (row.kind, row.pending, row.current, row.required, row.minimum) == (
        "master",
        300,
        15,
        13,
        10,
    )
    assert "master hearings from 15 to 13 minutes" in data.forecast.message


def test_read_from_the_database_the_same_as_by_hand(database: Database) -> None:
    with database.transaction() as repo:
        judge_id = repo.add_docket(Docket(JUDGE, cases=CASES, hearings=HEARINGS))
        judge = next(j for j in repo.judges() if j.id == judge_id)
    stored = chart_data_for(database, judge, NOW)
    by_hand = hand_data()
    assert stored.burn_up == by_hand.burn_up
    assert stored.months == by_hand.months
    assert stored.pending_by_kind == by_hand.pending_by_kind
    assert stored.forecast.as_json() == by_hand.forecast.as_json()
