"""Document search at scale: 100,000 passages, search latency and a one-file re-index.

Writes a folder of generated notes (made-up words with Zipf's law, like a real language, with
some Chinese) that chunk into about
``--chunks`` passages, indexes it through the real pipeline (scan, read, hash, extract, chunk,
jieba, FTS5, sqlite-vec), then times ``docs search`` (the in-process work the command does:
query segmentation, query embedding, FTS5 + vector k-NN, fusion, fetching the passages) for
keyword, vector and hybrid modes; and changes one file to check that re-indexing touches that
file only (and how long the whole incremental run takes over the big collection).

Embedding 100,000 passages with the real model would take most of an hour on a laptop, and the
vectors' values do not change how long a k-NN scan takes, so the passages get deterministic
pseudo-random unit vectors of the real model's dimension (a stand-in named in the output); each
query is embedded by the real model when one is installed, so its cost is in the latency. The
indexing speed with the real model is ``docs_index_speed.py``'s job. Target: median hybrid
search ≤ 100 ms; the ratio printed is target / measured (≥ 1 meets it). Ends with one JSON line.

    python benchmarks/docs_scale.py [--chunks 100000] [--queries 40]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import emit_json, median, percentile, say, temp_data_dir
from retrieval_quality import load_embedder

TARGET_MS = 100.0
ZH = "合同租金押金期限报销年假加班茶叶龙井普洱长城故宫运河睡眠运动喝水会议预算项目客户发票仓库物流"
SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "sa", "vor", "el", "pin", "dra", "qu", "ost", "ne", "bri", "fal", "um", "tes", "gar"]
VOCABULARY = 30_000
PASSAGE_CHARS = 600


class StandInEmbedder:
    """Deterministic pseudo-random unit vectors (seeded by the texts): k-NN costs the same as with
    real vectors. Used only to fill the index; queries use the real model when there is one."""

    def __init__(self, dim: int) -> None:
        self.dim = dim

    def embed(self, texts: list[str]) -> np.ndarray:
        seed = int.from_bytes(hashlib.blake2b("\0".join(texts).encode(), digest_size=8).digest(), "little")
        out = np.random.default_rng(seed).standard_normal((len(texts), self.dim)).astype(np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def vocabulary(rng: random.Random) -> list[str]:
    """Made-up words, most frequent first: text drawn from them with Zipf's law has a real
    language's shape (a few words everywhere, most words rare), which is what FTS5 sees."""
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words, key=lambda w: (rng.random(), w))


