"""The Charts tab: one chart at a time, chosen from a list, redrawn when the data changes, and
saved as PNG, SVG or PDF. Importing this module imports matplotlib: the window does so only when
the tab is first shown (planner/ui/window/lazy_page.py).

Reading a chart's data and drawing it take from a tenth of a second to more than one: both run in
a worker thread, and the tab shows the picture when it is ready; the window never waits.
"""

import contextlib
import threading
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, QObject, QRectF, QTimer, Signal
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.charts.figures import CHARTS, DRAWING, chart, new_figure, render, save_chart
from planner.charts.palette import DARK, LIGHT, ChartTheme
from planner.domain.judge import Judge
from planner.services.changes import Change
from planner.services.chart_data import ChartData, chart_data_for
from planner.store.database import Database
from planner.ui.common.errors import show_error
from planner.ui.common.freshness import Freshness
from planner.ui.common.workspace import Workspace

AGE_TARGETS = "age_targets"  # the chart that needs the age targets projected

SAVE_FILTERS = {
    "PNG image (*.png)": ".png",
    "SVG drawing (*.svg)": ".svg",
    "PDF document (*.pdf)": ".pdf",
}
_REFRESH_ON = Change.PROFILE | Change.CALENDAR | Change.CASES | Change.HEARINGS | Change.JUDGES
NO_JUDGE = "No judge selected: add a judge's profile or open a demo docket."
#: How long a resize must settle before the chart is drawn again at the new size.
RESIZE_SETTLE_MS = 150


def chart_theme() -> ChartTheme:
    """Dark figures on the dark palette, light ones otherwise."""
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < 128 else LIGHT


@dataclass(frozen=True, slots=True)
class _Order:
    """One picture to make: read the data first (or draw the data the view has), then draw."""

    read: bool
    database: Database
    judge: Judge | None
    now: datetime
    data: ChartData | None
    key: str
    theme: ChartTheme
    width: int  # device pixels
    height: int
    scale: float  # device pixels per logical pixel


@dataclass(frozen=True, slots=True)
class _Picture:
    data: ChartData | None
    figure: Figure
    image: QImage


def _make(order: _Order) -> _Picture:
    """In the worker thread: the data (if asked), the figure and its pixels."""
    data = order.data
    # The age targets are projected only for their own chart: read again for it.
    unprojected = data is not None and data.target_ages is None and order.key == AGE_TARGETS
    if order.read or unprojected:
        data = (
            None
            if order.judge is None
            else chart_data_for(
                order.database, order.judge, order.now, ages=order.key == AGE_TARGETS
            )
        )
    dpi = 100 * order.scale
    with DRAWING:
        figure = new_figure(order.width / dpi, order.height / dpi)
        figure.set_dpi(dpi)
        if data is None:
            figure.set_facecolor(order.theme.face)
            figure.text(0.5, 0.5, NO_JUDGE, ha="center", color=order.theme.text)
        else:
            chart(order.key).draw(figure, data, order.theme)
        pixels, width, height = render(figure)
    image = QImage(pixels, width, height, QImage.Format.Format_RGBA8888).copy()
    image.setDevicePixelRatio(order.scale)
    return _Picture(data, figure, image)


class _Painter(QObject):
    """Makes one picture at a time in a worker thread; hands each back on the GUI thread."""

    made = Signal(object)  # _Picture
    failed = Signal(object)  # Exception

    def start(self, order: _Order) -> None:
        # Not a daemon: a chart being drawn as the Planner quits is finished first (a second at
        # most), rather than cut off inside matplotlib or Qt.
        threading.Thread(target=self._run, args=(order,), name="chart").start()

    def _run(self, order: _Order) -> None:
        outcome: object
        try:
            picture = _make(order)
        except Exception as error:  # a locked or vanished database: said on the GUI thread
            outcome, signal = error, self.failed
        else:
            outcome, signal = picture, self.made
        with contextlib.suppress(RuntimeError):  # the view was closed meanwhile: nobody to tell
            signal.emit(outcome)


