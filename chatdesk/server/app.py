"""The OpenAI-compatible routes, as a Starlette ASGI app.

Routes: ``GET /health``, ``GET /v1/models``, ``GET /v1/models/{id}``, ``POST /v1/chat/completions``,
``POST /v1/completions``, ``POST /v1/embeddings``. A request runs like this:

1. the body is decoded and checked (``schemas``; wrong types -> 400 naming the field);
2. the model is resolved by library id and loaded if needed (``pool``; 503 + Retry-After while
   another model loads);
3. the engine request and its provenance are built by the conversation flow's ``request_for``
   (the window's code path), with the client's sampler, stop strings and logprobs on top; the
   engine's own ``plan`` checks that the prompt fits the context (400 naming the limit);
4. a ``Job`` joins the model's queue (``jobs``); the model's worker thread generates with the
   engine, whose callbacks feed this request's asyncio queue; a stream turns each piece into an
   SSE chunk, with the logprobs of the tokens it completes;
5. if the client goes away, the job is stopped: the engine ends within one token.

With ``store_requests`` on, the flow also stores the exchange as a conversation titled with
the client, and a ``ReplyRecorder`` saves the reply exactly as the window would.
"""

from __future__ import annotations

import asyncio
import base64
import collections
import json
import logging
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field, replace
from typing import Any

from sse_starlette.sse import EventSourceResponse
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from chatdesk.chat.chat_settings import ChatSettings
from chatdesk.chat.flow import ConversationFlow, FlowError, ModelTarget, request_for
from chatdesk.engine import errors as engine_errors
from chatdesk.engine.errors import ContextOverflowError, EngineError
from chatdesk.engine.types import ChatMessage, GenerationRequest, GenerationResult, PromptFormat, SamplingSettings, TokenProb
from chatdesk.server import openai_format as fmt
from chatdesk.server.config import ServerSettings
from chatdesk.server.errors import INVALID_REQUEST, NOT_FOUND, OVERLOADED, SERVER_ERROR, APIError, bad_request, error_body
from chatdesk.server.guard import wrap
from chatdesk.server.jobs import Generation, Job, QueueFull, RequestQueue
from chatdesk.server.pool import EMBEDDING_ONLY, RETRY_AFTER_S, ModelPool, ModelSlot
from chatdesk.server.schemas import ChatRequest, CompletionRequest, EmbeddingRequest, parse
from chatdesk.settings import AppSettings
from translatable import msg

log = logging.getLogger(__name__)

RAW_COMPLETION = PromptFormat(mode="completion", override_template=True)
SSE_PING_S = 15


@dataclass
class ServerState:
    """What the routes share: settings, the model pool, the queue, and (optionally) the store."""

    settings: ServerSettings
    app_settings: AppSettings
    pool: ModelPool
    queue: RequestQueue
    store: Any = None  # chatdesk.store.Store when requests are stored as conversations
    started: float = field(default_factory=time.time)
    log_lines: list[str] = field(default_factory=list)  # recent one-line request log (the panel shows it)
    on_log: Callable[[str], None] | None = None

    def note(self, line: str) -> None:
        self.log_lines.append(line)
        del self.log_lines[:-200]
        if self.on_log is not None:
            try:
                self.on_log(line)
            except Exception:
                log.exception("server log listener failed")


# ----------------------------------------------------------------------------- helpers
async def _json_body(request: Request) -> Any:
    raw = await request.body()
    if not raw.strip():
        raise bad_request(msg("The request has no body; send a JSON object."))
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise bad_request(msg("We could not parse the JSON body of your request ({error}).", error=str(exc)),
                          code="invalid_json") from None


def _client_name(request: Request, user: str | None) -> str:
    agent = (request.headers.get("user-agent") or "unknown client").split(" ")[0][:40]
    host = request.client.host if request.client else "?"
    who = f"{agent} @ {host}"
    return f"{user[:40]} ({who})" if user else who


