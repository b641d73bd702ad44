"""What the parallel worker (``slots.SlotWorker``) keeps per step and per running reply.

Why apart from the worker: these are llama.cpp's multi-sequence pieces and plain state, with no
scheduling in them. ``Batch`` is one reusable ``llama_batch`` holding tokens of any sequences;
``RowReader`` and ``RowChain`` read the logits of, and sample from, one row of the last decode
(the row of one reply's token); ``Reply`` is everything one running reply carries from step to
step (its slot, sampler, prompt, KV contents, shown text and timings). The worker decides who
runs, when and how a reply ends.
"""

from __future__ import annotations

import ctypes
import time
from dataclasses import dataclass, field

import llama_cpp
import numpy as np

from chatdesk.engine.detokenize import StreamDecoder
from chatdesk.engine.sampling import SamplerChain
from chatdesk.engine.token_probs import LogitReader
from chatdesk.engine.types import TokenProb
from chatdesk.server.jobs import Job


class RowReader(LogitReader):
    """``LogitReader`` for one row of the last batch: the row of this reply's token."""

    index = -1

    def logits(self) -> np.ndarray:
        ptr = llama_cpp.llama_get_logits_ith(self._ctx, self.index)
        if not ptr:
            raise RuntimeError("llama.cpp returned no logits for this sequence")
        view = np.ctypeslib.as_array(ctypes.cast(ptr, ctypes.POINTER(ctypes.c_float)), shape=(self._n_vocab,))
        return np.array(view, dtype=np.float32, copy=True)


class RowChain(SamplerChain):
    """``SamplerChain`` drawing from a chosen row of the last batch."""

    def sample_at(self, ctx: llama_cpp.llama_context_p, index: int) -> int:
        return llama_cpp.llama_sampler_sample(self._chain, ctx, index)


@dataclass(eq=False)
class Reply:
    """One running reply: its slot, sampler and the text it has shown."""

    job: Job
    seq: int
    tokens: list[int]  # the prompt
    dropped: int
    max_new: int
    stops: tuple[str, ...]
    seed: int
    chain: RowChain
    reader: RowReader | None
    want: int
    warning: str | None
    threads: int
    reused: int = 0  # leading prompt positions kept from the slot's previous reply
    chunks: int = 0
    kv: list[int] = field(default_factory=list)  # tokens at the positions this slot's KV holds
    started: float = field(default_factory=time.perf_counter)
    first: float | None = None
    pos: int = 0  # position of ``next_token``
    next_token: int = -1
    index: int = -1  # row of this reply in the last decode
    produced: int = 0
    decoded_len: int = 0
    pending: str = ""
    shown: list[str] = field(default_factory=list)
    probs: list[TokenProb] = field(default_factory=list)
    decoder: StreamDecoder = field(default_factory=StreamDecoder)


class Batch:
    """One reusable ``llama_batch`` for any sequences."""

    def __init__(self, capacity: int, n_seq: int) -> None:
        self.capacity = capacity
        self.b = llama_cpp.llama_batch_init(capacity, 0, n_seq)

    def put(self, i: int, token: int, pos: int, seq: int, logits: bool) -> None:
        b = self.b
        b.token[i] = token
        b.pos[i] = pos
        b.n_seq_id[i] = 1
        b.seq_id[i][0] = seq
        b.logits[i] = 1 if logits else 0

    def decode(self, ctx: llama_cpp.llama_context_p, n: int) -> int:
        self.b.n_tokens = n
        return llama_cpp.llama_decode(ctx, self.b)

    def free(self) -> None:
        llama_cpp.llama_batch_free(self.b)
