"""The server's requests, per model: a queue the window can show and a worker that serves it.

Every chat, completion or embedding request becomes a ``Job``. Each loaded model has one
``ModelWorker`` thread that takes its jobs in arrival order (FIFO across clients) and runs them
on the model's engine under a *background* turn of the engine's ``TurnGate``
(``chatdesk/engine/turns.py``), so a reply typed in the window waits at most one token step.

``RequestQueue`` is the inspectable side (Qt-free; the window's Server panel polls it or
subscribes)::

    server.queue.requests()          # [RequestInfo(id, client, model, kind, state, ...)], oldest first
    server.queue.cancel(request_id)  # stop it: queued -> never runs; running -> ends within one token
    server.queue.subscribe(callback) # callback() from any thread after each change; returns unsubscribe

States: ``queued`` -> ``running`` -> ``done`` | ``stopped`` (cancelled, client gone, shutdown) |
``failed``. Finished requests stay listed (the newest ``KEEP_FINISHED``) so the panel can show
who was served.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, STOPPED, FAILED = "queued", "running", "done", "stopped", "failed"
FINISHED = (DONE, STOPPED, FAILED)
KEEP_FINISHED = 50

_ids = itertools.count(1)


@dataclass(frozen=True)
class RequestInfo:
    """One request as the panel shows it."""

    id: str
    client: str
    model: str
    kind: str  # "chat" | "completion" | "embedding"
    state: str
    created: float
    started: float | None
    finished: float | None
    tokens: int  # reply tokens so far
    stream: bool
    stop_reason: str | None  # why it was stopped: "cancelled" | "client" | "shutdown"


@dataclass(eq=False)
class Generation:
    """A chat or completion reply as its parts, so a worker can interleave it with others.

    ``finish(result)`` (result None: stopped before it started) returns the job's result and
    ``fail(exc)`` is told when it failed; both run on the worker thread, as ``work`` does."""

    request: Any  # chatdesk.engine.types.GenerationRequest
    on_text: Callable[[str], None]
    on_token: Callable[[Any], None] | None
    finish: Callable[[Any], Any]
    fail: Callable[[BaseException], None]
    # Delivers what on_text/on_token queued; a worker that uses Generation calls it before each
    # decode step (the callbacks themselves do not wake the response), and ``done`` delivers too.
    flush: Callable[[], None] | None = None


@dataclass(eq=False)
class Job:
    """One request: what to run on the model's engine, and how it is going."""

    client: str
    model: str
    kind: str
    work: Callable[[Any, Job], Any]  # (engine slot, job) -> result, on the model's worker thread
    stream: bool = False
    id: str = field(default_factory=lambda: f"req-{next(_ids)}")
    created: float = field(default_factory=time.time)
    state: str = QUEUED
    started: float | None = None
    finished: float | None = None
    tokens: int = 0
    stop: threading.Event = field(default_factory=threading.Event)
    stop_reason: str | None = None
    done: threading.Event = field(default_factory=threading.Event)
    result: Any = None
    error: BaseException | None = None
    on_finish: Callable[[Job], None] | None = None  # called once, on the worker thread
    # A reply to generate, for workers that decode several at once (``slots.SlotWorker``);
    # ``work`` is the same request as one call, for workers that serve one job at a time.
    generation: Generation | None = None

    def info(self) -> RequestInfo:
        return RequestInfo(self.id, self.client, self.model, self.kind, self.state, self.created, self.started,
                           self.finished, self.tokens, self.stream, self.stop_reason)

    def halt(self, reason: str) -> None:
        if self.stop_reason is None:
            self.stop_reason = reason
        self.stop.set()


