"""One model and one llama.cpp context laid out like llama-perplexity's, via the low-level API.

llama-cpp-python's ``Llama`` class keeps one sequence and, for logprobs, asks for logits at every
position (``logits_all``) and copies them into Python (reference §4.4 lists its pitfalls). Here we
build the context ourselves: ``n_seq`` sequences of ``n_ctx`` cells each, the same logical and
physical batch sizes as llama-perplexity, logits requested only for the scored half of each
window, and the logits read in place with ``llama_get_logits_ith`` as numpy views (no copy).

Cancellation: llama.cpp's abort callback asks ``should_abort`` between graph nodes, so a long
batch stops within milliseconds; ``llama_decode`` then returns 2 and we raise
``EvaluationCancelled``.
"""

from __future__ import annotations

import ctypes
import time
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path

import llama_cpp
import numpy as np

from chatdesk.engine import cpu_share
from chatdesk.engine.detokenize import PieceDecoder
from chatdesk.evaluation.errors import EvaluationCancelled, EvaluationError
from chatdesk.evaluation.windows import DEFAULT_N_UBATCH, WindowPlan
from translatable import msg

DECODE_ABORTED = 2
_log_lines: deque[str] = deque(maxlen=100)
_backend_ready = False


@llama_cpp.llama_log_callback
def _log_callback(level: int, text: bytes, _user: ctypes.c_void_p) -> None:
    if level in (2, 3):  # warnings and errors: kept to explain a failed load
        _log_lines.append(text.decode("utf-8", "replace").strip())


def _setup() -> None:
    global _backend_ready
    llama_cpp.llama_log_set(_log_callback, ctypes.c_void_p(0))
    if not _backend_ready:
        llama_cpp.llama_backend_init()
        _backend_ready = True


def _last_errors() -> str:
    lines = [ln for ln in _log_lines if ln]
    return "; ".join(lines[-2:])


