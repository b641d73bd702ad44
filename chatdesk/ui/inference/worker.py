"""The inference worker: one long-lived QObject on its own QThread owns the engine.

Commands arrive as queued signals (``*_requested``); results leave as signals carrying immutable
values (``token_received``, ``*_finished``, ``*_failed``). The worker never touches GUI objects.
Stop is a ``threading.Event`` the GUI sets directly — a queued "stop" signal would wait behind
the very generation it is meant to stop. The reply is saved by the chat flow's ``ReplyRecorder``
from this thread, so crash safety never depends on the GUI's event loop, and the final record
travels back in the outcome so the GUI thread need not read it again.

The worker does not care which engine it drives: a local llama.cpp model or a remote
OpenAI-compatible server (``chatdesk.engine.base.Engine``).

Given an ``EngineShare`` (``chatdesk/engine/sharing.py``), the worker lends its loaded local model
to the window's local server, so a request for that model is served without a second copy. Every
use of the engine here (load, reply, unload) then holds the share's gate *interactively*: it waits
for at most the server's running token step, and the server waits while the window replies.
The loan is withdrawn before the engine changes (another model, unload, shutdown).
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from chatdesk.chat import FinishedReply, ReplyPlan, ReplyRecorder
from chatdesk.engine import EngineError, GenerationResult, ModelInfo, early_load
from chatdesk.engine.base import Engine
from chatdesk.engine.sharing import EngineShare
from chatdesk.engine.thread_priority import lower_this_thread
from chatdesk.engine.types import LocalSource, ModelSource, RemoteSource, TokenProb
from chatdesk.store import StoreError
from chatdesk.ui.app.i18n import localized

if TYPE_CHECKING:
    from chatdesk.engine.llama_engine import LlamaEngine
    from chatdesk.store import Store

log = logging.getLogger(__name__)

EMIT_INTERVAL_S = 1 / 30
GIL_SWITCH_INTERVAL_S = 0.001


@dataclass(frozen=True)
class GenerationJob:
    plan: ReplyPlan
    # Run on the worker thread before generating (reading attached files, grounding in document
    # collections: neither may run on the GUI thread): prepare(plan, engine, stop, say) returns the
    # plan to generate from; say(text) shows progress in the window.
    prepare: Callable[[ReplyPlan, Engine, threading.Event, Callable[[str], None]], ReplyPlan] | None = None

    @property
    def request_id(self) -> int:
        return self.plan.request.request_id

    @property
    def conversation_id(self) -> int:
        return self.plan.conversation_id

    @property
    def assistant_message_id(self) -> int:
        return self.plan.reply.id


@dataclass(frozen=True)
class GenerationOutcome:
    job: GenerationJob
    result: GenerationResult | None  # None when generation could not start
    finished: FinishedReply

    @property
    def status(self) -> str:
        return self.finished.status


@dataclass(frozen=True)
class LoadFailure:
    key: str  # the model that failed (path or remote key)
    message: str
    still_loaded: ModelInfo | None  # the model that is still in use, if the old one was kept


class InferenceWorker(QObject):
    load_finished = Signal(object)  # ModelInfo
    load_failed = Signal(object)  # LoadFailure
    token_received = Signal(int, str)  # request id, text
    tokens_received = Signal(int, object)  # request id, tuple[TokenProb, ...]
    generation_finished = Signal(object)  # GenerationOutcome (a reply that ran, however it ended)
    preparing = Signal(int, str)  # request id, what is being done before the reply (reading a file in parts…)
    generation_failed = Signal(object)  # GenerationOutcome (a reply that could not start)
    save_failed = Signal(str)

    def __init__(self, store: Store | None, check_cache: Path | None = None, api_key_for: Callable[[str | None], str | None] | None = None,
                 share: EngineShare | None = None) -> None:
        super().__init__()
        self._store = store
        self._check_cache = check_cache
        self._api_key_for = api_key_for
        self._share = share
        self._loaded_source: ModelSource | None = None  # what ``_engine`` holds (lent again after a failed load)
        self._engine: Engine | None = None
        self.stop_event = threading.Event()
        # Written by llama.cpp's load-progress callback and polled by the GUI: the callback runs
        # hundreds of times inside a C call, where a plain attribute write is all we want to do.
        self.load_fraction = 0.0
        self.native_id: int | None = None  # the worker thread's id, once it runs

    def thread_started(self) -> None:
        """First thing on the worker thread (``QThread.started``, direct): the model's threads give
        way to the window's (``engine/thread_priority.py``)."""
        self.native_id = threading.get_native_id()
        lower_this_thread()

    @property
    def engine(self) -> Engine | None:
        return self._engine

    @contextmanager
    def _turn(self) -> Iterator[None]:
        """Hold the engine for the window (first in line; see ``engine/turns.py``)."""
        with self._share.gate.interactive() if self._share is not None else nullcontext():
            yield

    def _lend(self, source: ModelSource | None) -> None:
        if self._share is not None and isinstance(source, LocalSource) and self._engine is not None and self._engine.loaded:
            self._share.lend(self._engine, source.path)

    # ------------------------------------------------------------------ loading
    def _new_engine(self, source: ModelSource) -> Engine:
        if isinstance(source, RemoteSource):
            from chatdesk.engine.remote import RemoteEngine

            return RemoteEngine(api_key_for=self._api_key_for)
        from chatdesk.engine.llama_engine import LlamaEngine

        return self._shared(LlamaEngine(self._check_cache))

    def _shared(self, engine: LlamaEngine) -> LlamaEngine:
        if self._share is not None:
            engine.turns = self._share.gate
        return engine

    @Slot(object)
    def load(self, source: ModelSource) -> None:
        """Load ``source``. If it fails its checks the current model stays loaded (and is named
        in the failure), so the window can show one truthful state."""
        self.load_fraction = 0.0
        if self._share is not None:
            self._share.withdraw()  # the server stops using the engine before it changes
        with self._turn():
            self._load(source)

    def _load(self, source: ModelSource) -> None:
        current = self._engine
        # The start-up model's load began before the window existed (engine/early_load.py).
        early = early_load.claim(source) if current is None and isinstance(source, LocalSource) else None
        same_kind = current is not None and isinstance(source, LocalSource) and getattr(current, "kind", "") == "local"
        engine: Engine | None = current if same_kind or early is not None else self._new_engine(source)
        try:
            if early is not None:
                loaded, info = early.take(progress=self._set_fraction)
                engine = self._shared(loaded)
            elif isinstance(source, LocalSource):
                assert engine is not None  # the loaded engine of the same kind, or a new one
                info = engine.load_source(source, progress=self._set_fraction)
            else:
                assert engine is not None
                info = engine.load(source, progress=self._set_fraction)
        except Exception as exc:  # the app must survive any load failure
            if not isinstance(exc, EngineError):
                log.exception("unexpected load failure")
            message = localized(exc) if isinstance(exc, EngineError) else self.tr("Could not load {model}: {problem}").format(model=source.key, problem=localized(exc))
            still = current.info if current is not None and current.loaded else None
            if engine is not current and engine is not None:
                engine.unload()
            if still is not None:
                self._lend(self._loaded_source)
            self.load_failed.emit(LoadFailure(source.key, message, still))
            return
        if current is not None and engine is not current:
            current.unload()
        self._engine = engine
        self._loaded_source = source
        self._lend(source)
        self.load_finished.emit(info)

    def _set_fraction(self, fraction: float) -> None:
        self.load_fraction = fraction

    # ------------------------------------------------------------------ generating
    @Slot(object)
    def generate(self, job: GenerationJob) -> None:
        with self._turn():
            self._generate(job)

    def _generate(self, job: GenerationJob) -> None:
        engine = self._engine
        if job.prepare is not None and engine is not None and engine.loaded:
            try:
                job = replace(job, plan=job.prepare(job.plan, engine, self.stop_event,
                                                    lambda text, rid=job.request_id: self.preparing.emit(rid, text)), prepare=None)
            except Exception as exc:  # noqa: BLE001 - said in the reply's error, the user's turn is kept
                recorder = ReplyRecorder(self._store, job.plan, on_save_error=lambda text: self.save_failed.emit(localized(text)))
                message = localized(exc)
                self.generation_failed.emit(GenerationOutcome(job, None, recorder.fail(message)))
                return
        recorder = ReplyRecorder(self._store, job.plan, on_save_error=lambda text: self.save_failed.emit(localized(text)))
        if engine is None or not engine.loaded:
            self.generation_failed.emit(GenerationOutcome(job, None, recorder.fail(self.tr("No model is loaded, so there is no reply."))))
            return
        stream = _ReplyStream(self, job.request_id, recorder)
        try:
            try:
                result = engine.generate(job.plan.request, self.stop_event, stream.on_text, stream.on_token)
            finally:
                stream.send_unsent()
        except Exception as exc:  # a failed reply must never take the app down
            if not isinstance(exc, EngineError):
                log.exception("generation crashed")
            message = localized(exc) if isinstance(exc, EngineError) else self.tr("Generation failed: {problem}").format(problem=localized(exc))
            self.generation_failed.emit(GenerationOutcome(job, None, recorder.fail(message)))
            return
        info = engine.info
        sha = None
        if self._store is not None and info is not None and info.kind == "local":
            try:  # hashed once per file, then cached in the database
                sha = self._store.file_sha256(info.path)
            except (OSError, StoreError):
                sha = None
        finished = recorder.finish(result, info, sha)
        self.generation_finished.emit(GenerationOutcome(job, result, finished))

    @Slot()
    def shutdown(self) -> None:
        if self._share is not None:
            self._share.withdraw()
        if self._engine is not None:
            with self._turn():
                self._engine.unload()
            self._engine = None


