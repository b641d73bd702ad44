#!/usr/bin/env bash
# Regenerate the README's screenshots (docs/screenshots/*.png) from the real window under a private
# Xvfb: light, dark and Chinese interface, a code block selected, the chat settings panel with a
# preset, the model library. Needs Xvfb (scripts/dev.sh installs it). Look at every picture before
# committing it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
"$PYTHON" scripts/screenshots.py "${1:-docs/screenshots}"
ls -l "${1:-docs/screenshots}"/*.png
