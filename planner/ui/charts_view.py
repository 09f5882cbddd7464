"""The Charts tab: one chart at a time, chosen from a list, redrawn when the data changes, and
saved as PNG, SVG or PDF. Importing this module imports matplotlib: the window does so only when
the tab is first shown (planner/ui/lazy_page.py)."""

from pathlib import Path

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.charts.figures import CHARTS, chart, save_chart
from planner.charts.palette import DARK, LIGHT, ChartTheme
from planner.services.changes import Change
from planner.services.chart_data import ChartData, chart_data_for
from planner.ui.errors import show_error
from planner.ui.freshness import Freshness
from planner.ui.workspace import Workspace

SAVE_FILTERS = {
    "PNG image (*.png)": ".png",
    "SVG drawing (*.svg)": ".svg",
    "PDF document (*.pdf)": ".pdf",
}
_REFRESH_ON = Change.PROFILE | Change.CALENDAR | Change.CASES | Change.HEARINGS | Change.JUDGES


def chart_theme() -> ChartTheme:
    """Dark figures on the dark palette, light ones otherwise."""
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < 128 else LIGHT


class ChartsView(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.data: ChartData | None = None

        self.chooser = QComboBox()
        self.chooser.setObjectName("chartChooser")
        for item in CHARTS:
            self.chooser.addItem(item.title, item.key)
        self.chooser.setToolTip("Which chart to show")
        self.chooser.currentIndexChanged.connect(self.draw)
        chooser_label = QLabel("&Chart:")
        chooser_label.setBuddy(self.chooser)
        self.save_button = QPushButton("Save &As…")
        self.save_button.setToolTip("Save this chart as a PNG image, an SVG drawing or a PDF")
        self.save_button.clicked.connect(lambda: self.save_as())
        self.note = QLabel()
        self.note.setWordWrap(True)

        self.figure = Figure(layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumSize(320, 240)

        top = QHBoxLayout()
        top.addWidget(chooser_label)
        top.addWidget(self.chooser)
        top.addWidget(self.save_button)
        top.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.canvas, 1)

        self.freshness = Freshness(self.reload, self.isVisible)
        workspace.changed.connect(self._on_change)
        workspace.judge_switched.connect(lambda _judge: self.freshness.changed())

    @property
    def key(self) -> str:
        return str(self.chooser.currentData())

    @property
    def up_to_date(self) -> bool:
        return not self.freshness.stale

    def show_chart(self, key: str) -> None:
        self.chooser.setCurrentIndex(self.chooser.findData(key))

    # Following the data ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.freshness.ensure()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.data is not None:
            self.draw()

    def _on_change(self, change: Change) -> None:
        if change & _REFRESH_ON:
            self.freshness.changed()

    def reload(self) -> None:
        """Read the judge's docket and forecast again, and redraw."""
        self.freshness.stale = False
        judge = self.workspace.judge
        failure: Exception | None = None
        self.data = None
        if judge is not None:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.data = chart_data_for(self.workspace.database, judge, self.workspace.clock())
            except Exception as error:  # a locked or vanished database: say so, draw nothing
                failure = error
            finally:
                QApplication.restoreOverrideCursor()
        self.draw()
        if failure is not None:
            show_error(self, failure)

    def draw(self) -> None:
        theme = chart_theme()
        self.save_button.setEnabled(self.data is not None)
        if self.data is None:
            self.figure.clear()
            self.figure.set_facecolor(theme.face)
            self.figure.text(
                0.5,
                0.5,
                "No judge selected: add a judge's profile or open a demo docket.",
                ha="center",
                color=theme.text,
            )
            self.note.setText("")
        else:
            chart(self.key).draw(self.figure, self.data, theme)
            f = self.data.forecast
            self.note.setText(f"{f.judge}: as of {f.as_of:%d %b %Y %H:%M}")
        # For screen readers: the chart's title and the verdict in words.
        titles = [ax.get_title() for ax in self.figure.axes if ax.get_title()]
        suptitle = self.figure.get_suptitle()
        self.canvas.setAccessibleName(suptitle or (titles[0] if titles else "Chart"))
        if self.data is not None:
            self.canvas.setAccessibleDescription(self.data.forecast.message)
        self.canvas.draw_idle()

    # Saving ----------------------------------------------------------------------------------

    def save_as(self, path: Path | None = None) -> Path | None:
        """Save the chart on show (on a light background, for print); asks where unless told."""
        if self.data is None:
            return None
        if path is None:
            suggested = f"{self.data.forecast.judge} {self.key}.png"
            name, chosen = QFileDialog.getSaveFileName(
                self, "Save the chart", suggested, ";;".join(SAVE_FILTERS)
            )
            if not name:
                return None
            path = Path(name)
            if path.suffix.lower() not in SAVE_FILTERS.values():
                path = path.with_name(path.name + SAVE_FILTERS.get(chosen, ".png"))
        try:
            save_chart(self.key, self.data, path)
        except (OSError, ValueError) as error:
            QMessageBox.warning(self, "Chart not saved", f"Could not save {path}:\n{error}")
            return None
        return path
