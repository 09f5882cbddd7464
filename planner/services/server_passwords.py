"""The court server's password in the system's keyring (Windows Credential Locker, macOS
Keychain, the Secret Service on Linux), through the ``keyring`` library: never in the
Planner's settings, its log or any file of its own.

``keyring`` (about 0.1-0.2 s with finding the system's store) is imported on the first call,
so only a court server's user pays for it. A keyring that would keep the password in a plain
file (``keyrings.alt``'s), or none at all, does not count: then nothing is remembered and the
window asks each time.
"""

import contextlib
import logging
from typing import TYPE_CHECKING

from planner.store.locations import ServerAddress

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

#: The keyring's "service" under which the Planner's passwords are kept.
SERVICE = "Judge Workload Planner court server"

_log = logging.getLogger(__name__)


class KeyringUnavailable(Exception):
    """The password cannot be remembered: no secure keyring, or it refused."""


def keyring_entry(address: ServerAddress) -> str:
    """The name a password is kept under: one per user, server and database."""
    return f"{address.user}@{address.host}:{address.port}/{address.database}"


def saved_password(address: ServerAddress) -> str | None:
    """The password remembered for ``address``, or None (none kept, or no usable keyring)."""
    backend = _secure_keyring()
    if backend is None:
        return None
    from keyring.errors import KeyringError

    try:
        password = backend.get_password(SERVICE, keyring_entry(address))
    except KeyringError as error:
        _log.warning("the system's keyring could not be read: %s", type(error).__name__)
        return None
    return password


def remember_password(address: ServerAddress, password: str) -> None:
    """Keep ``password`` for ``address`` in the system's keyring (after it was accepted)."""
    backend = _secure_keyring()
    if backend is None:
        raise KeyringUnavailable("this computer has no keyring to remember the password in")
    from keyring.errors import KeyringError

    try:
        backend.set_password(SERVICE, keyring_entry(address), password)
    except KeyringError as error:
        raise KeyringUnavailable(
            f"the system's keyring refused to remember the password ({type(error).__name__})"
        ) from None


def forget_password(address: ServerAddress) -> None:
    """Remove the password kept for ``address``, if any."""
    backend = _secure_keyring()
    if backend is None:
        return
    from keyring.errors import KeyringError, PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError, KeyringError):  # nothing was kept
        backend.delete_password(SERVICE, keyring_entry(address))


def can_remember() -> bool:
    """Whether this computer has a keyring the Planner would keep a password in."""
    return _secure_keyring() is not None


def _secure_keyring() -> "KeyringBackend | None":
    import keyring
    from keyring.backends import fail, null

    backend = keyring.get_keyring()
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return None
    if _keeps_plain_text(backend):
        return None
    return backend


def _keeps_plain_text(backend: object) -> bool:
    """keyrings.alt's file keyrings keep the password in a file readable by anyone with the
    user's files (plain, or with a key beside it); a chainer is as safe as its members."""
    members = getattr(backend, "backends", None)
    if members is not None:
        return any(_keeps_plain_text(member) for member in members)
    return type(backend).__module__.startswith("keyrings.alt")
