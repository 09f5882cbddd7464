"""The ``planner`` command: the headless way into the Planner, for clerks and their scripts."""

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from planner import __version__
from planner.domain.errors import InvalidValue
from planner.forecast.report import Forecast
from planner.store.errors import StoreError


class UserError(Exception):
    """Bad input on the command line: the message goes to stderr and the exit code is 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message}\n")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 1366x768") from None
    return width, height


def _build_parser() -> argparse.ArgumentParser:
    # --db is accepted before the subcommand or after it.
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="the docket database to use (default: planner.sqlite in your data folder)",
    )
    parser = _Parser(
        prog="planner",
        parents=[db_option],
        description="Judge Workload Planner: an immigration judge's docket and an honest "
        "forecast of the fiscal year's quota. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    parser.add_argument("--theme", choices=("system", "light", "dark"), help="window colours")
    # For the screenshots in docs/: open the window, save a picture of it, and quit.
    parser.add_argument("--screenshot", type=Path, metavar="PNG", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=_size, metavar="WxH", help=argparse.SUPPRESS)
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser(
        "demo",
        parents=[db_option],
        help="create a realistic generated docket",
        description="Add generated judges with realistic dockets to the database: detained and "
        "non-detained cases of every kind, interpreters, representation, a weekly session "
        "template, leave, hearings held and completions so far this fiscal year. Names are "
        "invented. The same seed gives the same docket.",
    )
    demo.add_argument(
        "--cases",
        type=_positive,
        default=2000,
        metavar="N",
        help="pending cases in all (default 2000)",
    )
    demo.add_argument(
        "--judges",
        type=_positive,
        default=1,
        metavar="J",
        help="how many judges share them (default 1)",
    )
    demo.add_argument(
        "--seed", type=int, default=2018, metavar="S", help="random seed (default 2018)"
    )
    demo.add_argument(
        "--today",
        type=_iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date the docket is generated as of (default: today)",
    )

    forecast = commands.add_parser(
        "forecast",
        parents=[db_option],
        help="forecast the fiscal year's quota",
        description="Say whether the bench time left in the fiscal year can reach the quota at "
        "the hearing lengths the cases need, and if not by how much hearings would have to "
        "shrink. Covers every judge unless --judge names one.",
    )
    forecast.add_argument("--judge", metavar="NAME", help="only this judge")
    forecast.add_argument(
        "--as-of",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="forecast from the start of this day (default: now)",
    )
    forecast.add_argument(
        "--json", action="store_true", help="print a JSON array with one object per judge"
    )

    do_import = commands.add_parser(
        "import",
        parents=[db_option],
        help="import a docket file (.json) or a cases spreadsheet (.csv)",
        description="Import a whole docket file (JSON, as written by 'planner export') or a "
        "cases CSV into a judge's docket. All or nothing: a file with any bad row changes "
        "nothing, and every bad row is listed by line, column and reason.",
    )
    do_import.add_argument(
        "--judge",
        metavar="NAME",
        help="the judge whose docket receives a CSV (or a new name for a docket file's judge)",
    )
    do_import.add_argument(
        "--replace",
        action="store_true",
        help="for a docket file: replace the judge's docket if the judge exists",
    )
    do_import.add_argument("file", type=Path, metavar="FILE")

    export = commands.add_parser(
        "export",
        parents=[db_option],
        help="export a judge's docket as JSON or the cases as CSV",
        description="Write a judge's whole docket as a docket file (JSON), or the cases as a "
        "CSV a clerk can open in a spreadsheet. The file holds confidential asylum data.",
    )
    export.add_argument("--judge", metavar="NAME", required=True)
    export.add_argument(
        "--format",
        choices=("json", "csv"),
        default=None,
        help="json or csv (default: from the --out file's extension)",
    )
    export.add_argument("--out", type=Path, metavar="FILE", required=True)
    _add_backup_commands(commands, db_option)
    return parser


def _add_backup_commands(commands, db_option: argparse.ArgumentParser) -> None:  # type: ignore[no-untyped-def]
    backup = commands.add_parser(
        "backup",
        parents=[db_option],
        help="back the database up now",
        description="Copy the database consistently (even while the window has it open): to "
        "--out, or as today's backup in your data folder, where the last seven days' are kept "
        "(the window, import and demo also take one each day they open the file).",
    )
    backup.add_argument("--out", type=Path, metavar="FILE", help="where to write the copy")
    restore = commands.add_parser(
        "restore",
        parents=[db_option],
        help="list the database's backups, or bring one back",
        description="With --list, show the database's backups, newest first, with their date, "
        "judges and case counts. With BACKUP (a number from the list, or a backup file), replace "
        "the database's contents with it; the current contents are kept as a backup first.",
    )
    restore.add_argument("--list", action="store_true", help="list the backups")
    restore.add_argument(
        "backup", nargs="?", metavar="BACKUP", help="a number from --list, or a file"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version, or a usage error already printed
        return int(done.code or 0)
    try:
        return _run(args)
    except (UserError, InvalidValue, StoreError) as error:
        print(f"planner: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("planner: interrupted; nothing half-done was saved", file=sys.stderr)
        return 130


def _database_path(args: argparse.Namespace) -> Path:
    from planner.paths import default_database

    return getattr(args, "db", None) or default_database()


def _open(args: argparse.Namespace, *, changes: bool = False):  # type: ignore[no-untyped-def]
    from planner.store.database import Database

    database = Database.open(_database_path(args))
    if changes:  # today's backup (once a day) before a command that writes
        from planner.services.backups import keep_daily_backup

        keep_daily_backup(database.path)
    return database


def _run(args: argparse.Namespace) -> int:
    match args.command:
        case "forecast":
            return _forecast(args)
        case "demo":
            return _demo(args)
        case "import":
            return _import(args)
        case "export":
            return _export(args)
        case "backup" | "restore":
            from planner.backup_commands import run_backup_command

            return run_backup_command(args, _database_path(args))
        case _:
            return _window(args)


def _forecast(args: argparse.Namespace) -> int:
    from planner.services.forecasting import forecast_judges

    results = forecast_judges(_open(args), args.judge, args.as_of)
    if args.json:
        print(json.dumps([result.as_json() for result in results], indent=2))
    elif not results:
        print("No judges in this database yet: 'planner demo' makes a demo docket.")
    else:
        print("\n\n".join(render_forecast(result) for result in results))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from planner.services.demo import create_demo

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rgenerating: {done:,} of {total:,} judges", end="", file=sys.stderr)

    summary = create_demo(
        _open(args, changes=True),
        cases=args.cases,
        judges=args.judges,
        seed=args.seed,
        today=args.today or date.today(),
        progress=progress,
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(summary.describe())
    return 0


def _import(args: argparse.Namespace) -> int:
    from planner.services.transfer import import_file

    summary = import_file(
        _open(args, changes=True), args.file, judge_name=args.judge, replace=args.replace
    )
    print(summary.describe())
    return 0


def _export(args: argparse.Namespace) -> int:
    from planner.services.transfer import export_docket

    fmt = args.format or args.out.suffix.lstrip(".").lower()
    if fmt not in ("json", "csv"):
        raise UserError(f"say --format json or csv: the extension of {args.out} does not tell")
    summary = export_docket(_open(args), args.judge, fmt, args.out)
    print(summary.describe())
    return 0


def _window(args: argparse.Namespace) -> int:
    """``planner`` alone opens the application's window."""
    from planner.app import run

    return run(
        getattr(args, "db", None),
        screenshot=args.screenshot,
        size=args.size,
        theme=args.theme,
        quit_when_shown=args.quit_when_shown,
    )


