"""A hearing's medium from the calendar's menu: stored, shown on the block, undone in one step."""

from datetime import date

from planner.domain.vocabulary import HearingMedium
from planner.services import calendar as calendar_service
from planner.ui.calendar.calendar_paint import entry_lines
from planner.ui.calendar.calendar_view import CalendarView
from planner.ui.common.workspace import Workspace
from tests.ui.calendar import calendar_docket


def test_the_appears_menu_sets_the_medium_shown_on_the_block_and_undo_puts_it_back(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace
) -> None:
    calendar_docket.court(workspace)
    view = CalendarView(workspace)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    view.set_date(date(2026, 11, 30))
    (entry,) = [e for e in view.entries if e.a_number == calendar_docket.CLASH_A]
    assert entry.medium is HearingMedium.IN_PERSON
    menu = view.hearing_menu(entry.id)
    (appears,) = [a.menu() for a in menu.actions() if a.text() == "Appears"]
    choices = {a.text(): a for a in appears.actions()}
    assert list(choices) == ["In person", "By video", "By telephone"]
    assert choices["In person"].isChecked()
    choices["By video"].trigger()
    stored = calendar_service.hearing_entry(workspace.database, entry.id)
    assert stored.medium is HearingMedium.VIDEO
    assert stored.hearing().remote_request_due == date(2026, 11, 15)  # 15 days ahead
    shown = next(e for e in view.entries if e.id == entry.id)
    assert entry_lines(shown)[0] == "A200-000-004  V"  # seen on the shortest block
    assert entry_lines(shown)[-1].endswith("· master · video")
    assert workspace.undo_stack.undoText() == "A200-000-004 by video"
    workspace.undo_stack.undo()
    assert calendar_service.hearing_entry(workspace.database, entry.id).medium is (
        HearingMedium.IN_PERSON
    )
