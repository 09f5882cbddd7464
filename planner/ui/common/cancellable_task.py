"""Read-only work in a worker thread that the user can stop: progress and the result arrive on
the GUI thread, and the window stays usable meanwhile (tasks.BackgroundTask is for writes that
must end whole, so it has no Cancel)."""

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

Progress = Callable[[int, int], None]
Work = Callable[[Progress, Callable[[], bool]], Any]


class _Worker(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, stop: threading.Event) -> None:
        super().__init__()
        self._work, self._stop = work, stop

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._stop.is_set)
        except Exception as error:  # handed to the GUI thread
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)


class CancellableTask(QObject):
    """Runs ``work(progress, cancelled)`` in a worker thread.

    ``progressed``, ``finished`` (the result) and ``failed`` (the exception, such as the work's
    own ``Cancelled``) arrive on the GUI thread; ``cancel()`` makes ``cancelled()`` true, and the
    work is expected to stop at its next check.
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._thread = QThread(self)
        self._worker = _Worker(work, self._stop)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self.progressed)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)
        self.running = False

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    @property
    def alive(self) -> bool:
        """Whether the worker thread still runs (false once ``wait()`` has returned)."""
        return self._thread.isRunning()

    def wait(self) -> None:
        """Block until the worker has ended (when the window closes, say)."""
        self._thread.quit()
        self._thread.wait()

    def _end(self) -> None:
        self.running = False
        self._thread.quit()
        self._thread.wait()

    def _succeeded(self, result: object) -> None:
        self._end()
        self.finished.emit(result)

    def _failed(self, error: object) -> None:
        self._end()
        self.failed.emit(error)
