"""A cases spreadsheet may carry each case's next hearing (date, time, kind): the import sets it
where every placement rule allows it, and a refused hearing is a bad row with its reason."""

from datetime import date, datetime
from pathlib import Path

import pytest

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.vocabulary import HearingKind
from planner.interchange.problems import ImportRefused
from planner.services import transfer
from planner.store.database import Database
from tests.scheduling.court import CLOSURES, JUDGE, LEAVE, at

HEADER = "a_number,name,kind,detained,language,represented,received,next_hearing_date,next_hearing_time,next_hearing_kind\n"


@pytest.fixture
def judge(database: Database) -> Judge:
    existing = Case("100000009", "Old Case", "asylum", date(2024, 1, 2))
    with database.transaction() as repo:
        judge_id = repo.add_docket(Docket(JUDGE, CLOSURES, LEAVE, cases=(existing,)))
    return replace(JUDGE, id=judge_id)


def _file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "cases.csv"
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def _hearings(database: Database, judge: Judge) -> list[tuple[str, datetime, HearingKind, int]]:
    with database.transaction() as repo:
        docket = repo.load_docket(judge.id)  # type: ignore[arg-type]
    return sorted((h.a_number, h.start, h.kind, h.minutes) for h in docket.hearings)


def test_the_next_hearings_are_set_with_the_kind_the_case_needs(database, judge, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _file(
        tmp_path,
        "100000001,Rosa Díaz,asylum,no,Spanish,no,2024-06-01,2024-11-04,09:00,",
        "100000009,Old Case,asylum,no,English,no,2024-01-02,11/4/2024,9:15 AM,master",
    )
    summary = transfer.import_file(database, path, judge_name=None)
    assert summary.describe() == (
        f"Added 1 case and updated 1 on Judge Ana Ruiz's docket from {path}, and set 2 hearings."
    )
    assert _hearings(database, judge) == [
        ("100000001", at(4, 9, 0), HearingKind.MASTER, 15),
        ("100000009", at(4, 9, 15), HearingKind.MASTER, 15),
    ]
    # The same file again: the hearings are there already, nothing is set twice.
    again = transfer.import_file(database, path, judge_name=None)
    assert again.hearings == 0
    assert len(_hearings(database, judge)) == 2


def test_a_refused_hearing_is_a_bad_row_and_nothing_is_imported(database, judge, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _file(
        tmp_path,
        "100000001,Rosa Díaz,asylum,no,Spanish,no,2024-06-01,2024-11-04,09:00,",
        "100000002,Li Wei,asylum,no,Mandarin,no,2024-06-01,2024-11-26,09:00,",
        "100000003,Sam Oak,asylum,no,English,no,2024-06-01,2024-11-04,09:00,",
        "100000004,Ada Poe,asylum,no,English,no,2024-06-01,2024-11-04,,",
    )
    with pytest.raises(ImportRefused) as refused:
        transfer.import_file(database, path, judge_name=None)
    assert [str(p) for p in refused.value.problems] == [
        "line 5, column next_hearing_date (H): a next hearing needs its date and its time: "
        "next_hearing_time is empty",
    ]
    path = _file(
        tmp_path,
        "100000001,Rosa Díaz,asylum,no,Spanish,no,2024-06-01,2024-11-04,09:00,",
        "100000002,Li Wei,asylum,no,Mandarin,no,2024-06-01,2024-11-26,09:00,",
        "100000003,Sam Oak,asylum,no,English,no,2024-06-01,2024-11-04,09:00,",
    )
    with pytest.raises(ImportRefused) as refused:
        transfer.import_file(database, path, judge_name=None)
    assert [str(p) for p in refused.value.problems] == [
        "line 3, column next_hearing_date (H): the next hearing on Tue 26 Nov 2024 09:00 cannot "
        "be set: The court is closed on Tue 26 Nov 2024: Building maintenance",
        "line 4, column next_hearing_date (H): the next hearing on Mon 4 Nov 2024 09:00 cannot "
        "be set: It overlaps the master hearing of A100-000-001 at 09:00-09:15",
    ]
    assert _hearings(database, judge) == []
    with database.transaction() as repo:
        assert repo.case_count(judge.id) == 1  # all or nothing: no case either


def test_the_preview_counts_them_and_one_undo_takes_them_back(database, judge, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _file(
        tmp_path, "100000009,Old Case,asylum,no,English,no,2024-01-02,2024-11-07,13:00,individual"
    )
    preview = transfer.preview_import(database, path, judge_id=judge.id)
    assert (preview.changed, preview.hearings) == (0, 1)
    assert preview.importable
    assert preview.describe().endswith(
        "1 next hearing to set, each where the placement rules allow it."
    )
    assert _hearings(database, judge) == []  # a preview stores nothing
    applied = transfer.apply_import(database, preview)
    (hearing,) = _hearings(database, judge)
    assert hearing[:3] == ("100000009", at(7, 13, 0), HearingKind.INDIVIDUAL)
    transfer.undo_import(database, applied)
    assert _hearings(database, judge) == []
    transfer.apply_import(database, preview, redo=True)
    assert len(_hearings(database, judge)) == 1


def test_a_bad_time_or_kind_is_a_bad_cell(database, judge, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _file(
        tmp_path, "100000001,Rosa Díaz,asylum,no,Spanish,no,2024-06-01,2024-11-04,25:00,hearing"
    )
    preview = transfer.preview_import(database, path, judge_id=judge.id)
    assert [str(p) for p in preview.problems] == [
        "line 2, column next_hearing_time (I): '25:00' is not a time of day: write HH:MM "
        "(09:30, 13:00 or 1:00 PM)",
        "line 2, column next_hearing_kind (J): hearing kind 'hearing' is not one of: master, "
        "individual, bond, fear_review, motion",
    ]
