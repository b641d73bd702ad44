#!/usr/bin/env bash
# Refresh docs/screenshot.png from the real app: the end-to-end test runs ChatDesk in Xvfb,
# chats with the bundled model, and saves a screenshot, which is copied here.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
.venv/bin/python -m pytest -p no:cacheprovider -q tests/test_e2e.py::test_chat_in_real_window
convert artifacts/e2e-chat.png -crop 1100x720+0+0 +repage docs/screenshot.png
echo "docs/screenshot.png updated"
