"""GUI-thread stalls of the real MainWindow while the model loads and while a reply streams.

What it measures
    A 5 ms ``Qt.PreciseTimer`` on the GUI thread records the time between its ticks. Any gap
    much longer than 5 ms is a moment the window could not repaint or react to input. Two
    phases are recorded: "load" (``MainWindow.start()`` -> ``load_finished``: GGUF validation and
    llama.cpp load on the worker thread) and "stream" (``window.controller.send(...)`` of a
    prompt asking for a long story with ``max_tokens=500`` -> ``reply_finished``: token signals,
    the 30 Hz model flushes, Markdown layout of the growing bubble, the worker's SQLite
    flushes, the final save and SHA-256 of the model file).

Why
    ChatDesk promises that nothing on the GUI thread waits on the model or on disk. A 60 Hz
    display needs a frame every 16.7 ms, so the target is max gap <= 16 ms. The baseline (the
    same timer with the window idle) is measured in the same run and printed next to it.

How
    The real window is built the way ``chatdesk/ui/app.py`` does (temp data dir, real Store,
    bundled model), under ``QT_QPA_PLATFORM=offscreen`` unless a display is available.
    End-of-generation is ignored by default so the reply really is 500 tokens
    (``--no-ignore-eos`` to let the model stop on its own). ``--diagnose`` adds a watchdog thread
    that samples the GUI thread's Python stack whenever it misses ticks for > 12 ms and prints
    the most common stall sites (it perturbs timing slightly, so it is off by default).

    python benchmarks/ui_stall.py [--max-tokens 500] [--idle-s 1] [--diagnose]
"""

from __future__ import annotations

import argparse
import collections
import sys
import threading
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (
    Waiter,
    emit_json,
    percentile,
    require_supported_pyside,
    say,
    temp_data_dir,
    use_offscreen_qt,
)

PROMPT = (
    "Write a very long story, at least ten paragraphs, about a lighthouse keeper who finds a "
    "message in a bottle. Use headings, a bulleted list of the characters and some dialogue."
)


class Probe:
    """5 ms precise timer; gaps between ticks, bucketed by the current phase."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.phase = "setup"
        self.gaps: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)  # (gap ms, at s)
        self.phase_start = time.perf_counter()
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def set_phase(self, name: str) -> None:
        now = time.perf_counter()
        self.phase = name
        self.phase_start = now

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps[self.phase].append(((now - self.last) * 1000, now - self.phase_start))
        self.last = now


class Watchdog(threading.Thread):
    """Samples the GUI thread's stack while it is late (diagnosis only)."""

    def __init__(self, probe: Probe, threshold_ms: float = 12.0) -> None:
        super().__init__(daemon=True)
        self.probe = probe
        self.threshold = threshold_ms / 1000
        self.main_id = threading.main_thread().ident
        self.samples: collections.Counter[str] = collections.Counter()
        self.running = True

    def run(self) -> None:
        seen_for = None
        while self.running:
            time.sleep(0.002)
            last = self.probe.last
            if time.perf_counter() - last > self.threshold and seen_for != last:
                seen_for = last
                frame = sys._current_frames().get(self.main_id)
                if frame is not None:
                    stack = traceback.extract_stack(frame)[-6:]
                    key = " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack))
                    self.samples[f"[{self.probe.phase}] {key}"] += 1


