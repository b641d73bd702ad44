"""Parallel decoding of a local model's server requests: up to N replies advanced together.

Why: a CPU decodes one token of four sequences in one ``llama_decode`` in little more time than
one token of one (the weights are read once per step; ``benchmarks/batch_decode.py``), which is
how llama.cpp's own ``llama-server --parallel N`` serves several clients. ``jobs.ModelWorker``
serves a model's requests one after another; ``SlotWorker`` (the pool's worker for a local model
it loaded itself) puts every running reply's next token into one batch instead.

How (Qt-free; one worker thread per model owns everything below):

* its own llama.cpp context on the engine's loaded model, with ``n_seq_max`` = N and N times
  the engine's context, one KV stream per slot (sequence id = slot number); the engine's own
  context is left alone, so the window's replies and the engine's prefix cache are unaffected;
* the prompt is built and budgeted by ``engine.fit`` (the window's prompt code and trimming);
* a new request joins at the next step: its prompt is evaluated in its own ``llama_decode``
  calls (cut at the same positions as the engine's, ``kv_plan``), so its logits do not depend on
  what else is running, and its first token is sampled from them; a slot keeps its last
  prompt and reply in its KV, and a new prompt goes to the free slot sharing the longest prefix
  with it and evaluates only the rest (a repeated system prompt or the next turn of a chat);
* every step is one ``llama_decode`` holding the next token of each running reply; each reply
  samples from its own row with its own ``SamplerChain`` (temperature, top_p, seed...), and reads
  logprobs through ``token_probs.LogitReader`` only when the request asked for them;
* stop strings, ``max_tokens``, ``ignore_eos`` and the end-of-generation tokens end a reply as
  ``LlamaEngine.generate`` does; Stop (the queue, a client that left, shutdown) is looked at
  before each step, so a reply ends within one token;
* fairness with the window: while replies run the worker holds a *background* turn of the
  model's ``TurnGate`` and offers it between steps, so a window reply waits at most one step.

If the second context cannot be created (memory), the worker serves one job at a time as
``ModelWorker`` does.

This module is the worker: who runs, when, and how a reply starts and ends. What it keeps per
step and per reply (the batch, a row's logits and sampler, a reply's state) is ``slot_state``.
"""

from __future__ import annotations

import logging
import secrets
import time
from typing import Any

import llama_cpp

from chatdesk.engine import cpu_share
from chatdesk.engine.build_info import build_facts
from chatdesk.engine.detokenize import PieceDecoder
from chatdesk.engine.errors import GenerationError
from chatdesk.engine.kv_plan import EVAL_CHUNK, KVState, common_prefix
from chatdesk.engine.llama_engine import _split_stop
from chatdesk.engine.token_probs import probability
from chatdesk.engine.types import GenerationResult, TokenProb
from chatdesk.server.jobs import DONE, FAILED, RUNNING, STOPPED, Job, ModelWorker, RequestQueue
from chatdesk.server.slot_state import Batch, Reply, RowChain, RowReader
from translatable import msg

log = logging.getLogger(__name__)

DEFAULT_SLOTS = 4


