"""check_placement and conflicts: each refusal by hand, then properties against a brute-force oracle."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.anumber import format_a_number
from planner.domain.calendar import CourtCalendar
from planner.domain.judge import Judge, standard_week
from planner.domain.seating import SESSION_TIERS, Track, fitting_session_kinds
from planner.domain.vocabulary import HearingKind, HearingStatus, SessionKind
from planner.scheduling.placement import RefusalKind, check_placement, conflicts
from tests.scheduling.court import (
    CLOSED,
    CLOSURES,
    JUDGE,
    LEAVE,
    TEMPLATE,
    at,
    calendar,
    case,
    hearing,
)

H = HearingKind


def refusal_of(candidate, the_case=None, others=(), judge=JUDGE):  # type: ignore[no-untyped-def]
    return check_placement(judge, calendar(judge), candidate, the_case or case(), others)


# Each refusal by hand ---------------------------------------------------------------------------


def test_a_master_hearing_in_a_free_master_slot_is_accepted() -> None:
    assert refusal_of(hearing(at(4, 9, 0))) is None


def test_overlap_names_the_other_hearing_its_a_number_and_time() -> None:
    other = hearing(at(4, 9, 0), 15, a_number="987654321", id=7)
    refusal = refusal_of(hearing(at(4, 9, 10)), others=[other])
    assert refusal is not None
    assert refusal.kind is RefusalKind.OVERLAP
    assert "A987-654-321" in refusal.reason
    assert "09:00-09:15" in refusal.reason
    assert refusal.others == (7,)


def test_back_to_back_hearings_do_not_overlap() -> None:
    other = hearing(at(4, 9, 0), 15, a_number="987654321", id=7)
    assert refusal_of(hearing(at(4, 9, 15)), others=[other]) is None
    assert refusal_of(hearing(at(4, 8, 45)), others=[other]) is None


def test_an_adjourned_hearing_frees_its_slot() -> None:
    other = hearing(
        at(4, 9, 0), 15, a_number="987654321", id=7, status="adjourned", adjournment_reason="x"
    )
    assert refusal_of(hearing(at(4, 9, 0)), others=[other]) is None


def test_a_hearing_does_not_overlap_itself_when_moved() -> None:
    booked = hearing(at(4, 9, 0), 15, id=3)
    assert refusal_of(hearing(at(4, 9, 5), id=3), others=[booked]) is None


def test_a_hearing_running_past_its_session_is_outside_it() -> None:
    refusal = refusal_of(hearing(at(4, 11, 50), 15))
    assert refusal is not None
    assert refusal.kind is RefusalKind.OUTSIDE_SESSION
    assert "runs past the end of the 08:30-12:00 master session" in refusal.reason


def test_a_hearing_at_lunch_or_on_a_weekend_or_in_administrative_time_is_outside() -> None:
    lunch = refusal_of(hearing(at(4, 12, 15)))
    assert lunch is not None
    assert lunch.kind is RefusalKind.OUTSIDE_SESSION
    assert "08:30-12:00 master, 13:00-16:30 individual" in lunch.reason
    saturday = refusal_of(hearing(at(2, 9, 0)))
    assert saturday is not None
    assert saturday.kind is RefusalKind.OUTSIDE_SESSION
    assert "no bench sessions on Sat 2 Nov 2024" in saturday.reason
    admin = refusal_of(hearing(at(8, 9, 0), 25, H.MOTION))  # Friday morning is administrative
    assert admin is not None
    assert admin.kind is RefusalKind.OUTSIDE_SESSION


def test_a_merits_hearing_in_a_master_session_is_the_wrong_kind() -> None:
    refusal = refusal_of(hearing(at(4, 8, 30), 180, H.INDIVIDUAL))
    assert refusal is not None
    assert refusal.kind is RefusalKind.WRONG_SESSION_KIND
    assert refusal.reason == (
        "Individual hearings go in an individual session; 08:30-12:00 is a master session"
    )


def test_a_detained_case_goes_to_the_detained_sessions_the_template_has() -> None:
    detained = case(detained=True)
    ordinary = refusal_of(hearing(at(4, 9, 0)), detained)  # Monday master
    assert ordinary is not None
    assert ordinary.kind is RefusalKind.WRONG_SESSION_KIND
    assert "of detained cases go in a detained master session" in ordinary.reason
    assert refusal_of(hearing(at(5, 9, 0)), detained) is None  # Tuesday detained master
    assert refusal_of(hearing(at(5, 13, 0), 180, H.INDIVIDUAL), detained) is None
    # ... and an ordinary case may not take a detained slot
    taken = refusal_of(hearing(at(5, 9, 0)))
    assert taken is not None
    assert taken.kind is RefusalKind.WRONG_SESSION_KIND


def test_without_detained_sessions_a_detained_case_uses_the_ordinary_ones() -> None:
    plain = Judge("Plain", sessions=standard_week())
    assert refusal_of(hearing(at(4, 9, 0)), case(detained=True), judge=plain) is None


def test_bond_hearings_go_in_bond_or_detained_sessions() -> None:
    assert refusal_of(hearing(at(6, 9, 0), 30, H.BOND)) is None  # Wednesday bond
    assert refusal_of(hearing(at(5, 9, 0), 30, H.BOND)) is None  # Tuesday detained master
    refusal = refusal_of(hearing(at(4, 9, 0), 30, H.BOND))  # Monday master
    assert refusal is not None
    assert refusal.kind is RefusalKind.WRONG_SESSION_KIND
    assert "a detained master, detained individual or bond session" in refusal.reason


def test_juvenile_cases_go_in_juvenile_sessions() -> None:
    juvenile = case(juvenile=True)
    assert refusal_of(hearing(at(6, 13, 0)), juvenile) is None  # Wednesday juvenile
    refusal = refusal_of(hearing(at(4, 9, 0)), juvenile)
    assert refusal is not None
    assert refusal.kind is RefusalKind.WRONG_SESSION_KIND
    assert "of juvenile cases go in a juvenile session" in refusal.reason


def test_fear_reviews_and_motions_go_in_any_bench_session() -> None:
    for day, hour in ((4, 9), (4, 13), (5, 9), (6, 9), (6, 13), (8, 13)):
        assert refusal_of(hearing(at(day, hour), 45, H.FEAR_REVIEW)) is None
        assert refusal_of(hearing(at(day, hour), 25, H.MOTION)) is None


def test_a_federal_holiday_is_refused_by_name() -> None:
    refusal = refusal_of(hearing(at(11, 9, 0)))
    assert refusal is not None
    assert refusal.kind is RefusalKind.HOLIDAY
    assert refusal.reason == "Mon 11 Nov 2024 is Veterans Day, a federal holiday"


def test_a_court_closure_is_refused_with_its_reason() -> None:
    refusal = refusal_of(hearing(at(CLOSED.day, 9, 0)), case(detained=True))
    assert refusal is not None
    assert refusal.kind is RefusalKind.CLOSURE
    assert refusal.reason == "The court is closed on Tue 26 Nov 2024: Building maintenance"


def test_any_overlap_with_leave_is_refused() -> None:
    touching = refusal_of(hearing(at(18, 12, 55), 180, H.INDIVIDUAL))  # outside anyway
    assert touching is not None
    refusal = refusal_of(hearing(at(18, 13, 0), 180, H.INDIVIDUAL))
    assert refusal is not None
    assert refusal.kind is RefusalKind.LEAVE
    assert refusal.reason == "The judge is on leave from 13:00 to 17:00 on Mon 18 Nov 2024"
    assert refusal_of(hearing(at(18, 9, 0))) is None  # the morning is free
    whole = refusal_of(hearing(at(21, 9, 0)))
    assert whole is not None
    assert whole.kind is RefusalKind.LEAVE
    assert whole.reason == "The judge is on leave all day on Thu 21 Nov 2024"


def test_a_first_hearing_within_ten_days_of_the_notice_is_refused() -> None:
    served = case(nta_served=date(2024, 10, 28))  # earliest first hearing: Thu 7 Nov
    refusal = refusal_of(hearing(at(4, 9, 0)), served)
    assert refusal is not None
    assert refusal.kind is RefusalKind.NOTICE_PERIOD
    assert "not be set before Thu 7 Nov 2024" in refusal.reason
    assert refusal_of(hearing(at(7, 9, 0)), served) is None
    # Not the first hearing: the case was already heard on 1 Nov.
    earlier = hearing(at(1, 9, 0), id=1, status="held")
    assert refusal_of(hearing(at(4, 9, 0)), served, others=[earlier]) is None


def test_a_hearing_shorter_than_the_judges_minimum_is_refused() -> None:
    refusal = refusal_of(hearing(at(4, 13, 0), 100, H.INDIVIDUAL))
    assert refusal is not None
    assert refusal.kind is RefusalKind.TOO_SHORT
    assert "at least 110 minutes" in refusal.reason
    assert "100 minutes" in refusal.reason
    assert refusal_of(hearing(at(4, 13, 0), 110, H.INDIVIDUAL)) is None


def test_the_mapping_table_has_a_row_for_every_kind_and_track() -> None:
    assert set(SESSION_TIERS) == {(kind, track) for kind in HearingKind for track in Track}
    assert SessionKind.ADMINISTRATIVE not in fitting_session_kinds(H.MOTION, False, False, TEMPLATE)


# Conflicts among booked hearings ----------------------------------------------------------------


def test_conflicts_find_overlaps_leave_closures_and_sessions_of_booked_hearings() -> None:
    booked = [
        hearing(at(4, 9, 0), 30, id=1),
        hearing(at(4, 9, 15), 15, a_number="222222222", id=2),  # overlaps 1
        hearing(at(4, 9, 45), 15, a_number="333333333", id=3),  # fine
        hearing(at(18, 14, 0), 180, H.INDIVIDUAL, "444444444", id=4),  # leave since booked
        hearing(at(26, 9, 0), 15, a_number="555555555", id=5),  # closure since booked
        hearing(at(4, 11, 50), 30, a_number="666666666", id=6),  # runs past 12:00
        hearing(at(4, 9, 0), 180, H.INDIVIDUAL, "777777777", id=7, status="adjourned",
                adjournment_reason="interpreter"),  # off the calendar
    ]  # fmt: skip
    cases = [case(a) for a in ("123456789", "222222222", "333333333", "444444444")]
    found = conflicts(JUDGE, calendar(), booked, cases)
    by_kind = {(c.kind, c.hearing_ids) for c in found}
    assert (RefusalKind.OVERLAP, (1, 2)) in by_kind
    assert (RefusalKind.LEAVE, (4,)) in by_kind
    assert (RefusalKind.CLOSURE, (5,)) in by_kind
    assert (RefusalKind.OUTSIDE_SESSION, (6,)) in by_kind
    assert (RefusalKind.OUTSIDE_SESSION, (4,)) in by_kind  # 14:00-17:00 runs past 16:30
    assert len(found) == 5
    assert all(3 not in c.hearing_ids and 7 not in c.hearing_ids for c in found)
    overlap = next(c for c in found if c.kind is RefusalKind.OVERLAP)
    assert "A123-456-789" in overlap.reason
    assert "A222-222-222" in overlap.reason


def test_conflicts_flag_a_session_of_the_wrong_kind_and_spare_held_pairs() -> None:
    booked = [
        hearing(at(4, 9, 0), 30, id=1, status="held"),
        hearing(at(4, 9, 0), 30, a_number="222222222", id=2, status="held"),
        hearing(at(4, 10, 0), 15, a_number="333333333", id=3),
    ]
    found = conflicts(JUDGE, calendar(), booked, [case("333333333", detained=True)])
    assert [(c.kind, c.hearing_ids) for c in found] == [(RefusalKind.WRONG_SESSION_KIND, (3,))]


# Properties: check_placement agrees with a brute-force oracle, minute by minute -----------------

_FITTING = {  # shared/domain.md, for the test template, which has sessions of every kind
    (H.MASTER, False): {SessionKind.MASTER},
    (H.MASTER, True): {SessionKind.DETAINED_MASTER},
    (H.INDIVIDUAL, False): {SessionKind.INDIVIDUAL},
    (H.INDIVIDUAL, True): {SessionKind.DETAINED_INDIVIDUAL},
}
_BOND = {SessionKind.BOND, SessionKind.DETAINED_MASTER, SessionKind.DETAINED_INDIVIDUAL}


def _oracle(candidate, the_case, others, cal: CourtCalendar) -> set[RefusalKind]:  # type: ignore[no-untyped-def]
    """Every rule the candidate breaks, found the slow way: minute by minute."""
    broken: set[RefusalKind] = set()
    day = candidate.start.date()
    minutes = [candidate.start + timedelta(minutes=m) for m in range(candidate.minutes)]
    if day in cal.holidays:
        broken.add(RefusalKind.HOLIDAY)
    if day in {c.day for c in CLOSURES}:
        broken.add(RefusalKind.CLOSURE)
    if any(leave.start <= m < leave.end for leave in LEAVE for m in minutes):
        broken.add(RefusalKind.LEAVE)
    holder = [
        s
        for s in TEMPLATE
        if s.kind.is_bench
        and s.weekday == day.weekday()
        and all(m.date() == day and s.start <= m.time() < s.end for m in minutes)
    ]
    if not holder:
        broken.add(RefusalKind.OUTSIDE_SESSION)
    else:
        if candidate.kind in (H.MASTER, H.INDIVIDUAL):
            if the_case.detained:
                fitting = _FITTING[(candidate.kind, True)]
            elif the_case.juvenile:
                fitting = {SessionKind.JUVENILE}
            else:
                fitting = _FITTING[(candidate.kind, False)]
        elif candidate.kind is H.BOND:
            fitting = _BOND
        else:
            fitting = {k for k in SessionKind if k.is_bench}
        if holder[0].kind not in fitting:
            broken.add(RefusalKind.WRONG_SESSION_KIND)
    for other in others:
        if other.status is HearingStatus.ADJOURNED:
            continue
        if any(other.start <= m < other.end for m in minutes):
            broken.add(RefusalKind.OVERLAP)
    earliest = the_case.earliest_first_hearing
    if earliest and day < earliest and not any(o.start < candidate.start for o in others
                                                if o.a_number == the_case.a_number):  # fmt: skip
        broken.add(RefusalKind.NOTICE_PERIOD)
    if candidate.minutes < JUDGE.hearing_minutes[candidate.kind].minimum:
        broken.add(RefusalKind.TOO_SHORT)
    return broken


#: Mostly the first week (a day of each template), with a holiday, leave, a closure and a Saturday;
#: mostly inside a session (08:30 or 13:00 plus steps of five minutes), sometimes anywhere.
_days = st.sampled_from([4, 5, 6, 7, 8]) | st.sampled_from([2, 11, 18, 21, 26]) | st.integers(1, 30)
_starts = st.builds(
    lambda day, base, minute: datetime(2024, 11, day, *base) + timedelta(minutes=5 * minute),
    _days,
    st.sampled_from([(8, 30), (13, 0), (8, 0)]),
    st.integers(0, 8 * 12) | st.integers(0, 36),
)
_kinds = st.sampled_from(list(HearingKind))
_others = st.lists(
    st.builds(
        lambda i, start, minutes, kind, status: hearing(
            start,
            minutes,
            kind,
            a_number=f"{i:09d}",
            id=i,
            status=status,
            adjournment_reason="x" if status == "adjourned" else None,
        ),
        st.integers(100, 10**6),
        _starts,
        st.sampled_from([15, 30, 60, 180]),
        _kinds,
        st.sampled_from(["scheduled", "held", "adjourned", "completed"]),
    ),
    max_size=8,
    unique_by=lambda h: h.id,
)


@st.composite
def _placements(draw):  # type: ignore[no-untyped-def]
    """A candidate and the day's other hearings, drawn so that every rule is met or broken often."""
    start = draw(_starts)
    nearby = st.builds(lambda minute: start + timedelta(minutes=5 * minute), st.integers(-36, 36))
    others = draw(
        st.lists(
            st.builds(
                lambda i, at_, minutes, kind, status: hearing(
                    at_,
                    minutes,
                    kind,
                    a_number=f"{i:09d}",
                    id=i,
                    status=status,
                    adjournment_reason="x" if status == "adjourned" else None,
                ),
                st.integers(100, 10**6),
                nearby | _starts,
                st.sampled_from([15, 30, 60, 180]),
                _kinds,
                st.sampled_from(["scheduled", "held", "adjourned", "completed"]),
            ),
            max_size=4,
            unique_by=lambda h: h.id,
        )
    )
    minutes = draw(st.sampled_from([15, 30, 45, 180]) | st.sampled_from([5, 10, 20, 60, 110]))
    flags = draw(
        st.sampled_from([(False, False)] * 3 + [(True, False), (False, True), (True, True)])
    )
    served = draw(st.none() | st.none() | st.dates(date(2024, 10, 15), date(2024, 11, 30)))
    return (
        hearing(start, minutes, draw(_kinds)),
        case(detained=flags[0], juvenile=flags[1], nta_served=served),
        others,
    )


