"""Benchmark: where a whole `planner forecast` process spends its CPU, step by step.

``bench_forecast_process.py`` says whether issue 14's bar is met; this says where the time goes.
Each run is a fresh process (the imports are part of the cost) that does what ``planner
forecast`` does, in the same order, and notes the CPU used (``time.process_time``) after each
step: the command line's import, its parser, the forecast's imports, the auto-scheduler's (the
age targets' projection), opening the file, the forecast's inputs, the forecast, the age targets'
facts and their projection, the text. The medians of RUNS runs are printed; the first line is
the interpreter's own start (site and the editable install's finder included). The exit is not
counted here: ``bench_forecast_process.py`` times the whole process.

The docket is chosen as in ``bench_forecast_process.py`` (a generated demo unless ``--db``
gives one); with several judges, the first is forecast. The source is byte-compiled first, as
an installation has it.

    .venv/bin/python benchmarks/bench_forecast_steps.py [--cases N] [--judges J] [--seed S]
        [--today YYYY-MM-DD] [--db PATH] [--as-of YYYY-MM-DD] [--runs R]
"""

import argparse
import compileall
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_forecast_process import add_docket_options, docket_path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
PLANNER = ROOT / ".venv" / "bin" / "planner"

#: What one run does: ``planner forecast``'s path, a CPU reading after each step.
_CHILD = """
import json, sys, time
steps = [("interpreter", time.process_time())]
def step(name):
    steps.append((name, time.process_time()))
from datetime import datetime
from planner import cli
step("planner.cli imported")
args = cli._build_parser().parse_args(["forecast", "--db", sys.argv[1]])
step("parser built, arguments read")
from planner.services import forecasting
step("the forecast's imports")
from planner.scheduling import age_targets
step("the auto-scheduler's imports")
from planner.store.database import Database
database = Database.open(args.db)
step("file opened")
as_of = datetime.fromisoformat(sys.argv[2])
with database.read() as reader:
    judge = forecasting.select_judges(reader, None)[0]
    inputs = reader.forecast_inputs(judge, as_of)
    step("forecast's inputs read")
    result = forecasting.forecast_from(inputs)
    step("forecast")
    cases, hearings = reader.case_facts_and_hearings(judge.id)
    step("age targets' facts read")
    result = forecasting._projected(result, judge, inputs.closures, inputs.leave, cases, hearings)
    step("age targets projected")
cli.render_forecast(result)
step("text")
database.close()
print(json.dumps(steps))
"""


def _run(database: str, as_of: str) -> list[tuple[str, float]]:
    """Each step's own CPU, in ms, the interpreter's start first."""
    done = subprocess.run(
        [str(PYTHON), "-c", _CHILD, database, as_of], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"the forecast's steps failed: {done.stderr}")
    marks = json.loads(done.stdout)
    before = [("", 0.0), *marks[:-1]]
    return [(name, (at - then) * 1000) for (name, at), (_, then) in zip(marks, before, strict=True)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_docket_options(parser)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "planner", quiet=1)
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
        database = docket_path(args, folder)
        as_of = args.as_of or args.today
        runs = [_run(database, as_of) for _ in range(args.runs)]
    print(f"planner forecast's path ({as_of}), CPU medians of {args.runs} runs, ms:")
    for index, (name, _) in enumerate(runs[0]):
        print(f"  {name:32s} {statistics.median(run[index][1] for run in runs):6.1f}")
    whole = statistics.median(sum(ms for _, ms in run) for run in runs)
    print(f"  {'to the text':32s} {whole:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
