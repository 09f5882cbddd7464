"""``planner export --format ics``: the judge's hearings as a calendar file, read back two ways.

The file is read back with icalendar (the library that writes it) and with khal, an independent
calendar client, through its own command line. The docket has hearings at 09:00 New York time on
both sides of the 2026 daylight-saving changes (8 March and 1 November).
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.vocabulary import HearingKind, HearingStatus
from planner.services.calendar_export import CalendarExportSummary, export_calendar
from planner.store import private_files
from planner.store.database import Database

NEW_YORK = ZoneInfo("America/New_York")
JUDGE = "Ana Ruiz"

#: (A-number, respondent, start in New York wall time, kind, status)
HEARINGS = [
    ("A123-456-789", "María José Núñez", datetime(2026, 3, 6, 9), HearingKind.MASTER, "scheduled"),
    (
        "A987-650-001",
        "Jean-Baptiste Louis",
        datetime(2026, 3, 9, 9),
        HearingKind.INDIVIDUAL,
        "held",
    ),
    ("A876-540-002", "Kʼiche Tzul", datetime(2026, 10, 30, 9), HearingKind.BOND, "adjourned"),
    ("A765-430-003", "Oksana Melnyk", datetime(2026, 11, 2, 9), HearingKind.MASTER, "scheduled"),
]
NAMES = [name for _, name, *_ in HEARINGS]


def _docket(name: str = JUDGE) -> Docket:
    judge = Judge(name, court="New York Broadway", timezone="America/New_York")
    cases = tuple(
        Case(a_number, respondent, "asylum", date(2025, 1, 2), language="Spanish")
        for a_number, respondent, *_ in HEARINGS
    )
    hearings = tuple(
        Hearing(
            a_number,
            start,
            180 if kind is HearingKind.INDIVIDUAL else 30,
            kind,
            HearingStatus(status),
            "respondent to seek counsel" if status == "adjourned" else None,
        )
        for a_number, _, start, kind, status in HEARINGS
    )
    return Docket(judge, cases=cases, hearings=hearings)


@pytest.fixture
def docket_db(db_path: Path) -> Path:
    database = Database.open(db_path)
    with database.transaction() as repo:
        repo.add_docket(_docket())
    database.close()
    return db_path


@pytest.fixture
def export(planner: Callable[..., object], docket_db: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """``planner export --db PATH --judge NAME --format ics --out FILE.ics [more]`` -> the file."""

    def run(*more: object, out: Path | None = None) -> Path:
        out = out or tmp_path / "hearings.ics"
        result = planner(
            "export", "--db", docket_db, "--judge", JUDGE, "--format", "ics", "--out", out, *more
        )
        assert result.code == 0, result.err  # type: ignore[attr-defined]
        return out

    return run


def _events(path: Path) -> list:  # type: ignore[type-arg]
    calendar = Calendar.from_ical(path.read_bytes())
    return sorted(calendar.walk("VEVENT"), key=lambda event: event.decoded("dtstart"))


def test_the_file_has_one_event_per_hearing_in_the_judges_zone_with_its_vtimezone(export) -> None:  # type: ignore[no-untyped-def]
    path = export()
    calendar = Calendar.from_ical(path.read_bytes())
    events = _events(path)
    assert len(events) == len(HEARINGS)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert calendar.get_missing_tzids() == set()
    text = path.read_bytes().decode("utf-8")
    assert "DTSTART;TZID=America/New_York:20260306T090000" in text
    assert "DTEND;TZID=America/New_York:20260309T120000" in text  # the 3-hour individual hearing
    for event in events:
        assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert text.startswith("BEGIN:VCALENDAR\r\n")  # CRLF line ends, as RFC 5545 says


def test_hearings_keep_their_wall_time_and_instant_across_daylight_saving(export) -> None:  # type: ignore[no-untyped-def]
    events = _events(export())
    starts = [event.decoded("dtstart") for event in events]
    # 09:00 local on every day, before and after each change...
    assert [(s.date(), s.hour, s.minute) for s in starts] == [
        (date(2026, 3, 6), 9, 0),
        (date(2026, 3, 9), 9, 0),
        (date(2026, 10, 30), 9, 0),
        (date(2026, 11, 2), 9, 0),
    ]
    # ...which is 14:00 UTC in winter (EST, UTC-5) and 13:00 UTC in summer (EDT, UTC-4).
    assert [s.astimezone(UTC) for s in starts] == [
        datetime(2026, 3, 6, 14, tzinfo=UTC),
        datetime(2026, 3, 9, 13, tzinfo=UTC),
        datetime(2026, 10, 30, 13, tzinfo=UTC),
        datetime(2026, 11, 2, 14, tzinfo=UTC),
    ]
    assert events[1].decoded("dtend") - starts[1] == timedelta(hours=3)


def test_the_vtimezone_in_the_file_itself_gives_the_right_offsets() -> None:
    """Read the file's own VTIMEZONE (not the system's zone database) at each hearing."""
    from planner.interchange.calendar_ics import write_calendar
    from planner.store.agenda import CalendarEntry

    judge = Judge(JUDGE, timezone="America/New_York", id=1)
    entries = [
        CalendarEntry(
            i,
            i,
            "123456789",
            start,
            30,
            HearingKind.MASTER,
            HearingStatus.SCHEDULED,
            None,
            "X",
            "English",
            False,
            False,
            False,
            None,
            "asylum",
        )
        for i, (*_, start, _kind, _status) in enumerate(HEARINGS, 1)
    ]
    calendar = Calendar.from_ical(write_calendar(judge, entries))
    (vtimezone,) = calendar.walk("VTIMEZONE")
    zone = vtimezone.to_tz()  # a tzinfo built from the file's STANDARD/DAYLIGHT rules only
    offsets = [start.replace(tzinfo=zone).utcoffset() for *_, start, _k, _s in HEARINGS]
    assert offsets == [timedelta(hours=h) for h in (-5, -4, -4, -5)]


def test_uids_are_stable_across_exports_and_unique(export, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = [str(e["UID"]) for e in _events(export(out=tmp_path / "one.ics"))]
    again = [str(e["UID"]) for e in _events(export(out=tmp_path / "two.ics"))]
    named = [str(e["UID"]) for e in _events(export("--with-names", out=tmp_path / "three.ics"))]
    assert first == again == named
    assert len(set(first)) == len(first)
    assert all(uid.endswith("@judge-workload-planner") for uid in first)
    # Nothing of the A-number is in a UID: a hash of 9 digits could be reversed.
    for uid, (a_number, *_) in zip(first, HEARINGS, strict=True):
        assert a_number[-4:] not in uid.split("-", 2)[2]


def test_a_moved_hearing_keeps_its_uid(export, docket_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = _events(export(out=tmp_path / "before.ics"))[0]
    database = Database.open(docket_db)
    with database.transaction() as repo:
        judge = repo.judge_named(JUDGE)
        (entry,) = repo.hearings_between(judge.id, datetime(2026, 3, 6), datetime(2026, 3, 7))
        moved = entry.hearing()
        repo.update_hearing(
            Hearing(moved.a_number, datetime(2026, 3, 6, 10, 30), 30, moved.kind, id=moved.id)
        )
    database.close()
    after = _events(export(out=tmp_path / "after.ics"))[0]
    assert after["UID"] == before["UID"]
    assert after.decoded("dtstart") == datetime(2026, 3, 6, 10, 30, tzinfo=NEW_YORK)


def test_an_adjourned_hearing_is_cancelled(export) -> None:  # type: ignore[no-untyped-def]
    statuses = [str(event["STATUS"]) for event in _events(export())]
    assert statuses == ["CONFIRMED", "CONFIRMED", "CANCELLED", "CONFIRMED"]


def test_by_default_an_event_shows_the_kind_and_last_four_digits_only(export) -> None:  # type: ignore[no-untyped-def]
    path = export()
    events = _events(path)
    assert [str(e["SUMMARY"]) for e in events] == [
        "Master calendar · …6789",
        "Individual hearing · …0001",
        "Adjourned: Bond hearing · …0002",
        "Master calendar · …0003",
    ]
    text = path.read_bytes().decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    for name in [*NAMES, "Núñez", "Melnyk", "Spanish", "counsel", JUDGE]:
        assert name not in unfolded
    for a_number, *_ in HEARINGS:  # no full A-number, in any spelling
        assert a_number[:7] not in unfolded
        assert a_number[1:].replace("-", "")[:5] not in unfolded
    assert "CLASS:CONFIDENTIAL" not in text


def test_with_names_the_events_name_the_respondents(export) -> None:  # type: ignore[no-untyped-def]
    events = _events(export("--with-names"))
    assert str(events[0]["SUMMARY"]) == "Master calendar · A123-456-789 · María José Núñez"
    for event, name in zip(events, NAMES, strict=True):
        assert name in str(event["SUMMARY"])
        assert name in str(event["DESCRIPTION"])
        assert str(event["CLASS"]) == "CONFIDENTIAL"
    assert "Adjourned: respondent to seek counsel" in str(events[2]["DESCRIPTION"])


def test_from_and_to_choose_the_days(export) -> None:  # type: ignore[no-untyped-def]
    events = _events(export("--from", "2026-03-09", "--to", "2026-10-30"))
    assert [e.decoded("dtstart").date() for e in events] == [date(2026, 3, 9), date(2026, 10, 30)]


def test_the_format_comes_from_the_ics_extension(planner, docket_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "Hearings.ICS"
    result = planner("export", "--db", docket_db, "--judge", JUDGE, "--out", out)
    assert result.code == 0, result.err
    assert len(_events(out)) == len(HEARINGS)
    assert "without names" in result.out


def test_the_summary_says_what_was_written(planner, docket_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "h.ics"
    plain = planner("export", "--db", docket_db, "--judge", JUDGE, "--out", out)
    assert plain.out == (
        f"Exported Judge Ana Ruiz's 4 hearings (1 adjourned, marked cancelled) to {out} as a "
        "calendar, without names: each shows the hearing kind and the A-number's last four digits.\n"
    )
    named = planner("export", "--db", docket_db, "--judge", JUDGE, "--out", out, "--with-names")
    assert named.out.endswith("It names asylum applicants: keep it confidential.\n")
    assert (
        CalendarExportSummary(JUDGE, out, 1, 0, False)
        .describe()
        .startswith(f"Exported Judge Ana Ruiz's 1 hearing to {out}")
    )


def test_calendar_options_are_refused_for_other_formats(
    planner, docket_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "docket.json"
    result = planner("export", "--db", docket_db, "--judge", JUDGE, "--out", out, "--with-names")
    assert result.code == 1
    assert "--with-names, --from and --to are for a calendar export (--format ics)" in result.err
    assert not out.exists()


def test_a_backwards_range_is_refused(planner, docket_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "h.ics"
    result = planner(
        "export",
        "--db",
        docket_db,
        "--judge",
        JUDGE,
        "--out",
        out,
        "--from",
        "2026-05-01",
        "--to",
        "2026-04-01",
    )
    assert result.code == 1
    assert (
        "the export runs from 2026-05-01 to 2026-04-01: the end is before the start" in result.err
    )
    assert not out.exists()


def test_an_unknown_judge_writes_nothing(planner, docket_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "h.ics"
    result = planner("export", "--db", docket_db, "--judge", "Cy Dow", "--out", out)
    assert result.code == 1
    assert "no judge named 'Cy Dow'" in result.err
    assert not out.exists()


def test_a_failed_export_leaves_the_old_file_and_no_partial_one(
    planner, docket_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "exports" / "h.ics"
    out.parent.mkdir()
    out.write_text("the previous export\n")

    def disk_full(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(private_files.os, "replace", disk_full)  # the shared writer's rename
    result = planner("export", "--db", docket_db, "--judge", JUDGE, "--out", out)
    assert result.code == 1
    assert "nothing was exported" in result.err
    assert out.read_text() == "the previous export\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["h.ics"]


def test_a_judge_without_hearings_gets_an_empty_calendar(
    database: Database, tmp_path: Path
) -> None:
    with database.transaction() as repo:
        repo.add_judge(Judge("Cy Dow"))
    out = tmp_path / "empty.ics"
    summary = export_calendar(database, "Cy Dow", out)
    assert summary.hearings == 0
    calendar = Calendar.from_ical(out.read_bytes())
    assert calendar.walk("VEVENT") == []


# An independent client ------------------------------------------------------------------------

KHAL = shutil.which("khal", path=os.path.dirname(sys.executable)) or shutil.which("khal")
#: Skipped only on a developer's machine without the test extra; CI (CI=true) must have khal.
needs_khal = pytest.mark.skipif(
    KHAL is None and not os.environ.get("CI"), reason="khal (the test extra) is not installed"
)


def _khal(config: Path, *args: str) -> str:
    assert KHAL is not None, "khal is not installed: it is in pyproject.toml's test extra"
    done = subprocess.run(
        [KHAL, "-c", str(config), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _khal_config(folder: Path, zone: str) -> Path:
    (folder / "calendar").mkdir(parents=True)
    config = folder / "config"
    config.write_text(
        f"""[calendars]
