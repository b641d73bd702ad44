"""Inspection proven against PyTorch: attention weights and logit-lens probabilities of converted
GPT-2 (transformers, ``output_attentions`` / ``output_hidden_states``) and nanoGPT checkpoints.

The checkpoints are the converter tests' (real PyTorch models written from scratch, converted by the
real converter); llama.cpp evaluates the GGUF with the eval callback, PyTorch the original. The
reference for nanoGPT, whose attention calls ``scaled_dot_product_attention`` (no weights out), is
computed from the model's own ``c_attn`` output and its blocks' outputs, captured with hooks.
"""

# ruff: noqa: F811  (tests take the fixtures imported from convtest_support as arguments)

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).parent / "converters"))
from convtest_support import CORPUS, N_CTX, TinyNanoGPT, bpe, converted, sources, workdir  # noqa: F401

from chatdesk.inspection import Inspector

TOLERANCE = {"f32": 1e-4, "q8_0": 2e-2}  # max |difference| of attention weights and lens probabilities
N_TOKENS = 200  # below the test models' 256 positions


def _softmax(logits: np.ndarray, n_vocab: int) -> np.ndarray:
    """Probabilities over llama.cpp's whole vocabulary: tokens the checkpoint lacks (an appended
    <|endoftext|> with a zero embedding row under the tied head) have logit 0; rows a nanoGPT
    vocabulary was padded with (50257 → 50304 style) are not in the GGUF."""
    logits = logits[:, :n_vocab]
    z = np.zeros((logits.shape[0], n_vocab))
    z[:, : logits.shape[1]] = logits
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def hf_reference(src_dir: Path, ids: list[int]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """(attention per layer (H, T, T), logit-lens logits per layer (T, V)) from transformers."""
    import transformers

    model = transformers.GPT2LMHeadModel.from_pretrained(src_dir, attn_implementation="eager").eval()
    with torch.no_grad():
        out = model(torch.tensor([ids]), output_attentions=True, output_hidden_states=True)
        n_layer = model.config.n_layer
        lens = []
        for il in range(n_layer):
            h = out.hidden_states[il + 1]
            # transformers applies ln_f to the last hidden state it returns; the others need it
            logits = out.logits if il == n_layer - 1 else model.lm_head(model.transformer.ln_f(h))
            lens.append(logits[0].double().numpy())
        attention = [a[0].double().numpy() for a in out.attentions]
    return attention, lens


def nanogpt_reference(ckpt: Path, ids: list[int]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    data = torch.load(ckpt, map_location="cpu", weights_only=True)
    a = data["model_args"]
    model = TinyNanoGPT(a["n_layer"], a["n_head"], a["n_embd"], a["block_size"], a["vocab_size"], a["bias"])
    model.load_state_dict({k.removeprefix("_orig_mod."): v for k, v in data["model"].items()})
    model.eval()
    qkv: list[torch.Tensor] = []
    outs: list[torch.Tensor] = []
    hooks = [b.attn.c_attn.register_forward_hook(lambda _m, _i, o: qkv.append(o)) for b in model.transformer.h]
    hooks += [b.register_forward_hook(lambda _m, _i, o: outs.append(o)) for b in model.transformer.h]
    with torch.no_grad():
        model(torch.tensor([ids]))
        attention = []
        n_head, t = a["n_head"], len(ids)
        for x in qkv:
            q, k, _v = x.split(a["n_embd"], dim=2)
            q, k = (z.view(1, t, n_head, -1).transpose(1, 2) for z in (q, k))
            scores = q @ k.transpose(-1, -2) / np.sqrt(q.shape[-1])
            scores = scores.masked_fill(torch.triu(torch.ones(t, t, dtype=torch.bool), 1), float("-inf"))
            attention.append(F.softmax(scores, dim=-1)[0].double().numpy())
        lens = [model.lm_head(model.transformer.ln_f(h))[0].double().numpy() for h in outs]
    for hook in hooks:
        hook.remove()
    return attention, lens


CASES = [
    ("hf_safetensors", "f32"),
    ("hf_safetensors", "q8_0"),
    ("nano_char_bias", "f32"),
    ("nano_char_nobias_compiled", "q8_0"),
    ("nano_bpe_padded_bias", "f32"),
]


@pytest.mark.parametrize(("key", "qtype"), CASES)
def test_attention_and_logit_lens_match_pytorch(key, qtype, sources, converted, tmp_path):
    src = sources[key]
    _, gguf_path = converted(key, qtype)
    with Inspector(gguf_path, threads=2) as inspector:
        ids = inspector.tokenize(CORPUS)[:N_TOKENS]
        assert ids == src.encode(CORPUS)[:N_TOKENS]  # the same tokens on both sides
        result = inspector.inspect(ids, workdir=tmp_path)
    with result:
        if key.startswith("hf"):
            ref_attention, ref_lens = hf_reference(src.src, ids)
        else:
            ref_attention, ref_lens = nanogpt_reference(src.src, ids)
        m = result.model
        assert (m.n_layer, m.n_head) == (len(ref_attention), ref_attention[0].shape[0])
        tol = TOLERANCE[qtype]
        worst_attention = max(float(np.abs(result.attention(il, h) - ref_attention[il][h]).max())
                              for il in range(m.n_layer) for h in range(m.n_head))
        assert worst_attention <= tol, worst_attention
        for il in range(m.n_layer):
            p_ref = _softmax(ref_lens[il], m.n_vocab)
            lens = result.logit_lens(il)
            assert lens.ids.shape == (len(ids), 5)
            ours = lens.probs.astype(np.float64)
            theirs = np.take_along_axis(p_ref, lens.ids.astype(np.int64), axis=1)
            worst = float(np.abs(ours - theirs).max())
            assert worst <= tol, (il, worst)
            ref_top = p_ref.argmax(axis=1)
            agree = float(np.mean(lens.ids[:, 0] == ref_top))
            if qtype == "f32":
                assert agree >= 0.99, (il, agree)
            else:
                # These random test models predict almost uniformly (top-1 about 1.6 %, median margin
                # to the second 0.08 %), so Q8_0's rounded weights turn near-ties over. Where the top-1
                # differs, the reference's own margin must be within the probability error measured
                # above: a tie at this precision, not a misread layer.
                diff = np.nonzero(lens.ids[:, 0] != ref_top)[0]
                margins = p_ref[diff, ref_top[diff]] - p_ref[diff, lens.ids[diff, 0]]
                assert agree >= 0.95 and (margins <= 2 * worst).all(), (il, agree, margins, worst)
            # the probability of the token that really comes next, too
            nxt = np.array(ids[1:])
            assert np.abs(lens.target_probs[:-1] - p_ref[np.arange(len(ids) - 1), nxt]).max() <= tol
            assert np.isnan(lens.target_probs[-1])
        # the last layer's lens is the model's own prediction, which llama.cpp computed itself
        last = result.logit_lens(m.n_layer - 1)
        # (llama.cpp multiplies a Q8_0 matrix with 8-bit activations: near-ties may differ there)
        assert np.mean(last.ids[:, 0] == result.output.ids[:, 0]) >= (0.99 if qtype == "f32" else 0.95)
        assert result.checks["head_relative_error"] < 0.05


def test_residual_and_contribution_norms_match_pytorch(sources, converted, tmp_path):
    """|residual| after each layer and what attention / feed-forward add, against the HF model."""
    import transformers

    src = sources["hf_safetensors"]
    _, gguf_path = converted("hf_safetensors", "f32")
    with Inspector(gguf_path, threads=2) as inspector:
        ids = inspector.tokenize(CORPUS)[:64]
        result = inspector.inspect(ids, logit_lens=False, workdir=tmp_path)
    model = transformers.GPT2LMHeadModel.from_pretrained(src.src, attn_implementation="eager").eval()
    tr = model.transformer
    added: dict[str, list] = {"attn": [], "mlp": []}
    hooks = [b.attn.register_forward_hook(lambda _m, _i, o: added["attn"].append(o[0][0])) for b in tr.h]
    hooks += [b.mlp.register_forward_hook(lambda _m, _i, o: added["mlp"].append(o[0])) for b in tr.h]
    with torch.no_grad(), result:
        t = torch.tensor([ids])
        out = model(t, output_hidden_states=True)
        for hook in hooks:
            hook.remove()
        x = tr.wte(t) + tr.wpe(torch.arange(len(ids)))
        np.testing.assert_allclose(result.input_norms, x[0].norm(dim=-1).numpy(), rtol=1e-4)
        np.testing.assert_allclose(result.token_embedding_norms, tr.wte(t)[0].norm(dim=-1).numpy(), rtol=1e-4)
        np.testing.assert_allclose(result.position_embedding_norms, tr.wpe(torch.arange(len(ids))).norm(dim=-1).numpy(),
                                   rtol=1e-4)
        for il in range(len(tr.h)):
            np.testing.assert_allclose(result.attention_norms[il], added["attn"][il].norm(dim=-1).numpy(), rtol=2e-3, atol=1e-4)
            np.testing.assert_allclose(result.ffn_norms[il], added["mlp"][il].norm(dim=-1).numpy(), rtol=2e-3, atol=1e-4)
            # transformers returns the last layer's stream after ln_f: rebuild it from the additions
            stream = out.hidden_states[il + 1][0] if il < len(tr.h) - 1 else \
                out.hidden_states[il][0] + added["attn"][il] + added["mlp"][il]
            np.testing.assert_allclose(result.residual_norms[il], stream.norm(dim=-1).numpy(), rtol=1e-3)
        assert not result.has_logit_lens(0)  # computed on demand only
        assert result.logit_lens(0).ids.shape == (64, 5)
        assert result.has_logit_lens(0)
