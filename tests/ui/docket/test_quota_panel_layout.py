"""The quota panel's figures are never drawn squeezed or over one another: on a docket under a rule
set without a quota (the "Needed" figure's detail wraps to two lines), in the window at the sizes
users have, folded and unfolded, every label the panel paints has the height its text needs, from
the first paint on, and no two labels on show overlap."""

from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, QSettings
from PySide6.QtWidgets import QLabel, QWidget

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import SessionKind
from planner.ui.common.workspace import Workspace
from planner.ui.docket.quota_panel import QuotaPanel
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings

SIZES = ((800, 460), (1024, 600), (1366, 768), (1920, 1080))
MONDAYS = (Session(0, time(9), time(12), SessionKind.MASTER),)


def _needs(label: QLabel) -> int:
    """The height the label's whole text takes at its width."""
    if label.wordWrap():
        return max(label.heightForWidth(label.width()), label.minimumSizeHint().height())
    return label.sizeHint().height()


class _Paints(QObject):
    """Notes every label of the panel painted shorter than its text needs."""

    def __init__(self, panel: QuotaPanel) -> None:
        super().__init__()
        self.squeezed: list[tuple[str, int, int]] = []
        for label in panel.findChildren(QLabel):
            label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QLabel)
            and watched.text()
            and watched.height() < _needs(watched)
        ):
            self.squeezed.append((watched.text(), watched.height(), _needs(watched)))
        return False


def _shown_rect(label: QLabel, panel: QuotaPanel) -> QRect:
    """Where the label is on show in the panel: the figures' part cut to its scrolled view."""
    rect = QRect(label.mapTo(panel, label.rect().topLeft()), label.size())
    if panel.body.isAncestorOf(label):
        viewport: QWidget = panel.body_scroll.viewport()
        rect &= QRect(viewport.mapTo(panel, viewport.rect().topLeft()), viewport.size())
    return rect


def _one_pending_case_without_a_quota(workspace: Workspace) -> None:
    """FY 2027 is under the 2025 targets (no quota); the profile's 650 is shown for reference."""
    case = Case("100000001", "R1", "removal", date(2026, 10, 1), detained=True)
    judge = Judge("Targets", quota=650, sessions=MONDAYS, court="Los Angeles")
    with workspace.database.transaction() as repo:
        repo.add_docket(Docket(judge, cases=(case,)))


@pytest.mark.parametrize("folded", [False, True], ids=["unfolded", "folded"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_label_of_the_panel_is_drawn_squeezed_or_over_another(
    qtbot, workspace: Workspace, tmp_path: Path, size: tuple[int, int], folded: bool
) -> None:  # type: ignore[no-untyped-def]
    _one_pending_case_without_a_quota(workspace)
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.set_quota_folded(folded)
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    panel = window.quota_panel
    paints = _Paints(panel)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: panel.up_to_date)
    qtbot.waitUntil(lambda: not panel.projecting)  # the age targets' lines come in after
    if folded:  # then unfolded by the user: the figures come into sight
        qtbot.wait(20)
        assert panel.folded
        panel.fold_button.click()
    qtbot.wait(50)
    assert not panel.folded
    assert panel.needed.detail.text() == "1 case pending; to the profile's 650, for reference"
    labels = [label for label in panel.findChildren(QLabel) if label.isVisible() and label.text()]
    for label in labels:
        assert label.height() >= _needs(label), label.text()
    shown = [(label, _shown_rect(label, panel)) for label in labels]
    for i, (label, rect) in enumerate(shown):
        for other, other_rect in shown[i + 1 :]:
            assert not rect.intersects(other_rect), (label.text(), other.text())
    assert paints.squeezed == []
