"""Every text and graphic colour pair the window paints meets WCAG 2 AA in every theme."""

import pytest
from PySide6.QtGui import QGuiApplication, QPalette

from planner.domain.vocabulary import HearingKind, SessionKind
from planner.services.severity import Severity
from planner.ui.common.colours import (
    GRAPHIC,
    TEXT,
    THEMES,
    Colours,
    Theme,
    colour_pairs,
    contrast_ratio,
)
from planner.ui.common.theme import apply_theme, current_colours, drawn_field_edge


@pytest.mark.parametrize("theme", list(Theme), ids=[t.value for t in Theme])
def test_every_colour_pair_meets_wcag_aa(theme: Theme) -> None:
    failing = [
        f"{p.what}: {p.foreground} on {p.background} is {p.ratio:.2f}:1, needs {p.minimum}:1"
        for p in colour_pairs(THEMES[theme])
        if p.ratio < p.minimum
    ]
    assert failing == []


@pytest.mark.parametrize("theme", list(Theme), ids=[t.value for t in Theme])
def test_the_pairs_cover_every_kind_session_grade_and_step(theme: Theme) -> None:
    """A colour added to a theme but left out of the pairs would go unmeasured."""
    c = THEMES[theme]
    described = " | ".join(p.what for p in colour_pairs(c))
    for kind in HearingKind:
        assert f"{kind.value} hearing" in described
    for session in SessionKind:
        assert f"{session.value} session stripe" in described
    for severity in Severity:
        assert f"verdict banner: {severity.label}" in described
    for step in range(len(c.scale)):
        assert f"year view step {step}" in described
    for what in ("adjourned hearing", "hint on the window", "active view button"):
        assert what in described


def test_the_ratio_is_wcag_s() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_high_contrast_text_reaches_seven_to_one() -> None:
    """High contrast goes beyond AA: its text pairs reach AAA's 7:1."""
    text_pairs = [p for p in colour_pairs(THEMES[Theme.HIGH_CONTRAST]) if p.minimum == TEXT]
    weak = [p.what for p in text_pairs if p.ratio < 7 and not p.what.startswith("verdict")]
    weak = [w for w in weak if not w.startswith("year view")]  # the shared ColorBrewer scale
    assert weak == []
    assert GRAPHIC < TEXT


@pytest.mark.parametrize("name", ["light", "dark", "high_contrast"])
def test_the_palette_in_use_is_the_one_measured(qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    """What the widgets get (the application's palette) is built from the measured colours."""
    try:
        apply_theme(name)
        colours: Colours = current_colours()
        assert colours is THEMES[Theme(name)]
        palette = QGuiApplication.palette()
        roles = QPalette.ColorRole
        for role, colour in (
            (roles.Window, colours.window),
            (roles.WindowText, colours.window_text),
            (roles.Base, colours.base),
            (roles.Text, colours.text),
            (roles.Highlight, colours.highlight),
            (roles.HighlightedText, colours.highlighted_text),
            (roles.PlaceholderText, colours.muted_text),
        ):
            assert palette.color(role).name() == colour
    finally:
        apply_theme("light")


@pytest.mark.parametrize("theme", list(Theme), ids=[t.value for t in Theme])
def test_fields_are_framed_in_the_measured_colour(qtbot, theme: Theme) -> None:  # type: ignore[no-untyped-def]
    """Fusion draws a field's frame a shade darker than the window (invisible on black); the
    fields' own palette makes it the measured ``field_edge``."""
    from PySide6.QtWidgets import QLineEdit

    colours = THEMES[theme]
    assert drawn_field_edge(colours) == colours.field_edge
    try:
        apply_theme(theme.value)
        field = QLineEdit()
        qtbot.addWidget(field)
        field.resize(200, 30)
        image = field.grab().toImage()
        middle = image.height() // 2
        edge = {image.pixelColor(x, middle).name() for x in range(3)}
        assert colours.field_edge in edge
    finally:
        apply_theme("light")


def test_following_the_system_switches_when_the_desktop_does(qtbot) -> None:  # type: ignore[no-untyped-def]
    """With View > Theme on "system", the desktop's change of colour scheme or contrast applies
    at once; a fixed choice stays. (The offscreen platform has no colour scheme of its own, so
    the test sends the signals the desktop's platform would.)"""
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    contrast = hints.accessibility()
    try:
        apply_theme("system")
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert current_colours() is THEMES[Theme.LIGHT]
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert current_colours() is THEMES[Theme.DARK]
        assert QGuiApplication.palette().color(QPalette.ColorRole.Window).name() == (
            THEMES[Theme.DARK].window
        )
        contrast.contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
        assert current_colours() is THEMES[Theme.HIGH_CONTRAST]
        contrast.contrastPreferenceChanged.emit(Qt.ContrastPreference.NoPreference)
        assert current_colours() is THEMES[Theme.DARK]
        apply_theme("light")  # a fixed choice no longer follows
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert current_colours() is THEMES[Theme.LIGHT]
    finally:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        contrast.contrastPreferenceChanged.emit(Qt.ContrastPreference.NoPreference)
        apply_theme("light")


@pytest.mark.parametrize("theme", list(Theme), ids=[t.value for t in Theme])
def test_the_focus_ring_is_measured_against_each_ground(theme: Theme) -> None:
    described = {p.what: p for p in colour_pairs(THEMES[theme])}
    for ground in ("on the window", "inside a button", "round a field", "on a selected row"):
        pair = described[f"focus ring {ground}"]
        assert pair.minimum == GRAPHIC
        assert pair.ratio >= GRAPHIC
