"""A dense master week on a short screen with the quota panel unfolded (issue 21): at 1024x600
the page under the panel keeps its height (the panel's figures scroll instead), every hearing of
a dense master session is reachable from the keyboard and scrolled into sight, no hearing's label
is cut or laid over another, and no caption of the panel is squeezed below its lines."""

import itertools
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, QSettings, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from planner.domain.anumber import format_a_number
from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge, Session, standard_week
from planner.domain.vocabulary import HearingKind, SessionKind
from planner.ui.calendar.calendar_paint import HEADER, Block, head_forms
from planner.ui.calendar.calendar_toolbar import day_titles, week_titles
from planner.ui.common.fitted_label import FittedLabel
from planner.ui.common.workspace import Workspace
from planner.ui.window.main_window import PAGE_KEEPS, MainWindow
from planner.ui.window.settings import WindowSettings

MONDAY = date(2026, 11, 23)
#: Monday's master morning (08:30-12:00) full of 15-minute master hearings: 14 of them.
DENSE = 14
#: Tuesday's master morning is a master calendar of 40 cases called at 08:30; 34 set.
LISTED = 34


def _docket(workspace: Workspace, listed: bool) -> None:
    """Monday's dense master session; with ``listed``, Tuesday's master calendar too (its list
    alone makes the timeline tall, so the dense session is tried without it)."""
    sessions = tuple(
        Session(s.weekday, s.start, s.end, s.kind, None, 40, (time(8, 30),))
        if (s.weekday, s.kind) == (1, SessionKind.MASTER)
        else s
        for s in standard_week()
    )
    cases = tuple(
        Case(
            f"3{i:08d}",
            f"Respondent Number {i}",
            "removal",
            date(2026, 1, 5),
            language="Spanish",
            detained=i % 3 == 0,
            represented=i % 2 == 0,
        )
        for i in range(DENSE + (LISTED if listed else 0))
    )
    start = datetime.combine(MONDAY, time(8, 30))
    hearings = tuple(
        Hearing(c.a_number, start + timedelta(minutes=15 * i), 15, HearingKind.MASTER)
        for i, c in enumerate(cases[:DENSE])
    ) + tuple(
        Hearing(c.a_number, start + timedelta(days=1), 15, HearingKind.MASTER)
        for c in cases[DENSE:]
    )
    judge = Judge("Margaret V. Valderrama", court="Los Angeles", sessions=sessions)
    with workspace.database.transaction() as repo:
        repo.add_docket(Docket(judge, (), (), cases, hearings))


def _open(qtbot, workspace: Workspace, tmp_path: Path, listed: bool) -> MainWindow:  # type: ignore[no-untyped-def]
    """The window at 1024x600, the quota panel unfolded by the user, on the dense week."""
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.set_quota_folded(False)
    _docket(workspace, listed)
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.quota_panel.up_to_date)
    # The age targets come from a worker after the verdict, and their lines then take room.
    qtbot.waitUntil(lambda: not window.quota_panel.projecting)
    window.views.setCurrentIndex(1)
    window.calendar.set_mode("week")
    window.calendar.set_date(MONDAY)
    qtbot.wait(20)
    return window


