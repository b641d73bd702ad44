"""GUI-thread stalls of the real window while its local server streams to another program.

What it measures
    The real ``MainWindow`` loads the bundled model and starts its local server from the Server
    panel (File → Local server…, which stays open and lists the request). Another process (an
    ``httpx2`` client, as an editor or script would be) then streams a ``/v1/completions`` reply
    of ``--tokens`` tokens from the window's model: the server borrows the window's engine
    (``chatdesk/engine/sharing.py``), so the decoding runs on the server's worker thread inside
    the window's process. The 5 ms probe of ``ui_stall.py`` records the GUI thread's gaps:

    * ``idle``: the window idle, the server on (the baseline of this run);
    * ``serve``: one client streaming;
    * ``serve+chat``: one client streaming while the person in the window sends a message: the
      window's reply goes first (the server's reply pauses between two tokens) and streams too.

    Target (issue #14): the worst gap while serving stays within ``ui_stall.py``'s target (16 ms).
    The client's own figures (tokens, the longest pause between two chunks, which shows the
    window's turn) are printed beside it. Last line: JSON.

    python benchmarks/serve_stall.py [--tokens 500] [--idle-s 1] [--diagnose]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Waiter, emit_json, percentile, require_supported_pyside, say, temp_data_dir, use_offscreen_qt
from ui_stall import Probe, Watchdog, build_window, spin, summarize

PROMPT = "Write a long, detailed story about a lighthouse keeper who finds a message in a bottle."
CHAT_PROMPT = "Write a short poem about the sea."

CLIENT = r"""
import json, sys, time, httpx2
url, model, tokens, prompt = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
body = {"model": model, "prompt": prompt, "max_tokens": tokens, "stream": True, "ignore_eos": True,
        "temperature": 0.7, "seed": 1}
arrivals, finish = [], None
with httpx2.stream("POST", url + "/completions", json=body, timeout=600) as r:
    for line in r.iter_lines():
        if line.startswith("data: {"):
            arrivals.append(time.perf_counter())
            if '"finish_reason":"' in line.replace(" ", ""):
                finish = line.replace(" ", "").split('"finish_reason":"')[1].split('"')[0]
pauses = [b - a for a, b in zip(arrivals, arrivals[1:])]
print(json.dumps({"chunks": len(arrivals), "finish": finish,
                  "tok_s": (len(arrivals) - 1) / (arrivals[-1] - arrivals[0]) if len(arrivals) > 1 else 0.0,
                  "longest_pause_ms": max(pauses) * 1000 if pauses else 0.0}))
"""


def _client(url: str, model: str, tokens: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CLIENT, url, model, str(tokens), PROMPT],
                            stdout=subprocess.PIPE, text=True)


def _wait_process(proc: subprocess.Popen, timeout_s: float) -> dict:
    """Spin the event loop (the probe keeps ticking) until the client exits."""
    deadline = time.monotonic() + timeout_s
    while proc.poll() is None and time.monotonic() < deadline:
        spin(0.05)
    if proc.poll() is None:
        proc.kill()
        raise SystemExit("the client did not finish in time")
    out = proc.stdout.read() if proc.stdout else ""
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tokens", type=int, default=500, help="tokens the client asks for (default 500)")
    ap.add_argument("--idle-s", type=float, default=1.0, help="seconds of idle baseline (default 1)")
    ap.add_argument("--diagnose", action="store_true", help="sample the GUI thread's stack during stalls")
    args = ap.parse_args()
    require_supported_pyside()
    use_offscreen_qt()
    temp_data_dir("chatdesk-bench-serve-")
    return run(args)


def run(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    from chatdesk.library import BUNDLED_ID
    from chatdesk.ui.server.controller import ON

    _app, window, store = build_window(max_tokens=200, n_ctx=4096, seed=7)
    w = window.inference.worker
    load_wait = Waiter(w.load_finished, w.load_failed)
    window.start()
    load_wait.wait(300)
    if w.engine is None or not w.engine.loaded:
        say("the model did not load")
        return 1
    panel = window.server.show()
    controller = panel.controller
    controller.settings = replace(controller.settings, port=0)
    controller.start()
    deadline = time.monotonic() + 120
    while controller.state != ON and time.monotonic() < deadline:
        spin(0.05)
    if controller.state != ON:
        say("the server did not start")
        return 1
    url = controller.url
    say(f"platform={QApplication.platformName()}  server {url}  client asks for {args.tokens} tokens")

    probe = Probe()
    watchdog = Watchdog(probe) if args.diagnose else None
    probe.start()
    if watchdog:
        watchdog.start()
    probe.set_phase("idle")
    spin(args.idle_s)

    probe.set_phase("serve")
    alone = _wait_process(_client(url, BUNDLED_ID, args.tokens), 900)
    slot = controller.server.pool.loaded()[0] if controller.server and controller.server.pool.loaded() else None
    shared = slot is not None and slot.engine is w.engine

    probe.set_phase("settle")
    spin(0.3)
    probe.set_phase("serve+chat")
    reply_wait = Waiter(window.controller.reply_finished, w.generation_failed)
    client = _client(url, BUNDLED_ID, args.tokens)
    while client.poll() is None and not controller.requests():
        spin(0.02)
    spin(0.5)  # the client's reply is streaming
    window.controller.send(CHAT_PROMPT)
    reply_wait.wait(900)
    both = _wait_process(client, 900)
    probe.set_phase("after")
    spin(0.2)
    probe.timer.stop()
    if watchdog:
        watchdog.running = False

    stats = {name: summarize(probe.gaps[name], probe.cpu[name]) for name in ("idle", "serve", "serve+chat")}
    say(f"the server {'borrowed the window engine' if shared else 'loaded its own copy'}")
    say(f"client alone: {alone['chunks']} chunks at {alone['tok_s']:.1f} tok/s, longest pause "
        f"{alone['longest_pause_ms']:.0f} ms, finish {alone['finish']}")
    say(f"client with a window reply: {both['chunks']} chunks at {both['tok_s']:.1f} tok/s, longest pause "
        f"{both['longest_pause_ms']:.0f} ms (the window's turn), finish {both['finish']}")
    for name, s in stats.items():
        say(f"{name:10s}: ticks {s['n']:5d}  worst gap {s['max']:7.1f} ms  p99 {s['p99']:6.1f} ms  "
            f"gaps > 16 ms: {s['over16']}; GUI-thread CPU in the worst gap {s['cpu_max']:.1f} ms")
    if watchdog:
        say("most common GUI-thread stacks during stalls:")
        for key, n in watchdog.samples.most_common(8):
            say(f"  {n:3d}x {key}")
    measured = [g for name in ("serve", "serve+chat") for g, _ in probe.gaps[name]]
    worst, p99 = max(measured), percentile(measured, 99)
    say(f"serving: worst gap {worst:.1f} ms, p99 {p99:.1f} ms (target <= 16); idle baseline worst "
        f"{stats['idle']['max']:.1f} ms")
    controller.shutdown()
    window.close()
    store.close()
    emit_json({
        "shared_engine": shared,
        "max_stall_ms": round(worst, 1),
        "p99_ms": round(p99, 1),
        "serve_max_ms": round(stats["serve"]["max"], 1),
        "serve_chat_max_ms": round(stats["serve+chat"]["max"], 1),
        "idle_max_ms": round(stats["idle"]["max"], 1),
        "client_tok_s": round(alone["tok_s"], 1),
        "client_longest_pause_ms": round(both["longest_pause_ms"], 1),
        "client_finish": [alone["finish"], both["finish"]],
    })
    return 0


if __name__ == "__main__":
    sys.exit(main())
