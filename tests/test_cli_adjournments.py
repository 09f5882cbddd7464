"""Continuances in the forecast, worked by hand through ``planner import`` and ``planner forecast
--json`` (docs/forecast.md, "Adjournments").

Fiscal year 2027, forecast from Mon 2 Nov 2026, the standard week, the quota 700. The history: five
removal cases completed in September 2026 (fiscal year 2026: none counts this year), two hearings
each, ten outcomes recorded: eight held, two adjourned. The observed rate is 2 / 10 = 0.2.

Pending: four removal cases of 30 minutes each (two master hearings of 15), 120 minutes in the
master pool and 8 hearings still to hold; one of them has its first master hearing booked on
16 Nov (15 minutes of its 30). With p = 0.2 each hearing is expected to sit 1 / (1 - 0.2) = 1.25
times: the cases need 120 x 1.25 = 150 minutes, 8 x 0.2 / 0.8 = 2 adjourned sittings more, and
150 - 120 = 30 minutes more.
"""

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.vocabulary import CaseStatus, CompletionKind, HearingKind, HearingStatus
from planner.interchange.docket_json import write_docket

AS_OF = "2026-11-02"
MASTER = HearingKind.MASTER


def _docket(judge: Judge) -> Docket:
    done, removal = CaseStatus.COMPLETED, CompletionKind.REMOVAL_ORDER
    history = tuple(
        Case(f"20000000{i}", f"Done {i}", "removal", date(2026, 6, 1), status=done,
             completion_date=date(2026, 9, 25), completion_kind=removal)
        for i in range(1, 6)
    )  # fmt: skip
    pending = tuple(
        Case(f"10000000{i}", f"Pending {i}", "removal", date(2026, 10, 1)) for i in range(1, 5)
    )
    outcomes = []
    for i in range(1, 6):
        for day in (8, 15):
            adjourned = (i, day) in {(1, 8), (2, 8)}
            outcomes.append(
                Hearing(
                    f"20000000{i}",
                    datetime(2026, 9, day + i, 9, 0),
                    15,
                    MASTER,
                    status=HearingStatus.ADJOURNED if adjourned else HearingStatus.HELD,
                    adjournment_reason="DHS not ready" if adjourned else None,
                )
            )
    booked = Hearing("100000001", datetime(2026, 11, 16, 9, 0), 15, MASTER)
    return Docket(judge, cases=history + pending, hearings=(*outcomes, booked))


def _forecast(planner: Callable[..., Any], tmp_path: Path, judge: Judge) -> dict[str, Any]:
    source = tmp_path / "docket.json"
    source.write_text(write_docket(_docket(judge)), encoding="utf-8")
    db = tmp_path / "planner.sqlite"
    imported = planner("import", "--db", db, source)
    assert imported.code == 0, imported.err
    result = planner("forecast", "--db", db, "--as-of", AS_OF, "--json")
    assert result.code == 0, result.err
    (forecast,) = result.json()
    return forecast  # type: ignore[no-any-return]


def _master(forecast: dict[str, Any]) -> dict[str, Any]:
    (pool,) = [p for p in forecast["pools"] if "master" in p["session_kinds"]]
    return pool  # type: ignore[no-any-return]


def test_the_observed_rate_counts_a_quarter_more_hearings(
    planner: Callable[..., Any], tmp_path: Path
) -> None:
    judge = Judge("Judge Rate", adjournment_history=10)
    forecast = _forecast(planner, tmp_path, judge)
    assert forecast["adjournment_rate"] == 0.2
    assert forecast["adjournment_rate_source"] == "observed"
    assert forecast["adjournment_history"] == {
        "recorded_outcomes": 10,
        "adjourned": 2,
        "needed": 10,
    }
    assert forecast["pending_cases"] == 4
    assert forecast["hearings_to_hold"] == 8
    assert forecast["extra_hearings"] == 2.0
    assert forecast["extra_hearing_minutes"] == 30.0
    assert _master(forecast)["needed_minutes"] == 150.0  # 120 x 1.25
    assert forecast["booked_minutes"] == 15.0
    text = planner("forecast", "--db", tmp_path / "planner.sqlite", "--as-of", AS_OF).out
    assert "Adjournments                20% (observed: 2 of 10 outcomes): 2.0 extra " in text
    assert "hearings, 0.5 h counted" in text