def write_notes(folder: Path, chunks: int, per_file: int, rng: random.Random, words_by_rank: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    weights = [1.0 / (rank + 1) ** 1.07 for rank in range(len(words_by_rank))]
    files = []
    for f in range(max(1, chunks // per_file)):
        paragraphs = []
        drawn = rng.choices(words_by_rank, weights=weights, k=per_file * (PASSAGE_CHARS // 10))
        for p in range(per_file):
            words = drawn[p * (PASSAGE_CHARS // 10):(p + 1) * (PASSAGE_CHARS // 10)]
            if (f + p) % 5 == 0:
                words.append("".join(rng.choice(ZH) for _ in range(12)))
            words.append(f"ref{f}x{p}")
            paragraphs.append(" ".join(words).capitalize() + ".")
        path = folder / f"notes-{f // 100:03}" / f"note-{f:05}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text("\n\n".join(paragraphs), encoding="utf-8")
        files.append(path)
    return files


class TimedEmbedder:
    """The query embedder, with the time spent embedding each query recorded (reported apart:
    it is the embedding model's cost, which embed_speed.py measures against llama.cpp)."""

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner
        self.dim = inner.dim
        self.spent = 0.0

    def embed(self, texts: list[str]) -> np.ndarray:
        t = time.perf_counter()
        try:
            return self.inner.embed(texts)
        finally:
            self.spent += time.perf_counter() - t

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.inner, name)


def time_search(index, queries: list[str], embedder: TimedEmbedder, mode: str) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """(total ms, ms without the query's embedding) per query."""
    from chatdesk.documents import search

    total, index_only = [], []
    for q in queries:
        embedder.spent = 0.0
        t = time.perf_counter()
        search(index, q, limit=5, embedder=embedder, mode=mode)
        elapsed = time.perf_counter() - t
        total.append(elapsed * 1000)
        index_only.append((elapsed - embedder.spent) * 1000)
    return total, index_only


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chunks", type=int, default=100_000)
    ap.add_argument("--per-file", type=int, default=50, help="passages per generated file (default 50)")
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--embedding-model", help="a GGUF embedding model for the queries (default: the packaged one)")
    args = ap.parse_args()

    from chatdesk import paths
    from chatdesk.documents import DocumentIndex, index_collection

    temp_data_dir("chatdesk-docs-scale-")
    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp(prefix="chatdesk-notes-"))
    t = time.perf_counter()
    words_by_rank = vocabulary(rng)
    files = write_notes(folder, args.chunks, args.per_file, rng, words_by_rank)
    say(f"wrote {len(files)} files in {time.perf_counter() - t:.1f} s")
    query_embedder, model_id = load_embedder(args.embedding_model)
    dim = int(query_embedder.dim) if query_embedder is not None else 384
    stand_in = StandInEmbedder(dim)
    index = DocumentIndex(paths.documents_index_path())
    index.add_paths("scale", [folder])
    t = time.perf_counter()
    report = index_collection(index, "scale", embedder=stand_in, embed_model_id=f"stand-in-{dim}")
    build_s = time.perf_counter() - t
    n_chunks = index.chunk_count()
    say(f"indexed {report.indexed} files, {n_chunks} passages in {build_s:.1f} s ({n_chunks / build_s:.0f} passages/s without the model)")

    queries = []
    for i in range(args.queries):
        if i % 4 == 3:
            queries.append(f"关于{''.join(rng.choice(ZH) for _ in range(4))}的规定是什么")
        else:
            # Content words a person would search for: neither the commonest nor the rarest.
            a, b = rng.choice(words_by_rank[50:5000]), rng.choice(words_by_rank[50:5000])
            queries.append(f"what does the note say about the {a} and the {b}")
    # Queries are embedded by the real model when installed, else by the stand-in.
    q_embedder = TimedEmbedder(query_embedder or stand_in)
    time_search(index, queries[:3], q_embedder, "hybrid")  # warm: jieba's dictionary, SQLite's page cache
    results = {}
    for mode in ("keyword", "vector", "hybrid"):
        ms, own = time_search(index, queries, q_embedder, mode)
        results[mode] = {"median_ms": round(median(ms), 1), "p95_ms": round(percentile(ms, 95), 1),
                         "without_query_embedding_median_ms": round(median(own), 1),
                         "without_query_embedding_p95_ms": round(percentile(own, 95), 1)}
        say(f"search {mode:8s} median {median(ms):6.1f} ms   p95 {percentile(ms, 95):6.1f} ms   "
            f"(without embedding the query: median {median(own):6.1f} ms, p95 {percentile(own, 95):6.1f} ms)")

    changed = files[len(files) // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA new paragraph about the zeppelin hangar.", encoding="utf-8")
    t = time.perf_counter()
    again = index_collection(index, "scale", embedder=stand_in, embed_model_id=f"stand-in-{dim}")
    reindex_s = time.perf_counter() - t
    only_that = again.indexed_paths == [str(changed)]
    say(f"one changed file: {again.indexed} re-indexed, {again.unchanged} unchanged, in {reindex_s:.2f} s "
        f"({'only that file' if only_that else 'NOT only that file'})")
    integrity = index.integrity_check()
    index.close()
    if query_embedder is not None and hasattr(query_embedder, "close"):
        query_embedder.close()
    hybrid = results["hybrid"]["median_ms"]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    emit_json({
        "benchmark": "docs_scale",
        "passages": n_chunks,
        "files": len(files),
        "query_embedding": model_id or f"stand-in-{dim}",
        "build_s": round(build_s, 1),
        "search": results,
        "target_ms": TARGET_MS,
        "ratio": round(TARGET_MS / hybrid, 2) if hybrid else None,
        "reindex_one_file": {"indexed": again.indexed, "unchanged": again.unchanged, "only_that_file": only_that,
                             "seconds": round(reindex_s, 2)},
        "integrity_check": integrity,
        "load_average": round(load, 2) if load is not None else None,
        "cpus": os.cpu_count(),
    })
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
