#!/usr/bin/env bash
# Refresh the interface translations: update assets/i18n/*.ts from every chatdesk/ui/*.py with
# pyside6-lupdate, then compile them into the .qm files ChatDesk loads, with pyside6-lrelease.
# New strings arrive in chatdesk_zh_CN.ts as "unfinished": translate them (Qt Linguist:
# .venv/bin/pyside6-linguist assets/i18n/chatdesk_zh_CN.ts), then run this again.
# `scripts/i18n.sh check` only reports what is untranslated or stale (tests/test_i18n.py runs it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
if [[ "${1:-}" == "check" ]]; then
    exec "$PYTHON" scripts/i18n.py check
fi
"$PYTHON" scripts/i18n.py update
"$PYTHON" scripts/i18n.py release
