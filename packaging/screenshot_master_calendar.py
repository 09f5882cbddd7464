"""A master calendar in the window, for docs/screenshots/screens/master-*.png (issue 20):

    QT_SCALE_FACTOR=2 python packaging/screenshot_master_calendar.py OUT.png 1024x600 \\
        [calendar:day|calendar:week|calendar:agenda]

A docket of its own in a throwaway folder: Judge Ruiz's Monday morning is a master calendar of
40 cases called at 08:30 and 10:00, with 34 cases set on Monday 23 November 2026 (24 at 08:30,
10 at 10:00); Tuesday's plain master session has a few hearings of their own slots.
"""

import sys
import tempfile
from datetime import date, datetime, time
from pathlib import Path

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge, Session, standard_week
from planner.domain.vocabulary import HearingKind, SessionKind
from planner.store.database import Database

sys.path.insert(0, str(Path(__file__).parent))
from screenshot_screens import main as screenshot

MONDAY = date(2026, 11, 23)
CALLS = (time(8, 30), time(10))
NAMES = (
    "Rosa Díaz Hernández",
    "Li Wei",
    "José Núñez",
    "Amina Yusuf",
    "Omar Haddad",
    "María López García",
    "Tran Thi Mai",
    "Anaïs Pierre-Louis",
)
LANGUAGES = ("Spanish", "Mandarin", "Mam", "Arabic", "Haitian Creole", "K'iche'", "Vietnamese")


def docket() -> Docket:
    sessions = tuple(
        Session(s.weekday, s.start, s.end, s.kind, None, 40, CALLS)
        if (s.weekday, s.kind) == (0, SessionKind.MASTER)
        else s
        for s in standard_week()
    )
    cases = tuple(
        Case(
            f"2{i:08d}",
            f"{NAMES[i % len(NAMES)]} {i}",
            "removal",
            date(2026, 1, 5),
            language=LANGUAGES[i % len(LANGUAGES)],
            detained=i % 3 == 0,
            represented=i % 2 == 0,
        )
        for i in range(40)
    )
    hearings = [
        Hearing(case.a_number, datetime.combine(MONDAY, CALLS[i >= 24]), 15, HearingKind.MASTER)
        for i, case in enumerate(cases[:34])
    ]
    hearings += [
        Hearing(case.a_number, datetime(2026, 11, 24, 9, 15 * k), 15, HearingKind.MASTER)
        for k, case in enumerate(cases[34:38])
    ]
    return Docket(Judge("Ana Ruiz", sessions=sessions), (), (), cases, tuple(hearings))


def main(out: str, size: str, view: str = "calendar:day") -> None:
    path = Path(tempfile.mkdtemp()) / "master.sqlite"
    database = Database.open(path)
    with database.transaction() as repo:
        repo.add_docket(docket())
    database.close()
    screenshot(str(path), out, size, "light", view, MONDAY.isoformat())


if __name__ == "__main__":
    main(*sys.argv[1:])
