"""Which tokens are evaluated together and which are scored: llama-perplexity's default scheme.

Read from llama.cpp's ``tools/perplexity/perplexity.cpp`` (function ``perplexity``, the default
path without ``--ppl-stride``) in the source vendored by llama-cpp-python 0.3.36, so that our
figures and ``llama-perplexity``'s are computed over the same windows and are comparable:

* the whole text is tokenized once, with the model's BOS if its vocabulary adds one;
* it needs at least ``2 * n_ctx`` tokens; ``n_chunks = n_tokens // n_ctx`` windows of exactly
  ``n_ctx`` tokens follow each other without overlap (the tail is dropped);
* when the vocabulary adds BOS, each window's first token is *replaced* by BOS for the forward
  pass (targets always come from the original tokens);
* each window starts with an empty KV cache at position 0; only the second half is scored: the
  logits at positions ``n_ctx//2 .. n_ctx-2`` predict tokens ``n_ctx//2+1 .. n_ctx-1``, so a
  window scores ``n_ctx - 1 - n_ctx//2`` tokens;
* with the default logical batch of 2048, ``n_seq = max(1, n_batch // n_ctx)`` windows are
  decoded in one batch as separate sequences (a context of ``n_seq * n_ctx`` cells, and the
  batch is capped to it); a window longer than the batch is decoded in ``ceil(n_ctx/n_batch)``
  batches.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from chatdesk.evaluation.errors import EvaluationError
from translatable import msg

DEFAULT_N_BATCH = 2048  # llama.cpp's common_params default
DEFAULT_N_UBATCH = 512
MIN_CTX = 8


@dataclass(frozen=True)
class WindowPlan:
    n_tokens: int
    n_ctx: int
    n_batch: int
    """Logical batch passed to llama_decode (already capped to the context)."""
    n_seq: int
    """Windows decoded together, each as its own sequence."""
    n_chunks: int

    @property
    def first(self) -> int:
        """First position of a window whose logits are requested."""
        return self.n_ctx // 2

    @property
    def scored_per_chunk(self) -> int:
        return self.n_ctx - 1 - self.first

    @property
    def scored_tokens(self) -> int:
        return self.n_chunks * self.scored_per_chunk

    @property
    def context_cells(self) -> int:
        return self.n_seq * self.n_ctx

    @property
    def batches_per_window(self) -> int:
        return -(-self.n_ctx // self.n_batch)

    def groups(self) -> Iterator[list[int]]:
        """Chunk indices decoded together, in order."""
        for i in range(0, self.n_chunks, self.n_seq):
            yield list(range(i, min(i + self.n_seq, self.n_chunks)))

    def window(self, tokens: Sequence[int], chunk: int, bos: int | None) -> list[int]:
        """The tokens the model sees for ``chunk`` (BOS replaces the first when given)."""
        start = chunk * self.n_ctx
        ids = list(tokens[start : start + self.n_ctx])
        if bos is not None:
            ids[0] = bos
        return ids

    def targets(self, tokens: Sequence[int], chunk: int) -> list[int]:
        """The tokens scored in ``chunk``: the ones after each scored position."""
        start = chunk * self.n_ctx
        return list(tokens[start + self.first + 1 : start + self.n_ctx])


def plan_windows(n_tokens: int, n_ctx: int, n_batch: int = DEFAULT_N_BATCH, max_chunks: int | None = None) -> WindowPlan:
    if n_ctx < MIN_CTX:
        raise EvaluationError(msg("A context of {ctx} tokens is too small to score anything; use --ctx {min_ctx} or more.",
                                   ctx=n_ctx, min_ctx=MIN_CTX))
    if n_batch < 1:
        raise EvaluationError(msg("The batch size must be positive, not {batch}.", batch=n_batch))
    if n_tokens < 2 * n_ctx:
        raise EvaluationError(msg(
            "The text is too short: it has {tokens} tokens for this model, and perplexity with a context of "
            "{ctx} needs at least {needed} (two windows). Use a longer text or a smaller --ctx.",
            tokens=n_tokens, ctx=n_ctx, needed=2 * n_ctx,
        ))
    n_seq = max(1, n_batch // n_ctx)
    n_chunks = n_tokens // n_ctx
    if max_chunks is not None and max_chunks > 0:
        n_chunks = min(n_chunks, max_chunks)
    return WindowPlan(n_tokens=n_tokens, n_ctx=n_ctx, n_batch=min(n_batch, n_seq * n_ctx), n_seq=n_seq, n_chunks=n_chunks)
