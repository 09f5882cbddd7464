"""A view reloads on a change only while it is on screen, and once when shown after changes."""

from planner.ui.common.freshness import Freshness


class View:
    def __init__(self) -> None:
        self.on_screen = False
        self.reads = 0
        self.freshness = Freshness(self.reload, lambda: self.on_screen)

    def reload(self) -> None:
        self.freshness.stale = False
        self.reads += 1


def test_a_hidden_view_reads_once_when_shown_however_many_changes_came() -> None:
    view = View()
    for _ in range(3):
        view.freshness.changed()
    assert view.reads == 0
    view.on_screen = True
    view.freshness.ensure()
    view.freshness.ensure()
    assert view.reads == 1


def test_a_view_on_screen_reads_at_each_change_and_is_not_stale() -> None:
    view = View()
    view.on_screen = True
    view.freshness.ensure()  # first shown: the first read
    view.freshness.changed()
    view.freshness.changed()
    assert view.reads == 3
    assert not view.freshness.stale
