"""Where an inspection keeps its big arrays: memory-mapped ``.npy`` files in a private folder.

Attention grows with the square of the text (a 2,048-token inspection of a 16-layer, 32-head
model has 2.1 billion causal weights), so nothing of that size is held in memory:

* attention of layer ``il``: ``attention-<il>.npy``, uint16 of shape (n_head, T·(T+1)/2) — each
  head's lower triangle, row after row (query q's weights over keys 0..q start at q·(q+1)/2),
  as fixed-point ``round(w · 65535)``: weights lie in [0, 1], so the error is at most 7.6e-6
  everywhere (float16 would lose 2.4e-4 near 1);
* residual stream: ``residual.npy``, float32 (n_layer, T, n_embd): each layer's output, kept
  exactly so the logit lens can be computed later, for any layer, on demand.

The folder is made under the system's temporary directory (or ``root``) and removed by
``close()``; a finalizer removes it too if the owner forgets.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import numpy as np
from numpy.lib.format import open_memmap

SCALE = 65535.0


@lru_cache(maxsize=4)
def _lower(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Row and column indexes of an n × n lower triangle, row by row (kept: a view redraws often)."""
    return np.tril_indices(n)


_N = TypeVar("_N", int, np.ndarray)
"""triangle() takes one count or an array of counts."""


def triangle(n: _N) -> _N:
    """Entries in the lower triangle (diagonal included) of an n × n matrix."""
    return n * (n + 1) // 2


class InspectionFiles:
    def __init__(self, n_tokens: int, n_layer: int, n_head: int, n_embd: int, attention_layers: list[int],
                 root: str | Path | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="chatdesk-inspect-", dir=str(root) if root else None))
        self._finalizer = weakref.finalize(self, shutil.rmtree, str(self.folder), True)
        self.n_tokens = n_tokens
        self.n_head = n_head
        self.attention: dict[int, np.memmap] = {}
        for il in attention_layers:
            self.attention[il] = open_memmap(self.folder / f"attention-{il}.npy", mode="w+", dtype=np.uint16,
                                             shape=(n_head, triangle(n_tokens)))
        self.residual = open_memmap(self.folder / "residual.npy", mode="w+", dtype=np.float32,
                                    shape=(n_layer, n_tokens, n_embd))

    # ------------------------------------------------------------------ writing
    def put_attention(self, il: int, first: int, weights: np.ndarray) -> tuple[float, float]:
        """Store the rows of queries ``first .. first+n-1`` from llama.cpp's ``kq_soft_max``
        (n_head, n, n_kv). Returns (largest |row sum - 1|, largest weight outside the causal
        window) so the caller can tell a faithful read from a misread layout."""
        n_head, n, n_kv = weights.shape
        queries = first + np.arange(n)
        keys = np.arange(n_kv)
        mask = keys[None, :] <= queries[:, None]
        packed = weights[:, mask]  # (n_head, sum of row lengths), rows in order
        totals = weights.sum(axis=2, dtype=np.float64)
        starts = triangle(first + np.arange(n)) - triangle(first)
        inside = np.add.reduceat(packed, starts, axis=1, dtype=np.float64) if packed.shape[1] else totals * 0
        sum_error = float(np.abs(inside - 1.0).max()) if inside.size else 0.0
        outside = float((totals - inside).max()) if inside.size else 0.0
        lo, hi = triangle(first), triangle(first + n)
        self.attention[il][:, lo:hi] = np.rint(np.clip(packed, 0.0, 1.0) * SCALE).astype(np.uint16)
        return sum_error, outside

    def put_residual(self, il: int, first: int, rows: np.ndarray) -> None:
        self.residual[il, first:first + rows.shape[0]] = rows

    def flush(self) -> None:
        for arr in self.attention.values():
            arr.flush()
        self.residual.flush()

    # ------------------------------------------------------------------ reading
    def attention_matrix(self, il: int, head: int, upto: int | None = None) -> np.ndarray:
        """Head ``head``'s weights as a dense float32 (T, T) matrix (zeros above the diagonal)."""
        t = self.n_tokens if upto is None else upto
        flat = np.asarray(self.attention[il][head, :triangle(t)], dtype=np.float32) / SCALE
        out = np.zeros((t, t), dtype=np.float32)
        rows, cols = _lower(t)
        out[rows, cols] = flat
        return out

    def attention_row(self, il: int, head: int, query: int) -> np.ndarray:
        """Query ``query``'s weights over keys 0..query (float32, length query + 1)."""
        lo = triangle(query)
        return np.asarray(self.attention[il][head, lo:lo + query + 1], dtype=np.float32) / SCALE

    def close(self) -> None:
        self.attention.clear()
        self.residual = None  # type: ignore[assignment]  # drops the memmap so the finalizer can delete the file; unused after close
        self._finalizer()

    @property
    def closed(self) -> bool:
        return not self._finalizer.alive
