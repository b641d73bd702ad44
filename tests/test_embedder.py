"""The Embedder on the real built-in embedding model (all-MiniLM-L6-v2 converted by ChatDesk)."""

from __future__ import annotations

import numpy as np
import pytest

from chatdesk import paths
from chatdesk.engine.embedder import Embedder
from chatdesk.engine.errors import EmbeddingModelError, EngineError, ModelFileError


@pytest.fixture(scope="session")
def embedding_model(tmp_path_factory):
    """The default embedding model, converted once for the whole session into its own data folder."""
    from chatdesk.library.embedding_default import default_embedding_model

    home = tmp_path_factory.mktemp("embedding-home")
    paths.set_data_dir(home)
    try:
        return default_embedding_model()
    finally:
        paths.set_data_dir(None)


@pytest.fixture(scope="module")
def embedder(embedding_model):
    emb = Embedder(embedding_model, n_threads=2)
    yield emb
    emb.close()


def test_dimension_limits_and_unit_rows(embedder):
    assert embedder.dim == 384
    assert embedder.max_tokens == 256  # sentence-transformers' max_seq_length for this model
    vecs = embedder.embed(["A short sentence.", "Another one, a little longer than the first."])
    assert vecs.dtype == np.float32 and vecs.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


def test_batch_equals_one_at_a_time(embedder):
    texts = [f"Sentence number {i} talks about {topic}." for i, topic in
             enumerate(["rivers", "taxes", "violins", "rockets", "bread", "cats", "ledgers", "snow"])]
    texts += ["床前明月光，疑是地上霜。", "", "x " * 400]
    together = embedder.embed(texts, batch_size=64)
    small = embedder.embed(texts, batch_size=3)
    alone = np.stack([embedder.embed([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=2e-4)
    assert np.allclose(small, alone, atol=2e-4)


def test_meaning_is_captured(embedder):
    a, b, c = embedder.embed(["The cat sat on the mat.", "A cat is sitting on a rug.", "Stock markets fell sharply today."])
    assert a @ b > a @ c + 0.2


def test_chinese_text(embedder):
    zh = ["今天天气很好，我们去公园散步吧。", "机器学习模型需要大量的数据。"]
    vecs = embedder.embed(zh)
    assert np.isfinite(vecs).all() and np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert vecs[0] @ vecs[1] < 0.999  # different sentences, different vectors
    assert embedder.count_tokens(zh[0]) == len(zh[0]) + 2  # one piece per character, plus [CLS] [SEP]


def test_empty_string(embedder):
    assert embedder.count_tokens("") == 2  # [CLS] [SEP]
    vec = embedder.embed([""])
    assert vec.shape == (1, 384) and abs(np.linalg.norm(vec) - 1.0) < 1e-5
    assert embedder.embed([]).shape == (0, 384)


def test_over_long_text_is_truncated_like_sentence_transformers(embedder):
    head = " ".join(f"word{i}" for i in range(300))
    one, two = head + " the ending is about apples", head + " the ending is about volcanoes"
    assert embedder.count_tokens(one) > embedder.max_tokens
    ids = embedder.tokenize(one)
    a, b = embedder.embed([one, two])
    assert np.allclose(a, b, atol=1e-5)  # only the first 255 pieces and [SEP] count
    short = embedder.embed(["the ending is about apples"])[0]
    assert a @ short < 0.99
    assert ids[0] != ids[-1]


def test_a_chat_model_is_refused_with_a_sentence(model_path):
    with pytest.raises(EmbeddingModelError) as info:
        Embedder(model_path)
    assert "not an embedding model" in str(info.value)


def test_bad_files(tmp_path):
    with pytest.raises(ModelFileError):
        Embedder(tmp_path / "missing.gguf")
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"not a gguf at all" * 10)
    with pytest.raises(ModelFileError):
        Embedder(junk)


def test_close_and_context_manager(embedding_model):
    with Embedder(embedding_model, n_threads=1, n_ctx=128) as emb:
        assert emb.max_tokens == 128
        assert emb.embed(["inside"]).shape == (1, 384)
    with pytest.raises(EngineError):
        emb.embed(["after close"])
    emb.close()  # twice is harmless
    with pytest.raises(TypeError):
        Embedder(embedding_model).embed("a bare string")
