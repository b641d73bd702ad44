"""Streaming throughput: the app's worker path vs a bare llama-cpp-python loop, same run.

What it measures
    Decode speed (tokens/s) of one reply as the GUI thread receives it through ChatDesk's real
    path -- ``InferenceThread`` -> ``InferenceWorker.generate`` -> ``LlamaEngine.generate`` ->
    ``token_received`` queued signals -> a ``QEventLoop`` on the main thread, with a real temp
    ``Store`` receiving the worker's streaming flushes (``update_streaming`` every 0.5 s) and the
    final ``finish_message`` -- against a bare ``Llama(...)`` + ``llm.generate`` loop with
    ``detokenize`` on the same model file, the same n_ctx / n_batch / threads, the same prompt
    tokens (taken from the engine's own ``fit``), the same seed and the same sampler settings.

Why
    The app adds per-token Python work (stop-string scan, UTF-8 stream decoding, a signal per
    piece, periodic SQLite writes). This shows whether that overhead is visible; the target is
    app/raw >= 0.97.

How
    Rounds are interleaved in ABBA order (app, raw, raw, app, ...) after one unmeasured warm-up of each, and
    medians are reported. Rate = (tokens - 1) / (arrival of last token - arrival of first token),
    i.e. pure decode throughput as the consumer sees it (prompt evaluation excluded for both).
    End-of-generation tokens are ignored in both paths (``--no-ignore-eos`` to disable) so every
    reply is exactly ``--tokens`` long: for the app this wraps ``llama_vocab_is_eog`` (the real
    ctypes call still runs, only its answer is discarded), for the raw loop the same call is made
    and ignored.

    python benchmarks/stream_throughput.py [--tokens 256] [--rounds 3] [--threads N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Waiter, emit_json, median, require_supported_pyside, say, temp_data_dir

PROMPT = (
    "Write a long, detailed story about a lighthouse keeper who finds a message in a bottle. "
    "Describe the sea, the weather, the village and every person the keeper meets."
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tokens", type=int, default=256, help="reply length in tokens (default 256)")
    ap.add_argument("--rounds", type=int, default=3, help="measured rounds of each path (default 3)")
    ap.add_argument("--threads", type=int, default=0, help="llama.cpp threads (default: the app's choice)")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--no-ignore-eos", action="store_true", help="stop at end-of-generation like the app does")
    args = ap.parse_args()
    require_supported_pyside()

    data = temp_data_dir("chatdesk-bench-stream-")

    import llama_cpp
    import llama_cpp.llama_cpp as lowlevel
    from llama_cpp import Llama
    from PySide6.QtCore import QCoreApplication

    from chatdesk import paths
    from chatdesk.engine import (
        ChatMessage,
        GenerationRequest,
        LoadSettings,
        SamplingSettings,
        default_model_path,
    )
    from chatdesk.engine.detokenize import StreamDecoder
    from chatdesk.engine.llama_engine import physical_cores
    from chatdesk.settings import DEFAULT_SYSTEM_PROMPT
    from chatdesk.store import Status, Store
    from chatdesk.ui.worker import GenerationJob, InferenceThread

    ignore_eos = not args.no_ignore_eos
    real_is_eog = lowlevel.llama_vocab_is_eog
    if ignore_eos:
        def is_eog_ignored(vocab, token):  # type: ignore[no-untyped-def]
            real_is_eog(vocab, token)  # keep the real per-token cost
            return False

        lowlevel.llama_vocab_is_eog = is_eog_ignored

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    model_path = str(default_model_path())
    threads = args.threads or physical_cores()
    load = LoadSettings(n_threads=threads)
    sampling = SamplingSettings(max_tokens=args.tokens, seed=args.seed)
    messages = (ChatMessage("system", DEFAULT_SYSTEM_PROMPT), ChatMessage("user", PROMPT))

    store = Store(paths.database_path(), paths.backups_dir())
    inference = InferenceThread(store, data / "model-checks.json")
    worker = inference.worker

    loaded: list[object] = []
    worker.load_finished.connect(loaded.append)
    worker.load_failed.connect(lambda p, m: loaded.append(RuntimeError(m)))
    # Connected after the collecting slots: queued deliveries run in connection order.
    load_wait = Waiter(worker.load_finished, worker.load_failed)
    inference.request_load(model_path, load)
    load_wait.wait()
    if not loaded or isinstance(loaded[0], Exception):
        say(f"model load failed: {loaded}")
        return 1
    info = loaded[0]
    engine = worker._engine
    assert engine is not None
    prompt_tokens, _rendered, _dropped, _budget = engine.fit(messages, args.tokens)
    say(f"model {Path(model_path).name}  n_ctx={info.n_ctx}  threads={threads}  prompt={len(prompt_tokens)} tokens  "
        f"reply={args.tokens} tokens  ignore_eos={ignore_eos}")

    conv = store.create_conversation(system_prompt=DEFAULT_SYSTEM_PROMPT)
    store.add_message(conv.id, "user", PROMPT)

    # ------------------------------------------------------------------ app path
    arrivals: list[float] = []
    texts: list[str] = []
    outcomes: list[object] = []
    failures: list[str] = []
    worker.token_received.connect(lambda _rid, text: (arrivals.append(time.perf_counter()), texts.append(text)))
    worker.generation_finished.connect(outcomes.append)
    worker.generation_failed.connect(lambda _rid, msg: failures.append(msg))
    gen_wait = Waiter(worker.generation_finished, worker.generation_failed)
    request_ids = iter(range(1, 10_000))
    user_id = store.active_path(conv.id)[-1].id

    def app_round() -> dict:
        arrivals.clear()
        texts.clear()
        outcomes.clear()
        reply = store.add_message(conv.id, "assistant", "", status=Status.STREAMING, parent_id=user_id)
        job = GenerationJob(GenerationRequest(next(request_ids), messages, sampling), conv.id, reply.id)
        t_req = time.perf_counter()
        inference.request_generation(job)
        gen_wait.wait()
        t_done = time.perf_counter()
        if failures or not outcomes:
            raise RuntimeError(f"generation failed: {failures}")
        result = outcomes[0].result  # type: ignore[attr-defined]
        n = result.completion_tokens
        span = arrivals[-1] - arrivals[0]
        saved = store.get_message(reply.id)
        return {
            "tok_s": (n - 1) / span if n > 1 and span > 0 else 0.0,
            "tokens": n,
            "engine_tok_s": result.tokens_per_s,
            "ttft_ms": (arrivals[0] - t_req) * 1000,
            "finish_ms": (t_done - arrivals[-1]) * 1000,
            "signals": len(arrivals),
            "text": "".join(texts),
            "saved_ok": saved is not None and saved.content == result.text and saved.status == Status.DONE,
        }

    # ------------------------------------------------------------------ raw path
    llm = Llama(
        model_path=model_path,
        n_ctx=info.n_ctx,
        n_batch=min(load.n_batch, info.n_ctx),
        n_threads=threads,
        n_threads_batch=threads,
        n_gpu_layers=0 if not llama_cpp.llama_supports_gpu_offload() else -1,
        seed=args.seed,
        verbose=False,
    )
    vocab = llm._model.vocab

    def raw_round() -> dict:
        llm.set_seed(args.seed)
        decoder = StreamDecoder()
        out: list[str] = []
        stamps: list[float] = []
        t_req = time.perf_counter()
        gen = llm.generate(
            prompt_tokens,
            top_k=sampling.top_k,
            top_p=sampling.top_p,
            min_p=sampling.min_p,
            temp=sampling.temperature,
            repeat_penalty=sampling.repeat_penalty,
            reset=True,
        )
        try:
            for token in gen:
                if real_is_eog(vocab, token) and not ignore_eos:
                    break
                out.append(decoder.feed(llm.detokenize([token])))
                stamps.append(time.perf_counter())
                if len(stamps) >= args.tokens:
                    break
        finally:
            gen.close()
        out.append(decoder.flush())
        n = len(stamps)
        span = stamps[-1] - stamps[0] if n > 1 else 0.0
        return {
            "tok_s": (n - 1) / span if span > 0 else 0.0,
            "tokens": n,
            "ttft_ms": (stamps[0] - t_req) * 1000 if stamps else float("nan"),
            "text": "".join(out),
        }

    say("warm-up (not measured)…")
    app_round()
    raw_round()

    app_runs: list[dict] = []
    raw_runs: list[dict] = []
    for i in range(args.rounds):
        # ABBA order: which path runs first alternates, so a slow drift in machine load cancels.
        for which in (("app", "raw") if i % 2 == 0 else ("raw", "app")):
            if which == "app":
                a = app_round()
                app_runs.append(a)
                say(f"round {i + 1}: app {a['tok_s']:7.1f} tok/s ({a['tokens']} tokens, {a['signals']} signals, "
                    f"engine-side {a['engine_tok_s']:.1f} tok/s, first token {a['ttft_ms']:.0f} ms, "
                    f"final save {a['finish_ms']:.0f} ms, saved_ok={a['saved_ok']})")
            else:
                r = raw_round()
                raw_runs.append(r)
                say(f"round {i + 1}: raw {r['tok_s']:7.1f} tok/s ({r['tokens']} tokens, first token {r['ttft_ms']:.0f} ms)")

    same_text = sum(a["text"] == r["text"] for a, r in zip(app_runs, raw_runs))
    say(f"identical reply text in app and raw rounds: {same_text}/{args.rounds} (same seed and sampler)")
    app_tok_s = median([a["tok_s"] for a in app_runs])
    raw_tok_s = median([r["tok_s"] for r in raw_runs])
    ratio = app_tok_s / raw_tok_s if raw_tok_s else float("nan")
    say(f"median: app {app_tok_s:.1f} tok/s, raw {raw_tok_s:.1f} tok/s, ratio {ratio:.3f} (target >= 0.97)")

    inference.shutdown(5000)
    llm.close()
    store.close()
    lowlevel.llama_vocab_is_eog = real_is_eog
    del app
    emit_json({"app_tok_s": round(app_tok_s, 2), "raw_tok_s": round(raw_tok_s, 2), "ratio": round(ratio, 4)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
