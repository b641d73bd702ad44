"""``POST /v1/chat/completions``: a chat request as the window would send it.

The request is built by the conversation flow's ``request_for`` (the window's code path), with the
client's sampler, stop strings and logprobs on top; ``generation`` queues and answers it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from starlette.requests import Request

from chatdesk.chat.chat_settings import ChatSettings
from chatdesk.chat.flow import ModelTarget, request_for
from chatdesk.engine.types import ChatMessage
from chatdesk.server.errors import bad_request
from chatdesk.server.generation import Call, generate
from chatdesk.server.request_parts import can_chat, check_fits, client_name, json_body, model_key, sampling, slot_for
from chatdesk.server.schemas import ChatRequest, parse
from chatdesk.server.state import ServerState
from translatable import msg


async def chat_completions(state: ServerState, request: Request) -> Any:
    req = parse(ChatRequest, await json_body(request))
    assert isinstance(req, ChatRequest)
    if req.top_logprobs and not req.logprobs:
        raise bad_request(msg("'top_logprobs' needs 'logprobs' set to true."), param="top_logprobs")
    history = tuple(ChatMessage("system" if m.role == "developer" else m.role, m.text()) for m in req.messages)
    if history[-1].role == "system" or not any(m.role == "user" for m in history):
        raise bad_request(msg("'messages' must contain at least one user message."), param="messages")
    slot = await slot_for(state, req.model)
    can_chat(slot)
    top = (req.top_logprobs or 0) if req.logprobs else -1
    max_tokens = req.max_completion_tokens or req.max_tokens
    system = history[0].content if history[0].role == "system" else None
    chat = ChatSettings(system, sampling(req, state.app_settings.sampling, max_tokens), show_probabilities=top >= 0)
    target = ModelTarget(model_key(slot), slot.prompt_format, slot.info)
    gen, prov = request_for(history, chat, target)
    gen = replace(gen, top_logprobs=max(1, top) if top >= 0 else 0, stop=req.stop_strings(), ignore_eos=bool(req.ignore_eos))
    await check_fits(slot, gen)
    include_usage = bool(req.stream_options and req.stream_options.include_usage)
    call = Call("chat", slot, gen, prov, history, chat, target, bool(req.stream), include_usage, top)
    return await generate(request, state, call, client_name(request, req.user))
