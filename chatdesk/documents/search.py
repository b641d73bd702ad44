"""Hybrid search over the index: FTS5 keywords and sqlite-vec vectors, merged by rank fusion.

Keyword search finds the exact words (names, numbers, Chinese terms the embedder may not know);
vector search finds the same meaning in other words. Each returns its best ``limit × DEPTH``
chunks; reciprocal rank fusion (``1 / (RRF_K + rank)`` summed over both lists) merges them
without having to compare BM25 scores with cosine distances. ``mode`` selects one side only,
which the retrieval benchmark uses to show what each side contributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from chatdesk.documents.errors import DocumentsError
from chatdesk.documents.segment import for_query
from translatable import msg

if TYPE_CHECKING:
    from chatdesk.documents.index import DocumentIndex
    from chatdesk.documents.indexer import EmbedderLike

RRF_K = 60
DEPTH = 4
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
    if mode in ("hybrid", "vector") and embedder is not None and index.vector_dim():
        vector = _vector(index, embedder, query, ids, depth)
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
    q = np.asarray(embedder.embed([query]), dtype=np.float32)[0].tobytes()
    if not ids:
        rows = index.db.execute("SELECT rowid FROM chunks_vec WHERE embedding MATCH ? AND k = ? ORDER BY distance", (q, depth))
        return [r[0] for r in rows]
    # A collection is a subset: rank its own vectors exactly (a k-NN over everything, filtered
    # afterwards, could return none of a small collection's chunks).
    where, args = _collection_filter(ids)
    rows = index.db.execute(
        f"""SELECT v.rowid FROM chunks_vec v JOIN chunks c ON c.id = v.rowid WHERE 1{where}
            ORDER BY vec_distance_cosine(v.embedding, ?) LIMIT ?""",
        (*args, q, depth),
    )
    return [r[0] for r in rows]


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
