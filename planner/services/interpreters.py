"""The interpreter request list (issue 19): for a day or a week, by language, every scheduled
hearing that needs an interpreter across the court's judges, with times, and the bookings that
cover them: one interpreter for a judge's consecutive hearings in one language.

No Qt here: the window shows it (``planner/ui/files/interpreter_dialog.py``) and prints it."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from planner.domain.anumber import format_a_number
from planner.domain.errors import InvalidValue
from planner.domain.plural import counted
from planner.domain.vocabulary import HearingKind, HearingStatus
from planner.services.judges import match_judge
from planner.store.database import Database

#: Languages heard without an interpreter.
NO_INTERPRETER = frozenset({"english", ""})
#: Two hearings of a judge in one language are one booking when the second starts within this
#: many minutes of the first's end.
BOOKING_GAP_MINUTES = 30
COLUMNS = ("Language", "Day", "Start", "End", "Judge", "A-number", "Respondent", "Hearing",
           "Detained")  # fmt: skip
HEARING_WORDS = {
    HearingKind.MASTER: "Master",
    HearingKind.INDIVIDUAL: "Individual",
    HearingKind.BOND: "Bond",
    HearingKind.FEAR_REVIEW: "Fear review",
    HearingKind.MOTION: "Motion",
}


@dataclass(frozen=True, slots=True)
class InterpretedHearing:
    language: str
    start: datetime
    minutes: int
    judge: str
    a_number: str
    name: str
    kind: HearingKind
    detained: bool

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    def cells(self) -> tuple[str, ...]:
        return (
            self.language,
            f"{self.start:%a} {self.start.day} {self.start:%b %Y}",
            f"{self.start:%H:%M}",
            f"{self.end:%H:%M}",
            self.judge,
            format_a_number(self.a_number),
            self.name,
            HEARING_WORDS[self.kind],
            "Yes" if self.detained else "No",
        )


@dataclass(frozen=True, slots=True)
class Booking:
    """One interpreter for one judge's consecutive hearings in one language on one day."""

    language: str
    judge: str
    start: datetime
    end: datetime
    hearings: int

    def describe(self) -> str:
        return (
            f"{self.language}: {self.start:%a} {self.start.day} {self.start:%b} "
            f"{self.start:%H:%M}–{self.end:%H:%M}, {self.judge} ({counted(self.hearings, 'hearing')})"
        )


@dataclass(frozen=True, slots=True)
class InterpreterList:
    first: date
    last: date
    judges: tuple[str, ...]
    hearings: tuple[InterpretedHearing, ...]  # by language, day, judge, start

    @property
    def languages(self) -> list[str]:
        return sorted({h.language for h in self.hearings}, key=str.casefold)

    @property
    def period(self) -> str:
        first, last = self.first, self.last
        if first == last:
            return f"{first:%A} {first.day} {first:%B %Y}"
        return f"{first:%a} {first.day} {first:%b} – {last:%a} {last.day} {last:%b %Y}"

    def bookings(self) -> list[Booking]:
        """The bookings that cover the hearings: a judge's hearings in a language on a day, run
        together when one starts within ``BOOKING_GAP_MINUTES`` of the previous one's end."""
        found: list[Booking] = []
        for h in self.hearings:
            last = found[-1] if found else None
            if (
                last is not None
                and (last.language, last.judge, last.start.date())
                == (h.language, h.judge, h.start.date())
                and h.start <= last.end + timedelta(minutes=BOOKING_GAP_MINUTES)
            ):
                found[-1] = Booking(
                    last.language, last.judge, last.start, max(last.end, h.end), last.hearings + 1
                )
            else:
                found.append(Booking(h.language, h.judge, h.start, h.end, 1))
        return found

    def summary(self) -> str:
        if not self.hearings:
            return f"No hearing needs an interpreter, {self.period}."
        languages = self.languages
        return (
            f"{counted(len(self.hearings), 'hearing')} in {counted(len(languages), 'language')} "
            f"need an interpreter, {self.period}: {counted(len(self.bookings()), 'booking')}."
        )

    def rows(self) -> list[tuple[str, ...]]:
        return [h.cells() for h in self.hearings]


def interpreter_list(
    database: Database, first: date, last: date | None = None, judges: Sequence[str] = ()
) -> InterpreterList:
    """The list from ``first`` to ``last`` (both included; by default the one day) of the judges
    named (by default every judge of the database), read in one transaction."""
    last = first if last is None else last
    if last < first:
        raise InvalidValue(f"an interpreter list from {first} to {last} ends before it starts")
    if (last - first).days > 31:
        raise InvalidValue("an interpreter list covers a day or a week (at most a month)")
    found: list[InterpretedHearing] = []
    with database.transaction() as repo:
        stored = repo.judges()
        chosen = [match_judge(stored, name) for name in judges] if judges else stored
        for judge in chosen:
            assert judge.id is not None
            entries = repo.hearings_between(
                judge.id,
                datetime.combine(first, time()),
                datetime.combine(last + timedelta(days=1), time()),
            )
            for e in entries:
                language = e.language.strip()
                if e.status is not HearingStatus.SCHEDULED:
                    continue
                if language.casefold() in NO_INTERPRETER:
                    continue
                found.append(
                    InterpretedHearing(
                        language,
                        e.start,
                        e.minutes,
                        judge.name,
                        e.a_number,
                        e.name,
                        e.kind,
                        e.detained,
                    )
                )
    found.sort(key=lambda h: (h.language.casefold(), h.start.date(), h.judge, h.start))
    return InterpreterList(first, last, tuple(j.name for j in chosen), tuple(found))


def as_html(listing: InterpreterList) -> str:
    """The list as an HTML document for Qt's text layout to print: by language, the bookings
    then the hearings."""
    from html import escape

    parts = [
        "<html><body style='font-family: sans-serif; font-size: 9pt'>",
        f"<h2>Interpreter requests — {escape(listing.period)}</h2>",
        f"<p>{escape(listing.summary())} Judges: {escape(', '.join(listing.judges))}.</p>",
    ]
    bookings = listing.bookings()
    for language in listing.languages:
        parts.append(f"<h3>{escape(language)}</h3><p>")
        parts.extend(escape(b.describe()) + "<br>" for b in bookings if b.language == language)
        parts.append(
            "</p><table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>"
            + "".join(f"<th align='left'>{escape(c)}</th>" for c in COLUMNS[1:])
            + "</tr>"
        )
        for h in listing.hearings:
            if h.language == language:
                cells = h.cells()[1:]
                parts.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
        parts.append("</table>")
    parts.append(
        "<p style='font-size: 7pt'>Confidential: may name asylum applicants (8 CFR 208.6)</p>"
    )
    parts.append("</body></html>")
    return "".join(parts)
