"""A master calendar in the day and week views: its cases as a list in the order of call, each
row readable (a whole line of text), none over another or over the session's label, one
accessible object per listed case (issue 20)."""

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from planner.domain.anumber import format_a_number
from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge, Session, standard_week
from planner.domain.vocabulary import HearingKind, SessionKind
from planner.ui.calendar.calendar_view import CalendarView
from planner.ui.common.workspace import Workspace

CALLS = (time(8, 30), time(10))
#: The standard week, but Monday morning is a master calendar of 40 cases called at 08:30, 10:00.
SESSIONS = tuple(
    Session(s.weekday, s.start, s.end, s.kind, None, 40, CALLS)
    if (s.weekday, s.kind) == (0, SessionKind.MASTER)
    else s
    for s in standard_week()
)
MONDAY = date(2026, 11, 23)
CASES = 30


def _court(workspace: Workspace) -> None:
    """30 cases on Monday 23 Nov 2026's master calendar: 20 called at 08:30, 10 at 10:00; every
    third detained, every second represented."""
    cases = tuple(
        Case(
            f"2000000{i:02d}",
            f"Respondent Number {i}",
            "removal",
            date(2026, 1, 5),
            language="Spanish" if i % 2 else "Mam",
            detained=i % 3 == 0,
            represented=i % 2 == 0,
        )
        for i in range(CASES)
    )
    hearings = tuple(
        Hearing(
            case.a_number,
            datetime.combine(MONDAY, CALLS[0] if i < 20 else CALLS[1]),
            15,
            HearingKind.MASTER,
        )
        for i, case in enumerate(cases)
    )
    judge = Judge("Ana Ruiz", sessions=SESSIONS)
    with workspace.database.transaction() as repo:
        judge_id = repo.add_docket(Docket(judge, (), (), cases, hearings))
    workspace.switch_judge(next(j for j in workspace.judges() if j.id == judge_id))


@pytest.fixture
def view(qtbot, workspace: Workspace) -> CalendarView:  # type: ignore[no-untyped-def]
    _court(workspace)
    calendar_view = CalendarView(workspace)
    qtbot.addWidget(calendar_view)
    calendar_view.resize(1024, 560)
    calendar_view.show()
    qtbot.waitExposed(calendar_view)
    calendar_view.set_date(MONDAY)
    return calendar_view


@pytest.mark.parametrize("mode", ["day", "week"])
def test_the_master_calendar_is_a_list_in_call_order_none_over_another(
    view: CalendarView, qtbot, mode: str
) -> None:
    qtbot.keyClick(view.timeline, Qt.Key.Key_D if mode == "day" else Qt.Key.Key_W)
    rows = [b for b in view.blocks() if b.entry.start.date() == MONDAY]
    assert len(rows) == CASES
    band = next(b for b in view.timeline.scene.bands if b.text.startswith("master"))
    assert band.text == "master · 30/40 cases"
    for i, row in enumerate(rows):
        assert band.rect.contains(row.rect), row.label
        for other in rows[i + 1 :]:
            assert not row.rect.intersects(other.rect)
    # In the order of call: the call time at the first of each call, then the place.
    assert rows[0].label[0] == "08:30 1. A200-000-000 D R"
    assert rows[1].label[0] == "2. A200-000-001"
    assert rows[20].label[0].startswith("10:00 21. A200-000-020")
    assert rows[0].label[1:] == ("Respondent Number 0 · Mam",)
    # The session's label covers no row.
    tag = next(t for t in view.timeline.scene.tags if t.text.startswith("master"))
    assert not any(tag.rect.intersects(row.rect) for row in rows)


def test_in_the_day_view_every_row_is_a_whole_line_with_name_and_language(
    view: CalendarView, qtbot
) -> None:
    qtbot.keyClick(view.timeline, Qt.Key.Key_D)
    height = view.timeline.fontMetrics().height()
    rows = [b for b in view.blocks() if b.entry.start.date() == MONDAY]
    assert all(row.rect.height() >= height for row in rows)
    assert len({row.rect.left() for row in rows}) > 1  # side by side columns on a wide day
    painted = {row.id: "  ".join(text.text() for _, text, _ in row.texts) for row in rows}
    assert all(row.entry.a_number[-3:] in painted[row.id] for row in rows)  # never elided away
    # A row that does not start a call (its time in front) has its name and language whole.
    plain = [row for row in rows if not row.label[0][:1].isdigit() or ":" not in row.label[0]]
    assert len(plain) == CASES - len(CALLS)
    assert all(painted[row.id].endswith(("· Mam", "· Spanish")) for row in plain)
    assert all(
        f"Respondent Number {int(row.entry.a_number[-2:])} ·" in painted[row.id] for row in plain
    )


def test_each_listed_case_is_an_accessible_object(view: CalendarView, qtbot) -> None:
    qtbot.keyClick(view.timeline, Qt.Key.Key_D)
    items = view.timeline.accessible_items()
    listed = [i for i in items if i.role == QAccessible.Role.ListItem]
    assert len(listed) == CASES
    assert all(item.focusable and item.key is not None for item in listed)
    assert listed[0].name.startswith("A200-000-000")
    assert "Respondent Number 0" in listed[0].description


