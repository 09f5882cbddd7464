"""Every colour the window paints, per theme (light, dark, high contrast), in one place.

The palettes (planner/ui/common/theme.py) and the painters (the calendar's views, the verdict
banner, the docket's late dates) read their colours from here and nowhere else, so that
``colour_pairs`` can list every text and graphic pair they put side by side, and a test
(tests/ui/common/test_contrast.py) can measure each pair's WCAG 2 contrast ratio in each theme:
4.5:1 for text, 3:1 for graphics (WCAG 1.4.3 and 1.4.11, level AA).
"""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from planner.domain.vocabulary import HearingKind, SessionKind
from planner.scheduling.days import DayState
from planner.services.severity import Severity

TEXT = 4.5  # WCAG AA, normal text
GRAPHIC = 3.0  # WCAG AA, large text and the graphics that carry meaning


class Theme(StrEnum):
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high_contrast"


@dataclass(frozen=True)
class Colours:
    """One theme's colours, as ``#rrggbb`` strings."""

    theme: Theme
    # The Qt palette's roles.
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str  # the selection, the active view button, today
    highlighted_text: str
    tooltip_base: str
    tooltip_text: str
    muted_text: str  # hints, placeholders, days outside the month (the PlaceholderText role)
    disabled_text: str
    link: str
    late_text: str  # an overdue date in the docket
    field_edge: str  # the frame of a text field, a spin box, a drop-down list
    # The calendar's timeline.
    hearing_fill: dict[HearingKind, str]
    hearing_border: dict[HearingKind, str]
    hearing_text: str
    adjourned_fill: str  # drawn dashed and struck through, whatever its kind
    adjourned_text: str
    session_tint: dict[SessionKind, str]  # a stripe down the session's left edge
    tag_fill: str  # the label of a session or a day off
    tag_text: str
    day_off: dict[DayState, str]  # holidays, closures, leave: hatched
    conflict: str  # outlines, the now line, badges, a refused drop
    on_conflict: str  # text on ``conflict``
    ghost_ok: str  # where a dragged hearing may land
    ghost_tag: str  # the dragged hearing's times, in a tag
    ghost_tag_text: str
    proposed_edge: str  # the auto-scheduler's proposed hearings
    proposed_fill: str
    proposed_text: str
    # The year view: the fullness scale (fill, day number), and the cells' outline (the light
    # steps alone would not stand out from the background).
    scale: tuple[tuple[str, str], ...]
    scale_outline: str
    # The verdict banner.
    severity: dict[Severity, str]
    banner_text: str
    extra: dict[str, str] = field(default_factory=dict)


#: ColorBrewer's YlGnBu, a sequential scale that stays in order for the common colour
#: blindnesses and in grey; each step with the day number's colour that reads on it.
_SCALE = (
    ("#ffffcc", "#111111"),
    ("#c7e9b4", "#111111"),
    ("#7fcdbb", "#111111"),
    ("#41b6c4", "#111111"),
    ("#2c7fb8", "#000000"),
    ("#253494", "#ffffff"),
)
#: The verdict banner's fill for each grade of how far off the year is: dark enough for white
#: text in every theme, deepening from amber to dark red as the year goes further off. Each grade
#: also has its words and its icon: colour is never the only cue.
_SEVERITY = {
    Severity.NOTHING_TO_FORECAST: "#3f4f5a",
    Severity.ON_TRACK: "#1b6e30",
    Severity.AT_RISK: "#8a5300",
    Severity.MILD: "#a33a00",
    Severity.SERIOUS: "#b3261e",
    Severity.SEVERE: "#7a1712",
}

_T = TypeVar("_T")


