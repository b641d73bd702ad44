#!/usr/bin/env bash
# ChatDesk: set everything up on a fresh Linux machine, then run the app or the whole test suite.
#
#   bash scripts/dev.sh run     # system packages + .venv + app, then launch ChatDesk (bundled model)
#   bash scripts/dev.sh test    # the same plus test tools, then ruff, import-linter and every test
#   bash scripts/dev.sh test tests/test_store.py     # ... with pytest arguments
#   bash scripts/dev.sh setup   # only install (with the test tools); .ci/run builds the bundle next
#
# Idempotent: re-running skips what is already there. Any install that fails stops the script
# with pip's own message: a missing test dependency must never turn into skipped tests.
#
# Environment:
#   CHATDESK_SKIP_APT=1        skip apt-get
#   CHATDESK_PORTABLE_LLAMA=1  install llama-cpp-python from the portable (GGML_NATIVE=OFF) wheel
#                              that scripts/build_bundle ships, compiled once and cached outside the
#                              repository by scripts/llama_cpp_wheel. .ci/run sets it: CI compiles
#                              llama.cpp once and the tests exercise the build the bundle ships.
#                              Without it pip compiles llama.cpp for this machine's CPU (fastest here).
set -euo pipefail

cmd="${1:-run}"; shift || true
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="$root/.venv"
py="${PYTHON:-python3}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[1;31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

apt_packages=(
  # Qt's xcb/EGL platform libraries, fonts (incl. Chinese) and D-Bus
  libegl1 libgl1 libopengl0 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libx11-xcb1 fonts-noto-cjk fonts-dejavu-core
  # building llama.cpp (llama-cpp-python compiles from source)
  build-essential cmake git python3-venv python3-dev
  # window tests: a virtual display, typing into it, screenshots, window properties (the icon)
  xvfb xauth xdotool imagemagick x11-utils
  # checking and installing the desktop entry (scripts/install_desktop_entry.sh)
  desktop-file-utils
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
  $sudo apt-get update -qq || die "apt-get update failed (see above)"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get could not install: ${missing[*]}"
}

# pip without the "Location ... is ignored" lines that this machine's extra index settings print.
# The filter never fails (grep finding nothing is fine) and pipefail keeps pip's exit status.
pip_quiet() {
  "$venv/bin/python" -m pip --disable-pip-version-check "$@" 2>&1 \
    | { grep -v "is ignored: it is neither a file nor a directory" || true; }
}

# Every requirement of the chosen extra is installed, and the heavy ones import. Prints what is
# missing (as pip package names) and fails; quiet when all is well.
check_environment() {
  local extras="$1"
  "$venv/bin/python" - "$extras" <<'EOF'
import importlib
import importlib.metadata as md
import re
import sys

extras = sys.argv[1]
problems = []
try:
    requirements = md.requires("chatdesk") or []
except md.PackageNotFoundError:
    sys.exit("ChatDesk itself is not installed in .venv")
for req in requirements:
    name, _, marker = req.partition(";")
    wanted_extra = re.search(r"extra\s*==\s*[\"']([^\"']+)", marker)
    if wanted_extra and (extras != "test" or wanted_extra.group(1) != "test"):
        continue
    dist = re.split(r"[\s<>=!~\[(]", name.strip(), maxsplit=1)[0]
    try:
        md.version(dist)
    except md.PackageNotFoundError:
        problems.append(f"{dist} (not installed)")
modules = ["chatdesk", "llama_cpp", "PySide6.QtWidgets"]
if extras == "test":
    modules += ["torch", "safetensors", "transformers", "tokenizers", "pytest", "pytestqt", "pytest_timeout", "xdist",
                "importlinter", "llama_cpp.server.app", "uvicorn", "fastapi"]
for module in modules:
    try:
        importlib.import_module(module)
    except Exception as exc:  # any failure to import is reported by name
        problems.append(f"import {module} fails: {type(exc).__name__}: {exc}")
if problems:
    print("Missing or broken in .venv:\n  " + "\n  ".join(problems), file=sys.stderr)
    sys.exit(1)
EOF
}

