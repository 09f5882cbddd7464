"""``planner notices``: the queue listed, printed as one PDF (a notice a page) and marked served."""

from datetime import date, datetime
from pathlib import Path

import pypdfium2 as pdfium

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.notices import CourtSettings
from planner.domain.vocabulary import HearingKind, HearingMedium
from planner.services.notices import save_court_settings
from planner.store.database import Database


def _court(path: Path) -> None:
    database = Database.open(path)
    cases = (
        Case("300000001", "Rosa Díaz", "removal", date(2026, 1, 5), language="Spanish"),
        Case(
            "300000002", "Li Wei", "removal", date(2026, 1, 6), detained=True, represented=True,
            attorney="Omar Tanaka",
        ),
    )  # fmt: skip
    hearings = (
        Hearing("300000001", datetime(2026, 11, 23, 9, 0), 15, HearingKind.MASTER),
        Hearing(
            "300000002",
            datetime(2026, 11, 27, 9, 30),
            30,
            HearingKind.BOND,
            medium=HearingMedium.VIDEO,
        ),
        Hearing("300000002", datetime(2026, 10, 2, 9, 30), 30, HearingKind.BOND),  # past
    )
    with database.transaction() as repo:
        repo.add_docket(Docket(Judge("Ana Ruiz", court="Los Angeles"), (), (), cases, hearings))
    save_court_settings(
        database, CourtSettings("Los Angeles", "606 S Olive St, 15th Floor\nLos Angeles, CA 90014")
    )
    database.close()


def _pages(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        return [page.get_textpage().get_text_range().replace("\r\n", "\n") for page in pdf]
    finally:
        pdf.close()


def test_notices_lists_the_queue_with_serve_by_dates(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _court(db_path)
    result = planner("notices", "--db", db_path, "--as-of", "2026-11-02")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines() == [
        "2 notices to serve for Ana Ruiz.",
        "2026-11-13  set        A300-000-001  2026-11-23 09:00  Rosa Díaz",
        "2026-11-17  set        A300-000-002  2026-11-27 09:30  Li Wei",
    ]


def test_notices_prints_one_notice_a_page_and_marks_them_served(  # type: ignore[no-untyped-def]
    qapp, planner, db_path: Path, tmp_path: Path
) -> None:
    # In process, the command paints on the running application (pytest-qt's qapp: a widget
    # test after this one needs a QApplication, not the QGuiApplication the command would make).
    _court(db_path)
    out = tmp_path / "notices.pdf"
    args = ("notices", "--db", db_path, "--judge", "ana ruiz", "--as-of", "2026-11-02")
    result = planner(*args, "--out", out, "--mark-served")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        f"Wrote 2 notices of Ana Ruiz to {out}.\nMarked 2 served on 2026-11-02.\n"
    )
    assert oct(out.stat().st_mode & 0o777) == "0o600"  # it names asylum applicants
    first, second = _pages(out)
    assert (
        "IMMIGRATION COURT\nLos Angeles\n606 S Olive St, 15th Floor\nLos Angeles, CA 90014" in first
    )
    assert "NOTICE OF HEARING" in first
    assert "Rosa Díaz" in first
    assert "A300-000-001" in first
    assert "Pro se" in first
    assert "Date Monday 23 November 2026\nTime 09:00\n" in first
    assert "Place Los Angeles, 606 S Olive St, 15th Floor, Los Angeles, CA 90014" in first
    assert "Judge Immigration Judge Ana Ruiz" in first
    assert "Spanish (an interpreter will be provided)" in first
    assert "Serve by 13 November 2026" in first
    assert "Notice 1 of 2" in first
    assert "Li Wei (detained)" in second
    assert "Omar Tanaka" in second
    assert "Custody redetermination (bond) hearing" in second
    assert "Time 09:30" in second
    # The medium: how the respondent appears, and when a request to appear remotely is due.
    assert "Appearance In person" in first
    assert "Appearance By video (a request to appear remotely is due 12 November 2026)" in second
    assert "Rosa Díaz" not in second
    again = planner(*args)
    assert again.out == "No notices to serve for Ana Ruiz.\n"


def test_notices_refuses_an_out_file_that_is_not_a_pdf(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _court(db_path)
    result = planner("notices", "--db", db_path, "--out", "notices.txt")
    assert result.code == 1
    assert result.err == (
        "planner: notices are a PDF: give --out a name ending in .pdf, not notices.txt\n"
    )


def test_notices_court_lists_every_judge_of_the_court(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _court(db_path)
    database = Database.open(db_path)
    with database.transaction() as repo:
        for name, court, a_number in (("Ben Cole", "Los Angeles", "400000001"),
                                      ("Di Park", "San Diego", "500000001")):  # fmt: skip
            case = Case(a_number, "Omar Haddad", "removal", date(2026, 1, 7))
            hearing = Hearing(a_number, datetime(2026, 11, 24, 10, 0), 15, HearingKind.MASTER)
            repo.add_docket(Docket(Judge(name, court=court), (), (), (case,), (hearing,)))
    database.close()
    args = ("notices", "--db", db_path, "--judge", "Ana Ruiz", "--as-of", "2026-11-02")
    result = planner(*args, "--court")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines() == [
        "3 notices to serve for Los Angeles (2 judges).",
        "2026-11-13  set        A300-000-001  2026-11-23 09:00  Rosa Díaz  (Ana Ruiz)",
        "2026-11-14  set        A400-000-001  2026-11-24 10:00  Omar Haddad  (Ben Cole)",
        "2026-11-17  set        A300-000-002  2026-11-27 09:30  Li Wei  (Ana Ruiz)",
    ]
    assert planner(*args).out.splitlines()[0] == "2 notices to serve for Ana Ruiz."
