"""Telling the user what went wrong: their environment's problems plainly, bugs with a log entry."""

import logging
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from planner.domain.errors import InvalidValue
from planner.logs import describe_error
from planner.services.docket_access import DocketAccess
from planner.store.errors import NotAllowed, StoreError

log = logging.getLogger("planner")


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """A dialog for an action that failed. Nothing on disk changed: every action is one
    transaction, and a failed one is rolled back."""
    if isinstance(error, StoreError | InvalidValue):
        QMessageBox.warning(
            parent,
            "Not saved",
            f"{error}\n\nNothing was changed in the database.",
        )
        return
    report_bug(parent, type(error), error, error.__traceback__)


def refused_read_only(access: DocketAccess, parent: QWidget | None) -> bool:
    """True, having said why as the server's refusal would be shown, when ``access`` says the
    login may not change the docket (a court server's roles): the caller tries nothing."""
    if access.may_change or access.reason is None:
        return False
    show_error(parent, NotAllowed(access.reason[0].upper() + access.reason[1:]))
    return True


def report_bug(
    parent: QWidget | None,
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
) -> None:
    """The crash handler: log the details (no docket data), tell the user, keep running."""
    # Redacted: the log and the details a user may paste into a bug report carry no docket data.
    details = describe_error(kind, error, trace)
    log.error("Unexpected error\n%s", details, extra={"redacted": True})
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Unexpected error")
    box.setText(
        "Something went wrong inside the Planner. What was already saved is safe: every change "
        "is saved whole or not at all."
    )
    box.setInformativeText("The details are in the Planner's log file in your data folder.")
    box.setDetailedText(details)
    box.exec()
