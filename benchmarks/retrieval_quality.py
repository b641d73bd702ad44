"""Retrieval quality: hit@5 over the project's own bilingual question set, per language, for
keyword-only, vector-only and hybrid search, so the gain of each part is visible.

The documents and paraphrased questions are ``retrieval_corpus.py`` (every supported format,
Chinese and English). A question is a hit when one of the top five passages contains its
answer's words. Vectors come from the built-in embedding model (all-MiniLM-L6-v2, English-only),
or ``--embedding-model`` (a library id or a GGUF file, e.g. a multilingual BGE-M3 / E5). The baseline in the same run is
keyword-only search; the ratios say what vectors and fusion add. Target: hybrid ≥ 0.9 in each
language.

    python benchmarks/retrieval_quality.py [--embedding-model PATH] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import emit_json, say, temp_data_dir
from retrieval_corpus import QUESTIONS, write_corpus

K = 5
TARGET = 0.9


def load_embedder(ref: str | None):  # type: ignore[no-untyped-def]
    """(embedder, model id): ``ref`` a library id or GGUF path, default the built-in model."""
    from chatdesk.engine.embedder import Embedder
    from chatdesk.library.embedding_default import embedding_model_id, embedding_model_path

    path = embedding_model_path(ref)
    return Embedder(path), embedding_model_id(path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--embedding-model", help="a library id or GGUF file (default: the built-in model)")
    ap.add_argument("--verbose", action="store_true", help="print every miss")
    args = ap.parse_args()

    from chatdesk import paths
    from chatdesk.documents import DocumentIndex, index_collection, search

    temp_data_dir("chatdesk-retrieval-")
    folder = write_corpus(Path(tempfile.mkdtemp(prefix="chatdesk-corpus-")))
    embedder, model_id = load_embedder(args.embedding_model)
    with DocumentIndex(paths.documents_index_path()) as index:
        index.add_paths("bench", [folder])
        report = index_collection(index, "bench", embedder=embedder, embed_model_id=model_id)
        if report.failed:
            say("not indexed:", report.failures)
        say(f"indexed {report.indexed} files, {index.chunk_count()} passages in {report.seconds:.2f} s"
            + (f" with {model_id}" if model_id else " (keyword only: no embedding model)"))
        modes = ["keyword"] + (["vector", "hybrid"] if embedder is not None else [])
        scores: dict[str, dict[str, float | None]] = {m: {} for m in ("keyword", "vector", "hybrid")}
        for mode in modes:
            for lang in ("en", "zh"):
                qs = [q for q in QUESTIONS if q[0] == lang]
                hits = 0
                for _, question, answer, fname in qs:
                    found = search(index, question, limit=K, embedder=embedder, mode=mode)
                    ok = any(answer in h.text and Path(h.path).name == fname for h in found)
                    hits += ok
                    if not ok and args.verbose:
                        say(f"  miss [{mode}] {question} -> {[Path(h.path).name for h in found]}")
                scores[mode][lang] = hits / len(qs)
        for mode in ("keyword", "vector", "hybrid"):
            if mode not in modes:
                scores[mode] = {"en": None, "zh": None}
            say(f"hit@{K} {mode:8s} en={scores[mode]['en']} zh={scores[mode]['zh']}")

    def ratio(a: float | None, b: float | None) -> float | None:
        return round(a / b, 3) if a is not None and b else None

    best = "hybrid" if embedder is not None else "keyword"
    emit_json({
        "benchmark": "retrieval_quality",
        "k": K,
        "questions": {"en": sum(q[0] == "en" for q in QUESTIONS), "zh": sum(q[0] == "zh" for q in QUESTIONS)},
        "embedding_model": model_id,
        "hit_at_5": scores,
        "hybrid_vs_keyword": {lang: ratio(scores["hybrid"][lang], scores["keyword"][lang]) for lang in ("en", "zh")},
        "vector_vs_keyword": {lang: ratio(scores["vector"][lang], scores["keyword"][lang]) for lang in ("en", "zh")},
        "target": TARGET,
        "meets_target": all((scores[best][lang] or 0) >= TARGET for lang in ("en", "zh")),
    })
    if embedder is not None and hasattr(embedder, "close"):
        embedder.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
