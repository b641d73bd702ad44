"""Recommended models by need, for the first start and Help → Recommended models.

Why: the bundled SmolLM2-135M is a tiny English-only demo that runs anywhere; a new user needs to
be told that plainly and offered a model that will actually help them, with what it costs
(download size, memory) and how fast it will answer on *this* machine, before they judge ChatDesk
by the demo. The window shows ``recommendations()``; one click downloads through the existing
resumable ``download_model`` and switches to it.

Numbers and where they come from:

* download size: the GGUF's size on the Hub when the list was curated (``size_bytes``; the
  download dialog shows the Hub's current figure before anything is fetched);
* memory needed: the weights plus the KV cache at ChatDesk's default context (4,096 tokens, f16
  keys and values: ``2 × layers × kv_heads × head_dim × 2 bytes`` per token) plus a working margin;
* tokens/s: replying on a CPU is limited by reading every weight once per token, so speed scales
  with the inverse of the weights' size. When the bundled model's speed was *measured* here
  (``measure_bundled_speed``, or the last reply's tok/s) that figure is scaled by size and the
  estimate says ``basis="measured"``; otherwise it assumes a typical laptop's effective memory
  bandwidth and says ``basis="estimated"``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from translatable import Text, msg

DEFAULT_CONTEXT = 4096  # LoadSettings.n_ctx
WORKING_MARGIN = 300 * 1024 * 1024  # compute buffers, the vocabulary's logits, the runtime
TYPICAL_BANDWIDTH = 8e9  # bytes/s a laptop CPU really streams during decoding (no measurement)
MEMORY_SHARE = 0.7  # of the machine's RAM a model may take and leave the desktop usable
BUNDLED_PARAMETERS = 135_000_000


@dataclass(frozen=True)
class Recommendation:
    """One model to offer: what it is for, what it needs, and where to get it."""

    key: str  # stable id: "fast-zh-en", "balanced", "best", "english-small"
    need: Text  # what it is good for, in a few words ("Chinese and English, fast")
    label: str  # the model's name as shown
    repo_id: str
    filename: str
    size_bytes: int  # download size (approximate; the Hub's listing has the exact figure)
    parameters: int
    languages: tuple[str, ...]
    n_layer: int
    n_kv_heads: int
    head_dim: int
    note: str = ""  # a Text: what to expect from it

    @property
    def memory_bytes(self) -> int:
        """RAM needed to chat with it at the default context."""
        return self.size_bytes + kv_cache_bytes(self.n_layer, self.n_kv_heads, self.head_dim) + WORKING_MARGIN


def kv_cache_bytes(n_layer: int, n_kv_heads: int, head_dim: int, n_ctx: int = DEFAULT_CONTEXT) -> int:
    return 2 * n_layer * n_kv_heads * head_dim * 2 * n_ctx


# The curated list. Repository and file names are the publishers' own (checked against their Hub
# pages); sizes rounded from the Hub's listing. Ordered from lightest to heaviest.
CANDIDATES: tuple[Recommendation, ...] = (
    Recommendation("english-small", msg("English only, very small"), "SmolLM2 360M Instruct (Q8_0)",
                   "HuggingFaceTB/SmolLM2-360M-Instruct-GGUF", "smollm2-360m-instruct-q8_0.gguf",
                   386_000_000, 362_000_000, ("en",), 32, 5, 64,
                   msg("Big brother of the bundled model: better English answers, still no Chinese.")),
    Recommendation("fast-zh-en", msg("Chinese and English, fast"), "Qwen2.5 0.5B Instruct (Q4_K_M)",
                   "Qwen/Qwen2.5-0.5B-Instruct-GGUF", "qwen2.5-0.5b-instruct-q4_k_m.gguf",
                   491_000_000, 494_000_000, ("zh", "en"), 24, 2, 64,
                   msg("Answers in Chinese and English on any computer; simple questions and translation.")),
    Recommendation("balanced", msg("Chinese and English, better answers"), "Qwen2.5 1.5B Instruct (Q4_K_M)",
                   "Qwen/Qwen2.5-1.5B-Instruct-GGUF", "qwen2.5-1.5b-instruct-q4_k_m.gguf",
                   1_120_000_000, 1_540_000_000, ("zh", "en"), 28, 2, 128,
                   msg("Noticeably better answers, writing and translation; still quick on a laptop.")),
    Recommendation("quality-3b", msg("Chinese and English, good quality"), "Qwen2.5 3B Instruct (Q4_K_M)",
                   "Qwen/Qwen2.5-3B-Instruct-GGUF", "qwen2.5-3b-instruct-q4_k_m.gguf",
                   2_100_000_000, 3_090_000_000, ("zh", "en"), 36, 2, 128,
                   msg("Good everyday assistant; needs a few GB of free memory.")),
    Recommendation("quality-7b", msg("Chinese and English, best quality"), "Qwen2.5 7B Instruct (Q4_K_M)",
                   "bartowski/Qwen2.5-7B-Instruct-GGUF", "Qwen2.5-7B-Instruct-Q4_K_M.gguf",
                   4_680_000_000, 7_620_000_000, ("zh", "en"), 28, 4, 128,
                   msg("The strongest here; slow on older computers, needs 8 GB of memory or more.")),
)
_FIXED = ("fast-zh-en", "balanced", "english-small")


@dataclass(frozen=True)
class MachineFacts:
    total_ram: int | None  # bytes; None when the system does not say
    available_ram: int | None


@dataclass(frozen=True)
class SpeedEstimate:
    tokens_per_s: float
    basis: str  # "measured" (scaled from the bundled model's speed here) | "estimated"


@dataclass(frozen=True)
class Suggestion:
    """A recommendation as it applies to this machine."""

    model: Recommendation
    speed: SpeedEstimate
    fits: bool  # its memory need fits this machine's RAM (True when the RAM is unknown)


@dataclass(frozen=True)
class BundledFacts:
    """What the bundled model is, in words for the welcome view."""

    name: str
    parameters: int
    languages: tuple[str, ...]
    description: Text


def bundled_facts() -> BundledFacts:
    from chatdesk.engine import BUNDLED_MODEL_NAME

    return BundledFacts(
        BUNDLED_MODEL_NAME, BUNDLED_PARAMETERS, ("en",),
        msg("The bundled model is a 135M-parameter English-only demo that runs on any computer. It shows how ChatDesk "
            "works, but its answers are often invented, and it does not understand Chinese. Choose a recommended model "
            "for real use."),
    )


def machine_facts() -> MachineFacts:
    """The machine's RAM (Linux: /proc/meminfo, which also says what is free; else sysconf)."""
    total = available = None
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                key, _, rest = line.partition(":")
                if key in ("MemTotal", "MemAvailable"):
                    value = int(rest.split()[0]) * 1024
                    if key == "MemTotal":
                        total = value
                    else:
                        available = value
    except (OSError, ValueError, IndexError):
        pass
    if total is None:
        try:
            total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        except (AttributeError, ValueError, OSError):
            total = None
    return MachineFacts(total, available)


