"""Long work off the GUI thread, with a progress dialog, so the window never freezes."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[int, int], None]


class _Worker(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit)
        except Exception as error:  # handed to the GUI thread, which shows it
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)


class BackgroundTask(QObject):
    """Runs ``work(progress)`` in a worker thread; ``finished``/``failed`` arrive on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QWidget, label: str, work: Callable[[Progress], Any]) -> None:
        super().__init__(parent)
        self.dialog = QProgressDialog(label, "", 0, 0, parent)
        self.dialog.setWindowTitle("Working")
        self.dialog.setCancelButton(
            None
        )  # the work is one transaction: it ends whole or not at all
        self.dialog.setMinimumDuration(200)
        self._thread = QThread(self)
        self._worker = _Worker(work)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._progress)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> None:
        self._thread.wait()

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    def _finish(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.dialog.reset()
        self.dialog.close()

    def _succeeded(self, result: object) -> None:
        self._finish()
        self.finished.emit(result)

    def _failed(self, error: object) -> None:
        self._finish()
        self.failed.emit(error)
