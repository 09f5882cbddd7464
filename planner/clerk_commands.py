"""The clerk's commands: ``planner notices``, ``planner reassign`` and ``planner interpreters``
(issue 19)."""

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from planner.domain.errors import InvalidValue

if TYPE_CHECKING:
    from planner.store.database import Database

JUDGE_HELP = "may be left out when the database holds one judge; any case matches"


def add_clerk_commands(commands, db_option: argparse.ArgumentParser, day) -> None:
    """The clerk's commands' parsers; ``day`` parses a YYYY-MM-DD argument."""
    notices = commands.add_parser(
        "notices",
        parents=[db_option],
        help="list a judge's hearing notices not yet served, or print them as a PDF",
        description="The hearings of a judge whose notice to the respondent and counsel is not "
        "yet served (set, moved, or cancelled after a notice), with the day to serve each by (the "
        "court's notice period before the hearing). With --out, one PDF with a notice a page; "
        "with --mark-served too, they are recorded as served, all at once. The PDF names "
        "asylum applicants.",
    )
    notices.add_argument("--judge", metavar="NAME", help=JUDGE_HELP)
    notices.add_argument(
        "--court",
        action="store_true",
        help="every judge of the --judge's court (the clerk's queue), with each notice's judge",
    )
    notices.add_argument("--out", type=Path, metavar="FILE.pdf", help="write the notices here")
    notices.add_argument(
        "--mark-served",
        action="store_true",
        help="record the notices written to --out as served on --as-of",
    )
    notices.add_argument(
        "--as-of",
        type=day,
        metavar="YYYY-MM-DD",
        help="the day the queue is read on, and notices are served (default: the judge's today)",
    )

    reassign = commands.add_parser(
        "reassign",
        parents=[db_option],
        help="move chosen cases, or a judge's whole pending docket, to other judges",
        description="Move pending cases from one judge to one or more others, in one "
        "transaction: each case goes to the receiving judge with the fewest pending cases so "
        "far; each of its scheduled hearings keeps its date and time where it fits the new "
        "judge's calendar (sessions, closures, leave, other hearings, notice period) and is "
        "otherwise taken off and listed as unscheduled. Prints every hearing's fate and each "
        "judge's forecast before and after.",
    )
    reassign.add_argument(
        "--from", dest="from_judge", metavar="JUDGE", required=True, help="whose cases move"
    )
    reassign.add_argument(
        "--to",
        dest="to_judges",
        metavar="JUDGE",
        action="append",
        required=True,
        help="a judge to receive cases (repeat for several)",
    )
    reassign.add_argument(
        "--case",
        dest="cases",
        metavar="A-NUMBER",
        action="append",
        help="a case to move (repeat for several; default: every pending case)",
    )
    reassign.add_argument(
        "--dry-run", action="store_true", help="show what would happen; change nothing"
    )
    reassign.add_argument("--json", action="store_true", help="print the outcome as JSON")
    reassign.add_argument(
        "--as-of",
        type=day,
        metavar="YYYY-MM-DD",
        help="hearings from this day on are checked and moved (default: now)",
    )
    interpreters = commands.add_parser(
        "interpreters",
        parents=[db_option],
        help="a day's or week's hearings that need an interpreter, by language",
        description="Every scheduled hearing that needs an interpreter (a language other than "
        "English) across the judges, by language, day and judge, with the bookings that cover "
        "them (one interpreter for a judge's consecutive hearings in a language). Printed as "
        "text, or saved as CSV (--csv) or PDF (--out).",
    )
    interpreters.add_argument("--date", type=day, metavar="YYYY-MM-DD", required=True)
    interpreters.add_argument(
        "--week", action="store_true", help="Monday to Friday of the week of --date"
    )
    interpreters.add_argument(
        "--judge",
        dest="judges",
        metavar="NAME",
        action="append",
        help="only this judge (repeat for several; default: every judge)",
    )
    interpreters.add_argument("--csv", type=Path, metavar="FILE.csv", help="save as CSV")
    interpreters.add_argument("--out", type=Path, metavar="FILE.pdf", help="save as PDF")


