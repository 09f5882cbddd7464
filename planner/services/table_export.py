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


def table_html(
    title: str, lines: Sequence[str], header: Sequence[str], rows: Iterable[Sequence[str]]
) -> str:
    """A table as shown on screen, as an HTML document for printing: a title, a few lines of
    text, and the table (a cell's line breaks kept)."""
    from html import escape

    def cell(text: str) -> str:
        return escape(text).replace("\n", "<br>")

    parts = [
        "<html><body style='font-family: sans-serif; font-size: 8pt'>",
        f"<h2>{escape(title)}</h2>",
        *(f"<p>{escape(line)}</p>" for line in lines),
        "<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>",
        *(f"<th align='left'>{cell(h)}</th>" for h in header),
        "</tr>",
    ]
    for row in rows:
        parts.append("<tr>" + "".join(f"<td>{cell(c)}</td>" for c in row) + "</tr>")
    parts.append("</table></body></html>")
    return "".join(parts)
