"""Every colour the window paints, per theme (light, dark, high contrast), in one place.

The palettes (planner/ui/common/theme.py) and the painters (the calendar's views, the verdict
banner, the docket's late dates) read their colours from here and nowhere else, so that
``colour_pairs`` can list every text and graphic pair they put side by side, and a test
(tests/ui/common/test_contrast.py) can measure each pair's WCAG 2 contrast ratio in each theme:
4.5:1 for text, 3:1 for graphics (WCAG 1.4.3 and 1.4.11, level AA).
"""

from dataclasses import dataclass, field
from enum import StrEnum

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


_HEARING_FILLS = {
    HearingKind.MASTER: "#cfe2ff",
    HearingKind.INDIVIDUAL: "#d3efcf",
    HearingKind.BOND: "#ffe0b3",
    HearingKind.FEAR_REVIEW: "#f2d3f0",
    HearingKind.MOTION: "#e6e1d6",
}
_HEARING_BORDERS = {
    HearingKind.MASTER: "#2f5f9e",
    HearingKind.INDIVIDUAL: "#2e7032",
    HearingKind.BOND: "#8a5200",
    HearingKind.FEAR_REVIEW: "#85307d",
    HearingKind.MOTION: "#5f564a",
}
_SESSION_TINTS = {
    SessionKind.MASTER: "#3f72b3",
    SessionKind.INDIVIDUAL: "#3a8040",
    SessionKind.DETAINED_MASTER: "#8a5a9e",
    SessionKind.DETAINED_INDIVIDUAL: "#7a4a8e",
    SessionKind.BOND: "#a4620c",
    SessionKind.JUVENILE: "#137a7a",
    SessionKind.ADMINISTRATIVE: "#6e6e6e",
}
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

LIGHT = Colours(
    theme=Theme.LIGHT,
    window="#efefef",
    window_text="#000000",
    base="#ffffff",
    alternate_base="#f5f5f5",
    text="#000000",
    button="#efefef",
    button_text="#000000",
    highlight="#1d5fa8",
    highlighted_text="#ffffff",
    tooltip_base="#ffffdc",
    tooltip_text="#000000",
    muted_text="#595959",
    disabled_text="#8c8c8c",
    link="#0b57b8",
    late_text="#b00020",
    field_edge="#767676",
    hearing_fill=_HEARING_FILLS,
    hearing_border=_HEARING_BORDERS,
    hearing_text="#111111",
    adjourned_fill="#f2f2f2",
    adjourned_text="#4d4d4d",
    session_tint=_SESSION_TINTS,
    tag_fill="#fafafa",
    tag_text="#202020",
    day_off={DayState.HOLIDAY: "#858585", DayState.CLOSURE: "#858585", DayState.LEAVE: "#b86a00"},
    conflict="#d50000",
    on_conflict="#ffffff",
    ghost_ok="#1b6e30",
    ghost_tag="#ffffff",
    ghost_tag_text="#111111",
    proposed_edge="#6a3fb5",
    proposed_fill="#ece4fb",
    proposed_text="#2a1460",
    scale=_SCALE,
    scale_outline="#8c8c8c",
    severity=_SEVERITY,
    banner_text="#ffffff",
)

DARK = Colours(
    theme=Theme.DARK,
    window="#2b2d30",
    window_text="#e8e8e8",
    base="#1f2023",
    alternate_base="#2a2c30",
    text="#e8e8e8",
    button="#35373b",
    button_text="#e8e8e8",
    highlight="#5c9ded",
    highlighted_text="#000000",
    tooltip_base="#3a3d42",
    tooltip_text="#f0f0f0",
    muted_text="#a8abb1",
    disabled_text="#7d8087",
    link="#7ab7ff",
    late_text="#ff8a80",
    field_edge="#8d9096",
    hearing_fill=_HEARING_FILLS,
    hearing_border={
        HearingKind.MASTER: "#8fb8f0",
        HearingKind.INDIVIDUAL: "#8fd48a",
        HearingKind.BOND: "#f0b25a",
        HearingKind.FEAR_REVIEW: "#e59ade",
        HearingKind.MOTION: "#c8bfae",
    },
    hearing_text="#111111",
    adjourned_fill="#2e3034",
    adjourned_text="#c4c6cb",
    session_tint={
        SessionKind.MASTER: "#6f9fe0",
        SessionKind.INDIVIDUAL: "#6cbf72",
        SessionKind.DETAINED_MASTER: "#b78ccb",
        SessionKind.DETAINED_INDIVIDUAL: "#a98bd0",
        SessionKind.BOND: "#e09a3a",
        SessionKind.JUVENILE: "#3cc0c0",
        SessionKind.ADMINISTRATIVE: "#a0a0a0",
    },
    tag_fill="#3a3d42",
    tag_text="#f0f0f0",
    day_off={DayState.HOLIDAY: "#9e9e9e", DayState.CLOSURE: "#9e9e9e", DayState.LEAVE: "#e08a1e"},
    conflict="#f01818",  # outlines both the dark ground and the light hearings
    on_conflict="#000000",
    ghost_ok="#5fcf7a",
    ghost_tag="#ffffff",
    ghost_tag_text="#111111",
    proposed_edge="#b294ec",
    proposed_fill="#3a2a5e",
    proposed_text="#f4f0ff",
    scale=_SCALE,
    scale_outline="#8d9096",
    severity=_SEVERITY,
    banner_text="#ffffff",
)

HIGH_CONTRAST = Colours(
    theme=Theme.HIGH_CONTRAST,
    window="#000000",
    window_text="#ffffff",
    base="#000000",
    alternate_base="#141414",
    text="#ffffff",
    button="#000000",
    button_text="#ffffff",
    highlight="#ffff00",
    highlighted_text="#000000",
    tooltip_base="#000000",
    tooltip_text="#ffffff",
    muted_text="#d9d9d9",
    disabled_text="#a6a6a6",
    link="#66ffff",
    late_text="#ff9e9e",
    field_edge="#b6b6b6",
    hearing_fill=dict.fromkeys(HearingKind, "#000000"),
    hearing_border={
        HearingKind.MASTER: "#7fb2ff",
        HearingKind.INDIVIDUAL: "#6ee77a",
        HearingKind.BOND: "#ffb84d",
        HearingKind.FEAR_REVIEW: "#ff8af0",
        HearingKind.MOTION: "#e0e0e0",
    },
    hearing_text="#ffffff",
    adjourned_fill="#000000",
    adjourned_text="#d9d9d9",
    session_tint={
        SessionKind.MASTER: "#7fb2ff",
        SessionKind.INDIVIDUAL: "#6ee77a",
        SessionKind.DETAINED_MASTER: "#d9a3ff",
        SessionKind.DETAINED_INDIVIDUAL: "#c9a3ff",
        SessionKind.BOND: "#ffb84d",
        SessionKind.JUVENILE: "#4de8e8",
        SessionKind.ADMINISTRATIVE: "#e0e0e0",
    },
    tag_fill="#000000",
    tag_text="#ffffff",
    day_off={DayState.HOLIDAY: "#c0c0c0", DayState.CLOSURE: "#c0c0c0", DayState.LEAVE: "#ffb84d"},
    conflict="#ff6e6e",
    on_conflict="#000000",
    ghost_ok="#6ee77a",
    ghost_tag="#000000",
    ghost_tag_text="#ffffff",
    proposed_edge="#d9a3ff",
    proposed_fill="#000000",
    proposed_text="#ffffff",
    scale=_SCALE,
    scale_outline="#ffffff",
    severity=_SEVERITY,
    banner_text="#ffffff",
)

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
