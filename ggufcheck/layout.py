"""Read a GGUF file's layout (header, key/values, tensor table) without touching tensor data.

Why not ``gguf.GGUFReader``: its constructor builds one numpy view (plus a list entry) for every
element of every metadata array, and it has no option to skip or defer arrays. A chat model's
vocabulary is ~50,000 tokens plus as many merges and token types, so the reader needs about 2 s
for the bundled SmolLM2 or a GPT-2-sized vocabulary on the 2-core development machine
(benchmarks/gguf_check_speed.py), and its ~10^5 numpy objects set off full garbage collections
that stall the GUI thread. The validator runs on the first launch and after every conversion,
so this module reads the same format itself, in about 20-40 ms for those files:

* the byte layout is the GGUF spec as the ``gguf`` package defines it: its public constants
  (``GGUF_MAGIC``, ``READER_SUPPORTED_VERSIONS``, ``GGUFValueType``, ``GGMLQuantizationType``,
  ``GGML_QUANT_SIZES``, ``GGUF_DEFAULT_ALIGNMENT``) name every magic number used here;
* scalars are unpacked with ``struct`` from a read-only memory map;
* a numeric array becomes one numpy array (``np.frombuffer``), whatever its length;
* a string array is walked once, in a tight loop, into a list of ``bytes`` (no UTF-8 decoding:
  llama.cpp compares raw bytes, and the duplicate check hashes them in C with ``set``); bytes
  objects are not tracked by the cyclic garbage collector, so parsing triggers no collections.

This is the one place that knows GGUF's byte layout; "public API only" would have meant
``GGUFReader`` and its cost. Should a new ``gguf`` release change the format, ggufcheck.compat's
version bound and the reader-agreement tests are what notice.

``tests/test_ggufcheck.py`` compares every key, value type, value and tensor entry read here with
``GGUFReader``'s on real files, so the reference reader still defines what "correct" means.
"""

from __future__ import annotations

import mmap
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from gguf import GGUF_DEFAULT_ALIGNMENT, GGUF_MAGIC, READER_SUPPORTED_VERSIONS, GGUFValueType, Keys

from ggufcheck.errors import GGUFCheckError, Rule
from translatable import msg

VT = GGUFValueType

# Little-endian struct codes / numpy dtypes of the fixed-size GGUF value types. GGUF files are
# little-endian unless the version field says otherwise (then llama.cpp on this host refuses them).
SCALAR_FORMATS: dict[GGUFValueType, str] = {
    VT.UINT8: "<B", VT.INT8: "<b", VT.UINT16: "<H", VT.INT16: "<h", VT.UINT32: "<I", VT.INT32: "<i",
    VT.FLOAT32: "<f", VT.BOOL: "<?", VT.UINT64: "<Q", VT.INT64: "<q", VT.FLOAT64: "<d",
}
_SCALARS = {vt: struct.Struct(fmt) for vt, fmt in SCALAR_FORMATS.items()}
_DTYPES = {vt: np.dtype(fmt) for vt, fmt in SCALAR_FORMATS.items()}
_U32 = struct.Struct("<I")
_U64 = struct.Struct("<Q")
_HEAD = struct.Struct("<IIQQ")  # magic, version, tensor count, key/value count
GGML_MAX_DIMS = 4  # llama.cpp's gguf reader refuses tensors with more dimensions


@dataclass(frozen=True)
class KeyValue:
    """One metadata entry. ``value``: a Python scalar or str; for arrays a numpy array, or a list
    of ``bytes`` when the items are strings."""

    type: GGUFValueType
    item_type: GGUFValueType | None
    value: Any

    @property
    def count(self) -> int:
        return len(self.value) if self.type == VT.ARRAY else 1


class RawTensor(NamedTuple):
    name: str
    dims: tuple[int, ...]
    """ggml order: dims[0] is the row length."""
    type_id: int
    offset: int
    """relative to the start of the data section"""


