"""``planner --self-test`` from source: every step passes, a broken step fails with its name."""

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from planner import selftest

#: 00:30 UTC on 1 October 2027: in Los Angeles, where the demo judge sits, still 30 September,
#: the fiscal year's last day, late in the afternoon.
NOW = datetime(2027, 10, 1, 0, 30, tzinfo=UTC)


def _self_test(now: datetime = NOW) -> tuple[int, str]:
    out = io.StringIO()
    code = selftest.run_self_test(out, now=now)
    return code, out.getvalue()


@pytest.mark.parametrize("now", [NOW, datetime(2028, 2, 29, 15, tzinfo=UTC)])
def test_self_test_passes_every_step_and_leaves_the_users_data_alone(
    private_data_folder: Path, now: datetime
) -> None:
    code, out = _self_test(now)

    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].startswith("planner ")
    for step in ("database", "demo docket", "main window", "forecast help", "forecast", "pdf"):
        assert any(line.startswith(f"ok    {step}: ") for line in lines), out
    assert "1 judge with 300 pending cases" in out
    assert lines[-1] == "self-test passed"
    # Nothing in the user's data or settings folders: the test used a temporary one.
    assert not any((private_data_folder / "data").rglob("*.sqlite"))
    assert not any((private_data_folder / "config").rglob("*"))


def test_a_step_that_fails_is_named_and_the_exit_code_is_1(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_pdf(database: object, judge_name: str, path: Path, as_of: object) -> None:
        path.write_text(judge_name)  # not a PDF

    monkeypatch.setattr(selftest, "write_report_pdf", broken_pdf)

    code, out = _self_test()

    assert code == 1
    assert "FAIL  pdf: report.pdf does not start with %PDF" in out
    assert out.splitlines()[-1] == "self-test FAILED at: pdf"
    assert "ok    forecast: " in out
