#!/usr/bin/env bash
# Build the one-folder Song Ngữ bundle (Linux or macOS), then prove it works with --self-test.
#
#   packaging/build.sh            # dist/songngu/ (and dist/SongNgu.app on macOS)
#   packaging/build.sh --tarball  # Linux: also dist/songngu-<version>-linux-<arch>.tar.gz
#
# Uses $PYTHON (default: .venv/bin/python, else python3), which needs the app's dependencies
# and PyInstaller (`pip install pyinstaller`); $DIST_DIR and $WORK_DIR (default dist/ and
# build/pyinstaller/) say where the bundle and PyInstaller's work files go.
# Exits non-zero if the build or the self-test fails.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
TARBALL=no
for arg in "$@"; do
    case "$arg" in
        --tarball) TARBALL=yes ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

if ! "$PYTHON" -m PyInstaller --version >/dev/null 2>&1; then
    echo "build.sh: PyInstaller is missing; run: $PYTHON -m pip install pyinstaller" >&2
    exit 2
fi
if ! compgen -G "viewer/i18n/*.qm" >/dev/null; then
    echo "build.sh: no compiled translations in viewer/i18n/ (*.qm); compile them first" >&2
    exit 2
fi
VERSION="$("$PYTHON" -c 'import archive; print(archive.__version__)')"
DIST_DIR="${DIST_DIR:-dist}"
WORK_DIR="${WORK_DIR:-build/pyinstaller}"

echo "== building Song Ngữ $VERSION with PyInstaller"
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$DIST_DIR" --workpath "$WORK_DIR" packaging/songngu.spec

BUNDLE="$DIST_DIR/songngu"
if [[ "$(uname -s)" == Darwin ]]; then
    GUI="$DIST_DIR/SongNgu.app/Contents/MacOS/songngu"
else
    GUI="$BUNDLE/songngu"
fi

echo "== bundle size: $(du -sh "$BUNDLE" | cut -f1)"
echo "== songngu-cli --version: $("$BUNDLE/songngu-cli" --version)"
echo "== self-test of the bundle"
# A throwaway data dir: the self-test uses its own temp dir, this guards the user's archive.
SONGNGU_DATA_DIR="$(mktemp -d)" "$GUI" --self-test

if [[ "$TARBALL" == yes ]]; then
    ARCH="$(uname -m)"
    NAME="songngu-$VERSION-linux-$ARCH"
    STAGE="$(mktemp -d)"
    cp -a "$BUNDLE" "$STAGE/$NAME"
    mkdir -p "$STAGE/$NAME/share/applications" "$STAGE/$NAME/share/metainfo"
    cp packaging/linux/io.github.songngu.SongNgu.desktop "$STAGE/$NAME/share/applications/"
    cp packaging/linux/io.github.songngu.SongNgu.metainfo.xml "$STAGE/$NAME/share/metainfo/"
    for png in viewer/icons/songngu-[0-9]*.png; do
        size="${png##*-}"; size="${size%.png}"
        mkdir -p "$STAGE/$NAME/share/icons/hicolor/${size}x${size}/apps"
        cp "$png" "$STAGE/$NAME/share/icons/hicolor/${size}x${size}/apps/io.github.songngu.SongNgu.png"
    done
    mkdir -p "$STAGE/$NAME/share/icons/hicolor/scalable/apps"
    cp viewer/icons/songngu.svg "$STAGE/$NAME/share/icons/hicolor/scalable/apps/io.github.songngu.SongNgu.svg"
    cp packaging/README.md "$STAGE/$NAME/README.md"
    tar -C "$STAGE" -czf "$DIST_DIR/$NAME.tar.gz" "$NAME"
    rm -rf "$STAGE"
    echo "== tarball: $DIST_DIR/$NAME.tar.gz ($(du -h "$DIST_DIR/$NAME.tar.gz" | cut -f1))"
fi
echo "== done: $GUI"
