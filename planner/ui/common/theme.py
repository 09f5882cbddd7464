"""Light, dark or the system's colours, as explicit Fusion palettes so both render everywhere."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from planner.services.severity import Severity

_DARK = {
    QPalette.ColorRole.Window: "#2b2d30",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1f2023",
    QPalette.ColorRole.AlternateBase: "#2a2c30",
    QPalette.ColorRole.ToolTipBase: "#3a3d42",
    QPalette.ColorRole.ToolTipText: "#f0f0f0",
    QPalette.ColorRole.PlaceholderText: "#9a9da3",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#35373b",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Link: "#7ab7ff",
    QPalette.ColorRole.Highlight: "#3d7bd6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
}
_DARK_DISABLED = "#7d8087"


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DARK_DISABLED))
    return palette


def is_dark(name: str) -> bool:
    if name == "system":
        return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return name == "dark"


def apply_theme(name: str) -> None:
    """``light``, ``dark``, or ``system`` (whatever the desktop prefers)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    style = app.style()
    app.setPalette(dark_palette() if is_dark(name) else style.standardPalette())


def late_text_colour() -> QColor:
    """Red for overdue dates, readable on the palette in use (dark red on light, pink on dark)."""
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return QColor("#ff8a80") if window.lightness() < 128 else QColor("#b00020")


#: The verdict banner's fill for each grade of how far off the year is: dark enough for white
#: text (contrast 6:1 or better) on either theme, deepening from amber to dark red as the year
#: goes further off. Each grade also has its words and its icon: colour is never the only cue.
SEVERITY_COLOURS = {
    Severity.NOTHING_TO_FORECAST: "#3f4f5a",
    Severity.ON_TRACK: "#1b6e30",
    Severity.AT_RISK: "#8a5300",
    Severity.MILD: "#a33a00",
    Severity.SERIOUS: "#b3261e",
    Severity.SEVERE: "#7a1712",
}
NEUTRAL_BANNER = SEVERITY_COLOURS[Severity.NOTHING_TO_FORECAST]

_SEVERITY_ICONS = {
    Severity.NOTHING_TO_FORECAST: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Severity.ON_TRACK: QStyle.StandardPixmap.SP_DialogApplyButton,
    Severity.AT_RISK: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.MILD: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.SERIOUS: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.SEVERE: QStyle.StandardPixmap.SP_MessageBoxCritical,
}


def severity_icon(severity: Severity) -> QIcon:
    """The style's own icon for a grade: information, a tick, a warning or a stop sign."""
    return QApplication.style().standardIcon(_SEVERITY_ICONS[severity])
