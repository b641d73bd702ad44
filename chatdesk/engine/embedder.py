"""Sentence embeddings from a GGUF embedding model, computed by llama.cpp. No Qt.

Why not ``Llama.embed``: document indexing embeds tens of thousands of chunks, and its speed is
measured against llama.cpp's own ``llama-embedding`` (``benchmarks/embed_speed.py``). So, like
``llama-embedding``, we pack many texts into one ``llama_decode`` call (one sequence id per
text), read each text's pooled vector straight from llama.cpp's buffer into a numpy array, and
never build Python lists of floats. ``Llama(...)`` is still used to create the model and context
and to tokenize.

Rules callers can rely on:

* ``embed`` returns float32, shape ``[n, dim]``, each row L2-normalised (cosine similarity is a
  dot product), in the order of the input. An empty string is embedded too (it is
  ``[CLS] [SEP]`` for a BERT model), so every input gets a row (all zeros only for a model that
  adds no special tokens, given an empty string).
* Truncation: a text longer than ``max_tokens`` (special tokens included) keeps its first
  ``max_tokens - 1`` tokens followed by the model's end-of-sequence separator (``[SEP]`` for
  BERT), exactly as sentence-transformers truncates; ``count_tokens`` says how many tokens the
  whole text has, so a chunker can stay below ``max_tokens`` and lose nothing.
  ``max_tokens`` is the length the model was used with (``chatdesk.embedding.max_seq_length``,
  e.g. 256 for all-MiniLM-L6-v2), else its trained context, and never more than ``n_ctx``.
* A GGUF that is not an embedding model (a chat model, a file without a sentence pooling type)
  is refused with :class:`EmbeddingModelError` before llama.cpp loads it.

One owner thread at a time; ``close()`` (or leaving the ``with`` block) frees llama.cpp's memory.
"""

from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Sequence
from pathlib import Path

import llama_cpp
import llama_cpp.llama_cpp as llama_lowlevel
import numpy as np
from llama_cpp import Llama

from chatdesk.engine.embedding_facts import POOLING_NAMES, SENTENCE_POOLING, instruction_prefixes, model_file_id, pooling_type
from chatdesk.engine.errors import EmbeddingModelError, EngineError, ModelLoadError
from chatdesk.engine.gguf_check import check_gguf
from chatdesk.engine.llama_engine import _last_llama_errors, _llama_log, install_log_capture, physical_cores
from translatable import msg

# Tokens per llama_decode call (the context llama.cpp is given; it is also the longest text).
# llama.cpp's non-causal attention spans the whole batch, masked per sequence, so its cost grows
# with the square of the batch: per layer about 4·n²·d FLOPs against 24·n·d² for the matrix
# products, a ratio of n/(6·d). At 512 tokens that is about a fifth for MiniLM (d = 384) and less
# for wider models, while one call still carries several paragraphs. BERT-family models rarely take more
# than 512 tokens, so a whole text always fits.
DEFAULT_BATCH_TOKENS = 512
DEFAULT_BATCH_SIZE = 64


