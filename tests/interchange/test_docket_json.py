"""The docket file: written and read back losslessly, and refused whole with every problem named."""

import json
import string
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import MASTER_CALENDAR_KINDS, Judge, KindMinutes, Session
from planner.domain.records import replace
from planner.domain.text import BIDI_CONTROLS
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import (
    DEFAULT_CASE_MINUTES,
    CaseStatus,
    CompletionKind,
    HearingKind,
    HearingMedium,
    HearingStatus,
    LeaveKind,
    SessionKind,
)
from planner.interchange.docket_json import (
    FORMAT,
    VERSION,
    docket_to_json,
    read_docket,
    write_docket,
)
from planner.interchange.problems import ImportRefused
from planner.store.database import Database

# Generated dockets --------------------------------------------------------------------------

# Text the database stores as it is: no control characters or lone surrogates.
_TEXT = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), exclude_characters=BIDI_CONTROLS),
    min_size=1,
    max_size=30,
).filter(str.strip)
_DAYS = st.dates(date(1990, 1, 1), date(2040, 12, 31))
_MOMENTS = st.datetimes(datetime(1990, 1, 1), datetime(2040, 12, 31))
_KIND_NAMES = st.sampled_from(sorted(DEFAULT_CASE_MINUTES)) | st.text(
    string.ascii_lowercase + "_", min_size=1, max_size=20
)


@st.composite
def kind_minutes(draw: st.DrawFn) -> KindMinutes:
    minimum = draw(st.integers(1, 600))
    return KindMinutes(draw(st.integers(minimum, 900)), minimum)


def _whole_minutes(start: time, end: time) -> list[time]:
    first = datetime.combine(date.min, start).replace(second=0, microsecond=0)
    last = datetime.combine(date.min, end)
    return [
        moment.time()
        for moment in (first + timedelta(minutes=m) for m in range(1, 4))
        if moment < last
    ]


@st.composite
def sessions(draw: st.DrawFn) -> tuple[Session, ...]:
    starts = draw(
        st.lists(st.tuples(st.integers(0, 6), st.times(time(0), time(22))), max_size=8, unique=True)
    )
    found = []
    ordered = sorted(starts)
    for index, (weekday, start) in enumerate(ordered):
        # A session ends by the next one of its day begins: a weekly template never overlaps.
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        limit = following[1] if following and following[0] == weekday else time(23, 59)
        earliest = (datetime.combine(date.min, start) + timedelta(microseconds=1)).time()
        end = draw(st.times(earliest, limit))
        kind = draw(st.sampled_from(SessionKind))
        language = draw(st.none() | _TEXT)
        if kind in MASTER_CALENDAR_KINDS and draw(st.booleans()):
            # A master calendar: a limit, and call times inside the session.
            calls = draw(
                st.lists(st.sampled_from([start, *_whole_minutes(start, end)]), max_size=3)
            )
            found.append(
                Session(
                    weekday, start, end, kind, language, draw(st.integers(1, 500)), tuple(calls)
                )
            )
            continue
        found.append(Session(weekday, start, end, kind, language))
    return tuple(found)


@st.composite
def judges(draw: st.DrawFn) -> Judge:
    return Judge(
        name=draw(_TEXT),
        court=draw(st.just("") | _TEXT),
        timezone=draw(st.sampled_from(["America/Los_Angeles", "America/New_York", "UTC"])),
        quota=draw(st.integers(0, 2000)),
        fy_start_month=draw(st.integers(1, 12)),
        fy_start_day=draw(st.integers(1, 28)),
        sessions=draw(sessions()),
        case_minutes=draw(st.dictionaries(_KIND_NAMES, kind_minutes(), min_size=1, max_size=6)),
        hearing_minutes=draw(st.dictionaries(st.sampled_from(HearingKind), kind_minutes())),
        counted_completions=draw(st.frozensets(st.sampled_from(CompletionKind))),
        at_risk_slack_pct=draw(st.floats(0, 99.99, allow_nan=False)),
    )


