"""Bring one collection's index up to date with its folders: incremental, resumable, cancellable.

For each file under the collection's roots:

- same size and modification time as when it was indexed (and embedded by the current model):
  nothing is read;
- otherwise its bytes are read once and hashed; the same hash as before only updates the stored
  timestamp; a new hash means extract → chunk → segment → embed → one transaction replacing
  its passages. A file whose size or time changes while it is read is a failure ("changed while
  read") and is retried next run.

Each file commits on its own, so Cancel, a crash or a kill -9 lose at most the file in hand; the
collection stays marked "needs indexing" until a run completes, and the next run (at the next
start) skips everything already done. Failures are recorded with their reason and the run goes
on. Reading and extracting the next files happens on a helper thread while the current one is
embedded, so parsing hides behind the embedding model, which is the real cost.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from chatdesk.documents import errors
from chatdesk.documents.chunking import Chunk, chunk_pages
from chatdesk.documents.errors import ExtractionError
from chatdesk.documents.extract import extract, kind_of
from chatdesk.documents.index import DocumentIndex, FileRow
from chatdesk.documents.scan import Found, scan
from chatdesk.documents.segment import for_index
from chatdesk.engine.embedding_facts import as_passages
from translatable import msg, text_of

EMBED_BATCH = 64
PREFETCH = 3
RETRY_UNCHANGED: set[str | None] = {errors.UNREADABLE, errors.CHANGED, errors.EMBEDDING}


class EmbedderLike(Protocol):
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class FileProgress:
    """One file's step: ``outcome`` is "indexed", "unchanged", "failed" or "cancelled"."""

    position: int  # 1-based
    total: int
    path: str
    outcome: str
    chunks: int = 0
    reason: str | None = None
    message: str | None = None


@dataclass
class IndexReport:
    collection: str
    total: int = 0
    indexed: int = 0
    unchanged: int = 0
    failed: int = 0
    removed: int = 0
    chunks_added: int = 0
    cancelled: bool = False
    seconds: float = 0.0
    indexed_paths: list[str] = field(default_factory=list)
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (path, reason, message)


@dataclass(frozen=True)
class _Prepared:
    path: str
    size: int = 0
    mtime_ns: int = 0
    sha256: str = ""
    kind: str = ""
    chunks: tuple[Chunk, ...] = ()
    words: tuple[str, ...] = ()
    failure: tuple[str, str] | None = None
    unchanged: bool = False