def bundled_size() -> int | None:
    from chatdesk.engine import EngineError, default_model_path

    try:
        return default_model_path().stat().st_size
    except (EngineError, OSError):
        return None


def estimate_speed(size_bytes: int, bundled_tokens_per_s: float | None = None, bundled_bytes: int | None = None) -> SpeedEstimate:
    """Tokens per second for a model of ``size_bytes`` on this machine (see the module's note)."""
    size_bytes = max(1, size_bytes)
    if bundled_tokens_per_s and bundled_tokens_per_s > 0:
        ref = bundled_bytes or bundled_size()
        if ref:
            return SpeedEstimate(bundled_tokens_per_s * ref / size_bytes, "measured")
    return SpeedEstimate(TYPICAL_BANDWIDTH / size_bytes, "estimated")


def best_for_machine(facts: MachineFacts | None = None, candidates: tuple[Recommendation, ...] = CANDIDATES) -> Recommendation:
    """The best-quality Chinese + English candidate whose memory need fits this machine."""
    facts = facts or machine_facts()
    multilingual = [c for c in candidates if "zh" in c.languages]
    if facts.total_ram is None:
        return next(c for c in multilingual if c.key == "balanced")
    fitting = [c for c in multilingual if c.memory_bytes <= facts.total_ram * MEMORY_SHARE]
    return max(fitting, key=lambda c: c.parameters) if fitting else min(multilingual, key=lambda c: c.memory_bytes)


def recommendations(
    facts: MachineFacts | None = None,
    bundled_tokens_per_s: float | None = None,
) -> list[Suggestion]:
    """The short list for the welcome view: "Chinese and English, fast", "… better answers",
    "Best quality this machine can run" (chosen by its RAM) and a small English one; each with
    its speed here and whether it fits."""
    facts = facts or machine_facts()
    ref = bundled_size()
    chosen = [next(c for c in CANDIDATES if c.key == key) for key in _FIXED[:2]]
    best = best_for_machine(facts)
    if best not in chosen:
        chosen.append(replace(best, key="best", need=msg("Best quality this machine can run")))
    else:
        chosen[chosen.index(best)] = replace(best, need=msg("{need} (the best this machine can run)", need=best.need))
    chosen.append(next(c for c in CANDIDATES if c.key == "english-small"))
    out = []
    for rec in chosen:
        fits = facts.total_ram is None or rec.memory_bytes <= facts.total_ram * MEMORY_SHARE
        out.append(Suggestion(rec, estimate_speed(rec.size_bytes, bundled_tokens_per_s, ref), fits))
    return out


def recommended_for_language(language: str, facts: MachineFacts | None = None) -> Recommendation | None:
    """The model to offer when the current one does not speak ``language`` (the fast one that does)."""
    facts = facts or machine_facts()
    speaking = [c for c in CANDIDATES if language in c.languages]
    if not speaking:
        return None
    fitting = [c for c in speaking if facts.total_ram is None or c.memory_bytes <= facts.total_ram * MEMORY_SHARE]
    return min(fitting or speaking, key=lambda c: c.memory_bytes)


def measure_bundled_speed(tokens: int = 32, path: str | os.PathLike[str] | None = None) -> float:
    """Decode ``tokens`` tokens with the bundled model (about a second) and return tokens/s.

    Loads llama.cpp in this process: call it off the GUI thread. Raises EngineError when the
    model cannot be loaded.
    """
    import threading

    from chatdesk.engine import default_model_path
    from chatdesk.engine.llama_engine import LlamaEngine
    from chatdesk.engine.types import ChatMessage, GenerationRequest, LoadSettings, LocalSource, SamplingSettings

    model = Path(path) if path is not None else default_model_path()
    engine = LlamaEngine()
    try:
        engine.load_source(LocalSource(str(model), LoadSettings(n_ctx=512)))
        request = GenerationRequest(
            request_id=0,
            messages=(ChatMessage("user", "Count from one to fifty in words."),),
            sampling=SamplingSettings(temperature=0.0, max_tokens=tokens, seed=1),
        )
        result = engine.generate(request, threading.Event(), lambda _t: None)
    finally:
        engine.unload()
    return result.tokens_per_s
