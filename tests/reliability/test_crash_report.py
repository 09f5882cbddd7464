"""A crash below Python (a segmentation fault in Qt, say) leaves a report: every thread's stack,
owner-only, in the data folder; the next start keeps it as crash-previous.log and says so."""

import os
import stat
import subprocess
import sys
from pathlib import Path

_CRASH = """
import os
import signal
import sys
import threading
from pathlib import Path

from planner.crash_log import watch_for_crashes


def project_age_targets():  # a worker's name, as the report shows it
    threading.Event().wait()


watch_for_crashes(Path(sys.argv[1]))
threading.Thread(target=project_age_targets, daemon=True).start()
os.kill(os.getpid(), signal.SIGSEGV)
"""

_START = """
import sys
from pathlib import Path

from planner.crash_log import watch_for_crashes

print(watch_for_crashes(Path(sys.argv[1])))
"""


def _run(script: str, folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_crash_leaves_each_threads_stack_in_an_owner_only_report(tmp_path: Path) -> None:
    crashed = _run(_CRASH, tmp_path)
    assert crashed.returncode != 0
    report = (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert "Segmentation fault" in report
    assert "project_age_targets" in report  # the other thread's stack too
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "crash.log").stat().st_mode) == 0o600


def test_the_next_start_keeps_the_report_and_a_clean_run_leaves_none(tmp_path: Path) -> None:
    assert _run(_CRASH, tmp_path).returncode != 0
    report = (tmp_path / "crash.log").read_text(encoding="utf-8")

    after_the_crash = _run(_START, tmp_path)
    assert after_the_crash.returncode == 0, after_the_crash.stderr
    kept = tmp_path / "crash-previous.log"
    assert after_the_crash.stdout.strip() == str(kept)
    assert kept.read_text(encoding="utf-8") == report
    assert (tmp_path / "crash.log").read_text(encoding="utf-8") == ""  # that run ended cleanly

    after_a_clean_run = _run(_START, tmp_path)
    assert after_a_clean_run.stdout.strip() == "None"
    assert kept.read_text(encoding="utf-8") == report  # still there for the bug report
