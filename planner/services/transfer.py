"""Importing and exporting dockets: files checked whole before any change, exports written atomically."""

from dataclasses import dataclass, replace
from pathlib import Path

from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.plural import counted
from planner.interchange.cases_csv import decode_csv, read_cases, write_cases
from planner.interchange.docket_json import read_docket, write_docket
from planner.interchange.problems import decode_utf8
from planner.services.forecasting import select_judges
from planner.store.database import Database
from planner.store.private_files import replaced_atomically
from planner.store.repository import Repository

FORMATS = ("json", "csv")


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did, for the one line the user reads afterwards."""

    judge: str
    source: str
    kind: str  # "docket" (a JSON docket file) or "cases" (a cases CSV)
    cases: int = 0
    hearings: int = 0
    added: int = 0
    updated: int = 0
    replaced: bool = False

    def describe(self) -> str:
        who = _judge_title(self.judge)
        if self.kind == "cases":
            return (
                f"Added {counted(self.added, 'case')} and updated {self.updated:,} "
                f"on {who}'s docket from {self.source}."
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
        if self.fmt == "csv":
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
    return _import_cases(database, data, str(path), judge_name)


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
    """A .json file is a docket file and a .csv file a cases CSV; any other, by its first character."""
    suffix = path.suffix.lower()
    if suffix in (".json", ".csv"):
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
    return ImportSummary(
        judge=name,
        source=source,
        kind="docket",
        cases=len(docket.cases),
        hearings=len(docket.hearings),
        replaced=current is not None,
    )


def _import_cases(
    database: Database, data: bytes, source: str, judge_name: str | None
) -> ImportSummary:
    text = decode_csv(data, source)
    with database.transaction() as repo:
        judge = _judge_for_cases(repo, judge_name, database)
        assert judge.id is not None
        existing = {case.a_number: case for case in repo.load_docket(judge.id).cases}
        # Every row is checked against the judge's profile and docket before the first write.
        found = read_cases(text, case_kinds=judge.case_minutes, existing=existing, source=source)
        added, updated = repo.upsert_cases(judge.id, found.cases)
    return ImportSummary(
        judge=judge.name, source=source, kind="cases", added=added, updated=updated
    )


def _judge_for_cases(repo: Repository, judge_name: str | None, database: Database) -> Judge:
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


# Export -------------------------------------------------------------------------------------


def export_docket(database: Database, judge_name: str, fmt: str, out: Path) -> ExportSummary:
    """Write the judge's whole docket (``json``) or cases (``csv``) to ``out``, and nothing else.

    The file is written to a temporary file beside ``out`` and then renamed over it, so a failed
    export never leaves half a file; on POSIX systems the new file is readable by its owner only.
    """
    if fmt not in FORMATS:
        raise InvalidValue(f"export format {fmt!r} is not one of: {', '.join(FORMATS)}")
    with database.transaction() as repo:
        judge = select_judges(repo, judge_name)[0]
        assert judge.id is not None
        docket = repo.load_docket(judge.id)
    text = write_docket(docket) if fmt == "json" else write_cases(docket.cases)
    write_atomically(out, text.encode("utf-8"))
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
