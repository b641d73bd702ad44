"""How long opening a model library of 50 models takes (target: under 200 ms).

Builds a throw-away data folder whose library lists 50 real GGUF files (hard links to one copy
of the bundled model, each with its own path, so each was validated and described once), then
measures:

* cold: a fresh Python process imports ``chatdesk.library`` and opens the library (median of 5);
  ``cold_open_ms`` is the open alone, ``cold_process_ms`` includes the imports;
* warm: ``Catalog.open()`` again in this process (median of 20);
* baseline, same run: the open right after every file's time changed, so the cached metadata no
  longer applies and each GGUF is validated again; this is what the cache saves;
* window: File → Models… — a new ``LibraryWindow`` created, shown, the library read on the thread
  pool and the table of 50 models painted (offscreen Qt, median of 10), against the warm
  ``Catalog.open()`` of the same run (``window_to_catalog_ratio``).

Prints human lines, then one JSON line.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, emit_json, say, temp_data_dir, use_offscreen_qt

N_MODELS = 50
TARGET_MS = 200.0

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from chatdesk.library import Catalog
t1 = time.perf_counter()
lib = Catalog.open(sys.argv[1])
n = len(lib.entries())
t2 = time.perf_counter()
print(json.dumps({"n": n, "import_ms": (t1 - t0) * 1e3, "open_ms": (t2 - t1) * 1e3}))
"""


def build(data: Path) -> Path:
    from chatdesk.engine import default_model_path
    from chatdesk.library import Catalog

    src_dir = data.parent / (data.name + "-files")
    src_dir.mkdir()
    master = src_dir / "master.gguf"  # our own copy: touching it later must not touch the installed model
    shutil.copyfile(default_model_path(), master)
    lib = Catalog.open(data)
    t = time.perf_counter()
    for i in range(N_MODELS - 1):
        p = src_dir / f"model-{i:02d}-Q4_1.gguf"
        try:
            os.link(master, p)
        except OSError:
            shutil.copyfile(master, p)
        lib.add_file(p)
    say(f"built a library of {len(lib.entries())} models in {time.perf_counter() - t:.1f} s")
    return master


def cold_open(data: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = subprocess.run([sys.executable, "-c", CHILD, str(data)], capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def window_open_ms(data: Path, runs: int = 10) -> list[float]:
    """Time from creating the library window to its table of N_MODELS models painted (first, then ``runs``)."""
    use_offscreen_qt()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from chatdesk import paths
    from chatdesk.ui.models.library_window import LibraryWindow

    app = QApplication.instance() or QApplication([])
    paths.set_data_dir(data)
    times = []
    for _ in range(runs + 1):  # the first run also warms Qt's style and fonts: reported apart
        t = time.perf_counter()
        win = LibraryWindow()
        loop = QEventLoop()
        win.populated.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        win.show()
        loop.exec()
        win.repaint()  # paint the rows now
        elapsed = (time.perf_counter() - t) * 1e3
        assert len(win.entries()) == N_MODELS, len(win.entries())
        times.append(elapsed)
        win.close()
        win.deleteLater()
        app.processEvents()
    return times


def main() -> None:
    data = temp_data_dir("chatdesk-bench-library-")
    from chatdesk.library import Catalog

    master = build(data)
    colds = [cold_open(data) for _ in range(5)]
    assert all(c["n"] == N_MODELS for c in colds), colds
    cold_open_ms = statistics.median(c["open_ms"] for c in colds)
    cold_process_ms = statistics.median(c["open_ms"] + c["import_ms"] for c in colds)
    warm = []
    for _ in range(20):
        t = time.perf_counter()
        n = len(Catalog.open(data).entries())
        warm.append((time.perf_counter() - t) * 1e3)
    assert n == N_MODELS
    warm_ms = statistics.median(warm)

    first_window_ms, *windows = window_open_ms(data)
    window_ms = statistics.median(windows)

    # Baseline: every file looks changed (new mtime), so every GGUF is read again.
    st = master.stat()
    os.utime(master, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    t = time.perf_counter()
    n = len(Catalog.open(data).entries())
    uncached_ms = (time.perf_counter() - t) * 1e3
    assert n == N_MODELS

    say(f"cold open (fresh process): {cold_open_ms:.1f} ms open, {cold_process_ms:.1f} ms with imports")
    say(f"warm open: {warm_ms:.2f} ms")
    say(f"open after every file changed (metadata read again): {uncached_ms:.0f} ms")
    say(f"library window (create, read on the thread pool, paint {N_MODELS} rows): {window_ms:.1f} ms "
        f"(min {min(windows):.1f}, max {max(windows):.1f}; the first in this process, with Qt's style and fonts "
        f"still cold: {first_window_ms:.1f} ms)")
    shutil.rmtree(data, ignore_errors=True)
    shutil.rmtree(master.parent, ignore_errors=True)
    emit_json({
        "models": N_MODELS,
        "cold_open_ms": round(cold_open_ms, 1),
        "cold_process_ms": round(cold_process_ms, 1),
        "warm_open_ms": round(warm_ms, 2),
        "uncached_open_ms": round(uncached_ms, 1),
        "cache_speedup": round(uncached_ms / cold_open_ms, 1),
        "target_ms": TARGET_MS,
        "window_open_ms": round(window_ms, 1),
        "first_window_open_ms": round(first_window_ms, 1),
        "window_to_catalog_ratio": round(window_ms / warm_ms, 1),
        "meets_target": cold_process_ms < TARGET_MS and window_ms < TARGET_MS,
    })


if __name__ == "__main__":
    main()
