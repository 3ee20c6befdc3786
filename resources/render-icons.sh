#!/bin/sh
# Renders resources/icon.svg to the PNGs packaging uses (commit the results):
#   resources/icon.png          1024x1024 (macOS icns and Windows ico are made from it by electron-builder)
#   resources/icons/NxN.png     Linux icon set (AppImage, deb)
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin).
set -eu
cd "$(dirname "$0")"
command -v rsvg-convert >/dev/null || { echo "rsvg-convert not found: apt-get install librsvg2-bin" >&2; exit 1; }
rsvg-convert -w 1024 -h 1024 icon.svg -o icon.png
mkdir -p icons
for n in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$n" -h "$n" icon.svg -o "icons/${n}x${n}.png"
done
echo "rendered icon.png and icons/*.png"
