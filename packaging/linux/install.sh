#!/bin/sh
# Add Evidence Kit to this user's application menu (no root, nothing outside your home folder).
# Run it from the unpacked folder: ./install.sh   — remove the entry again with: ./install.sh --remove
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor"
if [ "${1:-}" = "--remove" ]; then
    rm -f "$apps/evidence-kit.desktop"
    for size in 16 24 32 48 64 128 256 512; do rm -f "$icons/${size}x${size}/apps/evidence-kit.png"; done
    echo "Evidence Kit removed from the application menu (the folder $here is left as it is)."
    exit 0
fi
mkdir -p "$apps"
for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$icons/${size}x${size}/apps"
    cp "$here/icons/evidence-kit-$size.png" "$icons/${size}x${size}/apps/evidence-kit.png"
done
# The menu entry points at this folder: move the folder, run this again.
sed "s|@BUNDLE@|$here|g" "$here/evidence-kit.desktop.in" > "$apps/evidence-kit.desktop"
chmod 644 "$apps/evidence-kit.desktop"
echo "Evidence Kit is in your application menu. It starts from: $here/evidence-kit-gui"
