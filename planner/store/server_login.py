"""Logging in to a court server: one connection tried, and what went wrong in one line.

The window asks before it opens a court server's docket (File > Connect to Court Server), so
that a wrong password, a server that does not answer or a certificate that does not check out
is told in the dialog, in words, not as the driver's several lines. psycopg is imported here
only when a server is tried.
"""

import re

from planner.store.errors import DatabaseUnavailable
from planner.store.locations import ServerAddress

_WHERE = re.compile(r'^connection to server (?:at|on) "[^"]*"(?:[^:]*)? failed: ')

#: How long a server may take to answer before it counts as unreachable.
CONNECT_TIMEOUT_S = 5


def check_login(address: ServerAddress, password: str | None) -> None:
    """Connect to ``address`` as its user with ``password`` (or none) and ask ``SELECT 1``;
    ``DatabaseUnavailable`` with one line saying what went wrong otherwise."""
    import psycopg

    try:
        with psycopg.Connection.connect(
            address.url(),
            password=password or None,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name="planner-login",
        ) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        raise DatabaseUnavailable(login_problem(error, address)) from None


def login_problem(error: Exception, address: ServerAddress) -> str:
    """The driver's error about ``address`` as one line the user can act on."""
    text = str(error)
    lowered = text.lower()
    where = address.host if address.port == 5432 else f"{address.host}:{address.port}"
    if "password authentication failed" in lowered:
        return f"the server refused the password of {address.user}"
    if "no password supplied" in lowered:
        return f"the server asks for {address.user}'s password: type it"
    if "does not support ssl" in lowered:
        return f"TLS: {where} does not offer TLS (ask the court's IT)"
    if "root certificate file" in lowered:
        return (
            "TLS: there is no certificate authority to check the server with: put the court's "
            "in ~/.postgresql/root.crt (ask the court's IT)"
        )
    if "certificate" in lowered or "ssl" in lowered:
        return f"TLS: {where}'s certificate did not check out ({first_line(text)})"
    if "does not exist" in lowered and "database" in lowered:
        return f"there is no database {address.database} on {where}"
    if "role" in lowered and "does not exist" in lowered:
        return f"{where} has no user {address.user}"
    if "timeout" in lowered:
        return f"{where} did not answer within {CONNECT_TIMEOUT_S} seconds"
    if (
        "connection refused" in lowered
        or "resolve host" in lowered
        or "name or service not known" in lowered
        or "could not translate host" in lowered
    ):
        return f"no court server answers at {where}: check the server's name and port"
    return first_line(text)


def first_line(text: str) -> str:
    """libpq's messages run over several lines (``DETAIL``, ``HINT``, one per address tried):
    the first says what went wrong; the driver's ``connection failed:`` prefix says nothing."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    first = first.removeprefix("connection failed:").strip()
    # 'connection to server at "HOST", port N failed: ': the dialog names the server already
    first = _WHERE.sub("", first, count=1)
    return first or "the server could not be reached"
