"""A JSON syntax error in the Planner's own words: what is wrong and where, the same on every
Python (the json module's messages and positions change between versions: 3.13 reports a
trailing comma where 3.11 reported the bracket after it)."""

import json
import re

from planner.interchange.problems import Problem

#: A complete JSON string, as JSON allows it (no raw control characters inside).
_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\.)*"')
#: A bare word or number, as a mistaken token shows in the message.
_TOKEN = re.compile(r"[^\s,:\[\]{}\"']{1,20}")


def json_syntax_problem(text: str, error: json.JSONDecodeError) -> Problem:
    """Where the JSON in ``text`` first goes wrong, and what is there."""
    at, what = _mistake(text, error.pos)
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return Problem(f"line {line}, column {column}", f"this is not valid JSON ({what})")


def _mistake(text: str, at: int) -> tuple[int, str]:
    comma = _trailing_comma(text, at)
    if comma is not None:
        closer = text[_skip_space(text, comma + 1)]
        return comma, f"a comma before the closing {closer!r}: remove it"
    if at >= len(text):
        return len(
            text
        ), "the file ends before its JSON does: a closing '}', ']' or '\"' is missing"
    found = text[at]
    if ord(found) < 0x20:
        return at, "a line break or control character inside quotes: write a line break as \\n"
    if found == '"':
        if _STRING.match(text, at) is None:
            return at, "the text in quotes that starts here is never closed"
        return at, "a comma or a colon is missing before this"
    if found == "'":
        return at, "text in single quotes: JSON puts text and names in double quotes"
    token = _TOKEN.match(text, at)
    shown = ascii(token.group() if token else found)
    if _is_json(text[:at]):
        return at, f"{shown} after the end of the JSON value: only one value may be in the file"
    return at, f"{shown} is not allowed here"


def _trailing_comma(text: str, at: int) -> int | None:
    """Where a comma stands just before a closing bracket, if the error is at one or the other."""
    if at >= len(text):
        return None
    if text[at] == ",":
        after = _skip_space(text, at + 1)
        return at if after < len(text) and text[after] in "}]" else None
    if text[at] in "}]":
        before = len(text[:at].rstrip()) - 1
        return before if before >= 0 and text[before] == "," else None
    return None


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True
