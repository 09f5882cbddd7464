"""The Planner's log file: in the user's data folder, owner-only, rotated, and never a name or an
A-number in it.

A log is what a user attaches to a bug report, so it must carry no docket data. Our own log
messages name no one; an exception's message may quote data (a name, an A-number, SQL
parameters), so every message and traceback goes through ``redact`` before it is written.
"""

import logging
import re
import traceback
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_NAME = "planner.log"
MAX_BYTES = 1_000_000
KEEP_FILES = 3

_QUOTED = re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"")
# A-numbers, with or without the A and dashes, and any other run of four or more digits.
_NUMBERS = re.compile(r"\b[Aa]?-?\d(?:[\d\- ]{2,}\d)\b")
# Any word holding a capital letter may be a name (Ana, PÉREZ, McAllister), unless it is one of
# these technical words that help read a bug.
_CAPITALISED = re.compile(r"\b\w*[^\W\d_a-z]\w*\b")
_KEEP = frozenset(
    [
        "SQL",
        "INSERT",
        "UPDATE",
        "DELETE",
        "SELECT",
        "FROM",
        "WHERE",
        "VALUES",
        "INTO",
        "UNIQUE",
        "NOT",
        "NULL",
        "FOREIGN",
        "KEY",
        "CHECK",
        "PRAGMA",
        "WAL",
        "SQLite",
        "Planner",
        "CSV",
        "JSON",
        "UTF",
        "Traceback",
        "File",
        "None",
        "True",
        "False",
    ]
)


def redact(text: str) -> str:
    """``text`` with quoted values, digit runs and capitalised words (which may be names) masked."""
    text = _QUOTED.sub("'…'", text)
    text = _NUMBERS.sub("#…", text)
    return _CAPITALISED.sub(lambda m: m.group() if m.group() in _KEEP else "X…", text)


def describe_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> str:
    """A traceback fit for a log or a bug report: the frames (file, line and function) as they
    are, each exception's type, and its message redacted."""
    return "".join(_describe(error, trace, set()))


def _describe(error: BaseException, trace: TracebackType | None, seen: set[int]) -> list[str]:
    seen.add(id(error))
    lines: list[str] = []
    cause, context = error.__cause__, error.__context__
    if cause is not None and id(cause) not in seen:
        lines += _describe(cause, cause.__traceback__, seen)
        lines.append("\nThe above exception was the direct cause of the following exception:\n\n")
    elif context is not None and not error.__suppress_context__ and id(context) not in seen:
        lines += _describe(context, context.__traceback__, seen)
        lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
    if trace is not None:
        lines.append("Traceback (most recent call last):\n")
        # Where, without the line of source: a test's or a script's source may hold data.
        lines += [
            f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
            for frame in traceback.extract_tb(trace)
        ]
    kind = type(error)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    message = redact(str(error))
    lines.append(f"{name}: {message}\n" if message else f"{name}\n")
    return lines


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if not getattr(record, "redacted", False):  # set by callers who redacted it already
            message = redact(message)
        text = f"{self.formatTime(record)} {record.levelname} {record.name}: {message}"
        if record.exc_info and record.exc_info[0] is not None:
            kind, error, trace = record.exc_info
            assert error is not None
            text += "\n" + describe_error(kind, error, trace).rstrip("\n")
        return text


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """Each new log file, after a rotation too, is created owner-only."""

    def _open(self) -> TextIOWrapper:
        from planner.store.private_files import create_private

        create_private(Path(self.baseFilename))
        return super()._open()


def start_logging(folder: Path) -> Path:
    """Log the ``planner`` loggers to ``folder/planner.log`` (owner-only, three files of 1 MB)."""
    path = folder / LOG_NAME
    handler = _PrivateRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=KEEP_FILES, encoding="utf-8"
    )
    handler.setFormatter(RedactingFormatter())
    logger = logging.getLogger("planner")
    for old in [h for h in logger.handlers if isinstance(h, RotatingFileHandler)]:
        logger.removeHandler(old)
        old.close()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path
