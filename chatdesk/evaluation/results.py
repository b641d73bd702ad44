"""What an evaluation produces, and the provenance that lets someone reproduce it.

A figure is only meaningful with the file, the text, the window size and the build that made it,
so every result carries the model's and the text's SHA-256, ``n_ctx``, the number of windows, the
llama.cpp build (llama-cpp-python's version and the ggml commit compiled into it), the thread
count and the date. ``to_dict`` gives the JSON form that the child prints, the store keeps and
the exports write; it contains only JSON types (no NaN).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import os
import platform
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from chatdesk.evaluation.errors import EvaluationCancelled

SCHEMA = "chatdesk.evaluation/1"


@dataclass(frozen=True)
class ModelFacts:
    path: str
    name: str
    sha256: str
    size_bytes: int
    architecture: str
    file_type: str
    n_params: int
    n_vocab: int
    context_length: int
    source_sha256: str | None = None
    """``chatdesk.source.sha256``: the checkpoint ChatDesk converted this model from, if any."""


@dataclass(frozen=True)
class Comparison:
    """The model's next-token distributions against a higher-precision reference."""

    kind: str
    """``"gguf"`` (another GGUF of the same model) or ``"checkpoint"`` (the original weights)."""
    path: str
    name: str
    sha256: str | None
    file_type: str
    positions: int
    kl_divergence: float
    """Mean KL(reference || model) in nats per scored position."""
    kl_p99: float
    kl_max: float
    top1_agreement: float
    reference_perplexity: float
    n_vocab_compared: int
    seconds: float
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class EvaluationResult:
    model: ModelFacts
    text: dict[str, Any]
    n_ctx: int
    n_batch: int
    n_seq: int
    n_chunks: int
    text_tokens: int
    tokens: int
    """Scored tokens (the second half of every window)."""
    perplexity: float
    perplexity_error: float | None
    mean_nll: float
    bits_per_token: float
    bits_per_byte: float | None
    seconds: float
    """Wall time of the perplexity pass: tokenizing and every window, after the model is loaded."""
    load_seconds: float
    cpu_seconds: float
    """CPU time of all threads for the load and the perplexity pass (less sensitive to a busy machine)."""
    prompt_tokens_per_s: float
    gen_tokens: int
    gen_tokens_per_s: float | None
    peak_rss_bytes: int | None
    """Peak resident memory of the evaluating process before any reference was loaded."""
    comparison: Comparison | None
    provenance: dict[str, Any]
    notes: tuple[str, ...] = ()
    schema: str = field(default=SCHEMA)

    def to_dict(self) -> dict[str, Any]:
        return _clean(asdict(self))


def _clean(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def file_sha256(path: str | os.PathLike[str], should_abort: Callable[[], bool] | None = None) -> str:
    """SHA-256 of a file, read in 1 MiB blocks (checking for a cancel between blocks)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
            if should_abort is not None and should_abort():
                raise EvaluationCancelled()
    return h.hexdigest()


def peak_rss_bytes() -> int | None:
    """This process's peak resident set size so far (None where the OS does not say).

    On Linux it is ``VmHWM`` from ``/proc/self/status``, which belongs to this program alone:
    ``getrusage``'s ``ru_maxrss`` keeps the high-water mark of the process that forked it across
    ``exec``, so a child started by a 1.6 GB window would report at least 1.6 GB.
    """
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024  # kB
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def llama_build() -> dict[str, str | None]:
    """llama-cpp-python's version, the ggml commit/version compiled into its libraries, the CPU
    features and backend: the same facts every chat reply records (``chatdesk.engine.build_info``)."""
    import llama_cpp

    from chatdesk.engine.build_info import build_facts

    return {
        **build_facts(),
        "system_info": llama_cpp.llama_print_system_info().decode("utf-8", "replace").strip(),
        "gpu_offload": "yes" if llama_cpp.llama_supports_gpu_offload() else "no",
    }


def provenance(threads: int) -> dict[str, Any]:
    from chatdesk import __version__

    return {
        **llama_build(),
        "threads": threads,
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "chatdesk": __version__,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
    }