class Embedder:
    """One embedding model loaded in llama.cpp, turning texts into unit vectors."""

    def __init__(self, model_path: str | os.PathLike[str], *, n_threads: int | None = None,
                 n_ctx: int | None = None, check_cache: Path | None = None) -> None:
        self._llm: Llama | None = None
        self._batch: _PackedBatch | None = None
        self._lock = threading.Lock()
        summary = check_gguf(model_path, check_cache)  # ModelFileError before llama.cpp sees a bad file
        arch, meta = summary.architecture, summary.metadata
        pooling = pooling_type(meta, arch)
        name = Path(summary.path).name
        if pooling not in SENTENCE_POOLING:
            if pooling is None:
                raise EmbeddingModelError(msg(
                    "{file} is not an embedding model: it declares no pooling of token vectors into one "
                    "vector per text (a chat model such as this cannot index documents). Choose an embedding "
                    "model, for example the built-in one or a BGE / E5 / MiniLM GGUF.", file=name))
            raise EmbeddingModelError(msg(
                "{file} pools its token vectors as '{pooling}', which gives no single vector per text; "
                "choose a sentence-embedding model (mean, CLS or last-token pooling).",
                file=name, pooling=POOLING_NAMES.get(pooling, str(pooling))))
        train_ctx = int(summary.context_length)
        limit = meta.get("chatdesk.embedding.max_seq_length")
        model_tokens = min(int(limit), train_ctx) if isinstance(limit, int) and limit > 0 else train_ctx
        if n_ctx is not None and (isinstance(n_ctx, bool) or not isinstance(n_ctx, int) or n_ctx < 8):
            raise EngineError(msg("The embedding context must be a whole number of at least 8 tokens, not {value}.",
                                  value=str(n_ctx)))
        batch_tokens = max(n_ctx if n_ctx is not None else DEFAULT_BATCH_TOKENS, 8)
        self.max_tokens: int = min(model_tokens, batch_tokens)
        self.n_ctx: int = batch_tokens
        self.path = str(summary.path)
        self.name = summary.name
        # "query: " / "passage: " for the E5 family, nothing for the others (embedding_facts)
        self.query_prefix, self.passage_prefix = instruction_prefixes(f"{summary.name} {os.path.basename(self.path)}")
        self.model_id = model_file_id(self.path)  # an index searched with other models' vectors falls back to keywords
        self.pooling = POOLING_NAMES[pooling]
        threads = n_threads or physical_cores()
        install_log_capture()
        _llama_log.clear()
        llm = None
        # llama.cpp's fused attention first, as llama-embedding picks by default ("auto" finds it on
        # the CPU; llama-cpp-python can only say on or off); without it where a backend refuses it
        for flash in (True, False):
            try:
                llm = Llama(
                    model_path=self.path,
                    embedding=True,
                    n_ctx=batch_tokens,
                    n_batch=batch_tokens,
                    n_ubatch=batch_tokens,  # non-causal attention: a whole batch must be one micro-batch
                    n_threads=threads,
                    n_threads_batch=threads,
                    n_gpu_layers=-1 if llama_cpp.llama_supports_gpu_offload() else 0,
                    flash_attn=flash,
                    verbose=False,
                )
                break
            except (ValueError, RuntimeError, OSError) as exc:
                if flash:
                    continue
                detail = _last_llama_errors() or str(exc)
                raise ModelLoadError(msg("llama.cpp could not load the embedding model {file}: {detail}",
                                         file=name, detail=detail)) from exc
        assert llm is not None
        install_log_capture()  # Llama() re-installs llama-cpp-python's own logger
        self._llm = llm
        self._ctx = llm._ctx.ctx  # noqa: SLF001 - the context pointer for the C API calls below
        self.dim: int = int(llama_lowlevel.llama_model_n_embd(llm.model))
        self.n_threads = threads
        self._n_seq_max = max(1, int(llama_lowlevel.llama_n_seq_max(self._ctx)))
        vocab = llama_lowlevel.llama_model_get_vocab(llm.model)
        adds_sep = bool(llama_lowlevel.llama_vocab_get_add_sep(vocab))
        adds_eos = bool(llama_lowlevel.llama_vocab_get_add_eos(vocab))
        end = llama_lowlevel.llama_vocab_sep(vocab) if adds_sep else llama_lowlevel.llama_vocab_eos(vocab) if adds_eos else -1
        self._end_token: int | None = int(end) if end >= 0 else None
        self._batch = _PackedBatch(batch_tokens)

    # -- tokens ---------------------------------------------------------------------------
    def _tokens(self, text: str) -> list[int]:
        if self._llm is None:
            raise EngineError(msg("The embedding model has been closed."))
        return self._llm.tokenize(text.encode("utf-8", "replace"), add_bos=True, special=False)

    def tokenize(self, text: str) -> list[int]:
        """Token ids of ``text`` with the model's special tokens (``[CLS] … [SEP]``), before truncation."""
        return list(self._tokens(text))

    def count_tokens(self, text: str) -> int:
        """Tokens of ``text`` as the model sees it, special tokens included, before truncation."""
        return len(self._tokens(text))

    def _fit(self, tokens: list[int]) -> list[int]:
        if len(tokens) <= self.max_tokens:
            return tokens
        if self._end_token is not None and tokens[-1] == self._end_token:
            return tokens[: self.max_tokens - 1] + [self._end_token]
        return tokens[: self.max_tokens]

    # -- embeddings -----------------------------------------------------------------------
    def embed(self, texts: Sequence[str], *, batch_size: int = DEFAULT_BATCH_SIZE) -> np.ndarray:
        """Unit vectors for ``texts`` (float32, ``[len(texts), dim]``), several texts per llama.cpp call.

        ``batch_size`` caps the texts in one ``llama_decode`` call; the token budget (``n_ctx``)
        caps it too, whichever is reached first.
        """
        if isinstance(texts, str):
            raise TypeError("embed() takes a sequence of texts; wrap a single text in a list")
        per_batch = max(1, min(int(batch_size), self._n_seq_max))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        with self._lock:
            pending: list[tuple[int, list[int]]] = []
            used = 0
            for i, text in enumerate(texts):
                tokens = self._fit(self._tokens(text))
                if not tokens:  # only a model that adds no special tokens, given "": its row stays zero
                    continue
                if pending and (used + len(tokens) > self.n_ctx or len(pending) >= per_batch):
                    self._decode(pending, out)
                    pending, used = [], 0
                pending.append((i, tokens))
                used += len(tokens)
            if pending:
                self._decode(pending, out)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out

    def _decode(self, items: list[tuple[int, list[int]]], out: np.ndarray) -> None:
        packed = self._batch
        if packed is None:
            raise RuntimeError("the embedder is closed")
        b = packed.fill([tokens for _row, tokens in items])
        memory = llama_lowlevel.llama_get_memory(self._ctx)
        if memory:
            llama_lowlevel.llama_memory_clear(memory, True)
        rc = llama_cpp.llama_decode(self._ctx, b)
        if rc != 0:
            raise EngineError(msg("llama.cpp could not compute embeddings (code {code}): {detail}",
                                  code=rc, detail=_last_llama_errors() or "no details"))
        for seq, (row, _tokens) in enumerate(items):
            ptr = llama_lowlevel.llama_get_embeddings_seq(self._ctx, seq)
            if not ptr:
                raise EngineError(msg("llama.cpp returned no embedding for a text; the model may not support "
                                      "pooled embeddings."))
            out[row] = np.ctypeslib.as_array(ctypes.cast(ptr, ctypes.POINTER(ctypes.c_float)), shape=(self.dim,))

    # -- lifetime -------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self._batch = None
            if self._llm is not None:
                self._llm.close()
                self._llm = None

    def __enter__(self) -> Embedder:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __del__(self) -> None:  # a forgotten close() must not leak llama.cpp's buffers
        try:
            self.close()
        except Exception:  # noqa: BLE001 - interpreter shutdown: nothing useful to do
            pass


