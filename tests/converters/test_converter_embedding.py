"""BERT sentence-embedding checkpoints → ``bert`` GGUF, proven by embedding parity with PyTorch.

Fast tests on tiny random BERTs built here with transformers (tokenizer trained on the test
corpus); ``test_embedding_parity_real.py`` does the same with the real packaged MiniLM.
"""

from __future__ import annotations

import json
import subprocess
import sys

import gguf
import numpy as np
import pytest
from embedtest_support import HELD_BACK, cosines, reference_embeddings, reference_token_ids, write_sentence_bert

import converters
from chatdesk.engine.embedder import Embedder
from converters import BadInputError, convert, convert_embedding, inspect

MIN_COSINE = 0.999


@pytest.fixture(scope="module")
def tiny_mean(tmp_path_factory):
    return write_sentence_bert(tmp_path_factory.mktemp("tiny-mean") / "model", pooling="mean")


@pytest.fixture(scope="module")
def tiny_cls_cased_bin(tmp_path_factory):
    """CLS pooling, a cased tokenizer and pytorch_model.bin weights: the other branches at once."""
    return write_sentence_bert(tmp_path_factory.mktemp("tiny-cls") / "model", pooling="cls", lowercase=False,
                               safetensors=False, seed=1)


def _embed(path, texts):
    with Embedder(path, n_threads=2) as emb:
        return emb.embed(texts), [emb.tokenize(t) for t in texts]


@pytest.mark.parametrize("qtype", ["f32", "f16"])
def test_tiny_mean_pooling_parity(tiny_mean, tmp_path, qtype):
    out = tmp_path / f"tiny.{qtype}.gguf"
    result = convert(tiny_mean, out, qtype)  # the generic entry point routes BERT folders here
    assert isinstance(result, converters.EmbeddingConversionResult)
    assert result.summary.pooling == "mean" and result.summary.normalize
    got, ids = _embed(out, HELD_BACK)
    for text, tokens in zip(HELD_BACK, ids):
        assert tokens == reference_token_ids(tiny_mean, text), text
    want = reference_embeddings(tiny_mean, HELD_BACK)
    cos = cosines(got, want)
    assert cos.min() >= MIN_COSINE, dict(zip(HELD_BACK, cos.round(6)))


def test_tiny_cls_cased_pytorch_bin_parity(tiny_cls_cased_bin, tmp_path):
    out = tmp_path / "tiny-cls.gguf"
    result = convert_embedding(tiny_cls_cased_bin, out, "f16")
    assert result.summary.pooling == "cls" and result.summary.lowercase is False
    texts = HELD_BACK + ["UPPER and lower Case Matter Here"]
    got, ids = _embed(out, texts)
    for text, tokens in zip(texts, ids):
        assert tokens == reference_token_ids(tiny_cls_cased_bin, text), text
    cos = cosines(got, reference_embeddings(tiny_cls_cased_bin, texts, pooling="cls"))
    assert cos.min() >= MIN_COSINE, cos


def test_written_metadata_is_what_llama_cpp_reads(tiny_mean, tmp_path):
    out = tmp_path / "meta.gguf"
    convert_embedding(tiny_mean, out, "f32")
    r = gguf.GGUFReader(str(out))

    def value(key):
        return r.get_field(key).contents()

    assert value("general.architecture") == "bert"
    assert value("bert.pooling_type") == int(gguf.PoolingType.MEAN)
    assert value("bert.attention.causal") is False
    assert value("tokenizer.ggml.model") == "bert"
    assert value("tokenizer.ggml.token_type_count") == 2
    assert value("tokenizer.ggml.normalizer.lowercase") is True
    assert value("chatdesk.embedding.max_seq_length") == 96
    tokens = value("tokenizer.ggml.tokens")
    assert tokens[value("tokenizer.ggml.bos_token_id")] == "[CLS]"
    assert tokens[value("tokenizer.ggml.seperator_token_id")] == "[SEP]"
    # WordPiece "##" continuations lose the marks, word starts gain the phantom space
    vocab = (tiny_mean / "vocab.txt").read_text("utf-8").splitlines()
    cont = next(i for i, t in enumerate(vocab) if t.startswith("##") and len(t) > 2)
    word = next(i for i, t in enumerate(vocab) if t.isalpha() and len(t) > 2)
    assert tokens[cont] == vocab[cont][2:] and tokens[word] == "\u2581" + vocab[word]
    names = {t.name for t in r.tensors}
    assert {"token_embd.weight", "position_embd.weight", "token_types.weight", "token_embd_norm.weight",
            "blk.1.attn_q.weight", "blk.1.layer_output_norm.bias"} <= names
    assert not any("pooler" in n for n in names)


def test_q8_0_stays_close(tiny_mean, tmp_path):
    out = tmp_path / "tiny.q8.gguf"
    result = convert_embedding(tiny_mean, out, "q8_0")
    assert result.tensor_types.get("Q8_0", 0) > 0
    got, _ = _embed(out, HELD_BACK)
    cos = cosines(got, reference_embeddings(tiny_mean, HELD_BACK))
    assert cos.min() >= 0.99, cos


