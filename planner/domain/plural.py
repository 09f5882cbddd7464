"""Counts in words for every message: "1 case", "2 cases", "1 leave entry", "0 judges"."""


def plural(count: float, singular: str, plural_form: str | None = None) -> str:
    """The word that goes with ``count``: ``singular`` for exactly one, else ``plural_form``
    (by default ``singular`` + "s"). Works for verbs too: ``plural(n, "is", "are")``."""
    if count == 1:
        return singular
    return plural_form if plural_form is not None else singular + "s"


def counted(count: float, singular: str, plural_form: str | None = None, spec: str = ",") -> str:
    """``count`` formatted with ``spec`` (thousands separators by default), then its word:
    "1 case", "1,375 cases", and with ``spec=",.0f"`` 0.6 hours reads "1 hour"."""
    text = format(count, spec)
    return f"{text} {plural(1 if text == '1' else 2, singular, plural_form)}"
