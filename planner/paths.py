"""Where the Planner keeps its files on this machine (platformdirs)."""

from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "JudgeWorkloadPlanner"


def data_folder() -> Path:
    """The user's data folder for the Planner, created on first use."""
    return user_data_path(APP_NAME, appauthor=False, ensure_exists=True)


def default_database() -> Path:
    return data_folder() / "planner.sqlite"
