"""Start-up and quota-panel latency of the window, against a bare PySide6 window (issues 3, 14).

- The main window shown with a 5,000-case demo docket: under 1 s from process start, and no more
  than 2.5x a bare PySide6 window (a label and a QCalendarWidget) measured in the same run
  (issue 14's bar; issue 3's was 4x).
- An edit to the quota panel's inputs reaches the banner in under 50 ms on a 5,000-case docket.

Run: .venv/bin/python benchmarks/bench_startup.py   (offscreen; prints figures, exits 1 on a miss)
"""

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANNER = ROOT / ".venv" / "bin" / "planner"
RUNS = 7

BARE_WINDOW = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QCalendarWidget, QLabel, QMainWindow, QVBoxLayout, QWidget
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"painted {time.time():.4f}", flush=True)
            print(f"cpu_painted {time.process_time():.4f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
app = QApplication([])
window = QMainWindow()
body = QWidget(); layout = QVBoxLayout(body)
label = QLabel("Hello"); layout.addWidget(label); layout.addWidget(QCalendarWidget())
probe = Probe(); label.installEventFilter(probe)
window.setCentralWidget(body); window.show()
app.exec()
"""


def compiled(tree: Path) -> None:
    """Byte-compile the Planner's source in ``tree``, as an installation has it (a checkout run
    with PYTHONDONTWRITEBYTECODE would compile every changed module at each start)."""
    compileall.compile_dir(tree / "planner", quiet=1)


def _times(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from process start to each event the child prints (``painted``, ``forecast``);
    ``cpu_painted``: the CPU seconds the child had used by its first paint (steadier than the
    wall clock on a shared machine)."""
    start = time.time()
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    marks = dict(line.split() for line in output.splitlines() if line[:1].isalpha())
    return {
        name: float(at) - (0 if name.startswith("cpu") else start) for name, at in marks.items()
    }


def _panel_latency(database: Path) -> tuple[float, float]:
    """Median ms from a what-if edit, and from a stored edit, to the banner's new text."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from planner.domain.docket import Case
    from planner.services.changes import Change
    from planner.store.database import Database
    from planner.ui.common.workspace import Workspace
    from planner.ui.docket.case_actions import perform_add
    from planner.ui.docket.quota_panel import QuotaPanel

    app = QApplication.instance() or QApplication([])
    workspace = Workspace(Database.open(database))
    workspace.switch_judge(workspace.judges()[0])
    panel = QuotaPanel(workspace)
    panel.show()
    panel.reload()
    what_if, stored = [], []

    def settle() -> None:
        """Let the age targets' projection of the last change end (its worker shares Python's
        lock with the window), as it does between a user's edits."""
        while panel.projecting:
            app.processEvents()
            time.sleep(0.005)
        app.processEvents()

    for step in range(25):
        settle()
        start = time.perf_counter()
        panel.what_if.quota.setValue(600 + step * 10)
        what_if.append((time.perf_counter() - start) * 1000)
        assert panel.forecast is not None
        assert panel.forecast.quota == 600 + step * 10
        settle()
        start = time.perf_counter()
        perform_add(workspace, Case(f"9{step:08d}", "Bench Mark", "asylum", date(2026, 1, 1)))
        stored.append((time.perf_counter() - start) * 1000)
    workspace.notify(Change.NONE)
    app.processEvents()
    panel.close()  # stops its worker: no thread runs on as the program ends
    return statistics.median(what_if), statistics.median(stored)


def main() -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    compiled(ROOT)
    with tempfile.TemporaryDirectory() as folder:
        env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = folder
        database = Path(folder) / "demo.sqlite"
        subprocess.run(
            [str(PLANNER), "demo", "--db", str(database), "--cases", "5000"],
            env=env,
            check=True,
            capture_output=True,
        )
        bare_window = [sys.executable, "-c", BARE_WINDOW]
        planner_window = [str(PLANNER), "--db", str(database), "--quit-when-shown"]
        _times(bare_window, env)  # warm the disk cache for both
        _times(planner_window, env)
        bare, painted, forecast, bare_cpu, painted_cpu = [], [], [], [], []
        for _ in range(RUNS):
            marks = _times(bare_window, env)
            bare.append(marks["painted"])
            bare_cpu.append(marks["cpu_painted"])
            marks = _times(planner_window, env)
            painted.append(marks["painted"])
            painted_cpu.append(marks["cpu_painted"])
            forecast.append(marks["forecast"])
        what_if_ms, stored_ms = _panel_latency(database)
    bare_s, planner_s = statistics.median(bare), statistics.median(painted)
    ratio = planner_s / bare_s
    print(f"bare PySide6 window painted:      median {bare_s:.3f} s over {RUNS} runs")
    print(f"Planner window with the docket:   median {planner_s:.3f} s (x{ratio:.1f} the bare one)")
    print(f"... and the forecast banner in:   median {statistics.median(forecast):.3f} s")
    bare_cpu_s, planner_cpu_s = statistics.median(bare_cpu), statistics.median(painted_cpu)
    print(
        f"CPU used by the first paint:      bare {bare_cpu_s:.3f} s, Planner {planner_cpu_s:.3f} s "
        f"(x{planner_cpu_s / bare_cpu_s:.2f}); load average {os.getloadavg()[0]:.1f}"
    )
    print(f"what-if edit to banner:           median {what_if_ms:.1f} ms")
    print(f"stored edit (add case) to banner: median {stored_ms:.1f} ms")
    missed = planner_s >= 1.0 or ratio > 2.5 or what_if_ms >= 50 or stored_ms >= 50
    print("bars: MISSED" if missed else "bars: met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
