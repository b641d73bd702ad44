"""Read checkpoint tensors one at a time, as float32/float16 numpy arrays.

Two readers with the same small interface (``shapes()``, ``read(name)``,
``close()``):

* :class:`SafetensorsReader` needs neither torch nor the safetensors package.
  The format is an 8-byte header length, a JSON header with byte offsets, then
  raw little-endian data; we validate that header against the file size (so a
  truncated download is reported up front, not half-way through writing) and
  then fetch each tensor with one positioned read. That keeps only the tensor
  being converted in memory; mapping the whole file instead would leave every
  touched page resident and count the full checkpoint against peak RSS.
* :class:`TorchStateDictReader` wraps a state dict from ``torch.load`` with
  ``weights_only=True`` (never full pickle: checkpoints are untrusted input)
  and ``mmap=True`` where the file format allows, so an optimizer state
  stored next to the weights is never paged in.
"""

from __future__ import annotations

import json
import os
import re
import struct
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from translatable import msg

from .errors import BadInputError, MissingDependencyError

Shape = tuple[int, ...]

_ST_DTYPES: dict[str, tuple[np.dtype, int]] = {
    "F32": (np.dtype("<f4"), 4),
    "F16": (np.dtype("<f2"), 2),
    "BF16": (np.dtype("<u2"), 2),
    "F64": (np.dtype("<f8"), 8),
}
# Integer tensors are buffers, not weights (BERT's ``embeddings.position_ids``): they are listed so
# a tensor map can drop them by name, but reading one is refused.
_ST_INT_SIZES = {"I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1, "BOOL": 1}
_MAX_HEADER = 100 * 1024 * 1024


def _bf16_to_f32(raw: np.ndarray) -> np.ndarray:
    return (raw.astype(np.uint32) << 16).view(np.float32)


class SafetensorsReader:
    """Reads one or more ``.safetensors`` files (a sharded model is several)."""

    def __init__(self, files: list[Path]):
        self._entries: dict[str, tuple[Path, str, Shape, int, int]] = {}
        for path in files:
            self._index(Path(path))

    def _index(self, path: Path) -> None:
        try:
            size = path.stat().st_size
            with open(path, "rb") as fh:
                head = fh.read(8)
                if len(head) < 8:
                    raise BadInputError(msg("{name} is too short to be a safetensors file ({size} bytes)", name=path.name, size=size))
                (n,) = struct.unpack("<Q", head)
                if n > _MAX_HEADER or 8 + n > size:
                    raise BadInputError(
                        msg("{name} is not a valid safetensors file (header length {n} does not fit in a {size}-byte file); it may be truncated or not safetensors at all", name=path.name, n=n, size=size)
                    )
                header = json.loads(fh.read(n).decode("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BadInputError(msg("cannot read safetensors header of {name}: {exc}", name=path.name, exc=exc)) from None
        if not isinstance(header, dict):
            raise BadInputError(msg("{name}: safetensors header is not a JSON object", name=path.name))
        data_start = 8 + n
        data_len = size - data_start
        for name, info in header.items():
            if name == "__metadata__":
                continue
            try:
                dtype_name = info["dtype"]
                shape = tuple(int(d) for d in info["shape"])
                begin, end = (int(x) for x in info["data_offsets"])
            except (KeyError, TypeError, ValueError):
                raise BadInputError(msg("{name}: malformed header entry for tensor {name2!r}", name=path.name, name2=name)) from None
            if dtype_name not in _ST_DTYPES and dtype_name not in _ST_INT_SIZES:
                raise BadInputError(
                    msg("{name}: tensor {name2!r} has dtype {dtype_name}; only F32, F16, BF16 and F64 weights are supported", name=path.name, name2=name, dtype_name=dtype_name)
                )
            itemsize = _ST_DTYPES[dtype_name][1] if dtype_name in _ST_DTYPES else _ST_INT_SIZES[dtype_name]
            count = int(np.prod(shape, dtype=np.int64)) if shape else 1
            if end - begin != count * itemsize or begin < 0:
                raise BadInputError(msg("{name}: tensor {name2!r} byte range does not match its shape {value}", name=path.name, name2=name, value=list(shape)))
            if end > data_len:
                raise BadInputError(
                    msg("{name} is truncated: tensor {name2!r} ends at byte {value} but the file has only {size} bytes", name=path.name, name2=name, value=data_start + end, size=size)
                )
            if name in self._entries:
                raise BadInputError(msg("tensor {name!r} appears in more than one shard", name=name))
            self._entries[name] = (path, dtype_name, shape, data_start + begin, count)

    def shapes(self) -> dict[str, Shape]:
        return {name: entry[2] for name, entry in self._entries.items()}

    def dtypes(self) -> set[str]:
        return {entry[1] for entry in self._entries.values()}

    def read(self, name: str) -> np.ndarray:
        path, dtype_name, shape, offset, count = self._entries[name]
        if dtype_name not in _ST_DTYPES:
            raise BadInputError(
                msg("{name}: tensor {name2!r} has dtype {dtype_name}; only F32, F16, BF16 and F64 weights are supported", name=path.name, name2=name, dtype_name=dtype_name)
            )
        dtype = _ST_DTYPES[dtype_name][0]
        with open(path, "rb") as fh:
            arr = np.fromfile(fh, dtype=dtype, count=count, offset=offset)
        if arr.size != count:
            raise BadInputError(msg("{name} ended while reading tensor {name2!r}; the file is truncated", name=path.name, name2=name))
        if dtype_name == "BF16":
            arr = _bf16_to_f32(arr)
        elif dtype_name == "F64":
            arr = arr.astype(np.float32)
        return arr.reshape(shape)

    def close(self) -> None:
        self._entries.clear()


def import_torch() -> Any:
    """Import torch lazily: only ``.pt``/``.bin`` checkpoints need it."""
    try:
        import torch  # noqa: PLC0415
    except ImportError:
        raise MissingDependencyError(
            msg("this checkpoint is a PyTorch pickle (.pt/.bin), which needs PyTorch to read; install it with: pip install 'chatdesk[torch]'")
        ) from None
    return torch


def torch_load_untrusted(path: Path) -> Any:
    """``torch.load`` restricted to tensors and plain containers (no code execution)."""
    torch = import_torch()
    import pickle  # noqa: PLC0415

    last_error: Exception | None = None
    for mmap in (True, False):
        try:
            return torch.load(str(path), map_location="cpu", weights_only=True, mmap=mmap)
        except pickle.UnpicklingError as exc:
            text = str(exc)
            found = re.search(r"(?:unsupported GLOBAL|Unsupported global:?)\s+(?:GLOBAL\s+)?([\w.]+)", text)
            if found:
                raise BadInputError(
                    msg("{name} contains Python objects other than tensors and plain containers ({value}), so it was not loaded (torch.load weights_only=True refuses to run code)", name=path.name, value=found.group(1))
                ) from None
            last_error = exc
            break
        except RuntimeError as exc:
            last_error = exc
            if mmap and "mmap" in str(exc):
                continue  # legacy (non-zip) format: load without mmap
            break
        except (EOFError, ValueError, OSError) as exc:
            last_error = exc
            break
    lines = [ln for ln in str(last_error).splitlines() if ln.strip()] if last_error else []
    message = lines[-1][:200] if lines else "unknown error"
    if isinstance(last_error, pickle.UnpicklingError):
        message = "not a readable PyTorch pickle"
    raise BadInputError(
        msg("{name} could not be read as a PyTorch checkpoint ({message}); it may be truncated or corrupt", name=path.name, message=message)
    )


class TorchStateDictReader:
    """Serves tensors from one or more loaded state dicts."""

    def __init__(self, state_dicts: list[Mapping[str, Any]], origin: str):
        torch = import_torch()
        self._tensors: dict[str, Any] = {}
        for sd in state_dicts:
            for name, value in sd.items():
                if not isinstance(name, str) or not isinstance(value, torch.Tensor):
                    raise BadInputError(msg("{origin}: entry {name!r} is not a tensor", origin=origin, name=name))
                if name in self._tensors:
                    raise BadInputError(msg("{origin}: tensor {name!r} appears twice", origin=origin, name=name))
                self._tensors[name] = value

    def shapes(self) -> dict[str, Shape]:
        return {name: tuple(int(d) for d in t.shape) for name, t in self._tensors.items()}

    def dtypes(self) -> set[str]:
        return {str(t.dtype).replace("torch.", "") for t in self._tensors.values()}

    def read(self, name: str) -> np.ndarray:
        torch = import_torch()
        t = self._tensors[name].detach()
        if t.dtype not in (torch.float32, torch.float16):
            t = t.to(torch.float32)
        return t.contiguous().numpy()

    def close(self) -> None:
        self._tensors.clear()


def file_sha256(paths: list[Path], chunk: int = 8 << 20) -> str:
    """sha256 over the weight files in order (one file: its plain sha256)."""
    import hashlib  # noqa: PLC0415

    h = hashlib.sha256()
    buf = bytearray(chunk)
    view = memoryview(buf)
    for path in paths:
        with open(path, "rb", buffering=0) as fh:
            while True:
                n = fh.readinto(buf)
                if not n:
                    break
                h.update(view[:n])
    return h.hexdigest()


def fsize(paths: list[Path]) -> int:
    return sum(os.path.getsize(p) for p in paths)
