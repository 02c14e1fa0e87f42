#!/usr/bin/env bash
# Sets up what a fresh Debian machine lacks to run HubDesk and its tests:
# - Debian packages: syncthing (the Syncthing transport, started by HubDesk and by the tests on loopback),
#   the X/xcb and font libraries Qt needs for a real window, Xvfb for the window check, espeak-ng and
#   aplay (alsa-utils) for reading lessons aloud offline, PostgreSQL (a hub's larger store; the hub's tests
#   start their own server on loopback);
# - a virtual environment in .venv with HubDesk installed (editable) and the test tools.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PKGS=(syncthing xvfb xdotool libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-cursor0 libxkbcommon0 libegl1 libgl1
  libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-dejavu-core chromium chromium-driver espeak-ng alsa-utils
  fonts-noto-core fonts-noto-color-emoji postgresql)

missing=()
for p in "${DEBIAN_PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 \
    || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q "${missing[@]}" >/dev/null; }
fi

PY=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.hubdesk-installed
if [[ ! -f $stamp || pyproject.toml -nt $stamp ]]; then
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e ".[test]"
  touch "$stamp"
fi
