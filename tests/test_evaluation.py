"""Evaluation correctness with real models: llama.cpp's perplexity against PyTorch's, KL and top-1.

The tiny GPT-2 / nanoGPT checkpoints come from the converter tests' builders (real PyTorch models,
converted by the real converter); the bundled SmolLM2 stands in for a real-sized vocabulary.
"""

# ruff: noqa: F811  (tests take the fixtures imported from convtest_support as arguments)

from __future__ import annotations

import datetime as dt
import hashlib
import math
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent / "converters"))
from convtest_support import CORPUS, bpe, converted, sources, workdir  # noqa: F401  (pytest fixtures)

from chatdesk.evaluation.errors import EvaluationError
from chatdesk.evaluation.evaluate import Options, evaluate
from chatdesk.evaluation.texts import builtin_sample, load_text
from chatdesk.evaluation.windows import plan_windows

CTX = 128


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory) -> Path:
    """The converter tests' corpus (English, Chinese, emoji), without a trailing newline."""
    path = tmp_path_factory.mktemp("text") / "corpus.txt"
    path.write_text(CORPUS.rstrip("\n"), encoding="utf-8")
    return path


def torch_perplexity(src, ids: list[int], n_ctx: int) -> float:
    """Perplexity of the PyTorch model over llama-perplexity's windows, written out independently:
    consecutive windows of n_ctx tokens, each scored on its second half."""
    nll = []
    first = n_ctx // 2
    for c in range(len(ids) // n_ctx):
        window = ids[c * n_ctx : (c + 1) * n_ctx]
        logits = src.logits(window).astype(np.float64)
        m = logits.max(axis=-1, keepdims=True)
        logp = logits - m - np.log(np.exp(logits - m).sum(axis=-1, keepdims=True))
        nll += [-logp[p, window[p + 1]] for p in range(first, n_ctx - 1)]
    return math.exp(float(np.mean(nll)))


# ----------------------------------------------------------------------------- windows
def test_windows_are_llama_perplexity_s():
    plan = plan_windows(n_tokens=1000, n_ctx=128)
    assert (plan.n_chunks, plan.n_seq, plan.n_batch, plan.first, plan.scored_per_chunk) == (7, 16, 2048, 64, 63)
    assert [len(g) for g in plan.groups()] == [7]
    tokens = list(range(1000))
    assert plan.window(tokens, 2, bos=None) == tokens[256:384]
    assert plan.window(tokens, 2, bos=-1)[:2] == [-1, 257]  # BOS replaces the window's first token
    assert plan.targets(tokens, 2) == tokens[256 + 65 : 384]
    long = plan_windows(n_tokens=20000, n_ctx=4096)
    assert (long.n_seq, long.n_batch, long.batches_per_window, long.n_chunks) == (1, 2048, 2, 4)
    assert plan_windows(n_tokens=1000, n_ctx=128, max_chunks=3).n_chunks == 3
    with pytest.raises(EvaluationError, match="too short: it has 255 tokens .* at least 256"):
        plan_windows(n_tokens=255, n_ctx=128)


# ----------------------------------------------------------------------------- against PyTorch
@pytest.mark.parametrize("key", ["hf_safetensors", "nano_bpe_padded_bias"])
def test_f32_perplexity_matches_pytorch_and_the_checkpoint(key, sources, converted, corpus_file):
    src = sources[key]
    _, f32 = converted(key, "f32")
    result = evaluate(f32, load_text(corpus_file), Options(
        n_ctx=CTX, gen_tokens=8, reference=str(src.src),
        reference_tokenizer=str(src.tokenizer) if src.tokenizer else None,
    ))
    ids = src.encode(CORPUS.rstrip("\n"))
    assert result.text_tokens == len(ids)
    assert result.n_chunks == len(ids) // CTX >= 4
    assert result.tokens == result.n_chunks * (CTX - 1 - CTX // 2)
    want = torch_perplexity(src, ids, CTX)
    assert abs(result.perplexity - want) / want < 0.005
    assert result.bits_per_token == pytest.approx(math.log2(result.perplexity))
    # the same windows through the original checkpoint (the converter's float32 forward pass)
    c = result.comparison
    assert c is not None and c.kind == "checkpoint"
    assert c.sha256 == result.model.source_sha256  # it recognised the checkpoint it was converted from
    assert not any("another checkpoint" in n for n in c.notes)
    assert abs(c.reference_perplexity - want) / want < 0.001
    assert 0 <= c.kl_divergence < 1e-3
    assert c.top1_agreement >= 0.98
    assert c.positions == result.tokens


# ----------------------------------------------------------------------------- KL and top-1
def test_a_model_against_itself_has_zero_kl_and_full_agreement(model_path):
    result = evaluate(model_path, builtin_sample(), Options(n_ctx=CTX, max_chunks=3, gen_tokens=0, reference=model_path))
    c = result.comparison
    assert c is not None and c.kind == "gguf"
    assert c.kl_divergence == 0.0 and c.kl_max == 0.0
    assert c.top1_agreement == 1.0
    assert c.positions == result.tokens == 3 * (CTX - 1 - CTX // 2)
    assert c.reference_perplexity == pytest.approx(result.perplexity, rel=1e-9)
    assert c.n_vocab_compared == result.model.n_vocab == 49152


def test_q8_0_against_its_f32_source_found_by_metadata(converted, corpus_file):
    _, q8 = converted("hf_safetensors", "q8_0")
    _, f32 = converted("hf_safetensors", "f32")
    _, f16 = converted("hf_safetensors", "f16")
    text = load_text(corpus_file)
    result = evaluate(q8, text, Options(n_ctx=CTX, gen_tokens=8, candidates=(str(f16), str(f32), str(q8))))
    c = result.comparison
    assert c is not None and c.kind == "gguf"
    assert Path(c.path) == f32.resolve() and c.file_type == "ALL_F32"  # the most precise of the same source
    assert 0 < c.kl_divergence < 0.01
    assert c.kl_max >= c.kl_p99 >= 0
    assert 0.9 <= c.top1_agreement <= 1.0
    assert abs(c.reference_perplexity - result.perplexity) / result.perplexity < 0.02
    # the F32 file has nothing more precise to be compared with
    top = evaluate(f32, text, Options(n_ctx=CTX, gen_tokens=0, candidates=(str(q8), str(f16))))
    assert top.comparison is None
    assert c.reference_perplexity == pytest.approx(top.perplexity, rel=1e-9)


# ----------------------------------------------------------------------------- mechanics
def test_windows_split_over_several_batches_give_the_same_perplexity(converted, corpus_file):
    # An F32 model: quantized kernels round differently for different batch sizes (llama-perplexity
    # itself moves by ~0.4 % on the bundled Q4_1 model between -b 2048 and -b 48).
    _, f32 = converted("hf_safetensors", "f32")
    text = load_text(corpus_file)
    whole = evaluate(f32, text, Options(n_ctx=CTX, max_chunks=5, gen_tokens=0))
    split = evaluate(f32, text, Options(n_ctx=CTX, n_batch=48, max_chunks=5, gen_tokens=0))
    assert (whole.n_seq, split.n_seq, split.n_batch) == (16, 1, 48)
    assert split.tokens == whole.tokens == 5 * (CTX - 1 - CTX // 2)
    assert split.perplexity == pytest.approx(whole.perplexity, rel=1e-5)


def test_result_carries_provenance_and_measurements(model_path):
    text = builtin_sample()
    result = evaluate(model_path, text, Options(n_ctx=CTX, max_chunks=2, gen_tokens=16, threads=1))
    d = result.to_dict()
    assert d["model"]["sha256"] == hashlib.sha256(Path(model_path).read_bytes()).hexdigest()
    assert d["text"]["sha256"] == hashlib.sha256(Path(text.path).read_bytes()).hexdigest()
    assert d["text"]["name"] == "builtin:sample-en-zh.txt"
    assert d["n_ctx"] == CTX and d["n_chunks"] == 2
    prov = d["provenance"]
    assert prov["threads"] == 1 and prov["llama_cpp_python"] == "0.3.36"
    assert prov["ggml_commit"]  # the commit compiled into llama-cpp-python's libraries
    assert dt.datetime.fromisoformat(prov["date"]).tzinfo is not None
    assert d["gen_tokens"] == 16 and d["gen_tokens_per_s"] > 0 and d["prompt_tokens_per_s"] > 0
    if sys.platform != "win32":
        assert d["peak_rss_bytes"] > d["model"]["size_bytes"] // 2  # the weights were paged in
    assert d["bits_per_byte"] * d["tokens"] < d["bits_per_token"] * d["tokens"]  # tokens are > 1 byte
    assert 1 < d["perplexity"] < 1000


def test_builtin_sample_is_bilingual_and_long_enough(model_path):
    text = builtin_sample()
    decoded = text.data.decode("utf-8")
    assert "We hold these truths" in decoded and "道可道，非常道" in decoded
    result = evaluate(model_path, text, Options(n_ctx=512, max_chunks=1, gen_tokens=0))
    assert result.text_tokens >= 4000  # "a few thousand tokens": nine windows of 512


# ----------------------------------------------------------------------------- bad input
def test_bad_model_files_are_refused_in_words(tmp_path, corpus_file):
    text = load_text(corpus_file)
    with pytest.raises(EvaluationError, match="does not exist"):
        evaluate(tmp_path / "missing.gguf", text)
    junk = tmp_path / "notes.gguf"
    junk.write_bytes(b"this is not a model at all" * 10)
    with pytest.raises(EvaluationError, match="not a GGUF"):
        evaluate(junk, text)
    truncated = tmp_path / "cut.gguf"
    truncated.write_bytes(b"GGUF\x03\x00")
    with pytest.raises(EvaluationError) as info:
        evaluate(truncated, text)
    assert info.value.code == 2


def test_bad_texts_are_refused_in_words(tmp_path, model_path):
    with pytest.raises(EvaluationError, match="does not exist"):
        load_text(tmp_path / "nope.txt")
    binary = tmp_path / "data.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe")
    with pytest.raises(EvaluationError, match="not UTF-8"):
        load_text(binary)
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    with pytest.raises(EvaluationError, match="empty"):
        load_text(empty)
    short = tmp_path / "short.txt"
    short.write_text("A short note that is nowhere near a thousand tokens long.\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="too short"):
        evaluate(model_path, load_text(short), Options(n_ctx=512))


def test_impossible_context_and_mismatched_reference(converted, corpus_file, model_path):
    _, f32 = converted("hf_safetensors", "f32")
    text = load_text(corpus_file)
    with pytest.raises(EvaluationError, match="learned positions for only 256 tokens"):
        evaluate(f32, text, Options(n_ctx=512))
    with pytest.raises(EvaluationError, match="too small to score anything"):
        evaluate(f32, text, Options(n_ctx=4))
    with pytest.raises(EvaluationError, match="not the same model"):
        evaluate(f32, text, Options(n_ctx=CTX, gen_tokens=0, reference=model_path))
    with pytest.raises(EvaluationError, match="does not exist"):
        evaluate(f32, text, Options(n_ctx=CTX, reference=str(Path(f32).with_name("gone.gguf"))))


@pytest.mark.skipif(sys.platform == "win32", reason="fork/exec high-water marks are a POSIX matter")
def test_peak_memory_is_the_childs_own_not_its_parents():
    """A child started by a big process (the window) must not report the parent's peak."""
    import subprocess

    code = ("import subprocess, sys; big = bytearray(600 << 20); big[::4096] = b'x' * len(big[::4096]); "
            "out = subprocess.run([sys.executable, '-c', 'from chatdesk.evaluation.results import peak_rss_bytes; "
            "print(peak_rss_bytes())'], capture_output=True, text=True, check=True).stdout; print(out.strip())")
    peak = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert 0 < peak < 300 << 20  # a bare Python interpreter, not the 600 MB of its parent
