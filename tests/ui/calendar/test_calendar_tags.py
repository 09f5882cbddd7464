"""Issue 20: a session's kind and a day off's name are never drawn over a hearing; hovering
a band names it (where its tag had no room)."""

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QEvent, QPoint, QRectF
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from planner.domain.judge import Session
from planner.domain.vocabulary import HearingKind, HearingStatus, SessionKind
from planner.scheduling.days import DayState, DaySummary
from planner.store.agenda import CalendarEntry
from planner.ui.calendar.calendar_paint import Scene, build_scene
from planner.ui.calendar.calendar_view import CalendarView
from planner.ui.common.workspace import Workspace
from tests.ui.calendar.test_calendar_view import _court

MONDAY, TUESDAY = date(2026, 11, 23), date(2026, 11, 24)
NOW = datetime(2026, 11, 20, 10, 0)  # pinned: the week shown is not today's


def _entry(n: int, start: datetime, minutes: int) -> CalendarEntry:
    return CalendarEntry(
        n, n, f"{100000000 + n:09d}", start, minutes, HearingKind.MASTER,
        HearingStatus.SCHEDULED, None, f"Person {n}", "Spanish", True, False, False, None,
        "removal",
    )  # fmt: skip


def _scene(entries: list[CalendarEntry], summaries: dict[date, DaySummary]) -> Scene:
    font = QFont()
    sessions = (
        Session(0, time(9), time(12), SessionKind.DETAINED_MASTER),
        Session(1, time(9), time(12), SessionKind.MASTER),
    )
    return build_scene(
        QRectF(0, 0, 1000, 600), [MONDAY, TUESDAY], sessions, entries, summaries, (), {}, NOW,
        QFontMetrics(font), font=font,
    )  # fmt: skip


def _overlaps(scene: Scene) -> list[tuple[str, str]]:
    return [
        (tag.text, block.label[0])
        for tag in scene.tags
        for block in scene.blocks
        if tag.rect.intersects(block.rect)
    ]


def test_a_hearing_at_the_sessions_start_is_not_under_its_kind(qtbot) -> None:  # type: ignore[no-untyped-def]
    entries = [_entry(1, datetime(2026, 11, 23, 9), 30)]
    scene = _scene(entries, {})
    assert _overlaps(scene) == []
    texts = [t.text for t in scene.tags]
    assert "detained master" in texts  # moved below the hearing, not dropped
    assert "master" in texts  # Tuesday's, free, at the top right as before
    monday = next(t for t in scene.tags if t.text == "detained master")
    block = scene.blocks[0].rect
    assert monday.rect.top() >= block.bottom()
    tuesday = next(t for t in scene.tags if t.text == "master")
    band = next(b for b in scene.bands if b.text == "master")
    assert tuesday.rect.top() == band.rect.top() + 2


def test_a_full_session_has_no_tag_but_the_band_still_names_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    entries = [_entry(n, datetime(2026, 11, 23, 9 + n // 4, 15 * (n % 4)), 15) for n in range(12)]
    scene = _scene(entries, {})
    assert _overlaps(scene) == []
    assert "detained master" not in [t.text for t in scene.tags]
    band = scene.band_at(scene.blocks[0].rect.center())
    assert band is not None
    assert band.text == "detained master"


def test_a_day_offs_name_is_not_drawn_over_a_hearing_booked_before_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    summaries = {TUESDAY: DaySummary(TUESDAY, DayState.LEAVE, "on leave", 0, 0, 0, 0, 0)}
    entries = [_entry(1, datetime(2026, 11, 24, 8), 30), _entry(2, datetime(2026, 11, 24, 9), 15)]
    scene = _scene(entries, summaries)
    assert _overlaps(scene) == []
    assert "On leave" in [t.text for t in scene.tags]


@pytest.mark.qt_log_ignore("does not support raise")  # the tooltip, offscreen
def test_hovering_a_band_names_it_in_a_tooltip(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    _court(workspace)  # Monday 23 Nov: two master hearings at 09:00, in the morning's session
    view = CalendarView(workspace)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    timeline = view.timeline
    band = next(b for b in timeline.scene.bands if b.text == "master" and not b.shade)
    point = QPoint(int(band.rect.center().x()), int(band.rect.bottom() - 3))
    assert timeline.block_at(point) is None
    event = QHelpEvent(QEvent.Type.ToolTip, point, timeline.mapToGlobal(point))
    QApplication.sendEvent(timeline, event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "master"
