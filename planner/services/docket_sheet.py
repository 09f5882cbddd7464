"""A docket sheet's content: a judge's hearings of a day or a week, by day and session, as a
courtroom reads them. No Qt here: ``planner/ui/files/docket_sheet.py`` lays it out on paper."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from planner.domain.anumber import format_a_number
from planner.domain.calendar import CourtCalendar, days_between
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge, Session
from planner.domain.plural import counted
from planner.domain.vocabulary import (
    REMOTE_REQUEST_DAYS,
    HearingKind,
    HearingMedium,
    HearingStatus,
    SessionKind,
)
from planner.services.clock import now_for
from planner.services.judges import match_judge
from planner.store.agenda import CalendarEntry
from planner.store.database import Database

#: The sheet's columns, left to right; ``SheetRow.cells`` gives their text in this order.
#: The interpreter column names the language, or says "None" for English.
COLUMNS = ("Time", "A-number", "Name", "Interpreter", "Detained", "Attorney", "Hearing")

#: Languages heard without an interpreter.
NO_INTERPRETER = frozenset({"english"})

SESSION_TITLES = {
    SessionKind.MASTER: "Master calendar",
    SessionKind.INDIVIDUAL: "Individual calendar",
    SessionKind.DETAINED_MASTER: "Detained master calendar",
    SessionKind.DETAINED_INDIVIDUAL: "Detained individual calendar",
    SessionKind.BOND: "Bond hearings",
    SessionKind.JUVENILE: "Juvenile docket",
    SessionKind.ADMINISTRATIVE: "Administrative time",
}
HEARING_TITLES = {
    HearingKind.MASTER: "Master",
    HearingKind.INDIVIDUAL: "Individual",
    HearingKind.BOND: "Bond",
    HearingKind.FEAR_REVIEW: "Fear review",
    HearingKind.MOTION: "Motion",
}
OUTSIDE_SESSIONS = "Outside the weekly sessions"


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One hearing as the sheet prints it."""

    hearing_id: int
    start: datetime
    minutes: int
    a_number: str  # as courts write it: A123-456-789
    name: str
    juvenile: bool
    language: str
    interpreter: bool  # the language is not English
    detained: bool
    represented: bool
    attorney: str | None  # the attorney's name, when the case records one
    kind: HearingKind
    status: HearingStatus
    adjournment_reason: str | None
    medium: HearingMedium = HearingMedium.IN_PERSON

    @classmethod
    def of(cls, entry: CalendarEntry) -> "SheetRow":
        language = entry.language.strip() or "English"
        return cls(
            entry.id,
            entry.start,
            entry.minutes,
            format_a_number(entry.a_number),
            entry.name,
            entry.juvenile,
            language,
            language.casefold() not in NO_INTERPRETER,
            entry.detained,
            entry.represented,
            (entry.attorney or "").strip() or None,
            entry.kind,
            entry.status,
            entry.adjournment_reason,
            entry.medium,
        )

    @property
    def time(self) -> str:
        return f"{self.start:%H:%M}"

    @property
    def counsel(self) -> str:
        """Who appears for the respondent: the attorney's name, or "Pro se"."""
        if not self.represented:
            return "Pro se"
        return self.attorney or "Represented (no name recorded)"

    @property
    def hearing(self) -> str:
        """The hearing's kind and length, and what happened at it once recorded."""
        text = f"{HEARING_TITLES[self.kind]} · {self.minutes} min"
        if self.medium.remote:  # the respondent appears remotely: the request's due day too
            due = self.start.date() - timedelta(days=REMOTE_REQUEST_DAYS)
            words = self.medium.words
            text += f"\n{words[:1].upper()}{words[1:]} (request due {due.day} {due:%b})"
        if self.status is HearingStatus.ADJOURNED:
            return f"{text}\nAdjourned: {self.adjournment_reason}"
        if self.status is not HearingStatus.SCHEDULED:
            return f"{text}\n{self.status.value.capitalize()}"
        return text

    def cells(self) -> tuple[str, ...]:
        """The text of each of ``COLUMNS``; a second line, where there is one, after a newline."""
        return (
            self.time,
            self.a_number,
            self.name + ("\nJuvenile" if self.juvenile else ""),
            self.language if self.interpreter else "None",
            "Yes" if self.detained else "No",
            self.counsel,
            self.hearing,
        )


@dataclass(frozen=True, slots=True)
class SheetSession:
    """A session of the weekly template on one day (or the hearings outside every session)."""

    title: str  # "Master calendar 08:30–12:00 · Spanish interpreter"
    rows: tuple[SheetRow, ...]
    session: Session | None = None  # None for the hearings outside the sessions

    @property
    def count(self) -> str:
        n = len(self.rows)
        return "no hearings set" if n == 0 else counted(n, "hearing")


@dataclass(frozen=True, slots=True)
class SheetDay:
    day: date
    note: str  # why the court does not sit, or the judge's leave that day; "" on an ordinary day
    sessions: tuple[SheetSession, ...]

    @property
    def title(self) -> str:
        return f"{self.day:%A} {self.day.day} {self.day:%B %Y}"

    @property
    def hearings(self) -> int:
        return sum(len(s.rows) for s in self.sessions)


