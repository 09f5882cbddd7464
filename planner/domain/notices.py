"""Hearing notices: which hearings need a notice to the respondent and counsel, and by when.

Each hearing set, moved or cancelled needs a notice. What the parties were last told of a
hearing is its latest notice served; a scheduled hearing whose start or judge differs from it
(or that has none) needs a notice that it is set or moved, and a hearing taken off the calendar
after a notice was served needs a notice that it is cancelled. Only hearings from today on are
noticed: a past hearing's notice can no longer be served in time to matter.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from planner.domain.anumber import format_a_number
from planner.domain.bounds import check_count
from planner.domain.errors import InvalidValue
from planner.domain.text import check_text
from planner.domain.vocabulary import (
    NOTICE_PERIOD_DAYS,
    REMOTE_REQUEST_DAYS,
    HearingKind,
    HearingMedium,
)

#: The longest notice period the setting takes: a quarter of a year.
MAX_NOTICE_DAYS = 90


class NoticeEvent(StrEnum):
    """What a notice tells the parties."""

    SET = "set"
    MOVED = "moved"
    CANCELLED = "cancelled"

    @property
    def heading(self) -> str:
        return {
            NoticeEvent.SET: "Notice of hearing",
            NoticeEvent.MOVED: "Notice of hearing moved",
            NoticeEvent.CANCELLED: "Notice that a hearing is cancelled",
        }[self]


@dataclass(frozen=True, slots=True)
class CourtSettings:
    """A court's address, printed on its notices, and its notice period in days (INA 239(b)(1)
    gives ten before a first hearing: the default)."""

    name: str
    address: str = ""
    notice_days: int = NOTICE_PERIOD_DAYS

    def __post_init__(self) -> None:
        check_text(self.name, "the court's name")
        check_text(self.address, "the court's address", lines=True)
        check_count(self.notice_days, "the notice period in days", 0, MAX_NOTICE_DAYS)


@dataclass(frozen=True, slots=True)
class ServedNotice:
    """A notice served: what it told the parties of a hearing, and on which day."""

    hearing_id: int
    case_id: int
    event: NoticeEvent
    start: datetime
    minutes: int
    kind: HearingKind
    judge: str
    served: date
    id: int | None = None


@dataclass(frozen=True, slots=True)
class NoticedHearing:
    """A scheduled hearing, with what a notice says of its case and judge."""

    hearing_id: int
    case_id: int
    a_number: str
    name: str
    language: str
    detained: bool
    represented: bool
    attorney: str | None
    start: datetime
    minutes: int
    kind: HearingKind
    judge: str
    medium: HearingMedium = HearingMedium.IN_PERSON

    @property
    def remote_request_due(self) -> date | None:
        """The last day to ask to appear remotely (video, telephone), or None in person."""
        if not self.medium.remote:
            return None
        return self.start.date() - timedelta(days=REMOTE_REQUEST_DAYS)


@dataclass(frozen=True, slots=True)
class DueNotice:
    """A notice to serve: the hearing as it now stands (for a cancellation: as it was noticed),
    the previous notice's start when there was one, and the day to serve it by."""

    event: NoticeEvent
    hearing: NoticedHearing
    serve_by: date
    previous_start: datetime | None = None

    @property
    def a_number(self) -> str:
        return format_a_number(self.hearing.a_number)

    @property
    def counsel(self) -> str:
        if not self.hearing.represented:
            return "Pro se"
        return (self.hearing.attorney or "").strip() or "Counsel of record"

    def late(self, today: date) -> bool:
        """Whether the day to serve it by has passed: the hearing cannot be noticed in time."""
        return self.serve_by < today

    def served_as(self, served: date) -> ServedNotice:
        """The record of this notice, served on ``served``."""
        h = self.hearing
        return ServedNotice(
            h.hearing_id, h.case_id, self.event, h.start, h.minutes, h.kind, h.judge, served
        )


def serve_by(hearing_day: date, notice_days: int) -> date:
    """The last day a notice of a hearing on ``hearing_day`` may be served."""
    return hearing_day - timedelta(days=notice_days)


def latest_notices(served: Iterable[ServedNotice]) -> dict[int, ServedNotice]:
    """Each hearing's latest notice (by the day served, then the order it was recorded)."""
    latest: dict[int, ServedNotice] = {}
    for notice in sorted(served, key=lambda n: (n.served, n.id or 0)):
        latest[notice.hearing_id] = notice
    return latest


def noticed_hearings(
    scheduled: Iterable[tuple[int, datetime]], served: Iterable[ServedNotice]
) -> frozenset[int]:
    """The ids of the hearings (id, start) whose latest notice served is for that time: their
    parties were told of it, so a re-plan pins them (planner.scheduling.replan)."""
    latest = latest_notices(served)
    return frozenset(
        hearing_id
        for hearing_id, start in scheduled
        if (last := latest.get(hearing_id)) is not None
        and last.event is not NoticeEvent.CANCELLED
        and last.start == start
    )


def due_notices(
    scheduled: Iterable[NoticedHearing],
    served: Iterable[ServedNotice],
    cases: dict[int, NoticedHearing],
    existing: set[int],
    today: date,
    notice_days: int,
) -> list[DueNotice]:
    """The notices not yet served, by the day to serve them by, then the hearing's start.

    ``scheduled``: the scheduled hearings from ``today`` on; ``served``: the notices served of
    these hearings and of any hearing since taken off; ``cases``: for a hearing taken off, its
    case's details by case id (a ``NoticedHearing`` whose time and judge are ignored);
    ``existing``: the ids of the hearings still stored, in any status (a held or adjourned
    hearing is not cancelled).
    """
    latest = latest_notices(served)
    due: list[DueNotice] = []
    for hearing in scheduled:
        if hearing.start.date() < today:
            continue
        last = latest.get(hearing.hearing_id)
        by = serve_by(hearing.start.date(), notice_days)
        if last is None or last.event is NoticeEvent.CANCELLED:
            due.append(DueNotice(NoticeEvent.SET, hearing, by))
        elif (last.start, last.judge) != (hearing.start, hearing.judge):
            due.append(DueNotice(NoticeEvent.MOVED, hearing, by, previous_start=last.start))
    for hearing_id, last in latest.items():
        if hearing_id in existing or last.event is NoticeEvent.CANCELLED:
            continue
        if last.start.date() < today or last.case_id not in cases:
            continue
        case = cases[last.case_id]
        as_noticed = NoticedHearing(
            hearing_id,
            last.case_id,
            case.a_number,
            case.name,
            case.language,
            case.detained,
            case.represented,
            case.attorney,
            last.start,
            last.minutes,
            last.kind,
            last.judge,
        )
        by = max(today, last.start.date() - timedelta(days=1))
        due.append(DueNotice(NoticeEvent.CANCELLED, as_noticed, by, previous_start=last.start))
    due.sort(key=lambda d: (d.serve_by, d.hearing.start, d.hearing.hearing_id))
    return due


def check_still_due(wanted: Iterable[DueNotice], due: Iterable[DueNotice]) -> None:
    """Refuse to mark served a notice that is no longer what is due (the hearing was moved,
    taken off or noticed by someone else since it was printed)."""
    now = {(d.event, d.hearing.hearing_id, d.hearing.start, d.hearing.judge) for d in due}
    for notice in wanted:
        h = notice.hearing
        if (notice.event, h.hearing_id, h.start, h.judge) not in now:
            raise InvalidValue(
                f"the notice for {notice.a_number} ({h.start:%a %d %b %Y %H:%M}) is no longer "
                "due as printed: the hearing changed or its notice was served since. Nothing "
                "was marked served; print the queue again"
            )
