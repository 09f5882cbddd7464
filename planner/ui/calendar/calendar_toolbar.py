"""The calendar's row of controls on a narrow window (issue 21): the title's shorter forms, and
the five view buttons folded into one menu button when the row would not fit them whole."""

from collections.abc import Sequence
from datetime import date

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QBoxLayout, QMenu, QToolButton, QWidget

#: The longest short title of an ordinary week: the title keeps at least this room before the
#: view buttons fold into their menu.
WIDEST_SHORT_TITLE = "30 Nov–4 Dec 2026"


def day_titles(day: date) -> tuple[str, ...]:
    """ "Monday 30 November 2026", then "Mon 30 Nov 2026"."""
    return f"{day:%A} {day.day} {day:%B %Y}", f"{day:%a} {day.day} {day:%b %Y}"


def week_titles(first: date, last: date) -> tuple[str, ...]:
    """ "23 Nov – 27 Nov 2026", then "23–27 Nov 2026" (the month and year said once)."""
    if first.year != last.year:
        whole = f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"
        return whole, f"{first.day} {first:%b %Y}–{last.day} {last:%b %Y}"
    whole = f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    if first.month != last.month:
        return whole, f"{first.day} {first:%b}–{last.day} {last:%b %Y}"
    return whole, f"{first.day}–{last.day} {last:%b %Y}"


class ViewMenuButton(QToolButton):
    """The views (Day, Week, Month, Year, Agenda) as one button that names the view on show and
    opens a menu of them; each choice clicks the view's own button (hidden while this shows)."""

    #: The arrow is in the text ("Week ▾"): the style's own sits over the text's last letter.
    STYLE = " QToolButton::menu-indicator { image: none; width: 0px; }"

    def __init__(self, buttons: Sequence[QToolButton], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons = tuple(buttons)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setCheckable(True)  # drawn as the active view's button is
        self.setChecked(True)
        self.setToolTip("The view: " + ", ".join(b.toolTip() for b in self._buttons))
        menu = QMenu(self)
        group = QActionGroup(self)
        self._actions: list[QAction] = []
        for button in self._buttons:
            action = QAction(button.text(), menu)
            action.setCheckable(True)
            action.setToolTip(button.toolTip())
            action.triggered.connect(button.click)
            group.addAction(action)
            menu.addAction(action)
            self._actions.append(action)
            button.toggled.connect(self.follow)
        self.setMenu(menu)
        self.follow()

    def follow(self) -> None:
        """Name the view whose button is checked."""
        for button, action in zip(self._buttons, self._actions, strict=True):
            action.setChecked(button.isChecked())
            if button.isChecked():
                self.setText(f"{button.text()} ▾")
                self.setAccessibleName(f"View: {button.text()}")

    def actions_shown(self) -> list[QAction]:
        return list(self._actions)


def row_width(layout: QBoxLayout, widgets: Sequence[QWidget], title_room: int) -> int:
    """The width ``layout`` (one row) needs with ``widgets`` at their size hints and the title
    at ``title_room``: its margins, the widgets, its fixed spacings and the gaps between."""
    margins = layout.contentsMargins()
    spacing = max(0, layout.spacing())
    fixed = 0
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is not None and item.spacerItem() is not None:
            fixed += item.sizeHint().width()
    used = sum(w.sizeHint().width() for w in widgets)
    gaps = spacing * len(widgets)  # between the widgets and the title
    return margins.left() + margins.right() + fixed + used + gaps + title_room
