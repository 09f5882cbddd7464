"""Keeping a view's data fresh without reading for what nobody sees."""

from collections.abc import Callable


class Freshness:
    """A change reloads a view at once if it is on screen; otherwise the view is marked stale and
    reloads the next time it is shown (or asked to be fresh). The view's ``reload`` clears
    ``stale`` as it reads."""

    def __init__(self, reload: Callable[[], object], on_screen: Callable[[], bool]) -> None:
        self._reload = reload
        self._on_screen = on_screen
        self.stale = True

    def changed(self) -> None:
        """The data behind the view changed."""
        if self._on_screen():
            self._reload()
        else:
            self.stale = True

    def ensure(self) -> None:
        """Reload now if a change came while the view was hidden."""
        if self.stale:
            self._reload()
