"""The machine's time zone as an IANA key, the default zone of a new judge's court."""

import os
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: The zone of a new judge when the machine's cannot be named (EOIR headquarters' zone).
FALLBACK_ZONE = "America/New_York"
_LOCALTIME = Path("/etc/localtime")


def _zone(key: str) -> str | None:
    """``key`` when it names an IANA zone (Area/City), else None."""
    key = key.strip().lstrip(":")
    if "/" not in key or key.startswith(("/", "Etc/")) or ".." in key:
        return None  # Etc/UTC is a server's setting, not a court's: New York is likelier
    try:
        ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return key


def local_zone(environ: Mapping[str, str] | None = None, localtime: Path = _LOCALTIME) -> str:
    """The TZ variable when it names a zone, else the zone /etc/localtime links to, else
    America/New_York. No clock is read: a zone's abbreviation (EST) names no IANA zone."""
    env = os.environ if environ is None else environ
    if zone := _zone(env.get("TZ", "")):
        return zone
    try:
        target = os.readlink(localtime)
    except OSError:  # missing, or a copied file rather than a link
        return FALLBACK_ZONE
    _, found, key = target.partition("zoneinfo/")
    return (_zone(key) if found else None) or FALLBACK_ZONE
