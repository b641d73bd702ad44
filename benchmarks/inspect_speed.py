#!/usr/bin/env python3
"""Inspecting 512 tokens of the bundled model against evaluating them without capture.

"Look inside…" evaluates a text once with llama.cpp's eval callback reading every layer's
attention weights, residual stream and contributions (``chatdesk.inspection``). Target: that costs
at most 3× a plain evaluation of the same tokens. The baseline is llama.cpp's own
``llama-perplexity`` (built from the vendored llama.cpp, ``llama_tools``) evaluating one 512-token
window of the same text with the same threads: its ``seconds per pass``. Our own plain evaluation
(same low-level path, no callback, flash attention on as llama.cpp chooses) is shown beside it.

Timed, in alternating rounds (medians; the model is loaded once, outside the timings):

* ``inspect``: the inspection pass the window waits for (attention of every layer to disk,
  residual norms, contributions, the model's own top-5; the logit lens left for on demand);
* ``inspect_lens``: the same plus the logit lens of all 30 layers (what ``chatdesk inspect``
  writes; the lens is 30 products with the 49,152-row output matrix, several times the model's
  own work, which is why the window computes it per layer on demand).

Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, emit_json, say

sys.path.insert(0, str(ROOT))

N_TOKENS = 512
TARGET = 3.0
PASS_RE = re.compile(r"perplexity: ([0-9.]+) seconds per pass")


def llama_perplexity_pass(binary: str, model: str, text_file: Path, threads: int) -> float:
    proc = subprocess.run([binary, "-m", model, "-f", str(text_file), "-c", str(N_TOKENS), "-t", str(threads),
                           "--chunks", "1"], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    found = PASS_RE.search(proc.stderr)
    if proc.returncode != 0 or not found:
        raise RuntimeError(f"llama-perplexity failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    return float(found.group(1))


def plain_eval(model: str, tokens: list[int], threads: int) -> float:
    """The same tokens through llama.cpp's C API without any callback: one 512-token batch,
    logits for every position (as llama-perplexity asks for them)."""
    import llama_cpp

    from chatdesk.inspection.capture import _backend

    _backend()
    mp = llama_cpp.llama_model_default_params()
    m = llama_cpp.llama_model_load_from_file(model.encode(), mp)
    cp = llama_cpp.llama_context_default_params()
    cp.n_ctx = N_TOKENS
    cp.n_batch = cp.n_ubatch = N_TOKENS
    cp.n_threads = cp.n_threads_batch = threads
    ctx = llama_cpp.llama_init_from_model(m, cp)
    batch = llama_cpp.llama_batch_init(N_TOKENS, 0, 1)
    for i, tok in enumerate(tokens):
        batch.token[i], batch.pos[i], batch.n_seq_id[i], batch.logits[i] = tok, i, 1, 1
        batch.seq_id[i][0] = 0
    batch.n_tokens = len(tokens)
    t0 = time.perf_counter()
    rc = llama_cpp.llama_decode(ctx, batch)
    llama_cpp.llama_synchronize(ctx)
    seconds = time.perf_counter() - t0
    llama_cpp.llama_batch_free(batch)
    llama_cpp.llama_free(ctx)
    llama_cpp.llama_model_free(m)
    if rc != 0:
        raise RuntimeError(f"llama_decode returned {rc}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--model", help="GGUF (default: the bundled SmolLM2)")
    args = p.parse_args(argv)

    from llama_tools import llama_tools

    from chatdesk.engine import default_model_path
    from chatdesk.evaluation.texts import builtin_sample
    from chatdesk.inspection import Inspector

    model = args.model or str(default_model_path())
    tools = llama_tools()
    sample = builtin_sample().data.decode("utf-8")
    text = sample
    with Inspector(model, threads=args.threads) as inspector:
        while len(inspector.tokenize(text)) < 2 * N_TOKENS + 8:  # llama-perplexity wants 2 × n_ctx tokens
            text += "\n" + sample
        tokens = inspector.tokenize(text)[:N_TOKENS]
        work = Path(tempfile.mkdtemp(prefix="chatdesk-inspect-bench-"))
        text_file = work / "text.txt"
        text_file.write_text(text, encoding="utf-8")
        say(f"model {Path(model).name}, {N_TOKENS} tokens, {args.threads} threads, llama.cpp tools {tools.commit or '?'}")
        times: dict[str, list[float]] = {"llama_perplexity": [], "plain": [], "inspect": [], "inspect_lens": []}
        for r in range(args.rounds):
            order = ["llama_perplexity", "plain", "inspect", "inspect_lens"]
            if r % 2:
                order.reverse()
            for kind in order:
                if kind == "llama_perplexity":
                    seconds = llama_perplexity_pass(tools.perplexity, model, text_file, args.threads)
                elif kind == "plain":
                    seconds = plain_eval(model, tokens, args.threads)
                else:
                    t0 = time.perf_counter()
                    with inspector.inspect(tokens, logit_lens=kind == "inspect_lens", workdir=work):
                        seconds = time.perf_counter() - t0
                times[kind].append(seconds)
                say(f"round {r + 1}: {kind:17s} {seconds:7.3f} s")
        shutil.rmtree(work, ignore_errors=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    ratio = med["inspect"] / med["llama_perplexity"]
    ratio_lens = med["inspect_lens"] / med["llama_perplexity"]
    say(f"llama-perplexity, one {N_TOKENS}-token pass: {med['llama_perplexity']:.3f} s (median)")
    say(f"plain evaluation (C API, no capture):      {med['plain']:.3f} s")
    say(f"inspection pass:                           {med['inspect']:.3f} s  = {ratio:.2f}x llama-perplexity "
        f"(target <= {TARGET:g}x: {'met' if ratio <= TARGET else 'NOT met'})")
    say(f"inspection + logit lens of all layers:     {med['inspect_lens']:.3f} s  = {ratio_lens:.2f}x")
    emit_json({
        "benchmark": "inspect_speed", "model": Path(model).name, "tokens": N_TOKENS, "threads": args.threads,
        "rounds": args.rounds, "llama_perplexity_s": round(med["llama_perplexity"], 4), "plain_eval_s": round(med["plain"], 4),
        "inspect_s": round(med["inspect"], 4), "inspect_with_lens_s": round(med["inspect_lens"], 4),
        "ratio": round(ratio, 3), "ratio_with_lens": round(ratio_lens, 3), "target": TARGET, "met": ratio <= TARGET,
        "llama_cpp_commit": tools.commit,
    })
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
