"""Docket sheets rendered to PDF and read back: what is printed, on which page, and the window's
actions to print and save them."""

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.time_off import Closure
from planner.domain.vocabulary import HearingKind
from planner.services.changes import Change
from planner.services.docket_sheet import load_sheet
from planner.store.database import Database
from planner.ui.common.workspace import Workspace
from planner.ui.files.docket_sheet import pdf_bytes, save_pdf
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings

PRINTED = datetime(2026, 11, 20, 16, 5)
LETTER_POINTS = (612.0, 792.0)

#: name, A-number, language, detained, attorney (None: pro se), start
SMALL = (
    ("Rosa Díaz", "200000001", "Spanish", True, "Laura Feldman", datetime(2026, 11, 23, 9, 0)),
    ("Li Wei", "200000002", "Mandarin", False, None, datetime(2026, 11, 23, 9, 15)),
    ("John Smith", "200000003", "English", False, "Omar Tanaka", datetime(2026, 11, 23, 13, 0)),
)


def pages_of(data: bytes) -> list[str]:
    """Each page's text as pdfium extracts it, one line per printed line."""
    pdf = pdfium.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range().replace("\r\n", "\n") for page in pdf]
    finally:
        pdf.close()


def add_court(database: Database, hearings: tuple = SMALL, court: str = "Los Angeles") -> None:
    cases, booked = [], []
    for name, a_number, language, detained, attorney, start in hearings:
        cases.append(
            Case(
                a_number,
                name,
                "removal",
                date(2026, 1, 5),
                detained=detained,
                language=language,
                represented=attorney is not None,
                attorney=attorney,
            )
        )
        kind = HearingKind.INDIVIDUAL if start.hour >= 13 else HearingKind.MASTER
        booked.append(Hearing(a_number, start, 180 if kind is HearingKind.INDIVIDUAL else 15, kind))
    judge = Judge("Ana Ruiz", court=court)
    closures = (Closure(date(2026, 11, 24), "Building maintenance"),)
    with database.transaction() as repo:
        repo.add_docket(Docket(judge, closures, (), tuple(cases), tuple(booked)))


def lowest_body_text_over_footer(data: bytes) -> list[float]:
    """Per page, how far (points) the lowest text above the footer stays above the footer's
    text: negative when a row runs into the footer."""
    gaps = []
    pdf = pdfium.PdfDocument(data)
    try:
        for page in pdf:
            textpage = page.get_textpage()
            count = textpage.count_chars()
            text = textpage.get_text_range(0, count)
            footer = text.rindex("Confidential")
            printed = [i for i in range(count) if not text[i].isspace()]
            footer_top = max(textpage.get_charbox(i)[3] for i in printed if i >= footer)
            body_bottom = min(textpage.get_charbox(i)[1] for i in printed if i < footer)
            gaps.append(body_bottom - footer_top)
    finally:
        pdf.close()
    return gaps