def _sampling(req: Any, defaults: SamplingSettings, max_tokens: int | None) -> SamplingSettings:
    s = defaults
    values: dict[str, Any] = {}
    for name in ("temperature", "top_p", "top_k", "min_p", "repeat_penalty", "seed"):
        v = getattr(req, name, None)
        if v is not None:
            values[name] = v
    if max_tokens is not None:
        values["max_tokens"] = max_tokens
    return replace(s, **values)


async def _slot_for(state: ServerState, model: str) -> ModelSlot:
    entry = state.pool.resolve(model)
    ready = state.pool.ready(entry)  # loaded: no hop to a worker thread
    return ready if ready is not None else await run_in_threadpool(state.pool.slot, entry)


INLINE_FIT_CHARS = 4000  # prompts up to this long are budgeted on the event loop (well under a millisecond)


async def _check_fits(slot: ModelSlot, request: GenerationRequest) -> None:
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


class _Exchange:
    """Carries one job's engine callbacks (worker thread) to its response (event loop).

    Events wait in a plain deque; the loop is woken (``call_soon_threadsafe``: a write to its
    self-pipe) only when it is not already due to drain them, so a token's text and logprobs,
    or tokens produced while the loop was busy, cost one wake-up instead of one each."""

    def __init__(self, loop: asyncio.AbstractEventLoop, streaming: bool) -> None:
        self.loop = loop
        self.events: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
        self.streaming = streaming
        self._waiting: collections.deque[tuple[str, Any]] = collections.deque()
        self._lock = threading.Lock()
        self._scheduled = False

    def put(self, kind: str, value: Any, wake: bool = True) -> None:
        """Queue an event; ``wake=False`` leaves waking the loop to a later ``wake()``."""
        with self._lock:
            self._waiting.append((kind, value))
            if self._scheduled or not wake:
                return
            self._scheduled = True
        self._call_loop()

    def wake(self) -> None:
        """Have the loop take the queued events (if any, and if it is not already due to)."""
        with self._lock:
            if self._scheduled or not self._waiting:
                return
            self._scheduled = True
        self._call_loop()

    def _call_loop(self) -> None:
        try:
            self.loop.call_soon_threadsafe(self._drain)
        except RuntimeError:  # the loop is closed: the server is gone, nobody listens
            pass

    def _drain(self) -> None:
        with self._lock:
            self._scheduled = False
            items = list(self._waiting)
            self._waiting.clear()
        for item in items:
            self.events.put_nowait(item)


def _submit(slot: ModelSlot, job: Job) -> None:
    assert slot.worker is not None
    try:
        slot.worker.submit(job)
    except QueueFull:
        raise APIError(503, msg("Too many requests are waiting for the model '{model}'; try again shortly.", model=slot.entry.id),
                       type=OVERLOADED, code="queue_full", headers={"Retry-After": str(RETRY_AFTER_S)}) from None


async def _wait_done(request: Request, ex: _Exchange, job: Job) -> None:
    """Wait for a non-streaming job; stop it if the client disconnects first."""

    async def disconnected() -> None:
        while True:
            message = await request.receive()
            if message["type"] == "http.disconnect":
                return

    async def finished() -> None:
        while True:
            kind, _ = await ex.events.get()
            if kind == "done":
                return

    done_task = asyncio.ensure_future(finished())
    gone_task = asyncio.ensure_future(disconnected())
    try:
        await asyncio.wait({done_task, gone_task}, return_when=asyncio.FIRST_COMPLETED)
        answered = done_task.done() and not done_task.cancelled()
    finally:
        for t in (done_task, gone_task):
            t.cancel()
    if not answered and not job.done.is_set():
        job.halt("client")


# ----------------------------------------------------------------------------- generation
@dataclass
class _Call:
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


def _work(state: ServerState, call: _Call, ex: _Exchange, recorder: Any) -> tuple[list[Job], Callable[[ModelSlot, Job], Any], Generation]:
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
            _finish_record(state, call.slot, recorder, result)
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


