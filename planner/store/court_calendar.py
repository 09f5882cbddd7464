"""Court-wide closures: days a whole court is closed, entered once for every judge whose profile
names the court. Read here on the read path (``dialect``) beside the judge's own closures (``profiles``), without
SQLAlchemy (the first screen reads them); written through the ORM (``court_closures``)."""

from collections.abc import Iterable

from planner.domain.time_off import Closure
from planner.store.dialect import Link

#: How a court-wide closure's reason reads on a judge's calendar.
WHOLE_COURT = " (whole court)"

_OF_JUDGE = (
    "SELECT cc.day, cc.reason FROM court_closures AS cc JOIN judges AS j ON j.court = cc.court "
    "WHERE j.id = :judge_id ORDER BY cc.day"
)


def court_closures_of(link: Link, judge_id: int) -> list[Closure]:
    """The closures of the judge's court (as the profile names it), by day."""
    return [
        Closure(link.dialect.read_day(day), reason + WHOLE_COURT)
        for day, reason in link.rows(_OF_JUDGE, {"judge_id": judge_id})
    ]


def with_court_closures(own: Iterable[Closure], court: Iterable[Closure]) -> list[Closure]:
    """The judge's own closures and the court's, one a day (the judge's own reason where both
    close the same day), by day."""
    days = {closure.day: closure for closure in court}
    days.update({closure.day: closure for closure in own})
    return [days[day] for day in sorted(days)]
