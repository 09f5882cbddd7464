"""The command line's check-out and check-in (issue 17): ``planner checkout``, ``planner
checkin``, and ``planner import --merge``. Kept apart from ``planner.cli`` so that the commands
other work adds there do not meet these."""

import argparse
import json
import sys
from pathlib import Path

#: Exit status of a check-in stopped by collisions not settled (nothing applied).
UNSETTLED = 3


def add_offline_commands(commands, db_option: argparse.ArgumentParser) -> None:
    checkout = commands.add_parser(
        "checkout",
        parents=[db_option],
        help="copy a judge's docket from the court server to this computer, to work offline",
        description="Copy one judge's docket (profile, cases, hearings, outcomes, closures, "
        "leave, notices served) from the court server to a local file (--db), and record on the server who "
        "checked it out and since when. Others keep working on it; 'planner checkin' brings "
        "the edits of both sides together.",
    )
    checkout.add_argument(
        "--from",
        dest="server",
        metavar="URL",
        required=True,
        help="the court server: its database file, or postgresql://USER@HOST/DBNAME",
    )
    checkout.add_argument("--judge", metavar="NAME", required=True, help="whose docket")
    checkin = commands.add_parser(
        "checkin",
        parents=[db_option],
        help="bring a checked-out docket back: merge its edits with the server's since",
        description="Send the edits made in the checked-out file (--db) to the court server and "
        "take the server's edits since the check-out, in one transaction on the server. Edits "
        "that collide are listed one by one with both versions; nothing is applied until each "
        "is settled (--keep, or --settlements FILE).",
    )
    checkin.add_argument(
        "--to",
        dest="server",
        metavar="URL",
        help="the court server (default: where the docket was checked out from)",
    )
    checkin.add_argument(
        "--keep",
        choices=("laptop", "server"),
        help="settle every collision with this side's version",
    )
    checkin.add_argument(
        "--settlements",
        type=Path,
        metavar="FILE",
        help='a JSON object: collision id -> "laptop", "server", or the fields\' values',
    )
    do_import = commands.choices["import"]
    do_import.add_argument(
        "--merge",
        action="store_true",
        help="for a docket file: merge it into the judge's docket (changed cases updated, "
        "outcomes kept) and show what changes",
    )
    do_import.add_argument(
        "--preview",
        action="store_true",
        help="with --merge: show what the merge would change, and store nothing",
    )


def _laptop(args: argparse.Namespace) -> Path:
    path = getattr(args, "db", None)
    if path is None:
        from planner.domain.errors import InvalidValue

        raise InvalidValue(
            f"say which file holds the checked-out docket with --db FILE ({args.command})"
        )
    return Path(path)


def run_offline_command(args: argparse.Namespace) -> int:
    if args.command == "checkout":
        from planner.services.offline import checkout

        print(checkout(args.server, args.judge, _laptop(args)).describe())
        return 0
    if args.command == "checkin":
        return _checkin(args)
    return _merge_import(args)


def _checkin(args: argparse.Namespace) -> int:
    from planner.services.offline import checkin, read_settlements
    from planner.sync.merge import Side

    settlements = read_settlements(args.settlements) if args.settlements else None
    keep = Side(args.keep) if args.keep else None
    result = checkin(_laptop(args), args.server, settlements=settlements, keep=keep)
    if result.applied:
        print(result.describe())
        return 0
    for number, collision in enumerate(result.unsettled, start=1):
        print(f"Collision {number} of {len(result.unsettled)}: {collision.what}: {collision.title}")
        print(f"  id: {collision.id}")
        for side, stamp in (
            (Side.LAPTOP, collision.laptop_stamp),
            (Side.SERVER, collision.server_stamp),
        ):
            print(f"  {side.value} ({stamp.describe()}):")
            for line in collision.version_lines(side):
                print(f"    {line}")
    example = json.dumps({result.unsettled[0].id: "laptop"}) if result.unsettled else "{}"
    print(
        f"planner: {result.describe()} Settle each collision: --keep laptop or --keep server for "
        f"all, or --settlements FILE with a JSON object such as {example} (or the fields' values "
        "instead of a side). The laptop's file keeps its edits.",
        file=sys.stderr,
    )
    return UNSETTLED


def _merge_import(args: argparse.Namespace) -> int:
    from planner.domain.errors import InvalidValue
    from planner.services.merge_import import merge_docket_file
    from planner.store.database import Database

    if not args.merge:
        raise InvalidValue("--preview shows what --merge would change: add --merge")
    if args.replace:
        raise InvalidValue("--merge and --replace do not go together: choose one")
    database = Database.open(args.db_path)
    args.closing.callback(database.close)
    result = merge_docket_file(database, args.file, judge_name=args.judge, store=not args.preview)
    print(result.describe())
    return 0
