"""Court-wide closures: days a whole court is closed, entered once for every judge whose profile
names the court. Read in plain SQL beside the judge's own closures (``profiles``), and written
through the ORM in a transaction."""

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session as OrmSession

from planner.domain.docket import Closure
from planner.store.tables import CourtClosureRow

#: How a court-wide closure's reason reads on a judge's calendar.
WHOLE_COURT = " (whole court)"

_OF_JUDGE = (
    "SELECT cc.day, cc.reason FROM court_closures AS cc JOIN judges AS j ON j.court = cc.court "
    "WHERE j.id = ? ORDER BY cc.day"
)


def court_closures_of(connection: sqlite3.Connection, judge_id: int) -> list[Closure]:
    """The closures of the judge's court (as the profile names it), by day."""
    return [
        Closure(date.fromisoformat(day), reason + WHOLE_COURT)
        for day, reason in connection.execute(_OF_JUDGE, (judge_id,))
    ]


def with_court_closures(own: Iterable[Closure], court: Iterable[Closure]) -> list[Closure]:
    """The judge's own closures and the court's, one a day (the judge's own reason where both
    close the same day), by day."""
    days = {closure.day: closure for closure in court}
    days.update({closure.day: closure for closure in own})
    return [days[day] for day in sorted(days)]


class CourtClosureStore:
    """A court's closures in one transaction."""

    def __init__(self, session: OrmSession) -> None:
        self._session = session

    def closures(self, court: str) -> list[Closure]:
        query = (
            select(CourtClosureRow.day, CourtClosureRow.reason)
            .where(CourtClosureRow.court == court)
            .order_by(CourtClosureRow.day)
        )
        return [Closure(day, reason) for day, reason in self._session.execute(query)]

    def replace(self, court: str, closures: Sequence[Closure]) -> None:
        """Set the court's closures to exactly these."""
        self._session.execute(delete(CourtClosureRow).where(CourtClosureRow.court == court))
        if closures:
            self._session.execute(
                insert(CourtClosureRow),
                [{"court": court, "day": c.day, "reason": c.reason} for c in closures],
            )
