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
    ServedNotice,
    check_still_due,
    due_notices,
)
from planner.domain.plural import counted
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

    @property
    def late(self) -> int:
        """How many can no longer be served by their day."""
        return sum(1 for notice in self.due if notice.late(self.today))

    def summary(self) -> str:
        if not self.due:
            return f"No notices to serve for {self.judge.name}."
        late = f", {self.late} late" if self.late else ""
        return f"{counted(len(self.due), 'notice')} to serve for {self.judge.name}{late}."


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


def mark_served(
    database: Database, judge_name: str, notices: Sequence[DueNotice], on: date
) -> tuple[ServedNotice, ...]:
    """Record ``notices`` as served on ``on``, all in one transaction; refused, and nothing
    recorded, if any of them is no longer due as shown (the hearing moved since it was printed).

    Undo with ``unmark_served(database, served)``; redo with ``remark_served``.
    """
    with database.transaction() as repo:
        judge = _judge(repo, judge_name)
        court = repo.notices().court(judge.court.strip())
        check_still_due(notices, _due(repo, judge, on, court.notice_days))
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
