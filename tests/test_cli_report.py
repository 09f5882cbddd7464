"""``planner report``: a PDF whose text says the verdict, the calendar by month and the assumptions."""

from datetime import datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from planner.services.chart_data import chart_data_for
from planner.services.forecasting import with_age_targets
from planner.store.database import Database


def _text(path: Path) -> str:
    """The PDF's text, every run of white space made one space."""
    pdf = pdfium.PdfDocument(path)
    try:
        return " ".join(" ".join(page.get_textpage().get_text_range() for page in pdf).split())
    finally:
        pdf.close()


def _demo(planner, db: Path) -> str:  # type: ignore[no-untyped-def]
    assert planner("--db", db, "demo", "--cases", 300, "--today", "2026-11-25").code == 0
    (forecast,) = planner("--db", db, "forecast", "--as-of", "2026-11-25", "--json").json()
    return str(forecast["judge"])


def test_report_writes_the_forecast_charts_calendar_and_assumptions(planner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, out = tmp_path / "court.sqlite", tmp_path / "report.pdf"
    judge = _demo(planner, db)
    result = planner("report", "--db", db, "--judge", judge, "--out", out, "--as-of", "2026-11-25")
    assert result.code == 0, result.err
    assert str(out) in result.out

    database = Database.open(db)
    with database.transaction() as repo:
        stored = repo.judge_named(judge)
    assert stored is not None
    data = chart_data_for(database, stored, datetime(2026, 11, 25))
    f = with_age_targets(database, data.forecast)
    database.close()

    pdf = pdfium.PdfDocument(out)
    try:
        assert len(pdf) >= 8  # forecast, four charts, calendar, assumptions (and more)
        assert pdf.get_metadata_dict()["Title"] == f"Fiscal-year forecast: {judge}, FY 2027"
        # Every page renders, landscape, with something drawn on it.
        for page in pdf:
            image = page.render(scale=0.5).to_pil().convert("L")
            assert image.width > image.height
            inked = sum(image.histogram()[:128])
            assert inked > 0.002 * image.width * image.height
    finally:
        pdf.close()
    text = _text(out)
    # The forecast in words and numbers: the demo's FY 2027 is under the 2025 targets (no quota).
    assert "Measured against the 2025 targets (PM 25-47), from 12 Sep 2025" in text
    assert "Age targets (no quota)" in text
    assert f.age_targets
    assert " ".join(f.message.split()) in text
    assert "Detained within 60 days:" in text
    assert "Quota none under this rule set" in text
    assert f"Still needed {f.needed:,}" in text
    # The charts, titled.
    assert (
        "Completions, fiscal year 2027 2025 targets (PM 25-47), from 12 Sep 2025: no quota" in text
    )
    assert "Bench time by month, fiscal year 2027" in text
    assert f"Pending docket: {f.pending_cases:,} cases" in text
    assert "Hearing lengths:" in text
    # The calendar by month, every month's row, and the year's totals.
    assert "The calendar by month" in text
    for m in data.months:
        row = (
            f"{m.month:%B %Y} {m.workdays} {m.days_off} {m.leave_days} "
            f"{m.bench_minutes / 60:,.1f} {m.leave_minutes / 60:,.1f} "
            f"{m.booked_minutes / 60:,.1f} {m.free_minutes / 60:,.1f} {m.hearings:,} "
            f"{m.needed_minutes / 60:,.1f}"
        )
        assert row in text
    assert f"Fiscal year {sum(m.workdays for m in data.months)} " in text
    # The assumptions: work pattern, leave, lengths.
    assert "Work pattern (weekly sessions)" in text
    assert "Mon 08:30-12:00" in text
    assert "Leave and closures in this fiscal year" in text
    in_year = [e for e in data.leave if e.start.date() <= f.fy_end and e.last_day >= f.fy_start]
    assert f"{len(in_year)} leave entries" in text
    assert "Lengths (bench minutes per case)" in text
    asylum = data.judge.case_minutes["asylum"]
    assert f"asylum usual {asylum.default}, minimum {asylum.minimum}" in text


def test_report_of_an_unknown_judge_writes_nothing(planner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, out = tmp_path / "court.sqlite", tmp_path / "report.pdf"
    _demo(planner, db)
    result = planner("report", "--db", db, "--judge", "Nobody", "--out", out)
    assert result.code == 1
    assert "no judge named 'Nobody'" in result.err
    assert not out.exists()


@pytest.mark.parametrize("name", ["report.txt", "report"])
def test_report_must_be_a_pdf(planner, tmp_path, name) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "court.sqlite"
    judge = _demo(planner, db)
    result = planner("report", "--db", db, "--judge", judge, "--out", tmp_path / name)
    assert result.code == 1
    assert "the report is a PDF" in result.err
    assert not (tmp_path / name).exists()


def test_report_into_a_missing_folder_says_so(planner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "court.sqlite"
    judge = _demo(planner, db)
    out = tmp_path / "no such folder" / "report.pdf"
    result = planner("report", "--db", db, "--judge", judge, "--out", out, "--as-of", "2026-11-25")
    assert result.code == 1
    assert f"cannot write the report to {out}" in result.err


def test_a_docket_of_too_few_cases_is_not_reported_beyond_the_minimums(planner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """No shortening brings 50 cases to 700 completions: the report says so, with the command
    line's words, not "beyond the minimums"."""
    from datetime import date

    from planner.domain.docket import Case, Docket
    from planner.domain.judge import Judge

    db, out = tmp_path / "few.sqlite", tmp_path / "few.pdf"
    database = Database.open(db)
    with database.transaction() as repo:
        cases = tuple(Case(f"3{i:08d}", f"R{i}", "asylum", date(2025, 1, 1)) for i in range(50))
        repo.add_docket(Docket(Judge("Baker", rule_set="2018"), cases=cases))
    database.close()
    result = planner(
        "report", "--db", db, "--judge", "Baker", "--out", out, "--as-of", "2026-10-01"
    )
    assert result.code == 0, result.err
    text = _text(out)
    assert "Required shortening none would do: 650 cases short" in text
    assert "beyond the minimums" not in text