class SlotWorker(ModelWorker):
    """A model's worker that decodes up to ``n_slots`` replies together (see the module doc)."""

    def __init__(self, name: str, slot: Any, queue: RequestQueue, max_waiting: int, n_slots: int = DEFAULT_SLOTS) -> None:
        self.n_slots = max(1, n_slots)
        self._replies: list[Reply] = []
        self._cached: list[list[int]] = [[] for _ in range(self.n_slots)]  # what each slot's KV holds
        self._ctx: Any = None
        self._batch: Batch | None = None
        self._pieces: PieceDecoder | None = None
        self._turn: Any = None
        self.steps = 0  # llama_decode steps with replies in them (observable in tests)
        self.widest = 0  # the most replies one step has held
        super().__init__(name, slot, queue, max_waiting)

    @property
    def busy(self) -> bool:
        with self._cond:
            return bool(self._replies) or self.current is not None or bool(self._pending)

    def running(self) -> int:
        with self._cond:
            return len(self._replies)

    # -- the context -------------------------------------------------------------------------
    def _open(self) -> bool:
        engine = self.slot.engine
        llm = engine.llama  # the engine's loaded llama_cpp.Llama: its model weights are shared
        info = engine.info
        if llm is None or info is None:
            return False
        # The engine's own settings (KV types, offloading...), with room for N sequences, and
        # llama.cpp's own choice of attention kernel (flash attention where it helps, as
        # llama-server runs): llama-cpp-python's default turns it off, which made every decode
        # step ~20 % slower on a CPU here. Its logits differ from the window's in the last digits.
        params = llama_cpp.llama_context_params.from_buffer_copy(llm.context_params)
        params.flash_attn_type = llama_cpp.LLAMA_FLASH_ATTN_TYPE_AUTO
        chunk = min(EVAL_CHUNK, llm.n_batch)
        params.n_ctx = self.n_slots * info.n_ctx
        params.n_batch = params.n_ubatch = max(chunk, self.n_slots)
        params.n_seq_max = self.n_slots
        params.n_threads = params.n_threads_batch = info.n_threads
        params.no_perf = True
        ctx = llama_cpp.llama_init_from_model(llm.model, params)
        if not ctx:
            log.warning("no context for parallel decoding of %s; serving one request at a time", info.path)
            return False
        self._ctx = ctx
        self._threads = info.n_threads
        self._chunk = chunk
        self._batch = Batch(max(chunk, self.n_slots), self.n_slots)
        self._vocab = llama_cpp.llama_model_get_vocab(llm.model)
        self._n_vocab = llama_cpp.llama_vocab_n_tokens(self._vocab)
        self._pieces = PieceDecoder(self._vocab)
        self._eog: tuple[int, ...] | None = None
        # Paid here, at load, rather than in some client's first reply: the end-of-generation
        # tokens (a walk over the vocabulary, for ignore_eos) and the build facts (a file hash).
        self._end_tokens()
        build_facts()
        return True

    def _close_context(self) -> None:
        if self._batch is not None:
            self._batch.free()
            self._batch = None
        if self._ctx is not None:
            llama_cpp.llama_free(self._ctx)
            self._ctx = None

    # -- the loop ----------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            opened = self._open()
        except Exception:  # fall back to serving one at a time, never lose requests
            log.exception("parallel decoding unavailable")
            opened = False
        if not opened:
            super()._run()
            return
        try:
            self._loop()
        finally:
            self._hand_back_turn()
            self._close_context()

    def _loop(self) -> None:
        gate = self.slot.gate
        while True:
            with self._cond:
                while not self._pending and not self._replies and not self._closing:
                    self._hand_back_turn()
                    self._cond.wait()
                if self._closing:
                    for r in self._replies:
                        r.job.halt("shutdown")
                    for job in self._pending:
                        job.halt("shutdown")
                if not self._pending and not self._replies:
                    return
                admit: list[Job] = []
                while self._pending and len(self._replies) + len(admit) < self.n_slots:
                    admit.append(self._pending.popleft())
            if self._turn is None:
                self._turn = gate.background()
                self._turn.__enter__()
            elif gate.interactive_waiting:
                self._flush()  # the text so far goes out before the window's reply runs
                gate.offer()  # the window's reply goes first; it uses the engine's own context
            for job in admit:
                self._admit(job)
            if self._replies:
                self._step()

    def _hand_back_turn(self) -> None:
        if self._turn is not None:
            turn, self._turn = self._turn, None
            turn.__exit__(None, None, None)

    # -- one reply's life --------------------------------------------------------------------
    def _admit(self, job: Job) -> None:
        job.state = RUNNING
        job.started = time.time()
        self._queue.changed()
        gen = job.generation
        if gen is None:  # an embedding or other one-shot work: run it here
            with self._cond:
                self.current = job
            try:
                job.result = job.work(self.slot, job)
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting request
                job.error = exc
                self._finish(job, FAILED)
                return
            self._finish(job, STOPPED if job.stop.is_set() and job.stop_reason else DONE)
            return
        if job.stop.is_set():
            self._end_job(job, None)
            return
        try:
            reply = self._start(job)
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting request
            self._fail(job, exc)
            return
        if reply is None:
            return
        with self._cond:
            self._replies.append(reply)
        self._advance_or_fail(reply)

    def _start(self, job: Job) -> Reply | None:
        """Build the prompt, evaluate it in this reply's slot and sample its first token."""
        assert job.generation is not None and self._batch is not None
        engine = self.slot.engine
        request = job.generation.request
        s = request.sampling
        tokens, rendered, dropped, max_new, warning = engine.prompt_for(request)
        seq = self._free_seq(tokens)
        seed = s.seed if s.seed is not None else secrets.randbits(32)
        banned = self._end_tokens() if request.ignore_eos else ()
        chain = RowChain(s, seed, self._n_vocab, banned)
        want = max(0, request.top_logprobs)
        pieces = self._pieces
        assert pieces is not None
        reader = RowReader(self._ctx, self._n_vocab, lambda t: pieces.piece(t).decode("utf-8", "replace")) if want else None
        threads = self._threads
        if not engine.fixed_threads:
            threads = cpu_share.fair_threads(engine.info.n_threads)
        if threads != self._threads:
            llama_cpp.llama_set_n_threads(self._ctx, threads, threads)
            self._threads = threads
        stops = tuple(dict.fromkeys((*rendered.stops, *(x for x in request.stop if x))))
        reply = Reply(job, seq, tokens, dropped, max_new, stops, seed, chain, reader, want, warning, threads)
        chain.accept_all(tokens)
        mem = llama_cpp.llama_get_memory(self._ctx)
        # The slot's previous prompt and reply stay in its KV: a prompt that starts the same way
        # (the same system prompt, the next turn of a chat, a repeated request) evaluates only the
        # rest, as llama-server's prompt cache and the engine's own prefix reuse do. The last
        # position is always evaluated, so its logits are fresh.
        reuse = min(common_prefix(self._cached[seq], tokens), len(tokens) - 1)
        llama_cpp.llama_memory_seq_rm(mem, seq, reuse, -1)
        reply.kv = tokens[:reuse]
        reply.reused = reuse
        self._cached[seq] = []  # in use: known again when the reply ends
        spans = KVState(chunk=self._chunk).chunks(reuse, len(tokens))
        for s0, e0 in spans:
            if job.stop.is_set():
                self._end(reply, "user", None, register=False)
                return None
            for i in range(s0, e0):
                self._batch.put(i - s0, tokens[i], i, seq, i == e0 - 1)
            rc = self._batch.decode(self._ctx, e0 - s0)
            if rc != 0:
                llama_cpp.llama_memory_seq_rm(mem, seq, -1, -1)
                chain.close()
                raise GenerationError(msg("llama.cpp could not evaluate the prompt (llama_decode returned {rc}).", rc=rc))
            reply.kv.extend(tokens[s0:e0])
            reply.chunks += 1
            reply.index = e0 - s0 - 1
        reply.pos = len(tokens)
        if max_new <= 0:
            self._end(reply, "length", None, register=False)
            return None
        if job.stop.is_set():
            self._end(reply, "user", None, register=False)
            return None
        return reply

    def _flush(self, replies: list[Reply] | None = None) -> None:
        """Send the replies' queued text to their clients. Called right before a decode step,
        which releases the GIL at once, so the event loop sends while the step computes."""
        if replies is None:
            with self._cond:
                replies = list(self._replies)
        for r in replies:
            gen = r.job.generation
            if gen is not None and gen.flush is not None:
                gen.flush()

    def _free_seq(self, tokens: list[int]) -> int:
        """The free slot whose KV shares the longest prefix with ``tokens`` (then the emptiest)."""
        with self._cond:
            used = {r.seq for r in self._replies}
        free = [i for i in range(self.n_slots) if i not in used]
        return max(free, key=lambda i: (common_prefix(self._cached[i], tokens), -len(self._cached[i])))

    def _end_tokens(self) -> tuple[int, ...]:
        if self._eog is None:
            self._eog = tuple(t for t in range(self._n_vocab) if llama_cpp.llama_vocab_is_eog(self._vocab, t))
        return self._eog

    def _advance(self, r: Reply) -> None:
        """Sample this reply's next token from its row of the last decode, and show its text."""
        gen = r.job.generation
        assert gen is not None and self._pieces is not None
        if r.reader is not None:
            r.reader.index = r.index
            logits, log_z, alts = r.reader.alternatives(r.want)
        token = r.chain.sample_at(self._ctx, r.index)
        if r.first is None:
            r.first = time.perf_counter()
        if llama_cpp.llama_vocab_is_eog(self._vocab, token):
            self._end(r, "end", None)
            return
        r.produced += 1
        piece = self._pieces.piece(token)
        text = r.decoder.feed(piece)
        r.decoded_len += len(text)
        if r.reader is not None:
            tp = TokenProb(token, piece.decode("utf-8", "replace"), probability(logits, log_z, token), r.decoded_len, alts)
            r.probs.append(tp)
            if gen.on_token is not None:
                gen.on_token(tp)
        r.pending += text
        out, r.pending, hit = _split_stop(r.pending, r.stops)
        if out:
            r.shown.append(out)
            gen.on_text(out)
        if hit:
            self._end(r, "end", None)
        elif r.produced >= r.max_new:
            self._end(r, "length", None)
        else:
            r.next_token = token

    def _step(self) -> None:
        """One llama_decode with the next token of every running reply, then each samples."""
        assert self._batch is not None
        with self._cond:
            replies = list(self._replies)
        live = []
        for r in replies:
            if r.job.stop.is_set():
                self._end(r, "user", None)
            else:
                live.append(r)
        if not live:
            return
        for i, r in enumerate(live):
            self._batch.put(i, r.next_token, r.pos, r.seq, True)
            r.index = i
        self._flush(live)
        rc = self._batch.decode(self._ctx, len(live))
        self.steps += 1
        self.widest = max(self.widest, len(live))
        if rc != 0:
            for r in live:
                r.kv = []  # what the failed step left in the KV is unknown: keep nothing
                self._end(r, "error", f"llama.cpp failed while generating (llama_decode returned {rc}).")
            return
        for r in live:
            r.kv.append(r.next_token)
            r.pos += 1
            self._advance_or_fail(r)

    def _advance_or_fail(self, r: Reply) -> None:
        """``_advance``; a failure there (a callback's, a logits read's) fails this reply only."""
        try:
            self._advance(r)
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting request; the others go on
            with self._cond:
                if r in self._replies:
                    self._replies.remove(r)
            r.chain.close()
            llama_cpp.llama_memory_seq_rm(llama_cpp.llama_get_memory(self._ctx), r.seq, -1, -1)
            self._cached[r.seq] = []
            self._fail(r.job, exc)

    def _end(self, r: Reply, reason: str, error: str | None, register: bool = True) -> None:
        """Finish a reply: the held-back text, its result, its slot's KV and sampler freed."""
        gen = r.job.generation
        assert gen is not None
        if reason != "end" or not r.stops:
            tail = r.pending + r.decoder.flush()
            tail, _, _ = _split_stop(tail, r.stops)
            if tail:
                r.shown.append(tail)
                gen.on_text(tail)
        r.chain.close()
        # The slot keeps what its KV holds (prompt and decoded reply) for the next prompt that
        # shares a prefix with it; anything past that is removed.
        llama_cpp.llama_memory_seq_rm(llama_cpp.llama_get_memory(self._ctx), r.seq, len(r.kv), -1)
        self._cached[r.seq] = r.kv
        if register:
            with self._cond:
                if r in self._replies:
                    self._replies.remove(r)
        ended = time.perf_counter()
        gen_s = ended - (r.first or ended)
        info = self.slot.engine.info
        provenance = {
            **build_facts(),
            "threads": r.threads,
            "threads_max": info.n_threads if info is not None else r.threads,
            "threads_varied": False,
            "gpu_layers": info.n_gpu_layers if info is not None else 0,
            "n_ctx": info.n_ctx if info is not None else 0,
            "eval_chunk": self._chunk,
            "prompt_reused_tokens": r.reused,
            "prompt_chunks": r.chunks,
            "parallel_slots": self.n_slots,
        }
        result = GenerationResult(
            request_id=gen.request.request_id,
            text="".join(r.shown),
            stop_reason=reason,
            prompt_tokens=len(r.tokens),
            completion_tokens=r.produced,
            cached_tokens=r.reused,
            ttft_ms=((r.first or ended) - r.started) * 1000,
            tokens_per_s=(r.produced - 1) / gen_s if r.produced > 1 and gen_s > 0 else 0.0,
            total_ms=(ended - r.started) * 1000,
            seed=r.seed,
            dropped_messages=r.dropped,
            error=error,
            warning=r.warning,
            provenance=tuple(provenance.items()),
            tokens=tuple(r.probs),
        )
        self._end_job(r.job, result)

    def _end_job(self, job: Job, result: GenerationResult | None) -> None:
        gen = job.generation
        assert gen is not None
        try:
            job.result = gen.finish(result)
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting request
            job.error = exc
            self._finish(job, FAILED)
            return
        self._finish(job, STOPPED if job.stop.is_set() and job.stop_reason else DONE)

    def _fail(self, job: Job, exc: BaseException) -> None:
        gen = job.generation
        job.error = exc
        if gen is not None:
            try:
                gen.fail(exc)
            except Exception:
                log.exception("request %s: recording the failure failed", job.id)
        self._finish(job, FAILED)