@settings(max_examples=500, deadline=None)
@given(placement=_placements())
def test_check_placement_refuses_exactly_what_the_oracle_finds(placement) -> None:  # type: ignore[no-untyped-def]
    candidate, the_case, others = placement
    cal = calendar()
    broken = _oracle(candidate, the_case, others, cal)
    refusal = check_placement(JUDGE, cal, candidate, the_case, others)
    if refusal is None:
        # Accepted: no overlap, no leave, holiday or closure, wholly in one fitting session.
        assert broken == set()
    else:
        assert refusal.kind in broken
        assert refusal.reason


#: One morning's hearings, five minutes apart at most two hours in: groups of many overlaps.
_crowded = st.lists(
    st.builds(
        lambda i, step, minutes, status: hearing(
            at(4, 9, 0) + timedelta(minutes=5 * step),
            minutes,
            a_number=f"{i:09d}",
            id=i,
            status=status,
            adjournment_reason="x" if status == "adjourned" else None,
        ),
        st.integers(100, 10**6),
        st.integers(0, 24),
        st.sampled_from([5, 15, 30, 60]),
        st.sampled_from(["scheduled", "scheduled", "held", "adjourned", "completed"]),
    ),
    max_size=14,
    unique_by=lambda h: h.id,
)


def _clashing_groups(others) -> set[frozenset[int]]:  # type: ignore[no-untyped-def]
    """The oracle: pairs that overlap with one of the two still scheduled, joined into groups
    (connected components) the slow way."""
    pairs = [
        (a.id, b.id)
        for a in others
        for b in others
        if a.id < b.id
        and a.status is not HearingStatus.ADJOURNED
        and b.status is not HearingStatus.ADJOURNED
        and HearingStatus.SCHEDULED in (a.status, b.status)
        and a.start < b.end
        and b.start < a.end
    ]
    groups: list[set[int]] = []
    for a, b in pairs:
        touching = [g for g in groups if a in g or b in g]
        merged = {a, b}.union(*touching)
        groups = [g for g in groups if g not in touching] + [merged]
    return {frozenset(g) for g in groups}