@pytest.fixture
def window(qtbot, workspace: Workspace, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    return _open(qtbot, workspace, tmp_path, listed=False)


@pytest.fixture
def listed_window(qtbot, workspace: Workspace, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    return _open(qtbot, workspace, tmp_path, listed=True)


def _visible(window: MainWindow, block: Block) -> bool:
    """The block wholly in the calendar's viewport, below the day headings kept on top."""
    calendar = window.calendar
    offset = -calendar.timeline.y()
    top = block.rect.top() - offset
    bottom = block.rect.bottom() - offset
    return top >= HEADER and bottom <= calendar.scroller.viewport().height()


def _label_fits(block: Block) -> bool:
    """Each piece of the block's label inside its rectangle (measured text, not guessed)."""
    for where, text, _font in block.texts:
        drawn = QRectF(where, text.size())
        if drawn.height() > block.rect.height() + 1:
            return False
        if not block.rect.adjusted(0, -1, 1, 1).contains(drawn):
            return False
    return True


def test_at_1024x600_unfolded_the_page_keeps_its_height_and_the_panel_scrolls(  # type: ignore[no-untyped-def]
    qtbot, window
) -> None:
    panel = window.quota_panel
    assert window.height() == 600
    assert not panel.folded
    assert panel.body_scroll.isVisible()
    page = window.views.currentWidget()
    assert page.height() >= PAGE_KEEPS - 2
    # The figures and the what-if strip need more than the room left: they scroll, whole.
    assert panel.body_needed > panel.body_scroll.height()
    assert panel.body_scroll.verticalScrollBar().maximum() > 0
    wrapped = [
        label
        for label in panel.body.findChildren(QLabel)
        if label.isVisible() and label.wordWrap() and label.text()
    ]

    def every_line_shows() -> None:  # once the layout has taken the latest text
        for label in wrapped:
            assert label.height() >= label.heightForWidth(label.width()), label.text()

    qtbot.waitUntil(every_line_shows, timeout=2000)


def test_every_hearing_of_a_dense_master_session_is_reachable_whole_from_the_keyboard(  # type: ignore[no-untyped-def]
    qtbot, window
) -> None:
    calendar = window.calendar
    line = calendar.timeline.fontMetrics().height()
    monday = sorted(
        (b for b in calendar.blocks() if b.entry.start.date() == MONDAY),
        key=lambda b: b.rect.top(),
    )
    assert len(monday) == DENSE
    for block in monday:
        assert block.rect.height() >= line, "a 15-minute hearing less than a line high"
        assert _label_fits(block), block.lines
    for upper, lower in itertools.pairwise(monday):
        assert upper.rect.bottom() <= lower.rect.top(), "blocks laid over one another"
    # The timeline scrolls rather than squeezes; the arrows bring each hearing into sight.
    assert calendar.timeline.height() > calendar.scroller.viewport().height()
    calendar.timeline.setFocus()
    calendar.select_hearing(None)
    seen = []
    for _ in range(DENSE):
        qtbot.keyClick(calendar.timeline, Qt.Key.Key_Down)
        block = calendar.block(calendar.selected)  # type: ignore[arg-type]
        assert block is not None
        assert block.entry.start.date() == MONDAY
        assert _visible(window, block), block.lines
        seen.append(block.id)
    assert sorted(seen) == sorted(b.id for b in monday)


def test_every_case_of_a_master_calendar_list_is_a_whole_row_reached_by_scrolling(  # type: ignore[no-untyped-def]
    listed_window,
) -> None:
    window = listed_window
    calendar = window.calendar
    line = calendar.timeline.fontMetrics().height()
    rows = sorted(
        (b for b in calendar.blocks() if b.listed), key=lambda b: (b.rect.left(), b.rect.top())
    )
    assert len(rows) == LISTED
    for row in rows:
        assert row.rect.height() >= line
        assert _label_fits(row), row.lines
    bar = calendar.scroller.verticalScrollBar()
    last = max(rows, key=lambda b: b.rect.bottom())
    assert last.rect.bottom() <= calendar.timeline.height()  # inside what scrolls
    calendar.select_hearing(last.id)
    assert _visible(window, calendar.block(last.id))  # type: ignore[arg-type]
    assert bar.value() > 0


def _whole(hint: QLabel) -> bool:
    """The label as tall as its lines, and a line no wider than the label."""
    if hint.wordWrap():
        return hint.height() >= hint.heightForWidth(hint.width())
    metrics = hint.fontMetrics()
    return (
        hint.height() >= metrics.height() and metrics.horizontalAdvance(hint.text()) <= hint.width()
    )


def test_the_unscheduled_hint_is_never_cut_and_is_one_line_on_a_short_pane(  # type: ignore[no-untyped-def]
    qtbot, window
) -> None:
    """With the quota panel unfolded at 1024x600, and on a shorter window (a 1366x768 screen at
    1.5x: about 910x470), the side pane is short: the hint is one elided line, not cut mid-way
    through its second line; its tooltip and accessible name say it whole. Folded, the pane is
    tall enough for the whole hint, wrapped."""
    hint = window.calendar_page.unscheduled.hint
    whole = hint.toolTip()
    assert whole.startswith("Drag a case onto a free slot")
    assert whole.endswith("their own kind).")
    assert hint.accessibleName() == whole
    assert hint.isVisible()
    assert not hint.wordWrap()
    assert hint.text().endswith("…")
    qtbot.waitUntil(lambda: _whole(hint))  # once laid out
    window.quota_panel.fold_button.click()
    qtbot.waitUntil(lambda: hint.wordWrap())
    assert hint.text() == whole
    qtbot.waitUntil(lambda: _whole(hint))  # once laid out
    window.quota_panel.fold_button.click()
    window.resize(910, 470)
    qtbot.waitUntil(lambda: window.height() == 470)
    QApplication.processEvents()
    assert not window.quota_panel.folded  # the user's choice stands; its figures scroll
    assert not hint.wordWrap()
    assert hint.text().endswith("…")
    qtbot.waitUntil(lambda: _whole(hint))  # once laid out


def test_tab_to_the_what_if_strip_scrolls_it_into_sight(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """At 1024x600 unfolded the what-if strip is below the panel's scrolled part: reached with
    Tab (the keyboard's only way there), it is scrolled into sight, not focused out of view."""
    panel = window.quota_panel
    field = panel.what_if.quota
    window.activateWindow()
    panel.fold_button.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(12):
        if field.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert field.hasFocus()
    viewport = panel.body_scroll.viewport()
    top_left = field.mapTo(viewport, field.rect().topLeft())
    bottom_right = field.mapTo(viewport, field.rect().bottomRight())
    assert viewport.rect().contains(top_left)
    assert viewport.rect().contains(bottom_right)
    assert panel.body_scroll.verticalScrollBar().value() > 0


def _one_line(label: FittedLabel) -> bool:
    """One line high, and what it shows no wider than it is."""
    metrics = label.fontMetrics()
    margins = label.contentsMargins()
    return (
        label.height() == metrics.height() + margins.top() + margins.bottom()
        and metrics.horizontalAdvance(label.shown()) <= label.contentsRect().width()
    )


def test_the_week_title_is_one_line_whole_in_its_tooltip_and_accessible_name(  # type: ignore[no-untyped-def]
    qtbot, window
) -> None:
    """At 1024x600 unfolded (and at the window's least width, and at 1.5x's 910x470) the title
    is one line, not four ("23 Nov / – 27 / Nov / 2026"); a shorter form or an elided one when
    narrow, the whole in its tooltip and accessible name."""
    title = window.calendar.date_label
    assert title.text() == "23 Nov – 27 Nov 2026"
    assert title.toolTip() == title.accessibleName() == "23 Nov – 27 Nov 2026"
    qtbot.waitUntil(lambda: _one_line(title))
    assert title.shown() == "23 Nov – 27 Nov 2026"  # room for it whole at 1024
    for width, height in ((910, 470), (800, 460)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        QApplication.processEvents()
        qtbot.waitUntil(lambda: _one_line(title))
        # The side pane gives way before the title is elided (the window made narrower).
        assert title.shown() in ("23 Nov – 27 Nov 2026", "23–27 Nov 2026")
        assert title.accessibleName() == "23 Nov – 27 Nov 2026"
    # Narrower still than the short form, it is elided, never wrapped.
    narrow = FittedLabel()
    qtbot.addWidget(narrow)
    narrow.set_forms(*week_titles(MONDAY, MONDAY + timedelta(days=4)))
    narrow.resize(60, narrow.sizeHint().height())
    narrow.show()
    qtbot.waitUntil(lambda: narrow.shown().endswith("…"))
    assert narrow.shown().startswith("23")
    assert _one_line(narrow)
    assert narrow.toolTip() == narrow.accessibleName() == "23 Nov – 27 Nov 2026"


def test_the_titles_shorter_forms_say_the_month_and_year_once() -> None:
    assert week_titles(date(2026, 11, 23), date(2026, 11, 27)) == (
        "23 Nov – 27 Nov 2026",
        "23–27 Nov 2026",
    )
    assert week_titles(date(2026, 11, 30), date(2026, 12, 4))[1] == "30 Nov–4 Dec 2026"
    assert week_titles(date(2026, 12, 28), date(2027, 1, 1)) == (
        "28 Dec 2026 – 1 Jan 2027",
        "28 Dec 2026–1 Jan 2027",
    )
    assert day_titles(date(2026, 11, 30)) == ("Monday 30 November 2026", "Mon 30 Nov 2026")


def test_at_the_least_window_every_calendar_button_gets_its_whole_size(  # type: ignore[no-untyped-def]
    qtbot, window
) -> None:
    """At the window's least size (800x460) no button of the Calendar tab is squeezed below
    its size hint (the Names button read "N…s", Agenda was clipped): the five view buttons
    fold into one menu button that names the view, and its menu switches the view."""
    calendar = window.calendar
    least = window.minimumSize()
    assert (least.width(), least.height()) == (800, 460)
    window.resize(least)
    qtbot.waitUntil(lambda: window.width() == least.width())
    QApplication.processEvents()
    qtbot.waitUntil(lambda: calendar.view_menu_button.isVisible())
    buttons = [b for b in window.calendar_page.findChildren(QAbstractButton) if b.isVisible()]
    assert calendar.names_button in buttons
    assert calendar.previous_button in buttons
    for button in buttons:
        hint = button.sizeHint()
        assert button.width() >= hint.width(), (button.text(), button.width(), hint.width())
        assert button.height() >= hint.height(), (button.text(), button.height(), hint.height())
    assert not any(b.isVisible() for b in calendar.view_buttons)
    assert calendar.mapTo(window, QPoint(calendar.width(), 0)).x() <= window.width()
    # The side pane gave way (down to its least) for the row and a short title.
    assert calendar.width() >= calendar.row_needs()
    assert window.calendar_page.side.width() >= window.calendar_page.side.minimumWidth()
    menu_button = calendar.view_menu_button
    assert menu_button.text() == "Week ▾"
    assert menu_button.accessibleName() == "View: Week"
    month = next(a for a in menu_button.actions_shown() if a.text() == "Month")
    month.trigger()
    assert calendar.mode == "month"
    assert menu_button.text() == "Month ▾"
    assert calendar.date_label.text() == "November 2026"
    # The fiscal year's grid fits the calendar too (its free hours at the right were cut).
    year = next(a for a in menu_button.actions_shown() if a.text() == "Year")
    year.trigger()
    QApplication.processEvents()
    grid = calendar.year_view
    assert grid.isVisible()
    assert grid.mapTo(window, QPoint(grid.width(), 0)).x() <= window.width()
    week = next(a for a in menu_button.actions_shown() if a.text() == "Week")
    week.trigger()
    assert calendar.mode == "week"
    # With room again (1366 wide) the five buttons are back, the menu button gone.
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: calendar.week_button.isVisible())
    assert not menu_button.isVisible()
    assert calendar.week_button.isChecked()


def test_a_narrow_block_keeps_the_a_numbers_tail_and_its_markers(window) -> None:  # type: ignore[no-untyped-def]
    """In a day of about 115 px a block's A-number was cut to "A300-000-00…" and its D and R
    dropped: now it reads the A-number's last seven ("…000-003 D R"), marked as cut, the text
    drawn inside the block by the font's own measure; the tooltip and accessible text whole."""
    calendar = window.calendar
    scene = calendar.timeline.scene
    assert scene.fonts is not None
    monday = [b for b in calendar.blocks() if b.entry.start.date() == MONDAY]
    assert len(monday) == DENSE
    assert max(b.rect.width() for b in monday) < 150  # the narrow day this is about
    for block in monday:
        entry = block.entry
        a_number = format_a_number(entry.a_number)
        markers = " ".join(m for m, on in (("D", entry.detained), ("R", entry.represented)) if on)
        _where, first, font = block.texts[0]
        drawn = first.text()
        assert drawn.startswith((a_number, "…" + a_number[-7:])), drawn
        assert drawn.endswith(markers), (drawn, markers)
        for where, text, font in block.texts:
            width = QFontMetrics(scene.fonts[font]).horizontalAdvance(text.text())
            assert where.x() >= block.rect.left()
            assert where.x() + width <= block.rect.right(), (text.text(), width, block.rect)
        assert block.lines[0].startswith(drawn)
        assert a_number in block.tooltip
        assert ("detained" in block.tooltip) == entry.detained
        assert ("represented" in block.tooltip) == entry.represented
    shortened = [b for b in monday if b.texts[0][1].text().startswith("…")]
    assert shortened, "no block narrow enough to try"


def test_the_first_lines_shorter_forms_are_marked_where_cut() -> None:
    assert head_forms("A652-680-159  D R", "A652-680-159") == (
        "A652-680-159  D R",
        "A652-680-159 D R",
        "…680-159 D R",
        "…159 D R",
    )
    assert head_forms("A652-680-159", "A652-680-159") == (
        "A652-680-159",
        "…680-159",
        "…159",
    )
    assert head_forms("08:30 1. A652-680-159 D", "A652-680-159") == ("08:30 1. A652-680-159 D",)
