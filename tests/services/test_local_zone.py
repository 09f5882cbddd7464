"""The machine's time zone as an IANA key, for a new judge's default."""

from pathlib import Path

from planner.services.local_zone import FALLBACK_ZONE, local_zone


def test_the_zone_is_read_from_the_localtime_link(tmp_path: Path) -> None:
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/America/Chicago")
    assert local_zone(environ={}, localtime=link) == "America/Chicago"


def test_a_tz_variable_naming_a_zone_wins(tmp_path: Path) -> None:
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/America/Chicago")
    assert local_zone(environ={"TZ": "America/Denver"}, localtime=link) == "America/Denver"
    assert local_zone(environ={"TZ": ":Pacific/Guam"}, localtime=link) == "Pacific/Guam"


def test_without_a_known_zone_new_york_is_the_default(tmp_path: Path) -> None:
    missing = tmp_path / "localtime"
    assert local_zone(environ={}, localtime=missing) == FALLBACK_ZONE == "America/New_York"
    plain = tmp_path / "plain"
    plain.write_bytes(b"TZif")  # a copied file, not a link: no name to read
    assert local_zone(environ={"TZ": "EST5EDT,bogus"}, localtime=plain) == "America/New_York"
    utc = tmp_path / "utc"
    utc.symlink_to("/usr/share/zoneinfo/Etc/UTC")
    assert local_zone(environ={"TZ": "Etc/UTC"}, localtime=utc) == "America/New_York"
    odd = tmp_path / "odd"
    odd.symlink_to("/usr/share/zoneinfo/Not/A_Zone")
    assert local_zone(environ={}, localtime=odd) == "America/New_York"
