"""What is wrong with an imported file: every problem, each with where it is, refused together."""

from collections.abc import Sequence
from dataclasses import dataclass

from planner.domain.errors import InvalidValue

#: How many problems a refusal lists; the rest are counted (a million bad rows would otherwise
#: print a hundred megabytes). ``ImportRefused.problems`` keeps them all.
LISTED = 100


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file: where (``line 4, column received`` or ``cases[3].kind``)
    and what, quoting the bad value."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class ImportRefused(InvalidValue):
    """A file refused as a whole: nothing was imported, and every problem is listed."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"nothing was imported: {count:,} {noun} in {self.source}"]
        lines += [f"  {problem}" for problem in self.problems[:LISTED]]
        if count > LISTED:
            lines.append(
                f"  … and {count - LISTED:,} more problems like these (the first {LISTED} are listed)"
            )
        return "\n".join(lines)


def decode_utf8(data: bytes, source: str, advice: str = "") -> str:
    """The text of a file's bytes as UTF-8 (a leading byte-order mark is dropped), or ImportRefused
    saying where the first byte that is not UTF-8 is."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = (
            f"the file is not UTF-8 text: byte 0x{data[error.start]:02X} at byte position "
            f"{error.start:,} cannot be read"
        )
        raise ImportRefused(
            source, [Problem(f"line {line}", f"{message}; {advice}" if advice else message)]
        ) from None
