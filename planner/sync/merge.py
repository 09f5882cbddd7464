"""The three-way merge of a checked-out docket: what was copied at check-out (the base), the
laptop's docket now, and the court server's now.

Edits of different things merge, field by field. Edits that collide are listed one by one, each
with both versions and who saved each and when: the same row changed on both sides (or removed on
one and changed on the other), two hearings that the merge would put in one slot, a case completed
on one side while its hearings were rescheduled on the other, two cases with one A-number, and a
case removed on one side while its hearings were changed on the other. A collision is settled by
keeping the laptop's version, the server's, or (a row changed on both sides) edited values; the
merge is complete, and may be applied, only when every collision is settled.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from planner.domain.anumber import format_a_number
from planner.sync.codec import hearing_start
from planner.sync.state import PROFILE_KEY, DocketState, Fields, Kind, RowRef, Stamp, Value


class Side(StrEnum):
    LAPTOP = "laptop"
    SERVER = "server"


class CollisionKind(StrEnum):
    SAME_ROW = "same_row"
    REMOVED_AND_CHANGED = "removed_and_changed"
    ONE_SLOT = "one_slot"
    COMPLETED_AND_RESCHEDULED = "completed_and_rescheduled"
    SAME_A_NUMBER = "same_a_number"
    CASE_REMOVED = "case_removed"


_TITLES = {
    CollisionKind.SAME_ROW: "changed on both sides",
    CollisionKind.REMOVED_AND_CHANGED: "removed on one side, changed on the other",
    CollisionKind.ONE_SLOT: "two hearings now in one slot",
    CollisionKind.COMPLETED_AND_RESCHEDULED: "completed on one side, rescheduled on the other",
    CollisionKind.SAME_A_NUMBER: "two cases with one A-number",
    CollisionKind.CASE_REMOVED: (
        "case removed on one side, its hearings or notices changed on the other"
    ),
}

#: A row as a settlement leaves it (None: the row is not there).
Rows = Mapping[RowRef, Fields | None]
#: How a collision is settled: one side's version, or (a row changed on both sides) these values
#: for its colliding fields.
Settlement = Side | Mapping[str, Value]

_OCCUPYING = frozenset({"scheduled", "held", "completed"})
#: The rows that belong to a case, and go (or stay) with it: its hearings and notices served.
_OF_A_CASE = (Kind.HEARING, Kind.NOTICE)
_COMPLETION = ("status", "completion_date", "completion_kind")
_PLACE = ("start", "minutes", "status")


@dataclass(frozen=True, slots=True)
class Collision:
    """Two edits that cannot both stand, with the rows as keeping either side's would leave them."""

    id: str
    kind: CollisionKind
    what: str
    laptop: Rows
    server: Rows
    laptop_stamp: Stamp
    server_stamp: Stamp
    fields: tuple[str, ...] = ()  # a row changed on both sides: the fields both changed
    #: Each case's A-number, and each hearing's and notice's case's (to say whose a version is).
    owners: Mapping[RowRef, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return _TITLES[self.kind]

    def rows(self, side: Side) -> Rows:
        return self.laptop if side is Side.LAPTOP else self.server

    def version_lines(self, side: Side) -> list[str]:
        """Each side's version in words: the colliding fields of a row, or each row's gist."""
        rows = self.rows(side)
        if self.fields and len(rows) == 1:
            (row,) = rows.values()
            if row is not None:
                return [f"{field_label(name)}: {_shown(row.get(name))}" for name in self.fields]
        return [_gist(ref, row, self.owners.get(ref, "")) for ref, row in rows.items()]


@dataclass(frozen=True, slots=True)
class Change:
    """A row that a merge adds, changes or removes on one side."""

    ref: RowRef
    action: str  # "added", "changed", "removed"
    what: str

    def describe(self) -> str:
        return f"{self.action} {self.what}"


@dataclass(frozen=True, slots=True)
class Merge:
    base: DocketState
    laptop: DocketState
    server: DocketState
    merged: DocketState
    collisions: tuple[Collision, ...]
    unsettled: tuple[Collision, ...]
    refused: tuple[str, ...] = field(default=())  # settlements that do not fit their collision

    @property
    def complete(self) -> bool:
        return not self.unsettled and not self.refused

    def server_changes(self) -> list[Change]:
        return changes(self.server, self.merged)

    def laptop_changes(self) -> list[Change]:
        return changes(self.laptop, self.merged)


class _Missing:
    pass


_MISSING = _Missing()


def merge(
    base: DocketState,
    laptop: DocketState,
    server: DocketState,
    settlements: Mapping[str, Settlement] | None = None,
    default: Side | None = None,
) -> Merge:
    """Merge ``laptop`` and ``server``, both grown from ``base``; ``settlements`` (by collision
    id) and ``default`` (for any collision without one) settle the collisions."""
    settlements = settlements or {}
    laptop, server = reidentified(base, laptop), reidentified(base, server)
    sides = {Side.LAPTOP: laptop, Side.SERVER: server}
    merged: dict[Kind, dict[str, Fields]] = {kind: {} for kind in Kind}
    collisions: list[Collision] = []
    in_collision: set[RowRef] = set()
    for kind in Kind:
        keys = [*base.table(kind), *laptop.table(kind), *server.table(kind)]
        for key in dict.fromkeys(keys):
            ref = (kind, key)
            found = _merge_row(ref, base, laptop, server)
            if isinstance(found, Collision):
                collisions.append(found)
                in_collision.add(ref)
                row = found.server.get(ref)
            else:
                row = found
            if row is not None:
                merged[kind][key] = row
    collisions = [_with_hearings(c, base, sides, merged) for c in collisions]
    collisions.extend(_completed_and_rescheduled(base, sides, merged, in_collision))
    collisions.extend(_case_removed(base, sides, merged))
    collisions.extend(_one_slot(base, sides, merged, in_collision))
    collisions.extend(_same_a_number(sides, merged))
    collisions = [_with_owners(c, (base, laptop, server)) for c in collisions]
    unsettled: list[Collision] = []
    refused: list[str] = []
    for collision in collisions:
        settlement = settlements.get(collision.id, default)
        if settlement is None:
            unsettled.append(collision)
            continue
        rows = _settled_rows(collision, settlement)
        if rows is None:
            refused.append(collision.id)
            continue
        for (kind, key), row in rows.items():
            if row is None:
                merged[kind].pop(key, None)
            else:
                merged[kind][key] = row
    _drop_orphans(merged)
    known = {c.id for c in collisions}
    refused.extend(sorted(set(settlements) - known - {"*"}))
    return Merge(
        base,
        laptop,
        server,
        DocketState(server.judge_uid, merged),
        tuple(collisions),
        tuple(unsettled),
        tuple(refused),
    )


def reidentified(base: DocketState, side: DocketState) -> DocketState:
    """``side`` with each row it removed and made again (an undo of a removal puts a case or
    hearing back as a new row) known by its old key again: a case by its A-number, a hearing by
    its case and start."""
    renamed: dict[str, str] = {}
    cases = dict(side.table(Kind.CASE))
    gone = {
        str(row["a_number"]): uid for uid, row in base.table(Kind.CASE).items() if uid not in cases
    }
    for uid, row in list(cases.items()):
        old = gone.get(str(row["a_number"]))
        if uid not in base.table(Kind.CASE) and old is not None:
            renamed[uid] = old
            cases[old] = cases.pop(uid)
    hearings = {
        h: {**row, "case": renamed.get(str(row["case"]), row["case"])}
        for h, row in side.table(Kind.HEARING).items()
    }
    gone_hearings = {
        (str(row["case"]), str(row["start"])): h
        for h, row in base.table(Kind.HEARING).items()
        if h not in hearings
    }
    for h, row in list(hearings.items()):
        old = gone_hearings.pop((str(row["case"]), str(row["start"])), None)
        if h not in base.table(Kind.HEARING) and old is not None:
            renamed[h] = old
            hearings[old] = hearings.pop(h)
    if not renamed:
        return side
    notices = {
        n: {
            **row,
            "case": renamed.get(str(row["case"]), row["case"]),
            "hearing": renamed.get(str(row["hearing"]), row["hearing"]),
        }
        for n, row in side.table(Kind.NOTICE).items()
    }
    rows = {**side.rows, Kind.CASE: cases, Kind.HEARING: hearings, Kind.NOTICE: notices}
    stamps = {(kind, renamed.get(key, key)): stamp for (kind, key), stamp in side.stamps.items()}
    return DocketState(side.judge_uid, rows, stamps)


def _merge_row(
    ref: RowRef, base: DocketState, laptop: DocketState, server: DocketState
) -> Fields | Collision | None:
    b, lap, srv = base.row(ref), laptop.row(ref), server.row(ref)
    if lap == srv:
        return lap
    if lap == b:
        return srv
    if srv == b:
        return lap
    what = describe_row(ref, lap or srv or b, (laptop, server, base))
    stamps = laptop.stamp(ref), server.stamp(ref)
    if lap is None or srv is None:
        if ref[0] in _OF_A_CASE:
            # Removed with its case on one side: the case's collision says so (_case_removed).
            gone, kept = (laptop, srv) if lap is None else (server, lap)
            assert kept is not None
            if gone.row((Kind.CASE, str(kept["case"]))) is None:
                return kept
        return Collision(
            f"{ref[0].value}:{ref[1]}",
            CollisionKind.REMOVED_AND_CHANGED,
            what,
            {ref: lap},
            {ref: srv},
            *stamps,
        )
    merged: dict[str, Value] = {}
    clashing: list[str] = []
    for name in dict.fromkeys([*lap, *srv]):
        was: object = _MISSING if b is None else b.get(name, _MISSING)
        mine, theirs = lap.get(name), srv.get(name)
        if mine == theirs or theirs == was:
            merged[name] = mine
        elif mine == was:
            merged[name] = theirs
        else:
            clashing.append(name)
    if not clashing:
        return merged
    return Collision(
        f"{ref[0].value}:{ref[1]}",
        CollisionKind.SAME_ROW,
        what,
        {ref: {**merged, **{name: lap.get(name) for name in clashing}}},
        {ref: {**merged, **{name: srv.get(name) for name in clashing}}},
        *stamps,
        fields=tuple(clashing),
    )


def _with_hearings(
    collision: Collision,
    base: DocketState,
    sides: Mapping[Side, DocketState],
    merged: dict[Kind, dict[str, Fields]],
) -> Collision:
    """A case removed on one side and changed on the other: its hearings and notices go with the
    side kept (removed with it, or as that side has them)."""
    ((kind, uid),) = collision.laptop
    if collision.kind is not CollisionKind.REMOVED_AND_CHANGED or kind is not Kind.CASE:
        return collision
    belonging = {
        (of, key)
        for state in (base, *sides.values())
        for of in _OF_A_CASE
        for key, row in state.table(of).items()
        if row["case"] == uid
    }
    choice: dict[Side, dict[RowRef, Fields | None]] = {}
    for side in Side:
        rows = dict(collision.rows(side))
        removed = rows[(kind, uid)] is None
        for ref in sorted(belonging):
            rows[ref] = None if removed else merged[ref[0]].get(ref[1], sides[side].row(ref))
        choice[side] = rows
    return replace(collision, laptop=choice[Side.LAPTOP], server=choice[Side.SERVER])


def _with_owners(collision: Collision, states: tuple[DocketState, ...]) -> Collision:
    owners: dict[RowRef, str] = {}
    for ref in (*collision.laptop, *collision.server):
        if ref[0] is Kind.CASE:
            # A case one side removed is named by its A-number as the other side has it.
            found = next((row for state in states if (row := state.row(ref)) is not None), None)
            if found is not None:
                owners[ref] = format_a_number(str(found["a_number"]))
            continue
        if ref[0] not in _OF_A_CASE:
            continue
        for state in states:
            row = state.row(ref)
            case = None if row is None else state.row((Kind.CASE, str(row["case"])))
            if case is None and row is not None:
                case = next(
                    (
                        s.row((Kind.CASE, str(row["case"])))
                        for s in states
                        if s.row((Kind.CASE, str(row["case"])))
                    ),
                    None,
                )
            if case is not None:
                owners[ref] = format_a_number(str(case["a_number"]))
                break
    return replace(collision, owners=owners)


def _changed(base: DocketState, side: DocketState, ref: RowRef) -> bool:
    return base.row(ref) != side.row(ref)


def _placed(base: DocketState, side: DocketState, ref: RowRef) -> bool:
    """Whether ``side`` set the hearing anew or moved it (its time, length or status)."""
    row, was = side.row(ref), base.row(ref)
    if row is None:
        return False
    return was is None or any(row.get(name) != was.get(name) for name in _PLACE)


def _other(side: Side) -> Side:
    return Side.SERVER if side is Side.LAPTOP else Side.LAPTOP


def _completed_and_rescheduled(
    base: DocketState,
    sides: Mapping[Side, DocketState],
    merged: dict[Kind, dict[str, Fields]],
    in_collision: set[RowRef],
) -> Iterable[Collision]:
    hearings_of: dict[str, list[str]] = {}
    for state in (base, *sides.values()):
        for uid, row in state.table(Kind.HEARING).items():
            hearings_of.setdefault(str(row["case"]), []).append(uid)
    for uid, case in list(merged[Kind.CASE].items()):
        ref = (Kind.CASE, uid)
        was = base.row(ref)
        if was is None or was["status"] != "pending" or ref in in_collision:
            continue
        for side, state in sides.items():
            done = state.row(ref)
            if done is None or done["status"] != "completed":
                continue
            other = sides[_other(side)]
            moved = [
                (Kind.HEARING, h)
                for h in dict.fromkeys(hearings_of.get(uid, []))
                if _placed(base, other, (Kind.HEARING, h)) and (Kind.HEARING, h) not in in_collision
            ]
            if not moved or other.row(ref) is None or other.row(ref)["status"] == "completed":  # type: ignore[index]
                continue
            keep_completion: dict[RowRef, Fields | None] = {ref: case}
            keep_hearings: dict[RowRef, Fields | None] = {
                ref: {**case, **{name: other.row(ref)[name] for name in _COMPLETION}}  # type: ignore[index]
            }
            for h in moved:
                keep_completion[h] = state.row(h)
                keep_hearings[h] = merged[Kind.HEARING].get(h[1])
            laptop, server = (
                (keep_completion, keep_hearings)
                if side is Side.LAPTOP
                else (keep_hearings, keep_completion)
            )
            in_collision.update(keep_completion)
            yield Collision(
                f"completed:{uid}",
                CollisionKind.COMPLETED_AND_RESCHEDULED,
                describe_row(ref, case, (sides[Side.LAPTOP], sides[Side.SERVER], base)),
                laptop,
                server,
                sides[Side.LAPTOP].stamp(ref if side is Side.LAPTOP else moved[0]),
                sides[Side.SERVER].stamp(ref if side is Side.SERVER else moved[0]),
            )
            break


def _case_removed(
    base: DocketState, sides: Mapping[Side, DocketState], merged: dict[Kind, dict[str, Fields]]
) -> Iterable[Collision]:
    orphans: dict[str, list[RowRef]] = {}
    for of in _OF_A_CASE:
        for uid, row in merged[of].items():
            if str(row["case"]) not in merged[Kind.CASE]:
                orphans.setdefault(str(row["case"]), []).append((of, uid))
    for case_uid, belonging in orphans.items():
        ref = (Kind.CASE, case_uid)
        gone_side = Side.LAPTOP if sides[Side.LAPTOP].row(ref) is None else Side.SERVER
        kept_side = _other(gone_side)
        kept_state = sides[kept_side]
        if kept_state.row(ref) is None:
            continue  # removed on both sides: the hearings go with it (_drop_orphans)
        removed: dict[RowRef, Fields | None] = {ref: None}
        kept: dict[RowRef, Fields | None] = {ref: kept_state.row(ref)}
        for of, uid in belonging:
            removed[(of, uid)] = None
            kept[(of, uid)] = merged[of][uid]
        laptop, server = (removed, kept) if gone_side is Side.LAPTOP else (kept, removed)
        yield Collision(
            f"removed:{case_uid}",
            CollisionKind.CASE_REMOVED,
            describe_row(ref, kept_state.row(ref), (sides[Side.LAPTOP], sides[Side.SERVER], base)),
            laptop,
            server,
            sides[Side.LAPTOP].stamp(belonging[0]),
            sides[Side.SERVER].stamp(belonging[0]),
        )


def _span(row: Fields) -> tuple[datetime, datetime]:
    start = hearing_start(row)
    return start, start + timedelta(minutes=int(row["minutes"] or 0))


def _overlap(a: Fields | None, b: Fields | None) -> bool:
    if a is None or b is None or a["status"] not in _OCCUPYING or b["status"] not in _OCCUPYING:
        return False
    (a_start, a_end), (b_start, b_end) = _span(a), _span(b)
    return a_start < b_end and b_start < a_end


def _one_slot(
    base: DocketState,
    sides: Mapping[Side, DocketState],
    merged: dict[Kind, dict[str, Fields]],
    in_collision: set[RowRef],
) -> Iterable[Collision]:
    laptop, server = sides[Side.LAPTOP], sides[Side.SERVER]
    by_day: dict[str, list[str]] = {}
    for uid, row in merged[Kind.HEARING].items():
        if row["status"] in _OCCUPYING:
            by_day.setdefault(str(row["start"])[:10], []).append(uid)
    for uids in by_day.values():
        mine = [u for u in uids if _placed(base, laptop, (Kind.HEARING, u))]
        theirs = [u for u in uids if _placed(base, server, (Kind.HEARING, u))]
        for a in mine:
            for b in theirs:
                ra, rb = (Kind.HEARING, a), (Kind.HEARING, b)
                if a == b or ra in in_collision or rb in in_collision:
                    continue
                if not _overlap(merged[Kind.HEARING].get(a), merged[Kind.HEARING].get(b)):
                    continue
                if _overlap(laptop.row(ra), laptop.row(rb)) or _overlap(
                    server.row(ra), server.row(rb)
                ):
                    continue  # one side had them in one slot already: not the merge's doing
                in_collision.update((ra, rb))
                states = (laptop, server, base)
                yield Collision(
                    f"slot:{a}:{b}",
                    CollisionKind.ONE_SLOT,
                    f"{describe_row(ra, merged[Kind.HEARING][a], states)} and "
                    f"{describe_row(rb, merged[Kind.HEARING][b], states)}",
                    {ra: merged[Kind.HEARING][a], rb: laptop.row(rb)},
                    {ra: server.row(ra), rb: merged[Kind.HEARING][b]},
                    laptop.stamp(ra),
                    server.stamp(rb),
                )


def _same_a_number(
    sides: Mapping[Side, DocketState], merged: dict[Kind, dict[str, Fields]]
) -> Iterable[Collision]:
    by_number: dict[str, list[str]] = {}
    for uid, row in merged[Kind.CASE].items():
        by_number.setdefault(str(row["a_number"]), []).append(uid)
    for a_number, uids in by_number.items():
        if len(uids) < 2:
            continue
        choice: dict[Side, dict[RowRef, Fields | None]] = {}
        for side, state in sides.items():
            rows: dict[RowRef, Fields | None] = {
                (Kind.CASE, u): state.row((Kind.CASE, u)) for u in uids
            }
            for of in _OF_A_CASE:
                for key, row in merged[of].items():
                    if row["case"] in uids:
                        rows[(of, key)] = state.row((of, key))
            choice[side] = rows
        first = (Kind.CASE, uids[0])
        yield Collision(
            f"a-number:{a_number}",
            CollisionKind.SAME_A_NUMBER,
            f"case {format_a_number(a_number)}",
            choice[Side.LAPTOP],
            choice[Side.SERVER],
            sides[Side.LAPTOP].stamp(first),
            sides[Side.SERVER].stamp(first),
        )


def _settled_rows(collision: Collision, settlement: Settlement) -> Rows | None:
    if isinstance(settlement, Side):
        return collision.rows(settlement)
    if collision.kind is not CollisionKind.SAME_ROW or set(settlement) - set(collision.fields):
        return None  # edited values settle only the fields of a row changed on both sides
    ((ref, row),) = collision.server.items()
    assert row is not None
    return {ref: {**row, **settlement}}


def _drop_orphans(merged: dict[Kind, dict[str, Fields]]) -> None:
    cases = merged[Kind.CASE]
    for of in _OF_A_CASE:
        for uid in [u for u, row in merged[of].items() if str(row["case"]) not in cases]:
            del merged[of][uid]


def changes(before: DocketState, after: DocketState) -> list[Change]:
    """What turns ``before`` into ``after``, row by row, in the order they are applied."""
    found: list[Change] = []
    states = (after, before)
    for kind in Kind:
        old, new = before.table(kind), after.table(kind)
        for key in dict.fromkeys([*old, *new]):
            ref = (kind, key)
            if old.get(key) == new.get(key):
                continue
            action = "added" if key not in old else "removed" if key not in new else "changed"
            found.append(
                Change(ref, action, describe_row(ref, new.get(key) or old.get(key), states))
            )
    return found


def field_label(name: str) -> str:
    """A field as the user reads it: "remaining_minutes" is "Remaining minutes"."""
    return name.replace("_", " ").capitalize()


def _shown(value: object) -> str:
    """A field's value as the user reads it: text as it is, a flag as yes or no, none as "none"."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def describe_row(ref: RowRef, row: Fields | None, states: Iterable[DocketState]) -> str:
    """A row in a clerk's words: "case A 123-456-789 (Name)", "the hearing of ... on ..."."""
    kind, key = ref
    if kind is Kind.PROFILE:
        return "the judge's profile"
    if kind is Kind.CLOSURE:
        return f"the court closure on {key}"
    if kind is Kind.LEAVE:
        start, end, what, _all_day = key.split("|")
        return f"{what} leave {start[:16].replace('T', ' ')} to {end[:16].replace('T', ' ')}"
    if row is None:
        return f"{kind.value} {key}"
    if kind is Kind.CASE:
        return f"case {format_a_number(str(row['a_number']))} ({row['name']})"
    a_number = None
    for state in states:
        case = state.row((Kind.CASE, str(row["case"])))
        if case is not None:
            a_number = format_a_number(str(case["a_number"]))
            break
    when = str(row["start"])[:16].replace("T", " ")
    if kind is Kind.NOTICE:
        return (
            f"the notice ({row['event']}) served {row['served']} of the hearing of "
            f"{a_number or 'a removed case'} on {when}"
        )
    return f"the hearing of {a_number or 'a removed case'} on {when}"


def _gist(ref: RowRef, row: Fields | None, owner: str = "") -> str:
    if row is None:
        if ref[0] in _OF_A_CASE and owner:
            what = f"the {ref[0].value} of {owner}"
        elif ref[0] is Kind.CASE and owner:
            what = f"case {owner}"
        else:
            what = describe_row(ref, row, ())
        return f"{what}: not there"
    if ref[0] is Kind.NOTICE:
        return (
            f"notice served {row['served']} of {owner or 'the case'}: hearing "
            f"{row['event']} for {str(row['start'])[:16].replace('T', ' ')}"
        )
    if ref[0] is Kind.HEARING:
        return (
            f"hearing of {owner or 'the case'} {str(row['start'])[:16].replace('T', ' ')}, "
            f"{row['minutes']} min, {row['kind']}, {row['status']}"
        )
    if ref[0] is Kind.CASE:
        done = (
            f" on {row['completion_date']} ({row['completion_kind']})"
            if row["status"] == "completed"
            else ""
        )
        return f"case {format_a_number(str(row['a_number']))}: {row['status']}{done}"
    return describe_row(ref, row, ())


__all__ = ["PROFILE_KEY", "Change", "Collision", "CollisionKind", "Merge", "Side", "merge"]
