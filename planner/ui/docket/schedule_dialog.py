"""Schedule... and Move To...: the next free places for one hearing, each with why it fits; the
place picked (Enter, a double-click or OK) is the answer."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.anumber import format_a_number
from planner.domain.plural import counted
from planner.scheduling.free_places import ORDER_TITLES, FreePlace, Order
from planner.services.placing import Places

#: Searches the places in an order (the service's read, with the case or hearing bound).
Search = Callable[[Order], Places]


class ScheduleDialog(QDialog):
    """The places ``search`` finds, the earliest first or the tightest fit first."""

    def __init__(
        self,
        search: Search,
        *,
        verb: str = "Schedule",
        order: Order = Order.EARLIEST,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._places: tuple[FreePlace, ...] = ()
        self.verb = verb
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.order_combo = QComboBox()
        for choice in Order:
            self.order_combo.addItem(ORDER_TITLES[choice].capitalize(), choice)
        self.order_combo.setToolTip(
            "The earliest first suits the oldest-first and deadlines-first policies; the tightest "
            "fit first is what the most-completions policy does (it keeps long gaps for long "
            "hearings)"
        )
        self.order_combo.setCurrentIndex(list(Order).index(order))
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName("Free places")
        self.list.itemActivated.connect(lambda _item: self.accept())  # Enter, double-click
        self.list.installEventFilter(self)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(verb)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Order:", self.order_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.order_combo.currentIndexChanged.connect(self._fill)
        self.resize(760, 440)  # fits a 1024x600 screen
        self._fill()
        self.list.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the list picks the place: it is the list's key, never a shortcut of the
        window behind (the docket's Enter would open another dialog)."""
        if (
            watched is self.list
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            event.accept()
            return True
        return super().eventFilter(watched, event)

    @property
    def order(self) -> Order:
        return Order(self.order_combo.currentData())

    def _fill(self) -> None:
        found = self.found = self._search(self.order)
        self._places = found.places
        a_number = format_a_number(found.case.a_number)
        what = f"{found.kind.value.replace('_', ' ')} hearing, {counted(found.minutes, 'minute')}"
        if found.moving is not None:
            self.setWindowTitle(f"Move {a_number} To")
            was = found.moving.start
            self.heading.setText(
                f"Move the {what} of {a_number} ({found.case.name}), now on "
                f"{was:%a} {was.day} {was:%b %Y %H:%M}, to one of these free places:"
            )
        else:
            self.setWindowTitle(f"Schedule {a_number}")
            self.heading.setText(
                f"The next hearing of {a_number} ({found.case.name}) is a {what}. Free places of "
                "the right session kind:"
            )
        self.list.clear()
        for place in self._places:
            item = QListWidgetItem(f"{place.when()}\n    {place.why()}")
            item.setToolTip("\n".join(place.reasons))
            item.setData(Qt.ItemDataRole.UserRole, place)
            self.list.addItem(item)
        self.empty.setVisible(not self._places)
        self.empty.setText(
            f"No free place of the right session kind from {found.first:%a} {found.first.day} "
            f"{found.first:%b %Y} for a year: free time in the weekly template or take leave off."
        )
        self.ok_button.setEnabled(bool(self._places))
        if self._places:
            self.list.setCurrentRow(0)

    def places(self) -> tuple[FreePlace, ...]:
        return self._places

    def chosen(self) -> FreePlace | None:
        """The place picked, or None."""
        item = self.list.currentItem()
        if item is None:
            return None
        place = item.data(Qt.ItemDataRole.UserRole)
        return place if isinstance(place, FreePlace) else None
