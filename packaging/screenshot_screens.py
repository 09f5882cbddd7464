"""The window at one screen size, scale and theme, for docs/screenshots/screens/.

    QT_SCALE_FACTOR=2 python packaging/screenshot_screens.py DEMO.sqlite OUT.png 1366x768 \\
        light [docket|calendar|calendar:month|calendar:year|calendar:week+focus|charts|court|notices
        |docket+button|docket+field|docket+table][+open] [YYYY-MM-DD]

The size is in the window's own (device-independent) pixels; QT_SCALE_FACTOR multiplies the
picture's. The calendar is shown on the week of the date given (default: the week after today).
"+open": the quota panel unfolded, as a user who chose
"Show details" left it. Run by packaging/screenshots.sh, or offscreen (QT_QPA_PLATFORM=offscreen).
"""

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner.store.database import Database
from planner.ui.common.focus_style import FocusStyle
from planner.ui.common.theme import apply_theme
from planner.ui.common.workspace import Workspace
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings

_OTHER_TABS = {"charts": 2, "court": 3, "notices": 4}


def main(
    database: str, out: str, size: str, theme: str, tab: str = "docket", day: str = ""
) -> None:
    app = QApplication([])
    app.setStyle(FocusStyle())
    apply_theme(theme)
    width, height = (int(n) for n in size.split("x"))
    # Settings of their own: the window starts as a first run would (no folding chosen).
    ini = Path(tempfile.mkdtemp()) / "settings.ini"
    settings = WindowSettings(QSettings(str(ini), QSettings.Format.IniFormat))
    if tab.endswith("+open"):  # the quota panel unfolded by the user, whatever the height
        tab = tab.removesuffix("+open")
        settings.set_quota_folded(False)
    window = MainWindow(Workspace(Database.open(Path(database))), settings)
    window.resize(width, height)
    window.show()
    if tab.startswith("calendar"):  # calendar (the week), calendar:day, :month or :year
        window.views.setCurrentIndex(1)
        shown = date.fromisoformat(day) if day else date.today() + timedelta(days=7)
        window.calendar.set_mode(tab.partition(":")[2].removesuffix("+focus") or "week")
        window.calendar.set_date(shown)
    page = None
    if tab in _OTHER_TABS:  # built when first shown; the charts and the court compute theirs
        window.views.setCurrentIndex(_OTHER_TABS[tab])
        page = window.views.widget(_OTHER_TABS[tab]).ensure_built()
    while not window.quota_panel.up_to_date or not getattr(page, "up_to_date", True):
        app.processEvents()
    # Under a rule set with age targets the verdict waits for their projection (a thread).
    saved = window.quota_panel.saved_forecast
    while saved is not None and saved.rule_set is not None and saved.rule_set.targets:
        if saved.age_targets is not None:
            break
        app.processEvents()
        saved = window.quota_panel.saved_forecast
    for _ in range(100):
        app.processEvents()
    if tab.endswith("+focus"):  # from the keyboard: Tab to the days, Down to the 3rd hearing
        window.activateWindow()
        window.calendar.timeline.setFocus()
        for _ in range(3):
            QTest.keyClick(window.calendar.timeline, Qt.Key.Key_Down)
        for _ in range(20):
            app.processEvents()
    if tab.startswith("docket+"):  # the keyboard focus on a button, a text field, the table
        window.activateWindow()
        target = {
            "button": window.docket.reset_button,
            "field": window.docket.search_edit,
            "table": window.docket.table,
        }[tab.partition("+")[2]]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        if target is window.docket.table:
            QTest.keyClick(target, Qt.Key.Key_Down)
            QTest.keyClick(target, Qt.Key.Key_Right)
        for _ in range(20):
            app.processEvents()
    window.grab().save(out)
    window.close()
    # 256 colours, no dithering: a window's flat colours survive and the file is a third the size
    # (Pillow comes with matplotlib).
    from PIL import Image

    with Image.open(out) as picture:
        few = picture.convert("RGB").quantize(256, dither=Image.Dither.NONE)
    few.save(out, optimize=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
