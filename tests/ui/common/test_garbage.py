"""Python's collector runs on the GUI thread only: a cycle holding a Qt object that a worker
thread's collection freed would delete the object on the wrong thread (CI saw the age targets'
worker collect a test's workspace and crash)."""

import gc
import threading

from PySide6.QtCore import QObject

from planner.ui.common.garbage import collect_on_gui_thread


class _Cycle:
    """Garbage only the cycle collector frees; it notes the thread that frees it."""

    def __init__(self, freed_on: list[threading.Thread]) -> None:
        self.itself, self.freed_on, self.qt_object = self, freed_on, QObject()

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread())


def _allocate_past_every_threshold(result: list[object]) -> None:
    """A worker's work: what it makes and hands back would set off a collection."""
    result.extend([] for _ in range(50 * sum(gc.get_threshold())))


def test_a_workers_allocations_leave_the_collection_to_the_gui_thread(qapp, qtbot) -> None:
    collect_on_gui_thread(qapp)
    gc.collect()
    freed_on: list[threading.Thread] = []
    _Cycle(freed_on)
    result: list[object] = []
    worker = threading.Thread(target=_allocate_past_every_threshold, args=(result,))
    worker.start()
    worker.join()
    assert freed_on == []  # the worker set off no collection

    qtbot.waitUntil(lambda: freed_on != [], timeout=5000)  # the GUI thread's next round
    assert freed_on == [threading.main_thread()]


def test_the_whole_collection_deletes_what_qt_was_asked_to_delete_first(qapp) -> None:
    """Before a whole collection (``stop``: the tests' boundary between a Qt test and the next),
    the objects already handed to ``deleteLater`` (pytest-qt's closed widgets) are deleted by
    Qt, in Qt's order, so that the collection does not free their wrappers under them (a
    collection there crashed CI once, 6 Dec 2026)."""
    collector = collect_on_gui_thread(qapp)
    deleted: list[str] = []
    parent = QObject()
    child = QObject(parent)
    child.destroyed.connect(lambda: deleted.append("child"))
    parent.destroyed.connect(lambda: deleted.append("parent"))
    parent.deleteLater()

    collector.stop()
    try:
        assert deleted == ["parent", "child"]
    finally:
        collector.start()
