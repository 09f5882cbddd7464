"""A court's closures, read and written through the ORM in one transaction (the plain read that
joins them to a judge's calendar is ``court_calendar``)."""

from collections.abc import Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session as OrmSession

from planner.domain.time_off import Closure
from planner.store.tables import CourtClosureRow


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
