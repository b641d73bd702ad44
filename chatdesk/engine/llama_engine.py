"""The local engine: one object owns one llama.cpp model and context. No Qt.

Why generation drives llama.cpp's C API directly (``llama_decode`` + a ``llama_sampler`` chain)
instead of ``Llama.generate``/``create_chat_completion``:

* speed: the high-level path copies a vocabulary-sized logits row into numpy and rebuilds
  sampler state per token; here each token is one decode call, one sample call and a dictionary
  lookup for its text, which streams at llama.cpp's own CLI speed (``benchmarks/stream_throughput.py``);
* reproducibility: the engine knows which decode call computed each cached position (``kv_plan``)
  and evaluates a prompt in chunks cut at fixed positions, so "regenerate with the same settings"
  can evaluate the prompt exactly as the original reply did (llama.cpp's sums depend on the batch
  split on some CPUs), or report that it cannot;
* control: Stop within one token (a ``threading.Event`` per token, llama.cpp's abort callback
  while a prompt is evaluated), exact budgeting against the *trained* context (learned-position
  models abort the process past it), our own detokenizer (long pieces, split UTF-8), stop strings
  for plain-transcript models, and the model's own next-token probabilities when asked.
``Llama(...)`` is still used to create the model and context and to tokenize.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import logging
import os
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import llama_cpp
import llama_cpp.llama_cpp as llama_lowlevel
from llama_cpp import Llama

from chatdesk.engine import cpu_share
from chatdesk.engine.base import TokenCallback
from chatdesk.engine.build_info import build_facts
from chatdesk.engine.detokenize import PieceDecoder, StreamDecoder
from chatdesk.engine.errors import ContextOverflowError, GenerationError, ModelLoadError
from chatdesk.engine.gguf_check import GGUFSummary, check_gguf
from chatdesk.engine.history import MIN_REPLY_TOKENS, kept, reply_reserve, split_system
from chatdesk.engine.kv_plan import EVAL_CHUNK, KVState, ReusePlan
from chatdesk.engine.prompt import PlainPrompt, RenderedPrompt, TemplatePrompt
from chatdesk.engine.sampling import SamplerChain
from chatdesk.engine.token_probs import LogitReader, probability
from chatdesk.engine.turns import TurnGate
from chatdesk.engine.types import (
    ChatMessage,
    GenerationRequest,
    GenerationResult,
    LoadSettings,
    LocalSource,
    ModelInfo,
    PromptFormat,
    PromptPlan,
    TokenProb,
)
from chatdesk.engine.unknown_chars import left_out_warning, missing_characters
from translatable import Text, msg

log = logging.getLogger(__name__)

DECODE_ABORTED = 2

# ----------------------------------------------------------------------------- llama.cpp logging
_llama_log: deque[str] = deque(maxlen=200)


@llama_lowlevel.llama_log_callback
def _log_callback(level: int, text: bytes, _user: ctypes.c_void_p) -> None:
    message = text.decode("utf-8", "replace")
    _llama_log.append(message)
    if level == 3:  # GGML_LOG_LEVEL_ERROR
        log.debug("llama.cpp: %s", message.rstrip())


FUSED_ATTENTION = False  # see LlamaEngine.load


def install_log_capture() -> None:
    """Route llama.cpp's log into a ring buffer so load failures can quote the real reason."""
    llama_lowlevel.llama_log_set(_log_callback, ctypes.c_void_p(0))


class _LeaveStreamsAlone:
    """Stands in for llama-cpp-python's ``suppress_stdout_stderr``, doing nothing.

    To keep a quiet (``verbose=False``) load quiet, llama-cpp-python points file descriptors 1
    and 2 at /dev/null and swaps ``sys.stdout``/``sys.stderr`` for the whole process while the
    model loads. The window's thread keeps running meanwhile, so whatever it (or any thread)
    wrote then was lost: a warning, a traceback, the single-instance notice (found by
    tests/test_single_instance.py failing one run in six). llama.cpp's own log already goes to
    ``_log_callback``, so that silencing buys nothing here.
    """

    def __init__(self, disable: bool = True) -> None:
        pass

    def __enter__(self) -> _LeaveStreamsAlone:
        return self

    def __exit__(self, *_exc: object) -> None:
        return None


