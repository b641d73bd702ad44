"""Streaming throughput: ChatDesk's window against llama.cpp's own CLI, in the same run.

What it measures
    Decode speed (tokens/s) of one reply as the *user* receives it: the real ``MainWindow`` (shown;
    offscreen, or on the X display when ``DISPLAY`` is set) sends a message through the
    conversation flow, the inference worker thread generates, the text crosses to the GUI thread
    as queued signals, a bound slot on a GUI-thread object records each arrival, and the message
    model repaints the view. Baselines measured in the same run, on the same GGUF, threads and
    sampler (penalties 1.1 over 64 tokens, top-k 40, top-p 0.95, min-p 0.05, temperature 0.7):

    * ``cli``: llama.cpp's own ``llama-completion`` built from the llama.cpp that llama-cpp-python
      vendors (``benchmarks/llama_tools.py``; cached outside the repository): the tokens it decoded
      over its own ``eval time`` plus ``sampling time`` (its eval-only rate is printed too). This
      is the engine's limit and the target: app/cli >= 0.97.
    * ``loop``: a bare Python loop on llama-cpp-python's low-level API (one persistent
      ``llama_sampler`` chain, ``llama_decode`` one token at a time), in its own process, for
      reference. (Not in this process: a second OpenMP thread pool here halves both.)
    * ``app+probs``: the app with the token-probability view on (#10): target >= 0.85 of ``app``.
    * ``app-hidden``: the same flow with the window hidden (nothing is painted; the text still
      crosses to the GUI thread and is stored): app / app-hidden is what the window itself costs.

How
    Rate = (tokens - 1) / (last arrival - first arrival): pure decode as the consumer sees it (the
    CLI reports the same quantity as its eval time). End-of-generation is ignored everywhere
    (``--ignore-eos`` for the CLI; for the app and loop ``llama_vocab_is_eog`` still runs, its answer
    is discarded), so every reply is exactly ``--tokens`` long. Paths alternate (rotating order)
    for ``--rounds`` rounds after one warm-up each; medians and min–max spreads are printed.
    ``--busy N`` adds, in every round, the same paths with N busy-looping processes running (paused
    with SIGSTOP in between): each path's busy/idle ratio is its fair share under load (target for
    the app: >= 0.45).

    python benchmarks/stream_throughput.py [--tokens 256] [--rounds 5] [--threads N] [--busy 0]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import emit_json, median, require_supported_pyside, say, temp_data_dir, use_offscreen_qt

PROMPT = (
    "Write a long, detailed story about a lighthouse keeper who finds a message in a bottle. "
    "Describe the sea, the weather, the village and every person the keeper meets."
)
SAMPLER = {"temperature": 0.7, "top_k": 40, "top_p": 0.95, "min_p": 0.05, "repeat_penalty": 1.1}


def _spin() -> None:
    while True:
        pass


def run_cli(tools, model: str, prompt: str, tokens: int, threads: int, seed: int) -> dict:  # type: ignore[no-untyped-def]
    cmd = [
        tools.completion, "-m", model, "-p", prompt, "-n", str(tokens), "-t", str(threads), "-tb", str(threads),
        "--temp", str(SAMPLER["temperature"]), "--top-k", str(SAMPLER["top_k"]), "--top-p", str(SAMPLER["top_p"]),
        "--min-p", str(SAMPLER["min_p"]), "--repeat-penalty", str(SAMPLER["repeat_penalty"]), "--repeat-last-n", "64",
        "-no-cnv", "--ignore-eos", "-s", str(seed), "--no-display-prompt", "-c", "2048",
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600)
    m = re.search(r"\beval time =\s*([\d.]+) ms /\s*(\d+) runs", out.stderr)
    sampling = re.search(r"sampling time =\s*([\d.]+) ms", out.stderr)
    if out.returncode != 0 or not m or not sampling:
        raise RuntimeError(f"llama-completion failed ({out.returncode}): {out.stderr[-2000:]}")
    eval_ms, runs, sampling_ms = float(m.group(1)), int(m.group(2)), float(sampling.group(1))
    # The CLI reports decoding ("eval time") and sampling separately; the app's rate includes both.
    return {"tok_s": runs / ((eval_ms + sampling_ms) / 1000), "eval_only_tok_s": runs / (eval_ms / 1000), "tokens": runs + 1}


def loop_child(tokens: int, threads: int, seed: int) -> int:
    """The bare low-level loop: one persistent llama.cpp sampler chain, one llama_decode a token."""
    import llama_cpp
    import llama_cpp.llama_cpp as lowlevel
    from llama_cpp import Llama

    from chatdesk.engine import default_model_path

    llm = Llama(model_path=str(default_model_path()), n_ctx=2048, n_threads=threads, n_threads_batch=threads,
                flash_attn=True, verbose=False)  # as llama-completion (-fa auto) and the engine
    ctx = llm.ctx
    vocab = lowlevel.llama_model_get_vocab(llm.model)
    n_vocab = llm.n_vocab()
    prompt_tokens = llm.tokenize(PROMPT.encode(), add_bos=True, special=False)
    arr = (llama_cpp.llama_token * len(prompt_tokens))(*prompt_tokens)
    assert lowlevel.llama_decode(ctx, lowlevel.llama_batch_get_one(arr, len(prompt_tokens))) == 0
    chain = lowlevel.llama_sampler_chain_init(lowlevel.llama_sampler_chain_default_params())
    for sampler in (
        lowlevel.llama_sampler_init_penalties(n_vocab, 64, SAMPLER["repeat_penalty"], 0.0, 0.0),
        lowlevel.llama_sampler_init_top_k(SAMPLER["top_k"]),
        lowlevel.llama_sampler_init_top_p(SAMPLER["top_p"], 1),
        lowlevel.llama_sampler_init_min_p(SAMPLER["min_p"], 1),
        lowlevel.llama_sampler_init_temp(SAMPLER["temperature"]),
        lowlevel.llama_sampler_init_dist(seed),
    ):
        lowlevel.llama_sampler_chain_add(chain, sampler)
    one = (llama_cpp.llama_token * 1)()
    stamps: list[float] = []
    for _ in range(tokens):
        tok = lowlevel.llama_sampler_sample(chain, ctx, -1)
        lowlevel.llama_vocab_is_eog(vocab, tok)  # the same per-token call the app makes (answer ignored)
        stamps.append(time.perf_counter())
        one[0] = tok
        if lowlevel.llama_decode(ctx, lowlevel.llama_batch_get_one(one, 1)) != 0:
            break
    lowlevel.llama_sampler_free(chain)
    llm.close()
    print(json.dumps({"tok_s": (len(stamps) - 1) / (stamps[-1] - stamps[0]), "tokens": len(stamps)}))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tokens", type=int, default=256, help="reply length in tokens (default 256)")
    ap.add_argument("--rounds", type=int, default=5, help="measured rounds of each path (default 5)")
    ap.add_argument("--threads", type=int, default=0, help="llama.cpp threads (default: the app's choice)")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--busy", type=int, default=0, help="busy-looping background processes during the run")
    ap.add_argument("--no-cli", action="store_true", help="skip llama.cpp's CLI (no C++ toolchain)")
    ap.add_argument("--loop-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.loop_child:
        return loop_child(args.tokens, args.threads or 1, args.seed)
    require_supported_pyside()
    use_offscreen_qt()
    temp_data_dir("chatdesk-bench-stream-")

    import llama_cpp.llama_cpp as lowlevel
    from PySide6.QtCore import QObject, Slot
    from PySide6.QtWidgets import QApplication

    from chatdesk.chat.chat_settings import ChatSettings
    from chatdesk.engine import LoadSettings, SamplingSettings, default_model_path
    from chatdesk.engine.llama_engine import physical_cores
    from chatdesk.settings import DEFAULT_SYSTEM_PROMPT, AppSettings
    from chatdesk.store import Status, Store
    from chatdesk.ui.shell.main_window import MainWindow

    real_is_eog = lowlevel.llama_vocab_is_eog

    def is_eog_ignored(vocab, token):  # type: ignore[no-untyped-def]
        real_is_eog(vocab, token)  # keep the real per-token cost
        return False

    lowlevel.llama_vocab_is_eog = is_eog_ignored
    busy = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(args.busy)]
    for p in busy:
        p.start()
        os.kill(p.pid, signal.SIGSTOP)  # paused until a "busy" round

    def load(on: bool) -> None:
        for p in busy:
            os.kill(p.pid, signal.SIGCONT if on else signal.SIGSTOP)
        if on:
            time.sleep(0.3)  # let the scheduler see them running

    app = QApplication.instance() or QApplication(sys.argv[:1])
    model_path = str(default_model_path())
    threads = args.threads or physical_cores()
    sampling = SamplingSettings(max_tokens=args.tokens, seed=args.seed, **SAMPLER)
    # The app's own thread choice (automatic: the free cores) unless --threads fixes it.
    settings = AppSettings(sampling=sampling, load=LoadSettings(n_ctx=2048, n_threads=args.threads or None))
    from chatdesk import paths

    store = Store(paths.database_path(), paths.backups_dir())
    win = MainWindow(store, settings, model_path)
    win.resize(1000, 700)
    win.show()
    from _common import Waiter

    load_wait = Waiter(win.inference.worker.load_finished, win.inference.worker.load_failed)
    win.start()
    load_wait.wait()
    info = win.controller.model_info
    if info is None:
        say("model load failed")
        return 1

    class Probe(QObject):
        """Lives on the GUI thread: a bound slot, so delivery is queued across threads as in the app."""

        def __init__(self) -> None:
            super().__init__()
            self.arrivals: list[float] = []

        @Slot(int, str)
        def on_text(self, _rid: int, _text: str) -> None:
            self.arrivals.append(time.perf_counter())

    probe = Probe()
    win.inference.worker.token_received.connect(probe.on_text)
    done_wait = Waiter(win.controller.reply_finished)
    outcomes: list[object] = []
    win.controller.reply_finished.connect(outcomes.append)

    def app_round(probs: bool, hidden: bool = False) -> dict:
        if hidden:  # the same flow with nothing painted: what the window itself costs
            win.hide()
            QApplication.processEvents()
        try:
            return app_round_shown(probs)
        finally:
            if hidden:
                win.show()
                QApplication.processEvents()

    def app_round_shown(probs: bool) -> dict:
        probe.arrivals.clear()
        outcomes.clear()
        win.controller.new_conversation()
        cid = win.controller.current_id
        win.controller.flow.save_chat_settings(cid, ChatSettings(DEFAULT_SYSTEM_PROMPT, sampling, show_probabilities=probs))
        repaints = win.chat_view.model_.repaints
        t0 = time.perf_counter()
        gui_cpu0 = time.thread_time()  # this (GUI) thread's CPU: sending, receiving, repainting
        assert win.controller.send(PROMPT)
        done_wait.wait(600)
        gui_cpu = time.thread_time() - gui_cpu0
        outcome = outcomes[0]
        result = outcome.result  # type: ignore[attr-defined]
        n = result.completion_tokens
        span = probe.arrivals[-1] - probe.arrivals[0]
        saved = outcome.finished.record  # type: ignore[attr-defined]
        return {
            "tok_s": (n - 1) / span if n > 1 and span > 0 else 0.0,
            "tokens": n,
            "ttft_ms": (probe.arrivals[0] - t0) * 1000,
            "signals": len(probe.arrivals),
            "repaints": win.chat_view.model_.repaints - repaints,
            "gui_cpu_ms": gui_cpu * 1000,
            "threads": dict(outcome.finished.provenance).get("threads"),  # type: ignore[attr-defined]
            "saved_ok": saved is not None and saved.status == Status.DONE and len(saved.content) > 0,
        }

    # ------------------------------------------------------------------ bare low-level loop
    # In its own process, like the CLI: two OpenMP thread pools in one process (this one's GUI-less
    # main thread and the app's inference thread) would slow each other down.
    def loop_round() -> dict:
        out = subprocess.run(
            [sys.executable, __file__, "--loop-child", "--tokens", str(args.tokens), "--threads", str(threads), "--seed", str(args.seed)],
            capture_output=True, text=True, timeout=600,
        )
        line = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
        if out.returncode != 0 or not line.startswith("{"):
            raise RuntimeError(f"bare loop failed: {out.stderr[-2000:]}")
        return json.loads(line)

    tools = None
    if not args.no_cli:
        from llama_tools import llama_tools

        say("llama.cpp tools (built once from the vendored source, cached outside the repo)…")
        tools = llama_tools()

    paths_run = {
        "app": lambda: app_round(False),
        "app-hidden": lambda: app_round(False, hidden=True),
        "cli": (lambda: run_cli(tools, model_path, PROMPT, args.tokens, threads, args.seed)) if tools else None,
        "loop": loop_round,
        "app+probs": lambda: app_round(True),
    }
    paths_run = {k: v for k, v in paths_run.items() if v is not None}
    say(f"model {Path(model_path).name}  threads={threads}  reply={args.tokens} tokens  busy={args.busy}  "
        f"display={QApplication.platformName()}")
    say("warm-up (not measured)…")
    for fn in paths_run.values():
        fn()
    names = list(paths_run)
    conditions = ["idle", "busy"] if busy else ["idle"]
    runs: dict[str, list[dict]] = {f"{n}@{c}": [] for n in names for c in conditions}
    for i in range(args.rounds):
        order = names[i % len(names):] + names[: i % len(names)]  # rotate, so drift in load cancels
        for cond in conditions if i % 2 == 0 else conditions[::-1]:
            load(cond == "busy")
            for name in order:
                r = paths_run[name]()
                runs[f"{name}@{cond}"].append(r)
                extra = (f" ({r['threads']} llama.cpp threads, {r['signals']} signals, {r['repaints']} repaints, "
                         f"GUI thread CPU {r['gui_cpu_ms']:.0f} ms, first token {r['ttft_ms']:.0f} ms)") if "signals" in r else ""
                say(f"round {i + 1} {cond}: {name:9s} {r['tok_s']:7.1f} tok/s{extra}")
            load(False)

    def stat(key: str) -> tuple[float, float, float]:
        vals = [r["tok_s"] for r in runs.get(key, [])]
        return (median(vals), min(vals), max(vals)) if vals else (float("nan"),) * 3

    out: dict[str, object] = {"threads": threads, "busy": args.busy, "tokens": args.tokens, "rounds": args.rounds}
    for key in runs:
        m, lo, hi = stat(key)
        say(f"median {key:14s} {m:7.1f} tok/s  (spread {lo:.1f}–{hi:.1f})")
        label = key.replace("+", "_").replace("-", "_").replace("@idle", "").replace("@busy", "_busy")
        out[f"{label}_tok_s"] = round(m, 2)
        out[f"{label}_spread"] = [round(lo, 1), round(hi, 1)]
    app_m = stat("app@idle")[0]
    if "cli@idle" in runs:
        out["ratio_app_cli"] = round(app_m / stat("cli@idle")[0], 3)
        say(f"app / llama.cpp CLI = {out['ratio_app_cli']} (target >= 0.97)")
        out["ratio_app_hidden_cli"] = round(stat("app-hidden@idle")[0] / stat("cli@idle")[0], 3)
        say(f"app with the window hidden / llama.cpp CLI = {out['ratio_app_hidden_cli']}")
    out["ratio_app_shown_hidden"] = round(app_m / stat("app-hidden@idle")[0], 3)
    say(f"window shown / hidden = {out['ratio_app_shown_hidden']} (what painting the reply costs the stream)")
    out["ratio_app_loop"] = round(app_m / stat("loop@idle")[0], 3)
    out["ratio_probs_app"] = round(stat("app+probs@idle")[0] / app_m, 3)
    say(f"app / bare loop = {out['ratio_app_loop']};  probabilities on / off = {out['ratio_probs_app']} (target >= 0.85)")
    if busy:
        for name in names:
            share = stat(f"{name}@busy")[0] / stat(f"{name}@idle")[0]
            out[f"fair_share_{name.replace('+', '_')}"] = round(share, 3)
            say(f"{name}: busy / idle = {share:.3f}" + (" (target >= 0.45)" if name == "app" else ""))
    out["saved_ok"] = all(r["saved_ok"] for k, v in runs.items() if k.startswith("app") for r in v)

    win.close()
    store.close()
    for p in busy:
        os.kill(p.pid, signal.SIGCONT)
        p.terminate()
    lowlevel.llama_vocab_is_eog = real_is_eog
    del app
    emit_json(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
