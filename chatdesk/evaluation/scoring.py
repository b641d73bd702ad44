"""Turning logits into perplexity, KL divergence and top-1 agreement (numpy, no llama.cpp).

The arithmetic follows llama-perplexity: for each scored position the negative log-likelihood
``log(sum(exp(logit - max))) - (logit[target] - max)`` with the maximum subtracted in float32 and
the sum of exponentials accumulated in float64; perplexity is ``exp(mean NLL)`` and its error
``sqrt(var(NLL) / (count - 1)) * ppl``. Bits per token is ``mean NLL / ln 2``; bits per byte
divides the total by the UTF-8 length of the scored tokens, which makes models with different
tokenizers (a character model and a BPE model) comparable.

Divergences compare two next-token distributions over the same windows: ``KL(P_ref || P_model)``
in nats per position (``sum p_ref * (log p_ref - log p_model)``) and whether both put the same
token first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

LN2 = math.log(2.0)


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise log-probabilities (float64) of a (positions, vocab) float32 array."""
    x = logits.astype(np.float32, copy=False)
    shifted = x - x.max(axis=-1, keepdims=True)
    lse = np.log(np.exp(shifted).sum(axis=-1, dtype=np.float64, keepdims=True))
    return shifted.astype(np.float64) - lse


def token_nll(logits: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Negative log-likelihood of ``targets[i]`` under row ``i`` (llama-perplexity's formula)."""
    x = logits.astype(np.float32, copy=False)
    mx = x.max(axis=-1, keepdims=True)
    shifted = x - mx
    lse = np.log(np.exp(shifted).sum(axis=-1, dtype=np.float64))
    picked = shifted[np.arange(len(targets)), targets].astype(np.float64)
    return lse - picked


@dataclass
class NLLTotals:
    """Running sums over every scored token."""

    count: int = 0
    nll: float = 0.0
    nll2: float = 0.0
    nbytes: int = 0

    def add(self, nll: np.ndarray, nbytes: int = 0) -> None:
        self.count += int(nll.size)
        self.nll += float(nll.sum())
        self.nll2 += float((nll * nll).sum())
        self.nbytes += int(nbytes)

    @property
    def mean_nll(self) -> float:
        return self.nll / self.count if self.count else float("nan")

    @property
    def perplexity(self) -> float:
        return math.exp(self.mean_nll) if self.count else float("nan")

    @property
    def perplexity_error(self) -> float | None:
        """llama-perplexity's ``+/-``: the standard error of the mean NLL, scaled by the perplexity."""
        if self.count < 2:
            return None
        mean = self.mean_nll
        var = self.nll2 / self.count - mean * mean
        if var <= 0:
            return None
        return math.sqrt(var / (self.count - 1)) * self.perplexity

    @property
    def bits_per_token(self) -> float:
        return self.mean_nll / LN2

    @property
    def bits_per_byte(self) -> float | None:
        return self.nll / LN2 / self.nbytes if self.nbytes else None


@dataclass
class DivergenceTotals:
    """KL(reference || model) and top-1 agreement over every compared position."""

    count: int = 0
    kl_sum: float = 0.0
    same_top: int = 0
    kl_values: list[np.ndarray] = field(default_factory=list)

    def add(self, ref_logprobs: np.ndarray, model_logprobs: np.ndarray) -> None:
        if ref_logprobs.shape != model_logprobs.shape:
            raise ValueError(f"distributions differ in shape: {ref_logprobs.shape} vs {model_logprobs.shape}")
        p = np.exp(ref_logprobs)
        kl = (p * (ref_logprobs - model_logprobs)).sum(axis=-1)
        kl = np.maximum(kl, 0.0)  # rounding can give -1e-17 for identical rows
        self.kl_values.append(kl.astype(np.float64))
        self.kl_sum += float(kl.sum())
        self.same_top += int((ref_logprobs.argmax(axis=-1) == model_logprobs.argmax(axis=-1)).sum())
        self.count += int(kl.size)

    @property
    def kl_mean(self) -> float:
        return self.kl_sum / self.count if self.count else float("nan")

    def kl_quantile(self, q: float) -> float:
        if not self.kl_values:
            return float("nan")
        return float(np.quantile(np.concatenate(self.kl_values), q))

    @property
    def kl_max(self) -> float:
        return float(max(v.max() for v in self.kl_values)) if self.kl_values else float("nan")

    @property
    def top1_agreement(self) -> float:
        return self.same_top / self.count if self.count else float("nan")
