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
    n_threads: int | None = None  # None: automatic (the free physical cores, see engine/cpu_share.py)
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
    # True: use this format even when the model has a chat template (the server's raw
    # ``/v1/completions``, which continues the client's text exactly as given).
    override_template: bool = False

    def stop_strings(self) -> tuple[str, ...]:
        if self.mode == "completion":
            return ()
        return (f"\n{self.user_label}:", f"\n{self.system_label}:")


@dataclass(frozen=True)
class LocalSource:
    """A GGUF file on this machine, loaded into llama.cpp."""

    path: str
    settings: LoadSettings = LoadSettings()

    @property
    def key(self) -> str:
        return self.path


@dataclass(frozen=True)
class RemoteSource:
    """A model served by an OpenAI-compatible server (llama.cpp server, vLLM, Ollama, ...).

    ``base_url`` is normalised to end in ``/v1``. The API key is never carried here (values
    cross threads and land in provenance); engines fetch it by ``endpoint_id`` when they connect.
    """

    base_url: str
    model_id: str
    endpoint_id: str | None = None

    @property
    def key(self) -> str:
        return f"{self.base_url}#{self.model_id}"


ModelSource = LocalSource | RemoteSource


@dataclass(frozen=True)
class ModelInfo:
    path: str  # a file path, or for a remote model its ``RemoteSource.key``
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
    kind: str = "local"  # "local" (llama.cpp in this process) | "remote" (OpenAI-compatible server)
    supports_logprobs: bool = True  # can report per-token probabilities (TokenProb)
    reproducible: bool = True  # same prompt, sampler and seed give the same reply (see docs/reproducibility.md)
    flash_attn: bool = False  # llama.cpp's fused attention kernel (changes the last bits of the logits)


@dataclass(frozen=True)
class GenerationRequest:
    request_id: int
    messages: tuple[ChatMessage, ...]
    sampling: SamplingSettings = SamplingSettings()
    prompt_format: PromptFormat | None = None  # for models without a chat template (None: plain transcript)
    assistant_prefix: str = ""  # "Continue": the reply so far, which the model extends
    # The exact token ids of ``assistant_prefix`` when known (branching at a token): engines
    # that can take ids use them instead of re-tokenizing the text.
    prefix_tokens: tuple[int, ...] = ()
    top_logprobs: int = 0  # > 0: report TokenProb for each reply token with this many alternatives
    context_limit: int | None = None  # a per-chat cap below the model's context (None: the model's)
    # Reproducing a reply: (positions it reused from the KV cache, their fingerprint) from its
    # provenance ("prompt_reused_tokens", "prompt_state"); see chatdesk/engine/kv_plan.py.
    reuse_hint: tuple[int, str] | None = None
    # Extra stop strings (an API client's ``stop``), on top of the prompt format's own.
    stop: tuple[str, ...] = ()
    # Never end the reply with an end-of-generation token (llama.cpp's ``ignore_eos``): the reply
    # runs to ``max_tokens`` or a stop string. Benchmarks use it to compare equal lengths.
    ignore_eos: bool = False


@dataclass(frozen=True)
class TokenAlt:
    """One candidate for a reply position, with its probability before sampling."""

    token_id: int
    text: str  # the token's piece as text (bytes of a partial UTF-8 character show as U+FFFD)
    prob: float


@dataclass(frozen=True)
class TokenProb:
    """One reply token: what was chosen, how likely the model thought it, and the alternatives.

    Probabilities are the model's softmax over the raw logits (temperature 1, no penalties), as
    the model gave them before the sampler ran. ``end`` is the length (in characters) of the
    reply text once this token is decoded, so a view can map characters to tokens.
    """

    token_id: int
    text: str
    prob: float
    end: int
    alternatives: tuple[TokenAlt, ...] = ()


@dataclass(frozen=True)
class PromptPlan:
    """What a request will use of the context, worked out before anything is generated."""

    prompt_tokens: int
    context: int  # the usable context (model or per-chat limit, whichever is smaller)
    reply_budget: int  # tokens left for the reply
    dropped_messages: int  # earliest history messages that will be left out
    estimated: bool = False  # True when counted without the model's tokenizer (remote engines)
    # Characters of the newest user message the vocabulary cannot encode (left out if sent;
    # engine.unknown_chars). Empty when all fit or the engine cannot tell (remote servers).
    unknown_characters: tuple[str, ...] = ()


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
    # What the engine knows about how the reply was made (llama.cpp build, CPU features, thread
    # count, evaluation chunks and prefix reuse; or a remote endpoint, its model id, usage...).
    provenance: tuple[tuple[str, object], ...] = ()
    tokens: tuple[TokenProb, ...] = ()  # only when the request asked for top_logprobs
