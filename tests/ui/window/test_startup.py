"""Start-up: the window shows the docket before SQLAlchemy is imported, and edits still work.

SQLAlchemy costs about half a second to import, most of what the window would otherwise wait
for (benchmarks/bench_startup.py). The store reads the first screen in plain SQL; SQLAlchemy
follows in the background once the forecast is on screen.
"""

import subprocess
import sys
from pathlib import Path

from planner.cli import main
from planner.paths import data_folder

#: Runs the real start-up (``planner --db PATH --quit-when-shown``) and, at the docket's first
#: paint and when the forecast is in, says whether SQLAlchemy had been imported.
_START = """
import sys
import planner.ui.window.startup_probe as probe
from PySide6.QtCore import QEvent

original = probe.StartupProbe.eventFilter

def painted(self, watched, event):
    if event.type() == QEvent.Type.Paint and not self._painted:
        print("painted with sqlalchemy:", "sqlalchemy" in sys.modules, flush=True)
    return original(self, watched, event)

probe.StartupProbe.eventFilter = painted
from planner.cli import main
code = main(["--db", sys.argv[1], "--quit-when-shown"])
sys.exit(code)
"""


def _demo(folder: Path, cases: int) -> Path:
    database = folder / "demo.sqlite"
    assert main(["--db", str(database), "demo", "--cases", str(cases), "--seed", "3"]) == 0
    return database


def _start(script: str, database: Path) -> str:
    """What ``script`` (a real start-up on ``database``) prints, in a process of its own."""
    run = subprocess.run(
        [sys.executable, "-c", script, str(database)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_the_window_paints_the_docket_before_sqlalchemy_is_imported(tmp_path: Path) -> None:
    said = _start(_START, _demo(tmp_path, 300))
    assert "painted with sqlalchemy: False" in said


#: The real start-up again; once the window has quit, how Python's collector runs.
_COLLECTOR = """
import gc
import sys
from PySide6.QtCore import QCoreApplication
from planner.cli import main
from planner.ui.common.garbage import GuiThreadCollector

code = main(["--db", sys.argv[1], "--quit-when-shown"])
collector = GuiThreadCollector.of(QCoreApplication.instance())
print("automatic:", gc.isenabled(), "on the GUI thread:", collector is not None and collector.running)
sys.exit(code)
"""


def test_once_painted_the_window_collects_garbage_on_its_own_thread_only(tmp_path: Path) -> None:
    said = _start(_COLLECTOR, _demo(tmp_path, 30))
    assert "automatic: False on the GUI thread: True" in said


#: A crash, as the window's process would meet one, with the crash report on.
_CRASH = """
import os
import signal
from planner.crash_log import watch_for_crashes
from planner.paths import data_folder

watch_for_crashes(data_folder())
os.kill(os.getpid(), signal.SIGSEGV)
"""

#: The real start-up again; once the window has quit, what its status bar says.
_STATUS = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
from planner.cli import main

code = main(["--db", sys.argv[1], "--quit-when-shown"])
(window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
print("status:", window.statusBar().currentMessage())
sys.exit(code)
"""


def test_after_a_crash_the_window_says_where_its_report_is(tmp_path: Path) -> None:
    database = _demo(tmp_path, 30)
    crashed = subprocess.run([sys.executable, "-c", _CRASH], capture_output=True, timeout=120)
    assert crashed.returncode != 0

    report = data_folder() / "crash-previous.log"
    shown = Path("~") / report.relative_to(Path.home())  # the data folder is in the home folder
    said = _start(_STATUS, database)
    assert f"Closed unexpectedly last time. Crash report: {shown}\n" in said
    assert "Segmentation fault" in report.read_text(encoding="utf-8")
    assert "closed unexpectedly" not in _start(_STATUS, database)  # once only