@st.composite
def leave(draw: st.DrawFn) -> Leave:
    kind = draw(st.sampled_from(LeaveKind))
    if draw(st.booleans()):
        first = draw(_DAYS)
        return Leave.days(first, first + timedelta(days=draw(st.integers(0, 20))), kind)
    start = draw(_MOMENTS)
    return Leave(start, start + timedelta(minutes=draw(st.integers(1, 3000))), kind)


@st.composite
def cases(draw: st.DrawFn, a_number: str, kinds: list[str]) -> Case:
    completed = draw(st.booleans())
    received = draw(_DAYS)
    done = draw(_DAYS) if completed else None
    return Case(
        a_number=a_number,
        name=draw(_TEXT),
        kind=draw(st.sampled_from(kinds)),
        received=min(received, done) if done else received,  # never completed before it
        detained=draw(st.booleans()),
        juvenile=draw(st.booleans()),
        language=draw(_TEXT),
        represented=draw(st.booleans()),
        status=CaseStatus.COMPLETED if completed else CaseStatus.PENDING,
        completion_date=done,
        completion_kind=draw(st.sampled_from(CompletionKind)) if completed else None,
        remaining_minutes=draw(st.none() | st.integers(1, 5000)),
        asylum_filed=draw(st.none() | _DAYS),
        nta_served=draw(st.none() | _DAYS),
        attorney=draw(st.none() | _TEXT),
    )


@st.composite
def hearings(draw: st.DrawFn, a_numbers: list[str]) -> Hearing:
    status = draw(st.sampled_from(HearingStatus))
    reason = draw(_TEXT) if status is HearingStatus.ADJOURNED else draw(st.none() | _TEXT)
    return Hearing(
        a_number=draw(st.sampled_from(a_numbers)),
        start=draw(_MOMENTS),
        minutes=draw(st.integers(1, 600)),
        kind=draw(st.sampled_from(HearingKind)),
        status=status,
        adjournment_reason=reason,
        medium=draw(st.sampled_from(HearingMedium)),
    )


@st.composite
def dockets(draw: st.DrawFn) -> Docket:
    judge = draw(judges())
    a_numbers = draw(st.lists(st.from_regex(r"[0-9]{9}", fullmatch=True), max_size=12, unique=True))
    kinds = sorted(judge.case_minutes)
    # Closures on weekdays, or on a weekend day the judge sits (the model's rule).
    sitting = {session.weekday for session in judge.sessions}
    closure_days = draw(
        st.lists(
            _DAYS.filter(lambda day: day.weekday() < 5 or day.weekday() in sitting),
            max_size=4,
            unique=True,
        )
    )
    entries = draw(st.lists(leave(), max_size=5, unique_by=lambda entry: entry.start))
    return Docket(
        judge=judge,
        closures=tuple(Closure(day, draw(_TEXT)) for day in closure_days),
        leave=tuple(entries),
        cases=tuple(draw(cases(a_number, kinds)) for a_number in a_numbers),
        hearings=tuple(draw(st.lists(hearings(a_numbers), max_size=15))) if a_numbers else (),
    )


# Round trips --------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(dockets())
def test_a_written_docket_reads_back_equal(docket: Docket) -> None:
    text = write_docket(docket)
    assert read_docket(text) == docket
    assert write_docket(read_docket(text)) == text


@pytest.fixture(scope="module")
def memory_database(tmp_path_factory: pytest.TempPathFactory) -> Database:
    database = Database.open(tmp_path_factory.mktemp("store") / "dockets.sqlite")
    yield database
    database.close()


