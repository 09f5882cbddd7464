"""The minutes of each hearing kind at the required shortening: the one computation that the
message, the charts, the report and the command line all show (docs/forecast.md)."""

import math
from collections import Counter

from planner.domain.judge import Judge
from planner.domain.vocabulary import HearingKind, hearings_of_kind
from planner.forecast.pools import hearing_minutes
from planner.forecast.report import Forecast, Shortened

#: A hearing kind as judges say it: an individual-calendar hearing is a merits hearing.
HEARING_WORDS = {
    HearingKind.MASTER: "master",
    HearingKind.INDIVIDUAL: "merits",
    HearingKind.BOND: "bond",
    HearingKind.FEAR_REVIEW: "fear review",
    HearingKind.MOTION: "motion",
}


def shorten(table: dict[str, tuple[int, int]], scale: float | None) -> dict[str, Shortened]:
    """Each kind's (default, minimum) minutes at ``scale``, rounded down to whole minutes
    (rounding up could overshoot the capacity) and never below the minimum; the bisection's
    last bits are not allowed to cost a minute. Empty when nothing shrinks."""
    if scale is None or scale >= 1.0:
        return {}
    return {
        kind: Shortened(default, max(minimum, math.floor(round(scale * default, 6))))
        for kind, (default, minimum) in table.items()
    }


def minutes_table(judge: Judge) -> dict[str, tuple[int, int]]:
    """The (default, minimum) minutes of each hearing kind of the judge's profile."""
    return {str(kind): (m.default, m.minimum) for kind, m in hearing_minutes(judge).items()}


def as_shown(scale: float, *tables: dict[str, tuple[int, int]]) -> tuple[object, ...]:
    """Every figure that f* decides, as a judge reads it: the required shortening as the JSON
    and the text round it (a tenth of a percent), as the banner and the grading do (whole
    percent), f as "how this is computed" writes it, and the minutes of each kind in
    ``tables`` at f (``shorten``). Each of them is monotone in f: where two scales show the
    same, every scale between them does, and the bisection for f* stops there
    (``PoolModel.largest_scale``). A figure shown from f* in a new way belongs here."""
    pct = 100 * (1 - scale)
    shown = (round(pct, 1), f"{pct:.1f}", f"{pct:.0f}", round(pct), f"{1 - pct / 100:.2f}")
    return shown + tuple(shorten(table, scale) for table in tables)


def hearing_lengths(
    judge: Judge, forecast: Forecast, pending: Counter[str]
) -> list[tuple[str, int, int, int, int]]:
    """Per hearing kind the pending cases still need (the most needed first): its words, how
    many pending cases need one, and its minutes now, at the required shortening (the
    forecast's own figure; the minimum when not even the minimums reach the quota) and at the
    minimum."""
    needing: Counter[HearingKind] = Counter()
    for case_kind, count in pending.items():
        for kind in set(hearings_of_kind(case_kind)):
            needing[kind] += count
    table = hearing_minutes(judge)
    rows = []
    for kind, count in needing.most_common():
        minutes = table[kind]
        if forecast.required_shortening_pct is None:
            required = minutes.minimum
        elif str(kind) in forecast.shortened_hearing_minutes:
            required = forecast.shortened_hearing_minutes[str(kind)].shortened
        else:
            required = minutes.default
        rows.append((HEARING_WORDS[kind], count, minutes.default, required, minutes.minimum))
    return rows