class _PackedBatch:
    """A ``llama_batch`` over numpy arrays this object owns: many texts, one sequence id each,
    every token an output (embedding mode pools them all).

    Filled with a few numpy operations per call instead of five ctypes writes per token: those
    cost about 2 µs a token (each field access builds a new ctypes pointer object), a millisecond
    per 512-token batch spent on the embedding thread between two ``llama_decode`` calls.
    llama.cpp only reads the batch during ``llama_decode``; the arrays live as long as this object.
    """

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.token = np.zeros(capacity, dtype=np.int32)
        self.pos = np.zeros(capacity, dtype=np.int32)
        self.n_seq_id = np.ones(capacity, dtype=np.int32)
        self.seq = np.zeros(capacity, dtype=np.int32)
        self.logits = np.ones(capacity, dtype=np.int8)
        seq_ptr = ctypes.POINTER(llama_cpp.llama_seq_id)
        base = self.seq.ctypes.data
        step = self.seq.itemsize
        # seq_id[i] points at seq[i]: one sequence id per token
        self._seq_ptrs = (seq_ptr * capacity)(*(ctypes.cast(base + i * step, seq_ptr) for i in range(capacity)))
        self.batch = llama_cpp.llama_batch(
            n_tokens=0,
            token=self.token.ctypes.data_as(ctypes.POINTER(llama_cpp.llama_token)),
            embd=None,
            pos=self.pos.ctypes.data_as(ctypes.POINTER(llama_cpp.llama_pos)),
            n_seq_id=self.n_seq_id.ctypes.data_as(ctypes.POINTER(ctypes.c_int32)),
            seq_id=ctypes.cast(self._seq_ptrs, ctypes.POINTER(seq_ptr)),
            logits=self.logits.ctypes.data_as(ctypes.POINTER(ctypes.c_int8)),
        )

    def fill(self, texts: Sequence[Sequence[int]]) -> llama_cpp.llama_batch:
        """Text i's tokens at positions 0.. in sequence i, all texts one after another."""
        lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
        n = int(lengths.sum())
        if not 0 < n <= self.capacity:
            raise ValueError(f"a batch holds 1 to {self.capacity} tokens, not {n}")
        self.token[:n] = np.fromiter((tok for t in texts for tok in t), dtype=np.int32, count=n)
        starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
        self.pos[:n] = np.arange(n) - starts
        self.seq[:n] = np.repeat(np.arange(len(texts), dtype=np.int32), lengths)
        self.batch.n_tokens = n
        return self.batch