def _finish_record(state: ServerState, slot: ModelSlot, recorder: Any, result: GenerationResult | None) -> None:
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


async def _generate(request: Request, state: ServerState, call: _Call, client: str) -> Any:
    recorder = None
    if state.settings.store_requests and state.store is not None:
        recorder = await run_in_threadpool(_start_record, state, call, client)
    loop = asyncio.get_running_loop()
    ex = _Exchange(loop, call.stream)
    holder, run, generation = _work(state, call, ex, recorder)
    job = Job(client=client, model=call.slot.entry.id, kind=call.kind, work=run, stream=call.stream, generation=generation)
    holder.append(job)
    job.on_finish = lambda j: ex.put("done", j)
    try:
        _submit(call.slot, job)
    except APIError:
        if recorder is not None:
            await run_in_threadpool(_finish_record, state, call.slot, recorder, None)
        raise
    state.note(f"{time.strftime('%H:%M:%S')} {client} {call.kind} {call.slot.entry.id} {job.id}")
    response_id = ("chatcmpl-" if call.kind == "chat" else "cmpl-") + uuid.uuid4().hex[:24]
    if call.stream:
        return EventSourceResponse(
            _stream(ex, job, call, response_id, request),
            ping=SSE_PING_S,
            send_timeout=state.settings.send_timeout_s,
            sep="\n",
            headers={"X-Request-Id": job.id, "Cache-Control": "no-cache"},
        )
    await _wait_done(request, ex, job)
    if not job.done.is_set():
        return JSONResponse(error_body(msg("The request was stopped."), INVALID_REQUEST, code="request_stopped"), status_code=499)
    return JSONResponse(_whole_response(job, call, response_id), headers={"X-Request-Id": job.id})


def _start_record(state: ServerState, call: _Call, client: str) -> Any:
    from chatdesk.chat.recorder import ReplyRecorder

    flow = ConversationFlow(state.store, state.app_settings)
    try:
        plan = flow.record_client_exchange(call.history, call.chat, call.target, client)
    except FlowError as exc:
        state.note(f"not stored: {exc}")
        return None
    call.request = replace(call.request, request_id=plan.request.request_id)
    return ReplyRecorder(state.store, replace(plan, request=call.request))


def _failure(job: Job) -> APIError | None:
    if job.error is None:
        return None
    if isinstance(job.error, APIError):
        return job.error
    if isinstance(job.error, ContextOverflowError):
        return bad_request(str(job.error), param="messages", code="context_length_exceeded")
    if isinstance(job.error, EngineError):
        return APIError(500, str(job.error), type=SERVER_ERROR, code="generation_failed")
    log.error("request %s failed", job.id, exc_info=job.error)
    return APIError(500, msg("The server failed while generating: {error}", error=repr(job.error)), type=SERVER_ERROR)


def _whole_response(job: Job, call: _Call, response_id: str) -> dict[str, Any]:
    failure = _failure(job)
    if failure is not None:
        raise failure
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


def _sse(payload: str) -> bytes:
    """One SSE event, encoded once here (sse-starlette passes bytes through untouched). JSON text
    never holds a raw line break, so one ``data:`` line is the whole event."""
    return b"data: " + payload.encode("utf-8") + b"\n\n"


