#!/usr/bin/env python3
"""ChatDesk's ``Embedder`` against llama.cpp's own ``llama-embedding``: same GGUF, same texts.

Document indexing is bounded by embedding speed, so the issue sets ChatDesk's embedding
throughput against the tool llama.cpp ships for exactly this job, built from the llama.cpp
vendored in the pinned llama-cpp-python (``llama_tools().embedding``). Both sides use the same
model file (the built-in all-MiniLM-L6-v2 GGUF, converted by ChatDesk on first use unless
``--model`` names another), the same N chunks (paragraph-sized windows of ChatDesk's built-in
English/Chinese sample text, one per line), the same thread count and the same batch size
(``-c/-b/-ub`` = the Embedder's ``n_ctx``).

What is timed:

* ChatDesk: ``Embedder.embed(chunks)`` wall time: tokenizing, packing, every ``llama_decode``,
  copying out and normalising (model load excluded).
* llama-embedding: its own ``llama_perf_context_print`` figures, total time minus load time
  (tokenizing and computing; its process start, model load and the printing of the vectors
  excluded). That is the fairest reading of its speed, and the hardest baseline.

Rounds alternate between the two (the order flips every round) and medians are compared;
ratio = llama-embedding seconds / ChatDesk seconds (target ≥ 0.9, i.e. at least 90 % of its
speed). ``--defaults`` also runs llama-embedding with its own default batch settings, for
information. Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, emit_json, say, temp_data_dir
from llama_tools import llama_tools

TARGET = 0.9
PERF_RE = re.compile(r"llama_perf_context_print:\s+(load|prompt eval|eval|total) time =\s+([0-9.]+) ms")
PERF_TOKENS_RE = re.compile(r"prompt eval time =\s+[0-9.]+ ms /\s+(\d+) tokens")


def make_chunks(n: int, words_per_chunk: int = 90) -> list[str]:
    """``n`` paragraph-sized chunks cut from the built-in sample (English windows of words,
    Chinese windows of characters), newline-free so llama-embedding reads one per line."""
    text = (ROOT / "assets" / "eval" / "sample-en-zh.txt").read_text("utf-8")
    words = [w for w in text.split() if not any("\u4e00" <= ch <= "\u9fff" for ch in w)]
    han = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff" or ch in "，。；：！？")
    chunks = []
    i = 0
    while len(chunks) < n:
        if len(chunks) % 4 == 3 and han:  # one chunk in four is Chinese
            start = (i * 37) % max(1, len(han) - 150)
            chunks.append(han[start:start + 150])
        else:
            start = (i * 41) % max(1, len(words) - words_per_chunk)
            chunks.append(" ".join(words[start:start + words_per_chunk]))
        i += 1
    return chunks


def run_llama(binary: str, model: str, chunks_file: Path, threads: int, batch: int | None) -> dict:
    cmd = [binary, "-m", model, "-f", str(chunks_file), "-t", str(threads), "-tb", str(threads),
           "--embd-output-format", "array", "--no-warmup"]
    if batch is not None:
        cmd += ["-c", str(batch), "-b", str(batch), "-ub", str(batch)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"llama-embedding failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    perf = {k: float(v) / 1000 for k, v in PERF_RE.findall(proc.stderr)}
    tokens = PERF_TOKENS_RE.search(proc.stderr)
    if "total" not in perf or "load" not in perf:
        raise RuntimeError("llama-embedding printed no performance summary:\n" + proc.stderr[-1500:])
    return {"seconds": perf["total"] - perf["load"], "prompt_eval_s": perf.get("prompt eval"),
            "tokens": int(tokens.group(1)) if tokens else None, "wall_s": wall}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--chunks", type=int, default=600, help="number of texts (default 600)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--threads", type=int, default=None, help="default: physical cores")
    p.add_argument("--batch", type=int, default=None, help="tokens per llama_decode (default: the Embedder's)")
    p.add_argument("--model", help="a GGUF embedding model (default: the built-in one)")
    p.add_argument("--defaults", action="store_true", help="also time llama-embedding with its default batch")
    args = p.parse_args()

    home = temp_data_dir("chatdesk-embed-bench-")
    from chatdesk.engine.embedder import DEFAULT_BATCH_TOKENS, Embedder
    from chatdesk.engine.llama_engine import physical_cores
    from chatdesk.library.embedding_default import default_embedding_model

    threads = args.threads or physical_cores()
    batch = args.batch or DEFAULT_BATCH_TOKENS
    t0 = time.perf_counter()
    model = str(Path(args.model).expanduser()) if args.model else str(default_embedding_model())
    if not args.model:
        say(f"built-in model converted in {time.perf_counter() - t0:.1f} s → {model}")
    tools = llama_tools()
    chunks = make_chunks(args.chunks)
    work = Path(tempfile.mkdtemp(prefix="embed-bench-", dir=home))
    chunks_file = work / "chunks.txt"
    chunks_file.write_text("\n".join(chunks), "utf-8")

    emb = Embedder(model, n_threads=threads, n_ctx=batch)
    n_tokens = sum(min(emb.count_tokens(c), emb.max_tokens) for c in chunks)
    # llama-embedding errors on a line longer than its batch; neither side may truncate differently
    if max(emb.count_tokens(c) for c in chunks) > emb.max_tokens:
        say(f"note: some chunks exceed {emb.max_tokens} tokens; ChatDesk truncates them, llama-embedding does not")
    say(f"{len(chunks)} chunks, {n_tokens} tokens, {threads} threads, batch {batch} tokens; "
        f"llama-embedding: {tools.embedding}")
    emb.embed(chunks[:16])  # warm-up, as llama-embedding's own start does its work once before timing

    ours: list[float] = []
    theirs: list[dict] = []
    defaults: list[dict] = []
    for r in range(args.rounds):
        order = ("app", "llama") if r % 2 == 0 else ("llama", "app")
        for side in order:
            if side == "app":
                t = time.perf_counter()
                vecs = emb.embed(chunks)
                ours.append(time.perf_counter() - t)
                assert vecs.shape == (len(chunks), emb.dim)
                say(f"round {r + 1}: ChatDesk Embedder {ours[-1]:.2f} s ({n_tokens / ours[-1]:.0f} tok/s)")
            else:
                res = run_llama(tools.embedding, model, chunks_file, threads, batch)
                theirs.append(res)
                say(f"round {r + 1}: llama-embedding  {res['seconds']:.2f} s ({n_tokens / res['seconds']:.0f} tok/s; "
                    f"prompt eval {res['prompt_eval_s']}, wall {res['wall_s']:.2f} s)")
        if args.defaults:
            res = run_llama(tools.embedding, model, chunks_file, threads, None)
            defaults.append(res)
            say(f"round {r + 1}: llama-embedding (its default batch) {res['seconds']:.2f} s")
    emb.close()

    app_s = statistics.median(ours)
    llama_s = statistics.median(t["seconds"] for t in theirs)
    ratio = llama_s / app_s
    say(f"median: ChatDesk {app_s:.2f} s, llama-embedding {llama_s:.2f} s → ratio {ratio:.3f} "
        f"(target ≥ {TARGET}: {'met' if ratio >= TARGET else 'NOT met'})")
    result = {
        "benchmark": "embed_speed",
        "model": os.path.basename(model),
        "chunks": len(chunks),
        "tokens": n_tokens,
        "threads": threads,
        "batch_tokens": batch,
        "rounds": args.rounds,
        "chatdesk_s": round(app_s, 3),
        "llama_embedding_s": round(llama_s, 3),
        "chatdesk_tok_s": round(n_tokens / app_s, 1),
        "llama_embedding_tok_s": round(n_tokens / llama_s, 1),
        "ratio": round(ratio, 3),
        "target": TARGET,
        "met": ratio >= TARGET,
        "llama_cpp_python": tools.llama_cpp_python,
    }
    if defaults:
        result["llama_embedding_default_batch_s"] = round(statistics.median(d["seconds"] for d in defaults), 3)
    emit_json(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
