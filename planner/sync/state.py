"""A judge's docket as plain rows, the way check-out copies it and check-in merges it.

Each row is a mapping of field names to plain values (text, numbers, booleans, None) under a key
that is the same on every machine: a case's or hearing's ``uid`` (schema revision 0004), a
closure's day, a leave entry's span and kind, and ``"profile"`` for the judge's profile. Who saved
a row last and when (its ``Stamp``) travels beside it and is not part of its value.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

Value = str | int | float | bool | None
Fields = Mapping[str, Value]


class Kind(StrEnum):
    """The kinds of row a docket is made of, in the order they are applied."""

    PROFILE = "profile"
    CLOSURE = "closure"
    LEAVE = "leave"
    CASE = "case"
    HEARING = "hearing"
    NOTICE = "notice"  # a notice served of a hearing (issue 19): its case's and hearing's uid


#: The profile's one key.
PROFILE_KEY = "profile"

RowRef = tuple[Kind, str]


@dataclass(frozen=True, slots=True)
class Stamp:
    """Who saved a row last, and when (ISO text, UTC; None where unknown)."""

    who: str = ""
    when: str | None = None

    def describe(self) -> str:
        if not self.who and not self.when:
            return "who and when not recorded"  # a removal, or a row saved before 0004
        who = self.who or "someone"
        return f"{who}, {self.when[:16].replace('T', ' ')} UTC" if self.when else who


@dataclass(frozen=True, slots=True)
class DocketState:
    """One judge's docket as rows: ``rows[kind][key]`` is a row's fields."""

    judge_uid: str
    rows: Mapping[Kind, Mapping[str, Fields]]
    stamps: Mapping[RowRef, Stamp] = field(default_factory=dict, compare=False)

    def table(self, kind: Kind) -> Mapping[str, Fields]:
        return self.rows.get(kind, {})

    def row(self, ref: RowRef) -> Fields | None:
        return self.table(ref[0]).get(ref[1])

    def stamp(self, ref: RowRef) -> Stamp:
        """A row's stamp; a closure's or leave's is the profile's (they are saved with it)."""
        kind = ref[0]
        if kind in (Kind.CLOSURE, Kind.LEAVE):
            return self.stamps.get((Kind.PROFILE, PROFILE_KEY), Stamp())
        return self.stamps.get(ref, Stamp())

    def to_json(self) -> str:
        """The state as JSON text (the laptop keeps the check-out's copy so)."""
        return json.dumps(
            {
                "judge_uid": self.judge_uid,
                "rows": {kind.value: dict(self.table(kind)) for kind in Kind},
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> "DocketState":
        data = json.loads(text)
        rows = {Kind(kind): dict(table) for kind, table in data["rows"].items()}
        return cls(str(data["judge_uid"]), rows)