def _without_ids(docket: Docket) -> Docket:
    return replace(
        docket,
        judge=replace(docket.judge, id=None),
        cases=tuple(replace(case, id=None) for case in docket.cases),
        hearings=tuple(replace(hearing, id=None) for hearing in docket.hearings),
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(dockets())
def test_a_stored_docket_survives_export_and_import(
    memory_database: Database, docket: Docket
) -> None:
    """Store, export, import under the same name elsewhere, export again: the same file and
    the same docket apart from ids."""
    with memory_database.transaction() as repo:
        first = repo.load_docket(repo.add_docket(docket))
        repo.remove_judge(first.judge.id or 0)
    text = write_docket(first)
    with memory_database.transaction() as repo:
        second = repo.load_docket(repo.add_docket(read_docket(text)))
        repo.remove_judge(second.judge.id or 0)
    assert write_docket(second) == text
    assert _without_ids(second) == _without_ids(first)


# The layout ---------------------------------------------------------------------------------


def _small_docket() -> Docket:
    judge = Judge(
        "Ana Ruiz",
        court="Los Angeles",
        timezone="America/Los_Angeles",
        sessions=(Session(0, time(8, 30), time(12), SessionKind.MASTER, "Spanish"),),
    )
    return Docket(
        judge,
        closures=(Closure(date(2026, 12, 24), "Executive order"),),
        leave=(
            Leave.days(date(2026, 12, 21), date(2026, 12, 23)),
            Leave(datetime(2026, 11, 3, 13), datetime(2026, 11, 3, 16, 30), LeaveKind.SICK),
        ),
        cases=(
            Case("A012-345-678", "Núñez, José", "asylum", date(2025, 3, 1), detained=True),
            Case(
                "123456789",
                "Li Wei",
                "removal",
                date(2024, 5, 6),
                status=CaseStatus.COMPLETED,
                completion_date=date(2026, 10, 9),
                completion_kind=CompletionKind.IN_ABSENTIA,
            ),
        ),
        hearings=(Hearing("012345678", datetime(2026, 10, 5, 8, 30), 15, HearingKind.MASTER),),
    )


def test_the_file_spells_values_as_documented() -> None:
    data = docket_to_json(_small_docket())
    assert data["format"] == FORMAT
    assert data["version"] == VERSION
    assert list(data) == ["format", "version", "judge", "closures", "leave", "cases", "hearings"]
    judge = data["judge"]
    assert judge["fy_start"] == "10-01"
    assert judge["sessions"] == [
        {
            "weekday": "mon",
            "start": "08:30",
            "end": "12:00",
            "kind": "master",
            "language": "Spanish",
        }
    ]
    assert judge["case_kinds"]["asylum"] == {"default_minutes": 195, "minimum_minutes": 120}
    assert list(judge["case_kinds"]) == sorted(judge["case_kinds"])
    assert judge["counted_completions"][0] == "removal_order"
    assert data["leave"] == [
        {"start": "2026-12-21", "end": "2026-12-23", "kind": "annual"},
        {"start": "2026-11-03T13:00", "end": "2026-11-03T16:30", "kind": "sick"},
    ]
    asylum, completed = data["cases"]
    assert asylum["a_number"] == "012345678"
    assert asylum["detained"] is True
    assert asylum["received"] == "2025-03-01"
    assert asylum["completion_date"] is None
    assert completed["completion_kind"] == "in_absentia"
    assert data["hearings"] == [
        {
            "a_number": "012345678",
            "start": "2026-10-05T08:30",
            "minutes": 15,
            "kind": "master",
            "status": "scheduled",
            "adjournment_reason": None,
            "medium": "in_person",
            "adjournment_cause": None,
            "adjourned_by": None,
        }
    ]


def test_the_text_keeps_accents_and_ends_with_a_newline() -> None:
    text = write_docket(_small_docket())
    assert '"name": "Núñez, José"' in text
    assert text.endswith("}\n")


def test_seconds_are_written_only_when_a_time_has_them() -> None:
    docket = replace(
        _small_docket(),
        hearings=(Hearing("012345678", datetime(2026, 10, 5, 8, 30, 15), 15, HearingKind.MASTER),),
    )
    assert docket_to_json(docket)["hearings"][0]["start"] == "2026-10-05T08:30:15"
    assert read_docket(write_docket(docket)) == docket


# Reading what people write ------------------------------------------------------------------


def _minimal() -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": 1,
        "judge": {"name": "Ana Ruiz", "timezone": "America/Chicago"},
        "cases": [
            {
                "a_number": "A123-456-789",
                "name": "Maria Lopez",
                "kind": "asylum",
                "detained": False,
                "juvenile": False,
                "language": "Spanish",
                "represented": True,
                "received": "2025-01-31",
                "status": "pending",
            }
        ],
        "hearings": [
            {
                "a_number": "123456789",
                "start": "2026-10-05T08:30",
                "minutes": 15,
                "kind": "master",
                "status": "scheduled",
            }
        ],
    }


