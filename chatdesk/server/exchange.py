"""Where a queued job meets its HTTP response: the hand-over between a model's worker thread and
the event loop.

Every route that queues work (chat, completions, embeddings) needs the same four things, kept
here so that each route says only what its endpoint means: ``Exchange`` carries the engine's
callbacks from the worker thread to the response; ``submit`` queues a job (a full queue is a 503
with ``Retry-After``); ``wait_done`` waits for a job that does not stream and stops it if the
client goes away; ``failure`` turns a job's error into the API error the client reads.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import threading
from typing import Any

from starlette.requests import Request

from chatdesk.engine.errors import ContextOverflowError, EngineError
from chatdesk.server.errors import OVERLOADED, SERVER_ERROR, APIError, bad_request
from chatdesk.server.jobs import Job, QueueFull
from chatdesk.server.loop_wake import waker_for
from chatdesk.server.pool import RETRY_AFTER_S, ModelSlot
from translatable import msg

log = logging.getLogger(__name__)


class Exchange:
    """Carries one job's engine callbacks (worker thread) to its response (event loop).

    Events wait in a plain deque; the loop is woken (``loop_wake``: a byte in a pipe it reads,
    written without handing the loop the GIL) only when it is not already due to drain them, so
    a token's text and logprobs, or tokens produced while the loop was busy, cost one wake-up
    instead of one each."""

    def __init__(self, loop: asyncio.AbstractEventLoop, streaming: bool) -> None:
        self._waker = waker_for(loop)
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
        self._waker.call(self._drain)

    def _drain(self) -> None:
        with self._lock:
            self._scheduled = False
            items = list(self._waiting)
            self._waiting.clear()
        for item in items:
            self.events.put_nowait(item)


def submit(slot: ModelSlot, job: Job) -> None:
    """Queue ``job`` on the model's worker; a full queue is a 503 the client retries."""
    assert slot.worker is not None
    try:
        slot.worker.submit(job)
    except QueueFull:
        raise APIError(503, msg("Too many requests are waiting for the model '{model}'; try again shortly.", model=slot.entry.id),
                       type=OVERLOADED, code="queue_full", headers={"Retry-After": str(RETRY_AFTER_S)}) from None


async def wait_done(request: Request, ex: Exchange, job: Job) -> None:
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


def failure(job: Job) -> APIError | None:
    """The API error a finished job's exception means (None: it did not fail)."""
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
