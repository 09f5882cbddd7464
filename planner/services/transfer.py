"""Importing and exporting dockets: files checked whole before any change, exports written atomically."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Case, Docket, Hearing
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.plural import counted
from planner.domain.records import replace
from planner.domain.vocabulary import HearingStatus
from planner.interchange.cases_csv import (
    CasesImport,
    NextHearing,
    continuance_counts,
    decode_csv,
    read_cases,
    write_cases,
)
from planner.interchange.docket_json import read_docket, write_docket
from planner.interchange.problems import ImportRefused, Problem, decode_utf8
from planner.scheduling.next_hearing import next_hearing
from planner.scheduling.placement import check_placement
from planner.services.forecasting import select_judges
from planner.store.agenda import CalendarEntry
from planner.store.database import Database
from planner.store.errors import Conflict
from planner.store.private_files import replaced_atomically
from planner.store.reader import Reader
from planner.store.repository import Repository

FORMATS = ("json", "csv", "xlsx")


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did, for the one line the user reads afterwards."""

    judge: str
    source: str
    kind: str  # "docket" (a JSON docket file) or "cases" (a cases CSV or .xlsx)
    cases: int = 0
    hearings: int = 0
    added: int = 0
    updated: int = 0
    replaced: bool = False

    def describe(self) -> str:
        who = _judge_title(self.judge)
        if self.kind == "cases":
            hearings = f", and set {counted(self.hearings, 'hearing')}" if self.hearings else ""
            return (
                f"Added {counted(self.added, 'case')} and updated {self.updated:,} "
                f"on {who}'s docket from {self.source}{hearings}."
            )
        what = f"{counted(self.cases, 'case')} and {counted(self.hearings, 'hearing')}"
        if self.replaced:
            return f"Replaced {who}'s docket with {self.source}: {what}."
        return f"Imported {what} for {who} from {self.source}."


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote."""

    judge: str
    fmt: str
    out: Path
    cases: int
    hearings: int = 0
    leave: int = 0
    closures: int = 0

    def describe(self) -> str:
        who = _judge_title(self.judge)
        if self.fmt in ("csv", "xlsx"):
            written = f"Exported {who}'s {counted(self.cases, 'case')} to {self.out}"
        else:
            contents = ", ".join(
                (
                    counted(self.cases, "case"),
                    counted(self.hearings, "hearing"),
                    counted(self.leave, "leave entry", "leave entries"),
                    counted(self.closures, "court closure"),
                )
            )
            written = f"Exported {who}'s docket ({contents}) to {self.out}"
        return f"{written}. It names asylum applicants: keep it confidential."


# Import -------------------------------------------------------------------------------------


def import_file(
    database: Database, path: Path, *, judge_name: str | None, replace: bool = False
) -> ImportSummary:
    """Import a docket file (JSON) or a cases CSV, all or nothing.

    The whole file is checked before anything is written; a file with any problem changes
    nothing and the error lists every problem. A docket file adds a new judge (``judge_name``
    renames the file's judge; ``replace`` swaps out the whole docket of a judge of that name). A
    CSV adds cases to, or updates cases on, the docket of ``judge_name``, or of the database's
    only judge.
    """
    data = _read_bytes(path)
    if _is_docket_file(path, data):
        return _import_docket(database, data, str(path), judge_name, replace)
    if replace:
        raise InvalidValue(
            f"--replace is for docket files (.json); {path} is a cases CSV, whose rows add "
            "cases or update those already on the docket"
        )
    return _import_cases(database, data, str(path), judge_name, _is_workbook(path))


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise InvalidValue(f"{path} is a folder, not a file to import")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidValue(f"{path} does not exist: nothing was imported") from None
    except OSError as error:
        raise InvalidValue(
            f"{path} cannot be read ({error.strerror or error}): nothing was imported"
        ) from None


def _is_docket_file(path: Path, data: bytes) -> bool:
    """A .json file is a docket file, a .csv or .xlsx file cases; any other, by its first character."""
    suffix = path.suffix.lower()
    if suffix in (".json", ".csv", ".xlsx"):
        return suffix == ".json"
    return data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"{"


def _import_docket(
    database: Database, data: bytes, source: str, judge_name: str | None, replace_judge: bool
) -> ImportSummary:
    docket = read_docket(decode_utf8(data, source), source)
    if judge_name is not None:
        docket = replace(docket, judge=replace(docket.judge, name=judge_name))
    name = docket.judge.name
    with database.transaction() as repo:
        current = repo.judge_named(name)
        if current is not None and not replace_judge:
            raise InvalidValue(
                f"{_judge_title(name)} is already in {database.describe()}: nothing was imported. "
                "Add --replace to replace that judge's whole docket with the file's, or "
                "--judge NAME to import it under another name"
            )
        if current is not None:
            assert current.id is not None
            repo.remove_judge(current.id)
        repo.add_docket(docket)
        repo.refresh_statistics()
    return ImportSummary(
        judge=name,
        source=source,
        kind="docket",
        cases=len(docket.cases),
        hearings=len(docket.hearings),
        replaced=current is not None,
    )


def _is_workbook(path: Path) -> bool:
    return path.suffix.lower() == ".xlsx"


def _read_case_file(
    data: bytes, source: str, workbook: bool, judge: Judge, existing: dict[str, Case]
) -> CasesImport:
    """The cases of a CSV or an .xlsx workbook, checked against the judge's profile and docket."""
    if workbook:
        # Imported here: openpyxl is needed only for a workbook (cases_xlsx imports it lazily).
        from planner.interchange.cases_xlsx import read_cases_xlsx

        return read_cases_xlsx(
            data, case_kinds=judge.case_minutes, existing=existing, source=source
        )
    text = decode_csv(data, source)
    return read_cases(text, case_kinds=judge.case_minutes, existing=existing, source=source)


def _import_cases(
    database: Database, data: bytes, source: str, judge_name: str | None, workbook: bool
) -> ImportSummary:
    if not workbook:
        decode_csv(data, source)  # a file that is not text is refused before the database opens
    with database.transaction() as repo:
        judge = _judge_for_cases(repo, judge_name, database)
        assert judge.id is not None
        existing = {case.a_number: case for case in repo.load_docket(judge.id).cases}
        # Every row is checked against the judge's profile and docket before the first write.
        found = _read_case_file(data, source, workbook, judge, existing)
        added, updated = repo.upsert_cases(judge.id, found.cases)
        placed = place_next_hearings(repo, judge, found.hearings, source)
    return ImportSummary(
        judge=judge.name,
        source=source,
        kind="cases",
        added=added,
        updated=updated,
        hearings=len(placed),
    )


def place_next_hearings(
    repo: Repository, judge: Judge, wanted: Sequence[NextHearing], source: str
) -> list[tuple[str, datetime]]:
    """Set each row's next hearing on the judge's calendar (its cases stored already, in the
    caller's transaction) where every placement rule allows it; ImportRefused, listing every
    refused hearing by line with its reason, when any is refused (the transaction then rolls
    back: nothing is imported). A case's scheduled hearing already at that time is left as it
    is. Returns the hearings set, by A-number and start."""
    assert judge.id is not None
    if not wanted:
        return []
    ids = repo.case_ids(judge.id)
    closures, leave = repo.calendar(judge.id)
    problems: list[Problem] = []
    placed: list[tuple[str, datetime]] = []
    for row in wanted:
        case_id = ids[row.a_number]
        case = repo.case(case_id)
        own = repo.hearings_of(case_id)
        if any(h.start == row.start and h.status is HearingStatus.SCHEDULED for h in own):
            continue
        kind, minutes = next_hearing(judge, case, own)
        if row.kind is not None and row.kind is not kind:
            kind = row.kind
            length = judge.hearing_minutes.get(kind)
            minutes = length.default if length is not None else 30
        hearing = Hearing(row.a_number, row.start, minutes, kind)
        day = row.start.date()
        midnight = datetime.combine(day, time())
        others: list[CalendarEntry | Hearing] = [
            *repo.hearings_between(judge.id, midnight, midnight + timedelta(days=1)),
            *own,
        ]
        refusal = check_placement(
            judge, CourtCalendar(judge, closures, leave, day, day), hearing, case, others
        )
        if refusal is not None:
            when = f"{row.start:%a} {row.start.day} {row.start:%b %Y %H:%M}"
            problems.append(
                Problem(row.where, f"the next hearing on {when} cannot be set: {refusal.reason}")
            )
            continue
        repo.add_hearing(case_id, hearing)
        placed.append((row.a_number, row.start))
    if problems:
        raise ImportRefused(source, problems)
    return placed


def _judge_for_cases(
    repo: Reader | Repository, judge_name: str | None, database: Database
) -> Judge:
    if judge_name is not None:
        return select_judges(repo, judge_name)[0]
    judges = repo.judges()
    if len(judges) == 1:
        return judges[0]
    if not judges:
        raise InvalidValue(
            f"{database.describe()} has no judges yet, so a cases CSV has no docket to go to: "
            "import a docket file (.json) first, or run 'planner demo'"
        )
    known = ", ".join(repr(judge.name) for judge in judges)
    raise InvalidValue(f"say whose docket the cases go to with --judge NAME (judges: {known})")


# Import with a preview (the window) -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What importing a file would do, read and checked whole, before anything is stored.

    Cases are compared by A-number with the docket they go to: a cases CSV with the docket of
    ``judge_id``; a docket file with that of the stored judge of the file's name, which it would
    replace (``judge_id`` None: a new judge). ``problems`` lists every bad row; a file with any
    is refused whole.
    """

    source: str
    kind: str  # "docket" (a JSON docket file) or "cases" (a cases CSV)
    judge: str
    judge_id: int | None
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0  # a docket file: stored cases the file lacks, which the import removes
    hearings: int = 0
    problems: tuple[Problem, ...] = ()
    cases: tuple[Case, ...] = ()  # a cases CSV: the new and changed cases as they will be stored
    docket: Docket | None = None  # a docket file: the docket it holds
    #: A cases file: the next hearings its rows give, all placeable (``hearings``: how many are new)
    next_hearings: tuple[NextHearing, ...] = ()

    @property
    def replaces(self) -> bool:
        """A docket file whose judge is already stored: the import replaces that docket."""
        return self.kind == "docket" and self.judge_id is not None

    @property
    def importable(self) -> bool:
        """No problem, and something to store."""
        if self.problems:
            return False
        if self.kind == "docket":
            return self.docket is not None
        return bool(self.cases) or bool(self.hearings)

    def describe(self) -> str:
        who = _judge_title(self.judge)
        counts = f"{self.new:,} new, {self.changed:,} changed, {self.unchanged:,} unchanged"
        if self.kind == "cases":
            hearings = (
                f" {counted(self.hearings, 'next hearing')} to set, each where the placement "
                "rules allow it."
                if self.hearings
                else ""
            )
            return f"Cases for {who}'s docket: {counts}.{hearings}"
        if self.replaces:
            gone = f"; {counted(self.removed, 'stored case')} not in the file would be removed"
            return (
                f"A docket file for {who}, who is already stored: it would replace the stored "
                f"docket ({counts}{gone if self.removed else ''}; "
                f"{counted(self.hearings, 'hearing')})."
            )
        return (
            f"A docket file for {who}, a new judge: "
            f"{counted(self.new, 'case')} and {counted(self.hearings, 'hearing')}."
        )


@dataclass(frozen=True, slots=True)
class AppliedImport:
    """What an import stored, so that one undo takes all of it back."""

    judge: str
    kind: str  # as the preview's: "docket" or "cases"
    added: tuple[str, ...] = ()  # a cases CSV: the A-numbers it added
    before: tuple[Case, ...] = ()  # a cases CSV: the cases it changed, as they were
    #: A cases CSV: the next hearings it set, by A-number and start (not by id: a redo sets them
    #: again under new ids)
    hearings: tuple[tuple[str, datetime], ...] = ()
    replaced: Docket | None = None  # a docket file: the docket it replaced


def preview_import(database: Database, path: Path, *, judge_id: int | None) -> ImportPreview:
    """Read and check ``path`` (a docket file or a cases CSV) and compare it with what is stored.

    Nothing is written. A cases CSV goes to the docket of ``judge_id`` (or, without one, of the
    database's only judge). A file that cannot be read at all raises InvalidValue; bad rows are
    the preview's ``problems``.
    """
    data = _read_bytes(path)
    source = path.name
    if _is_docket_file(path, data):
        return _preview_docket(database, data, source)
    return _preview_cases(database, data, source, judge_id, _is_workbook(path))


def _preview_docket(database: Database, data: bytes, source: str) -> ImportPreview:
    try:
        docket = read_docket(decode_utf8(data, source), source)
    except ImportRefused as refused:
        return ImportPreview(source, "docket", "", None, problems=refused.problems)
    with database.read() as reader:
        current = reader.judge_named(docket.judge.name)
        stored = {} if current is None or current.id is None else _stored(reader, current.id)
    new, changed, unchanged = _compare(docket.cases, stored)
    filed = {case.a_number for case in docket.cases}
    return ImportPreview(
        source,
        "docket",
        docket.judge.name,
        None if current is None else current.id,
        new=new,
        changed=changed,
        unchanged=unchanged,
        removed=sum(a_number not in filed for a_number in stored),
        hearings=len(docket.hearings),
        docket=docket,
    )


def _preview_cases(
    database: Database, data: bytes, source: str, judge_id: int | None, workbook: bool
) -> ImportPreview:
    with database.read() as reader:
        judge = _cases_judge(reader, judge_id, database)
        assert judge.id is not None
        stored = _stored(reader, judge.id)
    try:
        found = _read_case_file(data, source, workbook, judge, stored)
        placed = _try_next_hearings(database, judge, found, source)
    except ImportRefused as refused:
        return ImportPreview(source, "cases", judge.name, judge.id, problems=refused.problems)
    new, changed, unchanged = _compare(found.cases, stored)
    return ImportPreview(
        source,
        "cases",
        judge.name,
        judge.id,
        new=new,
        changed=changed,
        unchanged=unchanged,
        hearings=placed,
        cases=tuple(case for case in found.cases if stored.get(case.a_number) != case),
        next_hearings=found.hearings,
    )


class _TrialDone(Exception):
    def __init__(self, placed: int) -> None:
        super().__init__("trial")
        self.placed = placed


def _try_next_hearings(database: Database, judge: Judge, found: CasesImport, source: str) -> int:
    """How many next hearings the import would set, found by storing the cases and placing the
    hearings in a transaction that is rolled back; ImportRefused for the refused ones."""
    if not found.hearings:
        return 0
    assert judge.id is not None
    try:
        with database.transaction() as repo:
            repo.upsert_cases(judge.id, found.cases)
            raise _TrialDone(len(place_next_hearings(repo, judge, found.hearings, source)))
    except _TrialDone as trial:
        return trial.placed


def _cases_judge(reader: Reader | Repository, judge_id: int | None, database: Database) -> Judge:
    if judge_id is None:
        return _judge_for_cases(reader, None, database)
    judge = next((j for j in reader.judges() if j.id == judge_id), None)
    if judge is None:
        raise InvalidValue("that judge is no longer in this database: nothing was imported")
    return judge


def _stored(reader: Reader | Repository, judge_id: int) -> dict[str, Case]:
    return {case.a_number: case for case in reader.load_docket(judge_id).cases}


def _compare(cases: tuple[Case, ...], stored: dict[str, Case]) -> tuple[int, int, int]:
    """How many of ``cases`` are new, changed and unchanged, by A-number (ids aside)."""
    new = changed = 0
    for case in cases:
        before = stored.get(case.a_number)
        if before is None:
            new += 1
        elif replace(case, id=before.id) != before:
            changed += 1
    return new, changed, len(cases) - new - changed


def apply_import(
    database: Database, preview: ImportPreview, *, redo: bool = False
) -> AppliedImport:
    """Store what ``preview`` showed, in one transaction. Refused (Conflict) if a case it compared
    has changed since, unless this is the ``redo`` of an import this program undid."""
    if not preview.importable:
        raise InvalidValue(f"{preview.source} has problems: nothing was imported")
    with database.transaction() as repo:
        if preview.docket is not None:
            current = repo.judge_named(preview.docket.judge.name)
            replaced = None
            if current is not None:
                assert current.id is not None
                replaced = repo.load_docket(current.id)
                repo.remove_judge(current.id)
            repo.add_docket(preview.docket)
            return AppliedImport(preview.judge, "docket", replaced=replaced)
        judge_id = _judge_id_named(repo, preview.judge)
        stored = _stored(repo, judge_id)
        if not redo:
            _refuse_changed_since(preview, stored)
        repo.upsert_cases(judge_id, preview.cases)
        judge = next(j for j in repo.judges() if j.id == judge_id)
        placed = place_next_hearings(repo, judge, preview.next_hearings, preview.source)
        return AppliedImport(
            preview.judge,
            "cases",
            added=tuple(c.a_number for c in preview.cases if c.a_number not in stored),
            before=tuple(stored[c.a_number] for c in preview.cases if c.a_number in stored),
            hearings=tuple(placed),
        )


def _refuse_changed_since(preview: ImportPreview, stored: dict[str, Case]) -> None:
    """Conflict if a case the preview compared was changed, added or removed since: the import
    would otherwise overwrite a change the user never saw."""
    for case in preview.cases:
        now = stored.get(case.a_number)
        was_stored = case.id is not None
        if (now is None) == was_stored or (now is not None and now.version != case.version):
            raise Conflict(
                f"case {case.display_a_number} changed after {preview.source} was previewed: "
                "nothing was imported; import the file again to see the changes"
            )


def undo_import(database: Database, applied: AppliedImport) -> None:
    """Take back all of an import in one transaction: the added cases go, the changed return to
    what they were; a docket file's judge goes, and the docket it replaced comes back."""
    with database.transaction() as repo:
        judge_id = _judge_id_named(repo, applied.judge)
        if applied.kind == "docket":
            repo.remove_judge(judge_id)
            if applied.replaced is not None:
                repo.add_docket(applied.replaced)
            return
        ids = repo.case_ids(judge_id)
        for a_number, start in applied.hearings:
            if a_number in ids:
                for hearing in repo.hearings_of(ids[a_number]):
                    if hearing.start == start and hearing.status is HearingStatus.SCHEDULED:
                        repo.delete_hearing(hearing.id)  # type: ignore[arg-type]
        for a_number in applied.added:
            if a_number in ids:
                repo.delete_case(ids[a_number])
        repo.upsert_cases(judge_id, applied.before)


def _judge_id_named(repo: Repository, name: str) -> int:
    judge = repo.judge_named(name)
    if judge is None or judge.id is None:
        raise InvalidValue(f"{_judge_title(name)} is no longer in this database")
    return judge.id


# Export -------------------------------------------------------------------------------------


def export_docket(database: Database, judge_name: str, fmt: str, out: Path) -> ExportSummary:
    """Write the judge's whole docket (``json``) or cases (``csv`` or ``xlsx``) to ``out``, and
    nothing else.

    The file is written to a temporary file beside ``out`` and then renamed over it, so a failed
    export never leaves half a file; on POSIX systems the new file is readable by its owner only.
    """
    if fmt not in FORMATS:
        raise InvalidValue(f"export format {fmt!r} is not one of: {', '.join(FORMATS)}")
    with database.read() as reader:
        judge = select_judges(reader, judge_name)[0]
        assert judge.id is not None
        docket = reader.load_docket(judge.id)
    if fmt == "xlsx":
        from planner.interchange.cases_xlsx import write_cases_xlsx  # openpyxl: 0.3 s to import

        data = write_cases_xlsx(docket.cases, continuance_counts(docket.hearings))
    else:
        text = (
            write_docket(docket)
            if fmt == "json"
            else write_cases(docket.cases, continuance_counts(docket.hearings))
        )
        data = text.encode("utf-8")
    write_atomically(out, data)
    return ExportSummary(
        judge=docket.judge.name,
        fmt=fmt,
        out=out,
        cases=len(docket.cases),
        hearings=len(docket.hearings),
        leave=len(docket.leave),
        closures=len(docket.closures),
    )


def write_atomically(out: Path, data: bytes) -> None:
    """Replace ``out`` with ``data`` in one step (the store's one atomic, owner-only writer): a
    reader sees the old file or the new, never half."""
    folder = out.parent
    if out.is_dir():
        raise InvalidValue(f"{out} is a folder: give the name of a file to write")
    if not folder.is_dir():
        raise InvalidValue(f"the folder {folder} does not exist: nothing was exported")
    try:
        with replaced_atomically(out) as temporary, open(temporary, "wb") as file:
            file.write(data)
    except OSError as error:
        raise InvalidValue(
            f"could not write {out} ({error.strerror or error}): nothing was exported"
        ) from None


# Wording ------------------------------------------------------------------------------------


def _judge_title(name: str) -> str:
    return name if name.lower().startswith("judge ") else f"Judge {name}"
