"""One chat or completion request, from a checked request to its answer.

The two generating routes build a ``Call`` (what to generate, for whom, how to answer) and hand
it to ``generate``, which does the rest the same way for both: it records the exchange as a
conversation when ``store_requests`` is on, wraps the engine's callbacks into the model worker's
``Job`` (``work``), queues it, and answers with one whole JSON response or with the SSE stream
(``sse_stream``). Kept apart from the routes so that they say only what their endpoint means,
and from the stream so that each of the two ways of answering reads on its own.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sse_starlette.sse import EventSourceResponse
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from chatdesk.chat.chat_settings import ChatSettings
from chatdesk.chat.flow import ConversationFlow, FlowError, ModelTarget
from chatdesk.engine.types import ChatMessage, GenerationRequest, GenerationResult, TokenProb
from chatdesk.server import openai_format as fmt
from chatdesk.server.errors import INVALID_REQUEST, SERVER_ERROR, APIError, error_body
from chatdesk.server.exchange import Exchange, failure, submit, wait_done
from chatdesk.server.jobs import Generation, Job
from chatdesk.server.pool import ModelSlot
from chatdesk.server.sse_stream import SSE_PING_S, stream
from chatdesk.server.state import ServerState
from translatable import msg


@dataclass
class Call:
    """One chat or completion request, ready to queue."""

    kind: str  # "chat" | "completion"
    slot: ModelSlot
    request: GenerationRequest
    provenance: tuple[tuple[str, object], ...]
    history: tuple[ChatMessage, ...]
    chat: ChatSettings
    target: ModelTarget
    stream: bool
    include_usage: bool
    top: int  # alternatives per token to report; -1: no logprobs
    prompt_chars: int = 0


def work(state: ServerState, call: Call, ex: Exchange, recorder: Any) -> tuple[list[Job], Callable[[ModelSlot, Job], Any], Generation]:
    """The request as one call (``run``, for a worker serving one job at a time) and as its parts
    (``Generation``, for a worker decoding several replies together); ``holder`` gets the job."""
    holder: list[Job] = []

    def callbacks(wake: bool) -> tuple[Callable[[str], None], Callable[[TokenProb], None]]:
        def on_text(piece: str) -> None:
            job = holder[0]
            if call.top < 0:
                job.tokens += 1
            if ex.streaming:
                ex.put("text", piece, wake)
            if recorder is not None:
                recorder.on_text(piece)

        def on_token(tp: TokenProb) -> None:
            holder[0].tokens += 1
            if ex.streaming:
                ex.put("token", tp, wake)
            if recorder is not None:
                recorder.on_token(tp)

        return on_text, on_token

    on_text, on_token = callbacks(wake=True)
    # The parallel worker wakes the event loop itself, just before its next llama_decode (which
    # releases the GIL): woken at once, the loop took the GIL while the worker still needed it,
    # and every token waited for the loop's chunk to be sent (~5 % of a step in a profile).
    quiet_text, quiet_token = callbacks(wake=False)

    def finish(result: GenerationResult | None) -> GenerationResult | None:
        if recorder is not None:
            finish_record(state, call.slot, recorder, result)
        return result

    def fail(exc: BaseException) -> None:
        if recorder is not None:
            recorder.fail(str(exc))

    def run(slot: ModelSlot, job: Job) -> GenerationResult | None:
        try:
            with slot.gate.background(job.stop) as got:
                result = slot.engine.generate(call.request, job.stop, on_text, on_token) if got else None
        except BaseException as exc:
            fail(exc)
            raise
        return finish(result)

    return holder, run, Generation(call.request, quiet_text, quiet_token, finish, fail, ex.wake)


def finish_record(state: ServerState, slot: ModelSlot, recorder: Any, result: GenerationResult | None) -> None:
    """Save the stored reply as the window would: done, stopped (also when stopped before it ran)."""
    from chatdesk.store import Status

    if result is None:
        plan = recorder.plan
        state.store.finish_message(plan.reply.id, "", Status.STOPPED, provenance=dict(plan.provenance_base), error=None)
        return
    info = slot.engine.info
    sha = None
    if info is not None and info.kind == "local":
        try:
            sha = state.store.file_sha256(info.path)
        except Exception:  # noqa: BLE001 - the hash is a nicety of provenance, never a reason to lose a reply
            sha = None
    recorder.finish(result, info, sha)


async def generate(request: Request, state: ServerState, call: Call, client: str) -> Any:
    recorder = None
    if state.settings.store_requests and state.store is not None:
        recorder = await run_in_threadpool(start_record, state, call, client)
    loop = asyncio.get_running_loop()
    ex = Exchange(loop, call.stream)
    holder, run, generation = work(state, call, ex, recorder)
    job = Job(client=client, model=call.slot.entry.id, kind=call.kind, work=run, stream=call.stream, generation=generation)
    holder.append(job)
    job.on_finish = lambda j: ex.put("done", j)
    try:
        submit(call.slot, job)
    except APIError:
        if recorder is not None:
            await run_in_threadpool(finish_record, state, call.slot, recorder, None)
        raise
    state.note(f"{time.strftime('%H:%M:%S')} {client} {call.kind} {call.slot.entry.id} {job.id}")
    response_id = ("chatcmpl-" if call.kind == "chat" else "cmpl-") + uuid.uuid4().hex[:24]
    if call.stream:
        return EventSourceResponse(
            stream(ex, job, call, response_id, request),
            ping=SSE_PING_S,
            send_timeout=state.settings.send_timeout_s,
            sep="\n",
            headers={"X-Request-Id": job.id, "Cache-Control": "no-cache"},
        )
    await wait_done(request, ex, job)
    if not job.done.is_set():
        return JSONResponse(error_body(msg("The request was stopped."), INVALID_REQUEST, code="request_stopped"), status_code=499)
    return JSONResponse(whole_response(job, call, response_id), headers={"X-Request-Id": job.id})


def start_record(state: ServerState, call: Call, client: str) -> Any:
    from chatdesk.chat.recorder import ReplyRecorder

    flow = ConversationFlow(state.store, state.app_settings)
    try:
        plan = flow.record_client_exchange(call.history, call.chat, call.target, client)
    except FlowError as exc:
        state.note(f"not stored: {exc}")
        return None
    call.request = replace(call.request, request_id=plan.request.request_id)
    return ReplyRecorder(state.store, replace(plan, request=call.request))


def whole_response(job: Job, call: Call, response_id: str) -> dict[str, Any]:
    problem = failure(job)
    if problem is not None:
        raise problem
    result: GenerationResult | None = job.result
    model = call.slot.entry.id
    if result is None:  # stopped before it started
        text, reason, tokens, use = "", "stopped", [], {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}
    else:
        if result.error and not result.text:
            raise APIError(500, result.error, type=SERVER_ERROR, code="generation_failed")
        text, reason, use = result.text, fmt.finish_reason(result), fmt.usage(result)
        tokens = fmt.visible_tokens(result.tokens, len(result.text))
    base = {"id": response_id, "created": fmt.now(), "model": model, "system_fingerprint": fmt.FINGERPRINT, "usage": use}
    if result is not None:
        base["x_chatdesk"] = {"seed": result.seed, "request": job.id, "dropped_messages": result.dropped_messages}
    if call.kind == "chat":
        choice: dict[str, Any] = {"index": 0, "message": {"role": "assistant", "content": text, "refusal": None},
                                  "logprobs": fmt.chat_logprobs(tokens, call.top) if call.top >= 0 else None,
                                  "finish_reason": reason}
        return {**base, "object": "chat.completion", "choices": [choice]}
    choice = {"index": 0, "text": text, "finish_reason": reason,
              "logprobs": fmt.completion_logprobs(tokens, call.top, call.prompt_chars) if call.top >= 0 else None}
    return {**base, "object": "text_completion", "choices": [choice]}
