"""Immutable values exchanged with the engine (and carried by Qt signals in the UI layer)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class ChatMessage:
    role: str  # "system" | "user" | "assistant"
    content: str


@dataclass(frozen=True)
class SamplingSettings:
    """How a reply is sampled. ``seed=None`` means a fresh random seed for every reply."""

    temperature: float = 0.7
    top_p: float = 0.95
    top_k: int = 40
    min_p: float = 0.05
    repeat_penalty: float = 1.1
    max_tokens: int = 512
    seed: int | None = None

    def with_seed(self, seed: int | None) -> SamplingSettings:
        return replace(self, seed=seed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "temperature": self.temperature,
            "top_p": self.top_p,
            "top_k": self.top_k,
            "min_p": self.min_p,
            "repeat_penalty": self.repeat_penalty,
            "max_tokens": self.max_tokens,
            "seed": self.seed,
        }


@dataclass(frozen=True)
class LoadSettings:
    """How a model is loaded. ``n_ctx`` is capped at the model's trained context."""

    n_ctx: int = 4096
    n_threads: int | None = None  # None: physical cores
    n_gpu_layers: int | None = None  # None: all layers on a GPU build, 0 on CPU builds
    n_batch: int = 512


@dataclass(frozen=True)
class PromptFormat:
    """How messages become a prompt for a model without a chat template.

    ``mode="chat"`` renders a plain transcript (``User: …\\nAssistant:``) and stops at the next
    turn marker; ``mode="completion"`` continues the user's text as-is (character-level models).
    """

    mode: str = "chat"
    system_label: str = "System"
    user_label: str = "User"
    assistant_label: str = "Assistant"

    def stop_strings(self) -> tuple[str, ...]:
        if self.mode == "completion":
            return ()
        return (f"\n{self.user_label}:", f"\n{self.system_label}:")


@dataclass(frozen=True)
class ModelInfo:
    path: str
    name: str
    architecture: str
    context_length: int  # trained context (<arch>.context_length)
    n_ctx: int  # context actually usable (min(requested, trained))
    has_chat_template: bool
    template_source: str  # "gguf" or "plain transcript" / "plain completion"
    template_sha256: str | None  # identifies the exact GGUF chat template used (None: plain)
    quantization: str
    size_bytes: int
    n_params: int
    n_gpu_layers: int
    n_threads: int
    load_ms: float
    metadata: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class GenerationRequest:
    request_id: int
    messages: tuple[ChatMessage, ...]
    sampling: SamplingSettings = SamplingSettings()
    prompt_format: PromptFormat | None = None  # None: the GGUF template, else plain transcript
    assistant_prefix: str = ""  # "Continue": the reply so far, which the model extends


@dataclass(frozen=True)
class GenerationResult:
    request_id: int
    text: str
    stop_reason: str  # "end" | "length" | "user" | "error"
    prompt_tokens: int
    completion_tokens: int
    cached_tokens: int  # prompt tokens reused from the KV cache
    ttft_ms: float
    tokens_per_s: float
    total_ms: float
    seed: int
    dropped_messages: int  # history turns left out to fit the context
    error: str | None = None
    warning: str | None = None  # e.g. characters the model's vocabulary cannot represent
