"""``planner sheet``: a docket sheet saved as PDF from a script, with no display."""

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pypdfium2 as pdfium

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.vocabulary import HearingKind
from planner.store.database import Database

ROOT = Path(__file__).resolve().parents[1]


def _court(path: Path) -> None:
    database = Database.open(path)
    cases = (
        Case("300000001", "Rosa Díaz", "removal", date(2026, 1, 5), language="Spanish"),
        Case("300000002", "Li Wei", "removal", date(2026, 1, 6), detained=True),
    )
    hearings = (
        Hearing("300000001", datetime(2026, 11, 23, 9, 0), 15, HearingKind.MASTER),
        Hearing("300000002", datetime(2026, 11, 27, 9, 0), 30, HearingKind.BOND),
    )
    with database.transaction() as repo:
        repo.add_docket(Docket(Judge("Ana Ruiz", court="Los Angeles"), (), (), cases, hearings))
    database.close()


def test_sheet_writes_the_weeks_pdf_without_a_display(db_path: Path, tmp_path: Path) -> None:
    _court(db_path)
    out = tmp_path / "week.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["PYTHONPATH"] = str(ROOT)
    args = ["sheet", "--db", db_path, "--judge", "Ana Ruiz", "--date", "2026-11-25", "--week"]
    done = subprocess.run(
        [sys.executable, "-m", "planner.cli", *map(str, args), "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        "Saved the docket sheet of Ana Ruiz for the week of 23–27 November 2026 "
        f"(2 hearings, 1 page) to {out}.\n"
    )
    pdf = pdfium.PdfDocument(out.read_bytes())
    text = pdf[0].get_textpage().get_text_range().replace("\r\n", "\n")
    pdf.close()
    assert text.startswith("Docket sheet Week of 23–27 November 2026\n")
    assert "09:00 A300-000-001 Rosa Díaz Spanish No Pro se Master · 15 min" in text
    assert "09:00 A300-000-002 Li Wei None Yes Pro se Bond · 30 min" in text
    assert text.endswith("Page 1 of 1")


def test_sheet_refuses_an_unknown_judge_and_a_file_that_is_not_pdf(
    planner, db_path, tmp_path
) -> None:
    _court(db_path)
    out = tmp_path / "day.pdf"
    unknown = planner(
        "sheet", "--db", db_path, "--judge", "Ann", "--date", "2026-11-23", "--out", out
    )
    assert unknown.code == 1
    assert unknown.err == "planner: no judge named 'Ann' in this database (judges: 'Ana Ruiz')\n"
    csv = tmp_path / "day.csv"
    wrong = planner(
        "sheet", "--db", db_path, "--judge", "Ana Ruiz", "--date", "2026-11-23", "--out", csv
    )
    assert wrong.code == 1
    assert "give --out a name ending in .pdf" in wrong.err
    bad_date = planner(
        "sheet", "--db", db_path, "--judge", "Ana Ruiz", "--date", "23/11/2026", "--out", out
    )
    assert bad_date.code == 1
    assert "'23/11/2026' is not a date in the form YYYY-MM-DD" in bad_date.err
    assert not out.exists()
    assert not csv.exists()


def test_sheet_court_writes_every_judges_day_in_one_pdf(db_path: Path, tmp_path: Path) -> None:
    _court(db_path)
    database = Database.open(db_path)
    with database.transaction() as repo:
        case = Case("400000001", "Omar Haddad", "removal", date(2026, 1, 7), language="Arabic")
        hearing = Hearing("400000001", datetime(2026, 11, 23, 10, 0), 60, HearingKind.INDIVIDUAL)
        repo.add_docket(Docket(Judge("Ben Cole", court="Los Angeles"), (), (), (case,), (hearing,)))
    database.close()
    out = tmp_path / "court.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["PYTHONPATH"] = str(ROOT)
    args = ["sheet", "--db", db_path, "--court", "--date", "2026-11-23", "--out", out]
    done = subprocess.run(
        [sys.executable, "-m", "planner.cli", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        "Saved the court's docket sheet for Monday 23 November 2026 (2 hearings before 2 judges, "
        f"2 pages) to {out}.\n"
    )
    pdf = pdfium.PdfDocument(out.read_bytes())
    pages = [p.get_textpage().get_text_range().replace("\r\n", "\n") for p in pdf]
    pdf.close()
    assert "Immigration Judge Ana Ruiz" in pages[0]
    assert "09:00 A300-000-001 Rosa Díaz Spanish No Pro se Master · 15 min" in pages[0]
    assert pages[0].endswith("Page 1 of 2")
    assert "Immigration Judge Ben Cole" in pages[1]
    assert "10:00 A400-000-001 Omar Haddad Arabic No Pro se Individual · 60 min" in pages[1]
    assert pages[1].endswith("Page 2 of 2")
    assert oct(out.stat().st_mode & 0o777) == "0o600"  # names asylum applicants: owner only

    week = subprocess.run(
        [sys.executable, "-m", "planner.cli", *map(str, args), "--week"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert week.returncode != 0
    assert "the court's docket sheet is of one day: leave out --week" in week.stderr
    assert "Traceback" not in week.stderr

    elsewhere = subprocess.run(
        [sys.executable, "-m", "planner.cli", *map(str, args[:3]), "--court", "San Diego",
         *map(str, args[4:])],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert elsewhere.returncode != 0
    assert "no judge's profile names the court 'San Diego' (courts: 'Los Angeles')" in (
        elsewhere.stderr
    )
    assert "Traceback" not in elsewhere.stderr
