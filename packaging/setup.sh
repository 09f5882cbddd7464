#!/usr/bin/env bash
# Set up (or bring up to date) the Planner's virtual environment in .venv.
#   packaging/setup.sh          the application
#   packaging/setup.sh test     the application and its test tools
# Needs Python 3.11 or later. On Debian and Ubuntu it first installs what the machine lacks:
# python3 and its venv module, and the shared libraries Qt loads (its offscreen platform, and
# the xcb platform of a real window). It checks the libraries themselves (ldconfig), not one
# release's package names, and installs a missing one under the package name this release
# has (Debian 13 and Ubuntu 24.04 renamed some, e.g. libglib2.0-0t64): as root, with sudo,
# or else it prints the apt-get command to run and stops. Then the Python packages pinned in
# pyproject.toml, and a link ~/.local/bin/planner to this copy's `planner` command.
# One line per step (on stderr) while it works; quiet when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"

say() { printf 'setup: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }
started=$SECONDS

distro="this system"
[ -r /etc/os-release ] && distro="$(. /etc/os-release && echo "${PRETTY_NAME:-$ID}")"

# --- Python 3.11 or later -------------------------------------------------------------------
python_ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }
python_version() { "$1" -c 'import platform; print(platform.python_version())'; }
need_python_sentence() {
  die "The Planner needs Python 3.11 or later, and $1: install Python 3.11 or later (Debian 12, Ubuntu 24.04 and later have it as python3; Ubuntu 22.04 as python3.11 with python3.11-venv) and run this again."
}
# No python3 at all: the one this release offers (if its package lists say) must be new enough.
check_offered_python() {
  command -v apt-cache >/dev/null || return 0
  local offered
  offered="$(apt-cache policy python3 2>/dev/null | sed -n 's/^ *Candidate: \([0-9]*\.[0-9]*\).*/\1/p')"
  if [ -n "$offered" ] && [ "$(printf '%s\n3.11\n' "$offered" | sort -V | head -n1)" != "3.11" ]; then
    need_python_sentence "$distro offers python3 $offered"
  fi
}
venv_ok=0
[ -x .venv/bin/python ] && python_ok .venv/bin/python && venv_ok=1
python=""
if [ $venv_ok -eq 0 ]; then
  for candidate in python3 python3.14 python3.13 python3.12 python3.11; do
    if command -v "$candidate" >/dev/null && python_ok "$candidate"; then
      python="$(command -v "$candidate")"
      break
    fi
  done
  if [ -z "$python" ] && command -v python3 >/dev/null; then
    need_python_sentence "python3 here is $(python_version python3)"
  fi
fi

# --- What the machine lacks --------------------------------------------------------------------
need_debs=()      # Debian 12 names; renamed to this release's names before installing
window_only=()    # of those, the ones only a real window needs
if [ $venv_ok -eq 0 ]; then
  if [ -z "$python" ]; then
    check_offered_python
    need_debs+=(python3 python3-venv)
  elif ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
    # Debian keeps ensurepip (which venv needs) in its own package.
    if [ "$python" = "$(command -v python3)" ]; then need_debs+=(python3-venv)
    else need_debs+=("python$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv")
    fi
  fi
fi

# The shared libraries Qt's own libraries and its platform plugins load (checked with objdump
# on PySide6-Essentials 6.11: libQt6Core, Gui, Widgets, DBus, XcbQpa, plugins offscreen, xcb),
# and the Debian 12 package of each. Qt bundles the rest (ICU, its own image formats).
offscreen_libs=(
  libglib-2.0.so.0:libglib2.0-0 libgthread-2.0.so.0:libglib2.0-0 libGL.so.1:libgl1
  libEGL.so.1:libegl1 libxkbcommon.so.0:libxkbcommon0 libfontconfig.so.1:libfontconfig1
  libfreetype.so.6:libfreetype6 libdbus-1.so.3:libdbus-1-3 libX11.so.6:libx11-6
)
window_libs=(
  libX11-xcb.so.1:libx11-xcb1 libxcb.so.1:libxcb1 libxkbcommon-x11.so.0:libxkbcommon-x11-0
  libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4
  libxcb-image.so.0:libxcb-image0 libxcb-keysyms.so.1:libxcb-keysyms1
  libxcb-render-util.so.0:libxcb-render-util0 libxcb-render.so.0:libxcb-render0
  libxcb-shape.so.0:libxcb-shape0 libxcb-xkb.so.1:libxcb-xkb1 libxcb-randr.so.0:libxcb-randr0
  libxcb-shm.so.0:libxcb-shm0 libxcb-sync.so.1:libxcb-sync1 libxcb-xfixes.so.0:libxcb-xfixes0
  libxcb-util.so.1:libxcb-util1
)
ldconfig=""
for candidate in ldconfig /sbin/ldconfig /usr/sbin/ldconfig; do
  if command -v "$candidate" >/dev/null; then ldconfig="$(command -v "$candidate")"; break; fi
