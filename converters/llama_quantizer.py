"""Quantize a GGUF with llama.cpp's own quantizer (``llama_model_quantize``).

Only llama.cpp can produce K-quants, and using it for every quantized type
keeps the tensor-type mix identical to what llama.cpp users expect. The call
is synchronous and logs through llama-cpp-python's logging callback, which
prints to ``sys.stderr``; we capture that text to report the fallback
warning and to give a useful error message.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import logging
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
    log = io.StringIO()
    logger = logging.getLogger("llama-cpp-python")
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        with contextlib.redirect_stderr(log):
            rc = llama_cpp.llama_model_quantize(
                str(src).encode("utf-8"), str(dst).encode("utf-8"), ctypes.byref(params)
            )
    finally:
        logger.setLevel(old_level)
    text = log.getvalue()
    if rc != 0:
        tail = " ".join(text.strip().splitlines()[-3:])[-400:]
        raise ConversionError(msg("llama.cpp quantization failed (code {rc}): {value}", rc=rc, value=tail or 'no details'))
    return text


def fallback_warning(log_text: str) -> str | None:
    m = re.search(r"WARNING: (\d+) of (\d+) tensor\(s\) required fallback quantization", log_text)
    return m.group(0) if m else None
