"""One evaluation of a token sequence with llama.cpp's eval callback, recording its insides.

Why its own llama.cpp context, in this process: the inspector must never disturb the chat's
``Llama`` object, its KV cache or its prompt-reuse bookkeeping, and it needs settings the chat does
not use (flash attention off so the softmaxed attention exists as a node, every position's
output requested so the last layer is not pruned, an F32 KV cache so the weights match PyTorch
closely). So ``Inspector`` loads the same file a second time through llama.cpp's C API; the
weights are memory-mapped, so the OS shares their pages with the chat's copy and a load costs
milliseconds, not a second copy of the model. A child process was the alternative; it would
have to ship the attention arrays back (hundreds of MB for long texts) only for the window to
map them again, and the one known way for this evaluation to take the process down (positions
past a learned position table, reference §1.5) is checked before anything is decoded.

How a run reads the graph (reference §10): the scheduler asks the callback about every node
(``ask=True``); we answer yes only for the nodes a view needs, and read them when computed:

* ``kq_soft_max-<il>`` (n_head, n_tokens, n_kv): attention weights after softmax, one row per
  query head (grouped-query models share K/V between heads but each query head has its own row);
* ``ffn_inp-<il>`` and ``l_out-<il>``: the residual stream after attention and after the layer,
  so attention adds ``ffn_inp - input`` and the feed-forward network ``l_out - ffn_inp``;
* the embedding input (``embd``; GPT-2: ``inpL`` = token + position, and ``embd``/``pos_embd``).

The sequence is decoded in chunks of at most ``MAX_CHUNK`` positions (one llama.cpp micro-batch
each), so one chunk's attention block is the largest array in memory; everything T×T goes to
disk (``storage``). Checks that the picture is right, on every run: every attention row sums to
one over keys up to its own position and has nothing beyond it, every node arrives once per
layer with the expected shape, and the logit lens of the last layer reproduces llama.cpp's own
logits on a sample of positions and tokens. Any failure is an ``InspectionError``, never a picture.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import llama_cpp
import numpy as np

from chatdesk.engine.detokenize import PieceDecoder
from chatdesk.engine.errors import EngineError
from chatdesk.engine.gguf_check import check_gguf
from chatdesk.inspection import ggml_nodes
from chatdesk.inspection.architectures import ArchSpec, spec_for
from chatdesk.inspection.errors import InspectionCancelled, InspectionError
from chatdesk.inspection.head import LensRows, OutputHead, softmax_top
from chatdesk.inspection.result import Inspection, ModelFacts, Progress, ProgressCallback, TokenInfo
from chatdesk.inspection.storage import InspectionFiles
from translatable import msg, text_of

MAX_CHUNK = 512
KQ_BUDGET_BYTES = 64 << 20  # largest kq_soft_max block one chunk may produce (1B model, 2,048 tokens: 256-token chunks)
DECODE_ABORTED = 2
GGML_TYPE_F32 = 0
ATTENTION_TOLERANCE = 2e-3  # |row sum - 1| and mass beyond the causal window, before we call it misread
HEAD_TOLERANCE = 0.1  # relative RMS difference between our last-layer logits and llama.cpp's
CHECK_POSITIONS = 16
CHECK_VOCAB = 256

# Progress: loading is instant next to evaluating; the lens (when asked for) is about as long.
_EVAL_SHARE_WITH_LENS = 0.5

_backend_lock = threading.Lock()
_backend_ready = False


def _backend() -> None:
    """llama.cpp's backend, once; its log goes to the engine's ring buffer, not the terminal."""
    global _backend_ready
    from chatdesk.engine.llama_engine import install_log_capture

    with _backend_lock:
        install_log_capture()
        if not _backend_ready:
            llama_cpp.llama_backend_init()
            _backend_ready = True


def default_threads() -> int:
    from chatdesk.engine.llama_engine import physical_cores

    return physical_cores()


class Inspector:
    """A model opened for inspection: its own llama.cpp model handle, tokenizer and output head.

    One thread at a time (``inspect`` holds a lock); each ``inspect`` makes a fresh context sized
    for its text and frees it at the end.
    """

    def __init__(self, path: str | Path, *, threads: int | None = None, gpu_layers: int = 0,
                 check_cache: Path | None = None) -> None:
        self.path = Path(path).expanduser()
        try:
            summary = check_gguf(self.path, check_cache)  # a malformed file could abort llama.cpp
        except EngineError as exc:
            raise InspectionError(text_of(exc)) from exc
        self.spec: ArchSpec = spec_for(summary.architecture)
        self._summary = summary
        self.threads = threads or default_threads()
        self._lock = threading.Lock()
        self._head: OutputHead | None = None
        _backend()
        mparams = llama_cpp.llama_model_default_params()
        mparams.n_gpu_layers = gpu_layers
        self.model = llama_cpp.llama_model_load_from_file(str(self.path).encode("utf-8"), mparams)
        if not self.model:
            raise InspectionError(msg("llama.cpp could not load {file}. The file may be damaged or use an architecture "
                                      "this version does not support.", file=self.path.name))
        m = self.model
        self.vocab = llama_cpp.llama_model_get_vocab(m)
        self.facts = ModelFacts(
            path=str(self.path), name=summary.name, architecture=summary.architecture,
            n_layer=int(llama_cpp.llama_model_n_layer(m)), n_head=int(llama_cpp.llama_model_n_head(m)),
            n_head_kv=int(llama_cpp.llama_model_n_head_kv(m)), n_embd=int(llama_cpp.llama_model_n_embd(m)),
            n_vocab=int(llama_cpp.llama_vocab_n_tokens(self.vocab)), n_ctx_train=int(llama_cpp.llama_model_n_ctx_train(m)),
            file_type=summary.file_type,
        )
        self.add_bos = bool(llama_cpp.llama_vocab_get_add_bos(self.vocab))
        self.pieces = PieceDecoder(self.vocab)

    # ------------------------------------------------------------------ text
    def tokenize(self, text: str, *, add_bos: bool | None = None, special: bool = False) -> list[int]:
        """The model's tokens for ``text`` (BOS as the model wants it unless ``add_bos`` says otherwise)."""
        data = text.encode("utf-8")
        bos = self.add_bos if add_bos is None else add_bos
        n_max = len(data) + 8
        buf = (llama_cpp.llama_token * n_max)()
        n = llama_cpp.llama_tokenize(self.vocab, data, len(data), buf, n_max, bos, special)
        if n < 0:
            n_max = -n
            buf = (llama_cpp.llama_token * n_max)()
            n = llama_cpp.llama_tokenize(self.vocab, data, len(data), buf, n_max, bos, special)
        if n < 0:
            raise InspectionError(msg("llama.cpp could not tokenize the text for {file}.", file=self.path.name), code=1)
        return list(buf[:n])

    def token_text(self, token: int) -> str:
        return self.pieces.piece(token, special=True).decode("utf-8", "replace")

    def special_text(self, token: int | None) -> str:
        return "" if token is None or token < 0 else self.token_text(token)

    @property
    def head(self) -> OutputHead:
        if self._head is None:
            self._head = OutputHead(self.path, self.spec)
            if self._head.n_vocab != self.facts.n_vocab or self._head.n_embd != self.facts.n_embd:
                raise InspectionError(msg("The output matrix of {file} does not match its vocabulary and width; the "
                                          "logit lens cannot be computed.", file=self.path.name))
        return self._head

    # ------------------------------------------------------------------ the run
    def inspect(self, tokens: Sequence[int], *, prompt_tokens: int | None = None, layers: Iterable[int] | None = None,
                logit_lens: bool = True, top_k: int = 5, progress: ProgressCallback | None = None,
                cancel: threading.Event | None = None, workdir: str | Path | None = None) -> Inspection:
        """Evaluate ``tokens`` once and record attention (``layers``, default all), residual norms
        and contributions; with ``logit_lens`` also the lens of ``layers`` (else on demand)."""
        with self._lock:
            return _Run(self, list(tokens), prompt_tokens, layers, logit_lens, top_k, progress,
                        cancel or threading.Event(), workdir).run()

    def close(self) -> None:
        if self.model:
            llama_cpp.llama_model_free(self.model)
            self.model = None
        self._head = None

    def __enter__(self) -> Inspector:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _norms(rows: np.ndarray) -> np.ndarray:
    return np.sqrt(np.einsum("ij,ij->i", rows, rows, dtype=np.float64)).astype(np.float32)