class ChartCanvas(QWidget):
    """The chart as drawn for this size; while a new one is made, the last one, scaled."""

    resized = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.image: QImage | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._settle = QTimer(self, singleShot=True, interval=RESIZE_SETTLE_MS)
        self._settle.timeout.connect(self.resized)

    def show_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.image is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRectF(self.rect()), self.image)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._settle.start()


class ChartsView(QWidget):
    #: A picture is on show (after a reload, a change of chart, palette or size).
    drawn = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.data: ChartData | None = None
        self.figure = Figure()  # the figure of the picture on show
        self._painter = _Painter(self)
        self._painter.made.connect(self._made)
        self._painter.failed.connect(self._failed)
        self._busy = False
        self._next: _Order | None = None  # asked for while the painter was busy

        self.chooser = QComboBox()
        self.chooser.setObjectName("chartChooser")
        for item in CHARTS:
            self.chooser.addItem(item.title, item.key)
        self.chooser.setToolTip("Which chart to show")
        self.chooser.currentIndexChanged.connect(self.draw)
        chooser_label = QLabel("&Chart:")
        chooser_label.setBuddy(self.chooser)
        self.save_button = QPushButton("&Save As…")
        self.save_button.setToolTip("Save this chart as a PNG image, an SVG drawing or a PDF")
        self.save_button.clicked.connect(lambda: self.save_as())
        self.save_button.setEnabled(False)
        self.note = QLabel()
        self.note.setWordWrap(True)

        self.canvas = ChartCanvas()
        self.canvas.setMinimumSize(320, 240)
        self.canvas.resized.connect(self.draw)

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
        """Whether the picture on show is of the latest data, chart, palette and size."""
        return not self.freshness.stale and not self._busy

    def show_chart(self, key: str) -> None:
        self.chooser.setCurrentIndex(self.chooser.findData(key))

    # Following the data ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.freshness.ensure()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self.freshness.stale:
            self.draw()

    def _on_change(self, change: Change) -> None:
        if change & _REFRESH_ON:
            self.freshness.changed()

    def reload(self) -> None:
        """Read the judge's docket and forecast again, and draw (in the worker)."""
        self.freshness.stale = False
        self._ask(read=True)

    def draw(self) -> None:
        """Draw the chart on show again from the data already read (in the worker)."""
        if not self.freshness.stale:
            self._ask(read=False)

    def _ask(self, *, read: bool) -> None:
        scale = self.canvas.devicePixelRatioF()
        order = _Order(
            read=read or (self._next is not None and self._next.read),
            database=self.workspace.database,
            judge=self.workspace.judge,
            now=self.workspace.clock(),
            data=self.data,
            key=self.key,
            theme=chart_theme(),
            width=max(1, round(self.canvas.width() * scale)),
            height=max(1, round(self.canvas.height() * scale)),
            scale=scale,
        )
        if self._busy:
            self._next = order  # only the latest wish is drawn
            return
        self._busy = True
        self.note.setText("Drawing…")
        self._painter.start(order)

    def _made(self, picture: _Picture) -> None:
        self.data, self.figure = picture.data, picture.figure
        if self._start_next():
            return
        self._busy = False
        self.canvas.show_image(picture.image)
        self.save_button.setEnabled(self.data is not None)
        if self.data is None:
            self.note.setText("")
        else:
            f = self.data.forecast
            self.note.setText(f"{f.judge}: as of {f.as_of:%d %b %Y %H:%M}")
        # For screen readers: the chart's title and the verdict in words.
        titles = [ax.get_title() for ax in self.figure.axes if ax.get_title()]
        suptitle = self.figure.get_suptitle()
        self.canvas.setAccessibleName(suptitle or (titles[0] if titles else "Chart"))
        if self.data is not None:
            self.canvas.setAccessibleDescription(self.data.forecast.message)
        self.drawn.emit()

    def _failed(self, error: object) -> None:
        self.data = None
        if not self._start_next():
            self._busy = False
            self._ask(read=False)  # the "no data" picture
        show_error(self, error)  # type: ignore[arg-type]

    def _start_next(self) -> bool:
        """Start the order that came while the painter was busy, with the data just read."""
        order, self._next = self._next, None
        if order is None:
            return False
        if not order.read:
            order = replace(order, data=self.data)
        self._painter.start(order)
        return True

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
