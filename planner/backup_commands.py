"""``planner backup`` and ``planner restore``: the headless way to keep and bring back copies."""

import argparse
from pathlib import Path

from planner.domain.errors import InvalidValue
from planner.services import backups


def run_backup_command(args: argparse.Namespace, database: Path) -> int:
    if not database.is_file():
        raise InvalidValue(f"{database} is not there: there is nothing to back up or restore")
    if args.command == "backup":
        # Opening the database first refuses a damaged, foreign or newer file with its reason.
        _check_opens(database)
        taken = backups.back_up(database, args.out)
        print(f"Backed up {database} to {taken}. It names asylum applicants: keep it confidential.")
        return 0
    found = backups.backups_of(database)
    if args.list or args.backup is None:
        if not found:
            print(f"No backups of {database} yet: 'planner backup' takes one.")
        for number, info in enumerate(found, start=1):
            print(f"{number:>3}  {info.describe()}\n     {info.path}")
        return 0
    chosen = _chosen(args.backup, found)
    kept = backups.restore(database, chosen)
    info = backups.read_backup_info(chosen)
    print(f"Restored {database} from the backup of {info.describe()}.")
    if kept is not None:
        print(f"What it held until now is kept as {kept}.")
    return 0


def _chosen(text: str, found: list) -> Path:
    if text.isdigit():
        number = int(text)
        if not 1 <= number <= len(found):
            raise InvalidValue(
                f"there is no backup number {number}: 'planner restore --list' shows "
                f"{len(found)} backup{'' if len(found) == 1 else 's'}"
            )
        return found[number - 1].path
    path = Path(text)
    if not path.is_file():
        raise InvalidValue(
            f"{path} is not a backup file, nor a number from 'planner restore --list'"
        )
    return path


def _check_opens(database: Path) -> None:
    from planner.store.database import Database

    Database.open(database).close()