def _refusal(data: object) -> ImportRefused:
    with pytest.raises(ImportRefused) as refused:
        read_docket(json.dumps(data), "clerk.json")
    return refused.value


def test_a_minimal_file_takes_the_documented_defaults() -> None:
    docket = read_docket(json.dumps(_minimal()))
    judge = docket.judge
    assert (judge.quota, judge.fy_start_month, judge.fy_start_day) == (700, 10, 1)
    assert judge.court == ""
    assert judge.timezone == "America/Chicago"
    assert judge.case_minutes == Judge("x").case_minutes
    assert len(judge.sessions) == 10
    assert docket.closures == docket.leave == ()
    case = docket.cases[0]
    assert case.a_number == "123456789"
    assert case.represented is True
    assert (case.remaining_minutes, case.attorney, case.asylum_filed) == (None, None, None)
    assert docket.hearings[0].start == datetime(2026, 10, 5, 8, 30)
    assert docket.hearings[0].medium is HearingMedium.IN_PERSON  # a file without the medium


def test_the_medium_is_read_and_a_bad_one_is_named() -> None:
    data = _minimal()
    data["hearings"][0]["medium"] = "video"
    assert read_docket(json.dumps(data)).hearings[0].medium is HearingMedium.VIDEO
    data["hearings"][0]["medium"] = "carrier pigeon"
    with pytest.raises(ImportRefused) as refused:
        read_docket(json.dumps(data))
    assert "hearings[0].medium" in str(refused.value)


def test_whole_day_leave_covers_both_dates_and_part_day_leave_ends_when_it_says() -> None:
    data = _minimal()
    data["leave"] = [
        {"start": "2026-12-21", "end": "2026-12-23", "kind": "annual"},
        {"start": "2026-11-03T13:00", "end": "2026-11-03T16:30", "kind": "training"},
    ]
    whole, part = read_docket(json.dumps(data)).leave
    assert whole.all_day
    assert (whole.start, whole.end) == (datetime(2026, 12, 21), datetime(2026, 12, 24))
    assert not part.all_day
    assert part.end == datetime(2026, 11, 3, 16, 30)


def test_an_empty_sessions_list_means_no_sessions_not_the_standard_week() -> None:
    data = _minimal()
    data["judge"]["sessions"] = []
    assert read_docket(json.dumps(data)).judge.sessions == ()


def test_every_problem_is_listed_with_its_path() -> None:
    data = _minimal()
    data["judge"]["quota"] = "700"
    data["judge"]["sessions"] = [
        {"weekday": "funday", "start": "8:30", "end": "12:00", "kind": "master"}
    ]
    data["cases"][0]["received"] = "2025-02-30"
    data["cases"][0]["detained"] = "yes"
    data["cases"].append(dict(data["cases"][0], received="2025-01-01", detained=True))
    data["hearings"][0]["minutes"] = True
    data["leave"] = [{"start": "2026-12-21", "end": "2026-12-21T12:00", "kind": "annual"}]
    refused = _refusal(data)
    where = [problem.where for problem in refused.problems]
    assert where == [
        "judge.quota",
        "judge.sessions[0].weekday",
        "judge.sessions[0].start",
        "leave[0]",
        "cases[0].detained",
        "cases[0].received",
        "cases[1].a_number",
        "hearings[0].minutes",
    ]
    text = str(refused)
    assert text.splitlines()[0] == "nothing was imported: 8 problems in clerk.json"
    assert "cases[0].received: '2025-02-30' is not a date in the form YYYY-MM-DD" in text
    assert "(case A123-456-789)" in text
    assert "cases[1].a_number: A123-456-789 is already on the docket as cases[0]" in text
    assert "hearings[0].minutes: expected a whole number, found true" in text