def index_collection(
    index: DocumentIndex,
    name: str,
    *,
    embedder: EmbedderLike | None = None,
    embed_model_id: str | None = None,
    progress: Callable[[FileProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> IndexReport:
    """Index what changed in collection ``name``; see the module docstring."""
    t0 = time.perf_counter()
    cancel = cancel or threading.Event()
    cid = index.require(name)
    report = IndexReport(name)
    if embedder is not None:
        embed_model_id = embed_model_id or getattr(embedder, "model_id", None) or f"{type(embedder).__name__}:{embedder.dim}"
        index.use_embedding_model(embed_model_id, int(embedder.dim))
    index.set_needs_indexing(cid, True)
    found = scan(index.roots(name))
    report.total = len(found)
    known = {row.path: row for row in index.files_of(cid)}
    for f in found:
        if f.path not in known:
            row = index.file(f.path)  # indexed through another collection: reuse it
            if row is not None:
                known[f.path] = row

    def emit(pos: int, path: str, outcome: str, chunks: int = 0, reason: str | None = None, message: str | None = None) -> None:
        if progress is not None:
            progress(FileProgress(pos, report.total, path, outcome, chunks, reason, message))

    def prepare(item: Found) -> _Prepared:
        return _prepare(item, known.get(item.path), embed_model_id if embedder is not None else None, cancel)

    # Files waiting for their vectors: chunks of several small files are embedded in one call
    # (the model is fastest on full batches), then each file is written in its own transaction.
    pending: list[tuple[int, Found, _Prepared]] = []

    def write(pos: int, item: Found, prepared: _Prepared, vectors: np.ndarray | None) -> None:
        index.replace_file(cid, item.path, kind=prepared.kind, size=prepared.size, mtime_ns=prepared.mtime_ns,
                           sha256=prepared.sha256, chunks=prepared.chunks, words=prepared.words, vectors=vectors,
                           embed_model=embed_model_id if embedder is not None else None)
        report.indexed += 1
        report.chunks_added += len(prepared.chunks)
        report.indexed_paths.append(item.path)
        emit(pos, item.path, "indexed", len(prepared.chunks))

    def fail_embedding(pos: int, item: Found, prepared: _Prepared, exc: BaseException) -> None:
        message = msg("{name} could not be embedded: {error}", name=os.path.basename(item.path), error=text_of(exc))
        index.record_failure(cid, item.path, errors.EMBEDDING, message, kind=prepared.kind)
        report.failed += 1
        report.failures.append((item.path, errors.EMBEDDING, str(message)))
        emit(pos, item.path, "failed", reason=errors.EMBEDDING, message=message)

    def flush() -> bool:
        """Embed and write the pending files; False if cancelled (they stay as they were)."""
        batch = list(pending)
        pending.clear()
        if not batch:
            return True
        if embedder is None:
            for pos, item, prepared in batch:
                write(pos, item, prepared, None)
            return True
        texts = [c.text for _, _, p in batch for c in p.chunks]
        try:
            vectors = _embed(embedder, texts, cancel) if texts else np.zeros((0, embedder.dim), dtype=np.float32)
        except Exception:  # noqa: BLE001 - find the file the model fails on by embedding each on its own, below
            vectors = None
            for pos, item, prepared in batch:
                try:
                    own = _embed(embedder, [c.text for c in prepared.chunks], cancel)
                except Exception as exc:  # noqa: BLE001 - the embedding engine's failure is this file's failure, the run goes on
                    fail_embedding(pos, item, prepared, exc)
                    continue
                if own is None:
                    report.cancelled = True
                    return False
                write(pos, item, prepared, own)
            return True
        if vectors is None:  # cancelled: the files stay as they were, the next run does them
            report.cancelled = True
            return False
        at = 0
        for pos, item, prepared in batch:
            n = len(prepared.chunks)
            write(pos, item, prepared, vectors[at:at + n])
            at += n
        return True

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="documents-extract")
    try:
        for pos, (item, future) in enumerate(_ahead(pool, found, prepare, cancel), start=1):
            prepared = future.result()
            if cancel.is_set():  # checked after the read too: a file read while Cancel was pressed is not recorded
                report.cancelled = True
                emit(pos, item.path, "cancelled")
                break
            row = known.get(item.path)
            if prepared.failure is not None:
                reason, message = prepared.failure
                index.record_failure(cid, item.path, reason, message, size=prepared.size or None,
                                     mtime_ns=prepared.mtime_ns or None, sha256=prepared.sha256 or None, kind=kind_of(item.path))
                report.failed += 1
                report.failures.append((item.path, reason, str(message)))
                emit(pos, item.path, "failed", reason=reason, message=message)
                continue
            if prepared.unchanged and row is not None and row.status == "failed":
                reason, message = index.stored_failure(row.id)  # the same bytes fail the same way: not retried
                index.link_one(cid, row.id)
                report.failed += 1
                report.failures.append((item.path, reason, message))
                emit(pos, item.path, "failed", reason=reason, message=message)
                continue
            if prepared.unchanged:
                assert row is not None
                if (row.size, row.mtime_ns) != (prepared.size, prepared.mtime_ns):
                    index.touch(row.id, prepared.size, prepared.mtime_ns)
                stale = embedder is not None and row.embed_model != embed_model_id and row.status == "indexed"
                if stale and embedder is not None and not _reembed(index, row, embedder, embed_model_id or "", cancel):
                    report.cancelled = True
                    emit(pos, item.path, "cancelled")
                    break
                index.link_one(cid, row.id)
                report.unchanged += 1
                emit(pos, item.path, "unchanged", row.chunk_count)
                continue
            pending.append((pos, item, prepared))
            full = embedder is None or sum(len(p.chunks) for _, _, p in pending) >= EMBED_BATCH
            if full and not flush():
                break
        else:
            flush()
    finally:
        cancel_pending = cancel.is_set()
        pool.shutdown(wait=True, cancel_futures=True)
        if cancel_pending:
            report.cancelled = True
    if not report.cancelled:
        index.link(cid, [f.path for f in found])
        report.removed = index.prune()
        index.set_needs_indexing(cid, False)
    report.seconds = time.perf_counter() - t0
    return report


def _ahead(pool: ThreadPoolExecutor, items: list[Found], fn: Callable[[Found], _Prepared],
           cancel: threading.Event) -> Iterator[tuple[Found, Future[_Prepared]]]:
    """``(item, future)`` in order, keeping ``PREFETCH`` files being read ahead of the consumer."""
    futures: list[tuple[Found, Future[_Prepared]]] = []
    nxt = 0
    while True:
        while nxt < len(items) and len(futures) < PREFETCH and not cancel.is_set():
            futures.append((items[nxt], pool.submit(fn, items[nxt])))
            nxt += 1
        if not futures:
            return
        yield futures.pop(0)


def _prepare(item: Found, row: FileRow | None, embed_model_id: str | None, cancel: threading.Event) -> _Prepared:
    """Everything about one file that does not touch the index: stat, read, hash, extract, chunk."""
    path = item.path
    name = os.path.basename(path)
    if item.problem is not None:
        return _Prepared(path, failure=item.problem)
    if cancel.is_set():
        return _Prepared(path)  # not looked at: the consumer stops before using it
    try:
        before = os.stat(path)
    except OSError as exc:
        return _Prepared(path, failure=(errors.UNREADABLE, msg("{name} cannot be read: {error}", name=name, error=exc.strerror or str(exc))))
    size, mtime = before.st_size, before.st_mtime_ns
    same_stat = row is not None and (row.size, row.mtime_ns) == (size, mtime)
    if row is not None and same_stat and (row.status == "indexed" or row.reason not in RETRY_UNCHANGED):
        return _Prepared(path, size, mtime, row.sha256 or "", unchanged=True)
    try:
        with open(path, "rb") as fh:
            data = fh.read(_limit_bytes())
            after = os.fstat(fh.fileno())
    except OSError as exc:
        reason = errors.UNREADABLE
        return _Prepared(path, size, mtime, failure=(reason, msg("{name} cannot be read: {error}", name=name, error=exc.strerror or str(exc))))
    if (after.st_size, after.st_mtime_ns) != (size, mtime) or len(data) != size:
        return _Prepared(path, failure=(errors.CHANGED, msg("{name} changed while it was being read; it will be indexed next time.", name=name)))
    sha = hashlib.sha256(data).hexdigest()
    if row is not None and row.sha256 == sha and row.status == "indexed":
        return _Prepared(path, size, mtime, sha, unchanged=True)
    try:
        extracted = extract(data, path)
    except ExtractionError as exc:
        return _Prepared(path, size, mtime, sha, failure=(exc.reason, exc.message))
    except Exception as exc:  # noqa: BLE001 - a parser bug on one hostile file must not stop the run; it is listed with its reason
        return _Prepared(path, size, mtime, sha, failure=(errors.CORRUPT, msg("{name} could not be read ({error}).", name=name, error=type(exc).__name__)))
    chunks = tuple(chunk_pages(extracted.pages))
    words = tuple(for_index(c.text) for c in chunks)
    return _Prepared(path, size, mtime, sha, extracted.kind, chunks, words)


def _limit_bytes() -> int:
    from chatdesk.documents.extract import MAX_FILE_BYTES  # noqa: PLC0415 - one source for the limit

    return MAX_FILE_BYTES + 1


def _embed(embedder: EmbedderLike, texts: list[str], cancel: threading.Event) -> np.ndarray | None:
    """All vectors for one file, in batches so that Cancel is noticed; None if cancelled."""
    parts = []
    texts = as_passages(embedder, texts)  # "passage: " for the E5 family
    for i in range(0, len(texts), EMBED_BATCH):
        if cancel.is_set():
            return None
        parts.append(np.asarray(embedder.embed(texts[i:i + EMBED_BATCH]), dtype=np.float32))
    return np.concatenate(parts) if parts else np.zeros((0, embedder.dim), dtype=np.float32)


def _reembed(index: DocumentIndex, row: FileRow, embedder: EmbedderLike, model_id: str, cancel: threading.Event) -> bool:
    pairs = index.chunk_texts(row.id)
    vectors = _embed(embedder, [t for _, t in pairs], cancel)
    if vectors is None:
        return False
    index.replace_vectors(row.id, [i for i, _ in pairs], vectors, model_id)
    return True
