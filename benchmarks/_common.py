"""Small helpers shared by the benchmark scripts (not a benchmark itself).

Every benchmark runs against a throw-away data folder, measures its own baseline in the same
run (the machines these run on are noisy), prints human-readable lines and ends with exactly
one JSON line.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def temp_data_dir(prefix: str = "chatdesk-bench-") -> Path:
    """Point every ChatDesk path (env var and explicit override) at a fresh temp folder."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["CHATDESK_HOME"] = str(path)
    from chatdesk import paths

    paths.set_data_dir(path)
    return path


def use_offscreen_qt() -> None:
    """Headless Qt unless a real display is available (must run before QApplication)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (pct in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(pct / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def say(*parts: object) -> None:
    print(*parts, flush=True)


def emit_json(obj: dict) -> None:
    """The last line of every benchmark's output."""
    sys.stdout.flush()
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def require_supported_pyside() -> None:
    """Exit with a clear message if PySide6 6.12.x is installed.

    PySide6 6.12.0 on CPython 3.11 drops a reference to ``True`` / ``None`` on every signal
    emission and void Qt call, so a long run aborts the interpreter. pyproject.toml pins
    ``pyside6-essentials<6.12`` and ``tests/test_qt_runtime.py`` guards against it; this check
    stops a benchmark from running against such an environment anyway.
    """
    import PySide6

    if tuple(PySide6.__version_info__[:2]) == (6, 12):
        sys.exit(f"PySide6 {PySide6.__version__} is installed, but the benchmarks need PySide6 < 6.12 "
                 "(6.12 leaks references to True/None on every signal emission and aborts Python 3.11). "
                 "Reinstall the pinned version: .venv/bin/pip install -e . (pyproject pins "
                 "pyside6-essentials>=6.6,<6.12).")


class Waiter:
    """Run a nested QEventLoop until one of some signals fires (or a timeout).

    The signals are connected once, so one Waiter can be reused for several waits.
    """

    def __init__(self, *signals) -> None:  # type: ignore[no-untyped-def]
        self._loop = None
        for sig in signals:
            sig.connect(self._quit)

    def _quit(self, *_args: object) -> None:
        if self._loop is not None:
            self._loop.quit()

    def wait(self, timeout_s: float = 300.0) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        self._loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(self._quit)
        timer.start(int(timeout_s * 1000))
        self._loop.exec()
        timer.stop()
        self._loop = None
