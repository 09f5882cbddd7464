"""The installed executable: built from a clean clone, installed into a temporary root, checked.

One PyInstaller build (a few minutes) serves every test here, so they are marked ``slow``:
``pytest -m "not slow"`` leaves them out while developing. The README's test command and CI
run them. They need git and Debian's dpkg (the .deb), and skip where those are missing.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "judge-workload-planner"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
BUILD_TIMEOUT = 30 * 60


def _run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb that ``packaging/build.sh`` makes in a fresh clone of this repository."""
    for tool in ("git", "dpkg-deb", "dpkg"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed: the .deb is built and checked on Debian")
    source = tmp_path_factory.mktemp("clean") / "planner"
    cloned = _run(["git", "clone", "--quiet", str(ROOT), str(source)])
    assert cloned.returncode == 0, cloned.stderr
    # This interpreter has the application's packages and PyInstaller (the `build` extra).
    env = {**os.environ, "PLANNER_BUILD_PYTHON": sys.executable}
    built = _run(["bash", "packaging/build.sh"], cwd=source, env=env, timeout=BUILD_TIMEOUT)
    assert built.returncode == 0, built.stdout + built.stderr
    (deb,) = (source / "build").glob(f"{PACKAGE}_{VERSION}_*.deb")
    return deb


@pytest.fixture(scope="module")
def unpacked(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package's files extracted into a temporary root, as ``dpkg -i`` would lay them."""
    root = tmp_path_factory.mktemp("root")
    extracted = _run(["dpkg-deb", "-x", str(deb), str(root)])
    assert extracted.returncode == 0, extracted.stderr
    return root


def _user_env(home: Path) -> dict[str, str]:
    """A user with no display: HOME elsewhere, nothing of the test run's Qt settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_"))}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("PYTHONPATH", None)
    env["HOME"] = str(home)
    return env


def test_the_package_says_what_it_is_and_where_its_files_go(deb: Path) -> None:
    info = _run(["dpkg-deb", "--info", str(deb)]).stdout
    assert f"Package: {PACKAGE}" in info
    assert f"Version: {VERSION}" in info
    contents = _run(["dpkg-deb", "--contents", str(deb)]).stdout
    paths = {line.split()[5] for line in contents.splitlines()}
    assert f"./opt/{PACKAGE}/planner" in paths
    assert f"./usr/bin/planner -> ../../opt/{PACKAGE}/planner" in contents
    assert f"./usr/share/applications/{PACKAGE}.desktop" in paths
    for size in ("16x16", "48x48", "256x256", "512x512"):
        assert f"./usr/share/icons/hicolor/{size}/apps/{PACKAGE}.png" in paths
    assert f"./usr/share/icons/hicolor/scalable/apps/{PACKAGE}.svg" in paths
    # Only system places: nothing in a home folder, /etc or /var.
    assert all(p.startswith(("./opt/", "./usr/")) or p == "./" for p in paths), sorted(paths)[:20]


def test_the_installed_command_answers_version(unpacked: Path, tmp_path: Path) -> None:
    result = _run([str(unpacked / "usr/bin/planner"), "--version"], env=_user_env(tmp_path))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"planner {VERSION}"


def test_the_installed_program_passes_its_self_test(unpacked: Path, tmp_path: Path) -> None:
    planner = unpacked / f"opt/{PACKAGE}/planner"

    result = _run([str(planner), "--self-test"], env=_user_env(tmp_path), timeout=300)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test (frozen)" in result.stdout
    for step in ("database", "demo docket", "main window", "forecast", "pdf"):
        assert f"ok    {step}: " in result.stdout
    assert result.stdout.splitlines()[-1] == "self-test passed"


def test_the_installed_program_forecasts_a_court_in_processes(
    unpacked: Path, tmp_path: Path
) -> None:
    """A court of 64 judges is shared among processes the executable starts as itself: each
    does its part and ends (no second Planner, no process left), with every judge's forecast
    as one thread gives it."""
    import json

    from tests.court_of_judges import DAY, make_court

    path = tmp_path / "court.sqlite"
    one_by_one = make_court(path)
    planner = unpacked / f"opt/{PACKAGE}/planner"

    result = _run(
        [str(planner), "forecast", "--db", str(path), "--as-of", str(DAY), "--json"],
        env=_user_env(tmp_path),
        timeout=300,
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert json.loads(result.stdout) == json.loads(json.dumps(one_by_one))
    left = _run(["pgrep", "-f", str(planner)]).stdout
    assert left == ""


def test_the_menu_entry_is_valid_and_its_icon_installed(unpacked: Path) -> None:
    entry = unpacked / f"usr/share/applications/{PACKAGE}.desktop"
    fields = dict(line.split("=", 1) for line in entry.read_text().splitlines() if "=" in line)
    assert fields["Exec"] == "planner"
    assert fields["Name"] == "Judge Workload Planner"
    assert (unpacked / f"usr/share/icons/hicolor/48x48/apps/{fields['Icon']}.png").is_file()
    if shutil.which("desktop-file-validate"):
        checked = _run(["desktop-file-validate", str(entry)])
        assert checked.returncode == 0, checked.stdout + checked.stderr


def _dpkg(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """dpkg on a private root and database; maintainer scripts run outside a chroot there."""
    return _run(
        [
            "dpkg",
            f"--root={root}",
            "--force-depends",
            "--force-script-chrootless",
            "--force-not-root",
            *args,
        ],
        env={**os.environ, "DPKG_ROOT": str(root)},
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_upgrade_and_removal_leave_the_users_dockets(
    deb: Path, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path / "root"
    for folder in ("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers"):
        (root / folder).mkdir(parents=True)
    (root / "var/lib/dpkg/status").touch()
    installed = _dpkg(root, "--install", str(deb))
    assert installed.returncode == 0, installed.stdout + installed.stderr
    owned = _dpkg(root, "--listfiles", PACKAGE).stdout.splitlines()
    assert f"/opt/{PACKAGE}/planner" in owned

    # A judge's docket in the default place: the user's data folder.
    home = tmp_path / "home"
    planner = root / f"opt/{PACKAGE}/planner"
    made = _run([str(planner), "demo", "--cases", "40"], env=_user_env(home))
    assert made.returncode == 0, made.stderr
    docket = home / ".local/share/JudgeWorkloadPlanner/planner.sqlite"
    before = _digest(docket)

    # The next version, as a package (the same program under a higher version number).
    tree = tmp_path_factory.mktemp("next")
    assert _run(["dpkg-deb", "--raw-extract", str(deb), str(tree)]).returncode == 0
    control = tree / "DEBIAN/control"
    control.write_text(control.read_text().replace(f"Version: {VERSION}", f"Version: {VERSION}+1"))
    upgrade = tmp_path / "next.deb"
    packed = _run(["dpkg-deb", "--root-owner-group", "-Znone", "--build", str(tree), str(upgrade)])
    assert packed.returncode == 0, packed.stderr
    shutil.rmtree(tree)

    upgraded = _dpkg(root, "--install", str(upgrade))
    assert upgraded.returncode == 0, upgraded.stdout + upgraded.stderr
    assert f"Version: {VERSION}+1" in _dpkg(root, "--status", PACKAGE).stdout
    assert _digest(docket) == before
    forecast = _run([str(planner), "forecast"], env=_user_env(home))
    assert forecast.returncode == 0, forecast.stderr
    assert "fiscal year" in forecast.stdout

    after_forecast = _digest(docket)
    purged = _dpkg(root, "--purge", PACKAGE)
    assert purged.returncode == 0, purged.stdout + purged.stderr
    left = [path for path in owned if (root / path.lstrip("/")).is_file()]
    assert left == []
    assert not (root / f"opt/{PACKAGE}").exists()
    assert _digest(docket) == after_forecast
