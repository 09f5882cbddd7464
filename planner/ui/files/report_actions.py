"""File > Export Report…: the judge's PDF report, written in a worker thread with progress."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QMessageBox

from planner.ui.common.errors import show_error
from planner.ui.common.save_path import ask_save_path
from planner.ui.common.tasks import BackgroundTask
from planner.ui.common.workspace import Workspace


def export_report(
    workspace: Workspace, window: QMainWindow, path: Path | None = None
) -> BackgroundTask | None:
    """Ask where (unless told), then write the report of the judge on screen."""
    judge = workspace.judge
    if judge is None:
        QMessageBox.information(window, "Export report", "Choose a judge first.")
        return None
    if path is None:
        path = ask_save_path(
            window,
            "Export the report",
            f"{judge.name} report.pdf",
            "PDF documents (*.pdf)",
            ".pdf",
        )
        if path is None:
            return None
    database, as_of = workspace.database, workspace.clock()

    def work(progress: Callable[[int, int], None]) -> Path:
        from planner.charts.report import write_judge_report  # matplotlib: only when asked

        return write_judge_report(database, judge.name, path, as_of=as_of, progress=progress)

    task = BackgroundTask(window, f"Writing the report of {judge.name}…", work)
    task.finished.connect(
        lambda written: window.statusBar().showMessage(f"Report written to {written}", 8000)
    )
    task.failed.connect(lambda error: show_error(window, error))
    task.start()
    return task
