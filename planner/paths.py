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
