"""The one small interface every engine implements: local llama.cpp and remote servers alike.

The inference worker (``chatdesk.ui.inference.worker``) and the headless ``chatdesk ask`` drive an
``Engine`` without knowing which kind it is. No Qt here: callbacks are plain callables that the
worker turns into signals. An engine is used from one thread at a time, except ``plan``, which
must be safe to call from another thread while ``generate`` runs (the context meter uses it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from chatdesk.engine.types import (
    ChatMessage,
    GenerationRequest,
    GenerationResult,
    ModelInfo,
    PromptFormat,
    PromptPlan,
    TokenProb,
)

TextCallback = Callable[[str], None]
TokenCallback = Callable[[TokenProb], None]
ProgressCallback = Callable[[float], None]


@runtime_checkable
class Engine(Protocol):
    """A loaded model that can stream replies."""

    @property
    def info(self) -> ModelInfo | None:
        """What is loaded (None before a load or after ``unload``)."""

    @property
    def loaded(self) -> bool: ...

    def generate(
        self,
        request: GenerationRequest,
        stop: threading.Event,
        on_text: TextCallback,
        on_token: TokenCallback | None = None,
    ) -> GenerationResult:
        """Stream one reply: ``on_text`` gets each newly complete piece of text, ``on_token``
        (when ``request.top_logprobs`` > 0 and the engine supports it) each token's
        probabilities. Returns when the reply ends, ``stop`` is set, or it fails; failures that
        the user should read come back as ``GenerationResult.error`` or ``EngineError``."""

    def plan(
        self,
        messages: Sequence[ChatMessage],
        max_tokens: int,
        fmt: PromptFormat | None = None,
        assistant_prefix: str = "",
        context_limit: int | None = None,
    ) -> PromptPlan:
        """How much context a request would use and which earlier turns it would leave out."""

    def unload(self) -> None:
        """Free the model (or close the connection)."""