async def _stream(ex: _Exchange, job: Job, call: _Call, response_id: str, request: Request) -> AsyncIterator[bytes]:
    model = call.slot.entry.id
    created = fmt.now()
    chat = call.kind == "chat"
    obj = "chat.completion.chunk" if chat else "text_completion"
    # Every chunk repeats the same envelope: serialise it once, and only each choice per chunk.
    envelope = json.dumps({"id": response_id, "object": obj, "created": created, "model": model,
                           "system_fingerprint": fmt.FINGERPRINT})
    head = envelope[:-1] + ', "choices": ['

    def chunk(text: str | None, tokens: list[TokenProb], prev_end: int, finish: str | None = None,
              role: bool = False) -> bytes:
        if chat:
            delta: dict[str, Any] = {}
            if role:
                delta["role"] = "assistant"
            if text is not None:
                delta["content"] = text
            choice: dict[str, Any] = {"index": 0, "delta": delta, "finish_reason": finish,
                                      "logprobs": fmt.chat_logprobs(tokens, call.top) if call.top >= 0 and tokens else None}
        else:
            choice = {"index": 0, "text": text or "", "finish_reason": finish,
                      "logprobs": fmt.completion_logprobs(tokens, call.top, call.prompt_chars, prev_end)
                      if call.top >= 0 and tokens else None}
        return _sse(head + json.dumps(choice) + "]}")

    finished = False
    try:
        if chat:
            yield chunk("", [], 0, role=True)
        shown = 0
        waiting: list[TokenProb] = []
        prev_end = 0
        while True:
            kind, value = await ex.events.get()
            if kind == "token":
                waiting.append(value)
                continue
            if kind == "text":
                shown += len(value)
                ready = [t for t in waiting if t.end <= shown]
                waiting = waiting[len(ready):]
                yield chunk(value, ready, prev_end)
                if ready:
                    prev_end = ready[-1].end
                continue
            # done
            finished = True
            failure = _failure(job)
            if failure is not None:
                yield _sse(json.dumps(failure.body()))
                return
            result: GenerationResult | None = job.result
            if result is None:
                yield chunk(None if chat else "", [], prev_end, finish="stopped")
            else:
                ready = [t for t in waiting if t.end <= len(result.text)]
                if ready and call.top >= 0:
                    yield chunk("" if chat else "", ready, prev_end)
                if result.error:
                    yield _sse(json.dumps(APIError(500, result.error, type=SERVER_ERROR, code="generation_failed").body()))
                    return
                yield chunk(None, [], prev_end, finish=fmt.finish_reason(result))
                if call.include_usage:
                    yield _sse(json.dumps({"id": response_id, "object": obj, "created": created, "model": model,
                                           "system_fingerprint": fmt.FINGERPRINT, "choices": [], "usage": fmt.usage(result)}))
            yield _sse("[DONE]")
            return
    finally:
        if not finished and not job.done.is_set():
            job.halt("client")  # the client went away (or the send timed out): stop within one token


