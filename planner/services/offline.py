"""Taking a judge's docket offline and bringing it back: check-out copies it from the court
server to a laptop's file, check-in merges the laptop's edits and the server's since (three-way,
``planner.sync.merge``) in one transaction on the server.

The server is a URL: a SQLite file's path for now, or ``postgresql://...`` (the ORM's write path,
``Sessions.on_server``); every read and write of a check-out goes through the ORM and Core
(``planner.store.sync_rows``), the same on both engines.
"""

import getpass
import json
import socket
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from planner.domain.errors import InvalidValue
from planner.domain.plural import counted
from planner.services.clock import instant
from planner.store.database import Database
from planner.store.sync_rows import SyncRows
from planner.store.tables import new_uid
from planner.sync.merge import Change, Collision, Merge, Settlement, Side, merge
from planner.sync.recheck import integrity_problems, placement_conflicts
from planner.sync.state import PROFILE_KEY, DocketState, Kind


def is_server_url(where: str) -> bool:
    return where.startswith(("postgresql:", "postgresql+"))


def _who() -> str:
    try:
        return getpass.getuser()[:100]
    except (OSError, KeyError, ImportError):
        return ""


def _describe(where: str) -> str:
    """The server's name as kept on the laptop: a URL without its password, or a file's path."""
    if is_server_url(where):
        from sqlalchemy import make_url

        return make_url(where).render_as_string(hide_password=True)
    return str(Path(where).absolute())


@contextmanager
def _server(where: str, password: str | None = None) -> Iterator[SyncRows]:
    """One transaction on the court server at ``where`` (a SQLite file that must exist, or a
    PostgreSQL URL, with ``password`` if the server asks and libpq's own has none)."""
    if is_server_url(where):
        from planner.store.sessions import Sessions

        sessions = Sessions.on_server(where, password=password)
        try:
            with sessions.transaction(_who()) as repository:
                yield SyncRows(repository)
        finally:
            sessions.close()
        return
    path = Path(where)
    if not path.is_file():
        raise InvalidValue(
            f"there is no court server's database at {where}: give the server's file or its "
            "postgresql:// URL"
        )
    database = Database.open(path)
    try:
        with database.transaction() as repository:
            yield SyncRows(repository)
    finally:
        database.close()


@contextmanager
def _laptop(path: Path, *, create: bool) -> Iterator[SyncRows]:
    if not create and not path.is_file():
        raise InvalidValue(f"there is no checked-out docket at {path}: nothing was checked in")
    database = Database.open(path)
    try:
        with database.transaction() as repository:
            yield SyncRows(repository)
    finally:
        database.close()


# Check-out ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheckoutSummary:
    judge: str
    server: str
    laptop: Path
    cases: int
    hearings: int
    who: str
    since: datetime
    others: tuple[str, ...] = ()  # who else has it checked out, and since when

    def describe(self) -> str:
        lines = [
            f"Checked out Judge {self.judge}'s docket ({counted(self.cases, 'case')}, "
            f"{counted(self.hearings, 'hearing')}) from {self.server} to {self.laptop}, for {self.who or 'you'} since "
            f"{self.since:%Y-%m-%d %H:%M} UTC. Others keep working on it; bring it back with "
            f"'planner checkin --db {self.laptop} --to {self.server}'."
        ]
        lines.extend(f"Also checked out by {other}." for other in self.others)
        return "\n".join(lines)


