"""``planner court init|grant|revoke``: setting up a court server (PostgreSQL) and saying who may
do what on it (``planner.store.court_access``)."""

import argparse
from typing import TypeVar

from planner.domain.errors import InvalidValue

P = TypeVar("P", bound=argparse.ArgumentParser)

ROLE_HELP = (
    "judge: changes their own docket; assistant: a legal assistant, changes the dockets of the "
    "judges assigned with --judge; admin: a court administrator, reads every judge's docket and "
    "changes none"
)
URL_HELP = (
    "the court server's database: postgresql://USER@HOST/DBNAME (add ?sslmode=verify-full "
    "across a network; the password comes from ~/.pgpass or PGPASSWORD)"
)


def add_court_parser(commands: "argparse._SubParsersAction[P]", parser_class: type[P]) -> None:
    court = commands.add_parser(
        "court",
        help="set up a court server (PostgreSQL) and give its users their roles",
        description="A court shares its dockets on a PostgreSQL server. Judges change their own "
        "docket, legal assistants the dockets of the judges assigned to them, court "
        "administrators read every docket and change none; the server itself enforces it, "
        "for the window, the command line and any other program alike.",
    )
    actions = court.add_subparsers(
        dest="court_command", metavar="ACTION", required=True, parser_class=parser_class
    )
    init = actions.add_parser(
        "init",
        help="create the schema, the roles, their rules and the first administrator",
        description="Create (or bring up to date) the court database's tables, the server's "
        "roles planner_judge, planner_assistant and planner_admin, their grants and row-level "
        "security, and make --admin a court administrator (the login is made if it is not "
        "there). Run it as the database's owner, with the right to create roles. Running it "
        "again changes nothing that is already right.",
    )
    init.add_argument("--db", required=True, metavar="URL", help=URL_HELP)
    init.add_argument(
        "--admin", required=True, metavar="LOGIN", help="the first court administrator's login"
    )
    grant = actions.add_parser(
        "grant",
        help="give a login a role: judge, assistant or admin",
        description="Give LOGIN a court role, at once (the login is made, without a password, "
        "if it is not there). A judge's login acts for one judge; a legal assistant's for each "
        "--judge given (added to those already assigned). Run it as a court administrator or "
        "the database's owner.",
    )
    grant.add_argument("--db", required=True, metavar="URL", help=URL_HELP)
    grant.add_argument("--user", required=True, metavar="LOGIN", help="the login")
    grant.add_argument(
        "--role", required=True, choices=("judge", "assistant", "admin"), help=ROLE_HELP
    )
    grant.add_argument(
        "--judge",
        action="extend",
        nargs="+",
        default=[],
        metavar="NAME",
        help="the judge (or judges) the login acts for; any case matches",
    )
    revoke = actions.add_parser(
        "revoke",
        help="take a login's role away, or some of its judges",
        description="Without --judge, LOGIN loses its court role and reads nothing more; with "
        "--judge, it no longer acts for those judges. At once. The login itself is left on the "
        "server.",
    )
    revoke.add_argument("--db", required=True, metavar="URL", help=URL_HELP)
    revoke.add_argument("--user", required=True, metavar="LOGIN", help="the login")
    revoke.add_argument(
        "--judge",
        action="extend",
        nargs="+",
        default=[],
        metavar="NAME",
        help="only these judges; any case matches",
    )


def run_court_command(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import ArgumentError, DBAPIError

    from planner.store import court_access
    from planner.store.sessions import Sessions, server_url

    try:
        url = server_url(args.db)
    except (ValueError, ArgumentError):
        raise InvalidValue(
            f"--db {args.db!r} is not a PostgreSQL URL: give postgresql://USER@HOST/DBNAME"
        ) from None
    where = url.render_as_string(hide_password=True).replace("postgresql+psycopg", "postgresql")
    sessions = Sessions.on_server(url)
    args.closing.callback(sessions.close)  # when the command is done (main)
    engine = sessions.engine
    if args.court_command == "init":
        try:
            sessions.upgrade_schema()
        except DBAPIError as error:
            raise court_access.explained(error, engine, court_access.SETTING_UP) from None
        setup = court_access.install(engine, args.admin)
        state = "Set up" if setup.first_time else "Brought up to date"
        who = "its first" if setup.first_time else ("now a" if setup.admin_added else "already a")
        print(
            f"{state} the court server {where}: its tables, the roles planner_judge, "
            f"planner_assistant and planner_admin, and their rules. {args.admin} is {who} "
            "court administrator."
        )
        return 0
    if args.court_command == "grant":
        print(f"{court_access.grant(engine, args.user, args.role, args.judge)}.")
        return 0
    print(f"{court_access.revoke(engine, args.user, args.judge)}.")
    return 0
