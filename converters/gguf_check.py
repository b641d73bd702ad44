"""Structural validation of a ``gpt2`` GGUF, in pure Python.

llama.cpp aborts the whole process (no exception) on some malformed files,
e.g. duplicate token strings. Everything we hand to llama.cpp, in ``verify``
and in the tests, is checked here first: required keys with the exact GGUF
value types the loader demands, unique tokens, token count equal to the
embedding rows, exactly the tensor set the gpt2 graph expects, and tensor
data that fits inside the file.

The file is parsed by :func:`parse_gguf_header`, a small reader of the GGUF v3
header (key/values and tensor infos; tensor data is never touched). gguf-py's
``GGUFReader`` builds a numpy memmap view per array element and needs about
8 s for a GPT-2-sized vocabulary (50k tokens + 50k merges); this takes a
fraction of a second, which matters because every conversion validates its
own output. The tests cross-check it against ``GGUFReader``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import gguf
from gguf import GGUFValueType as VT

from .errors import InvalidGGUFError
from .tensor_map import expected_gguf_tensor_names

_REQUIRED = {
    "general.architecture": VT.STRING,
    "gpt2.context_length": VT.UINT32,
    "gpt2.embedding_length": VT.UINT32,
    "gpt2.block_count": VT.UINT32,
    "gpt2.feed_forward_length": VT.UINT32,
    "gpt2.attention.head_count": VT.UINT32,
    "gpt2.attention.layer_norm_epsilon": VT.FLOAT32,
    "tokenizer.ggml.model": VT.STRING,
    "tokenizer.ggml.pre": VT.STRING,
    "tokenizer.ggml.tokens": VT.ARRAY,
    "tokenizer.ggml.merges": VT.ARRAY,
    "tokenizer.ggml.bos_token_id": VT.UINT32,
    "tokenizer.ggml.eos_token_id": VT.UINT32,
}
_OPTIONAL = {"general.file_type": VT.UINT32, "general.quantization_version": VT.UINT32,
             "tokenizer.ggml.token_type": VT.ARRAY}

_SCALARS = {
    VT.UINT8: "<B", VT.INT8: "<b", VT.UINT16: "<H", VT.INT16: "<h", VT.UINT32: "<I", VT.INT32: "<i",
    VT.FLOAT32: "<f", VT.BOOL: "<?", VT.UINT64: "<Q", VT.INT64: "<q", VT.FLOAT64: "<d",
}


@dataclass
class RawTensorInfo:
    name: str
    shape: tuple[int, ...]
    """numpy order"""
    type_name: str
    offset: int
    nbytes: int


class _Cursor:
    def __init__(self, data: bytes):
        self.data = data
        self.pos = 0

    def unpack(self, fmt: str):
        (value,) = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += struct.calcsize(fmt)
        return value

    def string(self) -> str:
        n = self.unpack("<Q")
        if self.pos + n > len(self.data):
            raise ValueError("string runs past the end of the file")
        raw = self.data[self.pos:self.pos + n]
        self.pos += n
        return raw.decode("utf-8")

    def _strings(self, n: int) -> list[str]:
        # hot loop for 50k-entry token/merge arrays: locals only, no method calls
        data, pos, end = self.data, self.pos, len(self.data)
        unpack_q = struct.Struct("<Q").unpack_from
        out = []
        append = out.append
        for _ in range(n):
            (ln,) = unpack_q(data, pos)
            pos += 8
            if pos + ln > end:
                raise ValueError("string runs past the end of the file")
            append(data[pos:pos + ln].decode("utf-8"))
            pos += ln
        self.pos = pos
        return out

    def value(self, vt: int):
        if vt == VT.STRING:
            return self.string()
        if vt == VT.ARRAY:
            sub = self.unpack("<I")
            n = self.unpack("<Q")
            if sub == VT.STRING:
                return sub, self._strings(n)
            if sub == VT.ARRAY:
                return sub, [self.value(VT.ARRAY) for _ in range(n)]
            fmt = _SCALARS[VT(sub)]
            size = struct.calcsize(fmt)
            vals = list(struct.unpack_from("<" + fmt[1] * n, self.data, self.pos))
            self.pos += size * n
            return sub, vals
        return self.unpack(_SCALARS[VT(vt)])


def parse_gguf_header(path: str | Path) -> tuple[dict, dict, list[RawTensorInfo], int]:
    """(values, types, tensors, data_start). ``types[key]`` is (VT, sub-VT or None)."""
    path = Path(path)
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(24)
        if len(head) < 24 or head[:4] != b"GGUF":
            raise ValueError("missing GGUF magic")
        version, n_tensors, n_kv = struct.unpack_from("<IQQ", head, 4)
        if version not in (2, 3):
            raise ValueError(f"unsupported GGUF version {version}")
        data = head
        chunk = 1 << 20
        values: dict = {}
        types: dict = {}
        tensors: list[RawTensorInfo] = []
        while True:  # read enough of the file to hold the whole header
            try:
                cur = _Cursor(data)
                cur.pos = 24
                values.clear(), types.clear(), tensors.clear()
                for _ in range(n_kv):
                    key = cur.string()
                    vt = cur.unpack("<I")
                    val = cur.value(vt)
                    if vt == VT.ARRAY:
                        types[key] = (VT(vt), VT(val[0]))
                        values[key] = val[1]
                    else:
                        types[key] = (VT(vt), None)
                        values[key] = val
                infos = []
                for _ in range(n_tensors):
                    name = cur.string()
                    n_dims = cur.unpack("<I")
                    dims = [cur.unpack("<Q") for _ in range(n_dims)]
                    ttype = cur.unpack("<I")
                    offset = cur.unpack("<Q")
                    infos.append((name, dims, ttype, offset))
                break
            except (struct.error, ValueError, IndexError):
                if len(data) >= size:
                    raise
                more = fh.read(chunk)
                chunk *= 2
                data += more
    align = int(values.get("general.alignment", 32))
    data_start = (cur.pos + align - 1) // align * align
    for name, dims, ttype, offset in infos:
        qt = gguf.GGMLQuantizationType(ttype)
        block, type_size = gguf.GGML_QUANT_SIZES[qt]
        n = 1
        for d in dims:
            n *= d
        tensors.append(RawTensorInfo(name, tuple(reversed(dims)), qt.name, offset, n // block * type_size))
    return values, types, tensors, data_start


@dataclass
class GGUFInfo:
    metadata: dict
    tensor_types: dict[str, str]
    tensor_shapes: dict[str, tuple[int, ...]]
    """numpy order"""
    n_tokens: int
    context_length: int
    file_type: int | None
    size_bytes: int
    notes: list[str] = field(default_factory=list)

    def type_histogram(self) -> dict[str, int]:
        hist: dict[str, int] = {}
        for t in self.tensor_types.values():
            hist[t] = hist.get(t, 0) + 1
        return dict(sorted(hist.items()))


def read_gguf_info(path: str | Path) -> GGUFInfo:
    """Validate ``path`` and return its key facts; raise InvalidGGUFError if unsafe to load."""
    path = Path(path)
    try:
        values, vtypes, raw_tensors, data_start = parse_gguf_header(path)
    except Exception as exc:  # any malformed header: struct/Unicode/Value errors
        raise InvalidGGUFError(f"{path.name} is not a readable GGUF file: {exc}") from None

    def bad(msg: str) -> InvalidGGUFError:
        return InvalidGGUFError(f"{path.name}: {msg}")

    for key, vt in {**_REQUIRED, **_OPTIONAL}.items():
        if key not in vtypes:
            if key in _REQUIRED:
                raise bad(f"required key {key} is missing")
            continue
        if vtypes[key][0] != vt:
            raise bad(f"key {key} has type {vtypes[key][0].name} but llama.cpp expects {vt.name}")
    meta = {k: v for k, v in values.items()
            if k not in ("tokenizer.ggml.tokens", "tokenizer.ggml.merges", "tokenizer.ggml.token_type")}
    if meta["general.architecture"] != "gpt2":
        raise bad(f"architecture is {meta['general.architecture']!r}, not gpt2")
    if meta["tokenizer.ggml.model"] != "gpt2":
        raise bad(f"tokenizer model is {meta['tokenizer.ggml.model']!r}, not gpt2")

    tokens = values["tokenizer.ggml.tokens"]
    n_tok = len(tokens)
    if len(set(tokens)) != n_tok:
        seen: set[str] = set()
        dup = next(t for t in tokens if t in seen or seen.add(t))
        raise bad(f"token string {dup!r} occurs more than once (llama.cpp would abort)")
    if "tokenizer.ggml.token_type" in values and len(values["tokenizer.ggml.token_type"]) < n_tok:
        raise bad("token_type array is shorter than the token list")
    if not values["tokenizer.ggml.merges"]:
        raise bad("merges array is empty")
    for key in ("tokenizer.ggml.bos_token_id", "tokenizer.ggml.eos_token_id"):
        if meta[key] >= n_tok:
            raise bad(f"{key}={meta[key]} is outside the {n_tok}-token vocabulary")

    types = {t.name: t.type_name for t in raw_tensors}
    shapes = {t.name: t.shape for t in raw_tensors}
    if len(types) != len(raw_tensors):
        raise bad("duplicate tensor names")
    file_size = path.stat().st_size
    for t in raw_tensors:
        if data_start + t.offset + t.nbytes > file_size:
            raise bad(f"tensor {t.name} extends past the end of the file (truncated?)")
    n_layer = int(meta["gpt2.block_count"])
    untied = "output.weight" in types
    expected = set(expected_gguf_tensor_names(n_layer, untied))
    extra, missing = set(types) - expected, expected - set(types)
    if extra or missing:
        raise bad(f"tensor set differs from the gpt2 graph (extra: {sorted(extra)[:4]}, missing: {sorted(missing)[:4]})")
    e, ff = int(meta["gpt2.embedding_length"]), int(meta["gpt2.feed_forward_length"])
    ctx = int(meta["gpt2.context_length"])
    want = {"token_embd.weight": (n_tok, e), "position_embd.weight": (ctx, e),
            "output_norm.weight": (e,), "output_norm.bias": (e,)}
    if untied:
        want["output.weight"] = (n_tok, e)
    for i in range(n_layer):
        want.update({
            f"blk.{i}.attn_qkv.weight": (3 * e, e), f"blk.{i}.attn_qkv.bias": (3 * e,),
            f"blk.{i}.attn_output.weight": (e, e), f"blk.{i}.ffn_up.weight": (ff, e),
            f"blk.{i}.ffn_up.bias": (ff,), f"blk.{i}.ffn_down.weight": (e, ff),
        })
    for name, shape in want.items():
        if shapes[name] != shape:
            raise bad(f"tensor {name} has shape {list(shapes[name])}, expected {list(shape)}")
    if e % int(meta["gpt2.attention.head_count"]):
        raise bad("embedding length is not divisible by the head count")
    return GGUFInfo(
        metadata=meta,
        tensor_types=types,
        tensor_shapes=shapes,
        n_tokens=n_tok,
        context_length=ctx,
        file_type=meta.get("general.file_type"),
        size_bytes=file_size,
    )


def read_tokens(path: str | Path) -> list[str]:
    return parse_gguf_header(path)[0]["tokenizer.ggml.tokens"]
