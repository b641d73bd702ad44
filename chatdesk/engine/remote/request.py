"""The chat request body for an OpenAI-compatible server, and what a refusal of it means.

Why: the body depends on the server's dialect (field spellings, "Continue") and on what the
server accepted so far on this connection. Anything optional a server refuses (extra sampler
fields, ``stream_options``, logprobs, streaming itself) is recognised from its error answer,
switched off in ``Accepted`` for the rest of the connection, and the request sent again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chatdesk.engine.remote.dialects import ServerDialect
from chatdesk.engine.remote.failures import server_detail
from chatdesk.engine.types import ChatMessage, GenerationRequest

MAX_TOP_LOGPROBS = 20  # the OpenAI API's limit, which vLLM and llama.cpp follow
# The sampler fields beyond the OpenAI API's own, as llama.cpp spells them.
EXTRA_SAMPLER_FIELDS = ("top_k", "min_p", "repeat_penalty")
# Every sampler field a body may carry (recorded in provenance).
SAMPLER_KEYS = ("temperature", "top_p", "top_k", "min_p", "repeat_penalty", "repetition_penalty", "max_tokens", "seed")
_REFUSAL_STATUSES = (400, 405, 415, 422, 500, 501)


@dataclass
class Accepted:
    """The optional parts of a request the server accepted so far on this connection."""

    stream: bool = True
    stream_options: bool = True
    extras: bool = True
    logprobs: bool = True

    def switch_off(self, feature: str) -> None:
        """Stop asking for ``feature`` (a name ``refused_feature`` returns)."""
        if feature == "stream":
            self.stream = False
            self.stream_options = False
        else:
            setattr(self, feature, False)


def build_body(
    dialect: ServerDialect,
    accepted: Accepted,
    model_id: str,
    request: GenerationRequest,
    messages: list[ChatMessage],
    seed: int,
    max_tokens: int,
    want_logprobs: bool,
) -> dict[str, Any]:
    """The ``/chat/completions`` body for ``request`` with the kept ``messages``."""
    s = request.sampling
    chat = [{"role": m.role, "content": m.content} for m in messages]
    body: dict[str, Any] = {
        "model": model_id,
        "messages": chat,
        "temperature": s.temperature,
        "top_p": s.top_p,
        "max_tokens": max_tokens,
        "seed": seed,
    }
    if accepted.stream:
        body["stream"] = True
        if accepted.stream_options:
            body["stream_options"] = {"include_usage": True}
    if accepted.extras and not dialect.ignored_sampler_fields:
        body["top_k"] = s.top_k
        body["min_p"] = s.min_p
        body[dialect.repeat_penalty_field] = s.repeat_penalty
    if request.stop:
        body["stop"] = list(request.stop)
    if want_logprobs and accepted.logprobs:
        body["logprobs"] = True
        body["top_logprobs"] = max(1, min(request.top_logprobs, MAX_TOP_LOGPROBS))
    if request.assistant_prefix:
        # "Continue": the reply so far as a final assistant message, plus whatever the
        # dialect needs to continue it rather than answer it; see docs/remote.md.
        chat.append({"role": "assistant", "content": request.assistant_prefix})
        body.update(dialect.continuation_fields)
    return body


def refused_feature(body: dict[str, Any], status: int, text: str) -> str | None:
    """Which optional part of ``body`` the server refused with this error answer, or None."""
    if status not in _REFUSAL_STATUSES:
        return None
    said = server_detail(text).lower()
    if "logprobs" in body and ("logprob" in said or "logits_all" in said):
        return "logprobs"
    if "stream_options" in body and "stream_options" in said:
        return "stream_options"
    extra_names = (*EXTRA_SAMPLER_FIELDS, "repetition_penalty")
    if any(k in body for k in extra_names) and (
        any(k in said for k in extra_names) or "unrecognized" in said or "unknown field" in said or "extra" in said
    ):
        return "extras"
    if body.get("stream") and ("stream" in said or status == 501):
        return "stream"
    return None
