#!/usr/bin/env bash
# Builds HubDesk's installable files for Linux x86-64 into dist/:
#   dist/hubdesk-VERSION-linux-x86_64.tar.gz  a self-contained folder (PyInstaller one-folder bundle): unpack
#                                             anywhere, run ./hubdesk; install-desktop-entry.sh adds it to the menu
#   dist/hubdesk_VERSION_amd64.deb            the same folder under /opt/hubdesk, /usr/bin/hubdesk, a menu entry
#                                             and icons; installs with `apt-get install ./hubdesk_VERSION_amd64.deb`
# It needs Python 3.11+ (with its shared library, as Debian's and pyenv's have), dpkg-deb and the network to
# PyPI the first time: it makes its own build environment in build/bundle-venv with HubDesk's dependencies
# and PyInstaller, kept between builds and remade when pyproject.toml changes. Takes a few minutes.
# Environment: PYTHON (default python3), HUBDESK_SKIP_DEB=1 to make only the tarball.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-python3}
PYINSTALLER_SPEC='pyinstaller>=6.10,<7'
VENV=$ROOT/build/bundle-venv
WORK=$ROOT/build/bundle
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' hubdesk/__init__.py)
[[ -n $VERSION ]] || { echo "build-bundle: no __version__ in hubdesk/__init__.py" >&2; exit 1; }
[[ $(uname -m) == x86_64 ]] || { echo "build-bundle: this builds the x86-64 bundle; this machine is $(uname -m)" >&2; exit 1; }
NAME=hubdesk-$VERSION-linux-x86_64
step() { echo "== $*"; }

step "build environment ($VENV)"
stamp=$VENV/.hubdesk-deps
if [[ ! -x $VENV/bin/python || ! -f $stamp || pyproject.toml -nt $stamp ]]; then
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
  "$VENV/bin/pip" install -q "$PYINSTALLER_SPEC" "setuptools>=77" wheel
  "$VENV/bin/pip" install -q .  # brings HubDesk's dependencies; the code itself is re-installed below each time
  touch "$stamp"
fi
# HubDesk as a wheel would install it (the package data pyproject.toml names), from this checkout as it is now
"$VENV/bin/pip" install -q --no-deps --force-reinstall --no-build-isolation .
rm -rf build/lib build/bdist.* ./*.egg-info

step "icons"
rm -rf "$WORK"
mkdir -p "$WORK"
"$VENV/bin/python" packaging/render_icons.py "$WORK/icons" >/dev/null
mkdir -p build/icons && cp "$WORK/icons/hubdesk.ico" build/icons/  # where the spec looks on Windows

step "PyInstaller (minutes)"
(cd "$WORK" && "$VENV/bin/pyinstaller" "$ROOT/packaging/hubdesk.spec" --noconfirm --log-level WARN \
  --distpath "$WORK/dist" --workpath "$WORK/work")
app=$WORK/dist/hubdesk
[[ -x $app/hubdesk ]] || { echo "build-bundle: PyInstaller made no $app/hubdesk" >&2; exit 1; }

step "smoke test of the bundle"
v=$(cd / && env -i HOME="$WORK/home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$app/hubdesk" --version)
[[ $v == "hubdesk $VERSION" ]] || { echo "build-bundle: the bundle says '$v', not 'hubdesk $VERSION'" >&2; exit 1; }

step "tarball"
stage=$WORK/$NAME
mv "$app" "$stage"
mkdir -p "$stage/icons"
cp -r "$WORK/icons/hicolor" "$stage/icons/"
sed "s|@EXEC@|hubdesk|" packaging/linux/hubdesk.desktop >"$stage/hubdesk.desktop"
install -m 755 packaging/linux/install-desktop-entry.sh "$stage/install-desktop-entry.sh"
install -m 644 packaging/linux/README.txt "$stage/README.txt"
mkdir -p dist
tar -C "$WORK" -czf "dist/$NAME.tar.gz" "$NAME"
echo "dist/$NAME.tar.gz ($(du -sm "$stage" | cut -f1) MB unpacked, $(du -m "dist/$NAME.tar.gz" | cut -f1) MB packed)"

[[ ${HUBDESK_SKIP_DEB:-} == 1 ]] && exit 0
step "Debian package"
bash packaging/linux/build-deb.sh "$stage" "$VERSION" "dist/hubdesk_${VERSION}_amd64.deb"
