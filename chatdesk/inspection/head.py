"""The logit lens's half of the model: the final norm and the output matrix, read from the GGUF.

The logit lens asks "what would the model predict if it stopped after layer i?": apply the final
norm and the output (unembedding) matrix to that layer's residual stream and take the softmax.
llama.cpp computes this only for the last layer, so we read ``output_norm`` and ``output.weight``
(or ``token_embd.weight`` when the head is tied, as in GPT-2, nanoGPT and SmolLM2) from the
file and dequantize them with the ``gguf`` package (``gguf.quants``).

Memory stays bounded: the dequantized matrix is kept whole only when it is small
(``CACHE_LIMIT_BYTES``; SmolLM2's is 113 MB); a larger one (a 1B model's 128k × 2048 head is
1 GB as float32) is dequantized block by block each time, and the softmax is accumulated over the
blocks (a running maximum and sum), so only the top-k survive.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from chatdesk.inspection.architectures import ArchSpec
from chatdesk.inspection.errors import InspectionError
from translatable import msg

if TYPE_CHECKING:
    from ggufcheck.layout import RawTensor

CACHE_LIMIT_BYTES = 256 << 20  # keep the dequantized head whole below this
BLOCK_BYTES = 48 << 20  # otherwise: one block of dequantized rows at a time
LOGITS_BYTES = 64 << 20  # the logits of one (rows × vocabulary block) product


@dataclass(frozen=True)
class LensRows:
    """Top-k of the softmax for some rows: ids and probabilities (most likely first), and the
    probability of one target token per row (-1 target: NaN)."""

    ids: np.ndarray  # (n, k) int32
    probs: np.ndarray  # (n, k) float32
    target_probs: np.ndarray  # (n,) float32


class OutputHead:
    """Final norm + output matrix of one GGUF, applied in float32."""

    def __init__(self, path: str | Path, spec: ArchSpec) -> None:
        # The validator's header reader (ggufcheck.layout) takes ~0.1 s where gguf.GGUFReader takes
        # seconds on a 49k-token vocabulary; the tensor bytes are memory-mapped and dequantized
        # with gguf.quants.
        import gguf  # heavy import, only when a lens is computed

        from ggufcheck import GGUFCheckError
        from ggufcheck.layout import read_layout

        self.path = Path(path)
        try:
            layout = read_layout(self.path)
        except (GGUFCheckError, OSError) as exc:
            raise InspectionError(msg("{file} could not be read as a GGUF file: {error}", file=self.path.name,
                                      error=str(exc))) from exc
        self._gguf = gguf
        self._layout = layout
        self._tensors = {t.name: t for t in layout.tensors}
        self.spec = spec
        key = f"{spec.name}.{spec.eps_key}"
        entry = layout.kv.get(key)
        if entry is None:
            raise InspectionError(msg("{file} has no {key}: the final norm cannot be applied for the logit lens.",
                                      file=self.path.name, key=key))
        self.eps = float(entry.value)
        self.norm_weight = self._dense("output_norm.weight")
        self.norm_bias = self._dense("output_norm.bias") if spec.norm == "layer" else None
        matrix = self._tensors.get("output.weight") or self._tensors.get("token_embd.weight")
        if matrix is None or len(matrix.dims) != 2:
            raise InspectionError(msg("{file} has neither output.weight nor token_embd.weight.", file=self.path.name))
        self.tied = "output.weight" not in self._tensors
        self.n_embd, self.n_vocab = int(matrix.dims[0]), int(matrix.dims[1])
        self._qtype = gguf.GGMLQuantizationType(matrix.type_id)
        self._matrix = self._bytes(matrix)
        self._cached: np.ndarray | None = None
        self._lock = threading.Lock()
        self._block = max(1, min(self.n_vocab, BLOCK_BYTES // (self.n_embd * 4)))

    def _bytes(self, t: RawTensor) -> np.ndarray:
        """A tensor's bytes as a read-only memory map of shape (rows, bytes per row)."""
        block, type_size = self._gguf.GGML_QUANT_SIZES[self._gguf.GGMLQuantizationType(t.type_id)]
        dims = t.dims
        rows = int(np.prod(dims[1:])) if len(dims) > 1 else 1
        row_bytes = dims[0] // block * type_size
        return np.memmap(self.path, dtype=np.uint8, mode="r", offset=self._layout.data_offset + t.offset,
                         shape=(rows, row_bytes))

    def _dense(self, name: str) -> np.ndarray:
        t = self._tensors.get(name)
        if t is None:
            raise InspectionError(msg("{file} has no {name}: the final norm cannot be applied for the logit lens.",
                                      file=self.path.name, name=name))
        qtype = self._gguf.GGMLQuantizationType(t.type_id)
        return np.array(self._gguf.quants.dequantize(np.asarray(self._bytes(t)), qtype), dtype=np.float32).reshape(-1)

    # ------------------------------------------------------------------ matrix rows
    def rows(self, start: int, stop: int) -> np.ndarray:
        """Dequantized rows ``start:stop`` of the output matrix, float32 (stop - start, n_embd)."""
        cached = self._whole()
        if cached is not None:
            return cached[start:stop]
        return self._dequantize(start, stop)

    def rows_at(self, ids: np.ndarray) -> np.ndarray:
        """Dequantized rows for arbitrary token ids (for checks on a sample of the vocabulary)."""
        cached = self._whole()
        if cached is not None:
            return cached[ids]
        return np.stack([self._dequantize(int(i), int(i) + 1)[0] for i in ids]) if len(ids) else np.zeros((0, self.n_embd), np.float32)

    def _dequantize(self, start: int, stop: int) -> np.ndarray:
        out = self._gguf.quants.dequantize(np.asarray(self._matrix[start:stop]), self._qtype)
        return np.ascontiguousarray(out, dtype=np.float32).reshape(stop - start, self.n_embd)

    def _whole(self) -> np.ndarray | None:
        if self.n_vocab * self.n_embd * 4 > CACHE_LIMIT_BYTES:
            return None
        with self._lock:
            if self._cached is None:
                self._cached = self._dequantize(0, self.n_vocab)
            return self._cached

    # ------------------------------------------------------------------ the lens
    def normalize(self, hidden: np.ndarray) -> np.ndarray:
        """The final norm of residual rows (n, n_embd), in float32 (float64 statistics)."""
        x = np.asarray(hidden, dtype=np.float32)
        if self.spec.norm == "layer":
            x64 = x.astype(np.float64)
            mean = x64.mean(axis=1, keepdims=True)
            var = x64.var(axis=1, keepdims=True)
            y = ((x64 - mean) / np.sqrt(var + self.eps)).astype(np.float32)
            y *= self.norm_weight
            assert self.norm_bias is not None
            y += self.norm_bias
            return y
        ms = np.square(x, dtype=np.float64).mean(axis=1, keepdims=True)
        y = (x / np.sqrt(ms + self.eps)).astype(np.float32)
        y *= self.norm_weight
        return y

    def logits_for(self, hidden: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """Logits of the given token ids only (n, len(ids)): cheap, for checking a sample."""
        return self.normalize(hidden) @ self.rows_at(ids).T

    def lens(self, hidden: np.ndarray, k: int = 5, targets: np.ndarray | None = None) -> LensRows:
        """Softmax top-``k`` of final-norm + output matrix for residual rows (n, n_embd)."""
        normed = self.normalize(hidden)
        n = normed.shape[0]
        k = max(1, min(k, self.n_vocab))
        tgt = np.full(n, -1, dtype=np.int64) if targets is None else np.asarray(targets, dtype=np.int64)
        top_v = np.full((n, k), -np.inf, dtype=np.float32)
        top_i = np.zeros((n, k), dtype=np.int64)
        run_max = np.full(n, -np.inf, dtype=np.float64)
        run_sum = np.zeros(n, dtype=np.float64)
        tgt_logit = np.full(n, np.nan, dtype=np.float64)
        block = self._block if self._whole() is None else self.n_vocab
        block = max(k, min(block, max(1, LOGITS_BYTES // max(1, 4 * n))))
        for v0 in range(0, self.n_vocab, block):
            v1 = min(self.n_vocab, v0 + block)
            z = normed @ self.rows(v0, v1).T  # (n, b) float32
            inside = (tgt >= v0) & (tgt < v1)
            if inside.any():
                rows = np.nonzero(inside)[0]
                tgt_logit[rows] = z[rows, tgt[rows] - v0]
            kk = min(k, v1 - v0)
            part = np.argpartition(z, -kk, axis=1)[:, -kk:] if kk < z.shape[1] else np.tile(np.arange(z.shape[1]), (n, 1))
            vals = np.take_along_axis(z, part, axis=1)
            new_max = np.maximum(run_max, vals.max(axis=1).astype(np.float64))  # the block's max is among its top-k
            # the softmax's running sum, in place (the logits block is the largest array here)
            np.subtract(z, new_max[:, None].astype(np.float32), out=z)
            np.exp(z, out=z)
            run_sum = run_sum * np.exp(run_max - new_max) + z.sum(axis=1, dtype=np.float64)
            run_max = new_max
            cand_v = np.concatenate([top_v, vals], axis=1)
            cand_i = np.concatenate([top_i, part + v0], axis=1)
            best = np.argpartition(cand_v, -k, axis=1)[:, -k:]
            top_v = np.take_along_axis(cand_v, best, axis=1)
            top_i = np.take_along_axis(cand_i, best, axis=1)
        order = np.argsort(-top_v, axis=1, kind="stable")
        top_v = np.take_along_axis(top_v, order, axis=1)
        top_i = np.take_along_axis(top_i, order, axis=1)
        log_z = run_max + np.log(run_sum)
        probs = np.exp(top_v.astype(np.float64) - log_z[:, None]).astype(np.float32)
        target_probs = np.exp(tgt_logit - log_z).astype(np.float32)
        return LensRows(top_i.astype(np.int32), probs, target_probs)


def softmax_top(logits: np.ndarray, k: int = 5, targets: np.ndarray | None = None) -> LensRows:
    """The same summary for logits llama.cpp computed itself (rows × vocabulary)."""
    z = np.asarray(logits, dtype=np.float32)
    n, v = z.shape
    k = max(1, min(k, v))
    zmax = z.max(axis=1, keepdims=True)
    log_z = (zmax[:, 0].astype(np.float64) + np.log(np.exp(z - zmax).sum(axis=1, dtype=np.float64)))
    part = np.argpartition(z, -k, axis=1)[:, -k:] if k < v else np.tile(np.arange(v), (n, 1))
    vals = np.take_along_axis(z, part, axis=1)
    order = np.argsort(-vals, axis=1, kind="stable")
    ids = np.take_along_axis(part, order, axis=1)
    vals = np.take_along_axis(vals, order, axis=1)
    probs = np.exp(vals.astype(np.float64) - log_z[:, None]).astype(np.float32)
    tp = np.full(n, np.nan, dtype=np.float32)
    if targets is not None:
        t = np.asarray(targets, dtype=np.int64)
        ok = (t >= 0) & (t < v)
        rows = np.nonzero(ok)[0]
        tp[rows] = np.exp(z[rows, t[rows]].astype(np.float64) - log_z[rows]).astype(np.float32)
    return LensRows(ids.astype(np.int32), probs, tp)
