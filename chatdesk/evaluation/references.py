"""The higher-precision model a quantized one is compared against.

Two kinds of reference:

* another GGUF of the same model (an F32/F16 file beside a Q8_0, say). ChatDesk's converter writes
  the SHA-256 of the checkpoint it read into ``chatdesk.source.sha256``, so two GGUFs with the same
  value are the same weights at different precisions; ``pick_reference`` chooses the most precise
  one among the candidates, which lets ``chatdesk eval a.q8_0.gguf a.f32.gguf`` compare them
  without being told. Any GGUF can also be named explicitly.
* the original checkpoint (a Hugging Face GPT-2 folder or a nanoGPT ``ckpt.pt``), run by the
  converter's own reference forward pass (``converters.reference_forward``: each format's own
  layout and GELU, float32). Reading ``.pt``/``.bin`` files needs PyTorch, an optional extra; the
  converter says so in a sentence when it is missing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from chatdesk.engine.errors import ModelFileError
from chatdesk.engine.gguf_check import GGUFSummary, check_gguf
from chatdesk.evaluation.errors import EvaluationError
from translatable import msg, text_of

SOURCE_KEY = "chatdesk.source.sha256"
GGUF_MAGIC = b"GGUF"

# Approximate bits per weight of llama.cpp file types: only the order matters here.
_BITS = {
    "ALL_F32": 32.0, "F16": 16.0, "BF16": 16.0, "Q8_0": 8.5, "Q6_K": 6.6, "Q5_1": 6.0, "Q5_K_M": 5.7,
    "Q5_K_S": 5.5, "Q5_0": 5.5, "Q4_1": 5.0, "Q4_K_M": 4.8, "Q4_K_S": 4.6, "Q4_0": 4.5, "IQ4_NL": 4.5,
    "IQ4_XS": 4.3, "Q3_K_L": 4.3, "Q3_K_M": 3.9, "Q3_K_S": 3.5, "Q2_K": 3.0,
}


def precision_bits(file_type: str) -> float:
    return _BITS.get(file_type.upper(), 0.0)


def source_sha256(summary: GGUFSummary) -> str | None:
    value = summary.metadata.get(SOURCE_KEY)
    return str(value) if isinstance(value, str) and value else None


def is_gguf(path: str | os.PathLike[str]) -> bool:
    p = Path(path)
    if not p.is_file():
        return False
    try:
        with p.open("rb") as fh:
            return fh.read(4) == GGUF_MAGIC
    except OSError:
        return False


def summarize(path: str | os.PathLike[str], cache_file: Path | None = None) -> GGUFSummary:
    """``check_gguf`` with its refusal turned into an evaluation error (exit status 2)."""
    try:
        return check_gguf(path, cache_file)
    except ModelFileError as exc:
        raise EvaluationError(text_of(exc)) from exc


def pick_reference(model: GGUFSummary, candidates: list[GGUFSummary]) -> GGUFSummary | None:
    """The most precise candidate converted from the same checkpoint, if it is more precise."""
    src = source_sha256(model)
    if src is None:
        return None
    mine = precision_bits(model.file_type)
    best: GGUFSummary | None = None
    for c in candidates:
        if Path(c.path).resolve() == Path(model.path).resolve() or source_sha256(c) != src:
            continue
        bits = precision_bits(c.file_type)
        if bits > mine and (best is None or bits > precision_bits(best.file_type)):
            best = c
    return best


class _Forward(Protocol):
    """What CheckpointReference needs of converters.reference_forward.ReferenceGPT2 (imported lazily)."""

    def logits(self, ids: list[int]) -> np.ndarray: ...


@dataclass
class CheckpointReference:
    """Logits of the original checkpoint for a window of token ids."""

    path: str
    name: str
    n_ctx: int
    n_vocab: int
    sha256: str
    _forward: _Forward
    _close: Callable[[], None]

    def logits(self, ids: list[int]) -> np.ndarray:
        return self._forward.logits(ids)

    def close(self) -> None:
        self._close()


def open_checkpoint_reference(src: str | os.PathLike[str], tokenizer: str | os.PathLike[str] | None = None) -> CheckpointReference:
    """Load a checkpoint's weights for the reference forward pass, or say why it cannot be."""
    try:
        from converters.api import load_source_weights
        from converters.errors import ConversionError
        from converters.reference_forward import ReferenceGPT2
        from converters.sources import open_checkpoint
        from converters.tensor_readers import file_sha256
    except ImportError as exc:  # pragma: no cover - converters ship with ChatDesk
        raise EvaluationError(msg("The checkpoint reader is not available ({error}).", error=str(exc)), code=1) from exc
    try:
        ckpt = open_checkpoint(src, tokenizer)
    except ConversionError as exc:
        raise EvaluationError(msg("The source checkpoint cannot be used: {error}.", error=text_of(exc))) from exc
    try:
        forward = ReferenceGPT2(load_source_weights(ckpt), ckpt.hparams, ckpt.layout, ckpt.untied_head)
        sha = file_sha256(ckpt.weight_files)
    except ConversionError as exc:
        ckpt.close()
        raise EvaluationError(msg("The source checkpoint cannot be used: {error}.", error=text_of(exc))) from exc
    except BaseException:
        ckpt.close()
        raise
    return CheckpointReference(
        path=str(ckpt.path), name=ckpt.path.name, n_ctx=int(ckpt.hparams.n_ctx), n_vocab=int(ckpt.hparams.n_vocab),
        sha256=sha, _forward=forward, _close=ckpt.close,
    )
