"""A theme change reaches every calendar view at once, and adjourned hearings stay readable."""

from collections import Counter
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from planner.domain.anumber import format_a_number
from planner.domain.vocabulary import HearingStatus
from planner.services import calendar as calendar_service
from planner.services.calendar import Outcome
from planner.services.changes import Change
from planner.ui.calendar.calendar_view import CalendarView
from planner.ui.common.colours import DARK, HIGH_CONTRAST, LIGHT, contrast_ratio
from planner.ui.common.theme import apply_theme
from planner.ui.common.workspace import Workspace
from tests.ui.calendar.calendar_docket import FIRST, court


@pytest.fixture
def light() -> Iterator[None]:
    apply_theme("light")
    yield
    apply_theme("light")


@pytest.fixture
def view(qtbot, workspace: Workspace, light: None) -> CalendarView:  # type: ignore[no-untyped-def]
    court(workspace)
    calendar_view = CalendarView(workspace)
    qtbot.addWidget(calendar_view)
    calendar_view.resize(1000, 700)
    calendar_view.show()
    qtbot.waitExposed(calendar_view)
    calendar_view.set_date(date(2026, 11, 23))
    return calendar_view


def _background(view: CalendarView) -> str:
    """The colour of the timeline's empty ground: the hours column, below the header."""
    image = view.timeline.grab().toImage()
    return QColor(image.pixel(QPoint(10, image.height() - 4))).name()


def test_a_theme_change_repaints_the_week_view_at_once(qtbot, view: CalendarView) -> None:  # type: ignore[no-untyped-def]
    assert _background(view) == LIGHT.base
    apply_theme("dark")
    qtbot.waitUntil(lambda: _background(view) == DARK.base, timeout=2000)
    apply_theme("high_contrast")
    qtbot.waitUntil(lambda: _background(view) == HIGH_CONTRAST.base, timeout=2000)


def _commonest(widget: QWidget) -> QColor:
    """The colour most of a widget's pixels have (sampled every 4 pixels): its ground."""
    image = widget.grab().toImage()
    seen = Counter(
        image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
    )
    return QColor(seen.most_common(1)[0][0])


def test_the_month_and_year_views_follow_the_theme_too(qtbot, view: CalendarView) -> None:  # type: ignore[no-untyped-def]
    for mode, grid in (("month", view.month_view), ("year", view.year_view)):
        view.set_mode(mode)
        qtbot.waitUntil(lambda g=grid: _commonest(g).lightness() > 200, timeout=2000)
        apply_theme("dark")
        qtbot.waitUntil(lambda g=grid: _commonest(g).lightness() < 80, timeout=2000)
        apply_theme("light")


def test_an_adjourned_hearing_is_painted_readable_in_the_dark_theme(  # type: ignore[no-untyped-def]
    qtbot, view: CalendarView, workspace: Workspace
) -> None:
    """It was drawn translucent with grey text: dark grey on dark ground. Now an opaque fill of
    its own with text of 4.5:1 or more, dashed and struck through."""
    first = next(b for b in view.blocks() if b.label[0].startswith(format_a_number(FIRST)))
    calendar_service.record_outcome(
        workspace.database,
        workspace.judge,
        first.id,
        Outcome.ADJOURNED,
        reason="no interpreter",
        now=workspace.clock(),
    )
    workspace.notify(Change.HEARINGS)
    apply_theme("dark")
    block = next(b for b in view.blocks() if b.id == first.id)
    assert block.status is HearingStatus.ADJOURNED
    image = view.timeline.grab().toImage()
    inside = block.rect.adjusted(4, 4, -4, -4)
    seen = {
        QColor(image.pixel(int(x), int(y))).name()
        for x in range(int(inside.left()), int(inside.right()), 2)
        for y in range(int(inside.top()), int(inside.bottom()), 2)
    }
    assert DARK.adjourned_fill in seen
    assert contrast_ratio(DARK.adjourned_text, DARK.adjourned_fill) >= 4.5


def test_the_unscheduled_hint_reads_in_every_theme(
    qtbot, workspace: Workspace, light: None
) -> None:  # type: ignore[no-untyped-def]
    """It was about 1.3:1 in the dark theme (a style sheet's colour); now the muted text of the
    theme in use, 4.5:1 or more against the window it sits on, repainted with the theme."""
    from planner.ui.calendar.unscheduled_pane import UnscheduledPane
    from planner.ui.common.colours import THEMES, Theme

    court(workspace)
    pane = UnscheduledPane(workspace)
    qtbot.addWidget(pane)
    pane.show()
    for theme in Theme:
        apply_theme(theme.value)
        colours = THEMES[theme]
        qtbot.waitUntil(
            lambda c=colours: (
                pane.hint.palette().color(pane.hint.foregroundRole()).name() == c.muted_text
            ),
            timeout=2000,
        )
        ground = pane.hint.palette().color(pane.hint.backgroundRole()).name()
        assert ground == colours.window
        assert contrast_ratio(colours.muted_text, ground) >= 4.5


def test_an_adjourned_hearings_strike_stays_on_its_text_on_a_scaled_screen(  # type: ignore[no-untyped-def]
    qtbot, view: CalendarView, workspace: Workspace
) -> None:
    """At 1.5x and 2x a thin line crossed the day under an adjourned hearing: Qt draws a static
    text's strike-out at twice its place and length on a scaled device. Painted at 2x, the
    adjourned text's colour is nowhere outside its block."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPixmap

    from planner.ui.calendar.calendar_paint import paint_scene

    first = next(b for b in view.blocks() if b.label[0].startswith(format_a_number(FIRST)))
    calendar_service.record_outcome(
        workspace.database,
        workspace.judge,
        first.id,
        Outcome.ADJOURNED,
        reason="no interpreter",
        now=workspace.clock(),
    )
    workspace.notify(Change.HEARINGS)
    block = next(b for b in view.blocks() if b.id == first.id)
    assert block.status is HearingStatus.ADJOURNED
    timeline = view.timeline
    picture = QPixmap(timeline.size() * 2)
    picture.setDevicePixelRatio(2)
    painter = QPainter(picture)
    painter.setFont(timeline.font())
    paint_scene(painter, timeline.scene, timeline.palette(), QRectF(timeline.rect()))
    painter.end()
    image = picture.toImage()
    ink = QColor(LIGHT.adjourned_text).rgb()
    lines = []  # runs of 30 or more pixels of the adjourned text's colour: a strike's line
    for y in range(image.height()):
        run = 0
        for x in range(image.width() + 1):
            if x < image.width() and image.pixel(x, y) == ink:
                run += 1
                continue
            if run >= 30:
                lines.append(QRectF((x - run) / 2, y / 2, run / 2, 0.5))
            run = 0
    assert lines  # the strike through the A-number
    around = block.rect.adjusted(-1, -1, 1, 1)
    for line in lines:
        assert around.contains(line), f"a line at {line} outside the block {block.rect}"
