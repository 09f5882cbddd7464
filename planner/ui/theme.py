"""Light, dark or the system's colours, on Qt's Fusion style so both palettes render fully."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

_SCHEMES = {
    "system": Qt.ColorScheme.Unknown,
    "light": Qt.ColorScheme.Light,
    "dark": Qt.ColorScheme.Dark,
}


def apply_theme(name: str) -> None:
    """Follow the system (``system``) or force ``light`` or ``dark``."""
    QGuiApplication.styleHints().setColorScheme(_SCHEMES.get(name, Qt.ColorScheme.Unknown))
