"""What a successful check returns: the facts about a GGUF that its users need.

Frozen, plain values (no file handles, no numpy), so callers can cache or serialise them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TensorInfo:
    name: str
    type_name: str
    """``gguf.GGMLQuantizationType`` name: F32, F16, Q8_0, Q4_K ..."""
    shape: tuple[int, ...]
    """numpy order (rows first), as ``gguf.GGUFWriter.add_tensor`` takes it; ggml order reversed."""
    n_elements: int
    n_bytes: int


@dataclass(frozen=True)
class GGUFInfo:
    path: str
    """absolute path"""
    size_bytes: int
    version: int
    """GGUF format version"""
    architecture: str
    name: str
    """``general.name``, else the file name without its extension"""
    context_length: int
    """``{arch}.context_length``: the trained context"""
    n_vocab: int
    n_params: int
    file_type: int | None
    """``general.file_type`` (a ``gguf.LlamaFileType`` value), None when absent"""
    file_type_name: str
    """``Q4_1``, ``F16``, ``ALL_F32`` ...; ``unknown`` when absent"""
    tokenizer_model: str
    chat_template: str | None
    bos_token_id: int | None
    eos_token_id: int | None
    metadata: dict[str, Any] = field(default_factory=dict)
    """every key except the per-token arrays; arrays of more than 16 items are left out"""
    tensors: tuple[TensorInfo, ...] = ()

    @property
    def n_tensors(self) -> int:
        return len(self.tensors)

    @property
    def tensor_types(self) -> dict[str, str]:
        return {t.name: t.type_name for t in self.tensors}

    @property
    def tensor_shapes(self) -> dict[str, tuple[int, ...]]:
        return {t.name: t.shape for t in self.tensors}

    def type_histogram(self) -> dict[str, int]:
        """Tensor type name -> number of tensors of that type, sorted by name."""
        hist: dict[str, int] = {}
        for t in self.tensors:
            hist[t.type_name] = hist.get(t.type_name, 0) + 1
        return dict(sorted(hist.items()))