def summarize(name: str, gaps: list[tuple[float, float]]) -> dict:
    values = [g for g, _ in gaps]
    if not values:
        return {"max": float("nan"), "p99": float("nan"), "n": 0, "over16": 0, "worst_at": float("nan")}
    worst = max(gaps)
    return {
        "max": worst[0],
        "p99": percentile(values, 99),
        "n": len(values),
        "over16": sum(v > 16 for v in values),
        "worst_at": worst[1],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--max-tokens", type=int, default=500, help="reply length (default 500)")
    ap.add_argument("--idle-s", type=float, default=1.0, help="seconds of idle baseline (default 1)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-ignore-eos", action="store_true", help="let the model end the reply itself")
    ap.add_argument("--diagnose", action="store_true", help="sample the GUI thread's stack during stalls")
    args = ap.parse_args()
    require_supported_pyside()

    use_offscreen_qt()
    temp_data_dir("chatdesk-bench-ui-")

    import llama_cpp.llama_cpp as lowlevel
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from chatdesk import paths
    from chatdesk.engine import BUNDLED_MODEL_NAME, SamplingSettings, default_model_path
    from chatdesk.settings import AppSettings
    from chatdesk.store import Store

    if not args.no_ignore_eos:
        real_is_eog = lowlevel.llama_vocab_is_eog

        def is_eog_ignored(vocab, token):  # type: ignore[no-untyped-def]
            real_is_eog(vocab, token)
            return False

        lowlevel.llama_vocab_is_eog = is_eog_ignored

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ChatDesk")
    paths.ensure_data_dir()
    store = Store(paths.database_path(), paths.backups_dir())
    store.mark_interrupted()
    store.purge_trash(0)
    settings = AppSettings(sampling=SamplingSettings(max_tokens=args.max_tokens, seed=args.seed))

    from chatdesk.ui.main_window import MainWindow

    window = MainWindow(store, settings, str(default_model_path()), BUNDLED_MODEL_NAME)
    window.show()

    def spin(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    spin(0.3)  # first expose and paint (not measured)
    say(f"platform={QApplication.platformName()}  window {window.width()}x{window.height()}  "
        f"max_tokens={args.max_tokens}  ignore_eos={not args.no_ignore_eos}")

    loaded: list[object] = []
    failed: list[str] = []
    outcomes: list[object] = []
    w = window.inference.worker
    w.load_finished.connect(loaded.append)
    w.load_failed.connect(lambda _p, m: failed.append(m))
    window.controller.reply_finished.connect(outcomes.append)
    w.generation_failed.connect(lambda _rid, m: failed.append(m))
    load_wait = Waiter(w.load_finished, w.load_failed)
    reply_wait = Waiter(window.controller.reply_finished, w.generation_failed)

    probe = Probe()
    watchdog = Watchdog(probe) if args.diagnose else None
    probe.start()
    if watchdog:
        watchdog.start()

    probe.set_phase("idle")
    spin(args.idle_s)

    probe.set_phase("load")
    t0 = time.perf_counter()
    QTimer.singleShot(0, window.start)
    load_wait.wait(300)
    load_s = time.perf_counter() - t0
    if failed or not loaded:
        say(f"model load failed: {failed}")
        return 1

    probe.set_phase("settle")
    spin(0.3)

    probe.set_phase("stream")
    t0 = time.perf_counter()
    sent: list[bool] = []
    QTimer.singleShot(0, lambda: sent.append(window.controller.send(PROMPT)))
    reply_wait.wait(600)
    stream_s = time.perf_counter() - t0
    probe.set_phase("after")
    spin(0.2)
    probe.timer.stop()
    if watchdog:
        watchdog.running = False
    if failed or not outcomes:
        say(f"generation failed: sent={sent} {failed}")
        return 1
    result = outcomes[0].result  # type: ignore[attr-defined]
    say(f"load took {load_s * 1000:.0f} ms; reply: {result.completion_tokens} tokens in {stream_s:.1f} s "
        f"({result.tokens_per_s:.1f} tok/s, first token {result.ttft_ms:.0f} ms), "
        f"{window.chat_view.model_.repaints} model flushes")

    stats = {name: summarize(name, probe.gaps[name]) for name in ("idle", "load", "stream")}
    for name, s in stats.items():
        say(f"{name:6s}: ticks {s['n']:5d}  worst gap {s['max']:7.1f} ms (at +{s['worst_at']:.2f} s)  "
            f"p99 {s['p99']:6.1f} ms  gaps > 16 ms: {s['over16']}")
    worst_list = sorted(((g, name, at) for name in ("load", "stream") for g, at in probe.gaps[name]), reverse=True)[:8]
    say("worst gaps: " + ", ".join(f"{g:.0f} ms ({name} +{at:.2f}s)" for g, name, at in worst_list))
    if watchdog:
        say("most common GUI-thread stacks during stalls:")
        for key, n in watchdog.samples.most_common(8):
            say(f"  {n:3d}x {key}")

    measured = [g for name in ("load", "stream") for g, _ in probe.gaps[name]]
    max_stall = max(measured)
    p99 = percentile(measured, 99)
    say(f"load+stream: worst gap {max_stall:.1f} ms, p99 {p99:.1f} ms (target <= 16); "
        f"idle baseline worst {stats['idle']['max']:.1f} ms, p99 {stats['idle']['p99']:.1f} ms")

    window.close()
    store.close()
    emit_json({
        "max_stall_ms": round(max_stall, 1),
        "p99_ms": round(p99, 1),
        "load_max_ms": round(stats["load"]["max"], 1),
        "stream_max_ms": round(stats["stream"]["max"], 1),
        "idle_max_ms": round(stats["idle"]["max"], 1),
    })
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
