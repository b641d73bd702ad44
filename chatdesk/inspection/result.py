"""What one inspection found: a plain dataclass over small arrays, plus the big ones on disk.

Everything a view draws at once is held here (per-position norms, the model's own top-k), the
attention weights and residual streams stay in memory-mapped files (``storage``), and the logit
lens is computed per layer on demand and remembered (``logit_lens``). Close the result (or use it
as a context manager) to delete its files.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from chatdesk.inspection.errors import InspectionCancelled, InspectionError
from chatdesk.inspection.head import LensRows, OutputHead
from chatdesk.inspection.storage import InspectionFiles
from translatable import msg

LENS_ROWS_PER_STEP = 2048  # residual rows per lens step (one progress tick, one cancel check)


@dataclass(frozen=True)
class Progress:
    """One progress report: ``phase`` is "load", "evaluate" or "lens"; ``fraction`` covers the
    whole run (for a single progress bar), ``done``/``total`` the phase."""

    phase: str
    done: int
    total: int
    fraction: float


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class TokenInfo:
    id: int
    text: str  # the token's piece as text (an incomplete UTF-8 sequence shows as U+FFFD)


@dataclass(frozen=True)
class ModelFacts:
    """The model's real sizes, for the pipeline panel."""

    path: str
    name: str
    architecture: str
    n_layer: int
    n_head: int
    n_head_kv: int
    n_embd: int
    n_vocab: int
    n_ctx_train: int
    file_type: str


