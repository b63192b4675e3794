#!/usr/bin/env bash
# Set up voicecare on Debian / Raspberry Pi OS: system packages, then a venv in .venv.
# Usage: scripts/setup.sh [EXTRAS]   (EXTRAS defaults to "speech")
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-speech}"

# System packages: the speech synthesiser pyttsx3 drives on Linux, PortAudio for
# the microphone and speaker, and sox for preparing audio files; with the dev
# extra, flite too (more voices for the speech bench).
apt_packages=(python3-venv python3-dev espeak-ng libespeak-ng1 libportaudio2 sox)
[[ "$extras" == *dev* ]] && apt_packages+=(flite)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The system's Python, the one the apt packages above are for, when it is new enough: a python3 first on
# root's PATH (pyenv under /root) makes a venv the kiosk's own user cannot run (an outside review).
# VOICECARE_PYTHON chooses another.
python="${VOICECARE_PYTHON:-python3}"
if [ -z "${VOICECARE_PYTHON:-}" ] && /usr/bin/python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  python=/usr/bin/python3
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[${extras}]"
