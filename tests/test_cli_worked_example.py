"""shared/domain-model.md's worked example, imported as a docket file and run through the command.

A judge sits 8 bench hours on each workday of FY 2019 (1 Oct 2018 to 30 Sep 2019): 251 workdays,
2,008 hours. With 26 days of annual leave and 13 of sick leave (208 + 104 hours), 1,696 bench
hours remain: 1,696 / 700 = 2.42 hours per needed completion.

The docket holds 1,000 pending asylum cases (a 15-minute master hearing and a 180-minute merits
hearing each). The 8 hours are 4 master and 4 individual hours a day, two pools of 50,880 minutes:
merits hearings sit only in individual sessions, so K(1) = floor(50,880 / 180) = 282, and even at
the floors (an asylum case 120 minutes, 110.77 of them its merits share) only 459 fit: the quota
is unreachable at minimum lengths, 444.3 bench hours short in individual sessions.
tests/forecast/test_worked_example.py works the same figures, and the one-pool variant.
"""

import json
from pathlib import Path

import pytest


def _worked_example_file(path: Path) -> Path:
    days = ("mon", "tue", "wed", "thu", "fri")
    document = {
        "format": "judge-workload-planner/docket",
        "version": 1,
        "judge": {
            "name": "Worked Example",
            "court": "Anywhere",
            "timezone": "America/Chicago",
            "quota": 700,
            "fy_start": "10-01",
            "sessions": [
                {"weekday": day, "start": start, "end": end, "kind": kind}
                for day in days
                for start, end, kind in (
                    ("08:00", "12:00", "master"),
                    ("13:00", "17:00", "individual"),
                )
            ],
        },
        # 26 weekdays of annual leave and 13 of sick leave, in weeks without a federal holiday.
        "leave": [
            {"start": "2019-03-04", "end": "2019-04-08", "kind": "annual"},
            {"start": "2019-04-09", "end": "2019-04-25", "kind": "sick"},
        ],
        "cases": [
            {
                "a_number": f"A{200_000_000 + i}",
                "name": f"Respondent {i}",
                "kind": "asylum",
                "detained": False,
                "juvenile": False,
                "language": "Spanish",
                "represented": i % 5 != 0,
                "received": "2018-01-15",
                "status": "pending",
            }
            for i in range(1000)
        ],
    }
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return path


def test_worked_example_through_import_and_forecast(planner, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    docket = _worked_example_file(tmp_path / "worked-example.json")
    imported = planner("import", "--db", db_path, docket)
    assert imported.code == 0, imported.err
    result = planner("forecast", "--db", db_path, "--as-of", "2018-10-01", "--json")
    assert result.code == 0, result.err
    [forecast] = result.json()
    assert forecast["fiscal_year"] == 2019
    assert forecast["workdays_in_year"] == 251 - 39
    assert forecast["capacity_minutes"] == 101_760  # 1,696 hours
    assert forecast["minutes_per_needed_completion"] / 60 == pytest.approx(2.42, abs=0.005)
    assert forecast["needed"] == 700
    assert forecast["max_completions_at_current_lengths"] == 282
    assert forecast["max_completions_at_minimum_lengths"] == 459
    assert forecast["verdict"] == "unreachable_at_minimum_lengths"
    assert forecast["required_shortening_pct"] is None
    assert forecast["bench_hours_missing"] == pytest.approx(444.3, abs=0.05)
    assert "in individual sessions" in forecast["message"]
    assert [p["capacity_minutes"] for p in forecast["pools"]] == [50_880, 50_880]
    assert forecast["binding_pools"] == [["individual"]]
