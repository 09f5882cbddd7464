"""Python's cycle collector, run on the GUI thread only.

Left to itself, the collector runs in whichever thread allocates past its threshold: a worker
(the age targets' projection, a forecast) would then free cycles that hold Qt objects, and Qt
deletes a widget on the wrong thread with a crash. Automatic collection is switched off, and the
GUI thread collects on a timer, each generation as its own threshold asks.
"""

import gc

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer

#: How often the GUI thread looks at the collector's counts (a young collection takes well under
#: a millisecond; a worker's garbage waits at most this long).
INTERVAL_MS = 1000

_NAME = "gui-thread-collector"


class GuiThreadCollector(QObject):
    """Collects on its application's thread, every ``INTERVAL_MS``, while started."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName(_NAME)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.setTimerType(Qt.TimerType.VeryCoarseTimer)  # to the second: no extra wake-ups
        self._timer.timeout.connect(self.collect)

    @classmethod
    def of(cls, app: QCoreApplication | None) -> "GuiThreadCollector | None":
        """``app``'s collector, if one was made."""
        return None if app is None else app.findChild(cls, _NAME)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Back to automatic collection, after a whole collection here. What Qt was asked to
        delete (``deleteLater``: closed windows) is deleted first, by Qt and in its order, so
        that the collection does not free those objects' wrappers under them."""
        self._timer.stop()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        gc.enable()

    def collect(self) -> None:
        """The oldest generation whose count is past its threshold, and the younger ones."""
        counts = gc.get_count()
        due = [g for g in range(3) if counts[g] > self._thresholds[g]]
        if due:
            gc.collect(max(due))


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Start ``app``'s collector (made once), if it is not running already."""
    collector = GuiThreadCollector.of(app) or GuiThreadCollector(app)
    if not collector.running:
        collector.start()
    return collector
