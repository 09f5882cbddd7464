"""``planner --self-test``: check an installation end to end, without touching the user's data.

Each step prints one line (``ok`` or ``FAIL`` with the reason); the first failure stops the test
and the exit code is 1. Everything happens in a temporary folder: a new database (created by the
bundled Alembic migrations), a small demo docket, the main window (offscreen unless a platform is
set), the forecast (with the federal holiday tables) and the judge's PDF report with its charts.
"""

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from planner import __version__
from planner.domain.plural import counted
from planner.paths import DATA_FOLDER_VARIABLE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from planner.forecast.report import Forecast
    from planner.store.database import Database
    from planner.ui.window.main_window import MainWindow

#: Seconds the window may take to show its first forecast before the step fails.
WINDOW_TIMEOUT = 120.0


class SelfTestFailure(Exception):
    """A step found something wrong: the message says what."""


def write_report_pdf(
    database: "Database", judge_name: str, path: Path, as_of: datetime | None
) -> None:
    """Write the judge's report (words, numbers and matplotlib charts) as ``planner report``
    does: the one place the self-test makes a PDF, and its proof that the charts work here."""
    from planner.charts.report import write_judge_report

    write_judge_report(database, judge_name, path, as_of=as_of)


class _Run:
    """The state the steps share: the temporary folder, the database, the window."""

    def __init__(self, folder: Path, now: datetime) -> None:
        self.folder = folder
        self.now = now  # one aware instant for every step, read in the judge's time zone
        # Each made by its step; a step runs only after the ones before it passed.
        self.database: Database | None = None
        self.window: MainWindow | None = None
        self.app: QApplication | None = None
        self.forecast: Forecast | None = None
        self.as_of: datetime | None = None  # the judge's local time at ``now``

    def database_step(self) -> str:
        from planner.store.database import Database

        path = self.folder / "self-test.sqlite"
        self.database = Database.open(path)
        return f"created {path.name} (schema by the bundled migrations)"

    def demo_step(self) -> str:
        from planner.services.demo import create_demo

        database = self.database
        assert database is not None
        summary = create_demo(database, cases=300, judges=1, seed=2018, today=self.now)
        return summary.describe().replace(f" in {database.describe()}.", "")

    def window_step(self) -> str:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from planner.ui.common.workspace import Workspace
        from planner.ui.window.main_window import MainWindow
        from planner.ui.window.settings import WindowSettings

        assert self.database is not None
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)  # the Planner makes no other kind
        self.app = app
        # Settings in the temporary folder: the user's window layout and recent files stay.
        settings = QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)
        workspace = Workspace(self.database, clock=lambda: self.now)
        self.window = window = MainWindow(workspace, WindowSettings(settings))
        window.show()
        deadline = time.monotonic() + WINDOW_TIMEOUT
        panel = window.quota_panel
        while not (panel.up_to_date and panel.forecast is not None):
            if time.monotonic() > deadline:
                raise SelfTestFailure(f"no forecast on screen after {WINDOW_TIMEOUT:.0f} s")
            app.processEvents()
            time.sleep(0.01)
        platform = app.platformName()
        return f"shown on the {platform} platform with the forecast: {panel.forecast.verdict.title}"

    def help_step(self) -> str:
        """Help > How the Forecast Works: the definitions shipped with the program, on screen."""
        from planner.paths import forecast_definitions

        path = forecast_definitions()
        if not path.is_file():
            raise SelfTestFailure(f"the forecast's definitions are missing: {path}")
        assert self.window is not None
        dialog = self.window.show_forecast_help()
        text = dialog.browser.toPlainText()
        dialog.close()
        if "Required shortening" not in text:
            raise SelfTestFailure(f"{path.name} did not show in the window")
        return f"{path.name} shown, {len(text.splitlines()):,} lines"

    def forecast_step(self) -> str:
        from planner.services.clock import now_for
        from planner.services.forecasting import forecast_judges
        from planner.services.judges import list_judges

        assert self.database is not None
        assert self.window is not None
        judges = list_judges(self.database)
        if len(judges) != 1:
            raise SelfTestFailure(f"expected the demo judge, got {len(judges)} judges")
        self.as_of = now_for(judges[0], self.now)
        results = forecast_judges(self.database, None, self.as_of)
        if len(results) != 1:
            raise SelfTestFailure(f"expected the demo judge's forecast, got {len(results)}")
        self.forecast = forecast = results[0]
        shown = self.window.quota_panel.forecast
        if shown is None or shown.judge != forecast.judge or shown.quota != forecast.quota:
            raise SelfTestFailure("the window's forecast is not the demo judge's")
        return (
            f"{forecast.judge}: {forecast.verdict.title}, "
            f"{forecast.pending_cases:,} pending, "
            f"{counted(forecast.workdays_left, 'workday')} left"
        )

    def pdf_step(self) -> str:
        assert self.database is not None
        assert self.forecast is not None
        path = self.folder / "report.pdf"
        write_report_pdf(self.database, self.forecast.judge, path, self.as_of)
        if not path.exists():
            raise SelfTestFailure(f"{path.name} was not written")
        data = path.read_bytes()
        if not data.startswith(b"%PDF"):
            raise SelfTestFailure(f"{path.name} does not start with %PDF")
        return f"wrote {path.name}, {len(data):,} bytes"

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
        if self.database is not None:
            self.database.close()


@contextmanager
def _private_folders(folder: Path) -> Iterator[None]:
    """Point the Planner's data folder (backups, log) and matplotlib's font cache into
    ``folder`` while the test runs: the user's own folders are left alone."""
    chosen = {DATA_FOLDER_VARIABLE: folder / "data", "MPLCONFIGDIR": folder / "matplotlib"}
    saved = {name: os.environ.get(name) for name in chosen}
    os.environ.update({name: str(path) for name, path in chosen.items()})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_self_test(out: TextIO | None = None, now: datetime | None = None) -> int:
    """Run every step as of the aware instant ``now`` (default: the real clock's), printing one
    line each; 0 if all passed, else 1."""
    from planner.services.clock import instant

    out = out or sys.stdout
    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    print(f"planner {__version__} self-test{frozen}", file=out, flush=True)
    with (
        tempfile.TemporaryDirectory(prefix="planner-self-test-") as folder,
        _private_folders(Path(folder)),
    ):
        run = _Run(Path(folder), now or instant())
        steps: list[tuple[str, Callable[[], str]]] = [
            ("database", run.database_step),
            ("demo docket", run.demo_step),
            ("main window", run.window_step),
            ("forecast help", run.help_step),
            ("forecast", run.forecast_step),
            ("pdf", run.pdf_step),
        ]
        try:
            for name, step in steps:
                start = time.perf_counter()
                try:
                    detail = step()
                except Exception as error:
                    print(f"FAIL  {name}: {error}", file=out, flush=True)
                    if not isinstance(error, SelfTestFailure):
                        traceback.print_exc(file=sys.stderr)
                    print(f"self-test FAILED at: {name}", file=out, flush=True)
                    return 1
                seconds = time.perf_counter() - start
                print(f"ok    {name}: {detail} ({seconds:.2f} s)", file=out, flush=True)
        finally:
            run.close()
    print("self-test passed", file=out, flush=True)
    return 0