def _palette(theme: Theme) -> Colours:
    """Theme ``theme``'s colours. Each role is written once, with its light, dark and high
    contrast values side by side: ``each`` takes all three, so a role cannot leave a theme out."""

    def each(light: _T, dark: _T, high_contrast: _T, /) -> _T:
        return {Theme.LIGHT: light, Theme.DARK: dark, Theme.HIGH_CONTRAST: high_contrast}[theme]

    return Colours(
        theme=theme,
        # The Qt palette's roles.
        window=each("#efefef", "#2b2d30", "#000000"),
        window_text=each("#000000", "#e8e8e8", "#ffffff"),
        base=each("#ffffff", "#1f2023", "#000000"),
        alternate_base=each("#f5f5f5", "#2a2c30", "#141414"),
        text=each("#000000", "#e8e8e8", "#ffffff"),
        button=each("#efefef", "#35373b", "#000000"),
        button_text=each("#000000", "#e8e8e8", "#ffffff"),
        highlight=each("#1d5fa8", "#5c9ded", "#ffff00"),
        highlighted_text=each("#ffffff", "#000000", "#000000"),
        tooltip_base=each("#ffffdc", "#3a3d42", "#000000"),
        tooltip_text=each("#000000", "#f0f0f0", "#ffffff"),
        muted_text=each("#595959", "#a8abb1", "#d9d9d9"),
        disabled_text=each("#8c8c8c", "#7d8087", "#a6a6a6"),
        link=each("#0b57b8", "#7ab7ff", "#66ffff"),
        late_text=each("#b00020", "#ff8a80", "#ff9e9e"),
        field_edge=each("#767676", "#8d9096", "#b6b6b6"),
        # The calendar's timeline.
        hearing_fill={
            HearingKind.MASTER: each("#cfe2ff", "#cfe2ff", "#000000"),
            HearingKind.INDIVIDUAL: each("#d3efcf", "#d3efcf", "#000000"),
            HearingKind.BOND: each("#ffe0b3", "#ffe0b3", "#000000"),
            HearingKind.FEAR_REVIEW: each("#f2d3f0", "#f2d3f0", "#000000"),
            HearingKind.MOTION: each("#e6e1d6", "#e6e1d6", "#000000"),
        },
        hearing_border={
            HearingKind.MASTER: each("#2f5f9e", "#8fb8f0", "#7fb2ff"),
            HearingKind.INDIVIDUAL: each("#2e7032", "#8fd48a", "#6ee77a"),
            HearingKind.BOND: each("#8a5200", "#f0b25a", "#ffb84d"),
            HearingKind.FEAR_REVIEW: each("#85307d", "#e59ade", "#ff8af0"),
            HearingKind.MOTION: each("#5f564a", "#c8bfae", "#e0e0e0"),
        },
        hearing_text=each("#111111", "#111111", "#ffffff"),
        adjourned_fill=each("#f2f2f2", "#2e3034", "#000000"),
        adjourned_text=each("#4d4d4d", "#c4c6cb", "#d9d9d9"),
        session_tint={
            SessionKind.MASTER: each("#3f72b3", "#6f9fe0", "#7fb2ff"),
            SessionKind.INDIVIDUAL: each("#3a8040", "#6cbf72", "#6ee77a"),
            SessionKind.DETAINED_MASTER: each("#8a5a9e", "#b78ccb", "#d9a3ff"),
            SessionKind.DETAINED_INDIVIDUAL: each("#7a4a8e", "#a98bd0", "#c9a3ff"),
            SessionKind.BOND: each("#a4620c", "#e09a3a", "#ffb84d"),
            SessionKind.JUVENILE: each("#137a7a", "#3cc0c0", "#4de8e8"),
            SessionKind.ADMINISTRATIVE: each("#6e6e6e", "#a0a0a0", "#e0e0e0"),
        },
        tag_fill=each("#fafafa", "#3a3d42", "#000000"),
        tag_text=each("#202020", "#f0f0f0", "#ffffff"),
        day_off={
            DayState.HOLIDAY: each("#858585", "#9e9e9e", "#c0c0c0"),
            DayState.CLOSURE: each("#858585", "#9e9e9e", "#c0c0c0"),
            DayState.LEAVE: each("#b86a00", "#e08a1e", "#ffb84d"),
        },
        # Dark: it outlines both the dark ground and the light hearings.
        conflict=each("#d50000", "#f01818", "#ff6e6e"),
        on_conflict=each("#ffffff", "#000000", "#000000"),
        ghost_ok=each("#1b6e30", "#5fcf7a", "#6ee77a"),
        ghost_tag=each("#ffffff", "#ffffff", "#000000"),
        ghost_tag_text=each("#111111", "#111111", "#ffffff"),
        proposed_edge=each("#6a3fb5", "#b294ec", "#d9a3ff"),
        proposed_fill=each("#ece4fb", "#3a2a5e", "#000000"),
        proposed_text=each("#2a1460", "#f4f0ff", "#ffffff"),
        # The year view.
        scale=_SCALE,
        scale_outline=each("#8c8c8c", "#8d9096", "#ffffff"),
        # The verdict banner: the same in every theme.
        severity=_SEVERITY,
        banner_text="#ffffff",
    )


LIGHT = _palette(Theme.LIGHT)
DARK = _palette(Theme.DARK)
HIGH_CONTRAST = _palette(Theme.HIGH_CONTRAST)

THEMES = {colours.theme: colours for colours in (LIGHT, DARK, HIGH_CONTRAST)}


def relative_luminance(colour: str) -> float:
    """WCAG 2's relative luminance of an sRGB ``#rrggbb`` colour, 0 (black) to 1 (white)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(one: str, other: str) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def blend(colour: str, ground: str, share: float) -> str:
    """``colour`` laid over ``ground`` at ``share`` opacity, as an opaque ``#rrggbb``."""
    mixed = [
        round(int(colour[i : i + 2], 16) * share + int(ground[i : i + 2], 16) * (1 - share))
        for i in (1, 3, 5)
    ]
    return "#" + "".join(f"{c:02x}" for c in mixed)


