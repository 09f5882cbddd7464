"""Exporting a judge's hearings as an iCalendar (.ics) file, written atomically."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from planner.domain.errors import InvalidValue
from planner.domain.plural import counted
from planner.domain.vocabulary import HearingStatus
from planner.interchange.calendar_ics import write_calendar
from planner.services.forecasting import select_judges
from planner.services.transfer import write_atomically
from planner.store.database import Database


@dataclass(frozen=True, slots=True)
class CalendarExportSummary:
    """What a calendar export wrote."""

    judge: str
    out: Path
    hearings: int
    cancelled: int
    with_names: bool

    def describe(self) -> str:
        who = self.judge if self.judge.lower().startswith("judge ") else f"Judge {self.judge}"
        count = counted(self.hearings, "hearing")
        if self.cancelled:
            count += f" ({self.cancelled:,} adjourned, marked cancelled)"
        written = f"Exported {who}'s {count} to {self.out} as a calendar"
        if self.with_names:
            return f"{written}. It names asylum applicants: keep it confidential."
        return f"{written}, without names: each shows the hearing kind and the A-number's last four digits."


def export_calendar(
    database: Database,
    judge_name: str,
    out: Path,
    *,
    first: date | None = None,
    last: date | None = None,
    with_names: bool = False,
    now: datetime | None = None,
) -> CalendarExportSummary:
    """Write the judge's hearings from day ``first`` to day ``last`` (both included; default: all)
    to ``out`` as an iCalendar file. Names go in only when ``with_names`` is true.

    The file is written beside ``out`` and renamed over it, so a failed export leaves no half file.
    """
    if first is not None and last is not None and last < first:
        raise InvalidValue(f"the export runs from {first} to {last}: the end is before the start")
    since = datetime.combine(first, time()) if first else datetime.min
    until = datetime.combine(last, time()) + timedelta(days=1) if last else datetime.max
    with database.read() as reader:
        judge = select_judges(reader, judge_name)[0]
        assert judge.id is not None
        hearings = reader.hearings_between(judge.id, since, until)
    text = write_calendar(judge, hearings, with_names=with_names, stamp=now)
    write_atomically(out, text.encode("utf-8"))
    return CalendarExportSummary(
        judge=judge.name,
        out=out,
        hearings=len(hearings),
        cancelled=sum(h.status is HearingStatus.ADJOURNED for h in hearings),
        with_names=with_names,
    )
