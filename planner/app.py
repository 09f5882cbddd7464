"""Starting the desktop application: the one place that wires the store, services and windows."""

import gc
import logging
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from planner.paths import data_folder, default_database, shown

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from planner.store.locations import ServerAddress

#: The name of the .desktop entry and of the icon in the Linux icon theme (packaging/build.sh).
DESKTOP_ID = "judge-workload-planner"

#: Said in the status bar at the start after a crash (``planner.crash_log``).
CRASHED_LAST_TIME = "Closed unexpectedly last time. Crash report: {report}"

NO_DISPLAY = (
    "planner: no display is available, so the window cannot open; the commands work without "
    "one (see 'planner --help')"
)


def display_available() -> bool:
    """Whether Qt can show a window here (always on Windows and macOS)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def choose_database(
    asked: "Path | ServerAddress | None", last: Path | None
) -> "Path | ServerAddress":
    """--db if given (a file, or a court server: ``planner.store.locations.database_location``
    decided which), else the database open last time if it is still there, else the default."""
    if asked is not None:
        return asked
    if last is not None and last.exists():
        return last
    return default_database()


def window_icon_file() -> Path:
    """The application's icon: beside the package in a checkout, in the bundle when frozen."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources" / "icons" / "hicolor" / "256x256" / "apps" / f"{DESKTOP_ID}.png"


def _log_and_watch_for_crashes() -> Path | None:
    """The log and the crash report, in the data folder; returns the previous run's crash
    report, if that run ended in a crash."""
    from planner.crash_log import watch_for_crashes
    from planner.logs import start_logging

    folder = data_folder()
    start_logging(folder)
    previous_crash = watch_for_crashes(folder)
    if previous_crash is not None:
        logging.getLogger("planner").warning(
            "the last run ended in a crash: its report is %s", previous_crash.name
        )
    return previous_crash


def _log_thread_error(args: threading.ExceptHookArgs) -> None:
    """An error in a thread of ours that nobody caught: logged (redacted), the window goes on."""
    from planner.logs import describe_error

    details = describe_error(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)
    logging.getLogger("planner").error(
        "Unexpected error in a thread\n%s", details, extra={"redacted": True}
    )


def _prepare_writes_in_background() -> None:
    """The window shows the docket and the forecast without SQLAlchemy; it is imported now, in
    the background, so that the first edit does not wait for it."""
    from planner.store.database import prepare_writes

    threading.Thread(target=prepare_writes, name="prepare-writes", daemon=True).start()


def _collect_garbage_again(app: "QCoreApplication") -> None:
    from planner.ui.common.garbage import collect_on_gui_thread

    gc.freeze()  # what start-up made lives as long as the window: never scan it again
    collect_on_gui_thread(app)  # and never in a worker thread (a Qt object freed there crashes)


def run(
    database_path: "Path | ServerAddress | None",
    *,
    screenshot: Path | None = None,
    size: tuple[int, int] | None = None,
    theme: str | None = None,
    quit_when_shown: bool = False,
) -> int:
    """Open the main window on ``database_path`` (default: the user's data folder)."""
    if not display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    # Start-up allocates a great many long-lived objects (SQLAlchemy, Qt's wrappers) and frees
    # almost none: the collector would only walk them (a tenth of the time to the first paint).
    # It runs again once the window is painted (on the GUI thread only), with those objects set
    # aside for good.
    gc.disable()
    previous_crash = _log_and_watch_for_crashes()

    # The store first: PySide6 inspects the source of every module imported after it (looking
    # for its __feature__ switches). The store's reads need no SQLAlchemy: the window shows the
    # docket before SQLAlchemy is imported (at the first write, or the forecast's read).
    from planner.store.database import Database  # noqa: F401

    # isort: split
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from planner.ui.common.errors import report_bug
    from planner.ui.common.focus_style import FocusStyle
    from planner.ui.common.theme import apply_theme
    from planner.ui.common.workspace import Workspace
    from planner.ui.files.open_failure import open_or_recover
    from planner.ui.window.main_window import MainWindow
    from planner.ui.window.settings import WindowSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # the Planner makes no other kind
    app.setOrganizationName("JudgeWorkloadPlanner")
    app.setApplicationName("Planner")
    app.setApplicationDisplayName("Judge Workload Planner")
    app.setStyle(FocusStyle())  # Fusion, the keyboard focus drawn so it can be seen
    app.setDesktopFileName(DESKTOP_ID)
    if window_icon_file().exists():
        app.setWindowIcon(QIcon(str(window_icon_file())))
    settings = WindowSettings(QSettings())
    apply_theme(theme or settings.theme())
    sys.excepthook = lambda kind, error, trace: report_bug(None, kind, error, trace)
    threading.excepthook = _log_thread_error

    path = choose_database(database_path, settings.last_database())
    if isinstance(path, Path):
        database = open_or_recover(path)  # a file it cannot open: the reason, and a way out
    else:  # a court server: the password from the keyring, else asked for
        from planner.store.errors import StoreError
        from planner.ui.files.server_open import open_address

        try:
            database = open_address(path, settings)
        except StoreError as error:  # not a password: the server, or the database, is not there
            print(f"planner: {path.describe()}: {error}", file=sys.stderr)
            return 1
    if database is None:
        return 1

    window = MainWindow(Workspace(database), settings)
    if size is not None:
        window.resize(*size)
    window.show()
    if previous_crash is not None:
        window.statusBar().showMessage(CRASHED_LAST_TIME.format(report=shown(previous_crash)))
    QTimer.singleShot(0, lambda: _collect_garbage_again(app))
    if window.workspace.judge is None:  # the welcome page: no forecast to wait for
        QTimer.singleShot(0, _prepare_writes_in_background)
    else:
        window.quota_panel.settled.connect(
            _prepare_writes_in_background, Qt.ConnectionType.SingleShotConnection
        )
    if quit_when_shown:  # for benchmarks/bench_startup.py
        from planner.ui.window.startup_probe import StartupProbe

        StartupProbe(window)
    if screenshot is not None:

        def capture() -> None:
            if window.workspace.judge is not None and not window.quota_panel.up_to_date:
                # wait for the forecast banner
                QTimer.singleShot(50, capture)
                return
            # The forecast's figures change the panel's height: let the layout settle first.
            QTimer.singleShot(200, save)

        def save() -> None:
            window.grab().save(str(screenshot))
            window.close()

        QTimer.singleShot(300, capture)
    return app.exec()