#: How strongly a session's band is tinted over the timeline's background, and a day off in
#: the month view (its name written on it).
SESSION_BAND_SHARE = 0.12
MONTH_DAY_OFF_SHARE = 0.22


@dataclass(frozen=True, slots=True)
class Pair:
    """Two colours the window puts side by side, and the contrast they need."""

    what: str
    foreground: str
    background: str
    minimum: float

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.foreground, self.background)


def colour_pairs(c: Colours) -> list[Pair]:
    """Every text and graphic pair the window paints in theme ``c``."""
    pairs = [
        Pair("window text", c.window_text, c.window, TEXT),
        Pair("text", c.text, c.base, TEXT),
        Pair("text on alternate rows", c.text, c.alternate_base, TEXT),
        Pair("button text", c.button_text, c.button, TEXT),
        Pair("selected text", c.highlighted_text, c.highlight, TEXT),
        Pair("tooltip", c.tooltip_text, c.tooltip_base, TEXT),
        Pair("hint on the window", c.muted_text, c.window, TEXT),
        Pair("placeholder in a field", c.muted_text, c.base, TEXT),
        Pair("day outside the month", c.muted_text, c.alternate_base, TEXT),
        Pair("link", c.link, c.base, TEXT),
        Pair("late date", c.late_text, c.base, TEXT),
        Pair("late date on alternate rows", c.late_text, c.alternate_base, TEXT),
        Pair("active view button", c.highlight, c.window, GRAPHIC),
        Pair("field frame on the window", c.field_edge, c.window, GRAPHIC),
        Pair("field frame around its text", c.field_edge, c.base, GRAPHIC),
        Pair("selection outline", c.highlight, c.base, GRAPHIC),
        # The keyboard focus ring (planner/ui/common/focus_style.py): the highlight round a
        # control on the window, inside a button, round a field; on a selected row, the
        # selected text's colour.
        Pair("focus ring on the window", c.highlight, c.window, GRAPHIC),
        Pair("focus ring inside a button", c.highlight, c.button, GRAPHIC),
        Pair("focus ring round a field", c.highlight, c.base, GRAPHIC),
        Pair("focus ring on alternate rows", c.highlight, c.alternate_base, GRAPHIC),
        Pair("focus ring on a selected row", c.highlighted_text, c.highlight, GRAPHIC),
        Pair("adjourned hearing", c.adjourned_text, c.adjourned_fill, TEXT),
        Pair("session or day-off label", c.tag_text, c.tag_fill, TEXT),
        Pair("conflict outline", c.conflict, c.base, GRAPHIC),
        Pair("conflict badge text", c.on_conflict, c.conflict, TEXT),
        Pair("drop allowed", c.ghost_ok, c.base, GRAPHIC),
        Pair("dragged hearing's times", c.ghost_tag_text, c.ghost_tag, TEXT),
        Pair("proposed hearing", c.proposed_text, c.proposed_fill, TEXT),
        Pair("proposed hearing's edge", c.proposed_edge, c.base, GRAPHIC),
        Pair("proposed hearings' count", c.proposed_fill, c.proposed_text, TEXT),
    ]
    for kind in HearingKind:
        fill = c.hearing_fill[kind]
        pairs += [
            Pair(f"{kind.value} hearing", c.hearing_text, fill, TEXT),
            Pair(f"{kind.value} hearing's border", c.hearing_border[kind], c.base, GRAPHIC),
            Pair(f"conflict outline on a {kind.value} hearing", c.conflict, fill, GRAPHIC),
        ]
        for session in SessionKind:  # a hearing sits in a session's tinted band
            band = blend(c.session_tint[session], c.base, SESSION_BAND_SHARE)
            pairs.append(
                Pair(
                    f"{kind.value} hearing's border in a {session.value} session",
                    c.hearing_border[kind],
                    band,
                    GRAPHIC,
                )
            )
    for session in SessionKind:
        band = blend(c.session_tint[session], c.base, SESSION_BAND_SHARE)
        pairs += [
            Pair(f"{session.value} session stripe", c.session_tint[session], band, GRAPHIC),
        ]
    for state, colour in c.day_off.items():
        pairs += [
            Pair(f"{state.value} hatching", colour, c.base, GRAPHIC),
            Pair(
                f"{state.value} in the month",
                c.text,
                blend(colour, c.base, MONTH_DAY_OFF_SHARE),
                TEXT,
            ),
        ]
    for step, (fill, ink) in enumerate(c.scale):
        pairs.append(Pair(f"year view step {step}: day number", ink, fill, TEXT))
        pairs.append(Pair(f"year view step {step}: cell outline", c.scale_outline, c.base, GRAPHIC))
    for severity, fill in c.severity.items():
        pairs.append(Pair(f"verdict banner: {severity.label}", c.banner_text, fill, TEXT))
    return pairs
