"""A table as shown, as CSV: the header on one line, every cell inert in a spreadsheet."""

import csv
import io

from planner.interchange.table_csv import write_table


def test_the_table_as_csv_with_formulas_made_inert() -> None:
    text = write_table(
        ["Judge", "Hours per\nneeded completion"],
        [['=HYPERLINK("x")', "-34"], ["Adams, J.", "88 / 122 (-34)"], ["@Sum", "'+1"]],
    )
    assert text.endswith("\r\n")
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["Judge", "Hours per needed completion"],
        ['\'=HYPERLINK("x")', "'-34"],
        ["Adams, J.", "88 / 122 (-34)"],
        ["'@Sum", "''+1"],
    ]
