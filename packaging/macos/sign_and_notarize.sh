#!/usr/bin/env bash
# Sign, notarise and staple dist/SongNgu.app, then wrap it in a disk image (macOS only).
#
#   packaging/build.sh                                  # builds dist/SongNgu.app, self-tests it
#   SIGN_IDENTITY="Developer ID Application: Name (TEAMID)" \
#   NOTARY_PROFILE=songngu-notary packaging/macos/sign_and_notarize.sh
#
# One-time set-up: a "Developer ID Application" certificate in the login keychain (Apple
# Developer Program), and notarytool credentials stored under a profile name:
#   xcrun notarytool store-credentials songngu-notary \
#       --apple-id you@example.com --team-id TEAMID --password <app-specific password>
# Output: dist/SongNgu-<version>.dmg, signed, notarised and stapled (opens without warnings).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
: "${SIGN_IDENTITY:?set SIGN_IDENTITY to your Developer ID Application identity}"
: "${NOTARY_PROFILE:?set NOTARY_PROFILE to a notarytool keychain profile}"
APP=dist/SongNgu.app
ENTITLEMENTS=packaging/macos/entitlements.plist
VERSION="$(/usr/libexec/PlistBuddy -c 'Print CFBundleShortVersionString' "$APP/Contents/Info.plist")"
DMG="dist/SongNgu-$VERSION.dmg"

echo "== signing every binary inside the app, then the app (hardened runtime)"
# Inner code first: notarisation rejects any unsigned dylib/so, and --deep is not enough
# for PyInstaller's layout (Frameworks/ and Resources/ hold Mach-O files).
find "$APP/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -u+x \) -print0 |
    while IFS= read -r -d '' file; do
        if file -b "$file" | grep -q 'Mach-O'; then
            codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
                --sign "$SIGN_IDENTITY" "$file"
        fi
    done
codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
    --sign "$SIGN_IDENTITY" "$APP"
codesign --verify --deep --strict --verbose=2 "$APP"

echo "== self-test of the signed app"
"$APP/Contents/MacOS/songngu" --self-test

echo "== disk image"
rm -f "$DMG"
hdiutil create -volname "Song Ngữ" -srcfolder "$APP" -ov -format UDZO "$DMG"
codesign --force --timestamp --sign "$SIGN_IDENTITY" "$DMG"

echo "== notarising (a few minutes)"
xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
xcrun stapler staple "$DMG"
spctl --assess --type open --context context:primary-signature --verbose "$DMG"
echo "== done: $DMG"
