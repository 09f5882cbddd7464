"""For benchmarks/bench_startup.py: report when the window is first painted and the forecast in."""

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from planner.ui.window.main_window import MainWindow


class StartupProbe(QObject):
    """Prints ``painted EPOCH`` (and ``cpu_painted``, the CPU seconds used so far) at the
    window's first paint and ``forecast EPOCH`` once the quota panel is up to date, then quits
    the application."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._painted = False
        window.docket.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            print(f"painted {time.time():.4f}", flush=True)
            print(f"cpu_painted {time.process_time():.4f}", flush=True)
            QTimer.singleShot(0, self._wait_for_forecast)
        return False

    def _wait_for_forecast(self) -> None:
        if not self._window.quota_panel.up_to_date:
            QTimer.singleShot(5, self._wait_for_forecast)
            return
        print(f"forecast {time.time():.4f}", flush=True)
        QApplication.quit()
