"""Crafted GGUF files for the validator tests, written with the real ``gguf.GGUFWriter``.

``gpt2_spec()`` / ``llama_spec()`` describe a small but structurally complete model as plain
dicts (metadata key -> (value, type, item type); tensor name -> array) that a test edits to break
exactly one rule before ``write()`` turns it into a file. ``assert_layout_matches_reader``
compares ggufcheck's fast header reader with ``gguf.GGUFReader`` entry by entry.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import gguf
import numpy as np
from gguf import GGUFValueType as VT

BYTE_TOKENS = ["Ċ", "Ġ", "a", "b", "c", "d", "e", "ab", "cd", "<|endoftext|>"]


def _f32(rng: np.random.Generator, *shape: int) -> np.ndarray:
    return rng.standard_normal(shape).astype(np.float32)


def gpt2_spec(tokens: list[str] | None = None, n_layer: int = 1, e: int = 8, ctx: int = 64) -> dict[str, Any]:
    """A 1-layer gpt2 model that llama.cpp loads (random weights)."""
    tokens = list(BYTE_TOKENS if tokens is None else tokens)
    v, ff = len(tokens), 4 * e
    keys: dict[str, tuple] = {
        "general.name": ("tiny gpt2", VT.STRING, None),
        "general.file_type": (0, VT.UINT32, None),
        "gpt2.context_length": (ctx, VT.UINT32, None),
        "gpt2.embedding_length": (e, VT.UINT32, None),
        "gpt2.block_count": (n_layer, VT.UINT32, None),
        "gpt2.feed_forward_length": (ff, VT.UINT32, None),
        "gpt2.attention.head_count": (2, VT.UINT32, None),
        "gpt2.attention.layer_norm_epsilon": (1e-5, VT.FLOAT32, None),
        "tokenizer.ggml.model": ("gpt2", VT.STRING, None),
        "tokenizer.ggml.pre": ("gpt-2", VT.STRING, None),
        "tokenizer.ggml.tokens": (tokens, VT.ARRAY, VT.STRING),
        "tokenizer.ggml.token_type": ([1] * v, VT.ARRAY, VT.INT32),
        "tokenizer.ggml.merges": (["a b", "c d"], VT.ARRAY, VT.STRING),
        "tokenizer.ggml.bos_token_id": (v - 1, VT.UINT32, None),
        "tokenizer.ggml.eos_token_id": (v - 1, VT.UINT32, None),
    }
    rng = np.random.default_rng(0)
    tensors = {"token_embd.weight": _f32(rng, v, e), "position_embd.weight": _f32(rng, ctx, e)}
    for i in range(n_layer):
        for part, shape in [("attn_norm", (e,)), ("attn_qkv", (3 * e, e)), ("attn_output", (e, e)),
                            ("ffn_norm", (e,)), ("ffn_up", (ff, e)), ("ffn_down", (e, ff))]:
            tensors[f"blk.{i}.{part}.weight"] = _f32(rng, *shape)
            tensors[f"blk.{i}.{part}.bias"] = _f32(rng, shape[0])
    tensors["output_norm.weight"] = _f32(rng, e)
    tensors["output_norm.bias"] = _f32(rng, e)
    return {"arch": "gpt2", "keys": keys, "tensors": tensors}


def llama_spec(tokens: list[str] | None = None, e: int = 8, ctx: int = 64) -> dict[str, Any]:
    """Metadata and vocabulary of a ``llama`` model: what the architecture-independent rules read.

    Only ``token_embd.weight`` is written (the validator's general rules do not know llama's
    tensor set), so llama.cpp would not load it; it stands for any architecture.
    """
    tokens = list(BYTE_TOKENS if tokens is None else tokens)
    keys: dict[str, tuple] = {
        "llama.context_length": (ctx, VT.UINT32, None),
        "llama.embedding_length": (e, VT.UINT32, None),
        "llama.block_count": (1, VT.UINT32, None),
        "llama.attention.head_count": (2, VT.UINT32, None),
        "llama.attention.layer_norm_rms_epsilon": (1e-5, VT.FLOAT32, None),
        "llama.vocab_size": (len(tokens), VT.UINT32, None),
        "tokenizer.ggml.model": ("gpt2", VT.STRING, None),
        "tokenizer.ggml.pre": ("smollm", VT.STRING, None),
        "tokenizer.ggml.tokens": (tokens, VT.ARRAY, VT.STRING),
        "tokenizer.ggml.merges": (["a b"], VT.ARRAY, VT.STRING),
    }
    tensors = {"token_embd.weight": _f32(np.random.default_rng(1), len(tokens), e)}
    return {"arch": "llama", "keys": keys, "tensors": tensors}


def write(path: Path, spec: dict[str, Any]) -> Path:
    w = gguf.GGUFWriter(str(path), spec["arch"])  # an empty arch writes no general.architecture
    for key, (value, vtype, item_type) in spec["keys"].items():
        w.add_key_value(key, value, vtype, sub_type=item_type)
    for name, array in spec["tensors"].items():
        w.add_tensor(name, array)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return path


def patch(path: Path, old: bytes, new: bytes) -> None:
    """Replace the one occurrence of ``old`` in the file's header by ``new`` (same length)."""
    data = path.read_bytes()
    assert len(old) == len(new) and data.count(old) == 1, old
    path.write_bytes(data.replace(old, new))


def tensor_type_offset(path: Path, name: str) -> int:
    """Byte offset of the type field of tensor ``name``'s entry in the tensor table."""
    data = path.read_bytes()
    entry = struct.pack("<Q", len(name)) + name.encode()
    at = data.index(entry) + len(entry)
    (n_dims,) = struct.unpack_from("<I", data, at)
    return at + 4 + 8 * n_dims


def assert_layout_matches_reader(path: Path) -> None:
    """ggufcheck.layout reads exactly what gguf.GGUFReader reads: every key, type, value, tensor."""
    from ggufcheck.layout import read_layout

    lay = read_layout(path)
    reader = gguf.GGUFReader(str(path))
    fields = {k: f for k, f in reader.fields.items() if not k.startswith("GGUF.")}
    assert list(lay.kv) == list(fields)
    assert lay.version == reader.fields["GGUF.version"].contents()
    for key, field in fields.items():
        entry = lay.kv[key]
        assert entry.type == field.types[0], key
        if entry.type == VT.ARRAY:
            assert entry.item_type == field.types[-1], key
            got = [s.decode("utf-8") for s in entry.value] if entry.item_type == VT.STRING else entry.value.tolist()
        else:
            got = entry.value
        want = field.contents()
        assert got == want, key  # floats: both are the stored float32 widened to a Python float
    assert lay.data_offset == reader.data_offset and lay.alignment == reader.alignment
    assert [(t.name, t.dims, t.type_id, lay.data_offset + t.offset) for t in lay.tensors] == [
        (t.name, tuple(int(d) for d in t.shape), int(t.tensor_type), int(t.data_offset)) for t in reader.tensors
    ]
