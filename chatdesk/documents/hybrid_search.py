"""Hybrid search over the index: FTS5 keywords and sqlite-vec vectors, merged by rank fusion.

Keyword search finds the exact words (names, numbers, Chinese terms the embedder may not know);
vector search finds the same meaning in other words. Each returns its best ``limit × DEPTH``
chunks; reciprocal rank fusion (``1 / (RRF_K + rank)`` summed over both lists) merges them
without having to compare BM25 scores with cosine distances. Vector search is exact up to
``EXACT_LIMIT`` vectors in scope; above that, sqlite-vec scans the vectors' sign bits (a
``vec0`` bit index, 32 times less data) for ``OVERSAMPLE`` times more candidates than needed, and
only those are scored exactly: a 100,000-passage index answers within the latency budget.
For a query in a language the embedding model does not understand (measured once per model,
language_probe.py) hybrid search is keyword-only. ``mode`` selects one side only,
which the retrieval benchmark uses to show what each side contributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from chatdesk.documents.errors import DocumentsError
from chatdesk.documents.language_probe import query_language
from chatdesk.documents.segment import for_query
from chatdesk.engine.embedding_facts import as_query
from translatable import msg

if TYPE_CHECKING:
    from chatdesk.documents.index import DocumentIndex
    from chatdesk.documents.indexer import EmbedderLike

RRF_K = 60
DEPTH = 4
EXACT_LIMIT = 20_000  # up to this many vectors in scope, score them all
OVERSAMPLE = 5  # candidates from the bit index per result wanted (its k-NN costs grow with k)
MIN_CANDIDATES = 100
MODES = ("hybrid", "keyword", "vector")


@dataclass(frozen=True)
class Hit:
    chunk_id: int
    path: str
    page: int | None
    start: int
    end: int
    score: float
    text: str
    keyword_rank: int | None = None
    vector_rank: int | None = None

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "page": self.page, "start": self.start, "end": self.end,
                "score": round(self.score, 6), "text": self.text}


def search(index: DocumentIndex, query: str, *, collections: list[str] | None = None, limit: int = 10,
           embedder: EmbedderLike | None = None, mode: str = "hybrid") -> list[Hit]:
    """The best ``limit`` passages for ``query``, best first. Without an embedder (or without
    vectors in the index) the search is keyword-only."""
    if mode not in MODES:
        raise DocumentsError(msg("Unknown search mode {mode}; use hybrid, keyword or vector.", mode=mode))
    if limit < 1:
        raise DocumentsError(msg("The number of results must be at least 1."))
    ids = [index.require(name) for name in collections] if collections else None
    depth = max(limit * DEPTH, 20)
    keyword = _keyword(index, query, ids, depth) if mode in ("hybrid", "keyword") else []
    vector: list[int] = []
    searcher = embedder if mode in ("hybrid", "vector") and index.vector_dim() else None
    if searcher is not None and not _same_model(index, searcher):
        searcher = None  # the vectors are another model's (the model was changed, not yet re-indexed)
    if searcher is not None and mode == "hybrid" and not _understands(index, searcher, query):
        searcher = None  # this model's vectors for this language are noise: keyword search carries it
    if searcher is not None:
        vector = _vector(index, searcher, query, ids, depth)
    elif mode == "vector":
        raise DocumentsError(msg("Vector search needs an embedding model and an index built with it."))
    scores: dict[int, float] = {}
    krank = {cid: r for r, cid in enumerate(keyword, start=1)}
    vrank = {cid: r for r, cid in enumerate(vector, start=1)}
    for ranks in (krank, vrank):
        for cid, r in ranks.items():
            scores[cid] = scores.get(cid, 0.0) + 1.0 / (RRF_K + r)
    best = sorted(scores, key=lambda c: (-scores[c], c))[:limit]
    return _hits(index, best, scores, krank, vrank)


def _same_model(index: DocumentIndex, embedder: EmbedderLike) -> bool:
    """Were the index's vectors made by this embedder's model? (Same width, and the same model
    file where the embedder says which it is; test doubles without ``model_id`` pass on width.)"""
    if index.vector_dim() != int(embedder.dim):
        return False
    model_id = getattr(embedder, "model_id", None)
    return model_id is None or index.vector_model() == model_id


def _understands(index: DocumentIndex, embedder: EmbedderLike, query: str) -> bool:
    lang = query_language(query)
    return index.vector_languages(embedder).get(lang, True)


def _collection_filter(ids: list[int] | None) -> tuple[str, tuple[int, ...]]:
    if not ids:
        return "", ()
    marks = ",".join("?" * len(ids))
    return f" AND c.file_id IN (SELECT file_id FROM collection_files WHERE collection_id IN ({marks}))", tuple(ids)


def _keyword(index: DocumentIndex, query: str, ids: list[int] | None, depth: int) -> list[int]:
    expression = for_query(query)
    if expression is None:
        return []
    where, args = _collection_filter(ids)
    rows = index.db.execute(
        f"""SELECT c.id FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid
            WHERE chunks_fts MATCH ?{where} ORDER BY bm25(chunks_fts) LIMIT ?""",
        (expression, *args, depth),
    )
    return [r[0] for r in rows]


def _vector(index: DocumentIndex, embedder: EmbedderLike, query: str, ids: list[int] | None, depth: int) -> list[int]:
    q = np.asarray(embedder.embed([as_query(embedder, query)]), dtype=np.float32)[0]
    where, args = _collection_filter(ids)
    if where:
        size = index.db.execute(f"SELECT COUNT(*) FROM chunks c WHERE 1{where}", args).fetchone()[0]
    else:
        size = index.vector_count()
    if size <= EXACT_LIMIT or not index.has_bit_index():
        # Exact: every vector in scope, scored by sqlite-vec's cosine distance.
        rows = index.db.execute(
            f"""SELECT v.id FROM chunk_vectors v JOIN chunks c ON c.id = v.id WHERE 1{where}
                ORDER BY vec_distance_cosine(v.embedding, ?) LIMIT ?""",
            (*args, q.tobytes(), depth),
        )
        return [r[0] for r in rows]
    # Large: the sign bits (32x less to read) pick candidates by Hamming distance, then the
    # candidates' float vectors are scored exactly. A collection filter widens the candidates.
    k = min(size, max(depth * OVERSAMPLE, MIN_CANDIDATES) * (4 if where else 1))
    cands = [r[0] for r in index.db.execute(
        "SELECT rowid FROM chunks_bits WHERE embedding MATCH vec_quantize_binary(?) AND k = ?", (q.tobytes(), k))]
    if where:
        marks = ",".join("?" * len(cands))
        cands = [r[0] for r in index.db.execute(f"SELECT c.id FROM chunks c WHERE c.id IN ({marks}){where}", (*cands, *args))]
    if not cands:
        return []
    marks = ",".join("?" * len(cands))
    found = index.db.execute(f"SELECT id, embedding FROM chunk_vectors WHERE id IN ({marks})", cands).fetchall()
    matrix = np.frombuffer(b"".join(r[1] for r in found), dtype=np.float32).reshape(len(found), -1)
    scores = matrix @ q
    order = np.argsort(-scores)[:depth]
    return [found[i][0] for i in order]


def _hits(index: DocumentIndex, best: list[int], scores: dict[int, float], krank: dict[int, int], vrank: dict[int, int]) -> list[Hit]:
    if not best:
        return []
    marks = ",".join("?" * len(best))
    rows = {
        r[0]: r for r in index.db.execute(
            f"SELECT c.id, f.path, c.page, c.start, c.end, c.text FROM chunks c JOIN files f ON f.id = c.file_id WHERE c.id IN ({marks})",
            best,
        )
    }
    return [
        Hit(cid, rows[cid][1], rows[cid][2], rows[cid][3], rows[cid][4], scores[cid], rows[cid][5], krank.get(cid), vrank.get(cid))
        for cid in best if cid in rows
    ]
