"""Per-token probabilities straight from llama.cpp's logits, before the sampler touches them.

llama-cpp-python's own logprobs path needs ``logits_all`` (an n_ctx x n_vocab array), drops
characters that span tokens when streaming, and has reported off-by-one pitfalls. Here we read the
one row of logits llama.cpp computed for the next position (``llama_get_logits_ith(ctx, -1)``),
which is exactly what the sampler is about to see, and take a softmax at temperature 1 in numpy.
A test recomputes the same distributions independently and compares.
"""

from __future__ import annotations

import ctypes

import llama_cpp
import numpy as np

from chatdesk.engine.types import TokenAlt


class LogitReader:
    """Reads the next-token distribution of a context (one owner thread)."""

    def __init__(self, ctx: llama_cpp.llama_context_p, n_vocab: int, piece_text) -> None:
        self._ctx = ctx
        self._n_vocab = n_vocab
        self._piece_text = piece_text  # token id -> display text

    def logits(self) -> np.ndarray:
        """A copy of the last computed logits row (float32, n_vocab)."""
        ptr = llama_cpp.llama_get_logits_ith(self._ctx, -1)
        if not ptr:
            raise RuntimeError("llama.cpp returned no logits for the last position")
        view = np.ctypeslib.as_array(ctypes.cast(ptr, ctypes.POINTER(ctypes.c_float)), shape=(self._n_vocab,))
        return np.array(view, dtype=np.float32, copy=True)

    def distribution(self, top: int) -> tuple[np.ndarray, float, np.ndarray]:
        """(logits, log of the softmax normaliser, ids of the ``top`` most likely tokens, best first)."""
        logits = self.logits()
        peak = float(logits.max())
        log_z = peak + float(np.log(np.exp(logits - peak, dtype=np.float64).sum()))
        k = min(top, self._n_vocab)
        best = np.argpartition(-logits, k - 1)[:k]
        best = best[np.argsort(-logits[best], kind="stable")]
        return logits, log_z, best

    def alternatives(self, top: int) -> tuple[np.ndarray, float, tuple[TokenAlt, ...]]:
        logits, log_z, best = self.distribution(top)
        alts = tuple(TokenAlt(int(t), self._piece_text(int(t)), float(np.exp(float(logits[t]) - log_z))) for t in best)
        return logits, log_z, alts


def probability(logits: np.ndarray, log_z: float, token: int) -> float:
    return float(np.exp(float(logits[token]) - log_z))
