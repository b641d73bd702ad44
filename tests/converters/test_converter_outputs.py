"""What the written GGUF contains, all output types, inspect/verify, and API details."""

from __future__ import annotations

import hashlib
import json

import gguf
import numpy as np
import pytest
import torch
import transformers
from convtest_support import N_CTX, llama_logits, load_llama, prompt_for

import ggufcheck
from converters import QUANT_TYPES, convert, inspect, verify


def _meta(path):
    r = gguf.GGUFReader(str(path))
    return r, {k: f.contents() for k, f in r.fields.items() if not k.startswith("GGUF.")}


def test_metadata_and_provenance_hf(sources, converted):
    result, path = converted("hf_safetensors", "f32")
    r, m = _meta(path)
    assert m["general.architecture"] == "gpt2"
    assert m["gpt2.context_length"] == N_CTX
    assert m["general.file_type"] == 0
    assert m["general.quantization_version"] == 2
    assert m["tokenizer.ggml.model"] == "gpt2" and m["tokenizer.ggml.pre"] == "gpt-2"
    tokens = m["tokenizer.ggml.tokens"]
    assert tokens[m["tokenizer.ggml.eos_token_id"]] == "<|endoftext|>"
    assert m["tokenizer.ggml.token_type"][m["tokenizer.ggml.eos_token_id"]] == 3
    assert len(tokens) == len(set(tokens)) == sources["hf_safetensors"].vocab_real
    assert "tokenizer.chat_template" not in m
    weights = sources["hf_safetensors"].src / "model.safetensors"
    assert m["chatdesk.source.sha256"] == hashlib.sha256(weights.read_bytes()).hexdigest() == result.source_sha256
    assert m["chatdesk.source.format"] == "hf-gpt2"
    assert m["chatdesk.converter.version"]
    names = {t.name for t in r.tensors}
    assert "output.weight" not in names  # tied head is not duplicated
    assert "position_embd.weight" in names and len(names) == 4 + 12 * 2
    types = {t.name: t.tensor_type.name for t in r.tensors}
    assert types["blk.0.attn_qkv.bias"] == "F32"


def test_char_vocab_gets_control_eot_and_zero_row(sources, converted):
    src = sources["nano_char_bias"]
    result, path = converted("nano_char_bias", "f32")
    r, m = _meta(path)
    v = src.vocab_real
    tokens = m["tokenizer.ggml.tokens"]
    assert len(tokens) == v + 1 and tokens[v] == "<|endoftext|>"
    assert m["tokenizer.ggml.eos_token_id"] == m["tokenizer.ggml.bos_token_id"] == v
    assert m["tokenizer.ggml.token_type"][v] == 3
    emb = next(t for t in r.tensors if t.name == "token_embd.weight")
    assert np.all(np.asarray(emb.data)[v] == 0)
    assert m["chatdesk.training.iter_num"] == 1234
    assert m["chatdesk.training.best_val_loss"] == pytest.approx(1.875)
    assert m["chatdesk.tokenizer.kind"] == "char"
    # round trip every character of the vocabulary (multi-byte ones included)
    llm = load_llama(path, vocab_only=True)
    import pickle

    meta = pickle.loads((src.src.parent / "meta.pkl").read_bytes())
    every = "".join(meta["itos"][i] for i in range(v))
    assert any(len(c.encode()) == 4 for c in every) and any(len(c.encode()) == 3 for c in every)
    ids = llm.tokenize(every.encode(), add_bos=False, special=False)
    assert ids == src.encode(every)
    assert llm.detokenize(ids).decode("utf-8") == every
    assert llm.token_eos() == v


