"""What the KV cache holds, how it was computed, and how a reply can be reproduced exactly.

llama.cpp's arithmetic for a token depends on the batch it was evaluated in: the same prompt
evaluated in one batch, or as a cached prefix plus the rest, or token by token while a reply was
generated, can give slightly different floating-point sums (an AVX2 machine showed it), and a
near-tie in sampling then turns into a different reply for the same seed.

So the engine keeps, beside the tokens in the cache, *which decode call* computed each position
(``writers``: ids unique to this engine instance). A reply's provenance records how its prompt was
evaluated: how many leading positions it reused from the cache, a fingerprint of the calls that
had computed them, and the chunk size of the rest. "Regenerate with the same settings" hands that
record back (``GenerationRequest.reuse_hint``): if the cache still holds those positions from the
same calls, the engine reuses exactly as many and evaluates the rest in the same chunks, which
reproduces the original logits bit for bit; a reply whose prompt was evaluated from scratch can
always be reproduced. Otherwise (another chat used the model since, or ChatDesk restarted) the
result says the reproduction is not guaranteed, and the window says so.

Ordinary turns reuse the longest cached prefix, generated tokens included, so later turns stay as
fast as the first (``benchmarks/ttft_turns.py``).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field

EVAL_CHUNK = 512  # prompt positions per llama_decode call, aligned to multiples of this


def common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@dataclass(frozen=True)
class ReusePlan:
    reuse: int  # leading prompt positions kept from the cache
    exact: bool | None  # None: no reproduction was asked for; else whether it is guaranteed
    reason: str = ""  # why an asked-for reproduction is not guaranteed


@dataclass
class KVState:
    """What the context's KV cache holds (sequence 0), as the engine left it."""

    chunk: int = EVAL_CHUNK
    tokens: list[int] = field(default_factory=list)  # token at each cached position
    writers: list[int] = field(default_factory=list)  # id of the decode call that computed it
    nonce: str = field(default_factory=lambda: secrets.token_hex(8))  # makes ids unique to this engine
    _next_call: int = 0

    # -- bookkeeping ---------------------------------------------------------------------
    def new_call(self) -> int:
        self._next_call += 1
        return self._next_call

    def computed(self, start: int, tokens: Sequence[int], call: int) -> None:
        """Positions ``[start, start+len(tokens))`` now hold ``tokens``, computed by ``call``."""
        del self.tokens[start:]
        del self.writers[start:]
        self.tokens.extend(tokens)
        self.writers.extend([call] * len(tokens))

    def truncate(self, n: int) -> None:
        del self.tokens[n:]
        del self.writers[n:]

    def clear(self) -> None:
        self.tokens.clear()
        self.writers.clear()
        self.nonce = secrets.token_hex(8)

    def fingerprint(self, n: int) -> str:
        """Identifies how positions ``[0, n)`` were computed (which calls, in this engine)."""
        h = hashlib.sha256(self.nonce.encode())
        h.update(",".join(map(str, self.writers[:n])).encode())
        return h.hexdigest()[:16]

    # -- planning ------------------------------------------------------------------------
    def plan(self, prompt: Sequence[int], hint: tuple[int, str] | None = None) -> ReusePlan:
        """How much of ``prompt`` to take from the cache (never all of it: the last position is
        always evaluated, so its logits are fresh). With ``hint`` (positions reused and the
        fingerprint of the reply being reproduced), reuse exactly that when the cache still holds
        those positions from the same calls."""
        longest = min(common_prefix(self.tokens, prompt), max(len(prompt) - 1, 0))
        if hint is None:
            return ReusePlan(longest, None)
        reuse, fingerprint = hint
        if reuse == 0:
            return ReusePlan(0, True)  # evaluated from scratch then, and now
        if reuse <= longest and self.fingerprint(reuse) == fingerprint:
            return ReusePlan(reuse, True)
        return ReusePlan(
            longest,
            False,
            "the model's memory of this conversation has been rebuilt since that reply "
            "(another chat used the model, or ChatDesk was restarted)",
        )

    def chunks(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that evaluate positions ``[start, end)``: cut at multiples of the chunk size,
        so the same ``start`` and ``end`` always give the same calls."""
        spans = []
        s = start
        while s < end:
            e = min(end, (s // self.chunk + 1) * self.chunk)
            spans.append((s, e))
            s = e
        return spans
