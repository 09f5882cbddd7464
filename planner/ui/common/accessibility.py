"""Screen readers and painted views: the things a widget paints itself (the calendar's sessions
and hearings) shown to assistive technology as accessible objects, and changes announced.

A painted widget lists what it draws as ``AccessibleItem`` objects (plain QObjects, its children,
made again when it lays out) and says which one has the keyboard's focus; ``install()`` puts a
factory in Qt's accessibility layer that gives such a widget an interface whose children are
those items, each with its role, name, description, state and place on the screen. Qt then
reports them on the platform's bus (AT-SPI on Linux, UI Automation on Windows), where a screen
reader reads them like any other control. Nothing here paints: the widget keeps its painting
and only tells what is where.
"""

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleObject,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QAccessibleWidget,
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
)


class AccessibleItem(QObject):
    """One thing a widget paints: its role, name ("9:00 to 12:00, master calendar, 14
    hearings"), description, rectangle in the widget's coordinates, and whether it takes focus."""

    def __init__(
        self,
        host: QWidget,
        role: QAccessible.Role,
        name: str,
        rect: QRectF,
        *,
        description: str = "",
        focusable: bool = False,
        key: object = None,
    ) -> None:
        super().__init__(host)
        self.host = host
        self.role = role
        self.name = name
        self.description = description
        self.rect = rect
        self.focusable = focusable
        self.key = key  # what the item stands for (a hearing's id, say)


@runtime_checkable
class ItemHost(Protocol):
    """A painted widget whose items are shown to screen readers."""

    def accessible_items(self) -> Sequence[AccessibleItem]: ...

    def accessible_focus(self) -> AccessibleItem | None: ...

    def accessible_selected(self) -> AccessibleItem | None: ...


class _HostInterface(QAccessibleWidget):
    """The painted widget: a list whose children are its items."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget, QAccessible.Role.List)
        self._widget = widget

    def _items(self) -> Sequence[AccessibleItem]:
        host = self._widget
        return host.accessible_items() if isinstance(host, ItemHost) else ()

    def childCount(self) -> int:
        return len(self._items())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        items = self._items()
        if 0 <= index < len(items):
            return QAccessible.queryAccessibleInterface(items[index])
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        target = child.object()
        return next((i for i, item in enumerate(self._items()) if item is target), -1)

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        host = self._widget
        focused = host.accessible_focus() if isinstance(host, ItemHost) else None
        if focused is None or not host.hasFocus():
            return None
        return QAccessible.queryAccessibleInterface(focused)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        point = self._widget.mapFromGlobal(QRect(x, y, 1, 1).topLeft())
        for item in reversed(self._items()):
            if item.rect.contains(point.toPointF()):
                return QAccessible.queryAccessibleInterface(item)
        return None


class _ItemInterface(QAccessibleObject):
    def __init__(self, item: AccessibleItem) -> None:
        super().__init__(item)
        self._item = item

    def role(self) -> QAccessible.Role:
        return self._item.role

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._item.name
        if kind == QAccessible.Text.Description:
            return self._item.description
        return ""

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        item, host = self._item, self._item.host
        state.focusable = item.focusable
        state.selectable = item.focusable
        if isinstance(host, ItemHost):
            state.selected = host.accessible_selected() is item
            state.focused = host.hasFocus() and host.accessible_focus() is item
        state.invisible = not host.isVisible()
        return state

    def rect(self) -> QRect:
        host = self._item.host
        box = self._item.rect.toAlignedRect()
        return QRect(host.mapToGlobal(box.topLeft()), box.size())

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return QAccessible.queryAccessibleInterface(self._item.host)

    def childCount(self) -> int:
        return 0

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None


def _factory(key: str, target: QObject) -> QAccessibleInterface | None:
    if isinstance(target, AccessibleItem):
        return _ItemInterface(target)
    if isinstance(target, QWidget) and isinstance(target, ItemHost):
        return _HostInterface(target)
    return None


_installed = False


def install() -> None:
    """Put the factory in Qt's accessibility layer (once; before a painted widget is asked)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def items_changed(host: QWidget) -> None:
    """Tell screen readers that ``host`` laid out its items again (they read its children anew)."""
    if QAccessible.isActive():
        event = QAccessibleEvent(host, QAccessible.Event.ObjectReorder)
        QAccessible.updateAccessibility(event)


