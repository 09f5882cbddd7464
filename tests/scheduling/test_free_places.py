"""The next free places for one hearing (the Schedule... and Move To... dialogs' search), on the
pinned court of November 2024 (tests/scheduling/court.py)."""

from datetime import date

from planner.domain.judge import Judge, Session
from planner.domain.records import replace
from planner.domain.vocabulary import HearingKind, SessionKind
from planner.scheduling.autoschedule import Policy
from planner.scheduling.free_places import Order, free_places, order_for
from planner.scheduling.placement import check_placement
from tests.scheduling.court import AM, JUDGE, TEMPLATE, at, calendar, case, hearing

M, I = HearingKind.MASTER, HearingKind.INDIVIDUAL  # noqa: E741


def days(places):  # type: ignore[no-untyped-def]
    return [(p.start.day, p.start.hour, p.start.minute) for p in places]


def test_the_first_five_master_places_skip_holidays_leave_and_other_kinds() -> None:
    # Master sessions: Mon and Thu mornings. Mon 11 is Veterans Day, Thu 21 all-day leave
    # (Mon 18's leave is the afternoon only), Thu 28 Thanksgiving.
    places = free_places(JUDGE, calendar(), case(), M, 15, [], [], date(2024, 11, 1))
    assert days(places) == [(4, 8, 30), (7, 8, 30), (14, 8, 30), (18, 8, 30), (25, 8, 30)]
    assert all(p.session.kind is SessionKind.MASTER for p in places)
    assert places[0].reasons[0] == "master session, right for a master hearing"
    assert "no notice to appear date on file" in places[0].why()


def test_a_booked_hearing_moves_the_place_after_it_and_its_buffer() -> None:
    booked = [hearing(at(4, 8, 30), 60, a_number="999999999", id=7)]
    places = free_places(JUDGE, calendar(), case(), M, 15, booked, [], date(2024, 11, 1))
    assert days(places)[0] == (4, 9, 35)
    assert "145 minutes free, the hearing takes 15" in places[0].why()


def test_a_detained_merits_hearing_goes_to_the_detained_individual_sessions() -> None:
    places = free_places(
        JUDGE, calendar(), case(detained=True), I, 180, [], [], date(2024, 11, 1), count=3
    )
    # Tue afternoons: 5, 12, 19 (26 the court is closed)
    assert days(places) == [(5, 13, 0), (12, 13, 0), (19, 13, 0)]
    assert "detained: a detained docket" in places[0].reasons


def test_the_notice_period_holds_back_a_first_hearing_and_says_so() -> None:
    served = case(nta_served=date(2024, 11, 10))  # first hearing from Wed 20 Nov
    places = free_places(JUDGE, calendar(), served, M, 15, [], [], date(2024, 11, 1))
    assert days(places) == [(25, 8, 30)]
    assert "notice period respected" in places[0].why()
    assert "(served 10 Nov, first hearing from 20 Nov)" in places[0].why()


def test_a_new_hearing_goes_after_the_case_s_latest_hearing() -> None:
    own = [hearing(at(14, 9), 15, id=3)]
    places = free_places(JUDGE, calendar(), case(), M, 15, own, own, date(2024, 11, 1))
    assert days(places)[0] == (18, 8, 30)
    assert "not the first hearing" in places[0].why()


def test_a_session_with_another_language_s_interpreter_is_not_offered() -> None:
    sessions = tuple(
        Session(s.weekday, s.start, s.end, s.kind, "Spanish" if s.weekday == 3 else None)
        for s in TEMPLATE
    )
    judge = Judge(JUDGE.name, court=JUDGE.court, timezone=JUDGE.timezone, sessions=sessions)
    mandarin = replace(case(), language="Mandarin")
    places = free_places(judge, calendar(judge), mandarin, M, 15, [], [], date(2024, 11, 1))
    assert [p.start.weekday() for p in places] == [0, 0, 0]  # Mondays only: 4, 18, 25
    assert "no interpreter booked: book one for Mandarin" in places[0].why()
    spanish = replace(case(), language="Spanish")
    places = free_places(judge, calendar(judge), spanish, M, 15, [], [], date(2024, 11, 1))
    assert "Spanish interpreter booked" in places[1].why()


def test_the_tightest_order_offers_the_gap_the_hearing_fills_best_first() -> None:
    booked = [hearing(at(7, 8, 30), 190, a_number="999999999", id=7)]  # 08:30-11:40: 11:45-12:00
    earliest = free_places(JUDGE, calendar(), case(), M, 15, booked, [], date(2024, 11, 1))
    tightest = free_places(
        JUDGE, calendar(), case(), M, 15, booked, [], date(2024, 11, 1), order=Order.TIGHTEST
    )
    assert days(earliest)[:2] == [(4, 8, 30), (7, 11, 45)]
    assert days(tightest)[0] == (7, 11, 45)
    assert order_for(Policy.MAX_COMPLETIONS) is Order.TIGHTEST
    assert order_for(Policy.DEADLINE) is Order.EARLIEST


def test_moving_a_hearing_frees_its_time_and_does_not_offer_its_place() -> None:
    moved = hearing(at(4, 8, 30), 60, id=5)
    places = free_places(
        JUDGE, calendar(), case(), M, 60, [moved], [moved], date(2024, 11, 1), moving=5
    )
    assert days(places)[0] == (7, 8, 30)


def test_every_place_offered_is_one_a_drop_would_accept() -> None:
    booked = [hearing(at(d, 9), 45, a_number="999999999", id=d) for d in (4, 5, 7, 12, 14)]
    for kind, minutes, detained in ((M, 15, False), (I, 180, False), (M, 20, True)):
        for order in Order:
            the_case = case(detained=detained)
            places = free_places(
                JUDGE,
                calendar(),
                the_case,
                kind,
                minutes,
                booked,
                [],
                date(2024, 11, 1),
                order=order,
                count=20,
            )
            assert places
            for p in places:
                placed = hearing(p.start, p.minutes, kind)
                assert check_placement(JUDGE, calendar(), placed, the_case, booked) is None
                assert p.start.time() >= AM[0]
