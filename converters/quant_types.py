"""Output types offered to users, and what each will cost in bytes.

``f32``/``f16`` are written directly by gguf-py. Every other type goes through
llama.cpp's own quantizer (gguf-py cannot produce K-quants at all), from an
intermediate F16 file. The size estimate mirrors the rules llama.cpp applies
(reference §4.9): 1-D tensors and the position table stay F32, a tied token
embedding is quantized like an output head (Q6_K, or Q8_0 when its rows are
not a multiple of 256), and a matrix whose row length does not fit the block
size falls back to another type.
"""

from __future__ import annotations

from dataclasses import dataclass

from translatable import msg

# bits per weight of ggml tensor types
BPW = {
    "F32": 32.0, "F16": 16.0, "Q8_0": 8.5, "Q6_K": 6.5625, "Q5_1": 6.0, "Q5_0": 5.5,
    "Q5_K": 5.5, "Q4_1": 5.0, "Q4_0": 4.5, "Q4_K": 4.5,
}


@dataclass(frozen=True)
class QuantType:
    name: str
    file_type: int
    """``general.file_type`` / ``llama_ftype`` value."""
    block: int
    """Row length must be a multiple of this for the nominal type."""
    nominal: str
    bpw: float
    """Average bits per weight of the type's mix when every row fits."""
    fallback: str | None
    """What llama.cpp uses when a row length does not fit ``block``."""
    via_llama: bool


QUANT_TYPES: dict[str, QuantType] = {
    q.name: q
    for q in (
        QuantType("f32", 0, 1, "F32", 32.0, None, False),
        QuantType("f16", 1, 1, "F16", 16.0, None, False),
        QuantType("q8_0", 7, 32, "Q8_0", 8.5, "F16", True),
        QuantType("q6_k", 18, 256, "Q6_K", 6.5625, "Q8_0", True),
        QuantType("q5_k_m", 17, 256, "Q5_K", 5.75, "Q5_1", True),
        QuantType("q5_1", 9, 32, "Q5_1", 6.0, "F16", True),
        QuantType("q5_0", 8, 32, "Q5_0", 5.5, "F16", True),
        QuantType("q4_k_m", 15, 256, "Q4_K", 4.9, "Q5_0", True),
        QuantType("q4_1", 3, 32, "Q4_1", 5.0, "F16", True),
        QuantType("q4_0", 2, 32, "Q4_0", 4.5, "F16", True),
    )
}


def quant_type(name: str) -> QuantType:
    from .errors import BadInputError  # noqa: PLC0415

    q = QUANT_TYPES.get(name.lower())
    if q is None:
        raise BadInputError(msg("unknown output type {name!r}; choose one of: {value}", name=name, value=', '.join(QUANT_TYPES)))
    return q


def tensor_storage(qt: QuantType, gguf_name: str, shape: tuple[int, ...], tied_embedding: bool) -> str:
    """The ggml type llama.cpp will give this tensor for output type ``qt``."""
    if len(shape) < 2 or gguf_name == "position_embd.weight" or gguf_name.endswith("_norm.weight"):
        return "F32"
    if qt.name in ("f32", "f16"):
        return qt.nominal
    row = shape[-1]
    is_head = gguf_name == "output.weight" or (tied_embedding and gguf_name == "token_embd.weight")
    if is_head:
        if row % 256:
            return "Q8_0"
        return "Q8_0" if qt.nominal == "Q8_0" else "Q6_K"
    if row % qt.block == 0:
        return qt.nominal
    if qt.fallback and row % 32 == 0:
        return qt.fallback
    return "F16"


def fallback_tensors(qt: QuantType, matrices: list[tuple[str, tuple[int, ...]]]) -> list[str]:
    """Names of 2-D weights whose row length does not fit ``qt``'s block size."""
    if not qt.via_llama:
        return []
    return [
        name for name, shape in matrices
        if name not in ("position_embd.weight", "token_embd.weight", "output.weight") and shape[-1] % qt.block
    ]


def estimate_bytes(qt: QuantType, tensors: list[tuple[str, tuple[int, ...]]], tied: bool, kv_bytes: int) -> int:
    total = kv_bytes
    for name, shape in tensors:
        n = 1
        for d in shape:
            n *= d
        storage = tensor_storage(qt, name, shape, tied)
        bpw = qt.bpw if storage == qt.nominal else BPW[storage]
        total += int(n * bpw / 8) + 32 + len(name) + 40  # data + alignment + tensor info
    return total