def focus_moved(item: AccessibleItem) -> None:
    """Tell screen readers that the keyboard's focus is on ``item`` (they read its name)."""
    if QAccessible.isActive() and item.host.hasFocus():
        QAccessible.updateAccessibility(QAccessibleEvent(item, QAccessible.Event.Focus))
        QAccessible.updateAccessibility(QAccessibleEvent(item, QAccessible.Event.Selection))


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say ``text`` (a hearing moved, an outcome recorded, the view
    changed), politely: after what it is reading (QAccessibleAnnouncementEvent, Qt 6.8)."""
    if QAccessible.isActive() and text:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def accessible_name(widget: QObject) -> str:
    """What a screen reader calls ``widget``: its accessible name, or the one Qt makes of its
    text, label or buddy."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Name).strip()


_FIELDS = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QTextEdit, QAbstractItemView)


def _plain(label: str) -> str:
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":").strip()


def name_form_fields(root: QWidget) -> None:
    """Give each field of the forms under ``root`` the name of its row's label when it has none
    (a QFormLayout's label is no buddy by itself, so a screen reader would read a bare "edit"):
    the label becomes the field's buddy (its Alt+letter goes there too); a row of several fields
    (a date with its check box, minutes per hearing kind) names each "label, its tooltip"."""
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item is not None else None
            field = field_item.widget() if field_item is not None else None
            if not isinstance(label, QLabel) or field is None or not label.text().strip():
                continue
            text = _plain(QTextDocumentFragment.fromHtml(label.text()).toPlainText())
            parts = [field] if isinstance(field, _FIELDS) else field.findChildren(QWidget)
            parts = [p for p in parts if isinstance(p, _FIELDS) and not p.accessibleName()]
            parts = [p for p in parts if not isinstance(p.parentWidget(), (QComboBox, QLineEdit))]
            if parts and label.buddy() is None:
                label.setBuddy(parts[0])
            for part in parts:
                if accessible_name(part) and len(parts) == 1 and part is not field:
                    continue
                own = part.text() if isinstance(part, QAbstractButton) else ""
                extra = own or part.toolTip().split("\n")[0]
                many = len(parts) > 1 and extra
                part.setAccessibleName(f"{text}, {extra}" if many else text)


class _FormNamer(QObject):
    """Names the form fields of every window as it is first shown (name_form_fields)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            name_forms_once(watched)
        return False


def name_forms_once(window: QWidget) -> None:
    """Name the form fields of ``window`` (name_form_fields), unless they were named before."""
    if not window.property("planner_forms_named"):
        window.setProperty("planner_forms_named", True)
        name_form_fields(window)


_namer: _FormNamer | None = None


def name_forms_when_shown(shown: QWidget | None = None) -> None:
    """From now on, every window's form fields are named after their labels when it is first
    shown; ``shown``, a window already on screen, has its named now."""
    global _namer
    app = QApplication.instance()
    if _namer is None and app is not None:
        _namer = _FormNamer(app)
        app.installEventFilter(_namer)
    if shown is not None:
        name_forms_once(shown)


def _tab_stops(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that Tab stops at, in their present focus chain's order."""
    stops: list[QWidget] = []
    window = root.window()
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window and len(stops) < 10_000:
        tabbable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if root.isAncestorOf(widget) and tabbable and widget.focusProxy() is None:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def _by_rows(widgets: list[QWidget]) -> list[QWidget]:
    """Left to right along each line, the lines top to bottom (a strip of fields in rows)."""

    def place(w: QWidget) -> tuple[int, int]:
        top = w.mapTo(w.window(), w.rect().topLeft())
        return (top.y() + w.height() // 2) // 24, top.x()

    return sorted(widgets, key=place)


def reading_order(groups: Sequence[QWidget], by_rows: Sequence[QWidget] = ()) -> list[QWidget]:
    """The widgets Tab stops at under ``groups``, group after group, those on show and enabled
    only: a window's reading order, top to bottom, whatever order its parts were made in (a
    page built when first shown joins the focus chain at its end). Within a group of
    ``by_rows`` (a strip of fields) by lines, left to right; within another, its own order."""
    stops: list[QWidget] = []
    for group in groups:
        found = [w for w in _tab_stops(group) if w.isVisible() and w.isEnabled()]
        stops += _by_rows(found) if group in by_rows else found
    return stops


def next_stop(
    groups: Sequence[QWidget],
    focused: QWidget | None,
    forward: bool,
    by_rows: Sequence[QWidget] = (),
) -> QWidget | None:
    """Where Tab (``forward``) or Shift+Tab goes from ``focused`` in reading order, or None when
    ``focused`` is in none of the groups (Qt's own order then)."""
    stops = reading_order(groups, by_rows)
    at = next(
        (i for i, w in enumerate(stops) if focused is w or (focused and w.isAncestorOf(focused))),
        None,
    )
    if at is None or not stops:
        return None
    return stops[(at + (1 if forward else -1)) % len(stops)]