[[hearings]]
path = {folder / "calendar"}
type = calendar
[locale]
local_timezone = {zone}
default_timezone = {zone}
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
[default]
default_calendar = hearings
[sqlite]
path = {folder / "khal.db"}
""",
        encoding="utf-8",
    )
    return config


def _khal_list(config: Path) -> list[str]:
    out = _khal(
        config,
        "list",
        "--format",
        "{start} {end} {status}{title}",
        "--day-format",
        "",
        "2026-01-01",
        "2027-01-01",
    )
    return [line.rstrip() for line in out.splitlines() if line.strip()]


@needs_khal
def test_khal_imports_the_file_and_shows_the_times(export, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = export()
    local = _khal_config(tmp_path / "khal-new-york", "America/New_York")
    _khal(local, "import", "--batch", "-a", "hearings", str(path))
    assert _khal_list(local) == [
        "2026-03-06 09:00 2026-03-06 09:30 CONFIRMED Master calendar · …6789",
        "2026-03-09 09:00 2026-03-09 12:00 CONFIRMED Individual hearing · …0001",
        "2026-10-30 09:00 2026-10-30 09:30 CANCELLED Adjourned: Bond hearing · …0002",
        "2026-11-02 09:00 2026-11-02 09:30 CONFIRMED Master calendar · …0003",
    ]
    # The same file seen from a phone set to UTC: the instants move with daylight saving.
    utc = _khal_config(tmp_path / "khal-utc", "UTC")
    _khal(utc, "import", "--batch", "-a", "hearings", str(path))
    assert [line[:16] for line in _khal_list(utc)] == [
        "2026-03-06 14:00",
        "2026-03-09 13:00",
        "2026-10-30 13:00",
        "2026-11-02 14:00",
    ]


@needs_khal
def test_khal_updates_events_from_a_second_export_instead_of_doubling_them(
    export, docket_db: Path, tmp_path: Path
) -> None:
    config = _khal_config(tmp_path / "khal", "America/New_York")
    _khal(config, "import", "--batch", "-a", "hearings", str(export(out=tmp_path / "one.ics")))
    database = Database.open(docket_db)
    with database.transaction() as repo:
        judge = repo.judge_named(JUDGE)
        (entry,) = repo.hearings_between(judge.id, datetime(2026, 11, 2), datetime(2026, 11, 3))
        hearing = entry.hearing()
        repo.update_hearing(
            Hearing(
                hearing.a_number,
                hearing.start,
                hearing.minutes,
                hearing.kind,
                HearingStatus.ADJOURNED,
                "interpreter unavailable",
                id=hearing.id,
            )
        )
    database.close()
    _khal(config, "import", "--batch", "-a", "hearings", str(export(out=tmp_path / "two.ics")))
    listed = _khal_list(config)
    assert len(listed) == len(HEARINGS)
    assert (
        listed[-1]
        == "2026-11-02 09:00 2026-11-02 09:30 CANCELLED Adjourned: Master calendar · …0003"
    )


@needs_khal
def test_khal_shows_a_remote_hearing_s_medium_and_its_request_deadline(  # type: ignore[no-untyped-def]
    export, docket_db: Path, tmp_path: Path
) -> None:
    from dataclasses import replace

    from planner.domain.vocabulary import HearingMedium

    database = Database.open(docket_db)
    with database.transaction() as repo:
        judge = repo.judge_named(JUDGE)
        (entry,) = repo.hearings_between(judge.id, datetime(2026, 3, 9), datetime(2026, 3, 10))
        repo.update_hearing(replace(entry.hearing(), medium=HearingMedium.VIDEO))
    database.close()
    config = _khal_config(tmp_path / "khal", "America/New_York")
    _khal(config, "import", "--batch", "-a", "hearings", str(export()))
    listed = _khal_list(config)
    assert listed[0] == "2026-03-06 09:00 2026-03-06 09:30 CONFIRMED Master calendar · …6789"
    assert listed[1] == (
        "2026-03-09 09:00 2026-03-09 12:00 CONFIRMED Individual hearing (by video) · …0001"
    )
    out = _khal(
        config,
        "list",
        "--format",
        "{title}|{description}",
        "--day-format",
        "",
        "2026-03-09",
        "2026-03-10",
    )
    assert "By video; the request to appear remotely is due Sun 22 Feb 2026 (15 days ahead)." in out
    out = _khal(
        config, "list", "--format", "{description}", "--day-format", "", "2026-03-06", "2026-03-07"
    )
    assert "In person." in out
