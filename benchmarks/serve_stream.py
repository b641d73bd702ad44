"""Serving speed: ChatDesk's OpenAI-compatible server against llama.cpp's own ``llama-server``.

What it measures
    Both servers run as separate processes on 127.0.0.1 with the same GGUF (the bundled model),
    the same thread count and the same sampler (penalties 1.1 over 64 tokens, top-k 40, top-p
    0.95, min-p 0.05, temperature 0.7), and are asked the same raw-prompt ``/v1/completions``
    with ``stream: true``, ``ignore_eos`` and ``max_tokens`` (so every reply has exactly that
    many tokens):

    * ``single``: one streaming client. Rate = (chunks - 1) / (last chunk - first chunk), decode
      as the client sees it. Target: ChatDesk / llama-server >= 0.95.
    * ``ttfb``: time from sending the request to the first content chunk (prompt evaluation plus
      the first token plus the server's own overhead). Target: ChatDesk / llama-server <= 1.1.
    * ``parallel4``: four clients at once; total tokens / wall time until the last one ends.
      llama-server runs with ``--parallel 4`` and ChatDesk with its default 4 slots (both decode
      the four sequences in one batch per step; ``chatdesk/server/slots.py``). Target: ratio >= 0.95.

    llama-server is built from the llama.cpp llama-cpp-python vendors (``benchmarks/llama_tools.py``).
    Rounds alternate the servers (ABBA); medians and min-max spreads are printed; the last line is JSON.

    python benchmarks/serve_stream.py [--tokens 256] [--rounds 3] [--threads N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx2

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, emit_json, median, say, temp_data_dir

PROMPT = (
    "Write a long, detailed story about a lighthouse keeper who finds a message in a bottle. "
    "Describe the sea, the weather, the village and every person the keeper meets."
)
SAMPLER = {"temperature": 0.7, "top_k": 40, "top_p": 0.95, "min_p": 0.05, "repeat_penalty": 1.1, "repeat_last_n": 64}
START_TIMEOUT_S = 300


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_health(url: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}")
        try:
            if httpx2.get(url, timeout=5).status_code == 200:
                return
        except httpx2.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in time")


def start_chatdesk(threads: int, data: Path) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CHATDESK_HOME": str(data), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "chatdesk", "serve", "--data-dir", str(data), "--port", "0", "--model", "bundled",
         "--threads", str(threads)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    m = re.search(r"(http://\S+/v1)$", line)
    if not m:
        proc.kill()
        raise RuntimeError(f"chatdesk serve did not start: {line!r}")
    return proc, m.group(1)


def start_llama_server(binary: str, model: str, threads: int, parallel: int) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen(
        [binary, "-m", model, "--host", "127.0.0.1", "--port", str(port), "-t", str(threads), "-tb", str(threads),
         "-c", str(2048 * parallel), "--parallel", str(parallel), "--no-webui"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    _wait_health(f"http://127.0.0.1:{port}/health", proc)
    return proc, f"http://127.0.0.1:{port}/v1"


# One client for every request: building an httpx client per request (its SSL context,
# certificate bundle) cost ~170 ms on a loaded machine, inside the timed first byte of both servers
# alike, and only added noise to the ratio. No keep-alive: a reused connection can be closed by the
# server's idle timeout just as a request goes out; a fresh local TCP connection costs little.
_CLIENT = httpx2.Client(timeout=600, limits=httpx2.Limits(max_keepalive_connections=0))


def stream_once(base: str, model: str, tokens: int, seed: int) -> dict:
    body = {"model": model, "prompt": PROMPT, "max_tokens": tokens, "stream": True, "ignore_eos": True, "seed": seed,
            **SAMPLER}
    arrivals: list[float] = []
    t0 = time.perf_counter()
    with _CLIENT.stream("POST", base + "/completions", json=body) as resp:
        resp.raise_for_status()
        for line in resp.iter_lines():
            if line.startswith("data: {"):
                now = time.perf_counter()
                choices = json.loads(line[len("data: "):]).get("choices") or [{}]
                if choices[0].get("text"):
                    arrivals.append(now)
    end = time.perf_counter()
    n = len(arrivals)
    rate = (n - 1) / (arrivals[-1] - arrivals[0]) if n > 1 else 0.0
    return {"chunks": n, "tok_s": rate, "ttfb_ms": (arrivals[0] - t0) * 1000 if arrivals else float("nan"), "wall_s": end - t0}


def concurrent(base: str, model: str, tokens: int, clients: int, seed: int) -> dict:
    results: list[dict] = [{}] * clients

    def one(i: int) -> None:
        results[i] = stream_once(base, model, tokens, seed + i)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=one, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    total = sum(r.get("chunks", 0) for r in results)
    return {"total_tok_s": total / wall, "chunks": total}


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tokens", type=int, default=256)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--threads", type=int, default=min(4, os.cpu_count() or 1))
    ap.add_argument("--clients", type=int, default=4)
    args = ap.parse_args()

    from llama_tools import llama_tools

    from chatdesk.engine import default_model_path

    tools = llama_tools()
    model = str(default_model_path())
    data = temp_data_dir("chatdesk-bench-serve-")
    say(f"model {model}, {args.threads} threads, {args.tokens} tokens, {args.rounds} rounds")

    single: dict[str, list[float]] = {"chatdesk": [], "llama": []}
    ttfb: dict[str, list[float]] = {"chatdesk": [], "llama": []}
    par: dict[str, list[float]] = {"chatdesk": [], "llama": []}

    cd_proc, cd_url = start_chatdesk(args.threads, data)
    try:  # chatdesk serve is stopped however the rounds end
        ls1_proc, ls1_url = start_llama_server(tools.server, model, args.threads, 1)
        try:
            stream_once(cd_url, "bundled", 16, 1)  # warm-up (model loaded, caches primed)
            stream_once(ls1_url, "bundled", 16, 1)
            for r in range(args.rounds):
                order = [("chatdesk", cd_url), ("llama", ls1_url)]
                for name, url in order if r % 2 == 0 else order[::-1]:
                    res = stream_once(url, "bundled", args.tokens, 100 + r)
                    if res["chunks"] < args.tokens * 0.9:
                        raise RuntimeError(f"{name} streamed only {res['chunks']} chunks")
                    single[name].append(res["tok_s"])
                    ttfb[name].append(res["ttfb_ms"])
                    say(f"  round {r + 1} single {name:8s} {res['tok_s']:7.1f} tok/s  first chunk {res['ttfb_ms']:6.1f} ms")
        finally:
            _stop(ls1_proc)
        ls4_proc, ls4_url = start_llama_server(tools.server, model, args.threads, args.clients)
        try:
            stream_once(ls4_url, "bundled", 16, 1)
            for r in range(args.rounds):
                order = [("chatdesk", cd_url), ("llama", ls4_url)]
                for name, url in order if r % 2 == 0 else order[::-1]:
                    res = concurrent(url, "bundled", args.tokens, args.clients, 200 + r * 10)
                    par[name].append(res["total_tok_s"])
                    say(f"  round {r + 1} {args.clients} clients {name:8s} {res['total_tok_s']:7.1f} tok/s total")
        finally:
            _stop(ls4_proc)
    finally:
        _stop(cd_proc)

    def spread(v: list[float]) -> str:
        return f"{median(v):.1f} ({min(v):.1f}-{max(v):.1f})"

    say(f"single:   chatdesk {spread(single['chatdesk'])} tok/s, llama-server {spread(single['llama'])} tok/s")
    say(f"ttfb:     chatdesk {spread(ttfb['chatdesk'])} ms, llama-server {spread(ttfb['llama'])} ms")
    say(f"parallel: chatdesk {spread(par['chatdesk'])} tok/s, llama-server --parallel {args.clients} {spread(par['llama'])} tok/s")
    single_ratio = median(single["chatdesk"]) / median(single["llama"])
    ttfb_ratio = median(ttfb["chatdesk"]) / median(ttfb["llama"])
    par_ratio = median(par["chatdesk"]) / median(par["llama"])
    emit_json({
        "benchmark": "serve_stream",
        "tokens": args.tokens,
        "threads": args.threads,
        "rounds": args.rounds,
        "single_tok_s": {"chatdesk": round(median(single["chatdesk"]), 2), "llama_server": round(median(single["llama"]), 2)},
        "single_ratio": round(single_ratio, 3),
        "ttfb_ms": {"chatdesk": round(median(ttfb["chatdesk"]), 1), "llama_server": round(median(ttfb["llama"]), 1)},
        "ttfb_ratio": round(ttfb_ratio, 3),
        "parallel_clients": args.clients,
        "parallel_tok_s": {"chatdesk": round(median(par["chatdesk"]), 2), "llama_server": round(median(par["llama"]), 2)},
        "parallel_ratio": round(par_ratio, 3),
        "targets": {"single_ratio": ">= 0.95", "ttfb_ratio": "<= 1.1", "parallel_ratio": ">= 0.95"},
        "pass": {"single": single_ratio >= 0.95, "ttfb": ttfb_ratio <= 1.1, "parallel": par_ratio >= 0.95},
    })
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
