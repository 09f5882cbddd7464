"""Every file the Planner writes for the user (exports, the report, the docket sheet, backups) is
written by one atomic, owner-only writer (issue 15, point 7): a temporary file of its own, made
new (O_EXCL) beside the target, renamed over it; a planted symlink is never followed."""

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symlinks and POSIX modes")


@pytest.fixture
def court(planner: Callable[..., CliResult], tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "court.sqlite"
    assert (
        planner("--db", db, "demo", "--cases", 60, "--seed", 4, "--today", "2026-11-25").code == 0
    )
    (forecast,) = planner("--db", db, "forecast", "--as-of", "2026-11-25", "--json").json()
    return db, str(forecast["judge"])


def _victim(tmp_path: Path) -> Path:
    victim = tmp_path / "someone-elses-file.txt"
    victim.write_text("precious", encoding="utf-8")
    return victim


@pytest.mark.parametrize(
    "command",
    [
        ("report", "--as-of", "2026-11-25", "--out", "{out}.pdf"),
        ("export", "--format", "json", "--out", "{out}.json"),
        ("export", "--format", "csv", "--out", "{out}.csv"),
        ("export", "--out", "{out}.ics"),
        ("backup", "--out", "{out}.sqlite"),
    ],
    ids=lambda c: c[0] + " " + c[-1].rsplit(".", 1)[-1],
)
def test_planted_symlinks_are_never_followed_and_the_file_is_owner_only(
    planner: Callable[..., CliResult], court: tuple[Path, str], tmp_path: Path, command: tuple
) -> None:
    db, judge = court
    victim = _victim(tmp_path)
    out = Path(command[-1].format(out=tmp_path / "written"))
    # The fixed names a writer might use for its temporary file, and the target itself.
    for name in (f"{out.name}.part", f".{out.name}.partial", f"{out.name}.tmp"):
        (tmp_path / name).symlink_to(victim)
    out.symlink_to(victim)
    args = [*command[:-1], out]
    if command[0] != "backup":
        args[1:1] = ["--judge", judge]
    old = os.umask(0o022)
    try:
        result = planner(*args, "--db", db)
    finally:
        os.umask(old)
    assert result.code == 0, result.err
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not out.is_symlink()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    leftovers = [p.name for p in tmp_path.iterdir() if "partial" in p.name and not p.is_symlink()]
    assert leftovers == []


def test_the_shared_writer_refuses_to_leave_half_a_file(tmp_path: Path) -> None:
    from planner.store.private_files import replaced_atomically

    out = tmp_path / "out.txt"
    out.write_text("old", encoding="utf-8")

    def write_half() -> None:
        with replaced_atomically(out) as temporary:
            temporary.write_text("half", encoding="utf-8")
            raise RuntimeError("the writer failed half-way")

    with pytest.raises(RuntimeError):
        write_half()
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
