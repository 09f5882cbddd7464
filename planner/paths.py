"""Where the Planner keeps its files on this machine (platformdirs)."""

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "JudgeWorkloadPlanner"
#: Names another data folder (the self-test's temporary one, or a portable install's).
DATA_FOLDER_VARIABLE = "PLANNER_DATA_DIR"


def data_folder() -> Path:
    """The user's data folder for the Planner (or $PLANNER_DATA_DIR), created on first use."""
    if chosen := os.environ.get(DATA_FOLDER_VARIABLE):
        folder = Path(chosen)
        folder.mkdir(parents=True, exist_ok=True)
    else:
        folder = user_data_path(APP_NAME, appauthor=False, ensure_exists=True)
    if os.name == "posix":
        os.chmod(folder, 0o700)  # dockets, backups and the log: the user's alone
    return folder


def default_database() -> Path:
    return data_folder() / "planner.sqlite"


def backup_folder(database: Path) -> Path:
    """Where the backups of ``database`` are kept: a folder of its own in the data folder, named
    after the file and a digest of its full path, so two dockets of the same name do not mix."""
    import hashlib

    digest = hashlib.sha256(str(database.resolve()).encode()).hexdigest()[:8]
    return data_folder() / "backups" / f"{database.stem}-{digest}"


def shipped_file(*parts: str) -> Path:
    """A file shipped with the Planner beside its package (``docs/forecast.md``): in the source
    tree when run from a checkout, in the bundle's folder when frozen (packaging/planner.spec
    copies it there). The path may not exist in a copy installed without its documents."""
    import sys

    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root.joinpath(*parts)


def forecast_definitions() -> Path:
    """docs/forecast.md: how the forecast counts, figure by figure (Help > How the Forecast Works)."""
    return shipped_file("docs", "forecast.md")


def shown(path: Path) -> str:
    """``path`` as short as a person reads it: the home folder as ``~``."""
    try:
        return str(Path("~") / path.relative_to(Path.home()))
    except ValueError:  # outside the home folder
        return str(path)
