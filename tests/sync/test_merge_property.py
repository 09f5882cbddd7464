"""The three-way merge over three thousand random edit sequences on both sides (hypothesis; notices
served and undone among them): every edit either side made is in the merged docket or was shown
as a collision and settled; the merged docket is sound; a check-in repeated after a crash (the laptop still holding its old base)
completes; a second check-in changes nothing."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.judge import Judge
from planner.sync.codec import profile_fields
from planner.sync.merge import Side, merge
from planner.sync.recheck import integrity_problems, placement_conflicts
from planner.sync.state import PROFILE_KEY, DocketState, Fields, Kind

MONDAY = date(2027, 1, 4)


def _case(a_number: str, name: str) -> dict[str, object]:
    return {
        "a_number": a_number,
        "name": name,
        "kind": "asylum",
        "received": "2025-01-01",
        "detained": False,
        "juvenile": False,
        "language": "English",
        "represented": False,
        "status": "pending",
        "completion_date": None,
        "completion_kind": None,
        "remaining_minutes": None,
        "asylum_filed": None,
        "nta_served": None,
        "attorney": None,
    }


def _hearing(case: str, slot: int) -> dict[str, object]:
    day = MONDAY + timedelta(days=7 * (slot // 6) + (slot // 3) % 2)
    start = datetime.combine(day, datetime.min.time()) + timedelta(hours=9 + slot % 3)
    return {
        "case": case,
        "start": start.isoformat(),
        "minutes": 60,
        "kind": "master",
        "status": "scheduled",
        "adjournment_reason": None,
    }


def _base() -> DocketState:
    cases = {f"c{i}": _case(str(300_000_000 + i), f"Person {i}") for i in range(4)}
    hearings = {"h0": _hearing("c0", 0), "h1": _hearing("c1", 1)}
    notices = {
        "n0": {
            "case": "c0",
            "hearing": "h0",
            "event": "set",
            "start": hearings["h0"]["start"],
            "minutes": 60,
            "kind": "master",
            "judge": "Ana Ruiz",
            "served": "2026-11-30",
        }
    }
    return DocketState(
        "judge",
        {
            Kind.PROFILE: {PROFILE_KEY: profile_fields(Judge("Ana Ruiz"))},
            Kind.CLOSURE: {},
            Kind.LEAVE: {},
            Kind.CASE: cases,  # type: ignore[dict-item]
            Kind.HEARING: hearings,  # type: ignore[dict-item]
            Kind.NOTICE: notices,  # type: ignore[dict-item]
        },
    )


@dataclass
class Editor:
    """One side's docket, edited as the window would: valid after every edit."""

    side: str
    rows: dict[Kind, dict[str, dict[str, object]]]
    made: int = 0

    def new_key(self, prefix: str) -> str:
        self.made += 1
        return f"{prefix}-{self.side}-{self.made}"

    def pending(self) -> list[str]:
        return sorted(k for k, c in self.rows[Kind.CASE].items() if c["status"] == "pending")

    def apply(self, op: int, pick: int, value: int) -> None:
        cases, hearings = self.rows[Kind.CASE], self.rows[Kind.HEARING]
        pending = self.pending()
        match op:
            case 0 if cases:  # edit a field
                key = sorted(cases)[pick % len(cases)]
                field = ("remaining_minutes", "attorney", "name")[value % 3]
                new: object = 30 + value if field == "remaining_minutes" else f"{field} {value}"
                cases[key] = {**cases[key], field: new}
            case 1 if pending:  # complete a case (its outcome)
                key = pending[pick % len(pending)]
                cases[key] = {
                    **cases[key],
                    "status": "completed",
                    "completion_date": f"2026-12-{1 + value % 20:02d}",
                    "completion_kind": "relief_granted",
                }
            case 2:  # a new case; A-numbers from a small pool, so both sides may take one
                number = str(400_000_000 + value % 4)
                if all(c["a_number"] != number for c in cases.values()):
                    cases[self.new_key("c")] = _case(number, f"New {value}")
            case 3 if pending:  # set a hearing
                case = pending[pick % len(pending)]
                hearings[self.new_key("h")] = _hearing(case, value % 12)
            case 4 if hearings:  # move a hearing
                key = sorted(hearings)[pick % len(hearings)]
                hearings[key] = {**hearings[key], "start": _hearing("", value % 12)["start"]}
            case 5 if hearings:  # unschedule a hearing
                del hearings[sorted(hearings)[pick % len(hearings)]]
            case 6 if cases:  # remove a case, and its hearings with it
                key = sorted(cases)[pick % len(cases)]
                del cases[key]
                for h in [h for h, row in hearings.items() if row["case"] == key]:
                    del hearings[h]
                notices = self.rows[Kind.NOTICE]
                for n in [n for n, row in notices.items() if row["case"] == key]:
                    del notices[n]  # the store's cascade
            case 7:  # a court closure, or none that day
                day = (MONDAY + timedelta(days=7 * (value % 2) + value % 5)).isoformat()
                closures = self.rows[Kind.CLOSURE]
                if day in closures:
                    del closures[day]
                else:
                    closures[day] = {"reason": f"closed {self.side}"}
            case 8:  # the profile's quota
                profile = self.rows[Kind.PROFILE]
                profile[PROFILE_KEY] = {**profile[PROFILE_KEY], "quota": 500 + value}
            case 9 if hearings:  # a notice of a hearing served (issue 19)
                key = sorted(hearings)[pick % len(hearings)]
                hearing = hearings[key]
                self.rows[Kind.NOTICE][self.new_key("n")] = {
                    "case": hearing["case"],
                    "hearing": key,
                    "event": ("set", "moved", "cancelled")[value % 3],
                    "start": hearing["start"],
                    "minutes": hearing["minutes"],
                    "kind": hearing["kind"],
                    "judge": "Ana Ruiz",
                    "served": f"2026-12-{1 + value % 20:02d}",
                }
            case 10 if self.rows[Kind.NOTICE]:  # the serving of a notice undone
                del self.rows[Kind.NOTICE][
                    sorted(self.rows[Kind.NOTICE])[pick % len(self.rows[Kind.NOTICE])]
                ]
            case _:
                pass

    def state(self) -> DocketState:
        return DocketState(
            "judge", {k: {key: dict(r) for key, r in t.items()} for k, t in self.rows.items()}
        )  # type: ignore[misc]


