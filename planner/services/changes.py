"""What an action changed, so each screen refreshes only what it shows."""

from enum import Flag, auto


class Change(Flag):
    NONE = 0
    JUDGES = auto()  # a judge added, removed or renamed
    PROFILE = auto()  # quota, fiscal year, template, minutes, counted completions
    CALENDAR = auto()  # closures and leave
    CASES = auto()
    HEARINGS = auto()
    NOTICES = auto()  # notices served, a court's address or notice period
    EVERYTHING = JUDGES | PROFILE | CALENDAR | CASES | HEARINGS | NOTICES
