#!/usr/bin/env bash
# Makes the Debian package from a built bundle folder (called by packaging/build-bundle.sh):
#   bash packaging/linux/build-deb.sh BUNDLE_DIR VERSION OUT.deb
# Layout: the bundle in /opt/hubdesk, /usr/bin/hubdesk (a link to it), the menu entry
# /usr/share/applications/hubdesk.desktop and the icons in /usr/share/icons/hicolor. No maintainer
# scripts: dpkg's triggers of desktop-file-utils and hicolor-icon-theme refresh the menu and icon
# caches, and removing the package removes exactly what it installed (learners' data lives in each
# user's own data folder and stays).
set -euo pipefail
bundle=$1 version=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
[[ -x $bundle/hubdesk ]] || { echo "build-deb: $bundle/hubdesk is not there" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "build-deb: dpkg-deb is needed (Debian package dpkg)" >&2; exit 1; }

# What the bundle does not carry (found with ldd over every library in the bundle, see docs/packaging.md):
# glibc (the bundle is built on Debian 12: GLIBC_2.36 is the newest symbol it uses), the GL/EGL and xcb
# libraries PyInstaller leaves to the system because they must match the PC's graphics driver and X server,
# Wayland's client libraries; data files the bundled libraries read (fontconfig's configuration, the
# keyboard layouts of xkb-data); readable fonts with accents; Syncthing for the Syncthing transport.
DEPENDS="libc6 (>= 2.36), libgl1, libegl1, libxcb1, libwayland-client0, libwayland-cursor0, libwayland-egl1,
 fontconfig-config, xkb-data, fonts-dejavu-core, syncthing"

root=$(mktemp -d "${TMPDIR:-/tmp}/hubdesk-deb.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/icons" \
  "$root/usr/share/doc/hubdesk"
cp -a "$bundle" "$root/opt/hubdesk"
# the folder's own menu helpers are for the tarball; the package puts the entry and icons where the system looks
rm -f "$root/opt/hubdesk/install-desktop-entry.sh" "$root/opt/hubdesk/hubdesk.desktop"
mv "$root/opt/hubdesk/icons/hicolor" "$root/usr/share/icons/hicolor"
rmdir "$root/opt/hubdesk/icons"
mv "$root/opt/hubdesk/README.txt" "$root/usr/share/doc/hubdesk/README.txt"
ln -s /opt/hubdesk/hubdesk "$root/usr/bin/hubdesk"
sed "s|@EXEC@|hubdesk|" "$here/hubdesk.desktop" >"$root/usr/share/applications/hubdesk.desktop"
chmod -R u+rwX,go+rX,go-w "$root"

size_kb=$(du -sk "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<EOF
Package: hubdesk
Version: $version
Architecture: amd64
Maintainer: HubDesk project <hubdesk@localhost>
Section: education
Priority: optional
Installed-Size: $size_kb
Depends: $DEPENDS
Description: offline-first learning hub for community centres
 HubDesk lets learners at community centres study course packs carried on
 USB sticks, learn together in study groups on the local network and share
 their progress with a central hub whenever a link appears (USB stick,
 Syncthing folder or HTTP). Everything works without internet.
 .
 This package holds a self-contained build (Python and Qt included) in
 /opt/hubdesk; learners' data stays in each user's data folder.
EOF
mkdir -p "$(dirname "$out")"
dpkg-deb --root-owner-group --build "$root" "$out" >/dev/null
echo "$out ($(du -m "$out" | cut -f1) MB)"
