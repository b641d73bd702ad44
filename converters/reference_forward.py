"""A small, independent GPT-2 forward pass over the *source* weights.

``verify`` compares llama.cpp's logits against this. It deliberately does not
reuse the GGUF tensor plan: it applies each source format's own semantics
(HF ``Conv1D``: ``x @ W + b``; nanoGPT ``nn.Linear``: ``x @ W.T + b``) and
each format's GELU (HF ``gelu_new`` tanh approximation; nanoGPT exact erf),
so a transpose or mapping mistake in the converter shows up as a mismatch
instead of being reproduced on both sides. numpy float32 throughout; torch
(when installed) only provides an exact ``erf``.
"""

from __future__ import annotations

import math

import numpy as np

from .hparams import GPT2Hparams
from .tensor_map import SourceLayout, canonical_names


def _erf(x: np.ndarray) -> np.ndarray:
    try:
        import torch  # noqa: PLC0415

        return torch.special.erf(torch.from_numpy(np.ascontiguousarray(x))).numpy()
    except ImportError:
        # Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), enough for float32 logits.
        s = np.sign(x)
        a = np.abs(x)
        t = 1.0 / (1.0 + 0.3275911 * a)
        y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-a * a)
        return (s * y).astype(x.dtype)


def gelu(x: np.ndarray, kind: str) -> np.ndarray:
    if kind == "erf":
        return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray | None, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    y = (x - mu) / np.sqrt(var + eps) * w
    return y + b if b is not None else y


class ReferenceGPT2:
    """GPT-2 forward from a ``{source key: array}`` dict in the source's own layout."""

    def __init__(self, weights: dict[str, np.ndarray], hparams: GPT2Hparams, layout: SourceLayout,
                 untied_head: bool = False):
        names = canonical_names(weights)
        self.w = {c: np.asarray(weights[o], dtype=np.float32) for c, o in names.items()}
        self.h = hparams
        self.layout = layout
        self.head = self.w["lm_head.weight"] if untied_head else self.w["wte.weight"]

    def _linear(self, x: np.ndarray, prefix: str) -> np.ndarray:
        w = self.w[prefix + ".weight"]
        y = x @ w if self.layout is SourceLayout.CONV1D else x @ w.T
        b = self.w.get(prefix + ".bias")
        return y + b if b is not None else y

    def logits(self, ids: list[int]) -> np.ndarray:
        """(T, n_vocab) float32 logits for every position."""
        h, w = self.h, self.w
        t = len(ids)
        if not 0 < t <= h.n_ctx:
            raise ValueError(f"sequence length {t} outside 1..{h.n_ctx}")
        x = w["wte.weight"][np.asarray(ids)] + w["wpe.weight"][:t]
        mask = np.triu(np.full((t, t), -np.inf, dtype=np.float32), 1)
        hd = h.head_dim
        for i in range(h.n_layer):
            p = f"h.{i}."
            a = layer_norm(x, w[p + "ln_1.weight"], w.get(p + "ln_1.bias"), h.layer_norm_eps)
            qkv = self._linear(a, p + "attn.c_attn")
            q, k, v = (qkv[:, j * h.n_embd:(j + 1) * h.n_embd].reshape(t, h.n_head, hd).transpose(1, 0, 2)
                       for j in range(3))
            att = q @ k.transpose(0, 2, 1) / np.float32(math.sqrt(hd)) + mask
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            y = (att @ v).transpose(1, 0, 2).reshape(t, h.n_embd)
            x = x + self._linear(y, p + "attn.c_proj")
            m = layer_norm(x, w[p + "ln_2.weight"], w.get(p + "ln_2.bias"), h.layer_norm_eps)
            x = x + self._linear(gelu(self._linear(m, p + "mlp.c_fc"), h.gelu), p + "mlp.c_proj")
        x = layer_norm(x, w["ln_f.weight"], w.get("ln_f.bias"), h.layer_norm_eps)
        return (x @ self.head.T).astype(np.float32)
