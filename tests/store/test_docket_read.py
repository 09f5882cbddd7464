"""The plain-SQL read of a judge's cases and hearings gives the records the repository gives."""

from datetime import date, datetime

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.vocabulary import CaseStatus, CompletionKind, HearingKind, HearingStatus
from planner.store.database import Database


def test_the_read_snapshot_gives_the_repositorys_cases_and_hearings(database: Database) -> None:
    cases = (
        Case("100000001", "Ana", "asylum", date(2026, 1, 5), detained=True, juvenile=True,
             language="Mam", represented=True, asylum_filed=date(2026, 2, 1),
             nta_served=date(2025, 12, 20), attorney="Counsel", remaining_minutes=240),
        Case("100000002", "Ben", "removal", date(2025, 3, 1), status=CaseStatus.COMPLETED,
             completion_date=date(2026, 10, 2), completion_kind=CompletionKind.IN_ABSENTIA),
    )  # fmt: skip
    hearings = (
        Hearing("100000001", datetime(2026, 12, 1, 9, 15), 15, HearingKind.MASTER),
        Hearing("100000002", datetime(2026, 9, 1, 13, 0), 15, HearingKind.MASTER,
                HearingStatus.ADJOURNED, "interpreter unavailable"),
    )  # fmt: skip
    with database.transaction() as repo:
        judge_id = repo.add_docket(Docket(Judge("Read"), cases=cases, hearings=hearings))
        docket = repo.load_docket(judge_id)
    with database.read() as reader:
        read_cases, read_hearings = reader.cases_and_hearings(judge_id)
    assert read_cases == list(docket.cases)
    assert [c.id for c in read_cases] == [c.id for c in docket.cases]
    assert sorted(read_hearings, key=lambda h: h.start) == sorted(
        docket.hearings, key=lambda h: h.start
    )
