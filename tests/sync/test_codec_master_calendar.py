"""A master calendar's limit and call times survive the sync codec; a profile without one reads
its sessions as the five fields it always had (issue 20)."""

import json
from datetime import time

from planner.domain.judge import Judge, Session, standard_week
from planner.domain.vocabulary import SessionKind
from planner.sync.codec import profile_fields, profile_of


def test_a_master_calendar_round_trips_and_plain_sessions_keep_five_fields() -> None:
    calendar = Session(0, time(8, 30), time(12), SessionKind.MASTER, None, 40, (time(8, 30),))
    judge = Judge("Ana Ruiz", sessions=(calendar, *standard_week()[1:]))
    fields = profile_fields(judge)
    assert profile_of(fields).sessions == judge.sessions
    rows = json.loads(str(fields["sessions"]))
    assert [0, "08:30:00", "12:00:00", "master", None, 40, "08:30"] in rows
    assert all(len(row) == 5 for row in json.loads(str(profile_fields(Judge("B"))["sessions"])))
