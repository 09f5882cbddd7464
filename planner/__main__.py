"""Run the Planner as ``python -m planner``, and as the installed executable."""

import multiprocessing

from planner.cli import run

if __name__ == "__main__":
    # A process the forecast starts runs its work here and ends (a frozen program starts its
    # processes through its own executable); otherwise, the Planner.
    multiprocessing.freeze_support()
    run()
