"""Benchmark: dragging on the calendar's week view, and the panes beside it.

Offscreen, on a copy of a demo database (``--db``, else one made with ``--cases`` cases): the
week with the most hearings in the week view at 1366x620. Times (median and worst) of a hearing
drag's placement check per mouse move (against the loaded week), the repaint with the ghost over
the cached scene, a whole mouse move as QTest delivers it, and the one read when a drag starts;
then the conflicts pane over the fiscal year from today and the unscheduled list's query.
Reports figures only; the lead's quiet-machine runs go in docs/performance.md.

    .venv/bin/python benchmarks/bench_calendar_drag.py [--db PATH] [--cases N] [--moves M]
"""

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from planner.store.database import Database

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt  # isort: skip
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner.services.demo import create_demo
from planner.ui.calendar.calendar_page import CalendarPage
from planner.ui.common.workspace import Workspace


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--moves", type=int, default=200)
    args = parser.parse_args()
    app = QApplication([])
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
        path = Path(folder) / "drag.sqlite"
        if args.db:
            shutil.copyfile(args.db, path)
        database = Database.open(path)
        if not args.db:
            create_demo(database, cases=args.cases, judges=1, seed=2018, today=date.today())
        workspace = Workspace(database)
        workspace.switch_judge(workspace.judges()[0])
        page = CalendarPage(workspace)
        page.resize(1366, 620)
        page.show()
        app.processEvents()
        view = page.calendar
        from planner.services import calendar as service

        judge = workspace.judge
        today = workspace.clock().date()
        weeks = Counter(
            e.start.date().isocalendar()[:2]
            for e in service.agenda(database, judge.id, today, date(today.year + 1, 9, 30))
        )
        (year, week), _n = weeks.most_common(1)[0]
        view.set_date(date.fromisocalendar(year, week, 3))
        app.processEvents()
        blocks = [b for b in view.blocks() if not b.conflict]
        print(
            f"{database.describe()}: {len(view.entries)} hearings in the week of {view.days()[0]}"
        )

        timeline, block = view.timeline, blocks[len(blocks) // 2]
        press = QPointF(block.rect.center().x(), block.rect.top() + 3).toPoint()
        QTest.mousePress(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press)
        start = time.perf_counter()
        QTest.mouseMove(timeline, press + QPoint(0, 20))  # starts the drag: one read
        first = ms(start)
        checks, paints, events = [], [], []
        height, width = timeline.height() - 60, timeline.width() - 80
        for i in range(args.moves):
            target = QPoint(60 + (i * 37) % width, 50 + (i * 23) % height)
            start = time.perf_counter()
            view.land(timeline.drag, QPointF(target))  # the placement check alone
            checks.append(ms(start))
            start = time.perf_counter()
            QTest.mouseMove(timeline, target)  # the event as Qt delivers it, ghost and message
            events.append(ms(start))
            start = time.perf_counter()
            timeline.repaint()  # the cached scene blitted, the ghost painted over it
            paints.append(ms(start))
        QTest.keyClick(timeline, Qt.Key.Key_Escape)
        QTest.mouseRelease(
            timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press
        )
        print(f"  drag start (reads the case once):     {first:7.2f} ms")
        for label, times in (
            ("placement check per move", checks),
            ("repaint with the ghost", paints),
            ("QTest mouse move, whole", events),
        ):
            print(f"  {label + ':':37}{statistics.median(times):7.2f} ms median, "
                  f"{max(times):.2f} ms worst of {len(times)}")  # fmt: skip

        pane = page.conflicts
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            pane.reload()
            runs.append(ms(start))
        print(f"  conflicts pane, today to FY end:      {statistics.median(runs):7.2f} ms "
              f"({pane.list.count()} conflicts)")  # fmt: skip
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            page.unscheduled.model.refresh()
            runs.append(ms(start))
        print(f"  unscheduled list query:               {statistics.median(runs):7.2f} ms "
              f"({page.unscheduled.model.rowCount()} cases)")  # fmt: skip
        page.deleteLater()  # before the database closes and its folder goes
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
