"""What this llama.cpp build is and what it runs on, for each reply's provenance.

"Regenerate with the same settings" can only promise the same text when the arithmetic is the
same: the same compiled kernels (a native build on an AVX-512 CPU and one on an AVX2 CPU take
different code paths and round differently), the same backend, the same thread count. We record
those facts with every reply so the app can say honestly when a reproduction is not guaranteed.
The build is identified by llama-cpp-python's version, the ggml commit compiled into its library,
and a hash of the shared libraries it loads (a rebuild of the same commit with other flags, e.g.
native CPU code, gives another hash).
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import platform
import re
from pathlib import Path

# The facts that decide whether two replies were computed by the same arithmetic. The thread count
# is recorded but is not one of them: on the CPU each output value is computed by one thread, so
# the count does not change results (tests/test_reproducible.py checks this on every machine).
REPRODUCTION_KEYS = ("llama_cpp_build", "cpu_features", "backend", "eval_chunk", "gpu_layers", "flash_attn")
# What a reply made before a fact was recorded was computed with (versions before 2026-12 ran
# llama.cpp's attention unfused).
_BEFORE_RECORDED: dict[str, object] = {"flash_attn": False}


@functools.lru_cache(maxsize=1)
def build_facts() -> dict[str, str]:
    """llama-cpp-python version, a build hash, the backend and the CPU features compiled in."""
    import llama_cpp  # only once a model is in use: keeps llama.cpp off the window's start-up path

    system = llama_cpp.llama_print_system_info().decode("utf-8", "replace")
    features = sorted({m.group(1) for m in re.finditer(r"(\w+) = 1", system)})
    lib_dir = Path(llama_cpp.__file__).parent / "lib"
    digest = hashlib.sha256()
    for lib in sorted(lib_dir.glob("*.so*")) + sorted(lib_dir.glob("*.dll")) + sorted(lib_dir.glob("*.dylib")):
        if lib.is_file() and not lib.is_symlink():
            digest.update(lib.name.encode())
            digest.update(lib.read_bytes())
    backend = "GPU" if llama_cpp.llama_supports_gpu_offload() else "CPU"
    return {
        "llama_cpp_python": llama_cpp.__version__,
        "ggml_commit": _lib_string("ggml_commit"),
        "ggml_version": _lib_string("ggml_version"),
        "llama_cpp_build": f"{llama_cpp.__version__}+{digest.hexdigest()[:12]}",
        "backend": backend,
        "cpu_features": " ".join(features),
        "cpu_model": _cpu_model(),
    }


def _lib_string(symbol: str) -> str:
    """A version string the ggml library exports (``ggml_commit``, ``ggml_version``), or ""."""
    import llama_cpp

    try:
        fn = getattr(llama_cpp.llama_cpp._lib, symbol)  # noqa: SLF001 - not wrapped by llama-cpp-python
    except AttributeError:
        return ""
    fn.restype = ctypes.c_char_p
    fn.argtypes = []
    value = fn()
    return value.decode("utf-8", "replace") if value else ""


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def reproduction_differences(original: dict[str, object], current: dict[str, object]) -> list[str]:
    """Human descriptions of what differs between how a reply was made and how it would be now."""
    names = {
        "llama_cpp_build": "llama.cpp build",
        "cpu_features": "CPU instruction sets",
        "backend": "compute backend",
        "threads": "thread count",
        "eval_chunk": "prompt evaluation chunk size",
        "gpu_layers": "GPU layers",
        "flash_attn": "fused attention (flash attention)",
        "model_sha256": "model file",
    }
    out = []
    for key in (*REPRODUCTION_KEYS, "model_sha256"):
        was, now = original.get(key, _BEFORE_RECORDED.get(key)), current.get(key)
        if was is None:
            out.append(f"the reply does not record its {names[key]}")
        elif now is not None and was != now:
            out.append(f"{names[key]}: {was} then, {now} now")
    return out