@pytest.mark.parametrize(
    ("place", "path"),
    [
        (lambda d: d, "extra"),
        (lambda d: d["judge"], "judge.extra"),
        (lambda d: d["cases"][0], "cases[0].extra"),
        (lambda d: d["hearings"][0], "hearings[0].extra"),
    ],
)
def test_unknown_fields_are_refused_not_dropped(place: Any, path: str) -> None:
    data = _minimal()
    place(data)["extra"] = 1
    refused = _refusal(data)
    assert len(refused.problems) == 1
    assert str(refused.problems[0]).startswith(f"{path}: unknown field 'extra'")


def test_a_missing_required_field_is_named() -> None:
    data = _minimal()
    del data["cases"][0]["received"]
    del data["judge"]["timezone"]
    assert {str(p).split(" (case")[0] for p in _refusal(data).problems} == {
        "judge: missing the required field 'timezone'",
        "cases[0]: missing the required field 'received'",
    }


def test_a_key_given_twice_is_refused() -> None:
    text = json.dumps(_minimal()).replace('"name": "Ana Ruiz"', '"name": "Ana", "name": "Bo"')
    with pytest.raises(ImportRefused, match=r"judge\.name: appears twice"):
        read_docket(text)


def test_a_newer_version_is_refused_with_a_message() -> None:
    data = _minimal()
    data["version"] = 2
    data["something_new"] = True
    refused = _refusal(data)
    assert len(refused.problems) == 1
    assert "version 2, written by a newer Planner" in str(refused)
    assert "reads version 1" in str(refused)


@pytest.mark.parametrize("value", ["judge-workload-planner/cases", None])
def test_another_format_is_refused(value: object) -> None:
    data = _minimal()
    data["format"] = value
    with pytest.raises(ImportRefused, match="not a Planner docket file"):
        read_docket(json.dumps(data))


def test_a_file_without_a_format_is_refused() -> None:
    data = _minimal()
    del data["format"]
    with pytest.raises(ImportRefused, match="has no 'format' field"):
        read_docket(json.dumps(data))


@pytest.mark.parametrize("version", ["1", 0, 1.0, True])
def test_a_version_must_be_a_positive_whole_number(version: object) -> None:
    data = _minimal()
    data["version"] = version
    with pytest.raises(ImportRefused, match=r"version: .* is not a format version"):
        read_docket(json.dumps(data))


def test_invalid_json_is_reported_by_line_and_column() -> None:
    with pytest.raises(ImportRefused) as refused:
        read_docket('{\n  "format": "x",,\n}', "broken.json")
    assert str(refused.value.problems[0]).startswith("line 2, column 17: this is not valid JSON")


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            '{"format": "x",\n "version": 1,\n}',
            "line 2, column 14: this is not valid JSON (a comma before the closing '}': remove it)",
        ),
        (
            "[1, 2, ]",
            "line 1, column 6: this is not valid JSON (a comma before the closing ']': remove it)",
        ),
        (
            '{"a": 1',
            "line 1, column 8: this is not valid JSON (the file ends before its JSON does: a closing '}', ']' or '\"' is missing)",
        ),
        ("", "line 1, column 1: this is not valid JSON (the file ends before its JSON does"),
        (
            '{"a": "x\ny"}',
            "line 1, column 9: this is not valid JSON (a line break or control character inside quotes",
        ),
        (
            '{"a": "abc',
            "line 1, column 7: this is not valid JSON (the text in quotes that starts here is never closed)",
        ),
        (
            '{"a": 1\n "b": 2}',
            "line 2, column 2: this is not valid JSON (a comma or a colon is missing before this)",
        ),
        ("{'a': 1}", "line 1, column 2: this is not valid JSON (text in single quotes"),
        ('{"a": tru}', "line 1, column 7: this is not valid JSON ('tru' is not allowed here)"),
        (
            '{"a": 1} x',
            "line 1, column 10: this is not valid JSON ('x' after the end of the JSON value",
        ),
        (
            '{"a": \u202e}',
            "line 1, column 7: this is not valid JSON ('\\u202e' is not allowed here)",
        ),
    ],
)
def test_invalid_json_is_told_in_the_planners_words_on_every_python(text: str, told: str) -> None:
    """The json module's words and positions differ between Pythons (3.13 reports a trailing
    comma at the comma, 3.11 at the bracket after it): the Planner says its own."""
    with pytest.raises(ImportRefused) as refused:
        read_docket(text, "broken.json")
    assert str(refused.value.problems[0]).startswith(told)


