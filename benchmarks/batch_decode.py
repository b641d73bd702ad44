"""Parallel decoding in llama.cpp: several sequences in one ``llama_batch`` vs one after another.

Why: ChatDesk's server decodes one reply at a time per model (``chatdesk/server/jobs.py``);
llama.cpp's ``llama-server --parallel N`` puts N sequences in every ``llama_decode``. This measures,
on the same context and threads, what batching would buy before the engine is reworked for it:

* ``serial``: N replies, each decoded to the end before the next starts (one token per decode);
* ``batched``: the same N replies advanced together, one ``llama_decode`` per step holding one
  token of every sequence (``seq_id`` 0..N-1 in one context with ``n_seq_max`` = N).

Both use greedy sampling (``llama_sampler_sample`` on each sequence's logits row), the same prompt
per sequence and the same number of tokens. Prompt evaluation is excluded. The ratio
batched/serial is the throughput gain of parallel decoding on this machine.

    python benchmarks/batch_decode.py [--sequences 4] [--tokens 64] [--threads N] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import llama_cpp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import emit_json, median, say

PROMPT = b"Write a long, detailed story about a lighthouse keeper who finds a message in a bottle."


class Batch:
    def __init__(self, capacity: int, n_seq: int) -> None:
        self.b = llama_cpp.llama_batch_init(capacity, 0, n_seq)

    def fill(self, items: list[tuple[int, int, int, bool]]) -> None:
        """items: (token, position, sequence, want logits)."""
        b = self.b
        for i, (tok, pos, seq, logits) in enumerate(items):
            b.token[i] = tok
            b.pos[i] = pos
            b.n_seq_id[i] = 1
            b.seq_id[i][0] = seq
            b.logits[i] = 1 if logits else 0
        b.n_tokens = len(items)

    def free(self) -> None:
        llama_cpp.llama_batch_free(self.b)


def run(model, vocab, n_seq: int, tokens: int, threads: int, batched: bool) -> float:  # type: ignore[no-untyped-def]
    params = llama_cpp.llama_context_default_params()
    params.n_ctx = 512 * n_seq
    params.n_batch = 512
    params.n_seq_max = n_seq
    params.n_threads = threads
    params.n_threads_batch = threads
    ctx = llama_cpp.llama_init_from_model(model, params)
    chain = llama_cpp.llama_sampler_chain_init(llama_cpp.llama_sampler_chain_default_params())
    llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_greedy())
    buf = (llama_cpp.llama_token * 256)()
    n_prompt = llama_cpp.llama_tokenize(vocab, PROMPT, len(PROMPT), buf, 256, True, False)
    prompt = list(buf[:n_prompt])
    batch = Batch(512, n_seq)
    try:
        # the same prompt in every sequence, evaluated once per sequence (not timed)
        for s in range(n_seq):
            batch.fill([(t, i, s, i == n_prompt - 1) for i, t in enumerate(prompt)])
            assert llama_cpp.llama_decode(ctx, batch.b) == 0
        nexts = []
        for s in range(n_seq):
            # logits of each sequence's last prompt token: re-evaluate it alone to get a row per sequence
            llama_cpp.llama_memory_seq_rm(llama_cpp.llama_get_memory(ctx), s, n_prompt - 1, -1)
            batch.fill([(prompt[-1], n_prompt - 1, s, True)])
            assert llama_cpp.llama_decode(ctx, batch.b) == 0
            nexts.append(llama_cpp.llama_sampler_sample(chain, ctx, -1))
        pos = [n_prompt] * n_seq
        t0 = time.perf_counter()
        if batched:
            for _ in range(tokens):
                batch.fill([(nexts[s], pos[s], s, True) for s in range(n_seq)])
                assert llama_cpp.llama_decode(ctx, batch.b) == 0
                for s in range(n_seq):
                    nexts[s] = llama_cpp.llama_sampler_sample(chain, ctx, s)
                    pos[s] += 1
        else:
            for s in range(n_seq):
                for _ in range(tokens):
                    batch.fill([(nexts[s], pos[s], s, True)])
                    assert llama_cpp.llama_decode(ctx, batch.b) == 0
                    nexts[s] = llama_cpp.llama_sampler_sample(chain, ctx, -1)
                    pos[s] += 1
        elapsed = time.perf_counter() - t0
    finally:
        batch.free()
        llama_cpp.llama_sampler_free(chain)
        llama_cpp.llama_free(ctx)
    return n_seq * tokens / elapsed


@llama_cpp.llama_log_callback
def _quiet(_level: int, _text: bytes, _user: object) -> None:
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sequences", type=int, default=4)
    ap.add_argument("--tokens", type=int, default=64)
    ap.add_argument("--threads", type=int, default=min(4, os.cpu_count() or 1))
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    from chatdesk.engine import default_model_path

    llama_cpp.llama_backend_init()
    llama_cpp.llama_log_set(_quiet, None)
    model = llama_cpp.llama_model_load_from_file(str(default_model_path()).encode(), llama_cpp.llama_model_default_params())
    vocab = llama_cpp.llama_model_get_vocab(model)
    serial: list[float] = []
    batched: list[float] = []
    try:
        for r in range(args.rounds):
            for kind in (("serial", "batched") if r % 2 == 0 else ("batched", "serial")):
                rate = run(model, vocab, args.sequences, args.tokens, args.threads, kind == "batched")
                (batched if kind == "batched" else serial).append(rate)
                say(f"  round {r + 1} {kind:8s} {rate:7.1f} tok/s total")
    finally:
        llama_cpp.llama_model_free(model)
    ratio = median(batched) / median(serial)
    say(f"{args.sequences} sequences: serial {median(serial):.1f} tok/s, batched {median(batched):.1f} tok/s, x{ratio:.2f}")
    emit_json({"benchmark": "batch_decode", "sequences": args.sequences, "tokens": args.tokens, "threads": args.threads,
               "serial_tok_s": round(median(serial), 2), "batched_tok_s": round(median(batched), 2), "ratio": round(ratio, 3)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
