#!/usr/bin/env bash
# The README's two commands on bare Debian machines, as a new user would run them.
#
# Makes a bare Debian 12 (bookworm) and a bare Debian 13 (trixie) root with debootstrap (variant
# minbase: no python3, no Qt libraries, no sudo, no fonts), copies this working tree into each
# (its tracked and new files, as a clone would have them) and runs there with chroot:
#   1. norights  as an account without sudo, `bash packaging/run.sh --self-test`: must stop with
#                the apt-get command line to run, and leave no .venv;
#   2. test      as root, the README's test command `bash packaging/test.sh -m "not slow"`
#                (`--full`: the whole suite, with the slow installer test);
#   3. run       as root, the README's run command as `bash packaging/run.sh --self-test` (the
#                window offscreen); then `again`: set-up once more prints nothing (no apt-get);
#   4. xcb       Qt's xcb platform plugin finds every library it loads (ldd), and the self-test's
#                window opens on a real X screen (Xvfb, installed for this check only);
#   5. user      as the account, in its own copy: `bash packaging/run.sh --self-test`, then in a
#                new login shell the README's `planner demo --db court.sqlite` and
#                `planner forecast --db court.sqlite`.
# A release whose python3 is older than 3.11 (bullseye) checks instead that set-up refuses in
# one sentence and installs nothing: with no python3 (from the version apt offers), then with
# python3 3.9 installed, as the account and as root.
#
# Usage: bash packaging/fresh-machine.sh [--full] [--cache DIR] [--keep] [RELEASE...]
#   RELEASE      default: bookworm trixie
#   --cache DIR  keep each bare root as DIR/RELEASE.tar and reuse it (skips debootstrap)
#   --keep       keep the roots afterwards (the folder is printed)
# Needs root (debootstrap, mount, chroot) and the network (deb.debian.org, PyPI); minutes per
# release. Prints one line per step and a table at the end; exit 1 when a step failed. Not for CI.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
mirror="http://deb.debian.org/debian"
full=0; cache=""; keep=0; releases=()
while [ $# -gt 0 ]; do
  case "$1" in
    --full) full=1 ;;
    --cache) cache="$2"; shift ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fresh-machine: unknown option $1 (see --help)" >&2; exit 1 ;;
    *) releases+=("$1") ;;
  esac
  shift
