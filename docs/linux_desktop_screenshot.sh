#!/bin/sh
# Screenshots of the built Linux app on a desktop, its icon in the title bar and
# the task bar (docs/linux-app.png, and docs/linux-app-icon.png close up):
#
#   python packaging/build.py && sh docs/linux_desktop_screenshot.sh
#
# Needs Debian's xvfb, openbox, tint2, xdotool and imagemagick. The app runs on
# X11 (QT_QPA_PLATFORM=xcb) in a virtual screen with a fresh home and the demo.
set -eu
cd "$(dirname "$0")/.."
app="$PWD/dist/Tsunagari/tsunagari"
work=$(mktemp -d /tmp/tsunagari-desktop-XXXXXX)
display=:77
pids=""
trap 'kill $pids 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/home/.config/tint2"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
# The menu entry, as install-desktop-entry.sh writes it, so the task bar finds the icon.
mkdir -p "$work/unpacked"
cp packaging/linux/install-desktop-entry.sh packaging/linux/tsunagari.desktop "$work/unpacked/"
cp packaging/icons/tsunagari-512.png "$work/unpacked/tsunagari.png"
ln -s "$PWD/dist/Tsunagari" "$work/unpacked/Tsunagari"
sh "$work/unpacked/install-desktop-entry.sh" >/dev/null

Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp &
pids="$pids $!"
sleep 1
export DISPLAY="$display" QT_QPA_PLATFORM=xcb LANG=C.UTF-8
xsetroot -solid '#6b5a4f' 2>/dev/null || true
openbox &
pids="$pids $!"
cat > "$work/home/.config/tint2/tint2rc" <<'EOF'
panel_items = T
panel_position = bottom center horizontal
panel_size = 100% 40
panel_background_id = 1
rounded = 0
border_width = 0
background_color = #3b342f 100
taskbar_mode = single_desktop
task_icon = 1
task_text = 1
task_maximum_size = 220 36
task_padding = 6 4 6
task_font_color = #ffffff 100
task_active_font_color = #ffffff 100
task_active_background_id = 2
rounded = 4
border_width = 0
background_color = #70655e 100
EOF
tint2 -c "$work/home/.config/tint2/tint2rc" >/dev/null 2>&1 &
pids="$pids $!"
"$app" demo --data-dir "$work/data" >/dev/null
"$app" --demo --data-dir "$work/data" >/dev/null 2>&1 &
pids="$pids $!"
window=$(xdotool search --sync --onlyvisible --class tsunagari | head -n 1)
sleep 4
import -window root docs/linux-app.png
# The icon close up: the title bar's corner and the task bar's entry, at twice the size.
convert docs/linux-app.png \( -clone 0 -crop 360x22+0+0 +repage \) \
    \( -clone 0 -crop 360x40+0+728 +repage \) -delete 0 -append -filter point -resize 200% \
    docs/linux-app-icon.png
echo "docs/linux-app.png docs/linux-app-icon.png"
