#!/usr/bin/env bash
# Set up voicecare on Debian / Raspberry Pi OS: system packages, then a venv in .venv.
# Usage: scripts/setup.sh [EXTRAS]   (EXTRAS defaults to "speech"; scripts/setup.sh --help says more)
set -euo pipefail
cd "$(dirname "$0")/.."

# The extras pyproject.toml offers, read from it so this list cannot drift. The argument is checked
# against them before anything is installed: pip only warns about an unknown extra, deep in its output,
# and exits 0, so a typo ("speach") on a fresh Pi gave a kiosk with no speech packages (review13 F18).
known_extras() {
  awk '/^\[/ { section = ($0 == "[project.optional-dependencies]") }
       section && /^[A-Za-z0-9_-]+[ ]*=/ { sub(/[ ]*=.*/, ""); print }' pyproject.toml
}
usage() {
  cat <<USAGE
Usage: scripts/setup.sh [EXTRAS]
Install the system packages voicecare needs (apt, through sudo when not root) and voicecare itself in .venv.
EXTRAS: some of $(known_extras | paste -sd ,), separated by commas (default: speech)
  speech  the speech engines, microphone and speaker (the default; text mode needs none of it)
  dev     the tests, linters and speech-bench voices (scripts/test.sh uses "speech,dev")
USAGE
}
fail() {
  echo "scripts/setup.sh: error: $1 (try 'scripts/setup.sh --help')" >&2
  exit 2
}
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  -*) fail "unknown option '$1'" ;;
esac
[ $# -le 1 ] || fail "one argument at most, the extras separated by commas (such as speech,dev), not $#"
extras="${1:-speech}"
known="$(known_extras | paste -sd ,)"
IFS=, read -ra wanted <<<"$extras,"  # the trailing comma keeps an empty last item ("speech,") visible
for extra in "${wanted[@]}"; do
  [ -n "$extra" ] || fail "empty extra in '$extras'; give names separated by single commas, such as speech,dev"
  [[ ",$known," == *",$extra,"* ]] || fail "unknown extra '$extra'; the known ones are: $known"
done

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

# PocketSphinx's language models, built now rather than at a first start: the quiet room's mixture takes 16 s on an
# idle computer and minutes on a Pi, and a kiosk built it before it could say it was ready. A kiosk config already
# in place (an update) is prepared for. If it fails, starts build it themselves (slowly); doctor reports it.
if [[ ",$extras," == *,speech,* ]]; then
  config=()
  [ -f /etc/voicecare/voicecare.toml ] && config=(--config /etc/voicecare/voicecare.toml)
  .venv/bin/python -m voicecare prepare ${config[@]+"${config[@]}"} ||
    echo "scripts/setup.sh: warning: the language models were not prepared; the first start builds them (see" \
         "'.venv/bin/voicecare doctor')" >&2
fi

# One line at the end, after pip's own output: what is ready and what to run next.
if [[ ",$extras," == *,speech,* ]]; then
  next=".venv/bin/voicecare doctor   (checks the microphone, speaker, speech model and intents)"
else
  next=".venv/bin/voicecare triage --text \"her back is stiff\"   (text mode; 'scripts/setup.sh speech' adds speech)"
fi
echo "scripts/setup.sh: done: .venv/bin/voicecare is installed with the extras $extras; next: $next"
