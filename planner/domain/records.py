"""Records whose values are checked when they are made, without ``dataclasses``.

A record of the domain (a judge's profile, a weekly session, a closure, leave, an age target)
is a NamedTuple of its fields, and its class checks them in ``__new__``: a value that breaks a
rule of the domain is refused with ``InvalidValue`` before the record exists, and a kind given
as text is made the vocabulary's member. A NamedTuple class is defined in about a tenth of the
time of a frozen dataclass, and ``dataclasses`` imports ``inspect`` (with ``ast``, ``dis`` and
``tokenize``): together 6-7% of a whole ``planner forecast`` process (docs/performance.md),
paid before any work.

``replace`` makes a changed copy as a new record is made, so checked; a NamedTuple's own
``_replace`` does not check, and is for records built from values already checked. It takes
the docket's dataclasses too (a case, a hearing, a docket), so that one ``replace`` serves
every record of the domain.
"""

from typing import Any, TypeVar

R = TypeVar("R")


def replace(record: R, /, **changes: Any) -> R:
    """``record`` with ``changes``, made (and so checked) as a new one of its class is."""
    fields = getattr(record, "_asdict", None)
    if fields is None:  # a dataclass: the docket's, off the forecast's path
        import dataclasses

        return dataclasses.replace(record, **changes)  # type: ignore[type-var]
    changed: R = type(record)(**{**fields(), **changes})
    return changed