@dataclass(frozen=True, slots=True)
class DocketSheet:
    """What a docket sheet prints: the judge, court and period, then each day's sessions."""

    judge: str
    court: str  # the court as the judge's profile names it; may be ""
    first: date
    last: date
    printed: datetime
    days: tuple[SheetDay, ...]

    @property
    def period(self) -> str:
        """ "Monday 23 November 2026", or "Week of 23–27 November 2026"."""
        first, last = self.first, self.last
        if first == last:
            return f"{first:%A} {first.day} {first:%B %Y}"
        if (first.year, first.month) == (last.year, last.month):
            span = f"{first.day}–{last.day} {last:%B %Y}"
        elif first.year == last.year:
            span = f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
        else:
            span = f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"
        return f"Week of {span}" if (last - first).days < 7 else span

    @property
    def hearings(self) -> int:
        return sum(day.hearings for day in self.days)

    @property
    def file_stem(self) -> str:
        """A file name for the sheet, without extension: docket-sheet-ruiz-2026-11-23."""
        surname = "".join(c for c in self.judge.split()[-1].lower() if c.isalnum()) or "judge"
        dates = f"{self.first}" if self.first == self.last else f"{self.first}-to-{self.last}"
        return f"docket-sheet-{surname}-{dates}"


def week_of(day: date, judge: Judge) -> tuple[date, date]:
    """The week around ``day`` as the calendar shows it: Monday to Friday, or to Sunday when the
    judge's template has weekend sessions."""
    monday = day - timedelta(days=day.weekday())
    weekend = any(s.weekday >= 5 for s in judge.sessions)
    return monday, monday + timedelta(days=6 if weekend else 4)


def load_sheet(
    database: Database,
    judge_name: str,
    first: date,
    last: date | None = None,
    *,
    week: bool = False,
    printed: datetime | None = None,
) -> DocketSheet:
    """The sheet of the judge called ``judge_name``, read in one transaction: from ``first`` to
    ``last`` (both included; by default the one day), or with ``week`` the week around ``first``
    as the calendar shows it. ``printed`` is stamped on it, by default now in the judge's zone."""
    with database.read() as repo:
        judge = repo.judge_named(judge_name) or match_judge(repo.judges(), judge_name)
        assert judge.id is not None
        if week:
            first, last = week_of(first, judge)
        last = first if last is None else last
        if last < first:
            raise InvalidValue(f"a docket sheet from {first} to {last} ends before it starts")
        closures, leave = repo.calendar(judge.id)
        entries = repo.hearings_between(
            judge.id,
            datetime.combine(first, time()),
            datetime.combine(last + timedelta(days=1), time()),
        )
    calendar = CourtCalendar(judge, closures, leave, first, last)
    return build_sheet(judge, calendar, entries, first, last, printed or now_for(judge))


def build_sheet(
    judge: Judge,
    calendar: CourtCalendar,
    entries: Iterable[CalendarEntry],
    first: date,
    last: date,
    printed: datetime,
) -> DocketSheet:
    """Group the hearings (any status) by day and by the template's session they start in."""
    by_day: dict[date, list[SheetRow]] = {}
    for entry in sorted(entries, key=lambda e: (e.start, e.id)):
        by_day.setdefault(entry.start.date(), []).append(SheetRow.of(entry))
    days = tuple(
        _day(judge, calendar, day, by_day.get(day, [])) for day in days_between(first, last)
    )
    return DocketSheet(judge.name, judge.court.strip(), first, last, printed, days)


def _day(judge: Judge, calendar: CourtCalendar, day: date, rows: list[SheetRow]) -> SheetDay:
    off = calendar.day_off_reason(day)
    midnight = datetime.combine(day, time())
    leave = [
        (max(i.start, midnight), min(i.end, midnight + timedelta(days=1)))
        for i in calendar.leave_on(day)
    ]
    leave = [(start, end) for start, end in leave if end > start]
    whole_day = any(end - start == timedelta(days=1) for start, end in leave)
    if off is not None:
        note = (
            "No sessions in the weekly template"
            if not judge.sessions_on(day.weekday())
            else f"{off}: the court does not sit"
        )
    elif whole_day:
        note = "The judge is on leave all day"
    elif leave:
        spans = ", ".join(f"{start:%H:%M}–{_clock(end, day)}" for start, end in leave)
        note = f"The judge is on leave {spans}"
    else:
        note = ""
    sits = off is None and not whole_day
    return SheetDay(day, note, _sessions(judge.sessions_on(day.weekday()), rows, sits))


def _clock(moment: datetime, day: date) -> str:
    return "24:00" if moment.date() > day else f"{moment:%H:%M}"


def _sessions(
    template: Sequence[Session], rows: list[SheetRow], sits: bool
) -> tuple[SheetSession, ...]:
    """The day's sessions with their hearings; a session without any is listed only when the
    court sits and it is bench time, and hearings outside every session come last."""
    ordered = sorted(template, key=lambda s: s.start)
    placed: dict[int, list[SheetRow]] = {i: [] for i in range(len(ordered))}
    outside: list[SheetRow] = []
    for row in rows:
        start = row.start.time()
        index = next((i for i, s in enumerate(ordered) if s.start <= start < s.end), None)
        (outside if index is None else placed[index]).append(row)
    sessions = [
        SheetSession(_session_title(session), tuple(placed[i]), session)
        for i, session in enumerate(ordered)
        if placed[i] or (sits and session.kind.is_bench)
    ]
    if outside:
        sessions.append(SheetSession(OUTSIDE_SESSIONS, tuple(outside)))
    return tuple(sessions)


def _session_title(session: Session) -> str:
    title = f"{SESSION_TITLES[session.kind]} {session.start:%H:%M}–{session.end:%H:%M}"
    return title + (f" · {session.language} interpreter" if session.language else "")
