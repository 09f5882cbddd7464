"""Where to save a file of one type: the save dialog, and the type's extension added to a name
chosen without it (the docket sheets, the notices, the Court tab's table, the interpreter
requests, the report)."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(
    parent: QWidget, caption: str, suggested: str | Path, file_filter: str, suffix: str
) -> Path | None:
    """The file chosen in the save dialog, suggesting ``suggested`` and showing the files of
    ``file_filter``, with ``suffix`` (".pdf", ".csv") added where the name lacks it; None when
    the dialog is cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), file_filter)
    if not path:
        return None
    out = Path(path)
    if out.suffix.lower() != suffix:
        out = out.with_name(out.name + suffix)
    return out
