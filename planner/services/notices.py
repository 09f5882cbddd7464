"""The Notices queue: the hearings of a judge whose notice is not yet served, marking notices
served (one transaction, with its inverse), and the court's notice settings.

No Qt here: ``planner/ui/notices/`` shows the queue and prints the notices.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from planner.domain.judge import Judge
from planner.domain.notices import (
    CourtSettings,
    DueNotice,
    NoticedHearing,
    NoticeEvent,
    ServedNotice,
    check_still_due,
    due_notices,
)
from planner.domain.plural import counted
from planner.domain.vocabulary import HearingKind
from planner.services.judges import match_judge
from planner.store.database import Database
from planner.store.repository import Repository


@dataclass(frozen=True, slots=True)
class NoticeQueue:
    """A judge's notices to serve as of ``today``, with the court's address and notice period."""

    judge: Judge
    court: CourtSettings
    today: date
    due: tuple[DueNotice, ...]
    #: Court-wide (``load_court_queue``): every judge of the court, by name; () for one judge.
    judges: tuple[str, ...] = ()

    @property
    def court_wide(self) -> bool:
        return bool(self.judges)

    @property
    def whose(self) -> str:
        """ "Ana Ruiz", or "the court Los Angeles (3 judges)"."""
        if not self.court_wide:
            return self.judge.name
        return f"{self.court.name or 'the court'} ({counted(len(self.judges), 'judge')})"

    @property
    def late(self) -> int:
        """How many can no longer be served by their day."""
        return sum(1 for notice in self.due if notice.late(self.today))

    def summary(self) -> str:
        if not self.due:
            return f"No notices to serve for {self.whose}."
        late = f", {self.late} late" if self.late else ""
        return f"{counted(len(self.due), 'notice')} to serve for {self.whose}{late}."


def _judge(repo: Repository, name: str) -> Judge:
    judge = repo.judge_named(name) or match_judge(repo.judges(), name)
    assert judge.id is not None
    return judge


def _due(repo: Repository, judge: Judge, today: date, notice_days: int) -> list[DueNotice]:
    store = repo.notices()
    assert judge.id is not None
    scheduled = store.scheduled_from(judge.id, datetime.combine(today, time()))
    served = store.served_for(judge.id)
    existing = store.existing_hearings([n.hearing_id for n in served])
    cases = store.case_details([n.case_id for n in served if n.hearing_id not in existing])
    return due_notices(scheduled, served, cases, existing, today, notice_days)


def load_queue(database: Database, judge_name: str, today: date) -> NoticeQueue:
    """The queue of the judge called ``judge_name`` on ``today`` (the judge's local date), read
    in one transaction."""
    with database.transaction() as repo:
        judge = _judge(repo, judge_name)
        court = repo.notices().court(judge.court.strip())
        due = _due(repo, judge, today, court.notice_days)
    return NoticeQueue(judge, court, today, tuple(due))


def load_court_queue(database: Database, judge_name: str, today: date) -> NoticeQueue:
    """The queue of every judge whose profile names the same court as ``judge_name``'s (the
    clerk's view of the court), read in one transaction, by the day to serve by. A judge whose
    profile names no court has a court of one."""
    with database.transaction() as repo:
        judge = _judge(repo, judge_name)
        name = judge.court.strip()
        judges = [j for j in repo.judges() if j.court.strip().casefold() == name.casefold()]
        if not name or not judges:
            judges = [judge]
        court = repo.notices().court(name)
        due = [d for j in judges for d in _due(repo, j, today, court.notice_days)]
    due.sort(key=lambda d: (d.serve_by, d.hearing.start, d.hearing.judge, d.hearing.hearing_id))
    return NoticeQueue(judge, court, today, tuple(due), tuple(j.name for j in judges))


def mark_served(
    database: Database, judge_name: str, notices: Sequence[DueNotice], on: date
) -> tuple[ServedNotice, ...]:
    """Record ``notices`` as served on ``on``, all in one transaction; refused, and nothing
    recorded, if any of them is no longer due as shown (the hearing moved since it was printed).

    Undo with ``unmark_served(database, served)``; redo with ``remark_served``.
    """
    with database.transaction() as repo:
        # Court-wide, the notices are several judges': each is checked against its judge's queue.
        for name in dict.fromkeys([n.hearing.judge for n in notices] or [judge_name]):
            judge = _judge(repo, name)
            court = repo.notices().court(judge.court.strip())
            mine = [n for n in notices if n.hearing.judge == name]
            check_still_due(mine, _due(repo, judge, on, court.notice_days))
        return tuple(repo.notices().add_notices([n.served_as(on) for n in notices]))


def unmark_served(database: Database, served: Sequence[ServedNotice]) -> None:
    """Take back notices marked served: their hearings return to the queue."""
    with database.transaction() as repo:
        repo.notices().delete_notices([n.id for n in served if n.id is not None])


def remark_served(database: Database, served: Sequence[ServedNotice]) -> None:
    """Record again, under their ids, notices whose marking was undone."""
    with database.transaction() as repo:
        repo.notices().add_notices(served)


def court_settings(database: Database, court: str) -> CourtSettings:
    with database.transaction() as repo:
        return repo.notices().court(court.strip())


def save_court_settings(database: Database, settings: CourtSettings) -> CourtSettings:
    """Save a court's address and notice period; returns the settings as they were (the undo
    saves those back)."""
    with database.transaction() as repo:
        before = repo.notices().court(settings.name)
        repo.notices().save_court(settings)
        return before


# What a notice says, for the page (``planner/ui/notices/notice_pages.py`` lays it out) -----------

HEARING_NAMES = {
    HearingKind.MASTER: "master calendar hearing",
    HearingKind.INDIVIDUAL: "individual (merits) hearing",
    HearingKind.BOND: "custody redetermination (bond) hearing",
    HearingKind.FEAR_REVIEW: "credible or reasonable fear review",
    HearingKind.MOTION: "hearing on a motion",
}
NO_INTERPRETER = frozenset({"english", ""})


@dataclass(frozen=True, slots=True)
class NoticeText:
    """One notice's words: a title, the court's lines, the parties, the body and its details."""

    title: str
    court: tuple[str, ...]  # the court's name and its address, line by line
    parties: tuple[tuple[str, str], ...]  # ("Respondent", "Rosa Díaz"), ...
    body: str
    details: tuple[tuple[str, str], ...]  # ("Date", "Monday 4 November 2024"), ...
    footer: str


def _long_day(moment: datetime) -> str:
    return f"{moment:%A} {moment.day} {moment:%B %Y}"


def _appearance(hearing: NoticedHearing) -> str:
    """How the respondent appears, and the day a request to appear remotely is due."""
    words = hearing.medium.words
    due = hearing.remote_request_due
    if due is None:
        return words[0].upper() + words[1:]
    return (
        f"{words[0].upper() + words[1:]} (a request to appear remotely is due "
        f"{due.day} {due:%B %Y})"
    )


def notice_text(notice: DueNotice, court: CourtSettings, printed: date) -> NoticeText:
    """What the notice of ``notice`` says, on the paper of ``court``."""
    h = notice.hearing
    court_name = court.name or "Immigration Court"
    address = tuple(line.strip() for line in court.address.splitlines() if line.strip())
    place = ", ".join((court_name, *address)) if address else court_name
    what = HEARING_NAMES[h.kind]
    when = f"{_long_day(h.start)} at {h.start:%H:%M}"
    if notice.event is NoticeEvent.SET:
        body = (
            f"Your {what} is set for {when}, before Immigration Judge {h.judge}. You must "
            "appear at the time and place below. If you fail to appear, an order of removal may "
            "be entered in your absence."
        )
    elif notice.event is NoticeEvent.MOVED:
        was = notice.previous_start
        earlier = f" set for {_long_day(was)} at {was:%H:%M}" if was is not None else ""
        body = (
            f"Your {what}{earlier} is moved to {when}, before Immigration Judge {h.judge}. "
            "You must appear at the new time and place below."
        )
    else:
        body = (
            f"Your {what} set for {when}, before Immigration Judge {h.judge}, is cancelled. "
            "Do not appear on that date: you will be served a notice of the next hearing."
        )
    language = h.language.strip()
    interpreter = (
        f"{language} (an interpreter will be provided)"
        if language.casefold() not in NO_INTERPRETER
        else "English (no interpreter)"
    )
    details: tuple[tuple[str, str], ...] = (
        ("Date", _long_day(h.start)),
        ("Time", f"{h.start:%H:%M}"),
        ("Place", place),
        ("Judge", f"Immigration Judge {h.judge}"),
        ("Hearing", what[0].upper() + what[1:]),
        ("Language", interpreter),
        ("Appearance", _appearance(h)),
    )
    parties = (
        ("Respondent", h.name + (" (detained)" if h.detained else "")),
        ("A-number", notice.a_number),
        ("Counsel", notice.counsel),
    )
    by = notice.serve_by
    footer = f"Serve by {by.day} {by:%B %Y} · printed {printed.day} {printed:%B %Y}"
    return NoticeText(notice.event.heading, (court_name, *address), parties, body, details, footer)