@pytest.mark.parametrize("text", ["[1, 2]", '"docket"', "NaN", "[" * 100_000 + "]" * 100_000])
def test_a_file_that_is_not_one_object_is_refused(text: str) -> None:
    with pytest.raises(ImportRefused):
        read_docket(text)


def test_cases_refer_to_the_judges_kinds_and_hearings_to_the_cases() -> None:
    data = _minimal()
    data["judge"]["case_kinds"] = {"removal": {"default_minutes": 30, "minimum_minutes": 20}}
    data["hearings"][0]["a_number"] = "987654321"
    data["closures"] = [
        {"day": "2026-12-24", "reason": "Executive order"},
        {"day": "2026-12-24", "reason": "Again"},
    ]
    messages = [str(p) for p in _refusal(data).problems]
    assert messages == [
        "closures[1].day: 2026-12-24 is already closed by closures[0]; a day is closed once",
        "cases[0].kind: 'asylum' is not a case kind of the judge's profile "
        "(judge.case_kinds has removal) (case A123-456-789)",
        "hearings[0].a_number: A987-654-321 is not among the docket's cases: a hearing belongs "
        "to a case in 'cases'",
    ]


def test_the_models_own_rules_are_reported_where_they_apply() -> None:
    data = _minimal()
    data["cases"][0]["status"] = "completed"
    data["judge"]["case_kinds"] = {"asylum": {"default_minutes": 100, "minimum_minutes": 150}}
    data["hearings"][0]["status"] = "adjourned"
    messages = [str(p) for p in _refusal(data).problems]
    assert messages[0].startswith("judge.case_kinds.asylum: minimum 150 must be positive")
    assert messages[1].startswith("cases[0]: case A123-456-789: a completed case needs")
    assert messages[2].startswith("hearings[0]: the adjourned hearing")
    assert len(messages) == 3


def test_a_hearing_of_a_refused_case_is_not_also_called_an_orphan() -> None:
    data = _minimal()
    data["cases"][0]["received"] = "yesterday"
    assert [p.where for p in _refusal(data).problems] == ["cases[0].received"]


def test_numbers_too_large_for_the_database_are_refused() -> None:
    data = _minimal()
    data["hearings"][0]["minutes"] = 10**30
    with pytest.raises(ImportRefused, match=r"hearings\[0\]\.minutes: .* is too large"):
        read_docket(json.dumps(data))


def test_the_documented_example_file_reads() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "docket-format.md").read_text(encoding="utf-8")
    example = doc.split("### A complete small file")[1].split("```json")[1].split("```")[0]
    docket = read_docket(example)
    assert docket.judge.name == "Ana Ruiz"
    assert docket.cases[0].display_a_number == "A012-345-678"
    assert docket.leave[0].last_day == date(2026, 11, 25)


def test_a_continuance_keeps_its_reason_and_who_asked_through_a_file() -> None:
    """An adjourned hearing's reason in the vocabulary and the party who asked go out and come
    back; an unknown reason, or one on a hearing that was not adjourned, is refused in a line."""
    docket = _small_docket()
    first = docket.hearings[0]
    adjourned = replace(
        first,
        status="adjourned",
        adjournment_reason="DHS asked for time to file the record",
        adjournment_cause="dhs_not_ready",
        adjourned_by="dhs",
    )
    text = write_docket(replace(docket, hearings=(adjourned,)))
    back = read_docket(text)
    (hearing,) = back.hearings
    assert hearing.adjournment_cause == "dhs_not_ready"
    assert hearing.adjourned_by == "dhs"
    data = json.loads(text)
    data["hearings"][0]["adjournment_cause"] = "weather"
    with pytest.raises(ImportRefused, match="adjournment reason 'weather' is not one of"):
        read_docket(json.dumps(data))
    data["hearings"][0].update(status="scheduled", adjournment_cause="court")
    with pytest.raises(ImportRefused, match="only an adjourned hearing has a reason"):
        read_docket(json.dumps(data))