def run_clerk_command(args: argparse.Namespace, open_existing: Callable[..., "Database"]) -> int:
    if args.command == "notices":
        return _notices(args, open_existing)
    if args.command == "reassign":
        return _reassign(args, open_existing)
    if args.command == "interpreters":
        return _interpreters(args, open_existing)
    raise AssertionError(args.command)


def _notices(args: argparse.Namespace, open_existing: Callable[..., "Database"]) -> int:
    from planner.services import notices as service
    from planner.services.clock import today_for
    from planner.services.judges import the_judge

    if args.out is not None and args.out.suffix.lower() != ".pdf":
        raise InvalidValue(f"notices are a PDF: give --out a name ending in .pdf, not {args.out}")
    if args.mark_served and args.out is None:
        raise InvalidValue("--mark-served marks the notices written: give --out FILE.pdf too")
    database = open_existing(args, changes=args.mark_served)
    judge = the_judge(database, args.judge)
    today = args.as_of or today_for(judge)
    load = service.load_court_queue if args.court else service.load_queue
    queue = load(database, judge.name, today)
    if args.out is None:
        print(queue.summary())
        for notice in queue.due:
            h = notice.hearing
            late = "  LATE" if notice.late(today) else ""
            print(
                f"{notice.serve_by}  {notice.event.value:<9}  {notice.a_number}  "
                f"{h.start:%Y-%m-%d %H:%M}  {h.name}"
                + (f"  ({h.judge})" if queue.court_wide else "")
                + late
            )
        return 0
    if not queue.due:
        print(f"{queue.summary()} Nothing was written.")
        return 0
    from planner.app import display_available

    if not display_available():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # Qt needs fonts here, not a screen
    from planner.ui.notices.notice_pages import headless_application, save_pdf

    headless_application()
    pages = save_pdf(queue.due, queue.court, today, queue.whose, args.out)
    print(f"Wrote {pages} notice{'' if pages == 1 else 's'} of {queue.whose} to {args.out}.")
    if args.mark_served:
        served = service.mark_served(database, judge.name, queue.due, today)
        print(f"Marked {len(served)} served on {today}.")
    return 0


def _reassign(args: argparse.Namespace, open_existing: Callable[..., "Database"]) -> int:
    import json

    from planner.services import reassign as service

    database = open_existing(args, changes=not args.dry_run)
    as_of = service.default_as_of(database, args.from_judge, args.as_of)
    run = service.preview_reassignment if args.dry_run else service.reassign
    done = run(database, args.from_judge, args.to_judges, args.cases, as_of)
    if args.json:
        print(json.dumps({"dry_run": args.dry_run, **done.as_json()}, indent=2))
        return 0
    if args.dry_run:
        print("Dry run: nothing was changed.")
    print("\n".join(done.lines()))
    return 0


def _interpreters(args: argparse.Namespace, open_existing: Callable[..., "Database"]) -> int:
    from datetime import timedelta

    from planner.services.interpreters import COLUMNS, interpreter_list

    if args.out is not None and args.out.suffix.lower() != ".pdf":
        raise InvalidValue(f"--out writes a PDF: give a name ending in .pdf, not {args.out}")
    first = last = args.date
    if args.week:
        first = args.date - timedelta(days=args.date.weekday())
        last = first + timedelta(days=4)
    listing = interpreter_list(open_existing(args), first, last, args.judges or ())
    print(listing.summary())
    if args.csv is None and args.out is None:
        for booking in listing.bookings():
            print(f"  {booking.describe()}")
        for row in listing.rows():
            print("  " + " | ".join(row))
        return 0
    if args.csv is not None:
        from planner.services.table_export import save_table_csv

        save_table_csv(args.csv, COLUMNS, listing.rows())
        print(f"Saved {args.csv}.")
    if args.out is not None:
        from planner.app import display_available

        if not display_available():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from planner.ui.files.interpreter_dialog import save_pdf
        from planner.ui.notices.notice_pages import headless_application

        headless_application()
        save_pdf(listing, args.out)
        print(f"Saved {args.out}.")
    return 0
