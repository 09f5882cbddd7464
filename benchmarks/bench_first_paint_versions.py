"""Benchmark: the window's first paint of this tree beside another version's, side by side.

Each version makes its own 5,000-case demo docket, then the two windows are started in turn
(offscreen, --quit-when-shown), so that both see the same load on a shared machine. Prints the
median seconds from process start to the first paint and to the forecast banner, and the ratio.

    git archive BASE | tar -x -C /tmp/base
    .venv/bin/python benchmarks/bench_first_paint_versions.py /tmp/base [--runs 9]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_startup import _times, compiled  # noqa: E402


def _planner(tree: Path) -> list[str]:
    """The command line of ``planner`` run from the source ``tree``."""
    code = f"import sys; sys.path.insert(0, {str(tree)!r}); from planner.cli import main; sys.exit(main())"
    return [sys.executable, "-c", code]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("other", type=Path, help="the other version's source tree")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--cases", type=int, default=5000)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    trees = {"this": ROOT, "other": args.other.resolve()}
    for tree in trees.values():
        compiled(tree)
    with tempfile.TemporaryDirectory() as folder:
        env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = folder
        windows = {}
        for name, tree in trees.items():
            database = Path(folder) / f"{name}.sqlite"
            subprocess.run(
                [*_planner(tree), "demo", "--db", str(database), "--cases", str(args.cases)],
                env=env,
                check=True,
                capture_output=True,
            )
            windows[name] = [*_planner(tree), "--db", str(database), "--quit-when-shown"]
            _times(windows[name], env)  # warm the disk cache
        painted: dict[str, list[float]] = {name: [] for name in trees}
        cpu: dict[str, list[float]] = {name: [] for name in trees}
        forecast: dict[str, list[float]] = {name: [] for name in trees}
        for _ in range(args.runs):
            for name, command in windows.items():
                marks = _times(command, env)
                painted[name].append(marks["painted"])
                cpu[name].append(marks.get("cpu_painted", float("nan")))
                forecast[name].append(marks["forecast"])
    print(f"load average {os.getloadavg()[0]:.1f}; {args.runs} runs each, in turn")
    for name, tree in trees.items():
        print(
            f"{name:5} ({tree}): painted median {statistics.median(painted[name]):.3f} s "
            f"(min {min(painted[name]):.3f}), forecast median "
            f"{statistics.median(forecast[name]):.3f} s; CPU by the first paint "
            f"{statistics.median(cpu[name]):.3f} s"
        )
    ratio = statistics.median(painted["this"]) / statistics.median(painted["other"])
    print(f"first paint, this / other: x{ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
