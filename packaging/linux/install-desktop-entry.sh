#!/bin/sh
# Put Tsunagari in the applications menu of this user (no administrator needed):
# the menu entry and its icon point at the folder this script was unpacked with.
# Run it again after moving the folder; remove the two files to take it out again.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/512x512/apps"
mkdir -p "$apps" "$icons"
cp "$here/tsunagari.png" "$icons/tsunagari.png"
sed -e "s|^Exec=tsunagari|Exec=\"$here/Tsunagari/tsunagari\"|" \
    "$here/tsunagari.desktop" > "$apps/tsunagari.desktop"
chmod 644 "$apps/tsunagari.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "つながり / Tsunagari is in the applications menu ($apps/tsunagari.desktop)."