done
[ ${#releases[@]} -gt 0 ] || releases=(bookworm trixie)
[ "$(id -u)" -eq 0 ] || { echo "fresh-machine: needs root (debootstrap, mount and chroot)" >&2; exit 1; }

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
if ! command -v debootstrap >/dev/null; then
  log "installing debootstrap"
  apt-get install -y -qq debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
fi

work="$(mktemp -d /var/tmp/planner-fresh.XXXXXX)"
chmod 700 "$work"
mounted=()   # roots with /proc, /sys and /dev mounted
results=()   # "release|step|PASS or FAIL|seconds|note"

kill_inside() {  # processes still running in a root (started by these steps)
  local root="$1" pid
  for pid in /proc/[0-9]*; do
    [ "$(readlink "$pid/root" 2>/dev/null)" = "$root" ] && kill -9 "${pid#/proc/}" 2>/dev/null || true
  done
}
unmount_root() {
  local root="$1"
  kill_inside "$root"
  local point
  for point in dev sys proc; do
    mountpoint -q "$root/$point" || continue
    umount -R "$root/$point" 2>/dev/null || umount -R -l "$root/$point" || true
  done
}
cleanup() {
  local root
  for root in "${mounted[@]}"; do unmount_root "$root"; done
  if findmnt -rn -o TARGET | grep -q "^$work/"; then
    log "something is still mounted under $work: left in place"
  elif [ $keep -eq 1 ]; then
    log "roots kept in $work"
  else
    rm -rf --one-file-system "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

record() { results+=("$1|$2|$3|$4|$5"); log "$1 $2: $3 in $4 s${5:+ ($5)}"; }

chroot="$(command -v chroot)"
# Where the network goes through a TLS-inspecting proxy (as on the machines this was written on),
# the host's CA bundle named by SSL_CERT_FILE is copied into each root and named to pip and uv
# there the same way; a machine with a plain connection to PyPI sets nothing.
ca_env=()
if [ -n "${SSL_CERT_FILE:-}" ] && [ -r "$SSL_CERT_FILE" ]; then
  ca_env=(SSL_CERT_FILE=/opt/host-ca-bundle.crt PIP_CERT=/opt/host-ca-bundle.crt)
fi
# The commands run in a root: a clean environment, no terminal (as a script or CI would).
in_root() {  # root, command (as root)
  env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 TERM=dumb "${ca_env[@]}" "$chroot" "$1" bash -c "$2" </dev/null
}
as_user() {  # root, command (as the account `judge`, in a login shell)
  env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb "${ca_env[@]}" "$chroot" "$1" \
    runuser -l judge -w SSL_CERT_FILE,PIP_CERT -c "$2" </dev/null
}
timed() {  # log file, then the command and its arguments: sets $took and $status
  local begin=$SECONDS
  set +e
  "${@:2}" >"$1" 2>&1 &   # waited for in the background: a TERM stops the script at once
  wait $!
  status=$?
  set -e
  took=$((SECONDS - begin))
  # Set-up's steps and the end of the output (more of it when the step failed).
  { grep '^setup: ' "$1" || true; echo "..."; tail -n "$([ $status -eq 0 ] && echo 6 || echo 40)" "$1"; } | sed 's/^/    | /'
}

bare_root() {  # release, root
  local release="$1" root="$2" begin=$SECONDS
  mkdir -p "$root"
  if [ -n "$cache" ] && [ -s "$cache/$release.tar" ]; then
    tar -C "$root" -xf "$cache/$release.tar"
    record "$release" debootstrap PASS $((SECONDS - begin)) "bare root from $cache/$release.tar"
    return 0
  fi
  if ! debootstrap --variant=minbase "$release" "$root" "$mirror" >"$work/$release-debootstrap.log" 2>&1; then
    tail -n 20 "$work/$release-debootstrap.log"
    record "$release" debootstrap FAIL $((SECONDS - begin)) "see the lines above"
    return 1
  fi
  record "$release" debootstrap PASS $((SECONDS - begin)) "minbase from $mirror"
  if [ -n "$cache" ]; then mkdir -p "$cache"; tar -C "$root" -cf "$cache/$release.tar" .; fi
}

prepare_root() {  # root: network, mounts, the account, the two copies of the working tree
  local root="$1"
  rm -f "$root/etc/resolv.conf"; cp -L /etc/resolv.conf "$root/etc/resolv.conf"
  [ ${#ca_env[@]} -eq 0 ] || install -m 644 "$SSL_CERT_FILE" "$root/opt/host-ca-bundle.crt"
  mount -t proc proc "$root/proc"
  mount -t sysfs sysfs "$root/sys"
  mount --rbind /dev "$root/dev"; mount --make-rslave "$root/dev"
  mounted+=("$root")
  in_root "$root" "useradd -m -s /bin/bash judge"
  local files; files="$(mktemp)"
  git -C "$repo" ls-files -z --cached --others --exclude-standard >"$files"
  for dest in "$root/root/planner" "$root/home/judge/planner"; do
    mkdir -p "$dest"
    tar -C "$repo" --null -T "$files" --ignore-failed-read -cf - 2>/dev/null | tar -C "$dest" -xf -
  done
  rm -f "$files"
  in_root "$root" "chown -R judge:judge /home/judge/planner"
}

no_venv() { [ ! -e "$1/.venv" ]; }

check_release() {  # release
  local release="$1"
  local root="$work/$release" logs="$work/logs"
  mkdir -p "$logs"
  log "== $release"
  bare_root "$release" "$root" || return 0
  prepare_root "$root"
  log "$release: $(in_root "$root" '. /etc/os-release; echo "$PRETTY_NAME"'), glibc $(in_root "$root" 'ldd --version | head -n1 | grep -o "[0-9.]*$"'), python3: $(in_root "$root" 'command -v python3 || echo none')"

  local offered
  offered="$(in_root "$root" "apt-get update -qq >/dev/null 2>&1; apt-cache policy python3 | sed -n 's/^ *Candidate: \([0-9]*\.[0-9]*\).*/\1/p'")"
  if [ "$(printf '%s\n3.11\n' "$offered" | sort -V | head -n1)" != "3.11" ]; then
    older_python "$release" "$root" "$offered"
    return 0
  fi

  # 1. An account without sudo on the bare machine: the exact command, nothing half-made.
  timed "$logs/$release-norights.log" as_user "$root" "cd ~/planner && bash packaging/run.sh --self-test"
  if [ $status -ne 0 ] && grep -q "sudo apt-get update && sudo apt-get install .*python3" "$logs/$release-norights.log" \
     && no_venv "$root/home/judge/planner"; then
    record "$release" norights PASS $took "exit $status, the apt-get line, no .venv"
  else
    record "$release" norights FAIL $took "exit $status; .venv: $( no_venv "$root/home/judge/planner" && echo none || echo left)"
  fi

  # 2. The README's test command, as root (installs python3, venv, Qt's libraries).
  local pytest_args='-m "not slow"'
  [ $full -eq 1 ] && pytest_args=""
  timed "$logs/$release-test.log" in_root "$root" "cd /root/planner && bash packaging/test.sh $pytest_args"
  local summary
  summary="$(grep -E '^=+ .*(passed|failed|error).* =+$' "$logs/$release-test.log" | tail -n1 | tr -d '=' | sed 's/^ *//; s/ *$//' || true)"
  record "$release" test "$([ $status -eq 0 ] && echo PASS || echo FAIL)" $took "exit $status: ${summary:-no pytest summary}"
  grep -E '^(FAILED|ERROR) ' "$logs/$release-test.log" | sed "s/^/    $release /" || true

  # 3. The README's run command, the window offscreen.
  timed "$logs/$release-run.log" in_root "$root" "cd /root/planner && bash packaging/run.sh --self-test"
  record "$release" run "$([ $status -eq 0 ] && echo PASS || echo FAIL)" $took "exit $status: bash packaging/run.sh --self-test"

  # Set-up again: quiet, and no apt-get (it checks the libraries, which are there now).
  timed "$logs/$release-again.log" in_root "$root" "cd /root/planner && bash packaging/setup.sh test,build && bash packaging/setup.sh"
  if [ $status -eq 0 ] && [ ! -s "$logs/$release-again.log" ]; then
    record "$release" again PASS $took "setup.sh test,build, then setup.sh: nothing to do, nothing printed"
  else
    record "$release" again FAIL $took "exit $status; it printed $(wc -l <"$logs/$release-again.log") lines"
  fi

  # 4. A real window: every library of the xcb platform found, and the window on an X screen.
  timed "$logs/$release-xcb.log" in_root "$root" '
    cd /root/planner
    plugin="$(ls .venv/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so)"
    if ldd "$plugin" | grep "not found"; then echo "the xcb platform lacks the libraries above"; exit 1; fi
    echo "libqxcb.so: every library found"
    apt-get install -y -qq xvfb xauth >/dev/null 2>&1 || { echo "could not install xvfb"; exit 1; }
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/planner --self-test'
  record "$release" xcb "$([ $status -eq 0 ] && echo PASS || echo FAIL)" $took "exit $status: ldd libqxcb.so, then the self-test with QT_QPA_PLATFORM=xcb under Xvfb"

  # 5. The account's own copy, now that the system packages are there; then `planner` as the
  #    README shows it, in a new login shell.
  timed "$logs/$release-user.log" as_user "$root" "cd ~/planner && bash packaging/run.sh --self-test"
  record "$release" user-run "$([ $status -eq 0 ] && echo PASS || echo FAIL)" $took "exit $status: bash packaging/run.sh --self-test as judge"
  timed "$logs/$release-planner.log" as_user "$root" "cd ~ && command -v planner && planner demo --db court.sqlite && planner forecast --db court.sqlite"
  record "$release" planner "$([ $status -eq 0 ] && echo PASS || echo FAIL)" $took "exit $status: planner demo, planner forecast in a new login shell"

  unmount_root "$root"
}

older_python() {  # release, root, the python3 version the release offers
  local release="$1" root="$2" offered="$3" before after
  log "$release offers python3 $offered: set-up must refuse in one sentence and install nothing"
  timed "$logs/$release-oldpython-bare.log" as_user "$root" "cd ~/planner && bash packaging/run.sh --self-test"
  if [ $status -ne 0 ] && grep -q "needs Python 3.11 or later, and .* offers python3 $offered" "$logs/$release-oldpython-bare.log" \
     && no_venv "$root/home/judge/planner"; then
    record "$release" old-python-bare PASS $took "no python3: exit $status, the sentence, no .venv"
  else
    record "$release" old-python-bare FAIL $took "no python3: exit $status"
  fi
  in_root "$root" "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >/dev/null 2>&1"
  before="$(in_root "$root" "dpkg-query -W | wc -l")"
  timed "$logs/$release-oldpython-user.log" as_user "$root" "cd ~/planner && bash packaging/run.sh --self-test"
  if [ $status -ne 0 ] && grep -q "needs Python 3.11 or later" "$logs/$release-oldpython-user.log" && no_venv "$root/home/judge/planner"; then
    record "$release" old-python-user PASS $took "exit $status, the sentence, no .venv"
  else
    record "$release" old-python-user FAIL $took "exit $status"
  fi
  timed "$logs/$release-oldpython-root.log" in_root "$root" "cd /root/planner && bash packaging/run.sh --self-test"
  after="$(in_root "$root" "dpkg-query -W | wc -l")"
  if [ $status -ne 0 ] && grep -q "needs Python 3.11 or later" "$logs/$release-oldpython-root.log" \
     && no_venv "$root/root/planner" && [ "$before" = "$after" ]; then
    record "$release" old-python-root PASS $took "exit $status, the sentence, no .venv, $before packages before and after"
  else
    record "$release" old-python-root FAIL $took "exit $status; packages $before before, $after after"
  fi
  unmount_root "$root"
}

log "working tree: $repo ($(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD || echo ', with changes')); roots in $work"
for release in "${releases[@]}"; do
  check_release "$release"
done

echo
echo "| release | step | result | seconds | note |"
echo "|---|---|---|---|---|"
failed=0
for row in "${results[@]}"; do
  IFS='|' read -r rel step result secs note <<<"$row"
  echo "| $rel | $step | $result | $secs | $note |"
  [ "$result" = PASS ] || failed=1
done
exit $failed