class RequestQueue:
    """Every job the server holds, in arrival order. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: dict[str, Job] = {}
        self._listeners: list[Callable[[], None]] = []

    def add(self, job: Job) -> None:
        with self._lock:
            self._jobs[job.id] = job
            finished = [j for j in self._jobs.values() if j.state in FINISHED]
            for old in finished[: max(0, len(finished) - KEEP_FINISHED)]:
                del self._jobs[old.id]
        self.changed()

    def requests(self, model: str | None = None) -> list[RequestInfo]:
        with self._lock:
            jobs = list(self._jobs.values())
        return [j.info() for j in jobs if model is None or j.model == model]

    def active(self) -> list[RequestInfo]:
        return [r for r in self.requests() if r.state not in FINISHED]

    def get(self, request_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(request_id)

    def cancel(self, request_id: str, reason: str = "cancelled") -> bool:
        """Stop a request (queued: it never runs; running: it ends within one token). False if
        it is unknown or already finished."""
        job = self.get(request_id)
        if job is None or job.state in FINISHED:
            return False
        job.halt(reason)
        self.changed()
        return True

    def cancel_all(self, reason: str) -> int:
        n = 0
        for info in self.active():
            n += self.cancel(info.id, reason)
        return n

    def subscribe(self, callback: Callable[[], None]) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._listeners:
                    self._listeners.remove(callback)

        return unsubscribe

    def changed(self) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for cb in listeners:
            try:
                cb()
            except Exception:  # a listener's bug must not break serving
                log.exception("request queue listener failed")


class QueueFull(Exception):
    pass


class ModelWorker:
    """One thread serving one model's jobs in order."""

    def __init__(self, name: str, slot: Any, queue: RequestQueue, max_waiting: int) -> None:
        self.slot = slot
        self._queue = queue
        self._max_waiting = max_waiting
        self._pending: deque[Job] = deque()
        self._cond = threading.Condition()
        self._closing = False
        self.current: Job | None = None
        self._thread = threading.Thread(target=self._run, name=f"chatdesk-serve-{name}", daemon=True)
        self._thread.start()

    @property
    def busy(self) -> bool:
        with self._cond:
            return self.current is not None or bool(self._pending)

    def submit(self, job: Job) -> None:
        with self._cond:
            if self._closing:
                raise QueueFull("closing")
            if len(self._pending) >= self._max_waiting:
                raise QueueFull("full")
        self._queue.add(job)  # listed before the worker can see it
        with self._cond:
            self._pending.append(job)
            self._cond.notify()

    def waiting(self) -> int:
        with self._cond:
            return len(self._pending)

    def close(self, timeout: float = 30.0, *, halt_running: bool = False) -> None:
        """Stop taking jobs; the queued ones end as stopped; wait for the running one, which
        ``halt_running`` stops first (its engine is being taken away: the window's model changes)."""
        with self._cond:
            self._closing = True
            running = self.current
            self._cond.notify_all()
        if halt_running and running is not None:
            running.halt("shutdown")
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._closing:
                    self._cond.wait()
                if not self._pending:
                    return
                job = self._pending.popleft()
                self.current = job
                closing = self._closing
            try:
                if closing:
                    job.halt("shutdown")
                self._serve(job)
            finally:
                with self._cond:
                    self.current = None

    def _serve(self, job: Job) -> None:
        # A job stopped while queued still runs its work, which sees ``job.stop`` and returns at
        # once: that is where a stored request is saved as stopped.
        job.state = RUNNING
        job.started = time.time()
        self._queue.changed()
        try:
            job.result = job.work(self.slot, job)
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting request, never lost
            job.error = exc
            self._finish(job, FAILED)
            return
        self._finish(job, STOPPED if job.stop.is_set() and job.stop_reason else DONE)

    def _finish(self, job: Job, state: str) -> None:
        job.state = state
        job.finished = time.time()
        with self._cond:
            if self.current is job:
                self.current = None  # idle before anyone hears of the end (the pool may evict this model)
        job.done.set()  # before on_finish: whoever it wakes finds the job done
        if job.on_finish is not None:
            try:
                job.on_finish(job)
            except Exception:
                log.exception("request %s: finishing failed", job.id)
        self._queue.changed()