def test_a_day_sheet_prints_header_page_number_and_every_hearings_row(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    add_court(database)
    sheet = load_sheet(database, "Ana Ruiz", date(2026, 11, 23), printed=PRINTED)
    data, pages = pdf_bytes(sheet)
    assert pages == 1
    (text,) = pages_of(data)
    lines = text.splitlines()
    assert lines[0] == "Docket sheet Monday 23 November 2026"
    assert lines[1] == (
        "Immigration Judge Ana Ruiz · Los Angeles 3 hearings · printed 20 Nov 2026 16:05"
    )
    assert "Master calendar 08:30–12:00 2 hearings" in lines
    assert "Individual calendar 13:00–16:30 1 hearing" in lines
    assert "TIME A-NUMBER NAME INTERPRETER DETAINED ATTORNEY HEARING" in lines
    assert "09:00 A200-000-001 Rosa Díaz Spanish Yes Laura Feldman Master · 15 min" in lines
    assert "09:15 A200-000-002 Li Wei Mandarin No Pro se Master · 15 min" in lines
    assert "13:00 A200-000-003 John Smith None No Omar Tanaka Individual · 180 min" in lines
    assert lines[-1] == "Confidential: may name asylum applicants (8 CFR 208.6) Page 1 of 1"


def test_the_pdf_is_letter_paper_titled_and_its_page_number_sits_in_the_bottom_margin(
    qtbot, database
) -> None:
    add_court(database)
    sheet = load_sheet(database, "Ana Ruiz", date(2026, 11, 23), printed=PRINTED)
    pdf = pdfium.PdfDocument(pdf_bytes(sheet)[0])
    try:
        assert pdf.get_metadata_dict()["Title"] == "Docket sheet: Ana Ruiz, Monday 23 November 2026"
        page = pdf[0]
        assert page.get_size() == pytest.approx(LETTER_POINTS)
        textpage = page.get_textpage()
        start, count = textpage.search("Page 1 of 1").get_next()
        left, bottom, _right, _top = textpage.get_charbox(start)
        right = textpage.get_charbox(start + count - 1)[2]
        assert 28 <= bottom <= 60  # within the half-inch footer, above the paper's edge
        assert 500 <= right <= 612 - 36 + 1
        assert left > 306
        start, _count = textpage.search("Docket sheet").get_next()
        assert textpage.get_charbox(start)[3] >= 792 - 60  # the header at the top
    finally:
        pdf.close()


def test_a_week_notes_a_closed_day_and_a_missing_court_is_said(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    add_court(database, court="")
    sheet = load_sheet(database, "Ana Ruiz", date(2026, 11, 23), week=True, printed=PRINTED)
    text = "\n".join(pages_of(pdf_bytes(sheet)[0]))
    assert "Docket sheet Week of 23–27 November 2026" in text
    assert "Immigration Judge Ana Ruiz · court not recorded in the profile" in text
    assert "Tuesday 24 November 2026\nBuilding maintenance: the court does not sit" in text
    assert "Thursday 26 November 2026\nThanksgiving Day: the court does not sit" in text


def sixty_hearings() -> tuple:
    """Twelve master hearings each weekday morning of the week of 30 Nov 2026."""
    found = []
    for day in range(5):
        for slot in range(12):
            n = day * 12 + slot
            start = datetime.combine(date(2026, 11, 30) + timedelta(days=day), time(8, 30))
            start += timedelta(minutes=15 * slot)
            found.append(
                (
                    f"Ana Test{n:02d}",
                    f"3000000{n:02d}",
                    "Spanish",
                    n % 3 == 0,
                    None if n % 2 else f"Counsel{n:02d} Lawyer",
                    start,
                )
            )
    return tuple(found)


def test_sixty_hearings_run_over_pages_numbered_n_of_m_and_none_is_lost(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    add_court(database, sixty_hearings())
    sheet = load_sheet(database, "Ana Ruiz", date(2026, 12, 2), week=True, printed=PRINTED)
    data, count = pdf_bytes(sheet)
    pages = pages_of(data)
    assert count == len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        lines = text.splitlines()
        assert lines[0] == "Docket sheet Week of 30 November – 4 December 2026"
        assert lines[-1].endswith(f"Page {number} of {count}")
        # a page never ends on a heading: the last line before the footer is a hearing's row
        # or a session without hearings
        last = lines[-2]
        assert last.endswith(("Master · 15 min", "no hearings set")), last
    assert min(lowest_body_text_over_footer(data)) > 6  # no row runs into the footer
    text = "\n".join(pages)
    for name, a_number, _language, detained, attorney, start in sixty_hearings():
        row = (
            f"{start:%H:%M} A{a_number[:3]}-{a_number[3:6]}-{a_number[6:]} {name} Spanish "
            f"{'Yes' if detained else 'No'} {attorney or 'Pro se'} Master · 15 min"
        )
        assert text.count(row) == 1, row
    # a session split over a page starts again under its day's and its own heading
    continued = [p for p in pages[1:] if "(continued)" in p.splitlines()[2]]
    assert continued, "no session ran over a page"
    for page in continued:
        day, session, columns = page.splitlines()[2:5]
        assert day.endswith("2026 (continued)")
        assert session.startswith("Master calendar 08:30–12:00 (continued)")
        assert columns == "TIME A-NUMBER NAME INTERPRETER DETAINED ATTORNEY HEARING"


def test_save_pdf_writes_the_file_whole(qtbot, database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    add_court(database)
    sheet = load_sheet(database, "Ana Ruiz", date(2026, 11, 23), printed=PRINTED)
    folder = tmp_path / "sheets"
    folder.mkdir()
    out = folder / "sheet.pdf"
    assert save_pdf(sheet, out) == 1
    assert "Rosa Díaz" in pages_of(out.read_bytes())[0]
    assert [p.name for p in folder.iterdir()] == ["sheet.pdf"]  # no partial file left


# The window ------------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, database: Database, tmp_path: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    add_court(database)
    workspace = Workspace(database, clock=lambda: datetime(2026, 11, 23, 8, 0))
    settings = WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main = MainWindow(workspace, settings)
    qtbot.addWidget(main)
    return main


def test_file_menu_saves_the_calendars_day_as_pdf(window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked = {}

    def choose(_parent, _caption, suggested, _filter):  # type: ignore[no-untyped-def]
        asked["suggested"] = suggested
        return str(tmp_path / "monday"), "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    window.calendar.set_mode("day")
    window.calendar.set_date(date(2026, 11, 23))
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "&Print Docket Sheet…" in texts
    assert "Save Docket Sheet as P&DF…" in texts
    window.sheet_actions.save_action.trigger()
    assert Path(asked["suggested"]).name == "docket-sheet-ruiz-2026-11-23.pdf"
    (text,) = pages_of((tmp_path / "monday.pdf").read_bytes())
    assert text.startswith("Docket sheet Monday 23 November 2026")
    assert "A200-000-002 Li Wei" in text
    assert (
        window.statusBar()
        .currentMessage()
        .startswith(
            "Saved the docket sheet of Ana Ruiz for Monday 23 November 2026 (3 hearings, 1 page)"
        )
    )


def test_the_print_preview_shows_the_calendars_week(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.calendar.set_mode("week")
    window.calendar.set_date(date(2026, 11, 25))
    sheet = window.sheet_actions.sheet()
    assert (sheet.first, sheet.last) == (date(2026, 11, 23), date(2026, 11, 27))
    dialog = window.sheet_actions.preview(sheet)
    qtbot.addWidget(dialog)
    dialog.resize(QSize(900, 700))
    dialog.show()
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 1)
    assert dialog.windowTitle().endswith("Docket sheet: Ana Ruiz, Week of 23–27 November 2026")
    dialog.close()


def test_every_shortcut_of_the_window_is_on_one_action_only(window) -> None:  # type: ignore[no-untyped-def]
    """Qt fires neither action when two share a key: printing must not take the profile's."""
    seen: dict[str, str] = {}
    for action in window.findChildren(type(window.sheet_actions.print_action)):
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text} is on {seen[text]!r} and {action.text()!r}"
            seen[text] = action.text()
    assert window.sheet_actions.print_action.shortcut() == QKeySequence("Ctrl+Shift+P")
    assert window.edit_judge_action.shortcut() == QKeySequence("Ctrl+P")


def test_without_a_judge_there_is_no_sheet_to_print(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    empty = Database.open(tmp_path / "empty.sqlite")
    settings = WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main = MainWindow(Workspace(empty), settings)
    qtbot.addWidget(main)
    actions = main.sheet_actions.actions()
    assert [a.isEnabled() for a in actions] == [False, False]
    add_court(empty)
    main.workspace.notify(Change.JUDGES)
    assert [a.isEnabled() for a in actions] == [True, True]
    empty.close()
