"""Run the Planner as ``python -m planner``."""

from planner.cli import run

run()