install_python() {
  local extras="$1"
  if [ ! -x "$venv/bin/python" ]; then
    log "Creating $venv"
    "$py" -m venv "$venv" || die "could not create $venv with $py (on Debian/Ubuntu: apt-get install python3-venv)"
  fi
  pip_quiet install -q --upgrade pip || die "could not upgrade pip in $venv (see above)"

  if [ "$extras" = test ] && ! "$venv/bin/python" -c "import torch" 2>/dev/null; then
    # The CPU build of torch (the default wheel pulls gigabytes of CUDA libraries).
    log "Installing torch (CPU)"
    if ! pip_quiet install -q "torch==2.13.0+cpu"; then
      log "torch 2.13.0+cpu is not on the configured indexes; trying PyTorch's CPU index"
      pip_quiet install -q torch --index-url https://download.pytorch.org/whl/cpu \
        || log "PyTorch's CPU index failed too: the test extras will install PyPI's default torch (large, with CUDA libraries)"
    fi
  fi

  if [ "${CHATDESK_PORTABLE_LLAMA:-0}" = 1 ]; then
    local wheel stamp="$venv/.llama-cpp-python-wheel"
    wheel="$(bash "$root/scripts/llama_cpp_wheel" "$venv/bin/python")" \
      || die "could not build the portable llama-cpp-python wheel (see above)"
    if [ "$(cat "$stamp" 2>/dev/null || true)" != "$wheel" ] || ! "$venv/bin/python" -c "import llama_cpp" 2>/dev/null; then
      log "Installing the portable llama-cpp-python wheel $(basename "$wheel")"
      pip_quiet install -q --force-reinstall --no-deps "$wheel" || die "pip could not install $wheel (see above)"
      echo "$wheel" > "$stamp"
    fi
  fi

  # Re-run pip only when the package definition changed (or something no longer imports).
  local stamp="$venv/.chatdesk-install" want spec=.
  [ "$extras" = test ] && spec=".[test]"
  want="$(cat pyproject.toml setup.py | sha256sum | cut -c1-16) $spec"
  if [ "$(cat "$stamp" 2>/dev/null || true)" = "$want" ] && check_environment "$extras" 2>/dev/null; then
    log "ChatDesk and its dependencies are installed (pyproject.toml and setup.py unchanged)"
    return
  fi
  if [ "${CHATDESK_PORTABLE_LLAMA:-0}" = 1 ]; then
    log "Installing ChatDesk"
  else
    log "Installing ChatDesk (llama-cpp-python compiles from source the first time: ~4 minutes)"
  fi
  pip_quiet install -q -e "$spec" || die "pip could not install ChatDesk$([ "$extras" = test ] && echo ' with its test tools') (see above)"
  check_environment "$extras" || die "the installation is incomplete (see the list above); re-run after fixing it"
  echo "$want" > "$stamp"
}

# ruff, import-linter and mypy, then pytest. All four always run, so one CI run reports every
# problem; any failure makes the command fail, and the summary at the end names it.
failed=()
run_checks() {
  log "ruff check ."
  "$venv/bin/ruff" check . || failed+=("ruff check . found problems (fix them, or try .venv/bin/ruff check --fix .)")
  log "lint-imports (layer contracts in pyproject.toml)"
  "$venv/bin/lint-imports" || failed+=("lint-imports: a layer contract is broken or cannot be checked")
  log "mypy (the Qt-free packages listed in pyproject.toml's [tool.mypy])"
  "$venv/bin/mypy" || failed+=("mypy found type errors in the Qt-free packages")
}

case "$cmd" in
  run)
    install_system_packages
    install_python run
    log "Starting ChatDesk"
    exec "$venv/bin/chatdesk" "$@"
    ;;
  setup)
    install_system_packages
    install_python test
    ;;
  test)
    install_system_packages
    install_python test
    run_checks
    log "Running the test suite"
    set +e
    # A new random order every run (pytest-randomly); the seed is said here so a failing order can
    # be repeated with --randomly-seed=N (a seed given in the arguments wins).
    seed="${CHATDESK_TEST_SEED:-$(( (RANDOM << 15) | RANDOM ))}"
    log "Test order: pytest-randomly seed $seed (repeat with CHATDESK_TEST_SEED=$seed)"
    # One worker process per core this shell may use (taskset/cgroups count), at most four:
    # most tests keep one core busy (Qt, Python), so two cores nearly halve the run. Files stay
    # whole on one worker (--dist loadfile), so a file's shared fixtures are built once. On one
    # core, or with CHATDESK_TEST_WORKERS=0, everything runs in this process.
    workers="${CHATDESK_TEST_WORKERS:-$("$venv/bin/python" -c 'import os; print(min(4, len(os.sched_getaffinity(0))))')}"
    parallel=()
    if [ "$workers" -gt 1 ]; then
      log "Test workers: $workers (CHATDESK_TEST_WORKERS=0 runs every test in one process)"
      parallel=(-n "$workers" --dist loadfile)
    fi
    CHATDESK_TEST_TRACE="$(mktemp)"
    export CHATDESK_TEST_TRACE
    QT_QPA_PLATFORM=offscreen "$venv/bin/python" -m pytest -p no:cacheprovider -p randomly --randomly-seed="$seed" \
      "${parallel[@]}" "$@"
    rc=$?
    set -e
    if [ "$rc" -gt 128 ] && [ -s "$CHATDESK_TEST_TRACE" ]; then
      log "pytest died of signal $((rc - 128)) during or just after $(cat "$CHATDESK_TEST_TRACE") (seed $seed)"
    fi
    rm -f "$CHATDESK_TEST_TRACE"
    case $rc in
      0) ;;
      5) failed+=("pytest collected no tests - that is a failure, not a pass") ;;
      *) failed+=("pytest exited with $rc") ;;
    esac
    if [ ${#failed[@]} -gt 0 ]; then
      for f in "${failed[@]}"; do printf '\033[1;31mFAILED: %s\033[0m\n' "$f" >&2; done
      exit 1
    fi
    ;;
  *)
    echo "usage: bash scripts/dev.sh run|test|setup [args...]" >&2
    exit 2
    ;;
esac
