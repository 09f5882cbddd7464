"""Where a crash below Python leaves its trace: ``crash.log`` in the user's data folder.

A segmentation fault or an abort in Qt or a driver ends the process before any handler of ours
runs: the window would vanish without a word. ``faulthandler`` writes the Python stack of every
thread to an open file as the process dies. That trace names source files, functions and lines,
never a value, so it carries no docket data; the file is owner-only all the same. The next start
finds it and keeps it as ``crash-previous.log`` for a bug report.
"""

import faulthandler
from pathlib import Path
from typing import TextIO

from planner.store.private_files import create_private, make_private

CRASH_NAME = "crash.log"
PREVIOUS_NAME = "crash-previous.log"

#: The file faulthandler writes to: open for as long as the process runs.
_open: list[TextIO] = []


def watch_for_crashes(folder: Path) -> Path | None:
    """From now on, a crash writes every thread's stack to ``folder/crash.log``. Returns the
    previous run's report (``folder/crash-previous.log``) if that run ended in a crash."""
    path = folder / CRASH_NAME
    previous = None
    if path.exists() and path.stat().st_size > 0:  # a clean run leaves it empty
        previous = path.replace(folder / PREVIOUS_NAME)
    create_private(path)
    make_private(path)
    # Appended to, never replaced: another window of the Planner running meanwhile keeps
    # writing to the same file.
    stream = path.open("a", encoding="utf-8")
    faulthandler.enable(stream, all_threads=True)
    _open.append(stream)
    return previous
