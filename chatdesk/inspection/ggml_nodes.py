"""Reading one node of llama.cpp's compute graph from inside the eval callback (ctypes).

llama.cpp hands the eval callback a ``struct ggml_tensor *``. Its name comes from
``ggml_get_name`` and its data from ``ggml_backend_tensor_get`` (which also works when the node
lives on a GPU), both in ``libggml-base`` shipped inside llama-cpp-python's ``lib/`` folder;
``type`` and ``ne[4]`` are the first fields of the struct (reference notes §10). llama-cpp-python
has no public binding for these, hence this small module.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

import llama_cpp
import numpy as np

GGML_TYPE_F32 = 0


class _TensorHead(ctypes.Structure):
    """The leading fields of ``struct ggml_tensor`` (ggml.h): type, buffer, ne[4], nb[4]."""

    _fields_ = [
        ("type", ctypes.c_int),
        ("buffer", ctypes.c_void_p),
        ("ne", ctypes.c_int64 * 4),
        ("nb", ctypes.c_size_t * 4),
    ]


def _library_names(stem: str) -> list[str]:
    if sys.platform == "win32":
        return [f"{stem}.dll", f"lib{stem}.dll"]
    if sys.platform == "darwin":
        return [f"lib{stem}.dylib", f"lib{stem}.so"]
    return [f"lib{stem}.so"]


def _load_ggml_base() -> ctypes.CDLL:
    folder = Path(llama_cpp.__file__).resolve().parent / "lib"
    for name in _library_names("ggml-base"):
        candidate = folder / name
        if candidate.exists():
            mode = ctypes.RTLD_GLOBAL if os.name != "nt" else 0
            return ctypes.CDLL(str(candidate), mode=mode)
    raise OSError(f"libggml-base not found in {folder}")


_lib = _load_ggml_base()
_lib.ggml_get_name.argtypes = [ctypes.c_void_p]
_lib.ggml_get_name.restype = ctypes.c_char_p
_lib.ggml_nbytes.argtypes = [ctypes.c_void_p]
_lib.ggml_nbytes.restype = ctypes.c_size_t
_lib.ggml_is_contiguous.argtypes = [ctypes.c_void_p]
_lib.ggml_is_contiguous.restype = ctypes.c_bool
_lib.ggml_backend_tensor_get.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t]
_lib.ggml_backend_tensor_get.restype = None

node_name = _lib.ggml_get_name


def shape(tensor: int) -> tuple[int, int, int, int]:
    """``ne`` in ggml order (ne0 = the row length)."""
    head = _TensorHead.from_address(tensor)
    ne = head.ne
    return int(ne[0]), int(ne[1]), int(ne[2]), int(ne[3])


def read_f32(tensor: int) -> np.ndarray | None:
    """The node's data as float32 in numpy order (ne3, ne2, ne1, ne0); None if it is not a
    contiguous F32 tensor (then its layout is not the one we know how to read)."""
    head = _TensorHead.from_address(tensor)
    if head.type != GGML_TYPE_F32 or not _lib.ggml_is_contiguous(tensor):
        return None
    ne = tuple(int(x) for x in head.ne)
    out = np.empty((ne[3], ne[2], ne[1], ne[0]), dtype=np.float32)
    nbytes = int(_lib.ggml_nbytes(tensor))
    if nbytes != out.nbytes:
        return None
    _lib.ggml_backend_tensor_get(tensor, out.ctypes.data, 0, nbytes)
    return out
