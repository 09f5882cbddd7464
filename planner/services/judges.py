"""Keeping judges' profiles, closures and leave: each function is one transaction."""

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge, name_key
from planner.domain.records import replace
from planner.domain.time_off import Closure, Leave, closure_problems
from planner.store.database import Database
from planner.store.errors import Conflict

if TYPE_CHECKING:  # neither the writes (SQLAlchemy) nor whole dockets are on the first paint's path
    from planner.domain.docket import Docket
    from planner.store.repository import Repository


def match_judge(judges: Sequence[Judge], name: str) -> Judge:
    """The judge called ``name``: exactly as written if there is one, else the one whose name
    differs only in case (and spaces). Never part of a name. None found, or several that differ
    only in case, is refused with the judges' names."""
    for judge in judges:
        if judge.name == name:
            return judge
    found = [judge for judge in judges if name_key(judge.name) == name_key(name)]
    if len(found) == 1:
        return found[0]
    if found:
        listed = ", ".join(sorted(repr(judge.name) for judge in found))
        raise InvalidValue(
            f"{name!r} could be any of {len(found)} judges whose names differ only in case: "
            f"{listed}; give the name exactly as it is written"
        )
    known = ", ".join(repr(judge.name) for judge in judges) or "none"
    raise InvalidValue(f"no judge named {name!r} in this database (judges: {known})")


def the_judge(database: Database, name: str | None) -> Judge:
    """The judge a command is for: the one named (see ``match_judge``), or with no name the
    database's only judge; with several, refused with their names."""
    judges = list_judges(database)
    if name is not None:
        return match_judge(judges, name)
    if len(judges) == 1:
        return judges[0]
    if not judges:
        raise InvalidValue(
            f"{database.describe()} has no judges yet: 'planner demo' makes a demo docket, "
            "'planner import FILE' brings in a docket file"
        )
    known = ", ".join(repr(judge.name) for judge in judges)
    raise InvalidValue(f"say which judge with --judge NAME (judges: {known})")


def list_judges(database: Database) -> list[Judge]:
    with database.read() as reader:
        return reader.judges()


def add_judge(database: Database, judge: Judge) -> Judge:
    with database.transaction() as repo:
        return replace(judge, id=repo.add_judge(judge))


def update_judge(database: Database, judge: Judge) -> Judge:
    with database.transaction() as repo:
        repo.update_judge(judge)
        return judge


def remove_judge(database: Database, judge_id: int) -> "Docket":
    """Remove a judge and the whole docket; returns the docket so an undo can restore it."""
    with database.transaction() as repo:
        docket = repo.load_docket(judge_id)
        repo.remove_judge(judge_id)
        return docket


def restore_judge(database: Database, docket: "Docket") -> Judge:
    """Put a removed judge's docket back (the undo of ``remove_judge``)."""
    with database.transaction() as repo:
        return replace(docket.judge, id=repo.add_docket(docket))


def calendar_of(database: Database, judge_id: int) -> tuple[list[Closure], list[Leave]]:
    """The judge's closures with the court's, and leave: as the calendar shows them."""
    with database.read() as reader:
        return reader.calendar(judge_id)


def own_calendar_of(database: Database, judge_id: int) -> tuple[list[Closure], list[Leave]]:
    """The judge's own closures (without the court's) and leave: as the profile edits them."""
    with database.read() as reader:
        return reader.own_calendar(judge_id)


def save_profile(
    database: Database,
    judge: Judge,
    closures: list[Closure],
    leave: list[Leave],
    base: Judge | None = None,
    *,
    after: Callable[["Repository"], object] | None = None,
) -> Judge:
    """Save an edited profile with its closures and leave, all in one transaction. With ``base``
    (the profile as read when the edit began), refused if someone saved the profile since.
    ``after`` does more in the same transaction (the hearings that new leave moves)."""
    _check_calendar(judge, closures)
    with database.transaction() as repo:
        repo.update_judge(judge, base)
        assert judge.id is not None
        repo.replace_calendar(judge.id, closures, leave)
        if after is not None:
            after(repo)
        return judge


def create_profile(
    database: Database, judge: Judge, closures: list[Closure], leave: list[Leave]
) -> Judge:
    """Add a new judge with closures and leave, all in one transaction; returns it with its id."""
    _check_calendar(judge, closures)
    with database.transaction() as repo:
        judge_id = repo.add_judge(judge)
        repo.add_calendar(judge_id, closures, leave)
        return replace(judge, id=judge_id)


def _check_calendar(judge: Judge, closures: list[Closure]) -> None:
    """The model's rules for a profile's closures (a day the judge sits, once)."""
    problems = closure_problems(judge.sessions, closures)
    if problems:
        raise InvalidValue("; ".join(problems))


def judge_named(database: Database, name: str) -> Judge | None:
    with database.read() as reader:
        return reader.judge_named(name)


def case_count(database: Database, judge_id: int) -> int:
    with database.transaction() as repo:
        return repo.case_count(judge_id)


def remove_named(database: Database, name: str) -> "Docket":
    """Remove the judge called ``name`` (names are unique; ids change when an undo restores)."""
    with database.transaction() as repo:
        judge = repo.judge_named(name)
        if judge is None or judge.id is None:
            raise Conflict(f"judge {name!r} is no longer in this database")
        docket = repo.load_docket(judge.id)
        repo.remove_judge(judge.id)
        return docket


def save_named_profile(
    database: Database,
    name: str,
    judge: Judge,
    closures: list[Closure],
    leave: list[Leave],
    *,
    after: Callable[["Repository"], object] | None = None,
) -> Judge:
    """Save a profile over the judge now called ``name``, in one transaction (undo and redo);
    ``after`` does more in the same transaction."""
    with database.transaction() as repo:
        current = repo.judge_named(name)
        if current is None or current.id is None:
            raise Conflict(f"judge {name!r} is no longer in this database")
        saved = replace(judge, id=current.id)
        repo.update_judge(saved)
        repo.replace_calendar(current.id, closures, leave)
        if after is not None:
            after(repo)
        return saved
