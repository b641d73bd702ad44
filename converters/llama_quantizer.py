"""Quantize a GGUF with llama.cpp's own quantizer (``llama_model_quantize``).

Only llama.cpp can produce K-quants, and using it for every quantized type
keeps the tensor-type mix identical to what llama.cpp users expect. The call
is synchronous and logs through llama-cpp-python's logging callback, which
logs (through its log callback); we capture that text to report the fallback
warning and to give a useful error message.
"""

from __future__ import annotations

import ctypes
import os
import re
from pathlib import Path

from translatable import msg

from .errors import ConversionError, MissingDependencyError


def _import_llama_cpp():
    try:
        import llama_cpp  # noqa: PLC0415
    except ImportError:
        raise MissingDependencyError(
            msg("quantized output types need llama-cpp-python (pip install llama-cpp-python); f32 and f16 work without it")
        ) from None
    return llama_cpp


def llama_quantize(src: Path, dst: Path, file_type: int, nthread: int | None = None) -> str:
    """Run the quantizer; return llama.cpp's log text. Raises ConversionError on failure."""
    llama_cpp = _import_llama_cpp()
    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = int(file_type)
    params.nthread = int(nthread or os.cpu_count() or 1)
    # llama.cpp's log goes to whatever callback the process installed last (an app that also runs
    # models installs its own), so the quantizer's warnings are read through a callback of ours for
    # the duration of the call, and the previous one is put back afterwards.
    pieces: list[str] = []

    @llama_cpp.llama_log_callback
    def capture(_level: int, text: bytes, _user: ctypes.c_void_p) -> None:
        pieces.append(text.decode("utf-8", "replace"))

    previous = llama_cpp.llama_log_callback()
    previous_user = ctypes.c_void_p()
    llama_cpp.llama_log_get(ctypes.byref(previous), ctypes.byref(previous_user))
    llama_cpp.llama_log_set(capture, ctypes.c_void_p(0))
    try:
        rc = llama_cpp.llama_model_quantize(str(src).encode("utf-8"), str(dst).encode("utf-8"), ctypes.byref(params))
    finally:
        llama_cpp.llama_log_set(previous, previous_user)
    text = "".join(pieces)
    if rc != 0:
        tail = " ".join(text.strip().splitlines()[-3:])[-400:]
        raise ConversionError(msg("llama.cpp quantization failed (code {rc}): {value}", rc=rc, value=tail or 'no details'))
    return text


def fallback_warning(log_text: str) -> str | None:
    m = re.search(r"WARNING: (\d+) of (\d+) tensor\(s\) required fallback quantization", log_text)
    return m.group(0) if m else None
