#!/usr/bin/env bash
# Installs what Jordressource needs to run, test and demonstrate itself, and nothing twice.
# QGIS and the geo libraries come from the distribution so that they link one GDAL and PROJ;
# only pure-Python test tools go into .venv (made with --system-site-packages).
set -euo pipefail
cd "$(dirname "$0")/.."

# python3-rtree: geopandas's spatial index on shapely 1.8; pyqt5-dev-tools and qttools5-dev-tools:
# pylupdate5 and lrelease for the Danish catalogue; xauth: xvfb-run needs it (Debian 13 does not
# pull it in); postgresql + postgresql-postgis: the tests'
# own throw-away PostGIS server, python3-psycopg2 its tests' client (the plugin itself goes through
# QGIS); python3-networkx: a baseline in the benchmarks. The same names exist on Debian 12, 13
# and testing (forky), as `make test-matrix` shows by installing them.
DEBS=(qgis python3-qgis qgis-providers python3-geopandas python3-rasterio python3-scipy
      python3-matplotlib python3-rtree python3-networkx python3-venv python3-pip xvfb xauth
      poppler-utils pyqt5-dev-tools qttools5-dev-tools postgresql postgresql-postgis
      python3-psycopg2)
VENV=.venv

case "${1:-}" in
  "") mode=all ;;
  --print-debs) mode=print ;;   # the Debian package list, for scripts/matrix.sh's cache stamp
  --debs-only) mode=debs ;;     # install the Debian packages, make no .venv
  *) echo "usage: scripts/setup.sh [--print-debs | --debs-only]" >&2; exit 2 ;;
esac
if [ "$mode" = print ]; then echo "${DEBS[*]}"; exit 0; fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${DEBS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: these Debian/Ubuntu packages are missing: ${missing[*]}"
    echo "Run, as root or with sudo:"
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
    echo "On other systems install QGIS >= 3.22 with its Python bindings, geopandas, rasterio,"
    echo "scipy and matplotlib, then run 'make setup' again."
    exit 1
  fi
elif ! command -v dpkg-query >/dev/null 2>&1; then
  if ! /usr/bin/env python3 -c "import qgis.core, geopandas, rasterio, scipy" 2>/dev/null; then
    echo "setup: not a Debian-like system and QGIS's Python bindings with geopandas, rasterio"
    echo "and scipy are not importable. Install QGIS >= 3.22 and those libraries, then run"
    echo "'make setup' again."
    exit 1
  fi
fi

[ "$mode" = debs ] && exit 0

PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=$(command -v python3)
qgis_int=$("$PYTHON" -c "from qgis.core import Qgis; print(Qgis.QGIS_VERSION_INT)" 2>/dev/null || echo 0)
if [ "$qgis_int" -ge 33400 ]; then pytest_qgis="pytest-qgis>=3,<4"; else pytest_qgis="pytest-qgis<3"; fi

stamp="$VENV/.jordressource-setup"
want="$(cat requirements-test.txt) $pytest_qgis $("$PYTHON" --version)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$VENV/bin/python" ]; then
  exit 0
fi
echo "setup: preparing $VENV (QGIS $qgis_int, $pytest_qgis)"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv --system-site-packages "$VENV"
# Debian's pyproj looks for PROJ's data under sys.prefix, which in a venv is the venv itself.
if [ -d /usr/share/proj ] && [ ! -e "$VENV/share/proj" ]; then
  mkdir -p "$VENV/share" && ln -s /usr/share/proj "$VENV/share/proj"
fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements-test.txt "$pytest_qgis"
printf '%s' "$want" >"$stamp"
