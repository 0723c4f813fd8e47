#!/usr/bin/env bash
# One-command set-up on a fresh Debian machine with Python 3.11.
#   scripts/bootstrap.sh run   — install Song Ngữ into .venv and launch it on its bundled sample
#   scripts/bootstrap.sh test  — install the test dependencies, check lint, format and types
#                                (ruff, mypy), and run the whole test suite
# It installs the Debian libraries Qt needs (xcb platform plugin, EGL, fontconfig) and a font with
# full Vietnamese coverage, using sudo when not run as root.
set -euo pipefail
mode=${1:-run}
shift || true
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

# Without the xcb-* libraries Qt 6.5+ dies with "could not load the Qt platform plugin xcb".
DEBIAN_PACKAGES="libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
 libfreetype6 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
 libx11-xcb1 fonts-noto-core fonts-dejavu-core"

install_debian_packages() {
    command -v dpkg-query >/dev/null || return 0
    local missing=() pkg
    for pkg in $DEBIAN_PACKAGES; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    "$PYTHON" -c "import ensurepip" 2>/dev/null || missing+=("python3-venv")
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing Debian packages: ${missing[*]}"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# The tests read exported PDFs back with pdftotext.
[ "$mode" = test ] && DEBIAN_PACKAGES="$DEBIAN_PACKAGES poppler-utils"
install_debian_packages
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip

case "$mode" in
    run)
        .venv/bin/python -m pip install -q .
        exec .venv/bin/songngu "$@"
        ;;
    test)
        .venv/bin/python -m pip install -q -e ".[test]"
        .venv/bin/ruff check .
        .venv/bin/ruff format --check .
        .venv/bin/mypy  # strict on archive/ and index/ (pyproject.toml [tool.mypy])
        exec .venv/bin/python -m pytest -q "$@"
        ;;
    *)
        echo "usage: scripts/bootstrap.sh run|test" >&2
        exit 2
        ;;
esac