def leave_process_streams_alone() -> None:
    """Install ``_LeaveStreamsAlone`` where llama-cpp-python looks up its silencer (idempotent)."""
    import llama_cpp._internals as internals
    import llama_cpp.llama as high_level

    for module in (internals, high_level):
        if hasattr(module, "suppress_stdout_stderr"):
            module.suppress_stdout_stderr = _LeaveStreamsAlone  # type: ignore[attr-defined]  # hasattr checked it above; the stubs do not declare it


leave_process_streams_alone()


def _last_llama_errors() -> str:
    lines = [ln.strip() for ln in _llama_log if ln.strip()]
    words = ("error", "failed", "wrong", "unknown", "invalid", "cannot", "missing")
    interesting = [ln for ln in lines if any(w in ln.lower() for w in words)]
    return "; ".join((interesting or lines)[-2:])


# ----------------------------------------------------------------------------- helpers
def physical_cores() -> int:
    """Physical cores (llama.cpp is slower with hyper-threads); falls back to os.cpu_count()."""
    try:
        pairs = set()
        phys = core = None
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("physical id"):
                    phys = line.split(":")[1].strip()
                elif line.startswith("core id"):
                    core = line.split(":")[1].strip()
                elif not line.strip():
                    if core is not None:
                        pairs.add((phys, core))
                    phys = core = None
        if pairs:
            return max(1, min(len(pairs), cpu_share.usable_cpus()))
    except OSError:
        pass
    return cpu_share.usable_cpus()


@contextlib.contextmanager
def _load_progress(callback: Callable[[float], None] | None) -> Iterator[None]:
    """Hand llama.cpp a progress callback while ``Llama(...)`` builds its model params.

    llama-cpp-python has no argument for it, so we wrap the default-params factory it calls
    for the duration of one load (the engine is only ever used from one thread).
    """
    if callback is None:
        yield
        return
    original = llama_lowlevel.llama_model_default_params

    @llama_lowlevel.llama_progress_callback
    def progress(fraction: float, _user: ctypes.c_void_p) -> bool:
        # Runs inside a ctypes callback: keep it to plain Python (no Qt signal emission here).
        try:
            callback(float(fraction))
        except Exception:
            log.exception("progress callback failed")
        return True

    def params_with_progress():
        params = original()
        params.progress_callback = progress
        return params

    llama_lowlevel.llama_model_default_params = params_with_progress
    try:
        yield
    finally:
        llama_lowlevel.llama_model_default_params = original


def _split_stop(pending: str, stops: Sequence[str]) -> tuple[str, str, bool]:
    """Return (text safe to show, text to hold back, stop string hit?)."""
    if not stops:
        return pending, "", False
    cut = min((i for i in (pending.find(s) for s in stops) if i >= 0), default=-1)
    if cut >= 0:
        return pending[:cut], "", True
    hold = 0
    for s in stops:
        for k in range(min(len(s) - 1, len(pending)), 0, -1):
            if pending.endswith(s[:k]):
                hold = max(hold, k)
                break
    if hold:
        return pending[:-hold], pending[-hold:], False
    return pending, "", False