class _Run:
    """The state of one ``Inspector.inspect`` call (one context, one callback)."""

    def __init__(self, owner: Inspector, tokens: list[int], prompt_tokens: int | None, layers: Iterable[int] | None,
                 logit_lens: bool, top_k: int, progress: ProgressCallback | None, cancel: threading.Event,
                 workdir: str | Path | None) -> None:
        self.o = owner
        f = owner.facts
        self.tokens = tokens
        self.prompt_tokens = prompt_tokens
        self.logit_lens = logit_lens
        self.top_k = max(1, int(top_k))
        self.progress = progress
        self.cancel = cancel
        self.workdir = workdir
        t = len(tokens)
        if t == 0:
            raise InspectionError(msg("There is nothing to inspect: the text has no tokens."))
        if t > f.n_ctx_train:
            raise InspectionError(msg("The text has {n} tokens, but {file} was trained on at most {limit}; inspect a "
                                      "shorter text.", n=t, file=owner.path.name, limit=f.n_ctx_train))
        bad = [tok for tok in tokens if not 0 <= tok < f.n_vocab]
        if bad:
            raise InspectionError(msg("Token {token} is not in the vocabulary of {file} ({n} tokens).", token=bad[0],
                                      file=owner.path.name, n=f.n_vocab))
        if prompt_tokens is not None and not 0 <= prompt_tokens <= t:
            raise InspectionError(msg("The prompt cannot have {n} of the {total} tokens.", n=prompt_tokens, total=t))
        self.layers = _check_layers(layers, f.n_layer)
        n_ctx = max(256, -(-t // 256) * 256)
        chunk = KQ_BUDGET_BYTES // max(1, f.n_head * n_ctx * 4)
        self.chunk = max(16, min(MAX_CHUNK, t, chunk))
        self.n_ctx = n_ctx
        L, E = f.n_layer, f.n_embd
        self.residual_norms = np.zeros((L, t), np.float32)
        self.attn_norms = np.zeros((L, t), np.float32)
        self.ffn_norms = np.zeros((L, t), np.float32)
        self.input_norms = np.zeros(t, np.float32)
        spec = owner.spec
        self.token_norms = np.zeros(t, np.float32) if spec.token_node else None
        self.position_norms = np.zeros(t, np.float32) if spec.position_node else None
        self.seen: dict[str, int] = {}
        self.expected_rows = {f"ffn_inp-{il}": t for il in range(L)} | {f"l_out-{il}": t for il in range(L)}
        self.expected_rows |= {f"kq_soft_max-{il}": t for il in self.layers} | {spec.input_node: t}
        wanted = set(self.expected_rows)
        for extra in (spec.token_node, spec.position_node):
            if extra:
                wanted.add(extra)
        self.wanted = {w.encode() for w in wanted}
        self.first = 0
        self.n = 0
        self.prev: np.ndarray | None = None
        self.ffn_inp: np.ndarray | None = None
        self.error: BaseException | None = None
        self.worst_sum = 0.0
        self.worst_outside = 0.0
        self.E = E
        self.files: InspectionFiles | None = None
        self.out_ids = np.zeros((t, self.top_k), np.int32)
        self.out_probs = np.zeros((t, self.top_k), np.float32)
        self.out_target = np.full(t, np.nan, np.float32)
        self.check_pos = np.unique(np.linspace(0, t - 1, min(CHECK_POSITIONS, t)).round().astype(int))
        self.check_logits: dict[int, np.ndarray] = {}
        self.chunks_total = -(-t // self.chunk)
        self.chunk_index = 0
        self.eval_share = _EVAL_SHARE_WITH_LENS if logit_lens else 1.0

    # ------------------------------------------------------------------ progress
    def _report(self, phase: str, done: int, total: int, fraction: float) -> None:
        if self.progress is not None:
            self.progress(Progress(phase, done, total, max(0.0, min(1.0, fraction))))

    # ------------------------------------------------------------------ callback
    def _on_node(self, tensor: int, ask: bool, _user: object) -> bool:
        try:
            name = ggml_nodes.node_name(tensor)
            if ask:
                return name in self.wanted
            if self.error is None:
                self._take(name.decode(), tensor)
        except BaseException as exc:  # noqa: BLE001 - an exception must not cross into C; re-raised after decode
            if self.error is None:
                self.error = exc
        return True

    def _unreadable(self, name: str) -> InspectionError:
        return InspectionError(msg("llama.cpp's node {node} of {file} does not have the layout ChatDesk reads, so "
                                   "the inspection stopped rather than show a wrong picture.", node=name,
                                   file=self.o.path.name), code=1)

    def _take(self, name: str, tensor: int) -> None:
        data = ggml_nodes.read_f32(tensor)
        if data is None:
            raise self._unreadable(name)
        n, first = self.n, self.first
        kind, _, layer = name.rpartition("-")
        if kind == "kq_soft_max":
            il = int(layer)
            if data.shape[0] != 1 or data.shape[1] != self.o.facts.n_head or data.shape[2] != n or data.shape[3] < first + n:
                raise self._unreadable(name)
            assert self.files is not None
            sum_err, outside = self.files.put_attention(il, first, data[0])
            self.worst_sum = max(self.worst_sum, sum_err)
            self.worst_outside = max(self.worst_outside, outside)
        else:
            if data.shape[0] != 1 or data.shape[1] != 1 or data.shape[2] != n or data.shape[3] != self.E:
                raise self._unreadable(name)
            rows = data[0, 0]
            spec = self.o.spec
            if name == spec.input_node:
                self.prev = rows
                self.input_norms[first:first + n] = _norms(rows)
            if name == spec.token_node and self.token_norms is not None:
                self.token_norms[first:first + n] = _norms(rows)
            if name == spec.position_node and self.position_norms is not None:
                self.position_norms[first:first + n] = _norms(rows)
            if kind == "ffn_inp":
                il = int(layer)
                if self.prev is None:
                    raise self._unreadable(name)
                self.attn_norms[il, first:first + n] = _norms(rows - self.prev)
                self.ffn_inp = rows
            elif kind == "l_out":
                il = int(layer)
                if self.ffn_inp is None:
                    raise self._unreadable(name)
                self.ffn_norms[il, first:first + n] = _norms(rows - self.ffn_inp)
                self.residual_norms[il, first:first + n] = _norms(rows)
                assert self.files is not None
                self.files.put_residual(il, first, rows)
                self.prev = rows
                self.ffn_inp = None
                L = self.o.facts.n_layer
                done = self.chunk_index * L + il + 1
                total = self.chunks_total * L
                self._report("evaluate", done, total, self.eval_share * done / total)
        if name in self.expected_rows:
            self.seen[name] = self.seen.get(name, 0) + n

    # ------------------------------------------------------------------ run
    def run(self) -> Inspection:
        o, f = self.o, self.o.facts
        started = time.perf_counter()
        self._report("load", 0, 1, 0.0)
        cp = llama_cpp.llama_context_default_params()
        cp.n_ctx = self.n_ctx
        cp.n_batch = self.chunk
        cp.n_ubatch = self.chunk
        cp.n_seq_max = 1
        cp.n_threads = o.threads
        cp.n_threads_batch = o.threads
        cp.flash_attn_type = llama_cpp.LLAMA_FLASH_ATTN_TYPE_DISABLED
        cp.type_k = GGML_TYPE_F32
        cp.type_v = GGML_TYPE_F32
        cp.no_perf = True
        cb = llama_cpp.ggml_backend_sched_eval_callback(self._on_node)
        cp.cb_eval = cb
        cp.cb_eval_user_data = None
        ctx = llama_cpp.llama_init_from_model(o.model, cp)
        if not ctx:
            raise InspectionError(msg("llama.cpp could not create a context of {n} tokens for {file}.", n=self.n_ctx,
                                      file=o.path.name), code=1)
        abort_cb = llama_cpp.ggml_abort_callback(lambda _data: self.cancel.is_set() or self.error is not None)
        llama_cpp.llama_set_abort_callback(ctx, abort_cb, None)
        batch = llama_cpp.llama_batch_init(self.chunk, 0, 1)
        files = InspectionFiles(len(self.tokens), f.n_layer, f.n_head, f.n_embd, self.layers, self.workdir)
        self.files = files
        ok = False
        try:
            self._report("load", 1, 1, 0.0)
            self._decode_all(ctx, batch)
            t_eval = time.perf_counter() - started
            files.flush()
            self._verify()
            result = self._result(files, t_eval)
            self._check_head(result)
            if self.logit_lens:
                t0 = time.perf_counter()

                def lens_progress(done: int, total: int) -> None:
                    self._report("lens", done, total, self.eval_share + (1 - self.eval_share) * done / total)

                result.compute_logit_lens(self.layers, lens_progress, self.cancel)
                result.seconds["lens"] = time.perf_counter() - t0
            result.seconds["total"] = time.perf_counter() - started
            ok = True
            return result
        finally:
            llama_cpp.llama_batch_free(batch)
            llama_cpp.llama_free(ctx)
            del cb, abort_cb
            if not ok:
                files.close()

    def _decode_all(self, ctx: object, batch: llama_cpp.llama_batch) -> None:
        t = len(self.tokens)
        n_vocab = self.o.facts.n_vocab
        targets = np.array([*self.tokens[1:], -1], dtype=np.int64)
        for index, first in enumerate(range(0, t, self.chunk)):
            if self.cancel.is_set():
                raise InspectionCancelled()
            n = min(self.chunk, t - first)
            self.first, self.n, self.chunk_index = first, n, index
            self.prev = self.ffn_inp = None
            b = batch
            for i in range(n):
                b.token[i] = self.tokens[first + i]
                b.pos[i] = first + i  # type: ignore[call-overload]  # llama-cpp-python types pos as 2-D; the C field is a flat llama_pos *
                b.n_seq_id[i] = 1
                b.seq_id[i][0] = 0
                b.logits[i] = 1  # every position: otherwise llama.cpp prunes the last layer's rows
            b.n_tokens = n
            rc = llama_cpp.llama_decode(ctx, b)
            if self.error is not None:
                raise self.error
            if rc == DECODE_ABORTED or self.cancel.is_set():
                raise InspectionCancelled()
            if rc != 0:
                raise InspectionError(msg("llama.cpp failed to evaluate the text with {file} (code {rc}).",
                                          file=self.o.path.name, rc=rc), code=1)
            ptr = llama_cpp.llama_get_logits(ctx)
            logits = np.ctypeslib.as_array(ptr, shape=(n, n_vocab))
            top = softmax_top(logits, self.top_k, targets[first:first + n])
            self.out_ids[first:first + n] = top.ids
            self.out_probs[first:first + n] = top.probs
            self.out_target[first:first + n] = top.target_probs
            for p in self.check_pos:
                if first <= p < first + n:
                    self.check_logits[int(p)] = logits[p - first].copy()

    def _verify(self) -> None:
        for name, rows in self.expected_rows.items():
            if self.seen.get(name, 0) != rows:
                raise InspectionError(msg("llama.cpp did not expose {node} for {file} as expected, so the inspection "
                                          "stopped rather than show a wrong picture.", node=name, file=self.o.path.name),
                                      code=1)
        if self.worst_sum > ATTENTION_TOLERANCE or self.worst_outside > ATTENTION_TOLERANCE:
            raise InspectionError(msg("The attention weights read from {file} do not form a causal softmax (row sums "
                                      "off by {err:.2g}), so they are not shown.", file=self.o.path.name,
                                      err=max(self.worst_sum, self.worst_outside)), code=1)

    def _result(self, files: InspectionFiles, t_eval: float) -> Inspection:
        o = self.o
        toks = tuple(TokenInfo(int(t), o.token_text(int(t))) for t in self.tokens)
        return Inspection(
            model=o.facts, tokens=toks, prompt_tokens=self.prompt_tokens, attention_layers=tuple(self.layers),
            residual_norms=self.residual_norms, attention_norms=self.attn_norms, ffn_norms=self.ffn_norms,
            input_norms=self.input_norms, token_embedding_norms=self.token_norms,
            position_embedding_norms=self.position_norms,
            output=LensRows(self.out_ids, self.out_probs, self.out_target), top_k=self.top_k,
            checks={"attention_row_sum_error": self.worst_sum, "attention_outside_causal": self.worst_outside},
            seconds={"evaluate": t_eval}, files=files, head=o.head,
        )

    def _check_head(self, result: Inspection) -> None:
        """Our final norm + output matrix on the last layer must give llama.cpp's own logits."""
        f = self.o.facts
        positions = sorted(self.check_logits)
        theirs_full = np.stack([self.check_logits[p] for p in positions])
        rng = np.random.default_rng(0)
        sample = rng.choice(f.n_vocab, size=min(CHECK_VOCAB, f.n_vocab), replace=False)
        ids = np.unique(np.concatenate([sample, self.out_ids[positions].reshape(-1)]))
        hidden = np.asarray(result.files.residual[f.n_layer - 1, positions])
        ours = result.head.logits_for(hidden, ids)
        theirs = theirs_full[:, ids]
        spread = float(np.sqrt(np.mean((theirs - theirs.mean(axis=1, keepdims=True)) ** 2))) or 1.0
        rel = float(np.sqrt(np.mean((ours - theirs) ** 2))) / spread
        result.checks["head_relative_error"] = rel
        if not rel <= HEAD_TOLERANCE:
            raise InspectionError(msg("The logit lens cannot be computed faithfully for {file}: its final norm and "
                                      "output matrix do not reproduce llama.cpp's predictions (relative error "
                                      "{err:.2g}).", file=self.o.path.name, err=rel), code=1)


def _check_layers(layers: Iterable[int] | None, n_layer: int) -> list[int]:
    if layers is None:
        return list(range(n_layer))
    out = sorted({int(il) for il in layers})
    if not out:
        raise InspectionError(msg("No layers were chosen to inspect."))
    wrong = [il for il in out if not 0 <= il < n_layer]
    if wrong:
        raise InspectionError(msg("There is no layer {layer}: the model has {n} layers (0 to {last}).", layer=wrong[0],
                                  n=n_layer, last=n_layer - 1))
    return out


def inspect_tokens(model: str | Path, tokens: Sequence[int], *, threads: int | None = None, **options: Any) -> Inspection:
    """Open ``model``, inspect ``tokens`` and close the model again (the result keeps its files).

    ``options``: the keyword arguments of ``Inspector.inspect``."""
    with Inspector(model, threads=threads) as inspector:
        return inspector.inspect(tokens, **options)

