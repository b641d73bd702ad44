"""Run a short Python script in a fresh interpreter: for what only a new process shows (what an
import pulls in, what a hook does from the first import on)."""

from __future__ import annotations

import os
import subprocess
import sys


def assert_probe_ok(probe: str, env: dict[str, str] | None = None) -> None:
    """Run ``probe`` with this interpreter; it must exit 0 having printed exactly "ok"."""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