done
missing_libs=()
if [ -n "$ldconfig" ]; then
  known="$("$ldconfig" -p 2>/dev/null || true)"
  case "$(uname -m)" in x86_64) abi="x86-64" ;; aarch64) abi="AArch64" ;; *) abi="" ;; esac
  has_lib() { grep -F "$(printf '\t%s (' "$1")" <<<"$known" | grep -F "$abi" >/dev/null; }
  add_deb() {  # $1 package, $2 "window" when only the window needs it
    local d
    for d in "${need_debs[@]}"; do [ "$d" = "$1" ] && return 0; done
    need_debs+=("$1")
    [ "${2:-}" = window ] && window_only+=("$1")
    return 0
  }
  for entry in "${offscreen_libs[@]}"; do
    has_lib "${entry%%:*}" || { missing_libs+=("${entry%%:*}"); add_deb "${entry#*:}"; }
  done
  for entry in "${window_libs[@]}"; do
    has_lib "${entry%%:*}" || { missing_libs+=("${entry%%:*}"); add_deb "${entry#*:}" window; }
  done
fi
# Without a font every Qt label draws as boxes.
if [ -z "$(find /usr/share/fonts /usr/local/share/fonts "${HOME:-/nonexistent}/.local/share/fonts" \
            -type f \( -name '*.ttf' -o -name '*.otf' -o -name '*.ttc' \) -print -quit 2>/dev/null)" ]; then
  need_debs+=(fonts-dejavu-core)
fi

# This release's name of a Debian 12 package: the t64 rename when the release has it.
release_name() {
  local name
  for name in "$1t64" "$1"; do
    if [[ "$(apt-cache policy "$name" 2>/dev/null)" == *"Candidate: "[0-9]* ]]; then
      echo "$name"
      return
    fi
  done
  echo "$1"
}

