"""The notice rule on its own: what the parties were last told of each hearing decides which
notice is due, and by when."""

from datetime import date, datetime

from planner.domain.notices import NoticedHearing, NoticeEvent, ServedNotice, due_notices
from planner.domain.vocabulary import HearingKind

TODAY = date(2026, 11, 2)
START = datetime(2026, 11, 30, 9, 0)


def hearing(
    hearing_id: int = 1, start: datetime = START, judge: str = "Ana Ruiz"
) -> NoticedHearing:
    return NoticedHearing(
        hearing_id, 10, "100000001", "Rosa Díaz", "Spanish", False, True, "O. Tanaka", start, 15,
        HearingKind.MASTER, judge,
    )  # fmt: skip


def served(
    event: NoticeEvent, start: datetime = START, judge: str = "Ana Ruiz", id: int = 1
) -> ServedNotice:
    return ServedNotice(1, 10, event, start, 15, HearingKind.MASTER, judge, TODAY, id=id)


def due(scheduled, notices, existing=frozenset({1}), days=10):  # type: ignore[no-untyped-def]
    cases = {10: hearing()}
    return [
        (d.event, d.hearing.start, d.serve_by, d.previous_start)
        for d in due_notices(scheduled, notices, cases, set(existing), TODAY, days)
    ]


def test_a_hearing_never_noticed_is_due_the_notice_period_before_it() -> None:
    assert due([hearing()], []) == [(NoticeEvent.SET, START, date(2026, 11, 20), None)]
    assert due([hearing()], [], days=30) == [(NoticeEvent.SET, START, date(2026, 10, 31), None)]


def test_a_hearing_as_noticed_needs_nothing_and_another_judge_is_a_move() -> None:
    assert due([hearing()], [served(NoticeEvent.SET)]) == []
    assert due([hearing(judge="Ben Cole")], [served(NoticeEvent.SET)]) == [
        (NoticeEvent.MOVED, START, date(2026, 11, 20), START)
    ]


def test_the_latest_notice_counts() -> None:
    later = datetime(2026, 12, 7, 9, 0)
    notices = [served(NoticeEvent.SET, id=1), served(NoticeEvent.MOVED, later, id=2)]
    assert due([hearing(start=later)], notices) == []
    assert due([hearing()], notices) == [(NoticeEvent.MOVED, START, date(2026, 11, 20), later)]


def test_a_hearing_gone_after_its_notice_is_cancelled_and_one_put_back_is_set_again() -> None:
    assert due([], [served(NoticeEvent.SET)], existing=frozenset()) == [
        (NoticeEvent.CANCELLED, START, date(2026, 11, 29), START)
    ]
    cancelled = [served(NoticeEvent.SET, id=1), served(NoticeEvent.CANCELLED, id=2)]
    assert due([], cancelled, existing=frozenset()) == []
    assert due([hearing()], cancelled) == [(NoticeEvent.SET, START, date(2026, 11, 20), None)]
    # A hearing held (still stored, no longer scheduled) needs no cancellation.
    assert due([], [served(NoticeEvent.SET)], existing=frozenset({1})) == []
