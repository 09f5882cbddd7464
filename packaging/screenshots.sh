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