def test_ctrl_plus_zooms_the_timeline_taller_and_ctrl_0_fits_it_again(
    view: CalendarView, qtbot
) -> None:
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(view.timeline, Qt.Key.Key_D)
    before = view.timeline.scene.per_minute
    qtbot.keyClick(view.timeline, Qt.Key.Key_Plus, ctrl)
    qtbot.keyClick(view.timeline, Qt.Key.Key_Plus, ctrl)
    assert view.zoom == pytest.approx(1.5625)
    assert view.timeline.scene.per_minute > before * 1.3
    assert view.last_message == "Zoom 156%"
    qtbot.keyClick(view.timeline, Qt.Key.Key_Minus, ctrl)
    assert view.zoom == pytest.approx(1.25)
    qtbot.keyClick(view.timeline, Qt.Key.Key_0, ctrl)
    assert view.zoom == 1.0
    assert view.timeline.scene.per_minute == pytest.approx(before)


def test_a_lets_the_week_be_read_as_an_agenda_and_enter_opens_a_case(
    view: CalendarView, qtbot
) -> None:
    opened: list[int] = []
    view.hearing_activated.connect(opened.append)
    view.timeline.setFocus()
    qtbot.keyClick(view.timeline, Qt.Key.Key_A)
    assert view.mode == "agenda"
    assert view.agenda_button.isChecked()
    assert view.stack.currentWidget() is view.agenda
    rows = view.agenda.rows()
    assert len(rows) == CASES
    assert rows[0] == (
        "Mon 23 Nov",
        "08:30-08:45",
        "A200-000-000",
        "Respondent Number 0",
        "Mam",
        "Detained",
        "Represented",
        "master",
        "",
    )
    assert view.agenda.hasFocus()
    qtbot.keyClick(view.agenda, Qt.Key.Key_Down)
    qtbot.keyClick(view.agenda, Qt.Key.Key_Return)
    assert opened == [view.agenda.current_hearing()]
    assert view.entry(opened[0]).a_number == "200000001"
    # The calendar's own keys still work from the list: W back to the week.
    qtbot.keyClick(view.agenda, Qt.Key.Key_W)
    assert view.mode == "week"
    assert view.stack.currentWidget() is view.scroller


def test_alt_down_moves_a_listed_case_to_the_next_call_and_alt_up_back(
    view: CalendarView, qtbot
) -> None:
    workspace = view.workspace
    view.timeline.setFocus()
    qtbot.keyClick(view.timeline, Qt.Key.Key_D)
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down)  # the first case called at 08:30
    first = view.selected
    assert view.entry(first).start == datetime(2026, 11, 23, 8, 30)
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.entry(first).start == datetime(2026, 11, 23, 10)
    assert workspace.undo_stack.undoText().startswith("Moved: A200-000-000 to Mon 23 Nov 10:00")
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.last_announcement == "Not moved: no later call time"
    qtbot.keyClick(view.timeline, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert view.entry(first).start == datetime(2026, 11, 23, 8, 30)
    shift_alt = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down, shift_alt)
    assert view.last_announcement.startswith("Not resized: a case in a master calendar")


def test_in_a_narrow_week_a_row_reads_place_flags_name_and_language_within_its_box(
    view: CalendarView, qtbot
) -> None:
    """A 1024x600 window leaves the calendar about 640 px: a day of the week is about 110 px, too
    narrow for the whole line. Each row still shows its place, D and R, the start of the name and the language (whole, or its first
    three letters) at the right edge, all inside the row; the tooltip and the accessible text
    keep every field."""
    view.resize(640, 560)
    qtbot.keyClick(view.timeline, Qt.Key.Key_W)
    rows = [b for b in view.blocks() if b.entry.start.date() == MONDAY]
    assert len(rows) == CASES
    assert rows[0].rect.width() < 120
    for place, row in enumerate(rows, start=1):
        texts = [text.text() for _, text, _ in row.texts]
        painted = " ".join(texts)
        entry = row.entry
        assert f"{place}." in texts[0], painted
        flags = [m for m, on in (("D", entry.detained), ("R", entry.represented)) if on]
        if flags:
            assert " ".join(flags) in texts, painted
        rightmost = max(row.texts, key=lambda placed: placed[0].x())[1].text()
        assert rightmost in (entry.language, entry.language[:3]), painted
        for at, text, _ in row.texts:
            assert row.rect.left() <= at.x()
            assert at.x() + text.size().width() <= row.rect.right() + 0.5, painted
        # The name begins to show, two letters or more, unless both D and R take its room (the
        # tooltip and the day view have it).
        if len(flags) < 2:
            assert any(t[:2] == entry.name[:2] for t in texts[1:]), painted
        assert format_a_number(entry.a_number) in row.tooltip
        assert entry.name in row.tooltip
    items = [i for i in view.timeline.accessible_items() if i.role == QAccessible.Role.ListItem]
    first = next(i for i in items if i.key == rows[0].id)
    assert first.name.startswith("A200-000-000, removal master calendar, Mam, detained")
    assert "represented" in first.name