def checkout(
    server: str,
    judge_name: str,
    laptop: Path,
    *,
    at: datetime | None = None,
    password: str | None = None,
) -> CheckoutSummary:
    """Copy the judge's docket (profile, closures, leave, cases, hearings and their outcomes,
    notices served) from ``server`` to the laptop's file ``laptop``, keep what was copied there (the base of the
    merge at check-in), and record on the server who checked it out and since when."""
    since = (at or instant()).replace(tzinfo=None)
    who, token = _who(), new_uid()
    with _server(server, password) as rows:
        judge_id = rows.judge_id_named(judge_name)
        if judge_id is None:
            known = ", ".join(repr(name) for name in rows.judge_names()) or "none"
            raise InvalidValue(f"no judge named {judge_name!r} on {server} (judges: {known})")
        rows.give_uids(judge_id)
        state = rows.read_state(judge_id)
        court = rows.court_copy(str(state.table(Kind.PROFILE)[PROFILE_KEY]["court"]))
        others = tuple(
            f"{by or 'someone'} since {when:%Y-%m-%d %H:%M} UTC ({copy})"
            for by, when, copy in rows.checkouts(judge_id)
        )
        rows.record_checkout(
            judge_id, token, who, since, f"{socket.gethostname()}:{laptop.absolute()}"
        )
    try:
        with _laptop(laptop, create=True) as mine:
            if mine.judge_id_of(state.judge_uid) is not None:
                raise InvalidValue(
                    f"{laptop} already holds this docket: check it in first, or choose another file"
                )
            judge_id = mine.add_judge(state)
            empty = DocketState(state.judge_uid, {Kind.PROFILE: state.table(Kind.PROFILE)})
            mine.apply(judge_id, empty, state)
            mine.keep_court(court)
            mine.keep_copy(state, token, _describe(server), who, since)
    except BaseException:
        # The copy was not made: neither is the record of it.
        with _server(server, password) as rows:
            rows.end_checkout(token)
        raise
    name = str(state.table(Kind.PROFILE)[PROFILE_KEY]["name"])
    return CheckoutSummary(
        name,
        _describe(server),
        laptop,
        len(state.table(Kind.CASE)),
        len(state.table(Kind.HEARING)),
        who,
        since,
        others,
    )


# Check-in -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheckinResult:
    """What a check-in did, or (``applied`` False) the collisions that stopped it."""

    judge: str
    server: str
    applied: bool
    collisions: tuple[Collision, ...]
    unsettled: tuple[Collision, ...]
    refused: tuple[str, ...] = ()
    server_changes: tuple[Change, ...] = ()
    laptop_changes: tuple[Change, ...] = ()
    conflicts: tuple[str, ...] = ()  # placement conflicts after the merge
    problems: tuple[str, ...] = field(default=())  # the merged docket's integrity check

    def describe(self) -> str:
        if not self.applied:
            return (
                f"Nothing was checked in: {len(self.unsettled)} of {len(self.collisions)} "
                f"collision(s) not settled"
                + (
                    f"; settlements that fit no collision: {', '.join(self.refused)}"
                    if self.refused
                    else ""
                )
                + "."
            )
        lines = [
            f"Checked in Judge {self.judge}'s docket to {self.server}: "
            f"{len(self.server_changes):,} change(s) on the server, "
            f"{len(self.laptop_changes):,} taken to the laptop, "
            f"{len(self.collisions):,} collision(s) settled."
        ]
        if self.conflicts:
            lines.append(f"{len(self.conflicts):,} placement conflict(s) now (the Conflicts pane):")
            lines.extend(f"  {conflict}" for conflict in self.conflicts)
        return "\n".join(lines)


class _Unsettled(Exception):
    def __init__(self, result: Merge) -> None:
        super().__init__("unsettled")
        self.result = result


