"""Whether the docket on screen may be changed by the login (issue 16): on a court server the
server's rules decide (``court_access``), and the window greys its editing actions, saying why
in the words of the server's own refusals; a file's docket may always be changed."""

from dataclasses import dataclass

from planner.domain.judge import Judge
from planner.store.court_permissions import Permissions
from planner.store.database import Database

#: A file's login, or the server's owner: every docket.
EVERY_DOCKET = Permissions(login="", role=None, everything=True)


@dataclass(frozen=True)
class DocketAccess:
    """May the judge's docket be changed; if not, why, in one line."""

    may_change: bool
    reason: str | None = None


CHANGEABLE = DocketAccess(True)


def permissions(database: Database) -> Permissions:
    """What the database's login may change (one look-up on a server; nothing on a file)."""
    if database.path is not None:
        return EVERY_DOCKET
    from planner.store.court_access import what_login_may_change  # SQLAlchemy: a server's

    return what_login_may_change(database.engine)


def docket_access(permissions: Permissions, judge: Judge | None) -> DocketAccess:
    """Whether ``judge``'s docket may be changed under ``permissions``, and if not the reason,
    as the server words its refusal."""
    if judge is None or judge.id is None or permissions.may_change(judge.id):
        return CHANGEABLE
    login, role = permissions.login, permissions.role
    if role == "admin":
        why = f"court administrator {login} may read every judge's docket but change none"
    elif role == "judge":
        why = f"judge {login} may change only their own docket, not Judge {judge.name}'s"
    elif role == "assistant":
        why = (
            f"legal assistant {login} is not assigned to Judge {judge.name}: only their "
            "assigned judges' dockets can be changed"
        )
    else:
        why = (
            f"{login} has no role on this court server: a court administrator gives one with "
            "'planner court grant'"
        )
    return DocketAccess(False, why)


def may_change_docket(database: Database, judge: Judge | None) -> DocketAccess:
    """Whether the login may change ``judge``'s docket in ``database``, and if not why."""
    return docket_access(permissions(database), judge)


def transfer_access(
    permissions: Permissions, source: Judge | None, target: Judge | None
) -> DocketAccess:
    """Whether a hearing, with its case, may move from ``source``'s docket to ``target``'s (the
    Court Day's move; ``target`` None: not chosen yet): it changes both dockets, so the login
    must be allowed both; if not, the reason for the first it may not change, as the server
    refuses the move (the case's row as it was, then as it will be)."""
    for judge in (source, target):
        access = docket_access(permissions, judge)
        if not access.may_change:
            return access
    return CHANGEABLE