class _ReplyStream:
    """Where the engine's output goes while a reply streams (runs on the worker thread).

    Pieces are coalesced into at most one ``token_received`` per ``EMIT_INTERVAL_S``: the view
    repaints at most 30 times a second anyway, and each cross-thread signal wakes the GUI thread,
    which on a small CPU takes time from llama.cpp's compute threads. The recorder saves them.
    """

    def __init__(self, worker: InferenceWorker, request_id: int, recorder: ReplyRecorder) -> None:
        self.worker = worker
        self.request_id = request_id
        self.recorder = recorder
        self.unsent: list[str] = []
        self.unsent_tokens: list[TokenProb] = []
        self.last_emit = 0.0

    def on_text(self, piece: str) -> None:
        self.recorder.on_text(piece)
        self.unsent.append(piece)
        now = time.monotonic()
        if now - self.last_emit >= EMIT_INTERVAL_S:
            self.last_emit = now
            self.send_unsent()

    def on_token(self, token: TokenProb) -> None:
        self.recorder.on_token(token)
        self.unsent_tokens.append(token)

    def send_unsent(self) -> None:
        if self.unsent_tokens:
            self.worker.tokens_received.emit(self.request_id, tuple(self.unsent_tokens))
            self.unsent_tokens.clear()
        if self.unsent:
            self.worker.token_received.emit(self.request_id, "".join(self.unsent))
            self.unsent.clear()


