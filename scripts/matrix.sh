#!/usr/bin/env bash
# Runs the project's own `make test` against the QGIS of other Debian releases, each in a root
# filesystem made with debootstrap: trixie (QGIS 3.40 LTR) and forky (QGIS 3.44 LTR) by default.
#
#   sudo make test-matrix                 (all suites)
#   sudo scripts/matrix.sh forky          (one suite)
#
# The roots are made from the Debian archive the host's apt already uses, with the host's apt and
# pip configuration and CA bundle copied in, so that installs inside work exactly as on the host.
# They are cached under $MATRIX_CACHE (default /var/cache/jordressource) and reused while their
# stamps (archive + suite, then the package list) match. The checkout is copied into each root,
# never bind-mounted: the root's .venv is made inside it by scripts/setup.sh and never shared with
# the host. /proc, /sys, /dev, /dev/pts are mounted for the run and always unmounted, also when a
# test fails or the run is interrupted. One summary line per QGIS version; exit 1 if any failed,
# 2 when the matrix cannot run at all (not root, no debootstrap, no network to the archive).
set -euo pipefail

HERE=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${MATRIX_CACHE:-/var/cache/jordressource}
SUITES=("$@")
[ ${#SUITES[@]} -gt 0 ] || SUITES=(trixie forky)
# What `make test` needs before scripts/setup.sh runs (git: test_translations lists the plugin's
# sources with `git ls-files`).
BASE_PACKAGES=ca-certificates,make,git
CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
SRC=/srv/jordressource   # where the checkout is copied inside each root

say() { echo "matrix: $*"; }
die() { echo "matrix: $*" >&2; exit 2; }
now() { date +%s; }

# ---- bad input first: root, tools, debootstrap ----------------------------------------------------
[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot and mount do): run 'sudo make test-matrix'"
for tool in chroot mount umount findmnt flock setsid; do
  command -v "$tool" >/dev/null || die "'$tool' is missing (util-linux / coreutils)"
done
# Like scripts/setup.sh: as root on a Debian-like host, install what is missing; else say what.
if ! command -v debootstrap >/dev/null; then
  command -v apt-get >/dev/null \
    || die "debootstrap is missing: install it (Debian/Ubuntu: apt-get install debootstrap)"
  say "debootstrap is missing: installing it (apt-get install debootstrap)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap; } \
      >/dev/null 2>&1 || ! command -v debootstrap >/dev/null; then
    die "debootstrap is missing and 'apt-get install debootstrap' failed (no network to the archive?)"
  fi
fi

# ---- the host's Debian archive -------------------------------------------------------------------
host_sources() {  # "URI SUITE" for every enabled deb source of the host
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'BEGIN { RS = "" }
      { types = ""; uris = ""; suites = ""; enabled = "yes"
        n = split($0, lines, "\n")
        for (i = 1; i <= n; i++) {
          line = lines[i]; if (line ~ /^#/) continue
          if (line ~ /^Types:/) types = substr(line, 7)
          if (line ~ /^URIs:/) uris = substr(line, 6)
          if (line ~ /^Suites:/) suites = substr(line, 8)
          if (line ~ /^Enabled:/) enabled = substr(line, 9)
        }
        if (types !~ /(^| )deb( |$)/ || enabled ~ /no/) next
        split(uris, u, " "); ns = split(suites, s, " ")
        for (j = 1; j <= ns; j++) if (u[1] != "") print u[1], s[j]
      }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    sed -e 's/\[[^]]*\]//' "$f" | awk '$1 == "deb" { print $2, $3 }'
  done
}
codename=$( . /etc/os-release 2>/dev/null; echo "${VERSION_CODENAME:-}")
sources=$(host_sources)
# The archive of the host's own release (else the first non-security one), and its security archive.
MIRROR=${MATRIX_MIRROR:-$(awk -v cn="$codename" '$2 == cn { print $1; exit }' <<<"$sources")}
MIRROR=${MIRROR:-$(awk '$2 !~ /-security$/ { print $1; exit }' <<<"$sources")}
SECURITY_MIRROR=${MATRIX_SECURITY_MIRROR:-$(awk '$2 ~ /-security$/ { print $1; exit }' <<<"$sources")}
[ -n "$MIRROR" ] || die "found no Debian archive in /etc/apt/sources.list*; set MATRIX_MIRROR=URL"
MIRROR=${MIRROR%/}; SECURITY_MIRROR=${SECURITY_MIRROR%/}

reachable() {  # dies unless the suite's InRelease answers from the archive
  local url="$MIRROR/dists/$1/InRelease" ok=0
  if command -v curl >/dev/null; then curl -fsS --max-time 30 -o /dev/null "$url" || ok=1
  elif command -v wget >/dev/null; then wget -q -T 30 -O /dev/null "$url" || ok=1
  else /usr/bin/python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=30)' "$url" || ok=1
  fi
  [ "$ok" = 0 ] || die "cannot reach the Debian archive at $url: the matrix needs network to the package archive to $2"
}
suite_kind() { case $1 in forky|testing|sid|unstable) echo testing;; *) echo stable;; esac; }