# ----------------------------------------------------------------------------- routes
def create_app(state: ServerState) -> Any:
    """The ASGI application (with the safety layers of ``guard`` around it)."""

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({
            "status": "ok",
            "loading": state.pool.loading,
            "loaded": [s.entry.id for s in state.pool.loaded()],
            "active_requests": len(state.queue.active()),
        })

    def model_card(entry: Any, loaded: set[str]) -> dict[str, Any]:
        return {
            "id": entry.id,
            "object": "model",
            "created": _created(entry.added_at),
            "owned_by": "remote" if entry.is_remote else "chatdesk",
            "name": entry.name,
            "source": entry.source,
            "context_length": entry.context_length,
            "loaded": entry.id in loaded,
            "usable": entry.usable,
        }

    async def models(request: Request) -> JSONResponse:
        entries = await run_in_threadpool(state.pool.models)
        loaded = {s.entry.id for s in state.pool.loaded()}
        return JSONResponse({"object": "list", "data": [model_card(e, loaded) for e in entries]})

    async def one_model(request: Request) -> JSONResponse:
        model_id = request.path_params["model_id"]
        entries = await run_in_threadpool(state.pool.models)
        entry = next((e for e in entries if e.id == model_id), None)
        if entry is None:
            raise APIError(404, msg("The model '{model}' does not exist in ChatDesk's library.", model=model_id),
                           type=NOT_FOUND, param="model", code="model_not_found")
        return JSONResponse(model_card(entry, {s.entry.id for s in state.pool.loaded()}))

    async def chat_completions(request: Request) -> Any:
        req = parse(ChatRequest, await _json_body(request))
        assert isinstance(req, ChatRequest)
        if req.top_logprobs and not req.logprobs:
            raise bad_request(msg("'top_logprobs' needs 'logprobs' set to true."), param="top_logprobs")
        history = tuple(ChatMessage("system" if m.role == "developer" else m.role, m.text()) for m in req.messages)
        if history[-1].role == "system" or not any(m.role == "user" for m in history):
            raise bad_request(msg("'messages' must contain at least one user message."), param="messages")
        slot = await _slot_for(state, req.model)
        _can_chat(slot)
        top = (req.top_logprobs or 0) if req.logprobs else -1
        max_tokens = req.max_completion_tokens or req.max_tokens
        system = history[0].content if history[0].role == "system" else None
        chat = ChatSettings(system, _sampling(req, state.app_settings.sampling, max_tokens), show_probabilities=top >= 0)
        target = ModelTarget(_key(slot), slot.prompt_format, slot.info)
        gen, prov = request_for(history, chat, target)
        gen = replace(gen, top_logprobs=max(1, top) if top >= 0 else 0, stop=req.stop_strings(), ignore_eos=bool(req.ignore_eos))
        await _check_fits(slot, gen)
        include_usage = bool(req.stream_options and req.stream_options.include_usage)
        call = _Call("chat", slot, gen, prov, history, chat, target, bool(req.stream), include_usage, top)
        return await _generate(request, state, call, _client_name(request, req.user))

    async def completions(request: Request) -> Any:
        req = parse(CompletionRequest, await _json_body(request))
        assert isinstance(req, CompletionRequest)
        if req.echo:
            raise bad_request(msg("'echo' is not supported by ChatDesk's server."), param="echo", code="unsupported_parameter")
        if req.suffix:
            raise bad_request(msg("'suffix' (fill-in-the-middle) is not supported by ChatDesk's server."), param="suffix",
                              code="unsupported_parameter")
        prompt = req.prompt_text()
        if not prompt:
            raise bad_request(msg("'prompt' must not be empty."), param="prompt")
        slot = await _slot_for(state, req.model)
        _can_chat(slot)
        if slot.entry.is_remote:
            raise bad_request(msg("The model '{model}' is on a remote server; ChatDesk relays only chat completions to it.",
                                  model=slot.entry.id), param="model", code="unsupported_model")
        top = req.logprobs if req.logprobs is not None else -1
        history = (ChatMessage("user", prompt),)
        chat = ChatSettings(None, _sampling(req, state.app_settings.sampling, req.max_tokens), show_probabilities=top >= 0)
        target = ModelTarget(_key(slot), RAW_COMPLETION, slot.info)
        gen, prov = request_for(history, chat, target)
        gen = replace(gen, top_logprobs=max(1, top) if top >= 0 else 0, stop=req.stop_strings(), ignore_eos=bool(req.ignore_eos))
        await _check_fits(slot, gen)
        include_usage = bool(req.stream_options and req.stream_options.include_usage)
        call = _Call("completion", slot, gen, prov, history, chat, target, bool(req.stream), include_usage, top, len(prompt))
        return await _generate(request, state, call, _client_name(request, req.user))

    async def embeddings(request: Request) -> JSONResponse:
        req = parse(EmbeddingRequest, await _json_body(request))
        assert isinstance(req, EmbeddingRequest)
        entry = state.pool.resolve(req.model)
        if entry.is_remote:
            raise bad_request(msg("The model '{model}' cannot make embeddings here: it is on a remote server, and ChatDesk "
                                  "embeds only with models on this computer.", model=entry.id),
                              param="model", code="model_not_embeddable")
        texts = req.texts()
        if any(not t for t in texts):
            raise bad_request(msg("'input' must not contain empty strings."), param="input")
        slot = await run_in_threadpool(state.pool.slot, entry)
        loop = asyncio.get_running_loop()
        ex = _Exchange(loop, False)
        threads = state.app_settings.load.n_threads

        def run(slot: ModelSlot, job: Job) -> tuple[Any, int] | None:
            if job.stop.is_set():
                return None
            embedder = slot.get_embedder(threads)
            vectors = embedder.embed(texts)
            counter = getattr(embedder, "count_tokens", None)
            return vectors, sum(counter(t) for t in texts) if counter else 0

        job = Job(client=_client_name(request, req.user), model=entry.id, kind="embedding", work=run)
        job.on_finish = lambda j: ex.put("done", j)
        _submit(slot, job)
        await _wait_done(request, ex, job)
        if not job.done.is_set():
            return JSONResponse(error_body(msg("The request was stopped."), code="request_stopped"), status_code=499)
        not_embedding_model = getattr(engine_errors, "EmbeddingModelError", None)  # the engine's Embedder (feat-embed)
        if not_embedding_model is not None and isinstance(job.error, not_embedding_model):
            raise bad_request(str(job.error), param="model", code="model_not_embeddable")
        failure = _failure(job)
        if failure is not None:
            if failure.code == "context_length_exceeded":
                failure.param = "input"
            raise failure
        if job.result is None:
            raise APIError(503, msg("The request was stopped before it ran."), type=SERVER_ERROR, code="request_stopped")
        vectors, n_tokens = job.result
        if req.dimensions is not None and req.dimensions != vectors.shape[1]:
            raise bad_request(msg("This model's embeddings have {n} dimensions; 'dimensions' cannot change that.",
                                  n=int(vectors.shape[1])), param="dimensions")
        data = []
        for i, row in enumerate(vectors):
            value: Any = base64.b64encode(row.astype("<f4").tobytes()).decode("ascii") if req.encoding_format == "base64" else [float(x) for x in row]
            data.append({"object": "embedding", "index": i, "embedding": value})
        return JSONResponse({"object": "list", "data": data, "model": entry.id,
                             "usage": {"prompt_tokens": n_tokens, "total_tokens": n_tokens}})

    async def api_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, APIError)
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            body = error_body(msg("There is no route {method} {path} on this server.", method=request.method, path=request.url.path),
                              NOT_FOUND, code="unknown_url")
        elif exc.status_code == 405:
            body = error_body(msg("{method} is not allowed on {path}.", method=request.method, path=request.url.path),
                              INVALID_REQUEST, code="method_not_allowed")
        else:
            body = error_body(str(exc.detail), INVALID_REQUEST)
        return JSONResponse(body, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    async def server_error(request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected error on %s", request.url.path, exc_info=exc)
        return JSONResponse(error_body(msg("The server failed: {error}", error=repr(exc)), SERVER_ERROR), status_code=500)

    routes = [
        Route("/health", health, methods=["GET"]),
        Route("/v1/models", models, methods=["GET"]),
        Route("/v1/models/{model_id:path}", one_model, methods=["GET"]),
        Route("/v1/chat/completions", chat_completions, methods=["POST"]),
        Route("/v1/completions", completions, methods=["POST"]),
        Route("/v1/embeddings", embeddings, methods=["POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers={APIError: api_error, HTTPException: http_error, Exception: server_error})
    return wrap(app, state.settings)


def _key(slot: ModelSlot) -> str:
    info = slot.info
    if info is not None:
        return info.path
    return slot.entry.path or slot.entry.id


def _can_chat(slot: ModelSlot) -> None:
    if slot.entry.architecture in EMBEDDING_ONLY:
        raise bad_request(msg("The model '{model}' only makes embeddings; use /v1/embeddings.", model=slot.entry.id),
                          param="model", code="model_cannot_chat")


def _created(added_at: str) -> int:
    from datetime import datetime

    try:
        return int(datetime.fromisoformat(added_at.replace("Z", "+00:00")).timestamp())
    except (ValueError, AttributeError):
        return 0
