"""A really full disk: a small tmpfs of its own, in a user and mount namespace (Linux), filled up
while a docket lives on it. Every command then says the disk is full, not "disk I/O error"."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
set -e
mount -t tmpfs -o size=3m,mode=0700 tmpfs "$1"
"$2" -m planner demo --db "$1/docket.sqlite" --cases 300 --judges 1 --today 2026-11-25 >/dev/null
dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null || true
set +e
"$2" -m planner forecast --db "$1/docket.sqlite" --as-of 2026-11-25 2>"$1/../forecast.err"
echo "forecast exit $?"
rm "$1/filler"
"$2" -m planner forecast --db "$1/docket.sqlite" --as-of 2026-11-25 --json >/dev/null
echo "after freeing exit $?"
"""


def _namespaces_allowed() -> bool:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _namespaces_allowed(), reason="needs Linux user and mount namespaces")
def test_a_full_disk_says_so_on_every_command_and_nothing_is_lost(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    script = tmp_path / "full.sh"
    script.write_text(SCRIPT, encoding="utf-8")
    run = subprocess.run(
        [
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            str(script),
            str(disk),
            sys.executable,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    err = (tmp_path / "forecast.err").read_text(encoding="utf-8")
    assert "forecast exit 1" in run.stdout, err
    assert "is full" in err
    assert "disk I/O error" not in err
    assert "Traceback" not in err
    assert "after freeing exit 0" in run.stdout, run.stderr
