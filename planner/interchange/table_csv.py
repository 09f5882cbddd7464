"""A table as shown on screen (a header row, then rows of cell texts) as CSV text, every cell
made inert the way the cases CSV makes it: a spreadsheet shows it, never runs it."""

import csv
import io
from collections.abc import Iterable, Sequence

from planner.interchange.cases_csv import inert


def write_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV text with CRLF line ends; a header's line breaks (two-line column titles) become
    spaces."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([inert(" ".join(title.split())) for title in header])
    for row in rows:
        writer.writerow([inert(cell) for cell in row])
    return out.getvalue()
