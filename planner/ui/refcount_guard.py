"""Keep None, True and False alive under PySide6 6.12 on Python 3.11 (it under-counts them).

PySide6 6.12's abi3 build returns None from void methods, and True from ``Signal.emit``, without
taking a reference: harmless on Python 3.12+, where those objects are immortal, fatal on 3.11,
where about 5,000 such calls deallocate None and abort the interpreter ("none_dealloc").
Importing this module gives the three a reference count no session can exhaust.
"""

import ctypes
import sys

_MARGIN = 1 << 40


def guard() -> None:
    """Raise the reference counts once per process (a no-op on Python 3.12 and later)."""
    if sys.version_info >= (3, 12) or getattr(sys, "_planner_refcount_guard", False):
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _MARGIN
    sys._planner_refcount_guard = True  # type: ignore[attr-defined]


guard()