@dataclass(eq=False)
class Inspection:
    """One evaluation of ``tokens`` through ``model`` with its insides recorded.

    Arrays are indexed [layer, position]; "what a layer adds" is the norm of the vector it adds
    to the residual stream at that position (attention: ``ffn_inp - input``; feed-forward:
    ``output - ffn_inp``).
    """

    model: ModelFacts
    tokens: tuple[TokenInfo, ...]
    prompt_tokens: int | None  # tokens before the reply (None: a typed text, no reply)
    attention_layers: tuple[int, ...]  # layers whose attention weights were kept
    residual_norms: np.ndarray  # (n_layer, T) float32: |residual stream| after each layer
    attention_norms: np.ndarray  # (n_layer, T) float32: |what attention adds|
    ffn_norms: np.ndarray  # (n_layer, T) float32: |what the feed-forward network adds|
    input_norms: np.ndarray  # (T,) float32: |embedding (+ position)| entering layer 0
    token_embedding_norms: np.ndarray | None  # (T,) |token embedding| when positions are added separately
    position_embedding_norms: np.ndarray | None  # (T,) |learned position embedding|
    output: LensRows  # the model's own next-token prediction (llama.cpp's logits), top-k
    top_k: int
    checks: dict[str, float]  # what the run checked about its own reading (see capture)
    seconds: dict[str, float]
    files: InspectionFiles = field(repr=False)
    head: OutputHead = field(repr=False)
    _lens: dict[int, LensRows] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    # ------------------------------------------------------------------ sizes
    @property
    def n_tokens(self) -> int:
        return len(self.tokens)

    @property
    def token_ids(self) -> list[int]:
        return [t.id for t in self.tokens]

    # ------------------------------------------------------------------ attention
    def _check_layer(self, layer: int) -> None:
        if layer not in self.files.attention:
            raise InspectionError(msg("The attention of layer {layer} was not recorded in this inspection.", layer=layer))

    def attention(self, layer: int, head: int) -> np.ndarray:
        """(T, T) float32 weights of one query head: row = query, column = key (zero above the diagonal)."""
        self._check_layer(layer)
        return self.files.attention_matrix(layer, head)

    def attention_mean(self, layer: int) -> np.ndarray:
        """(T, T) float32 weights averaged over the heads."""
        self._check_layer(layer)
        total = np.zeros((self.n_tokens, self.n_tokens), dtype=np.float32)
        for h in range(self.model.n_head):
            total += self.files.attention_matrix(layer, h)
        return total / self.model.n_head

    def attention_row(self, layer: int, head: int | None, query: int) -> np.ndarray:
        """How much query ``query`` attends to each key 0..query (one head, or the mean if None): the hover view."""
        self._check_layer(layer)
        if head is not None:
            return self.files.attention_row(layer, head, query)
        return np.mean([self.files.attention_row(layer, h, query) for h in range(self.model.n_head)], axis=0)

    # ------------------------------------------------------------------ logit lens
    def logit_lens(self, layer: int) -> LensRows:
        """Top-k of softmax(output · final_norm(residual after ``layer``)) at every position;
        ``target_probs`` is the probability of the token that really comes next (NaN at the end)."""
        if not 0 <= layer < self.model.n_layer:
            raise InspectionError(msg("There is no layer {layer}: the model has {n} layers (0 to {last}).",
                                      layer=layer, n=self.model.n_layer, last=self.model.n_layer - 1))
        with self._lock:
            hit = self._lens.get(layer)
        if hit is None:
            self.compute_logit_lens([layer])
            hit = self._lens[layer]
        return hit

    def compute_logit_lens(self, layers: Iterable[int] | None = None, progress: Callable[[int, int], None] | None = None,
                           cancel: threading.Event | None = None) -> None:
        """Compute (and remember) the logit lens of ``layers`` (default: all), in steps of
        ``LENS_ROWS_PER_STEP`` residual rows; ``progress(done, total)`` after each step."""
        wanted = [il for il in (range(self.model.n_layer) if layers is None else layers) if il not in self._lens]
        if not wanted:
            return
        t = self.n_tokens
        targets = np.array([*self.token_ids[1:], -1], dtype=np.int64)
        rows = [(il, p0, min(t, p0 + LENS_ROWS_PER_STEP)) for il in wanted for p0 in range(0, t, LENS_ROWS_PER_STEP)]
        parts: dict[int, list[LensRows]] = {il: [] for il in wanted}
        done = 0
        total = len(rows)
        batch: list[tuple[int, int, int]] = []
        budget = LENS_ROWS_PER_STEP

        def flush() -> None:
            nonlocal done
            hidden = np.concatenate([np.asarray(self.files.residual[il, a:b]) for il, a, b in batch])
            tg = np.concatenate([targets[a:b] for _il, a, b in batch])
            out = self.head.lens(hidden, self.top_k, tg)
            at = 0
            for il, a, b in batch:
                n = b - a
                parts[il].append(LensRows(out.ids[at:at + n], out.probs[at:at + n], out.target_probs[at:at + n]))
                at += n
            done += len(batch)
            batch.clear()
            if progress is not None:
                progress(done, total)

        used = 0
        for piece in rows:
            if cancel is not None and cancel.is_set():
                raise InspectionCancelled()
            n = piece[2] - piece[1]
            if batch and used + n > budget:
                flush()
                used = 0
            batch.append(piece)
            used += n
        if batch:
            if cancel is not None and cancel.is_set():
                raise InspectionCancelled()
            flush()
        with self._lock:
            for il, ps in parts.items():
                self._lens[il] = LensRows(np.concatenate([p.ids for p in ps]), np.concatenate([p.probs for p in ps]),
                                          np.concatenate([p.target_probs for p in ps]))

    def has_logit_lens(self, layer: int) -> bool:
        return layer in self._lens

    # ------------------------------------------------------------------ export and lifetime
    def to_json_data(self, layers: Iterable[int] | None = None) -> dict[str, Any]:
        """The documented JSON export (docs/inspection.md) as one dict; see ``export`` for files."""
        from chatdesk.inspection.export import to_data

        return to_data(self, layers)

    def close(self) -> None:
        """Delete the files behind the attention and residual views."""
        self.files.close()

    def __enter__(self) -> Inspection:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
