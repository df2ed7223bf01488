#!/usr/bin/env bash
# Rasterises the icon sources (icons/*.svg) into the PNGs the Teams package ships. Run after editing an SVG and commit
# both. Needs rsvg-convert (Debian: apt-get install librsvg2-bin); the tests only read the committed PNGs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v rsvg-convert >/dev/null || { echo "render-icons.sh: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2; exit 1; }
rsvg-convert -w 192 -h 192 "$here/icons/color.svg" -o "$here/color.png"
rsvg-convert -w 32 -h 32 --background-color=none "$here/icons/outline.svg" -o "$here/outline.png"
echo "wrote color.png (192x192) and outline.png (32x32)"
