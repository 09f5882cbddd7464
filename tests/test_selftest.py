"""``planner --self-test`` from source: every step passes, a broken step fails with its name."""

from pathlib import Path

import pytest

from planner import selftest


def test_self_test_passes_every_step_and_leaves_the_users_data_alone(
    planner, private_data_folder: Path
) -> None:
    result = planner("--self-test")

    assert result.code == 0, result.out + result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("planner ")
    for step in ("database", "demo docket", "main window", "forecast help", "forecast", "pdf"):
        assert any(line.startswith(f"ok    {step}: ") for line in lines), result.out
    assert "1 judge with 300 pending cases" in result.out
    assert lines[-1] == "self-test passed"
    # Nothing in the user's data or settings folders: the test used a temporary one.
    assert not any((private_data_folder / "data").rglob("*.sqlite"))
    assert not any((private_data_folder / "config").rglob("*"))


def test_a_step_that_fails_is_named_and_the_exit_code_is_1(
    planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_pdf(database: object, judge_name: str, path: Path) -> None:
        path.write_text(judge_name)  # not a PDF

    monkeypatch.setattr(selftest, "write_report_pdf", broken_pdf)

    result = planner("--self-test")

    assert result.code == 1
    assert "FAIL  pdf: report.pdf does not start with %PDF" in result.out
    assert result.out.splitlines()[-1] == "self-test FAILED at: pdf"
    assert "ok    forecast: " in result.out