def test_inspect_describes_without_converting(tiny_mean, tmp_path):
    s = inspect(tiny_mean)
    assert isinstance(s, converters.EmbeddingSummary)
    assert (s.n_layer, s.n_embd, s.context_length, s.max_seq_length, s.pooling) == (2, 64, 128, 96, "mean")
    assert list(tmp_path.iterdir()) == []


def test_cli_converts_and_inspects(tiny_mean, tmp_path):
    out = tmp_path / "cli.gguf"
    run = subprocess.run([sys.executable, "-m", "converters.cli", str(tiny_mean), "-o", str(out), "--type", "f16",
                          "--progress-json"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    done = json.loads(run.stdout.strip().splitlines()[-1])
    assert done["done"] and done["summary"]["format"] == "sentence-bert" and out.is_file()
    run = subprocess.run([sys.executable, "-m", "converters.cli", str(tiny_mean), "--inspect"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0 and json.loads(run.stdout)["pooling"] == "mean"


# ----------------------------------------------------------------- refusals


def _copy(src, dst):
    import shutil

    shutil.copytree(src, dst)
    return dst


def test_dense_module_is_refused(tiny_mean, tmp_path):
    folder = _copy(tiny_mean, tmp_path / "dense")
    mods = json.loads((folder / "modules.json").read_text())
    mods.insert(2, {"idx": 2, "name": "2", "path": "2_Dense", "type": "sentence_transformers.models.Dense"})
    (folder / "modules.json").write_text(json.dumps(mods))
    with pytest.raises(BadInputError, match="Dense"):
        convert_embedding(folder, tmp_path / "x.gguf", "f16")
    assert not (tmp_path / "x.gguf").exists()


def test_max_pooling_is_refused(tiny_mean, tmp_path):
    folder = _copy(tiny_mean, tmp_path / "maxpool")
    (folder / "1_Pooling" / "config.json").write_text(json.dumps({"pooling_mode_max_tokens": True}))
    with pytest.raises(BadInputError, match="max"):
        convert_embedding(folder, tmp_path / "x.gguf", "f16")


def test_xlm_roberta_is_refused_with_a_reason(tiny_mean, tmp_path):
    folder = _copy(tiny_mean, tmp_path / "xlmr")
    cfg = json.loads((folder / "config.json").read_text())
    cfg["model_type"] = "xlm-roberta"
    (folder / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(BadInputError, match="xlm-roberta"):
        convert_embedding(folder, tmp_path / "x.gguf", "f16")


def test_missing_weights_and_unknown_tensors(tiny_mean, tmp_path):
    folder = _copy(tiny_mean, tmp_path / "noweights")
    (folder / "model.safetensors").unlink()
    with pytest.raises(BadInputError, match="no weights"):
        convert_embedding(folder, tmp_path / "x.gguf", "f16")
    folder = _copy(tiny_mean, tmp_path / "extra")
    from safetensors.numpy import load_file, save_file

    tensors = load_file(str(folder / "model.safetensors"))
    tensors["encoder.layer.0.attention.self.rotary.weight"] = np.zeros((4, 4), dtype=np.float32)
    save_file(tensors, str(folder / "model.safetensors"))
    with pytest.raises(BadInputError, match="rotary"):
        convert_embedding(folder, tmp_path / "x.gguf", "f16")
    assert not any(p.suffix in (".gguf", ".partial") for p in tmp_path.iterdir())


def test_config_or_tokenizer_that_does_not_fit_the_weights(tiny_mean, tmp_path):
    folder = _copy(tiny_mean, tmp_path / "smallvocab")
    cfg = json.loads((folder / "config.json").read_text())
    cfg["vocab_size"] = 10
    (folder / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(BadInputError, match="vocab_size 10"):
        convert_embedding(folder, tmp_path / "x.gguf", "f16")
    folder = _copy(tiny_mean, tmp_path / "bigtokenizer")
    tj = json.loads((folder / "tokenizer.json").read_text())
    tj["model"]["vocab"]["zzz-extra-token"] = 5000
    (folder / "tokenizer.json").write_text(json.dumps(tj))
    with pytest.raises(BadInputError, match="token id 5000"):
        convert_embedding(folder, tmp_path / "x.gguf", "f16")


# ----------------------------------------------------------------- --verify


def test_verify_passes_for_the_right_source_and_fails_for_another(tiny_mean, tiny_cls_cased_bin, tmp_path):
    out = tmp_path / "v.gguf"
    convert_embedding(tiny_mean, out, "f16")
    report = converters.verify_embedding(tiny_mean, out)
    assert report.passed and report.tokenization_match and report.min_cosine >= MIN_COSINE
    # same shapes, other weights and pooling: the numpy reference of that source disagrees
    other = write_sentence_bert(tmp_path / "other", seed=7)
    bad = converters.verify_embedding(other, out)
    assert not bad.passed and bad.min_cosine < 0.99


def test_cli_verify_exit_codes(tiny_mean, tmp_path):
    out = tmp_path / "cli-v.gguf"
    run = subprocess.run([sys.executable, "-m", "converters.cli", str(tiny_mean), "-o", str(out), "--type", "q8_0",
                          "--verify"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "-> ok" in run.stderr and "tokenization matches" in run.stderr
