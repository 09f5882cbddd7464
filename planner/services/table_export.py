"""Saves a table as shown on screen to a CSV file, owner-only and in one step."""

from collections.abc import Iterable, Sequence
from pathlib import Path

from planner.interchange.table_csv import write_table
from planner.store.private_files import replaced_atomically


def save_table_csv(out: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Writes the CSV (UTF-8, as the cases export) in place of ``out``; an OSError is the
    caller's to word."""
    text = write_table(header, rows)
    with replaced_atomically(out) as temporary:
        temporary.write_bytes(text.encode("utf-8"))