# ---- processes and mounts: everything this run started or mounted is undone on every exit -------
ROOTS_IN_USE=()
CHILD=
run_child() {
  # In its own process group and waited for in the background, so that an interrupt reaches the
  # trap at once and the whole group (debootstrap, apt, the test run) can be ended by its id.
  setsid "$@" &
  CHILD=$!
  local rc=0
  wait "$CHILD" || rc=$?
  CHILD=
  return "$rc"
}
mounts_under() {  # mount points at or below $1, deepest first
  findmnt -rn -o TARGET | awk -v p="$1" 'index($0, p "/") == 1 || $0 == p' | sort -r
}
stop_processes_in() {  # processes still running inside the root (a test's server, gpg-agent)
  local root=$1 pid link pids=()
  for pid in /proc/[0-9]*; do
    link=$(readlink "$pid/root" 2>/dev/null) || continue
    [ "$link" = "$root" ] && pids+=("${pid#/proc/}")
  done
  [ ${#pids[@]} -eq 0 ] && return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  sleep 2
  kill -KILL "${pids[@]}" 2>/dev/null || true
}
release() {  # stop what runs in the root, unmount everything below it; fail if a mount remains
  local root=$1 m
  stop_processes_in "$root"
  while read -r m; do
    [ -n "$m" ] || continue
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || echo "matrix: could not unmount $m" >&2
  done < <(mounts_under "$root")
  [ -z "$(mounts_under "$root")" ]
}
cleanup() {
  local r
  if [ -n "$CHILD" ]; then
    kill -TERM -- "-$CHILD" 2>/dev/null || true
    sleep 1
    kill -KILL -- "-$CHILD" 2>/dev/null || true
  fi
  for r in "${ROOTS_IN_USE[@]}"; do release "$r" || true; done
  ROOTS_IN_USE=()
}
trap cleanup EXIT
trap 'echo "matrix: interrupted" >&2; exit 130' INT TERM HUP

PIP_CONFIGS=(/etc/pip.conf /etc/xdg/pip/pip.conf /root/.config/pip/pip.conf /root/.pip/pip.conf)
[ -n "${PIP_CONFIG_FILE:-}" ] && PIP_CONFIGS+=("$PIP_CONFIG_FILE")
pip_referenced_paths() {  # absolute paths the pip configuration names (find-links, constraints, ...)
  { for f in "${PIP_CONFIGS[@]}"; do [ -f "$f" ] && cat "$f"; done
    env | grep '^PIP_' || true; } \
    | grep -oE '(file://)?/[^ "=]+' | sed 's|^file://||' | sort -u
}
pip_local_dirs() {  # package directories: bind-mounted read-only (files are copied instead)
  local d
  for d in $(pip_referenced_paths); do
    [ -d "$d" ] && [ "${d#/etc}" = "$d" ] || continue
    # A local PEP 503 index (…/simple) links its files relative to the index root.
    [ "$(basename "$d")" = simple ] && d=$(dirname "$d")
    echo "$d"
  done | sort -u
}

mount_root() {
  local root=$1 d
  ROOTS_IN_USE+=("$root")
  release "$root" || die "stale mounts under $root could not be removed"
  mount -t proc proc "$root/proc"
  mount -t sysfs -o ro sysfs "$root/sys"
  mount --bind /dev "$root/dev"
  mount --bind /dev/pts "$root/dev/pts"
  mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
  for d in $(pip_local_dirs); do bind_ro "$d" "$root$d"; done
  # No ../shared beside the copy: the suite must pass from a bare clone (test/data holds its data).
  return 0
}
bind_ro() { mkdir -p "$2" && mount --bind "$1" "$2" && mount -o remount,bind,ro "$2"; }
safe_remove() {  # rm -rf a root only once nothing is mounted below it
  release "$1" || die "refusing to remove $1: mounts remain below it"
  rm -rf --one-file-system "$1"
}

# ---- the host's configuration, copied into a root -----------------------------------------------
# cp --remove-destination everywhere: a symlink inside the root must never be written through.
copy_ca_bundle() {
  [ -f "$CA_BUNDLE" ] || return 0
  mkdir -p "$1$(dirname "$CA_BUNDLE")"
  cp --remove-destination "$CA_BUNDLE" "$1$CA_BUNDLE"
}
copy_host_config() {
  local root=$1 suite=$2 f
  mkdir -p "$root/etc/apt/apt.conf.d" "$root/etc/apt/auth.conf.d"
  cp -a --remove-destination /etc/apt/apt.conf.d/. "$root/etc/apt/apt.conf.d/"
  [ -d /etc/apt/auth.conf.d ] && cp -a --remove-destination /etc/apt/auth.conf.d/. "$root/etc/apt/auth.conf.d/"
  # A testing suite's Release may be past its Valid-Until date on a frozen archive.
  printf 'Acquire::Check-Valid-Until "false";\n' >"$root/etc/apt/apt.conf.d/99jordressource-matrix"
  {
    echo "deb $MIRROR $suite main"
    if [ "$(suite_kind "$suite")" = stable ]; then
      echo "deb $MIRROR $suite-updates main"
      [ -n "$SECURITY_MIRROR" ] && echo "deb $SECURITY_MIRROR $suite-security main"
    fi
  } >"$root/etc/apt/sources.list"
  rm -f "$root/etc/apt/sources.list.d/debian.sources"
  for f in "${PIP_CONFIGS[@]}" $(pip_referenced_paths); do
    [ -f "$f" ] && mkdir -p "$root$(dirname "$f")" && cp --remove-destination "$f" "$root$f"
  done
  copy_ca_bundle "$root"
  cp --remove-destination /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  # Services never start inside the root (postgresql's package would start a cluster otherwise).
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
}

root_cmd() {  # ROOT_CMD: chroot into $1 with a clean environment (plus network and pip settings)
  local v pass=()
  for v in $(compgen -e); do
    case $v in
      http_proxy|https_proxy|no_proxy|HTTP_PROXY|HTTPS_PROXY|NO_PROXY|PIP_*|CI) pass+=("$v=${!v}");;
    esac
  done
  ROOT_CMD=(chroot "$1" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen
    SSL_CERT_FILE="$CA_BUNDLE" REQUESTS_CA_BUNDLE="$CA_BUNDLE" PIP_CERT="$CA_BUNDLE" "${pass[@]}")
}
in_root() { local root=$1; shift; root_cmd "$root"; "${ROOT_CMD[@]}" "$@"; }

copy_checkout() {  # the working tree as git sees it (tracked + untracked, not ignored); keeps .venv
  local root=$1 dest=$1$SRC keep=$1/srv/.venv-kept
  rm -rf --one-file-system "$keep"
  [ -d "$dest/.venv" ] && mv "$dest/.venv" "$keep"
  rm -rf --one-file-system "$dest"
  mkdir -p "$dest"
  if git -C "$HERE" rev-parse --git-dir >/dev/null 2>&1; then
    (cd "$HERE" && git ls-files -z -co --exclude-standard \
       | tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$dest"
  else
    (cd "$HERE" && tar --exclude=./.venv -cf - .) | tar -xf - -C "$dest"
  fi
  [ -d "$keep" ] && mv "$keep" "$dest/.venv"
  # The tests list the plugin's sources with `git ls-files`: an index of the same files.
  in_root "$root" sh -c "cd $SRC && git init -q && git add -A" >/dev/null
}

# ---- one suite -----------------------------------------------------------------------------------
build_root() {  # debootstrap, cached by a stamp of archive + suite + script + base packages
  local suite=$1 root=$2 script want log=$CACHE/logs/$1-debootstrap.log
  script=$suite
  [ -e "/usr/share/debootstrap/scripts/$suite" ] || script=sid   # e.g. forky on Debian 12
  want="$MIRROR $suite script=$script include=$BASE_PACKAGES"
  [ "$(cat "$root/.jordressource/debootstrap" 2>/dev/null)" = "$want" ] && return 0
  reachable "$suite" "build its $suite root"
  say "$suite: debootstrap from $MIRROR (script $script) into $root"
  safe_remove "$root.partial"
  safe_remove "$root"
  ROOTS_IN_USE+=("$root.partial")
  if ! run_child debootstrap --variant=minbase --components=main --include="$BASE_PACKAGES" \
        "$suite" "$root.partial" "$MIRROR" "/usr/share/debootstrap/scripts/$script" >"$log" 2>&1; then
    tail -n 15 "$log" >&2
    safe_remove "$root.partial"
    die "$suite: debootstrap failed (log: $log)"
  fi
  release "$root.partial" || die "mounts remain under $root.partial"
  mv "$root.partial" "$root"
  mkdir -p "$root/.jordressource"
  printf '%s' "$want" >"$root/.jordressource/debootstrap"
}

install_stack() {  # QGIS and the stack, installed by the project's own scripts/setup.sh
  local suite=$1 root=$2 want log=$CACHE/logs/$1-install.log
  want="$(in_root "$root" bash "$SRC/scripts/setup.sh" --print-debs)" \
    || die "$suite: scripts/setup.sh --print-debs failed inside the root"
  [ "$(cat "$root/.jordressource/packages" 2>/dev/null)" = "$want" ] && return 0
  reachable "$suite" "install the stack into the $suite root"
  say "$suite: installing $want"
  root_cmd "$root"
  # dpkg --configure -a first: an install interrupted in an earlier run is finished, not retried.
  if ! run_child bash -c '"$@" dpkg --configure -a && "$@" bash "$0"/scripts/setup.sh --debs-only' \
        "$SRC" "${ROOT_CMD[@]}" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    return 1
  fi
  copy_ca_bundle "$root"   # ca-certificates inside rewrote it without the host's own CAs
  printf '%s' "$want" >"$root/.jordressource/packages"
}

SUMMARY=()
TOTALS=()
FAILED=0
run_suite() {
  local suite=$1 root=$CACHE/roots/$1 t0 t1 t2 t3 rc=0 qgis result verdict="" lock
  local log=$CACHE/logs/$1-test.log
  t0=$(now)
  # One run per root at a time: a second `make test-matrix` waits instead of unmounting this one.
  exec {lock}>"$root.lock"
  if ! flock -n "$lock"; then
    say "$suite: another matrix run is using $root; waiting for it"
    flock "$lock"
  fi
  build_root "$suite" "$root"
  t1=$(now)
  copy_host_config "$root" "$suite"
  mount_root "$root"
  copy_checkout "$root"
  if ! install_stack "$suite" "$root"; then
    release "$root" || die "mounts remain under $root"
    SUMMARY+=("matrix: ($suite): FAILED installing the stack (log: $CACHE/logs/$suite-install.log)")
    FAILED=1
    exec {lock}>&-
    return 0
  fi
  t2=$(now)
  qgis=$(in_root "$root" python3 -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION.split("-")[0])' \
         2>/dev/null || echo "?")
  say "$suite: QGIS $qgis: make test (log: $log)"
  root_cmd "$root"
  run_child bash -c 'set -o pipefail; "$@" 2>&1 | tee "$0"' "$log" "${ROOT_CMD[@]}" \
    make -C "$SRC" --no-print-directory test || rc=$?
  t3=$(now)
  release "$root" || die "mounts remain under $root"
  exec {lock}>&-
  # pytest's own closing line, e.g. "===== 1 failed, 328 passed, 2 skipped in 151.2s ====="
  result=$(grep -E '^=+ .*(passed|failed|error|no tests ran).* in [0-9.]+s' "$log" | tail -n 1 \
           | sed -E 's/^=+ //; s/ in [0-9.]+s.*//' || true)
  [ -n "$result" ] || result="no pytest summary"
  if [ "$rc" -ne 0 ]; then   # pytest's exit 5 (no tests) fails `make test` too: never a success
    FAILED=1
    verdict=" - FAILED (make test exit $rc, log: $log)"
  fi
  SUMMARY+=("matrix: QGIS $qgis ($suite): $result$verdict [root $((t1 - t0)) s, install $((t2 - t1)) s, suite $((t3 - t2)) s]")
  TOTALS+=("$result")
}

mkdir -p "$CACHE/roots" "$CACHE/logs"
start=$(now)
for suite in "${SUITES[@]}"; do
  run_suite "$suite"
done
cleanup

passed=0; failed=0
for r in "${TOTALS[@]}"; do
  for n in $(grep -oE '[0-9]+ passed' <<<"$r" | grep -oE '[0-9]+'); do passed=$((passed + n)); done
  for n in $(grep -oE '[0-9]+ (failed|errors?)' <<<"$r" | grep -oE '[0-9]+'); do failed=$((failed + n)); done
done
echo
printf '%s\n' "${SUMMARY[@]}"
echo "matrix: ${#SUITES[@]} QGIS versions in $(( $(now) - start )) s (cache: $CACHE)"
echo "matrix: $passed passed, $failed failed"
exit "$FAILED"
