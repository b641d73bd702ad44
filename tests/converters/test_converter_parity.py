"""Logit, tokenizer and generation parity between PyTorch and llama.cpp for every source format."""

from __future__ import annotations

import numpy as np
import pytest
from convtest_support import PARITY_TEXTS, llama_greedy, llama_logits, load_llama, prompt_for, torch_greedy

FORMATS = [
    "hf_safetensors",
    "hf_vocab_merges",
    "hf_sharded",
    "hf_original_bin",
    "nano_char_bias",
    "nano_char_nobias_compiled",
    "nano_bpe_padded_nobias_compiled",
    "nano_bpe_padded_bias",
]


@pytest.mark.parametrize("key", FORMATS)
def test_tokenization_matches_source_tokenizer(key, sources, converted):
    src = sources[key]
    _, path = converted(key, "f32")
    llm = load_llama(path, vocab_only=True)
    checked = 0
    for text in PARITY_TEXTS:
        if not src.covers(text):
            text = "".join(c for c in text if src.covers(c))
        want = src.encode(text)
        got = llm.tokenize(text.encode("utf-8"), add_bos=False, special=False)
        assert got == want, f"{key}: {text!r}"
        checked += 1
    # the char vocab must really contain Chinese, so the multi-byte merge chains are exercised
    assert llm.tokenize("明月".encode(), add_bos=False, special=False) == src.encode("明月")
    assert checked == len(PARITY_TEXTS)


@pytest.mark.parametrize("key", FORMATS)
def test_f32_logits_match_pytorch(key, sources, converted):
    src = sources[key]
    _, path = converted(key, "f32")
    ids = src.encode(prompt_for(src))
    assert len(ids) > 20
    want = src.logits(ids)
    got = llama_logits(load_llama(path, logits_all=True), ids, src.vocab_real)
    assert np.abs(got[-1] - want[-1]).max() < 1e-3
    assert np.abs(got - want).max() < 1e-3
    assert (got.argmax(-1) == want.argmax(-1)).all()
    assert np.abs(want).max() > 0.5  # the model is not trivially flat


@pytest.mark.parametrize("key", FORMATS)
def test_f16_logits_close(key, sources, converted):
    src = sources[key]
    _, path = converted(key, "f16")
    ids = src.encode(prompt_for(src))
    want = src.logits(ids)
    got = llama_logits(load_llama(path, logits_all=True), ids, src.vocab_real)
    assert np.abs(got - want).max() < 2e-2
    assert got[-1].argmax() == want[-1].argmax()


@pytest.mark.parametrize("key", FORMATS)
def test_q8_0_top1_agreement(key, sources, converted):
    src = sources[key]
    result, path = converted(key, "q8_0")
    assert result.file_type == 7
    ids = src.encode(prompt_for(src))
    want = src.logits(ids)
    got = llama_logits(load_llama(path, logits_all=True), ids, src.vocab_real)
    agreement = (got.argmax(-1) == want.argmax(-1)).mean()
    assert agreement >= 0.95, agreement


@pytest.mark.parametrize("key", FORMATS)
def test_f32_greedy_generation_matches_pytorch(key, sources, converted):
    src = sources[key]
    _, path = converted(key, "f32")
    llm = load_llama(path, logits_all=True)
    ids = src.encode(prompt_for(src))[:24]
    got = llama_greedy(llm, ids, 32)
    want = torch_greedy(src, ids, 32, llm.n_vocab())
    assert got == want
