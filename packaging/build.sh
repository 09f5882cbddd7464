#!/usr/bin/env bash
# Build the standalone Planner with PyInstaller and, on Debian/Ubuntu, its .deb package.
#   bash packaging/build.sh
# Makes build/dist/planner/ (the executable `planner` and its _internal/ folder) and
# build/judge-workload-planner_VERSION_ARCH.deb. Install it with
#   sudo apt install ./build/judge-workload-planner_*.deb
# Uses .venv (set up by packaging/setup.sh with the `build` extra), or the interpreter named by
# PLANNER_BUILD_PYTHON if set (it needs the application's packages and PyInstaller).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [ -n "${PLANNER_BUILD_PYTHON:-}" ]; then
  python=$PLANNER_BUILD_PYTHON
else
  bash packaging/setup.sh build
  python=$root/.venv/bin/python
fi
# PyInstaller reads binaries with objdump and strips with strip (binutils); desktop-file-validate
# checks the menu entry. A bare Debian machine lacks both.
if command -v dpkg-query >/dev/null; then
  need_debs=()
  command -v objdump >/dev/null || need_debs+=(binutils)
  command -v desktop-file-validate >/dev/null || need_debs+=(desktop-file-utils)
  if [ ${#need_debs[@]} -gt 0 ]; then
    echo "Installing system packages: ${need_debs[*]}"
    sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_debs[@]}" >/dev/null
  fi
fi
version=$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')

start=$SECONDS
# This checkout's planner package, whatever the interpreter has installed (the spec checks it).
PYTHONPATH="$root" "$python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath build/dist --workpath build/pyinstaller packaging/planner.spec
echo "built build/dist/planner in $((SECONDS - start)) s ($(du -sh build/dist/planner | cut -f1))"

if ! command -v dpkg-deb >/dev/null; then
  echo "no dpkg-deb here: the .deb is made on Debian or Ubuntu; build/dist/planner/ runs as it is"
  exit 0
fi

# The package's tree: the program in /opt, the command on the PATH, the menu entry and icons.
package=judge-workload-planner
arch=$(dpkg --print-architecture)
deb="build/${package}_${version}_${arch}.deb"
tree=build/deb
rm -rf "$tree"
mkdir -p "$tree/DEBIAN" "$tree/opt" "$tree/usr/bin" "$tree/usr/share/applications" \
  "$tree/usr/share/doc/$package" "$tree/usr/share/icons/hicolor/scalable/apps"
cp -a build/dist/planner "$tree/opt/$package"
ln -s "../../opt/$package/planner" "$tree/usr/bin/planner"
desktop-file-validate packaging/linux/$package.desktop
cp packaging/linux/$package.desktop "$tree/usr/share/applications/"
for png in resources/icons/hicolor/*/apps/$package.png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  install -D -m 644 "$png" "$tree/usr/share/icons/hicolor/$size/apps/$package.png"
done
cp resources/icons/$package.svg "$tree/usr/share/icons/hicolor/scalable/apps/"
cp packaging/linux/copyright "$tree/usr/share/doc/$package/copyright"
for script in postinst postrm; do
  install -m 755 "packaging/linux/$script" "$tree/DEBIAN/$script"
done
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" \
  -e "s/@SIZE@/$(du -sk --exclude=DEBIAN "$tree" | cut -f1)/" \
  packaging/linux/control >"$tree/DEBIAN/control"
chmod -R u+rwX,go+rX,go-w "$tree"

start=$SECONDS
# gzip: xz takes minutes over 200 MB on two cores, and every dpkg reads gzip.
dpkg-deb --root-owner-group -Zgzip -z6 --build "$tree" "$deb" >/dev/null
rm -rf "$tree"
echo "made $deb in $((SECONDS - start)) s ($(du -h "$deb" | cut -f1))"