class _Batch:
    """One reusable ``llama_batch`` for sequence 0: fill, decode, repeat."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        b = self._batch = llama_cpp.llama_batch_init(capacity, 0, 1)
        # Every token is in sequence 0: set once. Each access to a ctypes struct's pointer field
        # builds a new pointer object, so the per-token fields are fetched once as well.
        for i in range(capacity):
            b.n_seq_id[i] = 1
            b.seq_id[i][0] = 0
        self._token, self._pos, self._logits = b.token, b.pos, b.logits

    def decode(self, ctx: llama_cpp.llama_context_p, tokens: Sequence[int], start: int, want_logits: bool) -> int:
        n = len(tokens)
        assert 0 < n <= self.capacity
        token, pos, logits = self._token, self._pos, self._logits
        for i, tok in enumerate(tokens):
            token[i] = tok
            pos[i] = start + i
            logits[i] = 0
        logits[n - 1] = 1 if want_logits else 0
        self._batch.n_tokens = n
        return llama_cpp.llama_decode(ctx, self._batch)

    def free(self) -> None:
        if self._batch is not None:
            llama_cpp.llama_batch_free(self._batch)
            self._batch = None


# ----------------------------------------------------------------------------- engine
class LlamaEngine:
    """Load one GGUF at a time and stream replies from it. One owner thread, except ``plan``."""

    kind = "local"

    def __init__(self, check_cache: Path | None = None) -> None:
        self._check_cache = check_cache
        self._llm: Llama | None = None
        self._info: ModelInfo | None = None
        self._summary: GGUFSummary | None = None
        self._pieces: PieceDecoder | None = None
        self._template: TemplatePrompt | None = None
        self._batch: _Batch | None = None
        self._kv = KVState()
        self._fixed_threads = False  # the user chose a thread count: never adapt it
        self._flash_attn = False  # llama.cpp's fused attention kernel is in use
        self._threads = 1
        self._active_stop: threading.Event | None = None
        self._model_lock = threading.RLock()  # plan() on other threads vs load/unload here
        self.prompt_aborts = 0  # prompt evaluations cut short by Stop (observable in tests)
        # Called with (positions evaluated, prompt length) after each prompt chunk.
        self.prompt_progress: Callable[[int, int], None] | None = None
        self._abort_cb: ctypes._CFunctionType | None = None
        # Shared with the window? The server's replies offer the engine back between tokens
        # (chatdesk/engine/turns.py); None: this engine has one user.
        self.turns: TurnGate | None = None
        self._eog: tuple[int, ...] | None = None
        self._is_eog: dict[int, bool] = {}  # token id -> end of generation? (filled as tokens are sampled)
        install_log_capture()

    # -- loading -------------------------------------------------------------------------
    @property
    def info(self) -> ModelInfo | None:
        return self._info

    @property
    def loaded(self) -> bool:
        return self._llm is not None

    def load_source(self, source: LocalSource, progress: Callable[[float], None] | None = None) -> ModelInfo:
        return self.load(source.path, source.settings, progress)

    def load(
        self,
        path: str | os.PathLike[str],
        settings: LoadSettings = LoadSettings(),
        progress: Callable[[float], None] | None = None,
    ) -> ModelInfo:
        """Check the file, then load it. A file that fails the check leaves the old model loaded."""
        started = time.perf_counter()
        summary = check_gguf(path, self._check_cache)  # raises ModelFileError before llama.cpp
        self.unload()
        n_ctx = max(64, min(settings.n_ctx, summary.context_length))
        gpu = llama_cpp.llama_supports_gpu_offload()
        n_gpu_layers = settings.n_gpu_layers if settings.n_gpu_layers is not None else (-1 if gpu else 0)
        threads = settings.n_threads or physical_cores()
        self._fixed_threads = settings.n_threads is not None
        _llama_log.clear()
        llm = None
        try:
            # llama.cpp's fused attention (llama-completion's default on the CPU) costs about a
            # tenth less CPU per token (benchmarks/stream_throughput.py), but with it the engine's
            # probabilities moved with what the shared engine had done before: in a random-order
            # CI run the first token's probability was 0.1601 where a fresh engine gives 0.1648, and
            # a greedy reply changed. Reproducing a reply from its seed matters more here, so the
            # window's engine keeps it off (the server's parallel slots use it; their replies are
            # not reproduced). FUSED_ATTENTION turns it back on once that is understood.
            for flash in ((True, False) if FUSED_ATTENTION else (False,)):
                try:
                    with _load_progress(progress):
                        llm = Llama(
                            model_path=str(summary.path),
                            n_ctx=n_ctx,
                            n_batch=min(settings.n_batch, n_ctx),
                            n_threads=threads,
                            n_threads_batch=threads,
                            n_gpu_layers=n_gpu_layers,
                            flash_attn=flash,
                            seed=secrets.randbits(32),
                            verbose=False,
                        )
                    self._flash_attn = flash
                    break
                except (ValueError, RuntimeError, OSError):
                    if not flash:
                        raise
                    _llama_log.clear()
        except (ValueError, RuntimeError, OSError) as exc:
            detail = _last_llama_errors()
            name = Path(summary.path).name
            if detail:
                raise ModelLoadError(msg("llama.cpp could not load {file}: {detail}. The file may be damaged or use an "
                                         "architecture this version does not support.", file=name, detail=detail)) from exc
            raise ModelLoadError(msg("llama.cpp could not load {file} ({error}). The file may be damaged or use an "
                                     "architecture this version does not support.", file=name, error=str(exc))) from exc
        assert llm is not None
        install_log_capture()  # Llama() re-installs llama-cpp-python's own logger
        vocab = llama_lowlevel.llama_model_get_vocab(llm.model)
        with self._model_lock:
            self._llm = llm
            self._summary = summary
            self._pieces = PieceDecoder(vocab)
            self._template = None
            if summary.chat_template:
                self._template = TemplatePrompt(
                    summary.chat_template,
                    bos_text=self._special_text(summary.bos_token_id),
                    eos_text=self._special_text(summary.eos_token_id),
                )
        self._kv.chunk = min(EVAL_CHUNK, llm.n_batch)  # a chunk must fit in one llama_decode batch
        self._batch = _Batch(self._kv.chunk)
        self._threads = threads
        self._kv.clear()
        self._abort_cb = llama_lowlevel.ggml_abort_callback(self._should_abort)
        self._info = ModelInfo(
            path=str(summary.path),
            name=summary.name,
            architecture=summary.architecture,
            context_length=summary.context_length,
            n_ctx=n_ctx,
            has_chat_template=self._template is not None,
            template_source="gguf" if self._template else "plain transcript",
            template_sha256=hashlib.sha256(summary.chat_template.encode()).hexdigest() if summary.chat_template else None,
            quantization=summary.file_type,
            size_bytes=summary.size_bytes,
            n_params=summary.n_params,
            n_gpu_layers=n_gpu_layers if gpu else 0,
            n_threads=threads,
            flash_attn=self._flash_attn,
            load_ms=(time.perf_counter() - started) * 1000,
            metadata={k: str(v) for k, v in summary.metadata.items() if k.startswith(("general.", "chatdesk."))},
        )
        return self._info

    def _use_threads(self, wanted: int) -> int:
        """Run llama.cpp with ``wanted`` threads from the next decode on (results do not change)."""
        assert self._llm is not None and self._info is not None
        wanted = max(1, min(wanted, self._info.n_threads))
        if wanted != self._threads:
            llama_lowlevel.llama_set_n_threads(self._llm.ctx, wanted, wanted)
            self._threads = wanted
        return wanted

    def _share(self) -> int:
        """Threads for the next stretch of work: all allowed, or the free cores if the machine is
        busy with other programs (see cpu_share)."""
        assert self._info is not None
        return self._info.n_threads if self._fixed_threads else cpu_share.fair_threads(self._info.n_threads)

    def _watch_prompt(self, on: bool) -> None:
        """Let Stop interrupt prompt evaluation; off while sampling.

        ggml polls the abort callback between graph nodes — hundreds of times per token, each
        taking the GIL — so it is installed only while a prompt is evaluated. During sampling
        the per-token check of the stop Event already stops within one token.
        """
        assert self._llm is not None
        cb = self._abort_cb if on else llama_lowlevel.ggml_abort_callback()
        llama_lowlevel.llama_set_abort_callback(self._llm.ctx, cb, None)

    def _should_abort(self, _data: object) -> bool:
        stop = self._active_stop
        return stop is not None and stop.is_set()

    def _special_text(self, token_id: int | None) -> str:
        if token_id is None or self._pieces is None:
            return ""
        return self._pieces.piece(token_id, special=True).decode("utf-8", "replace")

    def unload(self) -> None:
        with self._model_lock:
            if self._batch is not None:
                self._batch.free()
                self._batch = None
            if self._llm is not None:
                self._llm.close()
            self._llm = None
            self._info = None
            self._pieces = None
            self._template = None
            self._abort_cb = None
            self._eog = None
            self._is_eog = {}
            self._kv.clear()

    # -- prompts -------------------------------------------------------------------------
    def _renderer(self, fmt: PromptFormat | None) -> TemplatePrompt | PlainPrompt:
        """The model's own chat template when it has one; ``fmt`` is for models without one."""
        if self._template is not None and not (fmt is not None and fmt.override_template):
            return self._template
        return PlainPrompt(fmt or PromptFormat())

    def tokenize(self, rendered: RenderedPrompt) -> list[int]:
        assert self._llm is not None
        return self._llm.tokenize(rendered.text.encode("utf-8"), add_bos=rendered.add_bos, special=rendered.special)

    def fit(
        self,
        messages: Sequence[ChatMessage],
        max_tokens: int,
        fmt: PromptFormat | None = None,
        assistant_prefix: str = "",
        prefix_tokens: Sequence[int] = (),
        context_limit: int | None = None,
    ) -> tuple[list[int], RenderedPrompt, int, int]:
        """Choose the newest history that fits: (tokens, rendered, dropped messages, reply budget).

        The trimming rule is ``chatdesk.engine.history``'s, shared with the remote engine and the
        context meter; here the count is searched with exact token counts. The budget is the *trained* context (or a smaller per-chat limit), never llama.cpp's
        padded n_ctx. ``prefix_tokens``, when given, are the exact ids of ``assistant_prefix``.
        """
        assert self._info is not None
        renderer = self._renderer(fmt)
        budget = min(self._info.n_ctx, context_limit) if context_limit else self._info.n_ctx
        reserve = reply_reserve(max_tokens, budget)
        system, rest = split_system(messages)
        roles = [m.role for m in rest]
        sep = " " if isinstance(renderer, PlainPrompt) and renderer.fmt.mode == "chat" and assistant_prefix else ""

        def attempt(drop: int) -> tuple[list[int], RenderedPrompt, int]:
            """Render without the ``drop`` oldest messages (and an answer whose question went)."""
            stay = kept(rest, roles, drop)
            left_out = len(rest) - len(stay)
            rendered = renderer.render(system + stay)
            if prefix_tokens:
                base = rendered if not sep else replace(rendered, text=rendered.text + sep)
                return self.tokenize(base) + list(prefix_tokens), replace(rendered, text=base.text + assistant_prefix), left_out
            if assistant_prefix:
                rendered = replace(rendered, text=rendered.text + sep + assistant_prefix)
            return self.tokenize(rendered), rendered, left_out

        tokens, rendered, dropped = attempt(0)
        if len(tokens) + reserve > budget:
            lo, hi = 1, len(rest) - 1
            best: tuple[list[int], RenderedPrompt, int] | None = None
            while lo <= hi:
                mid = (lo + hi) // 2
                t, r, n = attempt(mid)
                if len(t) + reserve <= budget:
                    best = (t, r, n)
                    hi = mid - 1
                else:
                    lo = mid + 1
            if best is None:
                t, r, n = attempt(len(rest) - 1)
                if len(t) + MIN_REPLY_TOKENS > budget:
                    raise ContextOverflowError(msg(
                        "This message is too long for the model: it needs {needed} tokens, but the model's "
                        "context holds {budget}. Shorten it or split it up.", needed=len(t), budget=budget
                    ))
                best = (t, r, n)
            tokens, rendered, dropped = best
        reply_budget = min(max_tokens, budget - len(tokens))
        return tokens, rendered, dropped, reply_budget

    def plan(
        self,
        messages: Sequence[ChatMessage],
        max_tokens: int,
        fmt: PromptFormat | None = None,
        assistant_prefix: str = "",
        context_limit: int | None = None,
    ) -> PromptPlan:
        """The context meter's question, answered with the model's tokenizer (any thread)."""
        with self._model_lock:
            if self._info is None:
                raise GenerationError(msg("No model is loaded."))
            tokens, _r, dropped, budget = self.fit(messages, max_tokens, fmt, assistant_prefix, (), context_limit)
            context = min(self._info.n_ctx, context_limit) if context_limit else self._info.n_ctx
            assert self._llm is not None
            unknown = self._unrepresentable(messages, PieceDecoder(llama_lowlevel.llama_model_get_vocab(self._llm.model)))
            return PromptPlan(len(tokens), context, budget, dropped, unknown_characters=unknown)

    # -- sharing the loaded model (the server's parallel decoder, chatdesk/server/slots.py) --
    @property
    def llama(self) -> Llama | None:
        """The loaded ``llama_cpp.Llama`` (its model can back another context), or None."""
        return self._llm

    @property
    def fixed_threads(self) -> bool:
        """True when the user chose the thread count (never adapt it to the machine's load)."""
        return self._fixed_threads

    def prompt_for(self, request: GenerationRequest) -> tuple[list[int], RenderedPrompt, int, int, Text | None]:
        """``generate``'s prompt for ``request`` (any thread): (tokens, rendered, dropped messages,
        reply budget, warning about characters the vocabulary cannot encode)."""
        with self._model_lock:
            if self._info is None:
                raise GenerationError(msg("No model is loaded."))
            s = request.sampling
            tokens, rendered, dropped, budget = self.fit(
                request.messages, s.max_tokens, request.prompt_format, request.assistant_prefix,
                request.prefix_tokens, request.context_limit,
            )
            assert self._llm is not None
            unknown = self._unrepresentable(request.messages, PieceDecoder(llama_lowlevel.llama_model_get_vocab(self._llm.model)))
            return tokens, rendered, dropped, budget, (left_out_warning(unknown) if unknown else None)

    def _unrepresentable(self, messages: Sequence[ChatMessage], pieces: PieceDecoder | None = None) -> tuple[str, ...]:
        """Characters of the newest user message that the vocabulary cannot encode
        (``unknown_chars``: llama.cpp would silently leave them out). ``pieces``: a decoder of
        the caller's own when another thread may be generating (the shared one is not
        thread-safe)."""
        assert self._llm is not None and self._pieces is not None
        last = next((m.content for m in reversed(messages) if m.role == "user"), "")
        if not last:
            return ()
        ids = self._llm.tokenize(last.encode("utf-8"), add_bos=False, special=False)
        return missing_characters(last, (pieces or self._pieces).text(ids))

    # -- generation ----------------------------------------------------------------------
    def _evaluate_prompt(
        self, tokens: list[int], stop: threading.Event, hint: tuple[int, str] | None
    ) -> tuple[ReusePlan, str, int, str | None]:
        """Bring the KV cache to exactly ``tokens``: (reuse plan, fingerprint of the reused prefix,
        chunks evaluated, stop reason or None)."""
        assert self._llm is not None and self._batch is not None
        ctx = self._llm.ctx
        kv = self._kv
        plan = kv.plan(tokens, hint)
        reused = plan.reuse
        state = kv.fingerprint(reused)
        llama_lowlevel.llama_memory_seq_rm(llama_lowlevel.llama_get_memory(ctx), 0, reused, -1)
        kv.truncate(reused)
        spans = kv.chunks(reused, len(tokens))
        self._watch_prompt(True)
        try:
            for i, (s, e) in enumerate(spans):
                if stop.is_set():
                    return plan, state, i, "user"
                if i and self._offer_turn():
                    return plan, state, i, "preempted"
                rc = self._batch.decode(ctx, tokens[s:e], s, want_logits=(e == len(tokens)))
                if rc != 0:
                    llama_lowlevel.llama_memory_seq_rm(llama_lowlevel.llama_get_memory(ctx), 0, s, -1)
                    kv.truncate(s)
                    if rc == DECODE_ABORTED and stop.is_set():
                        self.prompt_aborts += 1
                        return plan, state, i, "user"
                    raise GenerationError(msg("llama.cpp could not evaluate the prompt (llama_decode returned {rc}).", rc=rc))
                kv.computed(s, tokens[s:e], kv.new_call())
                if self.prompt_progress is not None:
                    self.prompt_progress(e, len(tokens))
        finally:
            self._watch_prompt(False)
        return plan, state, len(spans), None

    def _end_tokens(self, vocab: object, n_vocab: int) -> tuple[int, ...]:
        """The model's end-of-generation tokens (computed once per model)."""
        if self._eog is None:
            self._eog = tuple(t for t in range(n_vocab) if llama_lowlevel.llama_vocab_is_eog(vocab, t))
        return self._eog

    def _offer_turn(self) -> bool:
        """Let a waiting window reply go first (see turns.py); True if the KV cache changed meanwhile."""
        gate = self.turns
        return gate is not None and gate.offer()

    def _evaluate_until_done(
        self, tokens: list[int], stop: threading.Event, hint: tuple[int, str] | None
    ) -> tuple[ReusePlan, str, int, str | None]:
        """``_evaluate_prompt``, started again after each pause for the window."""
        llm = self._llm
        while True:
            if self._llm is not llm:
                raise GenerationError(msg("The model was unloaded while this reply was paused."))
            self._active_stop = stop
            result = self._evaluate_prompt(tokens, stop, hint)
            if result[3] != "preempted":
                return result

    def generate(
        self,
        request: GenerationRequest,
        stop: threading.Event,
        on_text: Callable[[str], None],
        on_token: TokenCallback | None = None,
    ) -> GenerationResult:
        """Stream one reply, calling ``on_text`` with each newly complete piece of text."""
        if self._llm is None or self._info is None or self._pieces is None or self._batch is None:
            raise GenerationError(msg("No model is loaded."))
        llm = self._llm
        s = request.sampling
        started = time.perf_counter()
        tokens, rendered, dropped, max_new = self.fit(
            request.messages, s.max_tokens, request.prompt_format, request.assistant_prefix,
            request.prefix_tokens, request.context_limit,
        )
        unknown = self._unrepresentable(request.messages)
        warning = left_out_warning(unknown) if unknown else None
        seed = s.seed if s.seed is not None else secrets.randbits(32)
        ctx = llm.ctx
        vocab = llama_lowlevel.llama_model_get_vocab(llm.model)
        n_vocab = llm.n_vocab()
        pieces_of = self._pieces.piece
        eog = self._is_eog
        decoder = StreamDecoder()
        shown: list[str] = []
        probs: list[TokenProb] = []
        pending = ""
        decoded_len = 0
        first: float | None = None
        produced = 0
        reason = "length"
        error: str | None = None
        want = max(0, request.top_logprobs)
        reader = LogitReader(ctx, n_vocab, lambda t: pieces_of(t).decode("utf-8", "replace")) if want else None
        kv = self._kv
        self._active_stop = stop
        reused = chunks = 0
        plan = ReusePlan(0, None)
        state = ""
        threads_used = {self._use_threads(self._share())}
        first_threads = self._threads
        stops = tuple(dict.fromkeys((*rendered.stops, *(x for x in request.stop if x))))
        reply_ids: list[int] = []
        next_check = time.monotonic() + cpu_share.RECHECK_S
        pending_threads = self._threads
        try:
            plan, state, chunks, stopped = self._evaluate_until_done(tokens, stop, request.reuse_hint)
            reused = plan.reuse
            if stopped:
                reason = "user"
            elif max_new <= 0:
                reason = "length"
            else:
                banned = self._end_tokens(vocab, n_vocab) if request.ignore_eos else ()
                with SamplerChain(s, seed, n_vocab, banned) as chain:
                    chain.accept_all(tokens)
                    while True:
                        if stop.is_set():
                            reason = "user"
                            break
                        if reader is not None:
                            logits, log_z, alts = reader.alternatives(want)
                        token = chain.sample(ctx)
                        if first is None:
                            first = time.perf_counter()
                        end = eog.get(token)
                        if end is None:  # asked once per token id: one ctypes call (and GIL hand-off) less per token
                            end = eog[token] = bool(llama_lowlevel.llama_vocab_is_eog(vocab, token))
                        if end:
                            reason = "end"
                            break
                        produced += 1
                        piece = pieces_of(token)
                        text = decoder.feed(piece)
                        decoded_len += len(text)
                        if reader is not None:
                            tp = TokenProb(token, piece.decode("utf-8", "replace"), probability(logits, log_z, token), decoded_len, alts)
                            probs.append(tp)
                            if on_token is not None:
                                on_token(tp)
                        pending += text
                        out, pending, hit = _split_stop(pending, stops)
                        if out:
                            shown.append(out)
                            on_text(out)
                        if hit:
                            reason = "end"
                            break
                        if produced >= max_new:
                            reason = "length"
                            break
                        if not self._fixed_threads and time.monotonic() >= next_check:
                            # Follow the machine's load; act on two agreeing looks, not one.
                            now_free = cpu_share.fair_threads(self._info.n_threads, samples=1)
                            if now_free == pending_threads:
                                threads_used.add(self._use_threads(now_free))
                            pending_threads = now_free
                            next_check = time.monotonic() + cpu_share.RECHECK_S
                        reply_ids.append(token)
                        if self._offer_turn():  # the window replied meanwhile: rebuild this reply's cache
                            if self._llm is not llm:
                                reason = "error"
                                error = msg("The model was unloaded while this reply was paused.")
                                break
                            _p, _s, _c, halted = self._evaluate_until_done(tokens + reply_ids, stop, None)
                            threads_used.add(self._use_threads(self._share()))
                            if halted:
                                reason = "user"
                                break
                            continue
                        rc = self._batch.decode(ctx, (token,), len(kv.tokens), True)
                        if rc != 0:
                            reason = "error"
                            error = f"llama.cpp failed while generating (llama_decode returned {rc})."
                            break
                        kv.computed(len(kv.tokens), (token,), kv.new_call())
        finally:
            self._active_stop = None
        if reason != "end" or not stops:
            tail = pending + decoder.flush()
            tail, _, _ = _split_stop(tail, stops)
            if tail:
                shown.append(tail)
                on_text(tail)
        ended = time.perf_counter()
        ttft = ((first or ended) - started) * 1000
        gen_s = ended - (first or ended)
        info = self._info
        reproduction = {} if plan.exact is None else {"reproduced_exactly": plan.exact, "reproduction_note": plan.reason}
        provenance = {
            **reproduction,
            **build_facts(),
            "threads": first_threads,
            "threads_max": info.n_threads,
            "threads_varied": len(threads_used) > 1,
            "gpu_layers": info.n_gpu_layers,
            "flash_attn": info.flash_attn,  # changes the last bits of the logits: part of reproducing a reply
            "n_ctx": info.n_ctx,
            "eval_chunk": kv.chunk,
            "prompt_reused_tokens": reused,
            "prompt_state": state,  # how the reused positions were computed (see kv_plan)
            "prompt_chunks": chunks,
        }
        return GenerationResult(
            request_id=request.request_id,
            text="".join(shown),
            stop_reason=reason,
            prompt_tokens=len(tokens),
            completion_tokens=produced,
            cached_tokens=reused,
            ttft_ms=ttft,
            tokens_per_s=(produced - 1) / gen_s if produced > 1 and gen_s > 0 else 0.0,
            total_ms=(ended - started) * 1000,
            seed=seed,
            dropped_messages=dropped,
            error=error,
            warning=warning,
            provenance=tuple(provenance.items()),
            tokens=tuple(probs),
        )