class InferenceThread(QObject):
    """Owns the QThread and the worker; the GUI talks to this.

    Requests are signals connected (queued) to the worker's slots; shutdown is stop, quit, wait.
    """

    load_requested = Signal(object)
    generate_requested = Signal(object)
    load_progress = Signal(float)  # on the GUI thread, polled while a model loads
    _shutdown_requested = Signal()

    def __init__(
        self,
        store: Store | None,
        check_cache: Path | None = None,
        parent: QObject | None = None,
        api_key_for: Callable[[str | None], str | None] | None = None,
        share: EngineShare | None = None,
    ) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("chatdesk-inference")
        self.worker = InferenceWorker(store, check_cache, api_key_for, share)
        self.worker.moveToThread(self.thread)
        self.load_requested.connect(self.worker.load)
        self.generate_requested.connect(self.worker.generate)
        self._shutdown_requested.connect(self.worker.shutdown)
        self.thread.finished.connect(self.worker.deleteLater)
        self.thread.started.connect(self.worker.thread_started, Qt.ConnectionType.DirectConnection)
        # The worker runs Python between llama.cpp calls (a few microseconds a token). With the
        # default 5 ms GIL switch interval the GUI thread could wait that long for each
        # acquisition; 1 ms keeps event handling prompt at a negligible cost.
        sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(50)
        self._progress_timer.timeout.connect(lambda: self.load_progress.emit(self.worker.load_fraction))
        self.worker.load_finished.connect(self._load_ended)
        self.worker.load_failed.connect(self._load_ended)
        self.thread.start()

    @Slot(object)
    def _load_ended(self, _outcome: object) -> None:
        self._progress_timer.stop()

    def request_load(self, source: ModelSource) -> None:
        self.worker.load_fraction = 0.0
        self._progress_timer.start()
        self.load_requested.emit(source)

    def request_generation(self, job: GenerationJob) -> None:
        self.worker.stop_event.clear()
        self.generate_requested.emit(job)

    def stop(self) -> None:
        self.worker.stop_event.set()

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        """Stop generation, free the model on its own thread, quit, and wait."""
        if not self.thread.isRunning():
            return True
        self.stop()
        self._shutdown_requested.emit()
        self.thread.quit()
        if self.thread.wait(timeout_ms):
            return True
        # Still inside a model load (not interruptible). Destroying a running QThread aborts the
        # process, so wait for the load to end; the stop Event has already ended any generation.
        log.warning("inference thread still busy after %d ms; waiting for it to finish", timeout_ms)
        return self.thread.wait()
