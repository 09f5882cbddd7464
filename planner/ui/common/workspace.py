"""The open database, the judge on screen and the undo stack, shared by every view."""

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from shiboken6 import isValid

from planner.domain.judge import Judge
from planner.services import judges as judge_service
from planner.services.changes import Change
from planner.services.clock import instant, now_for
from planner.services.docket_access import (
    CHANGEABLE,
    EVERY_DOCKET,
    DocketAccess,
    docket_access,
    permissions,
)
from planner.store.court_permissions import Permissions
from planner.store.database import Database
from planner.store.errors import Conflict, StoreError
from planner.ui.common.commands import ServiceCommand
from planner.ui.common.external_changes import ExternalChanges

T = TypeVar("T")


class Workspace(QObject):
    """What the window works on. Views listen to ``changed`` and refresh what it touches."""

    changed = Signal(object)  # Change
    judge_switched = Signal(object)  # Judge | None
    failed = Signal(object)  # Exception: an action that could not be done
    #: DocketAccess: whether the judge on screen's docket may be changed by the login (a court
    #: server's roles), set before ``judge_switched``; every room greys its edits by it.
    access_changed = Signal(object)

    def __init__(
        self,
        database: Database,
        *,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        #: Now: an aware instant (by default the real clock's), or a naive local wall-clock time
        #: pinned for every judge (tests). ``clock`` reads it in the judge's own time zone.
        self.now: Callable[[], datetime] = clock or instant
        self.undo_stack = QUndoStack(self)
        self.judge: Judge | None = None
        #: May the login change the judge on screen's docket (always, on a file).
        self.access: DocketAccess = CHANGEABLE
        self._permissions: Permissions | None = None
        #: Another program's changes, once started (``watch_others``): the main window does.
        self.others = ExternalChanges(lambda: self.database.change_counter(), self.refresh, self)

    def __del__(self) -> None:
        # The undo stack (a Qt child) owns the commands, and their actions hold this workspace:
        # a cycle. Collected as it stands, the collector could drop a command's actions first,
        # and this workspace with them, while the stack deletes that very command (a crash in
        # QUndoStack::clear). Python runs every finalizer of a cycle before breaking any of it:
        # the commands go here, whole, first.
        if isValid(self.undo_stack):  # not already deleted with a Qt parent of this workspace
            self.undo_stack.clear()

    def watch_others(self) -> None:
        """From now on, show another program's change to the database within a second."""
        self.others.start()

    def clock(self) -> datetime:
        """Now, as a naive local wall-clock time, to the minute: the judge's own (the machine's
        while no judge is on screen)."""
        now = self.now()
        if now.tzinfo is None:
            return now
        if self.judge is not None:
            return now_for(self.judge, now)
        return now.astimezone().replace(tzinfo=None, second=0, microsecond=0)

    def open_database(self, database: Database) -> None:
        """Work on another database from now on: no judge on screen, nothing to undo."""
        old = self.database
        self.database = database
        self.undo_stack.clear()
        self.judge = None
        self._permissions = None
        self._check_access()
        self.judge_switched.emit(None)
        if old is not database:
            old.close()
        self.others.acknowledge()  # the new file as it is now is what the views read
        self.changed.emit(Change.EVERYTHING)

    # The judge on screen ------------------------------------------------------------------

    def judges(self) -> list[Judge]:
        return judge_service.list_judges(self.database)

    def switch_judge(self, judge: Judge | None) -> None:
        if judge == self.judge:
            return
        self.judge = judge
        self._check_access()
        self.judge_switched.emit(judge)

    def permissions(self) -> Permissions:
        """What the login may change: read once per database (again on a refresh), every docket
        on a file. A court-wide view (the Court Day) asks it of the judges it shows."""
        if self._permissions is None:
            try:
                self._permissions = permissions(self.database)
            except StoreError:  # the server unreachable: its refusal, if any, still says why
                return EVERY_DOCKET
        return self._permissions

    def _check_access(self) -> None:
        """Read (once per database, again on a refresh) what the login may change, and tell the
        rooms when the judge on screen's docket became changeable or read-only."""
        access = CHANGEABLE if self.judge is None else docket_access(self.permissions(), self.judge)
        if access != self.access:
            self.access = access
            self.access_changed.emit(access)

    def reload_judge(self) -> None:
        """Fetch the judge on screen again (after an edit or an undo changed the profile)."""
        if self.judge is None:
            return
        fresh = next((j for j in self.judges() if j.id == self.judge.id), None)
        self.judge = fresh
        if fresh is None:
            self._check_access()
            self.judge_switched.emit(None)

    # Actions --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything again (View > Refresh, or another program changed the database)."""
        if self._permissions is not None and not self._permissions.everything:
            self._permissions = None  # a grant or revoke since: read again
            self._check_access()
        self.notify(Change.EVERYTHING)

    def notify(self, change: Change) -> None:
        """Broadcast what this window changed. The store's counter is taken as seen first: the
        commit is this window's own (``perform`` showed another program's before it), and one
        made while the views read is seen by the next poll."""
        self.others.acknowledge()
        if change & (Change.PROFILE | Change.JUDGES):
            self.reload_judge()
        self.changed.emit(change)

    def perform(
        self,
        text: str,
        do: Callable[[], T],
        *,
        undo: Callable[[T], Change],
        redo: Callable[[T], Change],
        change: Change,
        stored_by_task: bool = False,
    ) -> T | None:
        """Carry out one user action (one transaction) and make it undoable.

        ``do`` runs now; if it raises, the error is reported and nothing is pushed. ``undo`` and
        ``redo`` receive what ``do`` returned. ``stored_by_task``: ``do`` only hands over what
        this window's background task already stored (whose caller caught up before it began).
        """
        if not stored_by_task:
            # Another program's change, if any, is shown first: the acknowledgement after this
            # action must not pass it off as this action's.
            self.others.poll()
        try:
            result = do()
        except Exception as error:
            self.failed.emit(error)
            if isinstance(error, Conflict):  # what is stored differs from what is shown
                self.notify(change)
            return None
        command = ServiceCommand(
            text,
            undo=lambda: self._caught_up(undo, result),
            redo=lambda: self._caught_up(redo, result),
            notify=self.notify,
            on_error=self.failed.emit,
        )
        self.undo_stack.push(command)
        self.notify(change)
        return result

    def _caught_up(self, action: Callable[[T], Change], result: T) -> Change:
        """An undo or redo, after showing another program's change (as ``perform`` does)."""
        self.others.poll()
        return action(result)
