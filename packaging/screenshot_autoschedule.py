"""The auto-scheduler's preview for docs/screenshots/autoschedule.png: the window on a demo
docket, the panel open, the policies compared, then the oldest-first proposal previewed and the
calendar on its busiest week (ghost blocks). Run under Xvfb by packaging/screenshots.sh:

    python packaging/screenshot_autoschedule.py DEMO.sqlite OUT.png [light|dark]
"""

import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from planner.store.database import Database
from planner.ui.common.focus_style import FocusStyle
from planner.ui.common.theme import apply_theme
from planner.ui.common.workspace import Workspace
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings


def main(database: str, out: str, theme: str = "light") -> int:
    app = QApplication(sys.argv[:1])
    app.setStyle(FocusStyle())
    apply_theme(theme)
    window = MainWindow(Workspace(Database.open(Path(database))), WindowSettings(QSettings()))
    window.resize(1366, 768)
    window.show()
    panel = window.autoschedule_panel

    def when_idle(then: object) -> None:
        if panel.running:
            QTimer.singleShot(100, lambda: when_idle(then))
        else:
            then()  # type: ignore[operator]

    def previewed() -> None:
        proposal = panel.proposal
        if proposal is None or not proposal.proposed:
            print("nothing proposed", file=sys.stderr)
            app.exit(1)
            return
        weeks = Counter(
            p.start.date() - timedelta(days=p.start.weekday()) for p in proposal.proposed
        )
        busiest = max(weeks, key=lambda week: weeks[week])
        row = next(i for i, p in enumerate(proposal.proposed) if p.start.date() >= busiest)
        panel.proposed_table.selectRow(row)
        QTimer.singleShot(400, grab)

    def grab() -> None:
        window.grab().save(out)
        panel.close()
        window.close()

    def start() -> None:
        window.open_autoschedule()
        panel.compare()
        when_idle(lambda: (panel.preview(), when_idle(previewed)))

    QTimer.singleShot(500, start)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
