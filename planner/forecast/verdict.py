"""The verdict a forecast reaches, in the order shared/domain-model.md tests them."""

from enum import StrEnum


class Verdict(StrEnum):
    NOT_ENOUGH_CASES = "not_enough_cases"
    UNREACHABLE_AT_MINIMUM_LENGTHS = "unreachable_at_minimum_lengths"
    UNREACHABLE_WITHOUT_SHORTENING = "unreachable_without_shortening"
    AT_RISK = "at_risk"
    ON_TRACK = "on_track"

    # Shadows str.title() on purpose: a verdict's title is the words a person reads.
    @property
    def title(self) -> str:  # type: ignore[override]
        return _TITLES[self]


_TITLES = {
    Verdict.NOT_ENOUGH_CASES: "Not enough cases",
    Verdict.UNREACHABLE_AT_MINIMUM_LENGTHS: "Unreachable even at minimum lengths",
    Verdict.UNREACHABLE_WITHOUT_SHORTENING: "Unreachable without shortening hearings",
    Verdict.AT_RISK: "At risk",
    Verdict.ON_TRACK: "On track",
}
