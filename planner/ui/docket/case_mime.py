"""A case carried by drag and drop: from the docket or the unscheduled list to the calendar."""

from PySide6.QtCore import QMimeData

#: The MIME type of a dragged case: its database id as ASCII digits.
CASE_MIME = "application/x-planner-case-id"


def case_mime(case_id: int, text: str = "") -> QMimeData:
    """The drag data of one case; ``text`` (its A-number and name) for other applications."""
    mime = QMimeData()
    mime.setData(CASE_MIME, str(case_id).encode("ascii"))
    if text:
        mime.setText(text)
    return mime


def case_id_of(mime: QMimeData | None) -> int | None:
    """The case a drag carries, or None when it carries none."""
    if mime is None or not mime.hasFormat(CASE_MIME):
        return None
    raw = bytes(mime.data(CASE_MIME).data()).decode("ascii", "replace").strip()
    return int(raw) if raw.isdigit() else None