def checkin(
    laptop: Path,
    server: str | None = None,
    *,
    settlements: Mapping[str, Settlement] | None = None,
    keep: Side | None = None,
) -> CheckinResult:
    """Send the laptop's edits to the server and take the server's edits since check-out, in one
    transaction on the server. With a collision not settled (by ``settlements``, by collision id,
    or ``keep`` for all), nothing is applied anywhere, and the result lists the collisions."""
    with _laptop(laptop, create=False) as mine:
        copies = mine.copies()
        if not copies:
            raise InvalidValue(f"{laptop} holds no checked-out docket: nothing was checked in")
        if len(copies) > 1:
            raise InvalidValue(
                f"{laptop} holds {len(copies)} checked-out dockets: check in one file per docket"
            )
        base, token, origin, _by, _since = copies[0]
        laptop_id = mine.judge_id_of(base.judge_uid)
        if laptop_id is None:
            raise InvalidValue(
                f"{laptop} no longer holds the checked-out judge: nothing was checked in"
            )
        mine.give_uids(laptop_id)
        ours = mine.read_state(laptop_id)
        pending = mine.pending(base.judge_uid)
    where = server or origin
    if pending is not None:
        base, ours = _finish_pending(laptop, laptop_id, where, base, ours, token, pending)
    checkin_id = new_uid()
    try:
        with _server(where) as rows:
            server_id = rows.judge_id_of(base.judge_uid)
            if server_id is None:
                raise InvalidValue(
                    f"the judge checked out to {laptop} is no longer on {where}: nothing was "
                    "checked in (the laptop's file keeps its edits)"
                )
            rows.give_uids(server_id)
            theirs = rows.read_state(server_id)
            result = merge(base, ours, theirs, settlements, keep)
            if not result.complete:
                raise _Unsettled(result)  # rolls the server's transaction back: nothing applied
            # The court's calendar as the server has it now (read-only on the laptop).
            court = rows.court_copy(str(result.merged.table(Kind.PROFILE)[PROFILE_KEY]["court"]))
            # No edit to carry either way may still leave a row known by two keys: a hearing one
            # side removed and set again in its place is the same hearing to the merge, under
            # the key it had at check-out; both files then take the merge's keys.
            changed = bool(
                result.server_changes()
                or result.laptop_changes()
                or result.merged != theirs
                or result.merged != ours
            )
            if not changed:
                rows.end_checkout(token)
            else:
                rows.apply(server_id, theirs, result.merged)
                rows.end_checkout(token)
                rows.add_receipt(checkin_id, server_id, instant().replace(tzinfo=None))
                # Before the server commits, the laptop notes the check-in under way: killed
                # between the two commits, the next check-in finds the server's receipt and
                # finishes the laptop's side instead of merging again (_finish_pending).
                with _laptop(laptop, create=False) as mine:
                    mine.mark_pending(
                        base.judge_uid,
                        json.dumps(
                            {
                                "checkin": checkin_id,
                                "merged": result.merged.to_json(),
                                "before": ours.to_json(),
                            }
                        ),
                    )
    except _Unsettled as stop:
        result = stop.result
        return CheckinResult(
            _name(result.server),
            _describe(where),
            False,
            result.collisions,
            result.unsettled,
            result.refused,
        )
    # The server has the merge: now the laptop, and the merge is its new base; and the court's
    # calendar as the server has it.
    with _laptop(laptop, create=False) as mine:
        mine.keep_court(court)
        if changed:
            now = mine.read_state(laptop_id)
            mine.apply(laptop_id, now, result.merged)
            mine.keep_copy(
                result.merged, token, _describe(where), _who(), instant().replace(tzinfo=None)
            )
    return CheckinResult(
        _name(result.merged),
        _describe(where),
        True,
        result.collisions,
        (),
        (),
        tuple(result.server_changes()),
        tuple(result.laptop_changes()),
        tuple(placement_conflicts(result.merged)),
        tuple(integrity_problems(result.merged)),
    )


def _finish_pending(
    laptop: Path,
    laptop_id: int,
    where: str,
    base: DocketState,
    ours: DocketState,
    token: str,
    pending: str,
) -> tuple[DocketState, DocketState]:
    """A check-in was killed after the laptop noted it: if the server committed it (its receipt
    is there), bring the laptop to its merge, keeping any edit made here since; if not, forget
    it. Returns the base and the laptop's docket to check in from."""
    noted = json.loads(pending)
    with _server(where) as rows:
        committed = rows.has_receipt(str(noted["checkin"]))
    with _laptop(laptop, create=False) as mine:
        if not committed:
            mine.mark_pending(base.judge_uid, None)
            return base, ours
        merged = DocketState.from_json(str(noted["merged"]))
        before = DocketState.from_json(str(noted["before"]))
        # Edits made here since the killed check-in stay edits of the laptop's.
        finished = merge(before, ours, merged, default=Side.LAPTOP).merged
        mine.apply(laptop_id, ours, finished)
        mine.keep_copy(merged, token, _describe(where), _who(), instant().replace(tzinfo=None))
        return merged, mine.read_state(laptop_id)


def _name(state: DocketState) -> str:
    return str(state.table(Kind.PROFILE)[PROFILE_KEY]["name"])


def read_settlements(path: Path) -> dict[str, Settlement]:
    """A settlements file: a JSON object of collision id to "laptop", "server", or an object of
    the colliding fields' values."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidValue(f"{path} does not exist: no settlements read") from None
    except (OSError, ValueError) as error:
        raise InvalidValue(f"{path} is not a settlements file (a JSON object): {error}") from None
    if not isinstance(data, dict):
        raise InvalidValue(f"{path}: a settlements file is a JSON object of collision ids")
    found: dict[str, Settlement] = {}
    for key, value in data.items():
        if value in ("laptop", "server"):
            found[key] = Side(value)
        elif isinstance(value, dict):
            found[key] = value
        else:
            raise InvalidValue(
                f'{path}: {key!r} is settled by {value!r}: say "laptop", "server" or give the '
                "fields' values as an object"
            )
    return found