class EvalContext:
    """A loaded model with a context of ``n_seq`` windows of ``n_ctx`` tokens."""

    def __init__(self, path: str | Path, plan_ctx: int, n_seq: int, n_batch: int, n_threads: int,
                 should_abort: Callable[[], bool], share_cpu: bool = False) -> None:
        """``share_cpu``: use only the cores other programs leave free (re-checked every half
        second, at most ``n_threads``), as the chat engine does (``chatdesk.engine.cpu_share``);
        False: exactly ``n_threads`` (the user asked for a number)."""
        _setup()
        self.share_cpu = share_cpu
        self.threads_used: set[int] = set()
        self._threads_now = n_threads
        self._next_check = 0.0
        _log_lines.clear()
        self.path = Path(path)
        self.model = None
        self.ctx = None
        self._batch: llama_cpp.llama_batch | None = None
        mparams = llama_cpp.llama_model_default_params()
        mparams.n_gpu_layers = -1 if llama_cpp.llama_supports_gpu_offload() else 0
        # Returning False from the load progress callback makes llama.cpp abandon the load.
        self._load_cb = llama_cpp.llama_progress_callback(lambda _fraction, _data: not should_abort())
        mparams.progress_callback = self._load_cb
        self.model = llama_cpp.llama_model_load_from_file(str(self.path).encode("utf-8"), mparams)
        if not self.model:
            if should_abort():
                raise EvaluationCancelled()
            detail = _last_errors()
            if detail:
                raise EvaluationError(msg("llama.cpp could not load {file}: {detail}. The file may be damaged or use an "
                                          "architecture this version does not support.", file=self.path.name, detail=detail))
            raise EvaluationError(msg("llama.cpp could not load {file}. The file may be damaged or use an architecture "
                                      "this version does not support.", file=self.path.name))
        self.vocab = llama_cpp.llama_model_get_vocab(self.model)
        self.n_vocab = int(llama_cpp.llama_vocab_n_tokens(self.vocab))
        self.add_bos = bool(llama_cpp.llama_vocab_get_add_bos(self.vocab))
        self.bos = int(llama_cpp.llama_vocab_bos(self.vocab))
        self.n_ctx_train = int(llama_cpp.llama_model_n_ctx_train(self.model))
        self.n_ctx = plan_ctx
        self.n_seq = n_seq
        self.n_batch = n_batch
        self.n_threads = n_threads
        cparams = llama_cpp.llama_context_default_params()
        cparams.n_ctx = n_seq * plan_ctx
        cparams.n_batch = n_batch
        cparams.n_ubatch = min(DEFAULT_N_UBATCH, n_batch)
        cparams.n_seq_max = n_seq
        cparams.n_threads = n_threads
        cparams.n_threads_batch = n_threads
        self.ctx = llama_cpp.llama_init_from_model(self.model, cparams)
        if not self.ctx:
            detail = _last_errors()
            self.close()
            if detail:
                raise EvaluationError(msg("llama.cpp could not create a context of {n_seq} × {n_ctx} tokens for {file}: "
                                          "{detail}. Try a smaller --ctx.", n_seq=n_seq, n_ctx=plan_ctx, file=self.path.name,
                                          detail=detail), code=1)
            raise EvaluationError(msg("llama.cpp could not create a context of {n_seq} × {n_ctx} tokens for {file}. "
                                      "Try a smaller --ctx.", n_seq=n_seq, n_ctx=plan_ctx, file=self.path.name), code=1)
        self._should_abort = should_abort
        self._abort_cb = llama_cpp.ggml_abort_callback(lambda _data: bool(self._should_abort()))
        llama_cpp.llama_set_abort_callback(self.ctx, self._abort_cb, None)
        self._batch = llama_cpp.llama_batch_init(n_batch, 0, 1)
        self._pieces = PieceDecoder(self.vocab)

    # ------------------------------------------------------------------ text
    def tokenize(self, data: bytes) -> list[int]:
        """``common_tokenize(ctx, text, add_special=true, parse_special=false)``."""
        n_max = len(data) + 2
        buf = (llama_cpp.llama_token * n_max)()
        n = llama_cpp.llama_tokenize(self.vocab, data, len(data), buf, n_max, True, False)
        if n < 0:
            n_max = -n
            buf = (llama_cpp.llama_token * n_max)()
            n = llama_cpp.llama_tokenize(self.vocab, data, len(data), buf, n_max, True, False)
        if n < 0:
            raise EvaluationError(msg("llama.cpp could not tokenize the text for {file}.", file=self.path.name), code=1)
        return list(buf[:n])

    def piece_bytes(self, token: int) -> int:
        return len(self._pieces.piece(token))

    # ------------------------------------------------------------------ decoding
    def _follow_free_cores(self) -> None:
        """Before a decode: the free cores now, at most ``n_threads`` (llama.cpp's results do not
        depend on the thread count on the CPU, so this changes speed only)."""
        if not self.share_cpu:
            self.threads_used.add(self.n_threads)
            return
        now = time.monotonic()
        if now >= self._next_check:
            wanted = cpu_share.fair_threads(self.n_threads, samples=1 if self.threads_used else 3)
            if wanted != self._threads_now or not self.threads_used:
                llama_cpp.llama_set_n_threads(self.ctx, wanted, wanted)
                self._threads_now = wanted
            self._next_check = now + cpu_share.RECHECK_S
        self.threads_used.add(self._threads_now)

    def _decode(self, entries: Sequence[tuple[int, int, int, bool]]) -> None:
        """Decode ``(token, pos, seq, wants_logits)`` entries as one batch."""
        self._follow_free_cores()
        b = self._batch
        if b is None:
            raise RuntimeError("the evaluation context is closed")
        for i, (tok, pos, seq, out) in enumerate(entries):
            b.token[i] = tok
            b.pos[i] = pos  # type: ignore[call-overload]  # llama-cpp-python types pos as 2-D; the C field is a flat llama_pos *
            b.n_seq_id[i] = 1
            b.seq_id[i][0] = seq
            b.logits[i] = 1 if out else 0
        b.n_tokens = len(entries)
        rc = llama_cpp.llama_decode(self.ctx, b)
        if rc == DECODE_ABORTED:
            raise EvaluationCancelled()
        if rc != 0:
            detail = _last_errors()
            if detail:
                raise EvaluationError(msg("llama.cpp failed to evaluate {file} (code {rc}: {detail}).",
                                          file=self.path.name, rc=rc, detail=detail), code=1)
            raise EvaluationError(msg("llama.cpp failed to evaluate {file} (code {rc}).", file=self.path.name, rc=rc), code=1)

    def clear(self) -> None:
        llama_cpp.llama_memory_clear(llama_cpp.llama_get_memory(self.ctx), True)

    def _rows(self, index: int, n_rows: int) -> np.ndarray:
        ptr = llama_cpp.llama_get_logits_ith(self.ctx, index)
        if not ptr:
            raise EvaluationError(msg("llama.cpp returned no logits for {file}.", file=self.path.name), code=1)
        return np.ctypeslib.as_array(ptr, shape=(n_rows, self.n_vocab))

    def window_logits(self, plan: WindowPlan, tokens: Sequence[int], chunks: Sequence[int]) -> list[np.ndarray]:
        """Logits of positions ``first .. n_ctx-1`` for each chunk in ``chunks`` (decoded together).

        The arrays are views into llama.cpp's buffer when one batch holds the windows: use them
        before the next decode on this context.
        """
        n_ctx, first, n_batch = plan.n_ctx, plan.first, plan.n_batch
        bos = self.bos if self.add_bos else None
        windows = [plan.window(tokens, c, bos) for c in chunks]
        self.clear()
        collected: list[list[np.ndarray]] = [[] for _ in chunks]
        last_index: list[int] = [0] * len(chunks)
        for j in range(plan.batches_per_window):
            lo = j * n_batch
            hi = min(n_ctx, lo + n_batch)
            entries = []
            for seq, ids in enumerate(windows):
                for pos in range(lo, hi):
                    entries.append((ids[pos], pos, seq, pos >= first))
            self._decode(entries)
            if plan.batches_per_window > 1:
                # one window per batch sequence here (n_batch < n_ctx): copy this batch's rows out
                n_out = max(0, hi - max(lo, first))
                if n_out:
                    idx = max(lo, first) - lo
                    collected[0].append(self._rows(idx, n_out).copy())
            else:
                for seq in range(len(windows)):
                    last_index[seq] = seq * (hi - lo) + (first - lo)
        if plan.batches_per_window > 1:
            return [np.concatenate(collected[0], axis=0)]
        return [self._rows(last_index[seq], n_ctx - first) for seq in range(len(windows))]

    def time_generation(self, tokens: Sequence[int], n_prompt: int, n_gen: int) -> tuple[float, float]:
        """Seconds to evaluate an ``n_prompt``-token prompt, then ``n_gen`` tokens one at a time.

        The generated tokens are the text's own next tokens (no sampler): this measures the
        model's decoding speed, as llama-bench's ``tg`` does, independent of sampling settings.
        """
        self.clear()
        t0 = time.perf_counter()
        self._decode([(tokens[i], i, 0, i == n_prompt - 1) for i in range(n_prompt)])
        llama_cpp.llama_synchronize(self.ctx)
        t1 = time.perf_counter()
        for k in range(n_gen):
            pos = n_prompt + k
            self._decode([(tokens[pos], pos, 0, True)])
            llama_cpp.llama_synchronize(self.ctx)
        t2 = time.perf_counter()
        self.clear()
        return t1 - t0, t2 - t1

    def close(self) -> None:
        if self._batch is not None:
            llama_cpp.llama_batch_free(self._batch)
            self._batch = None
        if self.ctx:
            llama_cpp.llama_free(self.ctx)
            self.ctx = None
        if self.model:
            llama_cpp.llama_model_free(self.model)
            self.model = None

    def __enter__(self) -> EvalContext:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
