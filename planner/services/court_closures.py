"""Court-wide closures (issue 19): a day a whole court is closed (weather, the building, an
executive order) is entered once for the court, and every judge whose profile names the court
is off that day, on the calendar, in the forecast and for the scheduler. A judge's own closures
stay the judge's (the profile)."""

from collections.abc import Sequence

from planner.domain.errors import InvalidValue
from planner.domain.time_off import Closure
from planner.store.database import Database


def _court(court: str) -> str:
    name = court.strip()
    if not name:
        raise InvalidValue(
            "court-wide closures are for a named court: name the court in the judge's profile "
            "first (Judge > Edit Profile), so that they apply to every judge of that court"
        )
    return name


def court_closures(database: Database, court: str) -> list[Closure]:
    """The court's closures, by day."""
    with database.transaction() as repo:
        return repo.court_closures().closures(_court(court))


def judges_of_court(database: Database, court: str) -> list[str]:
    """The names of the judges whose profile names the court."""
    name = _court(court)
    with database.read() as reader:
        return [judge.name for judge in reader.judges() if judge.court.strip() == name]


def save_court_closures(
    database: Database, court: str, closures: Sequence[Closure]
) -> list[Closure]:
    """Set the court's closures to these, in one transaction; returns them as they were (the
    undo saves those back). A day listed twice is refused."""
    name, checked = checked_court_closures(court, closures)
    with database.transaction() as repo:
        store = repo.court_closures()
        before = store.closures(name)
        store.replace(name, checked)
        return before


def checked_court_closures(court: str, closures: Sequence[Closure]) -> tuple[str, list[Closure]]:
    """The court's name trimmed and its closures by day; a day listed twice is refused."""
    name = _court(court)
    seen = set()
    for closure in closures:
        if closure.day in seen:
            raise InvalidValue(f"the court closure on {closure.day} is listed twice")
        seen.add(closure.day)
    return name, sorted(closures, key=lambda c: c.day)
