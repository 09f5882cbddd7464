"""Undoable actions: each wraps one transaction and its inverse for the QUndoStack."""

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from planner.services.changes import Change

Action = Callable[[], Change]


class ServiceCommand(QUndoCommand):
    """An action already carried out once, which undo and redo replay through the services.

    The first redo (QUndoStack.push calls it) is skipped: the action ran before the command was
    pushed, so an error could be shown and nothing pushed. Later errors go to ``on_error``.
    """

    def __init__(
        self,
        text: str,
        *,
        undo: Action,
        redo: Action,
        notify: Callable[[Change], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        super().__init__(text)
        self._undo, self._redo = undo, redo
        self._notify, self._on_error = notify, on_error
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._replay(self._redo)

    def undo(self) -> None:
        self._replay(self._undo)

    def _replay(self, action: Action) -> None:
        try:
            change = action()
        except Exception as error:  # shown to the user; the stack stays as it is
            self.setObsolete(True)
            self._on_error(error)
            return
        self._notify(change)