@dataclass(frozen=True)
class Layout:
    path: Path
    size: int
    version: int
    kv: dict[str, KeyValue]
    tensors: list[RawTensor]
    alignment: int
    data_offset: int
    """absolute offset of the data section (tensor offsets are relative to it)"""


class _Damaged(Exception):
    """The header cannot be parsed; turned into GGUFCheckError(Rule.HEADER) by read_layout."""


def read_layout(path: str | os.PathLike[str]) -> Layout:
    """Parse the header of the GGUF at ``path``; raise GGUFCheckError for unreadable files."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise GGUFCheckError(msg("{path} is a folder, not a GGUF model file.", path=str(p)), Rule.FILE)
        with p.open("rb") as fh:
            head = fh.read(_HEAD.size)
            if len(head) >= 4 and head[:4] != _U32.pack(GGUF_MAGIC):
                raise GGUFCheckError(
                    msg("{file} is not a GGUF model file (it does not start with the GGUF signature).", file=p.name),
                    Rule.SIGNATURE,
                )
            if len(head) < _HEAD.size:
                raise GGUFCheckError(
                    msg("{file} is empty or truncated: it is too short to be a GGUF model. Download or convert it again.",
                        file=p.name),
                    Rule.TRUNCATED,
                )
            _magic, version, n_tensors, n_kv = _HEAD.unpack(head)
            _check_version(p, version)
            with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as buf:
                try:
                    return _parse(p, buf, size, version, n_tensors, n_kv)
                except (_Damaged, struct.error, ValueError, OverflowError) as exc:
                    if isinstance(exc, GGUFCheckError):
                        raise
                    raise GGUFCheckError(
                        msg("{file} is damaged or truncated: its GGUF header could not be read ({reason}). "
                            "Download or convert it again.", file=p.name,
                            reason=exc.args[0] if isinstance(exc, _Damaged) else _short(exc)),
                        Rule.HEADER,
                    ) from None
    except FileNotFoundError:
        raise GGUFCheckError(msg("The model file {path} does not exist.", path=str(p)), Rule.FILE) from None
    except OSError as exc:
        raise GGUFCheckError(msg("{file} cannot be read: {reason}.", file=p.name, reason=exc.strerror or str(exc)), Rule.FILE) from None


def _check_version(p: Path, version: int) -> None:
    if version not in READER_SUPPORTED_VERSIONS and version & 0xFFFF == 0:
        raise GGUFCheckError(
            msg("{file} is a big-endian GGUF file; llama.cpp on this computer reads only little-endian ones. "
                "Convert it with gguf-convert-endian, or download the little-endian version.", file=p.name),
            Rule.VERSION,
        )
    if version not in READER_SUPPORTED_VERSIONS:
        supported = ", ".join(str(v) for v in READER_SUPPORTED_VERSIONS[:-1])
        raise GGUFCheckError(
            msg("{file} uses GGUF version {version}; llama.cpp reads versions {supported} and {last}. "
                "Download or convert the model again with a current converter.", file=p.name, version=version,
                supported=supported, last=READER_SUPPORTED_VERSIONS[-1]),
            Rule.VERSION,
        )


def _parse(p: Path, buf: mmap.mmap, size: int, version: int, n_tensors: int, n_kv: int) -> Layout:
    # Each key/value takes at least 13 bytes and each tensor entry at least 24: absurd counts
    # (a damaged header) are refused before any loop runs.
    if n_kv * 13 + n_tensors * 24 > size:
        raise _Damaged(msg("it claims {n_kv:,} keys and {n_tensors:,} tensors in {size:,} bytes", n_kv=n_kv, n_tensors=n_tensors, size=size))
    pos = _HEAD.size
    kv: dict[str, KeyValue] = {}
    for _ in range(n_kv):
        key, pos = _string(buf, pos, size)
        (raw_type,) = _U32.unpack_from(buf, pos)
        pos += 4
        value, pos = _value(buf, pos, size, raw_type, key)
        if key in kv:
            raise _Damaged(msg("key {key} appears twice", key=key))
        kv[key] = value
    tensors: list[RawTensor] = []
    for _ in range(n_tensors):
        name, pos = _string(buf, pos, size)
        (n_dims,) = _U32.unpack_from(buf, pos)
        pos += 4
        if n_dims > GGML_MAX_DIMS:
            raise _Damaged(msg("tensor {tensor} has {n_dims} dimensions", tensor=name, n_dims=n_dims))
        dims = struct.unpack_from(f"<{n_dims}Q", buf, pos)
        pos += 8 * n_dims
        type_id, offset = struct.unpack_from("<IQ", buf, pos)
        pos += 12
        tensors.append(RawTensor(name, tuple(dims), type_id, offset))
    alignment = GGUF_DEFAULT_ALIGNMENT
    align_kv = kv.get(Keys.General.ALIGNMENT)
    if align_kv is not None:
        if align_kv.type != VT.UINT32 or align_kv.value == 0 or align_kv.value & (align_kv.value - 1):
            raise _Damaged(msg("{key} must be a power of two stored as UINT32", key=Keys.General.ALIGNMENT))
        alignment = align_kv.value
    data_offset = -(-pos // alignment) * alignment
    return Layout(p, size, version, kv, tensors, alignment, data_offset)


def _string(buf: mmap.mmap, pos: int, size: int) -> tuple[str, int]:
    (n,) = _U64.unpack_from(buf, pos)
    pos += 8
    if pos + n > size:
        raise _Damaged(msg("a string runs past the end of the file"))
    return buf[pos:pos + n].decode("utf-8"), pos + n


def _value(buf: mmap.mmap, pos: int, size: int, raw_type: int, key: str) -> tuple[KeyValue, int]:
    vt = VT(raw_type)  # ValueError for unknown types: damaged
    if vt == VT.STRING:
        (n,) = _U64.unpack_from(buf, pos)
        pos += 8
        if pos + n > size:
            raise _Damaged(msg("the value of {key} runs past the end of the file", key=key))
        return KeyValue(vt, None, buf[pos:pos + n].decode("utf-8", "replace")), pos + n
    if vt != VT.ARRAY:
        (value,) = _SCALARS[vt].unpack_from(buf, pos)
        return KeyValue(vt, None, value), pos + _SCALARS[vt].size
    item_raw, n = struct.unpack_from("<IQ", buf, pos)
    pos += 12
    item = VT(item_raw)
    if item == VT.ARRAY:
        raise _Damaged(msg("{key} is an array of arrays, which llama.cpp cannot read", key=key))
    if item == VT.STRING:
        items, pos = _string_items(buf, pos, size, n, key)
        return KeyValue(vt, item, items), pos
    width = _DTYPES[item].itemsize
    end = pos + n * width
    if end > size:
        raise _Damaged(msg("the value of {key} runs past the end of the file", key=key))
    return KeyValue(vt, item, np.frombuffer(buf[pos:end], dtype=_DTYPES[item])), end


def _string_items(buf: mmap.mmap, pos: int, size: int, n: int, key: str) -> tuple[list[bytes], int]:
    """The hot loop (tens of thousands of tokens and merges): locals only, one slice per item."""
    if n * 8 > size - pos:
        raise _Damaged(msg("the value of {key} runs past the end of the file", key=key))
    unpack = _U64.unpack_from
    items: list[bytes] = []
    append = items.append
    for _ in range(n):
        (length,) = unpack(buf, pos)
        pos += 8
        append(buf[pos:pos + length])
        pos += length
    if pos > size:  # only the last item can run short unnoticed (a slice clips silently)
        raise _Damaged(msg("the value of {key} runs past the end of the file", key=key))
    return items, pos


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) < 160 else text[:157] + "…"
