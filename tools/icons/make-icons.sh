#!/bin/sh
# Makes the site's PNG app icons (192 and 512 pixels square) from templates/site/assets/favicon.svg.
# Chrome installs a web app only with PNG icons of these sizes in its manifest; the theme ships the
# results, so a build needs nothing but Java. Run it again only when the favicon changes:
#   tools/icons/make-icons.sh
# It uses Debian's chromium (headless), as the browser tests do, and writes icon-192.png and
# icon-512.png next to the favicon.
set -eu
cd "$(dirname "$0")/../.."
assets="$PWD/templates/site/assets"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 192 512; do
  printf '<!DOCTYPE html><html><body style="margin:0"><img src="file://%s/favicon.svg" width="%s" height="%s" style="display:block"></body></html>\n' \
    "$assets" "$size" "$size" > "$tmp/icon.html"
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --window-size="$size,$size" --screenshot="$tmp/icon-$size.png" "file://$tmp/icon.html" 2>/dev/null
  cp "$tmp/icon-$size.png" "$assets/icon-$size.png"
done
echo "wrote $assets/icon-192.png and $assets/icon-512.png"
