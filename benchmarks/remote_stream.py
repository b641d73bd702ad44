"""Remote streaming throughput: RemoteEngine vs a bare httpx2 SSE loop, same server, same run.

What it measures
    Decode speed (tokens/s) of one streamed reply as the caller receives it, through ChatDesk's
    ``RemoteEngine.generate`` (request thread, event queue, stop polling, JSON parsing, on_text
    callback) against a bare loop: ``httpx2.Client.stream`` + ``httpx2.EventSource`` +
    ``json.loads`` per event. Both talk to the same local ``python -m llama_cpp.server`` serving
    the bundled model, with the same prompt, seed, sampler settings and max_tokens, so the server
    does the same work (the script checks that both replies are identical).

Why
    The engine adds a thread hand-off per event and its own bookkeeping so that Stop works while
    the server is silent. This shows whether that costs anything visible; target ratio >= 0.95.

How
    One unmeasured warm-up of each path, then rounds alternating engine/bare (ABBA order).
    Rate = (pieces - 1) / (arrival of last piece - arrival of first piece): pure decode throughput
    as the consumer sees it, prompt evaluation excluded for both. llama-cpp-python sends one
    event per token. The server's speed dominates both rates and varies with machine load, so the
    client's own CPU time per piece (``time.process_time`` over all threads of this process; the
    server is another process) is reported too: it is the engine's overhead, free of server
    noise. Medians and the spread (min-max) are reported; the last line is JSON.

    python benchmarks/remote_stream.py [--tokens 160] [--rounds 5] [--seed 1234]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import emit_json, median, say, temp_data_dir

PROMPT = (
    "Write a long, detailed story about a lighthouse keeper who finds a message in a bottle. "
    "Describe the sea, the weather, the village and every person the keeper meets."
)


def start_server(model: str, port: int) -> tuple[subprocess.Popen[str], list[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", model, "--host", "127.0.0.1", "--port", str(port),
         "--n_ctx", "2048"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace",
    )
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.rstrip())
            if "Uvicorn running on" in line:
                ready.set()
        ready.set()

    threading.Thread(target=read, daemon=True).start()
    if not ready.wait(300) or proc.poll() is not None:
        proc.kill()
        sys.exit("llama_cpp.server did not start:\n" + "\n".join(lines[-30:]))
    return proc, lines


def rate(stamps: list[float]) -> float:
    if len(stamps) < 2 or stamps[-1] <= stamps[0]:
        return float("nan")
    return (len(stamps) - 1) / (stamps[-1] - stamps[0])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tokens", type=int, default=160, help="max_tokens per reply (default 160)")
    ap.add_argument("--rounds", type=int, default=5, help="measured rounds of each path (default 5, at least 5)")
    ap.add_argument("--seed", type=int, default=1234)
    args = ap.parse_args()
    args.rounds = max(5, args.rounds)
    temp_data_dir("chatdesk-bench-remote-")

    import socket

    import httpx2

    from chatdesk.engine import default_model_path
    from chatdesk.engine.remote import RemoteEngine
    from chatdesk.engine.types import ChatMessage, GenerationRequest, RemoteSource, SamplingSettings

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    model = str(default_model_path())
    say(f"starting llama_cpp.server on port {port} with {Path(model).name} ...")
    proc, _log = start_server(model, port)
    base = f"http://127.0.0.1:{port}/v1"
    sampling = SamplingSettings(max_tokens=args.tokens, seed=args.seed)
    messages = (ChatMessage("user", PROMPT),)

    engine = RemoteEngine()
    engine.load(RemoteSource(base, model))
    bare_client = httpx2.Client(timeout=httpx2.Timeout(300.0, connect=10.0))
    # Exactly the fields the engine sends for llama-cpp-python (see docs/remote.md).
    body = {
        "model": model,
        "messages": [{"role": m.role, "content": m.content} for m in messages],
        "temperature": sampling.temperature,
        "top_p": sampling.top_p,
        "max_tokens": sampling.max_tokens,
        "seed": args.seed,
        "stream": True,
        "stream_options": {"include_usage": True},
        "top_k": sampling.top_k,
        "min_p": sampling.min_p,
        "repeat_penalty": sampling.repeat_penalty,
    }

    def run_engine() -> tuple[float, int, str, float, float]:
        stamps: list[float] = []
        pieces: list[str] = []

        def on_text(text: str) -> None:
            stamps.append(time.perf_counter())
            pieces.append(text)

        cpu0 = time.process_time()
        t0 = time.perf_counter()
        result = engine.generate(GenerationRequest(1, messages, sampling), threading.Event(), on_text)
        cpu = time.process_time() - cpu0
        if result.error:
            sys.exit(f"engine failed: {result.error}")
        return rate(stamps), len(stamps), "".join(pieces), (stamps[0] - t0) * 1000 if stamps else float("nan"), cpu

    def run_bare() -> tuple[float, int, str, float, float]:
        stamps: list[float] = []
        pieces: list[str] = []
        cpu0 = time.process_time()
        t0 = time.perf_counter()
        with bare_client.stream("POST", f"{base}/chat/completions", json=body) as resp:
            resp.raise_for_status()
            for sse in httpx2.EventSource(resp):
                if sse.data == "[DONE]":
                    break
                chunk = json.loads(sse.data)
                for choice in chunk.get("choices") or ():
                    text = (choice.get("delta") or {}).get("content")
                    if text:
                        stamps.append(time.perf_counter())
                        pieces.append(text)
        cpu = time.process_time() - cpu0
        return rate(stamps), len(stamps), "".join(pieces), (stamps[0] - t0) * 1000 if stamps else float("nan"), cpu

    try:
        say("warm-up (not measured) ...")
        run_engine()
        run_bare()
        engine_rates: list[float] = []
        bare_rates: list[float] = []
        engine_ttft: list[float] = []
        bare_ttft: list[float] = []
        engine_cpu: list[float] = []  # client CPU ms per piece (all threads of this process)
        bare_cpu: list[float] = []
        texts: set[str] = set()
        counts: set[int] = set()
        order = []
        for i in range(args.rounds):
            order += ["engine", "bare"] if i % 2 == 0 else ["bare", "engine"]
        for i, path in enumerate(order):
            r, n, text, ttft, cpu = run_engine() if path == "engine" else run_bare()
            (engine_rates if path == "engine" else bare_rates).append(r)
            (engine_ttft if path == "engine" else bare_ttft).append(ttft)
            (engine_cpu if path == "engine" else bare_cpu).append(cpu * 1000 / max(n, 1))
            texts.add(text)
            counts.add(n)
            say(f"  {i + 1:2d}/{len(order)} {path:6s} {r:7.1f} tok/s  {n} pieces  first piece after {ttft:6.1f} ms  "
                f"client CPU {cpu * 1000 / max(n, 1):.3f} ms/piece")
    finally:
        engine.unload()
        bare_client.close()
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()

    eng, bare = median(engine_rates), median(bare_rates)
    ratio = eng / bare if bare else float("nan")
    say(f"engine {eng:.1f} tok/s (range {min(engine_rates):.1f}-{max(engine_rates):.1f}), "
        f"bare {bare:.1f} tok/s (range {min(bare_rates):.1f}-{max(bare_rates):.1f}), ratio {ratio:.3f} (target >= 0.95)")
    say(f"client CPU per piece: engine {median(engine_cpu):.3f} ms, bare {median(bare_cpu):.3f} ms")
    if len(texts) != 1:
        say("WARNING: the two paths produced different replies; the server did not do the same work.")
    emit_json({
        "engine_tok_s": round(eng, 1),
        "bare_tok_s": round(bare, 1),
        "ratio": round(ratio, 3),
        "engine_range": [round(min(engine_rates), 1), round(max(engine_rates), 1)],
        "bare_range": [round(min(bare_rates), 1), round(max(bare_rates), 1)],
        "engine_cpu_ms_per_piece": round(median(engine_cpu), 3),
        "bare_cpu_ms_per_piece": round(median(bare_cpu), 3),
        "engine_first_piece_ms": round(median(engine_ttft), 1),
        "bare_first_piece_ms": round(median(bare_ttft), 1),
        "rounds": args.rounds,
        "pieces": sorted(counts),
        "same_reply": len(texts) == 1,
    })
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