if [ ${#need_debs[@]} -gt 0 ]; then
  [ ${#missing_libs[@]} -eq 0 ] || say "Missing shared libraries: ${missing_libs[*]}"
  if ! command -v apt-get >/dev/null; then
    [ -n "$python" ] || [ $venv_ok -eq 1 ] || die "No python3 here: install Python 3.11 or later with its venv module and run this again."
    say "Not Debian or Ubuntu ($distro): install what provides the libraries above; the set-up goes on."
  else
    as_root=()
    can_install=1
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        as_root=(sudo)
      elif command -v sudo >/dev/null && [ -t 0 ] && [ -t 2 ]; then
        as_root=(sudo)
        say "Installing system packages with sudo: it may ask for your password."
      else
        can_install=0
        debs=()
        for d in "${need_debs[@]}"; do debs+=("$(release_name "$d")"); done
        only_window=1
        for d in "${need_debs[@]}"; do
          case " ${window_only[*]} " in *" $d "*) ;; *) only_window=0 ;; esac
        done
        if [ $only_window -eq 1 ] && [ -n "$extras" ]; then
          say "A real window also needs: ${debs[*]} (an administrator: sudo apt-get install ${debs[*]}); the tests run offscreen without them."
        else
          die "$distro lacks packages the Planner needs, and this account cannot install them: as an administrator, run
    sudo apt-get update && sudo apt-get install ${debs[*]}
then run this again."
        fi
      fi
    fi
    if [ $can_install -eq 1 ]; then
      say "Updating the package lists of $distro (apt-get update)"
      "${as_root[@]}" apt-get update -qq
      [ $venv_ok -eq 1 ] || [ -n "$python" ] || check_offered_python
      debs=()
      for d in "${need_debs[@]}"; do debs+=("$(release_name "$d")"); done
      say "Installing system packages: ${debs[*]}"
      "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes apt-get install -y -qq "${debs[@]}" >/dev/null
      if [ $venv_ok -eq 0 ] && [ -z "$python" ]; then
        command -v python3 >/dev/null || die "python3 is still missing after installing it."
        python_ok python3 || need_python_sentence "python3 here is $(python_version python3)"
        python="$(command -v python3)"
      fi
    fi
  fi
fi
if [ $venv_ok -eq 0 ] && [ -z "$python" ]; then
  die "No python3 here: install Python 3.11 or later with its venv module and run this again."
fi

# --- The virtual environment: made whole, or not left behind ----------------------------------
created_venv=0
remove_unfinished_venv() {
  local status=$?
  if [ $status -ne 0 ] && [ $created_venv -eq 1 ]; then
    rm -rf .venv
    say "Set-up failed: removed the unfinished .venv; run this again once the cause above is fixed."
  fi
  return $status
}
trap remove_unfinished_venv EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
first_install=0
worked=0
if [ $venv_ok -eq 0 ]; then
  if [ -e .venv ]; then
    say "Replacing .venv: its Python no longer runs (made by a Python since removed?)"
    rm -rf .venv
  fi
  say "Creating .venv with Python $(python_version "$python") ($python)"
  created_venv=1
  first_install=1
  "$python" -m venv .venv
fi
pins="$(sha256sum pyproject.toml | cut -c1-16)"
stamp=".venv/.installed-$pins-${extras:-app}"
if [ ! -e "$stamp" ]; then
  if [ ! -x .venv/bin/uv ]; then
    say "Installing uv (the package installer) into .venv"
    .venv/bin/python -m pip install -q --disable-pip-version-check uv
  fi
  spec="."; [ -n "$extras" ] && spec=".[$extras]"
  say "Installing the Planner and the libraries pinned in pyproject.toml${extras:+ (with: $extras)}"
  # Compiled bytecode: without it every start pays to compile SQLAlchemy, numpy and Qt wrappers.
  .venv/bin/uv pip install --python .venv/bin/python -q --compile-bytecode -e "$spec"
  # Stamps of other pins are stale; the app's and the tests' stamps of these pins both hold.
  find .venv -maxdepth 1 -name '.installed-*' ! -name ".installed-$pins-*" -delete
  touch "$stamp"
  worked=1
fi
# The Planner's own bytecode too (an editable install leaves it to the first run, and none is
# written at all where PYTHONDONTWRITEBYTECODE is set): quick when nothing changed.
.venv/bin/python -m compileall -q planner
created_venv=0

# --- `planner` on the PATH --------------------------------------------------------------------
# A link in ~/.local/bin (or ~/bin when that one is on the PATH), to this copy's command. A link
# that is not the Planner's, a live link to another copy, and a `planner` already on the PATH
# (the installed package's /usr/bin/planner) are left as they are.
link_planner() {
  [ -n "${HOME:-}" ] || return 0
  local bin="$HOME/.local/bin" target="$PWD/.venv/bin/planner"
  case ":$PATH:" in *":$HOME/.local/bin:"*) ;; *":$HOME/bin:"*) [ -d "$HOME/bin" ] && bin="$HOME/bin" ;; esac
  local link="$bin/planner" current on_path
  current="$(readlink "$link" 2>/dev/null || true)"
  [ "$current" = "$target" ] && return 0
  if [ -e "$link" ]; then
    [ $first_install -eq 1 ] && say "planner: $link is another program or another copy of the Planner, left as it is; this copy's command is .venv/bin/planner"
    return 0
  elif [ ! -L "$link" ]; then
    on_path="$(command -v planner 2>/dev/null || true)"
    if [ -n "$on_path" ]; then
      [ $first_install -eq 1 ] && say "planner: $on_path is on your PATH, left as it is; this copy's command is .venv/bin/planner"
      return 0
    fi
  fi
  mkdir -p "$bin"
  ln -sfn "$target" "$link"
  local export_line="export PATH=\"\$HOME/${bin#"$HOME"/}:\$PATH\""
  case ":$PATH:" in
    *":$bin:"*) say "planner: linked $link to this copy's command" ;;
    *) if grep -qs '\.local/bin' "$HOME/.profile"; then
         say "planner: linked $link to this copy's command; $bin is on your PATH from your next login (your ~/.profile adds it); in this shell run: $export_line"
       else
         say "planner: linked $link to this copy's command, but $bin is not on your PATH: run $export_line (and add that line to ~/.profile to keep it)"
       fi ;;
  esac
}
link_planner
[ $worked -eq 0 ] || say "Set-up done in $((SECONDS - started)) s"
