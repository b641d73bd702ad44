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


class Waiter:
    """Run a nested QEventLoop until one of some signals fires (or a timeout).

    Signals are connected once and never disconnected: ``SignalInstance.disconnect`` in
    PySide6 6.12 drops a reference to ``True`` on every call, which eventually aborts the
    interpreter at exit ("bool_dealloc: deallocating True or False").
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


_BANK: list[object] = []


def guard_pyside_true_refcount(extra: int = 2_000_000, extra_none: int = 10_000_000):
    """Work around a PySide6 6.12 refcount bug on CPython 3.11 so long benchmarks survive.

    With the cp310-abi3 PySide6 6.12.0 wheel on CPython 3.11, ``SignalInstance.emit()`` returns
    ``True`` and every ``void`` Qt method (``processEvents``, ``scrollToBottom``, ``QPainter``
    calls, ...) returns ``None`` without taking a reference, so each call drops one reference to
    ``True`` / ``None``. When one reaches zero CPython aborts ("Fatal Python error:
    bool_dealloc" / "none_dealloc"); CPython >= 3.12 has immortal singletons and hides the bug.
    We bank references up front and return a function giving the current counts
    ``(True, None)`` (compare two readings taken after all imports). Scripts end with
    ``hard_exit`` so the interpreter's final teardown does not trip over the imbalance.
    """
    _BANK.extend([True] * extra)
    _BANK.extend([False] * extra)
    _BANK.extend([None] * extra_none)
    return lambda: (sys.getrefcount(True), sys.getrefcount(None))


def hard_exit(code: int = 0) -> None:
    """Flush and leave without interpreter teardown (see ``guard_pyside_true_refcount``)."""
    import os

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
