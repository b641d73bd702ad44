"""A streamed reply as OpenAI's server-sent events.

Why its own module: the stream is the server's hot path (one chunk per token for every client;
``benchmarks/serve_stream.py`` measures it against llama-server), and it has its own rules:
each chunk's logprobs wait until the text they complete has been sent, the envelope every chunk
repeats is serialised once, and a client that goes away (or a send that times out) stops its job
within one token.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from starlette.requests import Request

from chatdesk.engine.types import GenerationResult, TokenProb
from chatdesk.server import openai_format as fmt
from chatdesk.server.errors import SERVER_ERROR, APIError
from chatdesk.server.exchange import Exchange, failure
from chatdesk.server.jobs import Job

if TYPE_CHECKING:
    from chatdesk.server.generation import Call

SSE_PING_S = 15


def sse(payload: str) -> bytes:
    """One SSE event, encoded once here (sse-starlette passes bytes through untouched). JSON text
    never holds a raw line break, so one ``data:`` line is the whole event."""
    return b"data: " + payload.encode("utf-8") + b"\n\n"


async def stream(ex: Exchange, job: Job, call: Call, response_id: str, request: Request) -> AsyncIterator[bytes]:
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
        return sse(head + json.dumps(choice) + "]}")

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
            problem = failure(job)
            if problem is not None:
                yield sse(json.dumps(problem.body()))
                return
            result: GenerationResult | None = job.result
            if result is None:
                yield chunk(None if chat else "", [], prev_end, finish="stopped")
            else:
                ready = [t for t in waiting if t.end <= len(result.text)]
                if ready and call.top >= 0:
                    yield chunk("" if chat else "", ready, prev_end)
                if result.error:
                    yield sse(json.dumps(APIError(500, result.error, type=SERVER_ERROR, code="generation_failed").body()))
                    return
                yield chunk(None, [], prev_end, finish=fmt.finish_reason(result))
                if call.include_usage:
                    yield sse(json.dumps({"id": response_id, "object": obj, "created": created, "model": model,
                                           "system_fingerprint": fmt.FINGERPRINT, "choices": [], "usage": fmt.usage(result)}))
            yield sse("[DONE]")
            return
    finally:
        if not finished and not job.done.is_set():
            job.halt("client")  # the client went away (or the send timed out): stop within one token