def test_padded_nanogpt_vocab_is_trimmed(sources, converted):
    src = sources["nano_bpe_padded_nobias_compiled"]
    result, path = converted("nano_bpe_padded_nobias_compiled", "f32")
    info = ggufcheck.check(path)
    assert info.n_vocab == src.vocab_real
    assert info.tensor_shapes["token_embd.weight"] == (src.vocab_real, 64)
    assert result.summary.checkpoint_vocab_rows % 64 == 0 and result.summary.checkpoint_vocab_rows > src.vocab_real
    assert any("padding rows" in n for n in result.notes)
    assert any("bias=False" in n for n in result.notes)


@pytest.mark.parametrize("qtype", list(QUANT_TYPES))
def test_every_output_type_loads_with_its_file_type(qtype, sources, converted):
    src = sources["hf_safetensors"]
    result, path = converted("hf_safetensors", qtype)
    info = ggufcheck.check(path)
    assert info.file_type == QUANT_TYPES[qtype].file_type == result.file_type
    est = inspect(src.src).estimated_bytes[qtype]
    assert abs(est - result.size_bytes) / result.size_bytes < 0.15, (est, result.size_bytes)
    ids = src.encode(prompt_for(src))
    got = llama_logits(load_llama(path, logits_all=True), ids, src.vocab_real)
    want = src.logits(ids)
    assert np.isfinite(got).all()
    assert (got.argmax(-1) == want.argmax(-1)).mean() > 0.5


def test_q4_k_m_reports_fallback_for_64_wide_rows(converted):
    result, path = converted("hf_safetensors", "q4_k_m")
    assert result.file_type == 15
    assert ggufcheck.check(path).file_type == 15
    # rows of n_embd = 64 are not a multiple of 256: qkv, attn_output and ffn_up of
    # both blocks fall back; ffn_down has rows of n_ff = 256 and keeps a K type
    assert sorted(result.fallback_tensors) == sorted(
        f"blk.{i}.{n}.weight" for i in range(2) for n in ("attn_qkv", "attn_output", "ffn_up"))
    assert any("fallback quantization: 6 of 8" in n for n in result.notes)
    # our own count agrees with the warning llama.cpp printed
    assert any("WARNING: 6 of" in n for n in result.notes)
    r = gguf.GGUFReader(str(path))
    types = {t.name: t.tensor_type.name for t in r.tensors}
    assert all(not types[n].endswith("_K") for n in result.fallback_tensors)
    assert types["blk.0.ffn_down.weight"].endswith("_K")
    assert result.tensor_types.get("F32", 0) >= 13  # norms, biases, positions stay F32


def test_untied_head_writes_output_weight(workdir, bpe):
    cfg = transformers.GPT2Config(n_layer=1, n_head=2, n_embd=32, n_positions=256,
                                  vocab_size=bpe.get_vocab_size(), tie_word_embeddings=False)
    torch.manual_seed(3)
    model = transformers.GPT2LMHeadModel(cfg).eval()
    with torch.no_grad():
        model.lm_head.weight.normal_(0, 0.2)
    d = workdir / "hf_untied"
    model.save_pretrained(d)
    bpe.save(str(d / "tokenizer.json"))
    out = workdir / "untied.gguf"
    convert(d, out, "f32")
    info = ggufcheck.check(out)
    assert "output.weight" in info.tensor_types
    ids = bpe.encode("It was the best of times, 床前明月光").ids
    with torch.no_grad():
        want = model(torch.tensor([ids])).logits[0].double().numpy()
    got = llama_logits(load_llama(out, logits_all=True), ids, want.shape[1])
    assert np.abs(got - want).max() < 1e-3


def test_shorter_context_trims_positions(sources, workdir):
    src = sources["nano_char_bias"]
    out = workdir / "ctx128.gguf"
    result = convert(src.src, out, "f32", context=128, name="tiny zh")
    info = ggufcheck.check(out)
    assert info.context_length == 128 == result.summary.context_length
    assert info.tensor_shapes["position_embd.weight"] == (128, 64)
    assert info.metadata["general.name"] == "tiny zh"
    assert any("multiple of 256" in n for n in result.notes)
    ids = src.encode(prompt_for(src))[:100]
    got = llama_logits(load_llama(out, logits_all=True), ids, src.vocab_real)
    assert np.abs(got - src.logits(ids)).max() < 1e-3


