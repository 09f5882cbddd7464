"""The ``planner`` command: the headless way into the Planner, for clerks and their scripts."""

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from planner import __version__
from planner.domain.errors import InvalidValue
from planner.domain.plural import counted, plural
from planner.store.errors import StoreError

if TYPE_CHECKING:
    from planner.forecast.report import Forecast
    from planner.store.database import Database
    from planner.store.locations import ServerAddress

JUDGE_HELP = "may be left out when the database holds one judge; any case matches"


class UserError(Exception):
    """Bad input on the command line: the message goes to stderr and the exit code is 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message}\n")


def _iso_date(text: str) -> date:
    from planner.domain.bounds import EARLIEST_DAY, LATEST_DAY

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise argparse.ArgumentTypeError(
            f"{text} is out of range: give a date from {EARLIEST_DAY} to {LATEST_DAY}"
        )
    return day


def _positive(text: str, largest: int | None = None) -> int:
    digits = text.strip().lstrip("+")
    value = 0
    if digits.isdecimal() and digits.isascii():  # counted first: int() refuses 4,300 digits
        value = int(digits) if len(digits) <= 18 else 10**18
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    if largest is not None and value > largest:
        raise argparse.ArgumentTypeError(f"{text} is too many: at most {largest:,}")
    return value


#: The demo's limits: the national demo is 750,000 cases among some 700 judges.
_DEMO_CASES, _DEMO_JUDGES = 2_000_000, 5_000


def _demo_cases(text: str) -> int:
    return _positive(text, _DEMO_CASES)


def _demo_judges(text: str) -> int:
    return _positive(text, _DEMO_JUDGES)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 1366x768") from None
    return width, height


def _db_location(text: str) -> "Path | ServerAddress":
    """--db: a SQLite file's path or a court server's URL (``database_location`` decides)."""
    from planner.store.locations import database_location

    try:
        return database_location(text)
    except StoreError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _build_parser() -> argparse.ArgumentParser:
    # --db is accepted before the subcommand or after it.
    db_option = _Parser(add_help=False)
    db_option.add_argument(
        "--db",
        type=_db_location,
        default=argparse.SUPPRESS,
        metavar="PATH|URL",
        help="the docket database to use: a file (default: planner.sqlite in your data "
        "folder), or a court server's postgresql://USER@HOST/DBNAME",
    )
    parser = _Parser(
        prog="planner",
        parents=[db_option],
        description="Judge Workload Planner: an immigration judge's docket and an honest "
        "forecast of the fiscal year's quota. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (a demo docket in a temporary folder, the window "
        "offscreen, a forecast and a PDF) and exit: 0 if every step passed",
    )
    parser.add_argument(
        "--theme", choices=("system", "light", "dark", "high_contrast"), help="window colours"
    )
    # For the screenshots in docs/: open the window, save a picture of it, and quit.
    parser.add_argument("--screenshot", type=Path, metavar="PNG", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=_size, metavar="WxH", help=argparse.SUPPRESS)
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for add in _COMMAND_PARSERS:
        add(commands, db_option)
    return parser


def _add_demo_parser(commands, db_option: _Parser) -> None:
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
        type=_demo_cases,
        default=2000,
        metavar="N",
        help="pending cases in all (default 2000)",
    )
    demo.add_argument(
        "--judges",
        type=_demo_judges,
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
        help="the date the docket is generated as of (default: today, the judge's local date)",
    )


def _add_forecast_parser(commands, db_option: _Parser) -> None:
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


def _add_import_parser(commands, db_option: _Parser) -> None:
    do_import = commands.add_parser(
        "import",
        parents=[db_option],
        help="import a docket file (.json) or a cases spreadsheet (.csv or .xlsx)",
        description="Import a whole docket file (JSON, as written by 'planner export') or a "
        "cases CSV or Excel workbook (.xlsx) into a judge's docket. All or nothing: a file with any bad row changes "
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


def _add_export_parser(commands, db_option: _Parser) -> None:
    export = commands.add_parser(
        "export",
        parents=[db_option],
        help="export a judge's docket as JSON, the cases as CSV or .xlsx, or the hearings as a "
        "calendar",
        description="Write a judge's whole docket as a docket file (JSON), the cases as a "
        "CSV or an Excel workbook (.xlsx) a clerk can open in a spreadsheet (both hold "
        "confidential asylum data), or the "
        "hearings as an iCalendar file (.ics) for a calendar app: without names unless "
        "--with-names says so.",
    )
    export.add_argument("--judge", metavar="NAME", help=JUDGE_HELP)
    export.add_argument(
        "--format",
        choices=("json", "csv", "xlsx", "ics"),
        default=None,
        help="json, csv, xlsx or ics (default: from the --out file's extension)",
    )
    export.add_argument("--out", type=Path, metavar="FILE", required=True)
    # Calendar (ics) only:
    export.add_argument(
        "--with-names",
        action="store_true",
        help="ics: put respondents' names, full A-numbers and case details in the events "
        "(default: the hearing kind and the A-number's last four digits only)",
    )
    export.add_argument(
        "--from", dest="first", type=_iso_date, metavar="YYYY-MM-DD", help="ics: first day"
    )
    export.add_argument(
        "--to", dest="last", type=_iso_date, metavar="YYYY-MM-DD", help="ics: last day (included)"
    )


def _add_sheet_parser(commands, db_option: _Parser) -> None:
    sheet = commands.add_parser(
        "sheet",
        parents=[db_option],
        help="save a day's or week's docket sheet as PDF",
        description="Save the docket sheet of a judge's day (or week) as a PDF on Letter paper: "
        "each session's hearings with time, A-number, name, interpreter, detained, attorney and "
        "hearing kind. Works without a display. The file names asylum applicants.",
    )
    sheet.add_argument("--judge", metavar="NAME", help=JUDGE_HELP)
    sheet.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", required=True)
    sheet.add_argument(
        "--court",
        nargs="?",
        const="",
        metavar="COURT",
        help="the whole court's sheet of the day: every judge's sessions, one judge after "
        "another, pages numbered through; the judges whose profile names COURT (default: every "
        "judge), or with --judge NAME[,NAME...] those judges",
    )
    sheet.add_argument(
        "--week", action="store_true", help="the week of --date, as the calendar shows it"
    )
    sheet.add_argument("--out", type=Path, metavar="FILE.pdf", required=True)


def _add_report_parser(commands, db_option: _Parser) -> None:
    report = commands.add_parser(
        "report",
        parents=[db_option],
        help="write a judge's forecast, charts and calendar as a PDF",
        description="Write a multi-page PDF: the forecast in words and numbers, the charts, "
        "the calendar summary by month and the assumptions used (work pattern, leave, lengths).",
    )
    report.add_argument("--judge", metavar="NAME", help=JUDGE_HELP)
    report.add_argument("--out", type=Path, metavar="FILE.pdf", required=True)
    report.add_argument(
        "--as-of",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="forecast from the start of this day (default: now)",
    )


def _add_court_commands(commands, _db_option: _Parser) -> None:
    from planner.court_commands import add_court_parser  # planner court init|grant|revoke

    add_court_parser(commands, _Parser)


def _add_clerk_commands(commands, db_option: _Parser) -> None:
    from planner.clerk_commands import add_clerk_commands  # notices, reassign, interpreters

    add_clerk_commands(commands, db_option, _iso_date)


def _add_schedule_parser(commands, db_option: _Parser) -> None:
    schedule = commands.add_parser(
        "schedule",
        parents=[db_option],
        help="propose hearings for a judge's unscheduled cases",
        description="Propose a calendar for the judge's unscheduled pending cases from a date to "
        "fiscal-year end, at the lengths the cases need, with its figures and the cases that do "
        "not fit. --apply stores it in one transaction; --policy all compares the policies.",
    )
    schedule.add_argument(
        "--judge", metavar="NAME", help=f"the judge whose calendar is planned; {JUDGE_HELP}"
    )
    schedule.add_argument(
        "--from",
        dest="first",
        type=_iso_date,
        metavar="DATE",
        help="the first day hearings may be set (default: tomorrow)",
    )
    schedule.add_argument(
        "--policy",
        choices=("oldest", "deadline", "max-completions", "all"),
        default="oldest",
        help="which cases come first (default oldest); all: compare them side by side",
    )
    schedule.add_argument(
        "--buffer", type=_minutes, default=5, metavar="MIN", help="minutes between hearings (5)"
    )
    schedule.add_argument(
        "--notice-days",
        type=_minutes,
        default=10,
        metavar="DAYS",
        help="days from the notice to appear to a first hearing (10, INA 239(b)(1))",
    )
    schedule.add_argument(
        "--group-rare-languages",
        action="store_true",
        help="put the same rare language's hearings back to back on a day (one interpreter "
        "booking; rare: not English, Spanish or Mandarin) and say what that costs in completions",
    )
    schedule.add_argument("--apply", action="store_true", help="store the proposal")
    schedule.add_argument("--json", action="store_true", help="print the proposal as JSON")


def _add_replan_parser(commands, db_option: _Parser) -> None:
    replan = commands.add_parser(
        "replan",
        parents=[db_option],
        help="move the hearings a change left in conflict, as few noticed ones as it can",
        description="After a change (leave, a closure, a smaller master calendar): move the "
        "judge's hearings in conflict to the nearest free places of their kind, no sooner than "
        "the notice period allows. A hearing whose notice was served is pinned unless "
        "--move-noticed; it says how many noticed hearings it moves. A preview unless --apply, "
        "which stores every move in one transaction.",
    )
    replan.add_argument(
        "--judge", metavar="NAME", help=f"the judge whose calendar is re-planned; {JUDGE_HELP}"
    )
    replan.add_argument(
        "--from",
        dest="first",
        type=_iso_date,
        metavar="DATE",
        help="the first day whose hearings are looked at (default: tomorrow)",
    )
    replan.add_argument(
        "--move-noticed",
        action="store_true",
        help="move noticed hearings in conflict too (each then needs a new notice)",
    )
    replan.add_argument("--apply", action="store_true", help="store the moves")
    replan.add_argument("--json", action="store_true", help="print the re-plan as JSON")


#: The most minutes between hearings, or days of notice, the scheduler is asked for.
_LARGEST_GAP = 10_000


def _minutes(text: str) -> int:
    digits = text.strip()
    value = -1
    if digits.isdecimal() and digits.isascii():  # counted first: int() refuses 4,300 digits
        value = int(digits) if len(digits) <= 18 else 10**18
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 0 or more")
    if value > _LARGEST_GAP:
        raise argparse.ArgumentTypeError(f"{text} is too many: at most {_LARGEST_GAP:,}")
    return value


def _add_backup_commands(commands, db_option: _Parser) -> None:
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


def _add_offline_commands(commands, db_option: _Parser) -> None:
    # Issue 17: checkout, checkin, import --merge (planner/offline_commands.py).
    from planner.offline_commands import add_offline_commands

    add_offline_commands(commands, db_option)


#: Each command's parser (some add several commands), in the order --help lists them: the
#: offline commands' comes after import's, whose parser it extends (--merge, --preview).
_COMMAND_PARSERS: tuple[Callable[..., None], ...] = (
    _add_demo_parser,
    _add_forecast_parser,
    _add_import_parser,
    _add_export_parser,
    _add_schedule_parser,
    _add_replan_parser,
    _add_sheet_parser,
    _add_report_parser,
    _add_backup_commands,
    _add_court_commands,
    _add_clerk_commands,
    _add_offline_commands,
)


def run() -> NoReturn:
    """The ``planner`` program (its console script, and ``python -m planner``): ``main``, then
    exit with its code.

    What the command made lives until the process ends, so it is first put out of the garbage
    collector's sight (``gc.freeze``): the interpreter's last collection at exit would otherwise
    walk every object the imports and the command made, only to free them all anyway (about
    9 ms of a 5,000-case forecast's 175 ms of CPU, measured). Not in ``main``, which tests and
    scripts call in a process that goes on."""
    code = main()
    import gc

    gc.freeze()
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version, or a usage error already printed
        return int(done.code or 0)
    try:
        # Every database the command opens is closed here, before main() returns, refused or
        # not: a connection left for the garbage collector would checkpoint the file whenever
        # it got to it, in the middle of whatever an in-process caller (a test) runs next.
        with ExitStack() as args.closing:
            code = _run(args)
        sys.stdout.flush()  # here, not at exit: a closed pipe or a full disk is told below
        return code
    except (UserError, InvalidValue, StoreError) as error:
        print(f"planner: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("planner: interrupted; nothing half-done was saved", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``planner schedule --json | head -c 10``): nothing more to say
        # to it, and Python must not try to flush to it again at exit.
        _silence_stdout()
        print("planner: the output was cut off: whatever read it stopped reading", file=sys.stderr)
        return 1
    except OSError as error:
        if _is_output_error(error):
            _silence_stdout()
            print(f"planner: could not write the output ({error.strerror})", file=sys.stderr)
            return 1
        return _unexpected(error)
    except Exception as error:
        return _unexpected(error)


def _is_output_error(error: OSError) -> bool:
    """Whether the error is the command's own output failing (a full disk, /dev/full)."""
    import errno

    return error.errno in (errno.ENOSPC, errno.EPIPE, errno.EIO) and error.filename is None


def _silence_stdout() -> None:
    """Point standard output at nowhere, so that nothing is written (or fails) at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # an in-process caller's own stream
        pass


def _unexpected(error: BaseException) -> int:
    """A bug: one line for the user, the details in the log, redacted as the window's are."""
    import logging

    from planner.logs import start_logging
    from planner.paths import data_folder

    where = "the Planner's log"
    try:
        where = str(start_logging(data_folder()))
        logging.getLogger("planner.cli").error(
            "Unexpected error in the command line", exc_info=error
        )
    except Exception:
        where = "no log (it could not be written)"
    print(
        f"planner: unexpected error ({type(error).__name__}); nothing half-done was saved. "
        f"The details are in {where}",
        file=sys.stderr,
    )
    return 1


def _database_path(args: argparse.Namespace) -> Path | str:
    """The --db docket file's path, or the court server's URL (its password, if any, comes from
    libpq's own sources: ~/.pgpass or PGPASSWORD, never the command line)."""
    from planner.store.locations import ServerAddress

    location = getattr(args, "db", None)
    if not location:  # the data folder (platformdirs) only where no --db names one
        from planner.paths import default_database

        location = default_database()
    if isinstance(location, ServerAddress):
        return location.url()
    return location


def _open(args: argparse.Namespace, *, changes: bool = False):
    from planner.store.database import Database

    database = Database.open(_database_path(args))
    args.closing.callback(database.close)  # when the command is done (main)
    if changes and database.path is not None:  # today's backup (once a day) before a write
        from planner.services.backups import keep_daily_backup

        keep_daily_backup(database.path)
    return database


def _open_existing(args: argparse.Namespace, *, changes: bool = False) -> "Database":
    """The database of a command that reads one (forecast, export, schedule, sheet, report):
    refused, and nothing created, where there is none."""
    path = _database_path(args)
    if isinstance(path, Path) and not path.exists():
        raise UserError(
            f"there is no database at {path}: nothing was read or created. Check --db, or make "
            "one with 'planner demo' or 'planner import FILE'"
        )
    return _open(args, changes=changes)


def _for_one_judge(args: argparse.Namespace, database: "Database") -> None:
    """Set ``args.judge`` to the stored name of the judge the command is for: --judge matched
    whatever its case, or the database's only judge when --judge is left out."""
    from planner.services.judges import the_judge

    args.judge = the_judge(database, args.judge).name


def _run(args: argparse.Namespace) -> int:
    if args.self_test:
        from planner.selftest import run_self_test

        return run_self_test()
    match args.command:
        case "forecast":
            return _forecast(args)
        case "demo":
            return _demo(args)
        case "checkout" | "checkin":
            from planner.offline_commands import run_offline_command

            return run_offline_command(args)
        case "import" if args.merge or args.preview:
            from planner.offline_commands import run_offline_command

            args.db_path = _database_path(args)
            return run_offline_command(args)
        case "import":
            return _import(args)
        case "export":
            return _export(args)
        case "schedule":
            return _schedule(args)
        case "replan":
            return _replan(args)
        case "sheet":
            return _sheet(args)
        case "report":
            return _report(args)
        case "notices" | "reassign" | "interpreters":
            from planner.clerk_commands import run_clerk_command

            return run_clerk_command(args, _open_existing)
        case "backup" | "restore":
            from planner.backup_commands import run_backup_command

            where = _database_path(args)
            if not isinstance(where, Path):
                raise UserError(
                    "a court server's database is backed up on the server (pg_dump), not by "
                    "'planner backup'"
                )
            return run_backup_command(args, where)
        case "court":
            from planner.court_commands import run_court_command

            return run_court_command(args)
        case _:
            return _window(args)


def _forecast(args: argparse.Namespace) -> int:
    # The forecast makes its records by the thousand and next to no garbage cycles: the
    # collector's rounds over them (50-odd for a 5,000-case docket, 388 objects freed in all)
    # cost about 3 ms of the command's 130. It is paused for the imports and the work.
    with _collector_paused():
        from planner.services.forecasting import forecast_judges

        # The template advice is a K(1) per change tried: for the JSON, which carries it.
        results = forecast_judges(
            _open_existing(args),
            args.judge,
            args.as_of,
            advise=args.json,
            ages=True,
            processes=True,
        )
    if args.json:
        print(json.dumps([result.as_json() for result in results], indent=2))
    elif not results:
        print("No judges in this database yet: 'planner demo' makes a demo docket.")
    else:
        print("\n\n".join(render_forecast(result) for result in results))
    return 0


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's garbage collector off for the block, and back as it was after it."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _demo(args: argparse.Namespace) -> int:
    from planner.services.clock import instant
    from planner.services.demo import create_demo

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rgenerating: {done:,} of {counted(total, 'judge')}", end="", file=sys.stderr)

    summary = create_demo(
        _open(args, changes=True),
        cases=args.cases,
        judges=args.judges,
        seed=args.seed,
        today=args.today or instant(),  # now: each judge's local date
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
    if fmt not in ("json", "csv", "xlsx", "ics"):
        raise UserError(
            f"say --format json, csv or xlsx (or ics for a calendar): the extension of {args.out} "
            "does not tell"
        )
    if fmt == "ics":
        return _export_calendar(args)
    if args.with_names or args.first or args.last:
        raise UserError("--with-names, --from and --to are for a calendar export (--format ics)")
    database = _open_existing(args)
    _for_one_judge(args, database)
    summary = export_docket(database, args.judge, fmt, args.out)
    print(summary.describe())
    return 0


def _schedule(args: argparse.Namespace) -> int:
    from planner.scheduling.autoschedule import Options
    from planner.scheduling.report import render_comparison, render_proposal
    from planner.services import autoschedule as service

    options = Options(
        buffer_minutes=args.buffer,
        notice_days=args.notice_days,
        group_rare_languages=args.group_rare_languages,
    )
    if args.policy == "all" and args.apply:
        raise UserError("--apply stores one proposal: choose --policy, not all")
    database = _open_existing(args, changes=args.apply)
    _for_one_judge(args, database)
    if args.policy == "all":
        found = service.compare_policies(database, args.judge, args.first, options=options)
        if args.json:
            print(json.dumps({"compare": [p.as_json() for p in found]}, indent=2))
        else:
            print(render_comparison(found))
        return 0
    if args.apply:
        proposal, applied = service.schedule_and_apply(
            database, args.judge, args.first, args.policy, options
        )
    else:
        proposal = service.propose_schedule(database, args.judge, args.first, args.policy, options)
    if args.json:
        payload = proposal.as_json() | {"applied": args.apply}
        payload |= service.forecast_bound(database, proposal)
        print(json.dumps(payload, indent=2))
    else:
        print(render_proposal(proposal))
        if args.apply:
            print(applied.describe())
    return 0


def _replan(args: argparse.Namespace) -> int:
    from planner.services import replanning
    from planner.services.autoschedule import propose_replan

    database = _open_existing(args, changes=args.apply)
    _for_one_judge(args, database)
    if args.apply:
        plan, done = replanning.replan_and_apply(
            database, args.judge, args.first, move_noticed=args.move_noticed
        )
    else:
        plan = propose_replan(database, args.judge, args.first, move_noticed=args.move_noticed)
    if args.json:
        print(
            json.dumps({"judge": args.judge} | plan.as_json() | {"applied": args.apply}, indent=2)
        )
        return 0
    print(f"Re-plan of {args.judge}'s calendar: {plan.summary()[:1].lower()}{plan.summary()[1:]}.")
    for move in plan.moves:
        print(f"  {move.describe()}")
    if args.apply:
        print(done.describe())
    elif plan.moves:
        print("A preview: nothing was moved. --apply moves them, in one transaction.")
    return 0


def _export_calendar(args: argparse.Namespace) -> int:
    from planner.services.calendar_export import export_calendar

    database = _open_existing(args)
    _for_one_judge(args, database)
    summary = export_calendar(
        database,
        args.judge,
        args.out,
        first=args.first,
        last=args.last,
        with_names=args.with_names,
    )
    print(summary.describe())
    return 0


def _sheet(args: argparse.Namespace) -> int:
    from planner.app import display_available
    from planner.services.docket_sheet import load_sheet

    if args.out.suffix.lower() != ".pdf":
        raise UserError(
            f"a docket sheet is a PDF: give --out a name ending in .pdf, not {args.out}"
        )
    database = _open_existing(args)
    if args.court is not None:
        return _court_sheet(args, database)
    _for_one_judge(args, database)
    sheet = load_sheet(database, args.judge, args.date, week=args.week)
    if not display_available():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # Qt needs fonts here, not a screen
    from planner.ui.files.docket_sheet import describe, headless_application, save_pdf

    headless_application()
    print(describe(sheet, save_pdf(sheet, args.out), args.out))
    return 0


def _court_sheet(args: argparse.Namespace, database: "Database") -> int:
    from planner.app import display_available
    from planner.services.clock import instant
    from planner.services.court_day import court_day

    if args.week:
        raise UserError("the court's docket sheet is of one day: leave out --week")
    names = [n.strip() for n in (args.judge or "").split(",") if n.strip()]
    now = instant().astimezone().replace(tzinfo=None, second=0, microsecond=0)
    day = court_day(database, args.date, names, court=args.court, printed=now)
    if not display_available():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from planner.ui.files.docket_sheet import headless_application, save_court_pdf

    headless_application()
    pages = save_court_pdf(day.sheets(), day.sheet_title, args.out)
    print(day.describe_saved(pages, args.out))
    return 0


def _report(args: argparse.Namespace) -> int:
    from planner.charts.report import write_judge_report

    if args.out.suffix.lower() != ".pdf":
        raise UserError(f"the report is a PDF: name the --out file ….pdf, not {args.out.name}")
    database = _open_existing(args)
    _for_one_judge(args, database)
    path = write_judge_report(database, args.judge, args.out, as_of=args.as_of)
    print(f"Wrote the report of {args.judge} to {path}.")
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


def render_forecast(f: "Forecast") -> str:
    """The forecast as a short report a judge can check with a pencil."""
    from planner.domain.vocabulary import HearingKind
    from planner.forecast.message import shortening_words
    from planner.forecast.shortening import HEARING_WORDS

    def hours(minutes: float) -> str:
        return f"{minutes / 60:,.1f} h"

    lines = [
        f"{f.judge}: fiscal year {f.fiscal_year} ({f.fy_start:%d %b %Y} to {f.fy_end:%d %b %Y}), "
        f"as of {f.as_of:%d %b %Y %H:%M}",
        f"  {f.verdict.title.upper() if f.has_quota else 'TARGETS'}: {f.message}",
        f"  Rule set                    {f.rule_set.title if f.rule_set else 'none given'}",
        f"  Completed so far            {f.completed:,}"
        + (f" of {f.quota:,}" if f.has_quota else " (no quota under this rule set)")
        + f"  (counting {', '.join(f.counted_completions)})",
        f"  Needed                      {f.needed:,}"
        + ("" if f.has_quota else f" (to the profile's {f.quota:,}, for reference)"),
        f"  Pending cases               {f.pending_cases:,}",
        f"  Bench time left             {hours(f.capacity_minutes)}"
        f" on {counted(f.workdays_left, 'workday')} (booked {hours(f.booked_minutes)})",
    ]
    if f.minutes_per_needed_completion is not None:
        lines.append(f"  Per needed completion       {hours(f.minutes_per_needed_completion)}")
    lines += [
        f"  Most completions that fit   {f.max_completions_at_current_lengths:,} at current "
        f"lengths, {f.max_completions_at_minimum_lengths:,} at minimum lengths",
        f"  Pace                        {f.pace_expected_to_date:,.0f} expected by now at an "
        f"even pace; {f.projected_from_booked:,} by year end from booked hearings",
    ]
    adjourned = f.adjournments
    if adjourned is not None and adjourned.rate > 0:
        whence = (
            f"observed: {adjourned.adjourned:,} of {counted(adjourned.recorded, 'outcome')}"
            if adjourned.source == "observed"
            else f"the profile's setting, until {counted(adjourned.history, 'outcome')} "
            f"{plural(adjourned.history, 'is', 'are')} recorded"
        )
        lines.append(
            f"  Adjournments                {100 * adjourned.rate:.0f}% ({whence}): "
            f"{f.extra_hearings:,.1f} extra hearings, {hours(f.extra_hearing_minutes)} counted"
        )
    for projection in f.age_targets or ():
        lines.append(f"  Age target: {projection.sentence(f.as_of.date())}")
    for pool in f.pools if len(f.pools) > 1 else ():
        lines.append(
            f"  Pool {pool.name:<23} {hours(pool.capacity_minutes)} left, "
            f"{hours(pool.needed_minutes)} needed at current lengths"
        )
    shortening = shortening_words(f)
    if shortening != "none":
        lines.append(f"  Required shortening         {shortening}")
    if f.required_shortening_pct:
        cuts = ", ".join(
            f"{HEARING_WORDS[HearingKind(kind)]} {cut.current} -> {cut.shortened} min"
            for kind, cut in f.shortened_hearing_minutes.items()
        )
        lines.append(f"    minutes per hearing        {cuts}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
