"""What an unsaved what-if changes against the saved figures, in a few words."""

from planner.forecast.report import Forecast
from planner.services.explanation import shortening_text


def _signed(change: float, unit: str) -> str:
    return f"{change:+,.0f} {unit}"


def difference(saved: Forecast, trying: Forecast) -> str:
    """For example "+36 completions fit, shortening 23% → 18%, +210 bench hours left": each
    figure the what-if moves, in the order a judge reads them; "no change" when none moves."""
    parts: list[str] = []
    if trying.needed != saved.needed:
        parts.append(_signed(trying.needed - saved.needed, "completions needed"))
    fit = trying.max_completions_at_current_lengths - saved.max_completions_at_current_lengths
    if fit:
        parts.append(_signed(fit, "completions fit"))
    before, after = shortening_text(saved), shortening_text(trying)
    if before != after:
        parts.append(f"shortening {before} → {after}")
    hours = round(trying.capacity_minutes / 60) - round(saved.capacity_minutes / 60)
    if hours:
        parts.append(_signed(hours, "bench hours left"))
    days = trying.workdays_left - saved.workdays_left
    if days:
        parts.append(_signed(days, "workdays left"))
    if trying.verdict is not saved.verdict:
        parts.append(f"{saved.verdict.title.lower()} → {trying.verdict.title.lower()}")
    return ", ".join(parts) if parts else "no change"
