"""Rule sets and age targets worked by hand, through ``planner import`` and ``planner forecast
--json``: a docket whose detained cases pass their 60 days on known dates, under the rule set in
force (the 2025 targets), the docket file's choice of the 2018 metrics, and a judge's own figures.

Fiscal year 2027 (1 Oct 2026 to 30 Sep 2027), forecast from Mon 2 Nov 2026. Every pending case
has its completing hearing booked (or only its first), so the auto-scheduler proposes nothing and
each completion day is read off the calendar:

| case | clock start | target end | completed | |
|---|---|---|---|---|
| D1 detained removal | 1 Oct 2026 | 30 Nov | 20 Nov (2nd master booked) | within |
| D2 detained removal | 5 Oct | 4 Dec | 15 Dec | passes 60 days on 5 Dec |
| D3 detained asylum | 10 Oct | 9 Dec | not (only its master booked) | passes on 10 Dec |
| D4 detained, done | 1 Sep | 31 Oct | 20 Oct 2026 | within |
| D5 detained, done | 1 Aug | 30 Sep | 15 Oct 2026 | late (already completed) |
| N1 removal | 1 Dec 2025 | 1 Dec 2026 | 25 Nov | within |
| N2 removal | 15 Oct 2026 | 15 Oct 2027 | 15 Jan 2027 | within |
| N3 asylum, filed 1 Jul 2026 | 1 Jun 2026 | 1 Jun 2027 | 1 Feb 2027 | within |
| N3's asylum clock | 1 Jul 2026 | 28 Dec 2026 | 1 Feb 2027 | passes 180 days on 29 Dec |
| M1 motion | 25 Oct 2026 | 14 Nov | 20 Nov | passes 20 days on 15 Nov |

Detained: D1 and D4 of five decided = 40%; D2 and D3 will pass, the first on 5 December.
"""

import csv
import io
import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.rules import AgeTarget, Clock
from planner.domain.vocabulary import (
    AdjournmentCause,
    CaseStatus,
    CompletionKind,
    HearingKind,
    HearingStatus,
    Party,
)
from planner.interchange.docket_json import write_docket

AS_OF = "2026-11-02"
M, I = HearingKind.MASTER, HearingKind.INDIVIDUAL  # noqa: E741


def _docket(judge: Judge) -> Docket:
    done = CaseStatus.COMPLETED
    removal = CompletionKind.REMOVAL_ORDER
    cases = (
        Case("100000001", "D1", "removal", date(2026, 10, 1), detained=True),
        Case("100000002", "D2", "removal", date(2026, 10, 5), detained=True),
        Case("100000003", "D3", "asylum", date(2026, 10, 10), detained=True),
        Case("100000004", "D4", "removal", date(2026, 9, 1), detained=True, status=done,
             completion_date=date(2026, 10, 20), completion_kind=removal),
        Case("100000005", "D5", "removal", date(2026, 8, 1), detained=True, status=done,
             completion_date=date(2026, 10, 15), completion_kind=removal),
        Case("100000006", "N1", "removal", date(2025, 12, 1)),
        Case("100000007", "N2", "removal", date(2026, 10, 15)),
        Case("100000008", "M1", "motion", date(2026, 10, 25)),
        Case("100000009", "N3", "asylum", date(2026, 6, 1), asylum_filed=date(2026, 7, 1)),
    )  # fmt: skip
    hearings = (
        Hearing("100000001", datetime(2026, 11, 20, 9, 0), 15, M),
        Hearing("100000002", datetime(2026, 12, 15, 9, 0), 15, M),
        Hearing("100000003", datetime(2026, 11, 10, 9, 0), 15, M),
        Hearing("100000006", datetime(2026, 11, 25, 9, 0), 15, M),
        Hearing("100000007", datetime(2027, 1, 15, 9, 0), 15, M),
        Hearing("100000008", datetime(2026, 11, 20, 10, 0), 25, HearingKind.MOTION),
        Hearing("100000009", datetime(2026, 11, 5, 9, 0), 15, M),
        Hearing("100000009", datetime(2027, 2, 1, 13, 0), 180, I),
    )
    return Docket(judge, cases=cases, hearings=hearings)


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


