"""The real packaged all-MiniLM-L6-v2, converted by our converter, against PyTorch.

The reference is sentence-transformers' computation done with plain transformers on the same
folder (mean pooling over the attention mask, truncation at max_seq_length 256, L2 norm). The
sentences are ours, English and Chinese, never part of any conversion. F32 and F16 must reach
cosine ≥ 0.999 on every sentence; Q8_0 is measured and must stay ≥ 0.99 (docs/converting.md
gives the figures).
"""

from __future__ import annotations

import pytest
from embedtest_support import cosines, reference_embeddings, reference_token_ids

from chatdesk.engine.embedder import Embedder
from chatdesk.library.embedding_default import MINILM_SHA256, packaged_source
from converters import convert_embedding

SENTENCES = [
    "The contract may be terminated by either party with thirty days' written notice.",
    "Employees must submit travel expenses within two weeks of returning.",
    "How do I reset my password if I forgot the security question?",
    "Photosynthesis converts light energy into chemical energy stored in glucose.",
    "The meeting was moved to Thursday afternoon because the CEO is travelling.",
    "本合同任何一方均可提前三十天书面通知终止合同。",
    "员工应在返回后两周内提交差旅费用报销。",
    "如果我忘记了安全问题，如何重置密码？",
    "光合作用将光能转化为储存在葡萄糖中的化学能。",
    "Résumé: naïve café owners in São Paulo — 42% growth, $3.5M revenue (2024).",
    "",
    # longer than the 256 tokens sentence-transformers keeps: the truncation rule must agree
    " ".join(["The committee reviewed every clause of the agreement carefully."] * 40),
]


@pytest.fixture(scope="module")
def source():
    folder = packaged_source()
    return folder


@pytest.fixture(scope="module")
def reference(source):
    return reference_embeddings(source, SENTENCES, max_length=256)


@pytest.fixture(scope="module")
def converted(source, tmp_path_factory):
    folder = tmp_path_factory.mktemp("minilm")
    made = {}

    def get(qtype):
        if qtype not in made:
            out = folder / f"minilm.{qtype}.gguf"
            result = convert_embedding(source, out, qtype)
            assert result.source_sha256 == MINILM_SHA256
            made[qtype] = out
        return made[qtype]

    return get


def _embed(path):
    with Embedder(path, n_threads=2) as emb:
        assert emb.dim == 384 and emb.max_tokens == 256
        return emb.embed(SENTENCES), emb


@pytest.mark.parametrize("qtype", ["f32", "f16"])
def test_real_minilm_parity(converted, reference, qtype):
    got, _ = _embed(converted(qtype))
    cos = cosines(got, reference)
    assert cos.min() >= 0.999, {s[:30]: round(float(c), 6) for s, c in zip(SENTENCES, cos)}


def test_real_minilm_q8_0(converted, reference):
    got, _ = _embed(converted("q8_0"))
    cos = cosines(got, reference)
    print(f"Q8_0 cosine vs PyTorch: min {cos.min():.5f}, mean {cos.mean():.5f}")
    assert cos.min() >= 0.99


def test_real_minilm_tokenization_matches(converted, source):
    with Embedder(converted("f16"), n_threads=2) as emb:
        for text in SENTENCES[:-1]:
            assert emb.tokenize(text) == reference_token_ids(source, text), text