def test_inspect_summaries(sources, bpe):
    hf = inspect(sources["hf_safetensors"].src)
    model = transformers.GPT2LMHeadModel.from_pretrained(sources["hf_safetensors"].src)
    assert hf.format == "hf-gpt2" and hf.tokenizer == "bpe"
    assert (hf.n_layer, hf.n_head, hf.n_embd, hf.context_length) == (2, 4, 64, N_CTX)
    assert hf.n_params == model.num_parameters()
    assert hf.vocab_size == bpe.get_vocab_size()
    assert hf.training_step is None and hf.val_loss is None
    assert set(hf.estimated_bytes) == set(QUANT_TYPES)
    assert hf.estimated_bytes["f32"] > hf.estimated_bytes["f16"] > hf.estimated_bytes["q8_0"] > hf.estimated_bytes["q4_0"]
    json.dumps(hf.to_dict())

    nano = inspect(sources["nano_char_nobias_compiled"].src)
    assert nano.format == "nanogpt" and nano.tokenizer == "char"
    assert nano.training_step == 1234 and nano.val_loss == pytest.approx(1.875)
    assert nano.vocab_size == sources["nano_char_nobias_compiled"].vocab_real + 1
    assert inspect(sources["hf_original_bin"].src).n_params == hf.n_params


def test_verify_reports_parity(sources, converted):
    _, path = converted("hf_safetensors", "f32")
    rep = verify(sources["hf_safetensors"].src, path)
    assert rep.passed and rep.tokenization_match is True
    assert rep.max_abs_diff < 1e-3 and rep.top1_agreement >= 0.99 and rep.n_prompts == 4
    _, cpath = converted("nano_char_nobias_compiled", "q8_0")
    rep = verify(sources["nano_char_nobias_compiled"].src, cpath)
    assert rep.passed and rep.tokenization_match is True and rep.file_type == 7


def test_verify_detects_the_wrong_weights(sources, converted):
    # same vocabulary and shapes, different weights: verify must fail it
    _, path = converted("nano_char_bias", "f32")
    rep = verify(sources["nano_char_nobias_compiled"].src, path)
    assert not rep.passed
    assert rep.max_abs_diff > 0.1


def test_progress_callback_is_monotonic(sources, workdir):
    seen = []
    convert(sources["hf_sharded"].src, workdir / "progress.gguf", "q4_k_m",
            progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert any("quantizing" in m for _, m in seen)
    assert any("fallback" in m for _, m in seen)


@pytest.mark.parametrize("key,qtype", [("hf_safetensors", "q4_k_m"), ("nano_char_bias", "f32")])
def test_validator_reads_converted_files_like_gguf_reader(key, qtype, converted):
    from gguf_support import assert_layout_matches_reader

    _, path = converted(key, qtype)
    assert_layout_matches_reader(path)


def test_checker_rejects_truncated_gguf(tmp_path, converted):
    from converters.api import checked_gguf
    from converters.errors import InvalidGGUFError

    _, path = converted("hf_safetensors", "f16")
    cut = tmp_path / "cut.gguf"
    cut.write_bytes(path.read_bytes()[:-1000])
    with pytest.raises(ggufcheck.GGUFCheckError, match="is truncated") as exc:
        ggufcheck.check(cut)
    assert exc.value.rule == ggufcheck.Rule.TRUNCATED
    with pytest.raises(InvalidGGUFError, match="is truncated"):  # the converter's own error type
        checked_gguf(cut)
    cut.write_bytes(path.read_bytes()[:5000])
    with pytest.raises(ggufcheck.GGUFCheckError, match="damaged or truncated") as exc:
        ggufcheck.check(cut)
    assert exc.value.rule == ggufcheck.Rule.HEADER