def _editor(side: str, base: DocketState) -> Editor:
    return Editor(side, {k: {key: dict(r) for key, r in base.table(k).items()} for k in Kind})


EDITS = st.lists(st.tuples(st.integers(0, 10), st.integers(0, 50), st.integers(0, 60)), max_size=12)


def _confirmed(base: DocketState, side: DocketState) -> list[tuple[Kind, str, str | None, object]]:
    """Each edit a side made, as (kind, key, field or None for the whole row, value)."""
    found: list[tuple[Kind, str, str | None, object]] = []
    for kind in Kind:
        for key in {*base.table(kind), *side.table(kind)}:
            was, now = base.table(kind).get(key), side.table(kind).get(key)
            if was == now:
                continue
            if now is None or was is None:
                found.append((kind, key, None, now))
            else:
                found.extend((kind, key, f, now[f]) for f in now if now[f] != was.get(f))
    return found


def _value(state: DocketState, kind: Kind, key: str, field: str | None) -> object:
    row: Fields | None = state.table(kind).get(key)
    if field is None:
        return row
    return None if row is None else row.get(field)


@settings(max_examples=3000, deadline=None)
@given(laptop_edits=EDITS, server_edits=EDITS, keep=st.sampled_from(Side))
def test_every_edit_is_merged_or_shown_as_a_collision_and_settled(
    laptop_edits: list[tuple[int, int, int]],
    server_edits: list[tuple[int, int, int]],
    keep: Side,
) -> None:
    base = _base()
    laptop, server = _editor("laptop", base), _editor("server", base)
    for op in laptop_edits:
        laptop.apply(*op)
    for op in server_edits:
        server.apply(*op)
    mine, theirs = laptop.state(), server.state()

    unsettled = merge(base, mine, theirs)
    done = merge(base, mine, theirs, default=keep)

    assert done.complete
    assert [c.id for c in done.collisions] == [c.id for c in unsettled.unsettled]
    in_collision = {ref for c in done.collisions for ref in (*c.laptop, *c.server)}
    # Each side's edits as the merge knows them: a row removed and made again at the same place
    # (a case by its A-number, a hearing by its case and start) is the same row (reidentified).
    for side, state in ((Side.LAPTOP, done.laptop), (Side.SERVER, done.server)):
        for kind, key, field, value in _confirmed(base, state):
            if (kind, key) in in_collision:
                continue
            assert _value(done.merged, kind, key, field) == value, (side, kind, key, field)
    assert integrity_problems(done.merged) == []
    placement_conflicts(done.merged)  # the re-check runs on any merged docket
    # A check-in again after a crash between the server's commit and the laptop's update (the
    # server has the merge, the laptop its old base): it completes, and keeps every edit of both.
    again = merge(base, mine, done.merged, default=keep)
    assert again.complete
    assert integrity_problems(again.merged) == []
    # A second check-in (the laptop's base is now the merge): nothing to do.
    second = merge(done.merged, done.merged, done.merged)
    assert second.complete
    assert not second.server_changes()
    assert not second.laptop_changes()
