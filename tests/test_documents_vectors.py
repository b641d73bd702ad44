"""The vector half with the real packaged embedding model (llama.cpp embedding mode): vectors for
every passage, paraphrases found by meaning, hybrid search in both languages, the CLI's default."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from chatdesk import paths
from chatdesk.documents import DocumentIndex, index_collection, search

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from retrieval_corpus import QUESTIONS, write_corpus  # noqa: E402


@pytest.fixture(scope="module")
def embedder():
    from chatdesk.engine.embedder import Embedder
    from chatdesk.library.embedding_default import default_embedding_model

    emb = Embedder(default_embedding_model())
    yield emb
    emb.close()


@pytest.fixture
def corpus_index(data_dir, tmp_path, embedder):
    folder = write_corpus(tmp_path / "corpus", with_distractors=False)
    index = DocumentIndex(paths.documents_index_path())
    index.add_paths("corpus", [folder])
    report = index_collection(index, "corpus", embedder=embedder, embed_model_id=embedder.model_id)
    assert report.failed == 0 and report.indexed == 12
    yield index
    index.close()


def _hit(found, answer, fname):
    return any(answer in h.text and Path(h.path).name == fname for h in found)


def test_every_passage_gets_a_normalised_vector(corpus_index, embedder):
    import numpy as np

    rows = corpus_index.db.execute("SELECT embedding FROM chunk_vectors").fetchall()
    assert len(rows) == corpus_index.chunk_count() > 12
    vectors = np.stack([np.frombuffer(r[0], dtype=np.float32) for r in rows])
    assert vectors.shape[1] == embedder.dim
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_vector_search_finds_english_paraphrases_without_shared_words(corpus_index, embedder):
    english = [q for q in QUESTIONS if q[0] == "en"]
    found = sum(_hit(search(corpus_index, q, limit=5, embedder=embedder, mode="vector"), a, f) for _, q, a, f in english)
    assert found >= 0.8 * len(english)


def test_hybrid_search_in_both_languages(corpus_index, embedder):
    for lang in ("en", "zh"):
        qs = [q for q in QUESTIONS if q[0] == lang]
        found = sum(_hit(search(corpus_index, q, limit=5, embedder=embedder), a, f) for _, q, a, f in qs)
        assert found >= 0.9 * len(qs), lang


def test_docs_search_uses_the_packaged_model_by_default(tmp_path):
    from test_documents_cli import cli

    home = tmp_path / "home"
    folder = write_corpus(tmp_path / "corpus", with_distractors=False)
    r = cli("docs", "add", str(folder), "--data-dir", str(home))
    assert r.returncode == 0, r.stderr
    with DocumentIndex(home / "documents.sqlite3") as index:
        assert index.vector_model() and index.db.execute("SELECT COUNT(*) FROM chunk_vectors").fetchone()[0] == index.chunk_count()
    r = cli("docs", "search", "How tall is the lighthouse tower?", "--mode", "vector", "--json", "--data-dir", str(home))
    assert r.returncode == 0, r.stderr
    hits = [json.loads(line) for line in r.stdout.splitlines()]
    assert any("forty-two metres" in h["text"] for h in hits)


def test_chinese_queries_skip_vectors_of_a_model_that_does_not_understand_chinese(corpus_index, embedder):
    """The built-in model is English-only: measured by the probe, so hybrid search lets keyword
    search carry Chinese instead of fusing in noise; English still gets both sides."""
    assert corpus_index.vector_languages(embedder) == {"zh": False}
    zh = "家里的大家电坏了谁来负责换？"
    assert [h.chunk_id for h in search(corpus_index, zh, embedder=embedder)] == [h.chunk_id for h in search(corpus_index, zh, mode="keyword")]
    en = search(corpus_index, "How tall is the lighthouse tower?", embedder=embedder)
    assert any(h.vector_rank is not None for h in en)
