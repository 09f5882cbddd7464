"""Colours, hatches and line styles that survive greyscale printing and colour-blind readers.

The colours are Okabe and Ito's set for colour-vision deficiency; every series also differs in
line style or hatching, and in lightness, so a greyscale print still tells them apart.
"""

from dataclasses import dataclass

BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"


@dataclass(frozen=True, slots=True)
class ChartTheme:
    """A figure's neutral colours: the series keep theirs on either background."""

    name: str
    face: str
    text: str
    grid: str
    neutral: str  # reference lines, the available bench time
    neutral_fill: str
    actual: str  # the completions to date: blue on white, sky blue on the dark background


LIGHT = ChartTheme("light", "#ffffff", "#1a1a1a", "#d9d9d9", "#444444", "#e6e6e6", BLUE)
DARK = ChartTheme("dark", "#1f2023", "#e8e8e8", "#3a3c40", "#bdbdbd", "#4a4d52", SKY)


@dataclass(frozen=True, slots=True)
class Series:
    colour: str
    linestyle: str = "-"
    hatch: str = ""
    marker: str = ""


ACTUAL = Series(BLUE, "-")
BOOKED = Series(GREEN, "--", marker="")
PROJECTED = Series(ORANGE, "-.")
PACE = Series("", ":")  # the theme's neutral colour
BOOKED_BAR = Series(BLUE, hatch="//")
NEEDED_BAR = Series(VERMILLION, hatch="xx")
CURRENT_BAR = Series(BLUE)
REQUIRED_BAR = Series(ORANGE, hatch="//")
MINIMUM_BAR = Series("", hatch="..")
KIND_BAR = Series(SKY)
AGE_BAR = Series(PURPLE, hatch="\\\\")
GAP = VERMILLION
