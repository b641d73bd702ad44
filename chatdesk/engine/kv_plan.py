"""Which part of the KV cache a new prompt may reuse, so that replies are reproducible.

llama.cpp's arithmetic for a token depends on the batch it was evaluated in: the same prompt
evaluated in one batch, or as a cached prefix plus the rest, or token by token while a reply was
generated, gives slightly different floating-point sums on some CPUs (an AVX2 machine showed it;
an AVX-512 one did not). A near-tie in sampling then turns into a different reply, so "regenerate
with the same settings" cannot reproduce a reply whose prompt was evaluated differently.

The rule here makes the cache's contents a function of the prompt tokens alone:

* prompts are evaluated in *canonical chunks*: positions ``[k*C, (k+1)*C)``, the last one
  partial, never any other split;
* only whole canonical chunks are ever reused: a chunk computed in full (``canonical_upto``)
  whose tokens equal the new prompt's. Generated tokens (evaluated one at a time) and the
  partial last chunk of a prompt are evaluated again as part of the next prompt's chunks;
* the chunk holding the prompt's last token is always evaluated afresh, so the logits that pick
  the first reply token come from the same batch every time.

The cost is re-evaluating at most ``C - 1`` tokens plus the previous reply on each turn, which
keeps later turns fast (tested by ``benchmarks/ttft_turns.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

EVAL_CHUNK = 64


def common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@dataclass
class KVState:
    """What the context's KV cache holds (sequence 0), as the engine left it."""

    chunk: int = EVAL_CHUNK
    tokens: list[int] = field(default_factory=list)  # token at each cached position
    canonical_upto: int = 0  # positions [0, canonical_upto) were evaluated in whole canonical chunks

    def reusable(self, prompt: Sequence[int]) -> int:
        """How many leading positions of ``prompt`` can be kept (a multiple of the chunk size)."""
        if not prompt:
            return 0
        limit = min(common_prefix(self.tokens, prompt), self.canonical_upto, len(prompt) - 1)
        return (limit // self.chunk) * self.chunk

    def chunks(self, start: int, end: int) -> list[tuple[int, int]]:
        """The canonical spans that evaluate positions ``[start, end)`` (``start`` is aligned)."""
        assert start % self.chunk == 0, "evaluation must start on a chunk boundary"
        return [(s, min(s + self.chunk, end)) for s in range(start, end, self.chunk)]

    def truncate(self, n: int) -> None:
        del self.tokens[n:]
        self.canonical_upto = min(self.canonical_upto, n)

    def prompt_evaluated(self, prompt: Sequence[int]) -> None:
        """The whole prompt is now cached; its complete chunks are canonical."""
        self.tokens = list(prompt)
        self.canonical_upto = (len(prompt) // self.chunk) * self.chunk

    def token_generated(self, token: int) -> None:
        self.tokens.append(token)

    def clear(self) -> None:
        self.tokens.clear()
        self.canonical_upto = 0
