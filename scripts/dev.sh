#!/usr/bin/env bash
# ChatDesk: set everything up on a fresh Linux machine, then run the app or the whole test suite.
#
#   bash scripts/dev.sh run     # system packages + .venv + app, then launch ChatDesk (bundled model)
#   bash scripts/dev.sh test    # the same plus test tools, then every test
#
# Idempotent: re-running skips what is already there. Set CHATDESK_SKIP_APT=1 to skip apt-get.
set -euo pipefail

cmd="${1:-run}"; shift || true
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="$root/.venv"
py="${PYTHON:-python3}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

apt_packages=(
  # Qt's xcb/EGL platform libraries, fonts (incl. Chinese) and D-Bus
  libegl1 libgl1 libopengl0 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libx11-xcb1 fonts-noto-cjk fonts-dejavu-core
  # building llama.cpp (llama-cpp-python compiles from source)
  build-essential cmake git python3-venv python3-dev
  # window tests: a virtual display, typing into it, screenshots
  xvfb xauth xdotool imagemagick
)

install_system_packages() {
  [ "${CHATDESK_SKIP_APT:-0}" = 1 ] && return
  command -v apt-get >/dev/null || { log "apt-get not found: install the Qt/X11 libraries listed in scripts/dev.sh yourself"; return; }
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  local missing=()
  for p in "${apt_packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return
  log "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python() {
  local extras="$1"
  if [ ! -x "$venv/bin/python" ]; then
    log "Creating $venv"
    "$py" -m venv "$venv"
  fi
  local pip=("$venv/bin/python" -m pip --disable-pip-version-check)
  "${pip[@]}" install -q --upgrade pip 2>&1 | grep -v "is ignored" || true
  if [ "$extras" = test ] && ! "$venv/bin/python" -c "import torch" 2>/dev/null; then
    # The CPU build of torch (the default wheel pulls gigabytes of CUDA libraries).
    log "Installing torch (CPU)"
    "${pip[@]}" install -q "torch==2.13.0+cpu" 2>&1 | grep -v "is ignored" \
      || "${pip[@]}" install -q torch --index-url https://download.pytorch.org/whl/cpu
  fi
  log "Installing ChatDesk (llama-cpp-python compiles from source the first time: ~4 minutes)"
  if [ "$extras" = test ]; then
    "${pip[@]}" install -q -e ".[test]" 2>&1 | grep -v "is ignored" || true
  else
    "${pip[@]}" install -q -e . 2>&1 | grep -v "is ignored" || true
  fi
  "$venv/bin/python" -c "import chatdesk, llama_cpp, PySide6" \
    || { log "Installation failed (see the pip output above)"; exit 1; }
}

case "$cmd" in
  run)
    install_system_packages
    install_python run
    log "Starting ChatDesk"
    exec "$venv/bin/chatdesk" "$@"
    ;;
  test)
    install_system_packages
    install_python test
    log "Running the test suite"
    set +e
    QT_QPA_PLATFORM=offscreen "$venv/bin/python" -m pytest -p no:cacheprovider "$@"
    rc=$?
    set -e
    if [ $rc -eq 5 ]; then
      log "ERROR: pytest collected no tests - that is a failure, not a pass."
      exit 1
    fi
    exit $rc
    ;;
  *)
    echo "usage: bash scripts/dev.sh run|test [args...]" >&2
    exit 2
    ;;
esac
