"""Seeing another program's change: a timer polls the store's change counter."""

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from planner.store.errors import StoreError

#: How often the counter is asked: a change shows within this (and the reload's time), well
#: inside the two seconds the issue allows; each poll costs microseconds.
POLL_MS = 500

_log = logging.getLogger(__name__)


class ExternalChanges(QObject):
    """Calls ``on_change`` when the store's counter moved for another reason than this window's
    own action (which the workspace ``acknowledge``s before it broadcasts it).

    ``counter`` is the open database's change counter (``Database.change_counter``)."""

    def __init__(
        self,
        counter: Callable[[], int],
        on_change: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._counter, self._on_change = counter, on_change
        self._seen: int | None = None
        self._failing = False
        self._held = False
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self.poll)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._seen = self._read()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def acknowledge(self) -> None:
        """What is stored now is about to be shown: this window changed it, or is reloading."""
        if self.active:
            self._seen = self._read()

    def hold(self) -> None:
        """This window's background task is about to commit: until ``release``, a moved counter
        is not taken for another program's change (the task's end acknowledges its commit)."""
        self._held = True

    def release(self) -> None:
        self._held = False

    def poll(self) -> bool:
        """Ask the counter once (if started and not held); report a change made elsewhere. True
        if there was one."""
        if not self.active or self._held:
            return False
        now = self._read()
        if now is None or now == self._seen:
            return False
        self._seen = now
        self._on_change()  # a broadcast, which acknowledges again just before it goes out
        return True

    def _read(self) -> int | None:
        try:
            value = self._counter()
        except StoreError as error:  # the file is busy or gone: the next poll tries again
            if not self._failing:
                _log.warning("cannot watch the database for changes: %s", error)
            self._failing = True
            return None
        self._failing = False
        return value
