"""Start-up of the frozen program against the source run (issue 7's bar: at most 1.5x).

Starts `planner --db demo.sqlite --quit-when-shown` from source and from the PyInstaller
folder alternately, offscreen, on a 5,000-case demo docket; each prints the wall-clock time of
the docket's first paint and of the forecast banner (planner/ui/window/startup_probe.py). The source
run gets its bytecode cached (as an installed package has it), the frozen one has its own.

Run: python benchmarks/bench_frozen_startup.py [build/dist/planner/planner]
(after `bash packaging/build.sh`; prints figures, exits 1 on a miss). ``cpu`` is each process's
CPU seconds to the forecast and exit: steadier than wall time on a shared machine.
"""

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 9


def _times(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from process start to each mark it prints, and its CPU seconds (``cpu``)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    marks = dict(line.split() for line in output.splitlines() if line[:1].isalpha())
    times = {name: float(at) - start for name, at in marks.items()}
    times["cpu"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return times


def _size_mb(folder: Path) -> float:
    return (
        sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def main() -> int:
    frozen = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build/dist/planner/planner")
    if not frozen.exists():
        print(f"no frozen program at {frozen}: run bash packaging/build.sh first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = folder
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        database = Path(folder) / "demo.sqlite"
        subprocess.run(
            [str(frozen), "demo", "--db", str(database), "--cases", "5000"],
            env=env,
            check=True,
            capture_output=True,
        )
        source = [sys.executable, "-m", "planner", "--db", str(database), "--quit-when-shown"]
        frozen_run = [str(frozen), "--db", str(database), "--quit-when-shown"]
        _times(source, env)  # compile and cache the bytecode, warm the disk cache for both
        _times(frozen_run, env)
        from_source, from_frozen = [], []
        for _ in range(RUNS):
            from_source.append(_times(source, env))
            from_frozen.append(_times(frozen_run, env))
    print(f"frozen folder: {_size_mb(frozen.parent):.0f} MB ({frozen.parent})")
    ratio = 0.0
    for mark in ("painted", "forecast", "cpu"):
        s = statistics.median(run[mark] for run in from_source)
        f = statistics.median(run[mark] for run in from_frozen)
        print(f"{mark:9s} source median {s:.3f} s, frozen median {f:.3f} s (x{f / s:.2f})")
        print(
            f"          source runs {', '.join(f'{r[mark]:.2f}' for r in from_source)}; "
            f"frozen runs {', '.join(f'{r[mark]:.2f}' for r in from_frozen)}"
        )
        if mark == "painted":
            ratio = f / s
    missed = ratio > 1.5
    print("bar (frozen window at most 1.5x the source run): " + ("MISSED" if missed else "met"))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
