"""llama.cpp's own sampler chain, built once per reply.

The chain is the one llama.cpp's CLI uses with the same settings (penalties -> top-k -> top-p ->
min-p -> temperature -> seeded draw), so a reply can be compared with ``llama-completion`` and
nothing is re-implemented in Python. Like the CLI, the prompt's tokens are fed to the chain first
so the repetition penalty sees them. Each call crosses into C once (ctypes releases the GIL), which
is what keeps the Python side of a token small enough to stream at llama.cpp's own speed.
"""

from __future__ import annotations

from collections.abc import Sequence

import llama_cpp

from chatdesk.engine.types import SamplingSettings

PENALTY_LAST_N = 64  # llama.cpp's default repeat-last-n


class SamplerChain:
    """A ``llama_sampler`` chain for one reply; free it with ``close`` (or use ``with``)."""

    def __init__(self, settings: SamplingSettings, seed: int, n_vocab: int, banned: Sequence[int] = ()) -> None:
        """``banned``: tokens never to sample (a logit bias of -inf, as llama.cpp's ``ignore_eos``)."""
        params = llama_cpp.llama_sampler_chain_default_params()
        params.no_perf = True
        chain = llama_cpp.llama_sampler_chain_init(params)
        if chain is None:
            raise MemoryError("llama.cpp could not create a sampler")
        self._chain = chain
        add = lambda s: llama_cpp.llama_sampler_chain_add(chain, s)  # noqa: E731
        if banned:
            biases = (llama_cpp.llama_logit_bias * len(banned))(*(llama_cpp.llama_logit_bias(t, float("-inf")) for t in banned))
            add(llama_cpp.llama_sampler_init_logit_bias(n_vocab, len(banned), biases))
        if settings.repeat_penalty != 1.0:
            add(llama_cpp.llama_sampler_init_penalties(n_vocab, PENALTY_LAST_N, settings.repeat_penalty, 0.0, 0.0))
        if settings.temperature <= 0:
            add(llama_cpp.llama_sampler_init_greedy())
            return
        if settings.top_k > 0:
            add(llama_cpp.llama_sampler_init_top_k(settings.top_k))
        if settings.top_p < 1.0:
            add(llama_cpp.llama_sampler_init_top_p(settings.top_p, 1))
        if settings.min_p > 0.0:
            add(llama_cpp.llama_sampler_init_min_p(settings.min_p, 1))
        add(llama_cpp.llama_sampler_init_temp(settings.temperature))
        add(llama_cpp.llama_sampler_init_dist(seed & 0xFFFFFFFF))

    def accept_all(self, tokens: Sequence[int]) -> None:
        """Let the repetition penalty see tokens it did not sample (the prompt, a forced prefix)."""
        chain = self._chain
        for token in tokens[-PENALTY_LAST_N:]:
            llama_cpp.llama_sampler_accept(chain, token)

    def sample(self, ctx: llama_cpp.llama_context_p) -> int:
        """Pick the next token from the last logits (and record it for the penalties)."""
        return llama_cpp.llama_sampler_sample(self._chain, ctx, -1)

    def close(self) -> None:
        if self._chain is not None:
            llama_cpp.llama_sampler_free(self._chain)
            self._chain = None

    def __enter__(self) -> SamplerChain:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
