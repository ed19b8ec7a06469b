#!/bin/sh
# Renders loket.svg into the files the installers use (ImageMagick + icoutils, from Debian's packages):
# loket.png (256 px, Linux menu entry), loket.ico (16-256 px, Windows) and the window icons the app itself
# carries (src/main/resources/icons/loket-{32,64,256}.png).
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 16 24 32 48 64 128 256; do
  convert -background none -density 384 loket.svg -resize "${size}x${size}" "PNG32:$tmp/loket-$size.png"
done
cp "$tmp/loket-256.png" loket.png
icotool -c -o loket.ico "$tmp"/loket-16.png "$tmp"/loket-24.png "$tmp"/loket-32.png "$tmp"/loket-48.png \
  "$tmp"/loket-64.png "$tmp"/loket-128.png -r "$tmp"/loket-256.png
for size in 32 64 256; do
  cp "$tmp/loket-$size.png" "../../src/main/resources/icons/loket-$size.png"
done
