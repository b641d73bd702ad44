"""The document index on a real SQLite file: Chinese and English keyword search, failures listed
with reasons, incremental re-indexing by content hash, resume after Cancel and after kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from documents_support import write_docx, write_pdf, write_zip_bomb_docx

from chatdesk import paths
from chatdesk.documents import DocumentIndex, DocumentsError, errors, index_collection, search
from chatdesk.documents import hybrid_search as search_mod
from chatdesk.documents import indexer as indexer_mod

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def index(data_dir):
    ix = DocumentIndex(paths.documents_index_path())
    yield ix
    ix.close()


def _library(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "contract.txt").write_bytes(
        "租赁合同\n\n本合同的期限为两年，自双方签字之日起生效。\n\n甲方应当在每月五日前支付租金，逾期支付的，每日加收百分之一的滞纳金。".encode("gb18030"))
    (folder / "garden.md").write_text("# Garden\n\nTomatoes need six hours of direct sunlight every day. Water them deeply twice a week.\n",
                                      encoding="utf-8")
    (folder / "bread.html").write_text("<html><body><p>Bake the sourdough loaf at 230 degrees for forty minutes.</p>"
                                       "<script>var hidden='marmalade';</script></body></html>", encoding="utf-8")
    write_pdf(folder / "report.pdf", ["Quarterly report. Revenue grew by twelve percent.", "Page two: the Lisbon office opened in March."])
    write_docx(folder / "policy.docx", title="Leave policy", paragraphs=["Employees receive twenty-five days of paid vacation."],
               table=[["Team", "Manager"], ["Research", "Ingrid Olsen"]])
    sub = folder / "notes"
    sub.mkdir(exist_ok=True)
    (sub / "taiwan.txt").write_bytes("會議紀錄：下週三下午兩點在台北開會，討論新產品的定價。".encode("big5"))
    return folder


def _names(hits):
    return [Path(h.path).name for h in hits]


def test_english_and_chinese_queries_find_the_right_passage(index, tmp_path):
    folder = _library(tmp_path / "docs")
    index.add_paths("Home", [folder])
    report = index_collection(index, "Home")
    assert report.failed == 0 and report.indexed == 6
    cases = {
        "how many hours of sun do tomato plants need": "garden.md",
        "what temperature should the sourdough be baked at": "bread.html",
        "租金应该什么时候支付": "contract.txt",
        "合同期限": "contract.txt",
        "台北會議": "taiwan.txt",
        "who manages the research team": "policy.docx",
        "vacation days": "policy.docx",
    }
    for query, expected in cases.items():
        hits = search(index, query, limit=3)
        assert hits and _names(hits)[0] == expected, (query, _names(hits))
    lisbon = search(index, "when did the Lisbon office open", limit=1)[0]
    assert lisbon.page == 2 and Path(lisbon.path).name == "report.pdf"
    assert "Lisbon office opened in March" in lisbon.text
    assert search(index, "marmalade") == []  # script text was dropped


def test_hits_point_at_the_exact_characters(index, tmp_path):
    folder = tmp_path / "long"
    folder.mkdir()
    body = "\n\n".join(f"Paragraph {i}. The {word} is stored in cabinet number {i}." for i, word in
                       enumerate(["stapler", "passport", "umbrella", "violin", "telescope"] * 30))
    (folder / "inventory.txt").write_text(body, encoding="utf-8")
    index.add_paths("Inv", [folder])
    index_collection(index, "Inv")
    hits = search(index, "violin cabinet", limit=5)
    assert hits
    for h in hits:
        assert body[h.start:h.end] == h.text and "violin" in h.text


def test_failures_are_listed_with_reasons_while_the_rest_index(index, tmp_path):
    folder = _library(tmp_path / "mixed")
    write_pdf(folder / "locked.pdf", ["secret"], user_password="pw")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 3)
    write_zip_bomb_docx(folder / "bomb.docx", unpacked_mb=300)
    (folder / "blob.bin").write_bytes(os.urandom(4096))
    os.symlink(folder, folder / "notes" / "loop")  # a folder link back up the tree
    os.symlink("self.txt", folder / "self.txt")  # a link to itself
    os.symlink(folder / "missing.txt", folder / "dangling.txt")
    index.add_paths("Mixed", [folder])
    report = index_collection(index, "Mixed")
    reasons = {Path(p).name: r for p, r, _ in report.failures}
    assert reasons == {
        "locked.pdf": errors.ENCRYPTED, "broken.pdf": errors.CORRUPT, "bomb.docx": errors.ZIP_BOMB, "blob.bin": errors.BINARY,
        "loop": errors.SYMLINK_LOOP, "self.txt": errors.SYMLINK_LOOP, "dangling.txt": errors.UNREADABLE,
    }
    assert report.indexed == 6
    listed = {Path(f.path).name: (f.reason, f.message) for f in index.failures("Mixed")}
    assert listed["locked.pdf"][0] == errors.ENCRYPTED and "encrypted PDF" in listed["locked.pdf"][1]
    info = index.info("Mixed")
    assert (info.indexed, info.failed, info.needs_indexing) == (6, 7, False)
    assert search(index, "合同期限")  # the good files are searchable


def test_unreadable_file_is_listed(index, tmp_path, monkeypatch):
    folder = _library(tmp_path / "perm")
    real_open = open

    def no_permission(path, *a, **k):
        if str(path).endswith("garden.md"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr(indexer_mod, "open", no_permission, raising=False)
    index.add_paths("P", [folder])
    report = index_collection(index, "P")
    assert [(Path(p).name, r) for p, r, _ in report.failures] == [("garden.md", errors.UNREADABLE)]
    assert "Permission denied" in report.failures[0][2]
    monkeypatch.undo()
    again = index_collection(index, "P")  # unreadable files are retried: now it reads
    assert again.indexed == 1 and again.failed == 0


def test_file_changed_while_read_is_listed_and_retried(index, tmp_path, monkeypatch):
    folder = _library(tmp_path / "busy")
    target = folder / "garden.md"
    real_open = open

    def growing(path, *a, **k):
        fh = real_open(path, *a, **k)
        if str(path) == str(target):
            with real_open(target, "a", encoding="utf-8") as w:  # another program appends while we read
                w.write("More notes.\n")
        return fh

    monkeypatch.setattr(indexer_mod, "open", growing, raising=False)
    index.add_paths("Busy", [folder])
    report = index_collection(index, "Busy")
    assert [(Path(p).name, r) for p, r, _ in report.failures] == [("garden.md", errors.CHANGED)]
    monkeypatch.undo()
    again = index_collection(index, "Busy")
    assert again.indexed_paths == [str(target)] and again.failed == 0


def test_incremental_reindex_touches_only_what_changed(index, tmp_path):
    folder = _library(tmp_path / "inc")
    index.add_paths("Inc", [folder])
    first = index_collection(index, "Inc")
    assert first.indexed == 6
    chunks_before = index.chunk_count()

    second = index_collection(index, "Inc")
    assert (second.indexed, second.unchanged) == (0, 6)

    garden = folder / "garden.md"
    garden.write_text("# Garden\n\nCucumbers climb the trellis by July.\n", encoding="utf-8")
    os.utime(folder / "bread.html")  # a new timestamp but the same bytes: hashed, not re-indexed
    third = index_collection(index, "Inc")
    assert third.indexed_paths == [str(garden)]
    assert third.unchanged == 5
    assert _names(search(index, "cucumbers trellis", limit=1)) == ["garden.md"]
    assert search(index, "tomatoes sunlight") == []  # the old passage is gone

    (folder / "notes" / "taiwan.txt").unlink()
    (folder / "new.txt").write_text("The spare key is under the blue flowerpot.", encoding="utf-8")
    fourth = index_collection(index, "Inc")
    assert fourth.indexed_paths == [str(folder / "new.txt")] and fourth.removed == 1
    assert search(index, "台北會議") == []
    assert index.chunk_count() == chunks_before  # one chunk replaced, one removed, one added
    fts = index.db.execute("SELECT COUNT(*) FROM chunks_fts").fetchone()[0]
    assert fts == index.chunk_count()


def test_collections_share_files_and_filter_search(index, tmp_path):
    folder = _library(tmp_path / "shared")
    other = tmp_path / "other"
    other.mkdir()
    (other / "tomato.txt").write_text("Tomato soup needs basil and garlic.", encoding="utf-8")
    index.add_paths("A", [folder])
    index.add_paths("B", [folder / "garden.md", other])
    index_collection(index, "A")
    report_b = index_collection(index, "B")
    assert report_b.indexed == 1 and report_b.unchanged == 1  # garden.md was already indexed through A
    assert set(_names(search(index, "tomato", collections=["B"]))) == {"garden.md", "tomato.txt"}
    assert set(_names(search(index, "tomato", collections=["A"]))) == {"garden.md"}
    index.remove_collection("A")
    assert index.collection_names() == ["B"]
    assert search(index, "合同期限") == []  # only A reached the contract
    assert _names(search(index, "tomatoes sunlight", limit=1)) == ["garden.md"]  # still in B
    with pytest.raises(DocumentsError, match="no document collection named A"):
        search(index, "x", collections=["A"])
    with pytest.raises(DocumentsError, match="1 to 80 characters"):
        index.add_paths("  ", [folder])


def test_cancel_then_resume(index, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(20):
        (folder / f"note{i:02}.txt").write_text(f"Note {i}: the code word is zebra{i}.", encoding="utf-8")
    index.add_paths("Many", [folder])
    cancel = threading.Event()
    seen = []

    def progress(p):
        seen.append(p.outcome)
        if p.outcome == "indexed" and seen.count("indexed") == 5:
            cancel.set()

    first = index_collection(index, "Many", progress=progress, cancel=cancel)
    assert first.cancelled and first.indexed == 5
    assert index.unfinished() == ["Many"]
    second = index_collection(index, "Many")
    assert not second.cancelled and (second.unchanged, second.indexed) == (5, 15)
    assert index.unfinished() == []
    assert _names(search(index, "zebra17")) == ["note17.txt"]


KILL_CHILD = textwrap.dedent(
    """
    import sys
    from chatdesk.documents import DocumentIndex, index_collection
    ix = DocumentIndex(sys.argv[1])
    ix.add_paths("Big", [sys.argv[2]])
    def progress(p):
        if p.outcome == "indexed":
            print(p.position, flush=True)
    index_collection(ix, "Big", progress=progress)
    print("done", flush=True)
    """
)


def test_kill_9_during_indexing_leaves_a_consistent_index_that_resumes(tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    for i in range(400):
        (folder / f"doc{i:03}.txt").write_text(
            "\n\n".join(f"Document {i}, paragraph {j}: the reference number is R{i}x{j}." for j in range(40)), encoding="utf-8")
    db = tmp_path / "index.sqlite3"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    child = subprocess.Popen([sys.executable, "-c", KILL_CHILD, str(db), str(folder)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 300
        indexed = 0
        while indexed < 20 and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line or line.strip() == "done":
                break
            indexed += 1
        assert indexed >= 20, "the child did not index 20 files"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=60)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    ix = DocumentIndex(db)
    try:
        assert ix.integrity_check() == "ok"
        assert ix.db.execute("INSERT INTO chunks_fts(chunks_fts, rank) VALUES ('integrity-check', 1)") is not None
        assert ix.unfinished() == ["Big"]
        done_before = ix.db.execute("SELECT COUNT(*) FROM files WHERE status = 'indexed'").fetchone()[0]
        assert 20 <= done_before < 400
        counts = ix.db.execute("SELECT f.chunk_count, (SELECT COUNT(*) FROM chunks c WHERE c.file_id = f.id) FROM files f").fetchall()
        assert all(a == b for a, b in counts)  # no half-written file
        report = index_collection(ix, "Big")
        assert report.unchanged == done_before and report.indexed == 400 - done_before
        assert ix.unfinished() == []
        assert _names(search(ix, "R399x7", limit=1)) == ["doc399.txt"]
        assert ix.integrity_check() == "ok"
    finally:
        ix.close()


def test_failure_messages_keep_their_translatable_template(data_dir, tmp_path):
    folder = tmp_path / "t"
    folder.mkdir()
    write_pdf(folder / "locked.pdf", ["x"], user_password="pw")
    with DocumentIndex(paths.documents_index_path()) as index:
        index.add_paths("T", [folder])
        index_collection(index, "T")
    again = DocumentIndex(paths.documents_index_path())  # read back from the file, as after a restart
    try:
        message = again.failures("T")[0].message
        assert message.template.startswith("{name} is an encrypted PDF")
        assert message.params == {"name": "locked.pdf"}
        row = again.db.execute("SELECT message_data FROM files").fetchone()[0]
        assert json.loads(row)["params"]["name"] == "locked.pdf"
    finally:
        again.close()


class HashingEmbedder:
    """A unit-test stand-in for the embedding model (the real one is tested in
    test_documents_vectors.py): each word hashed into one of 512 dimensions, L2-normalised."""

    dim = 512

    def __init__(self, fail_on: str | None = None):
        self.calls = 0
        self.texts = 0
        self.fail_on = fail_on

    def embed(self, texts):
        import zlib

        import numpy as np

        self.calls += 1
        self.texts += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            if self.fail_on and self.fail_on in t:
                raise RuntimeError("the model cannot embed this text")
            for w in t.lower().split():
                out[i, zlib.crc32(w.strip(".,:").encode()) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-9)


def test_vectors_are_stored_batched_across_files_and_rebuilt_for_another_model(index, tmp_path, monkeypatch):
    folder = tmp_path / "v"
    folder.mkdir()
    for i in range(30):
        (folder / f"n{i:02}.txt").write_text(f"Note {i}. The {['red', 'green', 'blue'][i % 3]} box holds item{i}.", encoding="utf-8")
    index.add_paths("V", [folder])
    emb = HashingEmbedder()
    report = index_collection(index, "V", embedder=emb, embed_model_id="hash-1")
    assert report.indexed == 30 and emb.texts == 30 and emb.calls == 1  # 30 small files, one embedding call
    assert index.db.execute("SELECT COUNT(*) FROM chunk_vectors").fetchone()[0] == 30
    hits = search(index, "item17", embedder=emb, mode="vector", limit=3)
    assert _names(hits)[0] == "n17.txt" and hits[0].vector_rank == 1 and hits[0].keyword_rank is None
    both = search(index, "item17", embedder=emb, limit=3)
    assert _names(both)[0] == "n17.txt" and both[0].keyword_rank == 1 and both[0].vector_rank == 1

    monkeypatch.setattr(search_mod, "EXACT_LIMIT", 0)  # the large-index path: bit candidates, exact rescoring
    assert _names(search(index, "item17", embedder=emb, mode="vector", limit=3))[0] == "n17.txt"
    assert _names(search(index, "item17", embedder=emb, mode="vector", limit=3, collections=["V"]))[0] == "n17.txt"
    monkeypatch.undo()
    before = emb.texts
    again = index_collection(index, "V", embedder=emb, embed_model_id="hash-1")
    assert again.unchanged == 30 and emb.texts == before  # nothing re-embedded
    other = HashingEmbedder()
    switched = index_collection(index, "V", embedder=other, embed_model_id="hash-2")
    assert switched.unchanged == 30 and other.texts == 30  # re-embedded from the stored chunks, files not re-read
    assert index.vector_model() == "hash-2"


def test_an_embedding_failure_fails_only_that_file(index, tmp_path):
    folder = tmp_path / "e"
    folder.mkdir()
    for i in range(5):
        (folder / f"f{i}.txt").write_text(f"File {i} " + ("POISON" if i == 2 else "fine"), encoding="utf-8")
    index.add_paths("E", [folder])
    report = index_collection(index, "E", embedder=HashingEmbedder(fail_on="POISON"), embed_model_id="h")
    assert report.indexed == 4
    assert [(Path(p).name, r) for p, r, _ in report.failures] == [("f2.txt", errors.EMBEDDING)]
    assert "cannot embed this text" in report.failures[0][2]
