"""What a login may change on a court server (``court_access`` reads it): kept apart from the
SQL, without SQLAlchemy, so that the window's first paint need not import it."""

from dataclasses import dataclass
from typing import Literal

Role = Literal["judge", "assistant", "admin"]


@dataclass(frozen=True)
class Permissions:
    """Which dockets the login may change: every one (a file, the database's owner), or those of
    ``judge_ids`` (a judge: their own; a legal assistant: their assigned judges'; a court
    administrator, or a login with no role: none)."""

    login: str
    role: Role | None
    judge_ids: frozenset[int] = frozenset()
    everything: bool = False

    def may_change(self, judge_id: int) -> bool:
        return self.everything or judge_id in self.judge_ids
