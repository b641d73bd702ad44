#!/usr/bin/env python3
"""``chatdesk eval`` against llama.cpp's own ``llama-perplexity``: same figure, comparable time.

Both run on the same model file (the bundled SmolLM2 by default), the same text (ChatDesk's
built-in sample) and the same thread count, at ``-c 256`` and ``-c 512``. ``llama-perplexity`` is
built from the llama.cpp source vendored in the pinned llama-cpp-python (``llama_tools``). Runs
alternate between the two programs (the order flips every round) and medians are compared.

What is compared:

* perplexity: ``Final estimate: PPL = …`` against the result's ``perplexity`` (target: within 1 %);
* time: the time stamp of llama.cpp's ``Final estimate`` log line (its process start, model load,
  tokenizing and every window) against ChatDesk's ``load_seconds + seconds`` (model load,
  tokenizing and every window; the Python interpreter's start is left out): the same work on both
  sides (target: ChatDesk ≤ 1.2×). The whole-process wall times are
  reported too; ``chatdesk eval`` also times generation, hashes the model and stores the result.
  So is CPU time (all threads; ChatDesk's load and perplexity pass, llama-perplexity's whole
  process), which a busy machine disturbs less than wall time.

Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import emit_json, say
from llama_tools import llama_tools

# llama.cpp's log lines start with the time since the process started: minutes.seconds.ms.us
# (not anchored: the "ETA" line before it ends on stdout, so on stderr the stamp follows "ETA ")
FINAL_RE = re.compile(r"(\d+)\.(\d\d)\.(\d\d\d)\.(\d\d\d) I Final estimate: PPL = ([0-9.]+)")
PPL_TOLERANCE = 0.01
TIME_RATIO_TARGET = 1.2


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_llama(binary: str, model: str, text: str, ctx: int, threads: int) -> dict:
    t0, cpu0 = time.perf_counter(), _children_cpu()
    proc = subprocess.run([binary, "-m", model, "-f", text, "-c", str(ctx), "-t", str(threads)],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    out = proc.stderr
    final = FINAL_RE.search(out)
    if proc.returncode != 0 or not final:
        raise RuntimeError(f"llama-perplexity failed (exit {proc.returncode}):\n{out[-2000:]}")
    minutes, secs, ms, us = (int(g) for g in final.groups()[:4])
    return {"perplexity": float(final.group(5)), "seconds": minutes * 60 + secs + ms / 1e3 + us / 1e6, "wall": wall,
            "cpu": cpu}


def run_chatdesk(model: str, text: str, ctx: int, threads: int, data_dir: str) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "chatdesk", "eval", model, "--text", text, "--ctx", str(ctx),
                           "--threads", str(threads), "--json", "--data-dir", data_dir],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"chatdesk eval failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"perplexity": r["perplexity"], "seconds": r["load_seconds"] + r["seconds"], "wall": wall,
            "cpu": r["cpu_seconds"], "chunks": r["n_chunks"], "tokens": r["tokens"]}


def main() -> int:
    from chatdesk.engine import default_model_path
    from chatdesk.engine.llama_engine import physical_cores
    from chatdesk.evaluation.texts import sample_path

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", default=None, help="GGUF model (default: the bundled SmolLM2)")
    p.add_argument("--text", default=None, help="text file (default: ChatDesk's built-in sample)")
    p.add_argument("--ctx", type=int, nargs="+", default=[256, 512])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--threads", type=int, default=None, help="threads for both (default: physical cores)")
    args = p.parse_args()

    tools = llama_tools()
    model = str(args.model or default_model_path())
    text = str(args.text or sample_path())
    threads = args.threads or physical_cores()
    say(f"model {Path(model).name}, text {Path(text).name}, {threads} threads, llama.cpp {tools.commit}")
    data_dir = tempfile.mkdtemp(prefix="chatdesk-bench-eval-")
    report: dict = {"model": Path(model).name, "threads": threads, "rounds": args.rounds, "llama_cpp_commit": tools.commit}
    ok = True
    for ctx in args.ctx:
        ours, theirs = [], []
        for i in range(args.rounds):
            order = (("llama", "chatdesk") if i % 2 == 0 else ("chatdesk", "llama"))
            for who in order:
                if who == "llama":
                    theirs.append(run_llama(tools.perplexity, model, text, ctx, threads))
                    r = theirs[-1]
                else:
                    ours.append(run_chatdesk(model, text, ctx, threads, data_dir))
                    r = ours[-1]
                say(f"  -c {ctx} round {i + 1} {who:9s}: PPL {r['perplexity']:.4f}  {r['seconds']:.2f} s "
                    f"(CPU {r['cpu']:.2f} s, process {r['wall']:.2f} s)")
        ppl_ours, ppl_theirs = ours[0]["perplexity"], theirs[0]["perplexity"]
        t_ours = statistics.median(r["seconds"] for r in ours)
        t_theirs = statistics.median(r["seconds"] for r in theirs)
        w_ours = statistics.median(r["wall"] for r in ours)
        w_theirs = statistics.median(r["wall"] for r in theirs)
        c_ours = statistics.median(r["cpu"] for r in ours)
        c_theirs = statistics.median(r["cpu"] for r in theirs)
        rel = abs(ppl_ours - ppl_theirs) / ppl_theirs
        ratio = t_ours / t_theirs
        passed = rel <= PPL_TOLERANCE and ratio <= TIME_RATIO_TARGET
        ok = ok and passed
        say(f"-c {ctx}: PPL chatdesk {ppl_ours:.4f} vs llama.cpp {ppl_theirs:.4f} (diff {rel:.2%}); "
            f"time {t_ours:.2f} s vs {t_theirs:.2f} s (ratio {ratio:.2f}); CPU {c_ours:.2f} s vs {c_theirs:.2f} s; "
            f"process {w_ours:.2f} s vs {w_theirs:.2f} s "
            f"-> {'ok' if passed else 'MISSED'}")
        report[f"ctx{ctx}"] = {
            "chunks": ours[0]["chunks"], "scored_tokens": ours[0]["tokens"],
            "ppl_chatdesk": round(ppl_ours, 4), "ppl_llama": round(ppl_theirs, 4), "ppl_rel_diff": round(rel, 6),
            "s_chatdesk": round(t_ours, 3), "s_llama": round(t_theirs, 3), "time_ratio": round(ratio, 3),
            "cpu_chatdesk": round(c_ours, 3), "cpu_llama": round(c_theirs, 3), "cpu_ratio": round(c_ours / c_theirs, 3),
            "wall_chatdesk": round(w_ours, 3), "wall_llama": round(w_theirs, 3), "wall_ratio": round(w_ours / w_theirs, 3),
        }
    report["pass"] = ok
    emit_json(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
