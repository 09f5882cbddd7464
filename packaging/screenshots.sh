#!/usr/bin/env bash
# Take the screenshots in docs/screenshots/ of the real window under Xvfb, with a demo docket.
#   bash packaging/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup.sh
missing=()
for pkg in xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
           libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-randr0; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"  # never the user's own
.venv/bin/planner demo --db "$work/demo.sqlite" --seed 2018 >/dev/null
mkdir -p docs/screenshots
for spec in "1366x768 light" "1920x1080 light" "1366x768 dark"; do
  set -- $spec
  size=$1 theme=$2
  xvfb-run -a -s "-screen 0 ${size}x24" env -u QT_QPA_PLATFORM \
    .venv/bin/planner --db "$work/demo.sqlite" --theme "$theme" --size "$size" \
    --screenshot "docs/screenshots/main-${size}-${theme}.png"
  echo "docs/screenshots/main-${size}-${theme}.png"
done
# The calendar tab, on the week after the demo's "today".
xvfb-run -a -s "-screen 0 1366x768x24" env -u QT_QPA_PLATFORM .venv/bin/python - "$work/demo.sqlite" <<'PY'
import sys
from datetime import date, timedelta
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from planner.store.database import Database
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from planner.ui.common.workspace import Workspace
app = QApplication([])
app.setStyle("Fusion")
settings = WindowSettings(QSettings())
window = MainWindow(Workspace(Database.open(sys.argv[1])), settings)
window.resize(1366, 768)
window.show()
window.views.setCurrentIndex(1)
window.calendar.set_date(date.today() + timedelta(days=7))
for _ in range(50):
    app.processEvents()
window.grab().save("docs/screenshots/calendar-week-1366x768.png")
PY
echo docs/screenshots/calendar-week-1366x768.png
# The Charts tab (the burn-up) and the Court tab, on a demo court of five judges.
.venv/bin/planner demo --db "$work/court.sqlite" --cases 3000 --judges 5 --seed 2018 >/dev/null
xvfb-run -a -s "-screen 0 1366x768x24" env -u QT_QPA_PLATFORM .venv/bin/python - "$work/court.sqlite" <<'PY'
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from planner.store.database import Database
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from planner.ui.common.workspace import Workspace
app = QApplication([])
app.setStyle("Fusion")
window = MainWindow(Workspace(Database.open(sys.argv[1])), WindowSettings(QSettings()))
window.resize(1366, 768)
window.show()
for tab, name in ((2, "charts-burn-up"), (3, "court")):
    window.views.setCurrentIndex(tab)
    page = window.views.widget(tab).ensure_built()
    while not (page.up_to_date and window.quota_panel.up_to_date):
        app.processEvents()
    for _ in range(50):
        app.processEvents()
    window.grab().save(f"docs/screenshots/{name}-1366x768.png")
    print(f"docs/screenshots/{name}-1366x768.png")
PY
# The auto-scheduler's preview: ghost blocks on the calendar and the proposal's list.
xvfb-run -a -s "-screen 0 1366x768x24" env -u QT_QPA_PLATFORM .venv/bin/python \
  packaging/screenshot_autoschedule.py "$work/demo.sqlite" docs/screenshots/autoschedule.png light
echo docs/screenshots/autoschedule.png
# Screens and scales (docs/screenshots/screens/): each size in the window's own pixels, the
# picture in the screen's (QT_SCALE_FACTOR), on the demo's week of Monday 23 November 2026.
.venv/bin/planner demo --db "$work/screens.sqlite" --today 2026-11-25 >/dev/null
mkdir -p docs/screenshots/screens
specs=()
# Each main tab at each screen size (1x) and at 1.25x, 1.5x and 2x of the screens they suit.
for tab in docket calendar charts court notices; do
  for size in "1 1024x600" "1 1366x768" "1 1920x1080" "1 2560x1440" "1.25 1536x864" \
              "1.5 1280x720" "2 1280x720"; do
    set -- $size
    name="$tab-$2"; [ "$1" = 1 ] || name="$name-at-$1x"
    specs+=("$1 $name $2 light $tab")
  done
done
# Short screens with the quota panel unfolded by hand: 1024x600, 1366x720, and a 1366x768 screen
# at 1.25x (1093x614) and 1.5x (910x470, what its 512 px leave under a taskbar).
for size in "1 1024x600" "1 1366x720" "1.25 1093x614" "1.5 910x470"; do
  set -- $size
  name="calendar-$2-open"; [ "$1" = 1 ] || name="calendar-$2-at-$1x-open"
  specs+=("$1 $name $2 light calendar+open")
done
specs+=("1 calendar-800x460 800x460 light calendar"  # the window's least size
       "1 calendar-1366x768-dark 1366x768 dark calendar"
        "1 calendar-1366x768-high-contrast 1366x768 high_contrast calendar"
        "1 calendar-keyboard-focus-1366x768 1366x768 light calendar:week+focus")
for what in button field table; do  # the keyboard focus ring, in each theme
  for theme in light dark high_contrast; do
    specs+=("1 focus-$what-1024x600-$theme 1024x600 $theme docket+$what")
  done
done
for spec in "${specs[@]}"; do
  set -- $spec
  QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=$1 .venv/bin/python packaging/screenshot_screens.py \
    "$work/screens.sqlite" "docs/screenshots/screens/$2.png" "$3" "$4" "$5" 2026-11-23
  echo "docs/screenshots/screens/$2.png"
done
