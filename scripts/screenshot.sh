#!/usr/bin/env bash
# Regenerate the README's screenshots (docs/screenshots/*.png) from the real windows under a private
# Xvfb: every main view (chat with the bundled model's real replies, new chat, library, Hub search,
# evaluation, documents, server, inspector) in light, dark and Chinese, and the chat settings panel
# with a preset. Needs Xvfb (scripts/dev.sh installs it). Look at every picture before committing it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
"$PYTHON" scripts/screenshots.py "${1:-docs/screenshots}"
ls -l "${1:-docs/screenshots}"/*.png
