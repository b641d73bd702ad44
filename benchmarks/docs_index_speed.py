"""Indexing a folder, the whole pipeline, against llama.cpp's ``llama-embedding`` over the same passages.

Indexing is meant to be bounded by the embedding model, not by ChatDesk: parsing, chunking,
segmenting and writing must hide behind it. So the folder (the retrieval benchmark's documents
in every format plus the project's own texts, ``--copies`` times) is indexed from scratch by
``index_collection`` with the real ``Embedder`` (wall time of the whole run: scan, read, hash,
extract, chunk, jieba, embed, FTS5 and sqlite-vec writes; model load excluded), and then the
exact passages the index stored are embedded by ``llama-embedding`` (built from the vendored
llama.cpp by ``llama_tools.py``) with the same model, threads and batch size (its wall time
after the model is loaded, read from its own log time stamps).

ratio = llama-embedding seconds / ChatDesk indexing seconds; target ≥ 0.9. ``embed_speed.py``
compares the Embedder alone with the same baseline, so the two together show what the rest of
the pipeline costs. Ends with one JSON line.

    python benchmarks/docs_index_speed.py [--copies 3] [--rounds 2] [--model PATH]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import emit_json, say, temp_data_dir
from retrieval_corpus import write_corpus

TARGET = 0.9


_STAMP = re.compile(r"^(\d+)\.(\d+)\.(\d+)\.(\d+) \w (?:system_info|main: n_parallel|cmn)", re.M)


def run_llama_embedding(binary: str, model: str, passages: Path, threads: int, batch: int) -> dict[str, float]:
    """Seconds llama-embedding spends after loading the model: its wall time minus the time of
    its last start-up log line (its log stamps are minutes.seconds.milliseconds.microseconds
    since it started; this build prints no performance summary for the embedding tool)."""
    cmd = [binary, "-m", model, "-f", str(passages), "-t", str(threads), "-tb", str(threads),
           "--embd-output-format", "array", "--no-warmup", "-c", str(batch), "-b", str(batch), "-ub", str(batch)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"llama-embedding failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    stamps = [int(m) * 60 + int(s) + int(ms) / 1e3 + int(us) / 1e6 for m, s, ms, us in _STAMP.findall(proc.stderr)]
    if not stamps:
        raise RuntimeError("llama-embedding's log has no time stamps:\n" + proc.stderr[-1500:])
    return {"seconds": wall - max(stamps), "load_s": max(stamps), "wall_s": wall}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=3, help="copies of the corpus in the folder (default 3)")
    ap.add_argument("--no-distractors", action="store_true", help="only the twelve documents (a quick run)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--model", help="a library id or GGUF embedding model (default: the built-in one)")
    args = ap.parse_args()

    from llama_tools import llama_tools

    from chatdesk.documents import DocumentIndex, index_collection
    from chatdesk.engine.embedder import DEFAULT_BATCH_TOKENS, Embedder
    from chatdesk.engine.llama_engine import physical_cores
    from chatdesk.library.embedding_default import embedding_model_id, embedding_model_path

    home = temp_data_dir("chatdesk-index-speed-")
    model = embedding_model_path(args.model)
    threads = args.threads or physical_cores()
    tools = llama_tools()
    folder = Path(tempfile.mkdtemp(prefix="chatdesk-index-folder-"))
    for i in range(args.copies):
        write_corpus(folder / f"copy-{i}", with_distractors=not args.no_distractors)
    embedder = Embedder(str(model), n_threads=threads, n_ctx=DEFAULT_BATCH_TOKENS)
    index_batch = embedder.n_ctx if hasattr(embedder, "n_ctx") else DEFAULT_BATCH_TOKENS
    model_id = embedding_model_id(model)
    embedder.embed(["warm up the model", "预热模型"])
    # One-time start-up work of the process (jieba's dictionary, the PDF/DOCX readers' imports)
    # is left out, like the model's load on both sides: a tiny index first.
    warm = Path(tempfile.mkdtemp(prefix="chatdesk-warm-"))
    write_corpus(warm, with_distractors=False)
    with DocumentIndex(home / "warm.sqlite3") as index:
        index.add_paths("warm", [warm])
        index_collection(index, "warm")
    shutil.rmtree(warm, ignore_errors=True)

    ours: list[float] = []
    theirs: list[float] = []
    passages: list[str] = []
    files = 0
    for r in range(args.rounds):
        db = home / f"round-{r}.sqlite3"
        with DocumentIndex(db) as index:
            index.add_paths("speed", [folder])
            t = time.perf_counter()
            report = index_collection(index, "speed", embedder=embedder, embed_model_id=model_id)
            ours.append(time.perf_counter() - t)
            passages = [row[0] for row in index.db.execute("SELECT text FROM chunks ORDER BY id")]
            files = report.indexed
        say(f"round {r + 1}: ChatDesk indexed {files} files, {len(passages)} passages in {ours[-1]:.2f} s")
        chunks_file = home / "passages.txt"
        # One passage per line (a newline and a space are the same whitespace to the tokenizer).
        chunks_file.write_text("\n".join(" ".join(p.split()) for p in passages), encoding="utf-8")
        res = run_llama_embedding(tools.embedding, str(model), chunks_file, threads, index_batch)
        theirs.append(res["seconds"])
        say(f"round {r + 1}: llama-embedding {res['seconds']:.2f} s for the same passages (wall {res['wall_s']:.2f} s)")
    embedder.close()
    shutil.rmtree(folder, ignore_errors=True)
    app_s, llama_s = statistics.median(ours), statistics.median(theirs)
    ratio = llama_s / app_s
    say(f"median: indexing {app_s:.2f} s, llama-embedding {llama_s:.2f} s → ratio {ratio:.3f} "
        f"(target ≥ {TARGET}: {'met' if ratio >= TARGET else 'NOT met'})")
    emit_json({
        "benchmark": "docs_index_speed",
        "files": files,
        "passages": len(passages),
        "model": model.name,
        "threads": threads,
        "indexing_s": round(app_s, 3),
        "llama_embedding_s": round(llama_s, 3),
        "ratio": round(ratio, 3),
        "target": TARGET,
        "meets_target": ratio >= TARGET,
        "llama_embedding": tools.embedding,
        "load_average": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
    })
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