DETAINED = {
    "target": "detained within 60 days",
    "goal_pct": 95.0,
    "projected_pct": 40.0,
    "cases_missing": 2,
    "first_miss": "2026-12-05",
}
NON_DETAINED = {
    "target": "non-detained within 365 days",
    "goal_pct": 95.0,
    "projected_pct": 100.0,
    "cases_missing": 0,
    "first_miss": None,
}
MOTIONS = {
    "target": "motions within 20 days",
    "goal_pct": 85.0,
    "projected_pct": 0.0,
    "cases_missing": 1,
    "first_miss": "2026-11-15",
}
ASYLUM = {
    "target": "asylum applications within 180 days",
    "goal_pct": 100.0,
    "projected_pct": 0.0,
    "cases_missing": 1,
    "first_miss": "2026-12-29",
}
#: No case on the Dedicated Docket: no case counted.
DEDICATED = {
    "target": "Dedicated Docket within 300 days",
    "goal_pct": 100.0,
    "projected_pct": None,
    "cases_missing": 0,
    "first_miss": None,
}


def test_the_2025_targets_in_force_on_the_first_day(planner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    forecast = _forecast(planner, tmp_path, Judge("Vega"))
    assert forecast["rule_set"]["key"] == "2025"
    assert forecast["rule_set"]["name"] == "2025 targets (PM 25-47)"
    assert forecast["rule_set"]["effective"] == "2025-09-12"
    assert forecast["rule_set"]["quota"] is None
    assert forecast["age_targets"] == [DETAINED, NON_DETAINED, MOTIONS, ASYLUM, DEDICATED]
    # No quota: the sentence speaks of the targets, not of 700.
    message = forecast["message"]
    assert "700" not in message
    assert (
        "Detained within 60 days: 40% projected, goal 95%; 2 cases will pass 60 days, "
        "the first on 5 December" in message
    )
    # The quota's figures stay (every key of the contract), against the profile's figure.
    assert forecast["pending_cases"] == 7
    assert forecast["completed"] == 2


def test_the_docket_files_choice_of_the_2018_metrics(planner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    forecast = _forecast(planner, tmp_path, Judge("Vega", rule_set="2018"))
    assert forecast["rule_set"]["key"] == "2018"
    assert forecast["rule_set"]["quota"] == 700
    assert forecast["rule_set"]["unsatisfactory"] == 560
    # The 2018 metrics have no 60- or 365-day clocks: the motions benchmark and the asylum clock.
    assert forecast["age_targets"] == [MOTIONS, ASYLUM]
    assert forecast["verdict"] == "not_enough_cases"
    assert "700" in forecast["message"]


def test_a_judges_own_figures_replace_the_rule_sets(planner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Detained within 75 days, goal 80%: D2 (15 Dec is day 71) is now within, and so is D5,
    completed on its 75th day exactly (1 Aug + 75 = 15 Oct): 4 of 5. D3 passes on 25 December
    (10 Oct + 76 days)."""
    judge = Judge("Vega", age_targets=(AgeTarget(Clock.DETAINED, 75, 80.0),))
    forecast = _forecast(planner, tmp_path, judge)
    detained = forecast["age_targets"][0]
    assert detained == {
        "target": "detained within 75 days",
        "goal_pct": 80.0,
        "projected_pct": 80.0,
        "cases_missing": 1,
        "first_miss": "2026-12-25",
    }


def test_the_choice_and_settings_round_trip_through_export(planner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    judge = Judge("Vega", rule_set="own", age_targets=(AgeTarget(Clock.MOTIONS, 30, 90.0),))
    _forecast(planner, tmp_path, judge)
    out = tmp_path / "out.json"
    exported = planner(
        "export", "--db", tmp_path / "planner.sqlite", "--judge", "Vega", "--out", out
    )
    assert exported.code == 0, exported.err
    written = json.loads(out.read_text(encoding="utf-8"))["judge"]
    assert written["rule_set"] == "own"
    assert written["age_targets"] == [{"clock": "motions", "days": 30, "goal_pct": 90.0}]


def test_an_unknown_rule_set_in_a_docket_file_is_refused_in_one_line(
    planner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "docket.json"
    data = json.loads(write_docket(_docket(Judge("Vega"))))
    data["judge"]["rule_set"] = "2030"
    source.write_text(json.dumps(data), encoding="utf-8")
    result = planner("import", "--db", tmp_path / "planner.sqlite", source)
    assert result.code != 0
    assert "rule set '2030' is not one of" in result.err
    assert "Traceback" not in result.err


def test_administratively_closed_and_status_docket_cases_are_neither_work_nor_completions(
    planner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Two more detained cases, one administratively closed and one on the status docket, both
    long past 60 days: off the active docket, they are neither pending work nor completions,
    and no age target counts them. Every figure is the first test's; the docket lists them
    under their own status."""
    judge = Judge("Vega")
    docket = _docket(judge)
    off = (
        Case("100000010", "C1", "removal", date(2026, 6, 1), detained=True,
             status=CaseStatus.ADMIN_CLOSED),
        Case("100000011", "S1", "removal", date(2026, 5, 1), detained=True,
             status=CaseStatus.STATUS_DOCKET),
    )  # fmt: skip
    source = tmp_path / "docket.json"
    source.write_text(write_docket(replace(docket, cases=docket.cases + off)), encoding="utf-8")
    db = tmp_path / "planner.sqlite"
    assert planner("import", "--db", db, source).code == 0
    result = planner("forecast", "--db", db, "--as-of", AS_OF, "--json")
    assert result.code == 0, result.err
    (forecast,) = result.json()
    assert forecast["pending_cases"] == 7
    assert forecast["completed"] == 2
    assert forecast["age_targets"] == [DETAINED, NON_DETAINED, MOTIONS, ASYLUM, DEDICATED]
    exported = planner("export", "--db", db, "--judge", "Vega", "--out", tmp_path / "out.json")
    assert exported.code == 0, exported.err
    written = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["cases"]
    statuses = {case["name"]: case["status"] for case in written}
    assert (statuses["C1"], statuses["S1"]) == ("admin_closed", "status_docket")


def test_the_dedicated_dockets_300_days_from_the_first_master_hearing(
    planner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Two more cases on the Dedicated Docket, not detained, worked by hand:

    | case | first master hearing | 300 days end | completed | |
    |---|---|---|---|---|
    | F1 removal, received 1 Jun 2026 | 1 Jul 2026 (held) | 27 Apr 2027 | 10 May 2027 (2nd master booked) | passes on 28 Apr 2027 |
    | F2 removal, received 1 Sep 2026 | 16 Nov 2026 (booked) | 12 Sep 2027 | 11 Jan 2027 | within |

    Dedicated Docket: 1 of 2 = 50%, F1 passes 300 days on 28 April. Both are within their 365
    non-detained days (1 Jun and 1 Sep 2027): the other figures are the first test's. Under the
    2018 metrics there is no such clock. The docket file and the export keep the flag."""
    judge = Judge("Vega")
    docket = _docket(judge)
    held = HearingStatus.HELD
    families = (
        Case("100000012", "F1", "removal", date(2026, 6, 1), dedicated_docket=True),
        Case("100000013", "F2", "removal", date(2026, 9, 1), dedicated_docket=True),
    )
    booked = (
        Hearing("100000012", datetime(2026, 7, 1, 9, 0), 15, M, status=held),
        Hearing("100000012", datetime(2027, 5, 10, 9, 0), 15, M),
        Hearing("100000013", datetime(2026, 11, 16, 9, 0), 15, M),
        Hearing("100000013", datetime(2027, 1, 11, 9, 0), 15, M),
    )
    whole = replace(docket, cases=docket.cases + families, hearings=docket.hearings + booked)
    source = tmp_path / "docket.json"
    source.write_text(write_docket(whole), encoding="utf-8")
    db = tmp_path / "planner.sqlite"
    assert planner("import", "--db", db, source).code == 0
    result = planner("forecast", "--db", db, "--as-of", AS_OF, "--json")
    assert result.code == 0, result.err
    (forecast,) = result.json()
    assert forecast["pending_cases"] == 9
    assert forecast["age_targets"] == [
        DETAINED,
        NON_DETAINED,
        MOTIONS,
        ASYLUM,
        {
            "target": "Dedicated Docket within 300 days",
            "goal_pct": 100.0,
            "projected_pct": 50.0,
            "cases_missing": 1,
            "first_miss": "2027-04-28",
        },
    ]
    exported = planner("export", "--db", db, "--judge", "Vega", "--out", tmp_path / "out.json")
    assert exported.code == 0, exported.err
    written = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["cases"]
    flags = {case["name"]: case["dedicated_docket"] for case in written}
    assert (flags["F1"], flags["F2"], flags["D1"]) == (True, True, False)
    # The 2018 metrics have no Dedicated Docket clock.
    data = json.loads(source.read_text(encoding="utf-8"))
    data["judge"]["rule_set"] = "2018"
    source.write_text(json.dumps(data), encoding="utf-8")
    db2018 = tmp_path / "planner2018.sqlite"
    assert planner("import", "--db", db2018, source).code == 0
    result = planner("forecast", "--db", db2018, "--as-of", AS_OF, "--json")
    (forecast,) = result.json()
    assert forecast["age_targets"] == [MOTIONS, ASYLUM]


def test_the_cases_csv_export_carries_continuances_and_the_dedicated_docket(
    planner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """``planner export`` to CSV: each case's continuances (its adjourned hearings, with their
    reasons and who asked kept on the hearings) and its Dedicated Docket flag; the file imports
    back unchanged (the count is read, not stored)."""
    judge = Judge("Vega")
    docket = _docket(judge)
    adjourned = HearingStatus.ADJOURNED
    continuances = (
        Hearing("100000002", datetime(2026, 10, 12, 9, 0), 15, M, adjourned,
                "respondent to seek counsel", adjournment_cause=AdjournmentCause.COUNSEL,
                adjourned_by=Party.RESPONDENT),
        Hearing("100000002", datetime(2026, 10, 26, 9, 0), 15, M, adjourned,
                "DHS did not produce the respondent",
                adjournment_cause=AdjournmentCause.DHS_NOT_READY, adjourned_by=Party.DHS),
    )  # fmt: skip
    family = Case("100000012", "F1", "removal", date(2026, 6, 1), dedicated_docket=True)
    whole = replace(docket, cases=(*docket.cases, family), hearings=docket.hearings + continuances)
    source = tmp_path / "docket.json"
    source.write_text(write_docket(whole), encoding="utf-8")
    db = tmp_path / "planner.sqlite"
    assert planner("import", "--db", db, source).code == 0
    out = tmp_path / "cases.csv"
    exported = planner("export", "--db", db, "--judge", "Vega", "--out", out)
    assert exported.code == 0, exported.err
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))}
    assert (rows["D2"]["continuances"], rows["D1"]["continuances"]) == ("2", "0")
    assert (rows["F1"]["dedicated_docket"], rows["D2"]["dedicated_docket"]) == ("yes", "no")
    again = planner("import", "--db", db, out)
    assert again.code == 0, again.err
    json_out = tmp_path / "again.json"
    assert planner("export", "--db", db, "--judge", "Vega", "--out", json_out).code == 0
    hearings = json.loads(json_out.read_text(encoding="utf-8"))["hearings"]
    asked = sorted(
        (h["adjournment_cause"], h["adjourned_by"]) for h in hearings if h["status"] == "adjourned"
    )
    assert asked == [("counsel", "respondent"), ("dhs_not_ready", "dhs")]
