"""What the routes read off an OpenAI request before anything is queued.

Why one module: the chat, completion and embedding routes decode the body, name the client,
find the model's slot and apply the client's sampler the same way, and the two generating routes
check the prompt against the context the same way; each route keeps only what its endpoint means.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from chatdesk.engine.errors import ContextOverflowError, EngineError
from chatdesk.engine.types import GenerationRequest, SamplingSettings
from chatdesk.server.errors import SERVER_ERROR, APIError, bad_request
from chatdesk.server.pool import EMBEDDING_ONLY, ModelSlot
from chatdesk.server.state import ServerState
from translatable import msg

INLINE_FIT_CHARS = 4000  # prompts up to this long are budgeted on the event loop (well under a millisecond)


async def json_body(request: Request) -> Any:
    raw = await request.body()
    if not raw.strip():
        raise bad_request(msg("The request has no body; send a JSON object."))
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise bad_request(msg("We could not parse the JSON body of your request ({error}).", error=str(exc)),
                          code="invalid_json") from None


def client_name(request: Request, user: str | None) -> str:
    agent = (request.headers.get("user-agent") or "unknown client").split(" ")[0][:40]
    host = request.client.host if request.client else "?"
    who = f"{agent} @ {host}"
    return f"{user[:40]} ({who})" if user else who


def sampling(req: Any, defaults: SamplingSettings, max_tokens: int | None) -> SamplingSettings:
    s = defaults
    values: dict[str, Any] = {}
    for name in ("temperature", "top_p", "top_k", "min_p", "repeat_penalty", "seed"):
        v = getattr(req, name, None)
        if v is not None:
            values[name] = v
    if max_tokens is not None:
        values["max_tokens"] = max_tokens
    return replace(s, **values)


async def slot_for(state: ServerState, model: str) -> ModelSlot:
    entry = state.pool.resolve(model)
    ready = state.pool.ready(entry)  # loaded: no hop to a worker thread
    return ready if ready is not None else await run_in_threadpool(state.pool.slot, entry)


async def check_fits(slot: ModelSlot, request: GenerationRequest) -> None:
    """The engine's own budget check, before anything is queued (400 naming the limit). A short
    prompt is checked right here: the hop to a worker thread would cost more than the check."""
    engine = slot.engine
    args = (request.messages, request.sampling.max_tokens, request.prompt_format, request.assistant_prefix,
            request.context_limit)
    short = sum(len(m.content) for m in request.messages) <= INLINE_FIT_CHARS and engine.kind == "local"
    try:
        if short:
            engine.plan(*args)
        else:
            await run_in_threadpool(lambda: engine.plan(*args))
    except ContextOverflowError as exc:
        raise bad_request(str(exc), param="messages", code="context_length_exceeded") from None
    except EngineError as exc:
        raise APIError(500, str(exc), type=SERVER_ERROR) from None


def model_key(slot: ModelSlot) -> str:
    """The key the conversation flow knows the model by (its file, else its library id)."""
    info = slot.info
    if info is not None:
        return info.path
    return slot.entry.path or slot.entry.id


def can_chat(slot: ModelSlot) -> None:
    if slot.entry.architecture in EMBEDDING_ONLY:
        raise bad_request(msg("The model '{model}' only makes embeddings; use /v1/embeddings.", model=slot.entry.id),
                          param="model", code="model_cannot_chat")
