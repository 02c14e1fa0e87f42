#!/usr/bin/env bash
# Adds this unpacked HubDesk folder to your menu (for you only, no root needed): a menu entry in
# ~/.local/share/applications and icons in ~/.local/share/icons. Run it again after moving the folder;
# `./install-desktop-entry.sh --remove` takes the entry and icons away (your data folder stays).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
apps=${XDG_DATA_HOME:-$HOME/.local/share}/applications
icons=${XDG_DATA_HOME:-$HOME/.local/share}/icons
if [[ ${1:-} == --remove ]]; then
  rm -f "$apps/hubdesk.desktop"
  find "$icons/hicolor" -path '*/apps/hubdesk.*' -delete 2>/dev/null || true
  echo "HubDesk's menu entry was removed."
  exit 0
fi
mkdir -p "$apps" "$icons"
cp -r "$here/icons/hicolor" "$icons/"
sed "s|^Exec=.*|Exec=\"$here/hubdesk\"|" "$here/hubdesk.desktop" >"$apps/hubdesk.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$apps" || true
echo "HubDesk is in your menu (it starts $here/hubdesk)."
