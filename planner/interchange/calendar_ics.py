"""A judge's hearings as an iCalendar file (RFC 5545), for a phone or a calendar service.

Every hearing is one VEVENT at its local wall-clock time in the judge's time zone
(``DTSTART;TZID=America/New_York:...``), with the zone's VTIMEZONE in the file, so a client shows
09:00 as 09:00 on both sides of a daylight-saving change. An adjourned hearing is struck from the
calendar: its event is ``STATUS:CANCELLED``.

A calendar file ends up on phones and in cloud services, and asylum records are confidential: by
default an event carries only the hearing kind and the last four digits of the A-number. Names,
the full A-number and the case's details are written only when the caller asks
(``with_names=True``).
"""

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

from icalendar import Calendar, Event

from planner import __version__
from planner.domain.anumber import format_a_number
from planner.domain.judge import Judge
from planner.domain.plural import counted
from planner.domain.vocabulary import REMOTE_REQUEST_DAYS, HearingKind, HearingMedium, HearingStatus

PRODID = f"-//Judge Workload Planner//planner {__version__}//EN"
UID_DOMAIN = "judge-workload-planner"

KIND_TITLES = {
    HearingKind.MASTER: "Master calendar",
    HearingKind.INDIVIDUAL: "Individual hearing",
    HearingKind.BOND: "Bond hearing",
    HearingKind.FEAR_REVIEW: "Fear review",
    HearingKind.MOTION: "Motion hearing",
}

_STATUS_WORDS = {
    HearingStatus.SCHEDULED: "Scheduled",
    HearingStatus.HELD: "Held",
    HearingStatus.ADJOURNED: "Adjourned",
    HearingStatus.COMPLETED: "Completed",
}


class CalendarHearing(Protocol):
    """What the file needs of a hearing and its case (``planner.store.agenda.CalendarEntry``)."""

    @property
    def id(self) -> int: ...
    @property
    def case_id(self) -> int: ...
    @property
    def a_number(self) -> str: ...
    @property
    def start(self) -> datetime: ...
    @property
    def end(self) -> datetime: ...
    @property
    def minutes(self) -> int: ...
    @property
    def kind(self) -> HearingKind: ...
    @property
    def status(self) -> HearingStatus: ...
    @property
    def adjournment_reason(self) -> str | None: ...
    @property
    def medium(self) -> HearingMedium: ...
    @property
    def name(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def detained(self) -> bool: ...
    @property
    def represented(self) -> bool: ...
    @property
    def attorney(self) -> str | None: ...


def event_uid(judge: Judge, hearing: CalendarHearing) -> str:
    """The hearing's event UID: the same in every export of this database, whatever changes.

    ``hearing-<hearing id>-<tag>@judge-workload-planner``, where the tag is a hash of the judge's
    database id and name and the hearing's case id and hearing id. It stays the same when the
    hearing is moved, lengthened, adjourned or held, and with or without names, so a calendar
    that re-imports the file updates the event instead of adding a second one. The tag keeps two
    databases (a demo and the real one) from giving two hearings one UID. Nothing confidential
    goes into it: a hash of a 9-digit A-number could be reversed by trying them all.
    """
    source = f"{judge.id}\x1f{judge.name}\x1f{hearing.case_id}\x1f{hearing.id}"
    tag = hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
    return f"hearing-{hearing.id}-{tag}@{UID_DOMAIN}"


def last_four(a_number: str) -> str:
    """The A-number's last four digits as the calendar shows them: ``…6789``."""
    return f"…{a_number[-4:]}"


def write_calendar(
    judge: Judge,
    hearings: Sequence[CalendarHearing],
    *,
    with_names: bool = False,
    stamp: datetime | None = None,
) -> str:
    """The iCalendar text of ``hearings`` (the judge's), one event each.

    ``stamp`` is the DTSTAMP of every event (default: now, in UTC).
    """
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    zone = judge.zone
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    where = f" · {judge.court}" if judge.court else ""
    who = f" · {judge.name}" if with_names else ""
    calendar.add("x-wr-calname", f"Hearings{who}{where}")
    calendar.add("x-wr-timezone", judge.timezone)
    for hearing in hearings:
        event = Event()
        event.add("uid", event_uid(judge, hearing))
        event.add("dtstamp", stamp)
        event.add("dtstart", hearing.start.replace(tzinfo=zone))
        event.add("dtend", hearing.end.replace(tzinfo=zone))
        event.add("summary", _summary(hearing, with_names))
        event.add("description", _description(hearing, with_names))
        cancelled = hearing.status is HearingStatus.ADJOURNED
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        if cancelled:
            event.add("transp", "TRANSPARENT")  # its time is free again
        if with_names:
            event.add("class", "CONFIDENTIAL")
        if judge.court:
            event.add("location", judge.court)
        calendar.add_component(event)
    if hearings:
        # The zone's rules over whole years around the hearings: every change in between is in it.
        first = min(h.start for h in hearings).year
        last = max(h.end for h in hearings).year
        calendar.add_missing_timezones(first_date=date(first, 1, 1), last_date=date(last + 1, 1, 1))
    ical: bytes = calendar.to_ical()  # icalendar leaves to_ical unannotated
    return ical.decode("utf-8")


def _summary(hearing: CalendarHearing, with_names: bool) -> str:
    title = KIND_TITLES[hearing.kind]
    if hearing.status is HearingStatus.ADJOURNED:
        title = f"Adjourned: {title}"
    if hearing.medium.remote:
        title = f"{title} ({hearing.medium.words})"
    if with_names:
        return f"{title} · {format_a_number(hearing.a_number)} · {hearing.name}"
    return f"{title} · {last_four(hearing.a_number)}"


def _medium_line(hearing: CalendarHearing) -> str:
    """ "In person." or "By video; the request to appear remotely is due Mon 16 Feb 2026."."""
    if not hearing.medium.remote:
        return "In person."
    due = hearing.start.date() - timedelta(days=REMOTE_REQUEST_DAYS)
    words = hearing.medium.words
    return (
        f"{words[:1].upper()}{words[1:]}; the request to appear remotely is due "
        f"{due:%a} {due.day} {due:%b %Y} ({REMOTE_REQUEST_DAYS} days ahead)."
    )


def _description(hearing: CalendarHearing, with_names: bool) -> str:
    lines = [
        f"{KIND_TITLES[hearing.kind]}, {counted(hearing.minutes, 'minute')}. "
        f"{_STATUS_WORDS[hearing.status]}.",
        _medium_line(hearing),
    ]
    if with_names:
        lines.append(f"{format_a_number(hearing.a_number)}: {hearing.name}")
        lines.append(f"Language: {hearing.language}")
        lines.append("Detained" if hearing.detained else "Not detained")
        if hearing.represented:
            lines.append(f"Represented{f' by {hearing.attorney}' if hearing.attorney else ''}")
        else:
            lines.append("Not represented")
        if hearing.adjournment_reason:
            lines.append(f"Adjourned: {hearing.adjournment_reason}")
        lines.append("Confidential: names an asylum applicant.")
    else:
        lines.append("Exported without names: only the A-number's last four digits.")
    return "\n".join(lines)
