"""The interpreter request list: a day's or week's hearings needing an interpreter across the
judges, by language, and the bookings that cover consecutive hearings."""

from datetime import date, datetime

import pytest

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.vocabulary import HearingKind, HearingStatus
from planner.services.interpreters import as_html, interpreter_list
from planner.store.database import Database
from tests.conftest import location_of

MONDAY = date(2026, 11, 30)


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return (
        datetime(2026, 11, 30, hour, minute) if day == 30 else datetime(2026, 12, day, hour, minute)
    )


@pytest.fixture
def court(database: Database) -> Database:
    return build_court(database)


def build_court(database: Database) -> Database:
    """Ruiz: Tigrinya 09:00 and 09:30, English 09:45, Spanish 13:00 on Mon 30 Nov 2026; Cole:
    Tigrinya 10:00 on Tue 1 Dec."""

    def case(a: str, language: str) -> Case:
        return Case(a, f"R {a[-1]}", "removal", date(2026, 1, 5), language=language)

    ruiz = Docket(
        Judge("Ana Ruiz"),
        cases=(
            case("100000001", "Tigrinya"),
            case("100000002", "Tigrinya"),
            case("100000003", "English"),
            case("100000004", "Spanish"),
        ),
        hearings=(
            Hearing("100000001", _at(30, 9, 0), 15, HearingKind.MASTER),
            Hearing("100000002", _at(30, 9, 30), 15, HearingKind.MASTER),  # one booking
            Hearing("100000003", _at(30, 9, 45), 15, HearingKind.MASTER),  # no interpreter
            Hearing("100000004", _at(30, 13, 0), 180, HearingKind.INDIVIDUAL),
            Hearing(
                "100000004",
                _at(30, 8, 30),
                15,
                HearingKind.MASTER,
                HearingStatus.ADJOURNED,
                "Counsel",
            ),
        ),
    )
    cole = Docket(
        Judge("Ben Cole"),
        cases=(case("200000001", "Tigrinya"),),
        hearings=(Hearing("200000001", _at(1, 10, 0), 30, HearingKind.BOND),),
    )
    with database.transaction() as repo:
        repo.add_docket(ruiz)
        repo.add_docket(cole)
    return database


def test_a_day_by_language_with_its_bookings(court: Database) -> None:
    listing = interpreter_list(court, MONDAY)
    assert [(h.language, h.a_number, f"{h.start:%H:%M}") for h in listing.hearings] == [
        ("Spanish", "100000004", "13:00"),
        ("Tigrinya", "100000001", "09:00"),
        ("Tigrinya", "100000002", "09:30"),
    ]
    assert [b.describe() for b in listing.bookings()] == [
        "Spanish: Mon 30 Nov 13:00–16:00, Ana Ruiz (1 hearing)",
        "Tigrinya: Mon 30 Nov 09:00–09:45, Ana Ruiz (2 hearings)",
    ]
    assert listing.summary() == (
        "3 hearings in 2 languages need an interpreter, Monday 30 November 2026: 2 bookings."
    )
    assert listing.rows()[1] == (
        "Tigrinya", "Mon 30 Nov 2026", "09:00", "09:15", "Ana Ruiz", "A100-000-001", "R 1",
        "Master", "No",
    )  # fmt: skip


def test_a_week_across_judges_and_for_chosen_judges(court: Database) -> None:
    week = interpreter_list(court, MONDAY, date(2026, 12, 4))
    assert [(h.language, h.judge) for h in week.hearings] == [
        ("Spanish", "Ana Ruiz"),
        ("Tigrinya", "Ana Ruiz"),
        ("Tigrinya", "Ana Ruiz"),
        ("Tigrinya", "Ben Cole"),
    ]
    assert "<h3>Tigrinya</h3>" in as_html(week)
    only = interpreter_list(court, MONDAY, date(2026, 12, 4), ["ben cole"])
    assert [h.judge for h in only.hearings] == ["Ben Cole"]
    with pytest.raises(InvalidValue, match="ends before it starts"):
        interpreter_list(court, MONDAY, date(2026, 11, 1))


def test_planner_interpreters_lists_saves_csv_and_pdf(
    qapp, planner, court: Database, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # qapp: the command paints on the running application (see tests/test_cli_notices.py).
    import csv

    import pypdfium2 as pdfium

    court.close()
    db_path = location_of(court)
    text = planner("interpreters", "--db", db_path, "--date", "2026-12-02", "--week")
    assert (text.code, text.err) == (0, "")
    assert text.out.splitlines()[:3] == [
        "4 hearings in 2 languages need an interpreter, Mon 30 Nov – Fri 4 Dec 2026: 3 bookings.",
        "  Spanish: Mon 30 Nov 13:00–16:00, Ana Ruiz (1 hearing)",
        "  Tigrinya: Mon 30 Nov 09:00–09:45, Ana Ruiz (2 hearings)",
    ]
    out, sheet = tmp_path / "interpreters.pdf", tmp_path / "interpreters.csv"
    saved = planner(
        "interpreters", "--db", db_path, "--date", "2026-11-30", "--csv", sheet, "--out", out
    )
    assert (saved.code, saved.err) == (0, "")
    with sheet.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0][:3] == ["Language", "Day", "Start"]
    assert [r[0] for r in rows[1:]] == ["Spanish", "Tigrinya", "Tigrinya"]
    pdf = pdfium.PdfDocument(out.read_bytes())
    page = pdf[0].get_textpage().get_text_range()
    pdf.close()
    assert "Interpreter requests — Monday 30 November 2026" in page
    assert "Tigrinya: Mon 30 Nov 09:00–09:45, Ana Ruiz (2 hearings)" in page
