#!/usr/bin/env bash
# Set up (or bring up to date) the Planner's virtual environment in .venv.
#   packaging/setup.sh          the application
#   packaging/setup.sh test     the application and its test tools
# Installs what a fresh Debian/Ubuntu machine lacks (python3-venv; for the window, Qt's
# libraries), then the Python packages pinned in pyproject.toml. Quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"

need_debs=()
python3 -c 'import venv, ensurepip' 2>/dev/null || need_debs+=(python3-venv)
if command -v dpkg-query >/dev/null; then
  # Qt's offscreen and xcb platforms need these; a desktop already has them.
  for pkg in libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || need_debs+=("$pkg")
  done
fi
if [ ${#need_debs[@]} -gt 0 ]; then
  echo "Installing system packages: ${need_debs[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_debs[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)-${extras:-app}"
if [ ! -e "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check uv
  spec="."; [ -n "$extras" ] && spec=".[$extras]"
  # Compiled bytecode: without it every start pays to compile SQLAlchemy, numpy and Qt wrappers.
  .venv/bin/uv pip install --python .venv/bin/python -q --compile-bytecode -e "$spec"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
# The Planner's own bytecode too (an editable install leaves it to the first run, and none is
# written at all where PYTHONDONTWRITEBYTECODE is set): quick when nothing changed.
.venv/bin/python -m compileall -q planner
