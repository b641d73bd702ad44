"""What one reply from a server says about itself: its token counts, speed and provenance.

Why a module of its own: a ``GenerationResult`` from a server is assembled from several sources
that may each be missing (the usage block, llama.cpp's timings, the chunks counted here) and its
provenance records what the request really did (which sampler fields were sent or ignored, what
the server refused, whether the reply streamed), so "Reply info" never claims more than happened.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from chatdesk.engine.remote.connection import Connection
from chatdesk.engine.remote.request import EXTRA_SAMPLER_FIELDS, SAMPLER_KEYS
from chatdesk.engine.remote.stream import Reply
from chatdesk.engine.types import GenerationRequest, GenerationResult


@dataclass
class Outcome:
    """How the request(s) of one ``generate`` went (a refusal is retried without what was refused)."""

    reason: str = "end"  # the stop reason
    error: str | None = None
    warning: str | None = None
    fell_back: bool = False  # streaming was refused: the reply came whole
    refused: list[str] = field(default_factory=list)  # optional parts the server refused
    key_refreshed: bool = False  # a 401/403 was answered with a changed key
    body: dict[str, Any] = field(default_factory=dict)  # the last request sent


def reported_prompt_tokens(reply: Reply) -> int | None:
    """The prompt's size as the server reported it (usage, else llama.cpp's timings), or None."""
    usage = reply.usage or {}
    timings = reply.timings or {}
    prompt_tokens = _int(usage.get("prompt_tokens"))
    if prompt_tokens is None and timings:
        prompt_tokens = (_int(timings.get("prompt_n")) or 0) + (_int(timings.get("cache_n")) or 0) or None
    return prompt_tokens


def reply_result(conn: Connection, request: GenerationRequest, reply: Reply, outcome: Outcome, *, started: float,
                 estimated_prompt: int, context: int, seed: int, dropped: int, streaming_asked: bool) -> GenerationResult:
    """The ``GenerationResult`` of a reply that began at ``started`` (``time.perf_counter``)."""
    ended = time.perf_counter()
    usage = reply.usage or {}
    timings = reply.timings or {}
    usage_reported = bool(usage)
    completion_tokens = _int(usage.get("completion_tokens")) or _int(timings.get("predicted_n")) or (
        len(reply.tokens) or reply.chunks
    )
    prompt_tokens = reported_prompt_tokens(reply)
    details = found if isinstance(found := usage.get("prompt_tokens_details"), dict) else {}
    cached = _int(details.get("cached_tokens")) or _int(timings.get("cache_n")) or 0
    gen_s = (reply.last or ended) - (reply.first or ended)
    first = reply.first or ended
    provenance: list[tuple[str, object]] = [
        ("engine", "remote"),
        ("endpoint", conn.base_url),
        ("model_id", conn.model_id),
        ("server", conn.dialect.name),
        ("streamed", conn.accepted.stream),
        ("stream_fallback", outcome.fell_back or (not conn.accepted.stream and streaming_asked)),
        ("usage_reported", usage_reported),
        ("prompt_tokens_estimated", prompt_tokens is None),
        ("context", context),
        ("context_source", conn.context_source),
        ("sampler_fields", tuple(k for k in SAMPLER_KEYS if k in outcome.body)),
    ]
    ignored = conn.dialect.ignored_sampler_fields
    if "extras" in outcome.refused or not conn.accepted.extras:
        ignored = tuple(sorted({*ignored, *EXTRA_SAMPLER_FIELDS}))
    if ignored:
        provenance.append(("sampler_ignored", ignored))
    if outcome.refused:
        provenance.append(("refused_by_server", tuple(outcome.refused)))
    if outcome.key_refreshed:
        provenance.append(("api_key_refreshed", True))
    if reply.server_model:
        provenance.append(("server_model", reply.server_model))
    if reply.fingerprint:
        provenance.append(("system_fingerprint", reply.fingerprint))
    if reply.finish_reason:
        provenance.append(("finish_reason", reply.finish_reason))
    if usage_reported:
        provenance.append(("usage", {k: v for k, v in usage.items() if isinstance(v, (int, float, dict))}))
    if timings:
        provenance.append(("timings", {k: v for k, v in timings.items() if isinstance(v, (int, float))}))
    if request.assistant_prefix:
        provenance.append(("assistant_prefix", conn.dialect.prefix_method))
    if request.prompt_format is not None:
        provenance.append(("prompt_format", "ignored: the server applies its own chat template"))
    return GenerationResult(
        request_id=request.request_id,
        text=reply.text,
        stop_reason=outcome.reason,
        prompt_tokens=prompt_tokens if prompt_tokens is not None else estimated_prompt,
        completion_tokens=completion_tokens,
        cached_tokens=cached,
        ttft_ms=(first - started) * 1000,
        tokens_per_s=(completion_tokens - 1) / gen_s if completion_tokens > 1 and gen_s > 0 else 0.0,
        total_ms=(ended - started) * 1000,
        seed=seed,
        dropped_messages=dropped,
        error=outcome.error,
        warning=outcome.warning,
        provenance=tuple(provenance),
        tokens=tuple(reply.tokens),
    )


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and value >= 0:
        return int(value)
    return None
