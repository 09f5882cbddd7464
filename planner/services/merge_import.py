"""``planner import --merge``: a docket file merged into a judge already stored, instead of
replacing the docket (``--replace``) and with it the outcomes recorded since the file was made.

Cases are matched by A-number, hearings by case and start. A file's case updates the stored one,
but a stored outcome stays: a case completed here stays completed as recorded here, and a hearing
held, adjourned or completed here keeps its status. Cases, hearings, closures and leave that the
file lacks stay as they are; the stored profile stays. What changes is listed before it is
stored, and all of it is stored in one transaction.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from planner.domain.docket import Case, Hearing
from planner.domain.errors import InvalidValue
from planner.domain.time_off import Closure, Leave
from planner.interchange.docket_json import read_docket
from planner.interchange.problems import decode_utf8
from planner.store.database import Database
from planner.store.sync_rows import SyncRows
from planner.store.tables import new_uid
from planner.sync.codec import case_fields, closure_row, hearing_fields, leave_row
from planner.sync.merge import Change, changes
from planner.sync.state import DocketState, Fields, Kind

_OUTCOME = ("status", "completion_date", "completion_kind")


@dataclass(frozen=True, slots=True)
class MergeImport:
    judge: str
    source: str
    changes: tuple[Change, ...]
    kept_outcomes: int
    stored: bool = True

    def describe(self) -> str:
        done = "Merged" if self.stored else "Would merge (a preview: nothing was stored)"
        lines = [
            f"{done} {self.source} into Judge {self.judge}'s docket: "
            f"{len(self.changes):,} change(s), {self.kept_outcomes:,} recorded outcome(s) kept."
        ]
        lines.extend(f"  {change.describe()}" for change in self.changes)
        return "\n".join(lines)


def merge_docket_file(
    database: Database, path: Path, *, judge_name: str | None, store: bool = True
) -> MergeImport:
    """Merge the docket file at ``path`` into the stored docket of its judge (or ``judge_name``);
    with ``store`` False, only say what would change."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidValue(f"{path} does not exist: nothing was imported") from None
    except OSError as error:
        raise InvalidValue(
            f"{path} cannot be read ({error.strerror or error}): nothing was imported"
        ) from None
    docket = read_docket(decode_utf8(data, str(path)), str(path))
    name = judge_name or docket.judge.name
    with database.transaction() as repository:
        rows = SyncRows(repository)
        judge_id = rows.judge_id_named(name)
        if judge_id is None:
            raise InvalidValue(
                f"no judge named {name!r} in {database.describe()} to merge into: import without "
                "--merge to add the file's judge"
            )
        rows.give_uids(judge_id)
        stored = rows.read_state(judge_id)
        target, kept = _overlay(
            stored, docket.cases, docket.hearings, docket.closures, docket.leave
        )
        found = changes(stored, target)
        if found and store:
            rows.apply(judge_id, stored, target)
    return MergeImport(name, str(path), tuple(found), kept, store)


def _overlay(
    stored: DocketState,
    cases: Iterable[Case],
    hearings: Iterable[Hearing],
    closures: Iterable[Closure],
    leave: Iterable[Leave],
) -> tuple[DocketState, int]:
    rows: dict[Kind, dict[str, Fields]] = {kind: dict(stored.table(kind)) for kind in Kind}
    by_number = {str(f["a_number"]): uid for uid, f in rows[Kind.CASE].items()}
    kept = 0
    for case in cases:
        uid = by_number.get(case.a_number)
        incoming = case_fields(replace(case, id=None))
        if uid is None:
            uid = by_number[case.a_number] = new_uid()
        else:
            here = rows[Kind.CASE][uid]
            if here["status"] == "completed" and incoming != here:
                incoming = {**incoming, **{name: here[name] for name in _OUTCOME}}
                kept += 1
        rows[Kind.CASE][uid] = incoming
    at = {(str(f["case"]), str(f["start"])): uid for uid, f in rows[Kind.HEARING].items()}
    for hearing in hearings:
        case_uid = by_number[hearing.a_number]
        incoming = hearing_fields(hearing, case_uid)
        uid = at.get((case_uid, str(incoming["start"])))
        if uid is not None and rows[Kind.HEARING][uid]["status"] != "scheduled":
            if rows[Kind.HEARING][uid] != incoming:
                kept += 1
            continue  # an outcome recorded here
        if (
            uid is None
            and rows[Kind.CASE][case_uid]["status"] == "completed"
            and incoming["status"] == "scheduled"
        ):
            continue  # no new hearing for a case completed here
        rows[Kind.HEARING][uid or new_uid()] = incoming
    for closure in closures:
        day, fields = closure_row(closure)
        rows[Kind.CLOSURE].setdefault(day, fields)
    for entry in leave:
        key, fields = leave_row(entry)
        rows[Kind.LEAVE].setdefault(key, fields)
    return DocketState(stored.judge_uid, rows), kept
