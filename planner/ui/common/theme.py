"""Light, dark, high contrast or the system's choice, as explicit Fusion palettes built from
planner/ui/common/colours.py, so that each renders the same everywhere."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from planner.services.severity import Severity
from planner.ui.common.colours import DARK, LIGHT, THEMES, Colours, Theme

#: The choices of View > Theme, as stored in the settings, with their menu labels.
THEME_CHOICES = (
    ("system", "Follow the &System"),
    ("light", "&Light"),
    ("dark", "&Dark"),
    ("high_contrast", "&High Contrast"),
)

_current: Colours = LIGHT
_chosen = "light"
_watching = False
_told: dict[str, object] = {}  # the scheme and contrast the desktop's last signals carried


def palette_of(colours: Colours) -> QPalette:
    """The Qt palette of a theme: every role set, so that it renders the same on every desktop."""
    roles = QPalette.ColorRole
    palette = QPalette()
    for role, colour in (
        (roles.Window, colours.window),
        (roles.WindowText, colours.window_text),
        (roles.Base, colours.base),
        (roles.AlternateBase, colours.alternate_base),
        (roles.ToolTipBase, colours.tooltip_base),
        (roles.ToolTipText, colours.tooltip_text),
        (roles.PlaceholderText, colours.muted_text),
        (roles.Text, colours.text),
        (roles.Button, colours.button),
        (roles.ButtonText, colours.button_text),
        (roles.BrightText, colours.late_text),
        (roles.Link, colours.link),
        (roles.LinkVisited, colours.link),
        (roles.Highlight, colours.highlight),
        (roles.HighlightedText, colours.highlighted_text),
    ):
        palette.setColor(role, QColor(colour))
    # Fusion's bevels and frames: from the window's colour, or the button's in high contrast.
    edge = QColor(colours.window_text if colours.theme is Theme.HIGH_CONTRAST else colours.button)
    for role, shade in (
        (roles.Light, QColor(colours.button).lighter(150)),
        (roles.Midlight, QColor(colours.button).lighter(125)),
        (roles.Mid, edge if colours.theme is Theme.HIGH_CONTRAST else edge.darker(130)),
        (roles.Dark, edge if colours.theme is Theme.HIGH_CONTRAST else edge.darker(200)),
        (roles.Shadow, QColor("#000000")),
    ):
        palette.setColor(role, shade)
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours.disabled_text))
    return palette


def dark_palette() -> QPalette:
    return palette_of(DARK)


def system_theme() -> Theme:
    """What the desktop asks for: high contrast (Qt 6.10's contrast preference), dark or light;
    what the desktop last said through the signals, where the platform cannot be asked."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10 and later
    contrast = _told.get("contrast")
    if contrast is None and accessibility is not None:
        contrast = accessibility().contrastPreference()
    if contrast is not None and contrast == Qt.ContrastPreference.HighContrast:
        return Theme.HIGH_CONTRAST
    scheme: object = hints.colorScheme()
    if scheme == Qt.ColorScheme.Unknown:
        scheme = _told.get("scheme", scheme)
    return Theme.DARK if scheme == Qt.ColorScheme.Dark else Theme.LIGHT


def resolve(name: str) -> Theme:
    """``system`` (or anything unknown) to the desktop's preference; the others as named."""
    try:
        return Theme(name) if name != "system" else system_theme()
    except ValueError:
        return system_theme()


def is_dark(name: str) -> bool:
    return resolve(name) is not Theme.LIGHT


def current_colours() -> Colours:
    """The colours of the theme in use: the painters read theirs from here."""
    return _current


def apply_theme(name: str) -> Theme:
    """``light``, ``dark``, ``high_contrast`` or ``system`` (followed as the desktop changes).

    Every widget gets the new palette at once (a PaletteChange event); the painted views drop
    what they cached and paint again.
    """
    global _current, _chosen
    _chosen = name
    theme = resolve(name)
    _current = THEMES[theme]
    app = QApplication.instance()
    if isinstance(app, QApplication):
        _watch_the_system(app)
        app.setPalette(palette_of(_current))
        fields = field_palette(_current)
        for name in FRAMED_FIELDS:
            # The class name: PySide6 takes a str (its stubs say bytes).
            app.setPalette(fields, name)  # type: ignore[arg-type]
    return theme


#: The widgets whose frame Fusion draws a shade darker than the window's colour (invisible on a
#: dark window): they get a palette whose window colour makes that frame ``field_edge``.
FRAMED_FIELDS = ("QLineEdit", "QAbstractSpinBox", "QComboBox")


def field_palette(colours: Colours) -> QPalette:
    """The palette of text fields, spin boxes and drop-down lists: Fusion draws their frame in
    ``Window.darker(140)``, so Window is set to ``field_edge.lighter(140)``."""
    palette = palette_of(colours)
    palette.setColor(QPalette.ColorRole.Window, QColor(colours.field_edge).lighter(140))
    return palette


def drawn_field_edge(colours: Colours) -> str:
    """The frame colour Fusion will really draw around a field (what the contrast test measures)."""
    return QColor(colours.field_edge).lighter(140).darker(140).name()


def _watch_the_system(app: QApplication) -> None:
    """Follow the desktop's colour scheme and contrast while the choice is ``system``."""
    global _watching
    if _watching:
        return
    _watching = True
    hints = app.styleHints()

    def follow_scheme(scheme: Qt.ColorScheme) -> None:
        _told["scheme"] = scheme
        if _chosen == "system":
            apply_theme("system")

    def follow_contrast(contrast: object) -> None:
        _told["contrast"] = contrast
        if _chosen == "system":
            apply_theme("system")

    hints.colorSchemeChanged.connect(follow_scheme)
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None and isinstance(accessibility(), QObject):
        signal = getattr(accessibility(), "contrastPreferenceChanged", None)
        if signal is not None:
            signal.connect(follow_contrast)


def checked_button_style() -> str:
    """A style sheet for tool buttons that show a choice (the calendar's Day, Week, Month, Year):
    the chosen one filled with the highlight colour (3:1 or more against the window) and bold."""
    c = _current
    return (
        f"QToolButton:checked {{ background: {c.highlight}; color: {c.highlighted_text};"
        f" font-weight: bold; border: 1px solid {c.highlight}; border-radius: 3px;"
        " padding: 3px 6px; }"
    )


def late_text_colour() -> QColor:
    """Red for overdue dates, readable on the palette in use (dark red on light, pink on dark)."""
    return QColor(_current.late_text)


#: The verdict banner's fill for each grade (the same in every theme: planner/ui/common/colours.py).
SEVERITY_COLOURS = LIGHT.severity
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