def render_forecast(f: Forecast) -> str:
    """The forecast as a short report a judge can check with a pencil."""

    def hours(minutes: float) -> str:
        return f"{minutes / 60:,.1f} h"

    lines = [
        f"{f.judge}: fiscal year {f.fiscal_year} ({f.fy_start:%d %b %Y} to {f.fy_end:%d %b %Y}), "
        f"as of {f.as_of:%d %b %Y %H:%M}",
        f"  {f.verdict.title.upper()}: {f.message}",
        f"  Completed so far            {f.completed:,} of {f.quota:,}"
        f"  (counting {', '.join(f.counted_completions)})",
        f"  Needed                      {f.needed:,}",
        f"  Pending cases               {f.pending_cases:,}",
        f"  Bench time left             {hours(f.capacity_minutes)}"
        f" on {f.workdays_left} workdays (booked {hours(f.booked_minutes)})",
    ]
    if f.minutes_per_needed_completion is not None:
        lines.append(f"  Per needed completion       {hours(f.minutes_per_needed_completion)}")
    lines += [
        f"  Most completions that fit   {f.max_completions_at_current_lengths:,} at current "
        f"lengths, {f.max_completions_at_minimum_lengths:,} at minimum lengths",
        f"  Pace                        {f.pace_expected_to_date:,.0f} expected by now at an "
        f"even pace; {f.projected_from_booked:,} by year end from booked hearings",
    ]
    if f.required_shortening_pct:
        cuts = ", ".join(
            f"{kind} {cut.current} -> {cut.shortened} min"
            for kind, cut in f.shortened_case_minutes.items()
        )
        lines.append(f"  Required shortening         {f.required_shortening_pct:.1f}%")
        lines.append(f"    minutes per case           {cuts}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