def test_below_the_history_the_setting_is_used(planner: Callable[..., Any], tmp_path: Path) -> None:
    # Ten outcomes, the default history of 20: the profile's 10% is used, not the observed 20%.
    forecast = _forecast(planner, tmp_path, Judge("Judge Rate", adjournment_rate_pct=10.0))
    assert forecast["adjournment_rate"] == 0.1
    assert forecast["adjournment_rate_source"] == "setting"
    assert forecast["adjournment_history"]["needed"] == 20
    assert forecast["adjournment_history"]["recorded_outcomes"] == 10
    # 120 / 0.9 = 133.33 minutes; 8 x 0.1 / 0.9 = 0.89 extra hearings; 133.33 x 0.1 minutes.
    assert _master(forecast)["needed_minutes"] == 133.3
    assert forecast["extra_hearings"] == 0.9
    assert forecast["extra_hearing_minutes"] == 13.3


def test_at_rate_zero_every_figure_is_as_without_continuances(
    planner: Callable[..., Any], tmp_path: Path
) -> None:
    # The default setting (0%) below the history: no minute more, no extra hearing.
    forecast = _forecast(planner, tmp_path, Judge("Judge Rate"))
    assert forecast["adjournment_rate"] == 0.0
    assert forecast["adjournment_rate_source"] == "setting"
    assert forecast["extra_hearings"] == 0.0
    assert forecast["extra_hearing_minutes"] == 0.0
    assert _master(forecast)["needed_minutes"] == 120.0
    assert forecast["hearings_to_hold"] == 8


def test_the_docket_file_carries_the_settings(planner: Callable[..., Any], tmp_path: Path) -> None:
    judge = Judge("Judge Rate", adjournment_rate_pct=12.5, adjournment_history=40)
    text = write_docket(_docket(judge))
    written = json.loads(text)["judge"]
    assert written["adjournment_rate_pct"] == 12.5
    assert written["adjournment_history"] == 40
    assert "adjournment_rate_pct" not in json.loads(write_docket(_docket(Judge("J"))))["judge"]
    source = tmp_path / "docket.json"
    source.write_text(text, encoding="utf-8")
    db = tmp_path / "planner.sqlite"
    assert planner("import", "--db", db, source).code == 0
    exported = tmp_path / "back.json"
    result = planner("export", "--db", db, "--out", exported)
    assert result.code == 0, result.err
    back = json.loads(exported.read_text(encoding="utf-8"))["judge"]
    assert (back["adjournment_rate_pct"], back["adjournment_history"]) == (12.5, 40)


def test_a_rate_out_of_bounds_is_refused_in_one_line(
    planner: Callable[..., Any], tmp_path: Path
) -> None:
    document = json.loads(write_docket(_docket(Judge("Judge Rate"))))
    document["judge"]["adjournment_rate_pct"] = 95
    source = tmp_path / "docket.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    result = planner("import", "--db", tmp_path / "planner.sqlite", source)
    assert result.code != 0
    assert "judge: adjournment rate 95.0% must be a number from 0% to 90%" in result.err
    assert "Traceback" not in result.err


def test_every_adjourned_hearing_is_capped_at_nine_in_ten(
    planner: Callable[..., Any], tmp_path: Path
) -> None:
    docket = _docket(Judge("Judge Rate", adjournment_history=10))
    adjourned = tuple(
        replace(h, status=HearingStatus.ADJOURNED, adjournment_reason="court's own")
        if h.status is HearingStatus.HELD
        else h
        for h in docket.hearings
    )
    source = tmp_path / "docket.json"
    source.write_text(write_docket(replace(docket, hearings=adjourned)), encoding="utf-8")
    db = tmp_path / "planner.sqlite"
    assert planner("import", "--db", db, source).code == 0
    (forecast,) = planner("forecast", "--db", db, "--as-of", AS_OF, "--json").json()
    assert forecast["adjournment_history"]["adjourned"] == 10
    assert forecast["adjournment_rate"] == 0.9  # 10 / 10, capped: 1 / (1 - p) stays finite
    assert _master(forecast)["needed_minutes"] == 1200.0  # 120 x 10