@settings(max_examples=300, deadline=None)
@given(others=_others | _crowded)
def test_conflicts_report_each_group_of_overlapping_hearings_once(others) -> None:  # type: ignore[no-untyped-def]
    found = conflicts(JUDGE, calendar(), others, [])
    overlaps = [c for c in found if c.kind is RefusalKind.OVERLAP]
    assert {frozenset(c.hearing_ids) for c in overlaps} == _clashing_groups(others)
    by_id = {h.id: h for h in others}
    for conflict in overlaps:  # in order of start, the first two named, the count said
        group = [by_id[i] for i in conflict.hearing_ids]
        assert group == sorted(group, key=lambda h: (h.start, h.id))
        assert conflict.start == group[0].start
        assert format_a_number(group[0].a_number) in conflict.reason
        assert format_a_number(group[1].a_number) in conflict.reason
        assert (f"{len(group)} hearings overlap" in conflict.reason) == (len(group) > 2)


def test_a_crowded_session_is_one_conflict_naming_the_count_not_every_pair() -> None:
    booked = [  # ten 60-minute hearings five minutes apart: 45 overlapping pairs
        hearing(at(4, 9, 0) + timedelta(minutes=5 * n), 60, a_number=f"{n + 1:09d}", id=n + 1)
        for n in range(10)
    ]
    booked.append(hearing(at(4, 11, 0), 15, a_number="999999999", id=99))  # clear of them
    found = conflicts(JUDGE, calendar(), booked, [])
    assert [(c.kind, c.hearing_ids) for c in found] == [(RefusalKind.OVERLAP, tuple(range(1, 11)))]
    assert found[0].reason == (
        "The master hearing of A000-000-001 at 09:00-10:00 overlaps the master hearing of "
        "A000-000-002 at 09:05-10:05 and 8 more: 10 hearings overlap one another from 09:00 to 10:45"
    )


def test_the_oracle_accepts_some_placements_so_the_property_is_not_vacuous() -> None:
    assert _oracle(hearing(at(4, 9, 0)), case(), [], calendar()) == set()
    assert _oracle(hearing(at(11, 9, 0)), case(), [], calendar()) == {RefusalKind.HOLIDAY}


@pytest.mark.parametrize("outside", [date(2024, 10, 31), date(2024, 12, 1)])
def test_a_day_the_calendar_does_not_cover_is_an_error(outside: date) -> None:
    with pytest.raises(ValueError, match="the calendar covers"):
        refusal_of(hearing(datetime.combine(outside, datetime.min.time()).replace(hour=9)))
