"""``POST /v1/completions``: raw text continuation of a prompt, with no chat template
(``RAW_COMPLETION``), on a model on this computer; ``generation`` queues and answers it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from starlette.requests import Request

from chatdesk.chat.chat_settings import ChatSettings
from chatdesk.chat.flow import ModelTarget, request_for
from chatdesk.engine.types import ChatMessage, PromptFormat
from chatdesk.server.errors import bad_request
from chatdesk.server.generation import Call, generate
from chatdesk.server.request_parts import can_chat, check_fits, client_name, json_body, model_key, sampling, slot_for
from chatdesk.server.schemas import CompletionRequest, parse
from chatdesk.server.state import ServerState
from translatable import msg

RAW_COMPLETION = PromptFormat(mode="completion", override_template=True)


async def completions(state: ServerState, request: Request) -> Any:
    req = parse(CompletionRequest, await json_body(request))
    assert isinstance(req, CompletionRequest)
    if req.echo:
        raise bad_request(msg("'echo' is not supported by ChatDesk's server."), param="echo", code="unsupported_parameter")
    if req.suffix:
        raise bad_request(msg("'suffix' (fill-in-the-middle) is not supported by ChatDesk's server."), param="suffix",
                          code="unsupported_parameter")
    prompt = req.prompt_text()
    if not prompt:
        raise bad_request(msg("'prompt' must not be empty."), param="prompt")
    slot = await slot_for(state, req.model)
    can_chat(slot)
    if slot.entry.is_remote:
        raise bad_request(msg("The model '{model}' is on a remote server; ChatDesk relays only chat completions to it.",
                              model=slot.entry.id), param="model", code="unsupported_model")
    top = req.logprobs if req.logprobs is not None else -1
    history = (ChatMessage("user", prompt),)
    chat = ChatSettings(None, sampling(req, state.app_settings.sampling, req.max_tokens), show_probabilities=top >= 0)
    target = ModelTarget(model_key(slot), RAW_COMPLETION, slot.info)
    gen, prov = request_for(history, chat, target)
    gen = replace(gen, top_logprobs=max(1, top) if top >= 0 else 0, stop=req.stop_strings(), ignore_eos=bool(req.ignore_eos))
    await check_fits(slot, gen)
    include_usage = bool(req.stream_options and req.stream_options.include_usage)
    call = Call("completion", slot, gen, prov, history, chat, target, bool(req.stream), include_usage, top, len(prompt))
    return await generate(request, state, call, client_name(request, req.user))
