"""Which models the server can serve, and loading them on demand, one load at a time.

Requests name models by their library id (``chatdesk models list``; ``GET /v1/models``). A model
that is not loaded is loaded by the first request that needs it; while that load runs, requests
for the same model wait for it and requests for another model get 503 with ``Retry-After``
(loads are slow and memory-hungry, so they never overlap). At most ``max_loaded`` models stay
loaded; an idle one is unloaded to make room, a busy one is never evicted (503 instead).

Each loaded model is a ``ModelSlot``: its engine (local llama.cpp or a remote server's proxy),
the engine's ``TurnGate`` and a worker thread with its queue: ``slots.SlotWorker`` for a local
model the pool loaded (up to ``parallel`` replies decoded together), ``jobs.ModelWorker`` (one
request at a time) for remote models and the window's adopted engine. The window can hand the
pool its own loaded engine (``adopt``): server requests then share it with the window through
the gate instead of loading the model twice. Given an ``engine.sharing.EngineShare``, the pool borrows
the window's engine by itself when a request names the model the window has loaded, and lets it
go (stopping the requests on it) when the window takes it back.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from chatdesk import paths
from chatdesk.engine.errors import EngineError
from chatdesk.engine.sharing import EngineShare
from chatdesk.engine.turns import TurnGate
from chatdesk.engine.types import LocalSource, ModelInfo, PromptFormat, RemoteSource
from chatdesk.library import Catalog, LibraryError, ModelEntry
from chatdesk.server.errors import SERVER_ERROR, APIError, busy_loading, model_not_found
from chatdesk.server.jobs import ModelWorker, RequestQueue
from chatdesk.settings import AppSettings
from translatable import msg

log = logging.getLogger(__name__)

DEFAULT_ALIASES = ("default", "")
RETRY_AFTER_S = 5

# Architectures that only embed (no next-token head worth chatting with).
EMBEDDING_ONLY = frozenset({"bert", "nomic-bert", "nomic-bert-moe", "jina-bert-v2", "jina-bert-v3", "t5encoder", "modern-bert", "neo-bert"})


@dataclass(eq=False)
class ModelSlot:
    """One loaded model: engine, turn gate, worker, and (lazily) an embedder."""

    entry: ModelEntry
    engine: Any
    gate: TurnGate
    owned: bool  # False: adopted from the window, never unloaded by the pool
    worker: ModelWorker | None = None  # or its subclass slots.SlotWorker
    embedder: Any = None
    used: float = field(default_factory=time.monotonic)
    _embed_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def info(self) -> ModelInfo | None:
        return self.engine.info if self.engine is not None else None

    @property
    def prompt_format(self) -> PromptFormat | None:
        return None if self.entry.is_remote else PromptFormat()

    def get_embedder(self, n_threads: int | None) -> Any:
        from chatdesk.server.embeddings import open_embedder

        with self._embed_lock:
            if self.embedder is None:
                assert self.entry.path is not None
                self.embedder = open_embedder(self.entry.path, n_threads)
            return self.embedder

    def close(self, halt_running: bool = False) -> None:
        if self.worker is not None:
            self.worker.close(halt_running=halt_running)
        if self.embedder is not None:
            close = getattr(self.embedder, "close", None)
            if close is not None:
                close()
            self.embedder = None
        if self.owned and self.engine is not None:
            self.engine.unload()


EngineFactory = Callable[[ModelEntry, AppSettings], Any]


def default_engine_factory(entry: ModelEntry, settings: AppSettings) -> Any:
    """A loaded engine for a library entry: llama.cpp for a file, the proxy for a remote."""
    if entry.is_remote:
        from chatdesk.engine.remote import RemoteEngine
        from chatdesk.library.remotes import Remotes

        remotes = Remotes()
        assert entry.remote_url and entry.remote_model
        endpoint = next((e.id for e in remotes.endpoints() if e.base_url == entry.remote_url), None)
        engine = RemoteEngine(remotes.api_key)
        engine.load(RemoteSource(entry.remote_url, entry.remote_model, endpoint))
        return engine
    from chatdesk.engine.llama_engine import LlamaEngine

    local = LlamaEngine(paths.model_checks_path())
    assert entry.path is not None
    local.load_source(LocalSource(entry.path, settings.load))
    return local


class ModelPool:
    def __init__(
        self,
        settings: AppSettings,
        queue: RequestQueue,
        *,
        catalog: Catalog | None = None,
        engine_factory: EngineFactory = default_engine_factory,
        max_loaded: int = 1,
        max_waiting: int = 64,
        default_model: str | None = None,
        parallel: int = 4,
        share: EngineShare | None = None,
    ) -> None:
        self.settings = settings
        self.queue = queue
        self._catalog = catalog
        self._engine_factory = engine_factory
        self.max_loaded = max(1, max_loaded)
        self._max_waiting = max_waiting
        self._default_model = default_model
        self.parallel = max(1, parallel)  # replies decoded together per local model (slots.SlotWorker)
        self._slots: dict[str, ModelSlot] = {}
        self._cond = threading.Condition()
        self._loading: str | None = None
        self._load_error: tuple[str, BaseException] | None = None
        self._closed = False
        self._share = share
        self._unsubscribe_share = share.subscribe(self._release_borrowed) if share is not None else None

    # -- the library ------------------------------------------------------------------------
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = Catalog.open()
        return self._catalog

    def models(self) -> list[ModelEntry]:
        cat = self.catalog()
        cat.reload()
        return cat.entries()

    def resolve(self, model_id: str) -> ModelEntry:
        """The library entry a request's ``model`` names (APIError 404/400 when it cannot serve)."""
        cat = self.catalog()
        try:
            if model_id in DEFAULT_ALIASES:
                entry = cat.get(self._default_model) if self._default_model else cat.default()
            else:
                try:
                    entry = cat.get(model_id)
                except LibraryError:
                    cat.reload()  # added since the server started?
                    entry = cat.get(model_id)
        except LibraryError:
            raise model_not_found(model_id) from None
        if not entry.usable:
            raise APIError(400, msg("The model '{model}' cannot be used: {problem}.", model=entry.id,
                                    problem=entry.problem or msg("its file is missing")), param="model", code="model_not_available")
        return entry

    @property
    def loading(self) -> str | None:
        return self._loading

    def loaded(self) -> list[ModelSlot]:
        with self._cond:
            return list(self._slots.values())

    # -- loading ----------------------------------------------------------------------------
    def ready(self, entry: ModelEntry) -> ModelSlot | None:
        """The slot for ``entry`` if it is loaded, without waiting (None otherwise): lets a request
        for a loaded model skip the hop to a thread that ``slot`` needs."""
        with self._cond:
            slot = None if self._closed else self._slots.get(entry.id)
            if slot is not None:
                slot.used = time.monotonic()
            return slot

    def slot(self, entry: ModelEntry) -> ModelSlot:
        """The loaded slot for ``entry``, loading it first if needed (blocking; call off the event loop)."""
        borrowed = self._borrow(entry)
        if borrowed is not None:
            return borrowed
        with self._cond:
            while True:
                if self._closed:
                    raise APIError(503, msg("The server is shutting down."), type=SERVER_ERROR, code="shutting_down")
                slot = self._slots.get(entry.id)
                if slot is not None:
                    slot.used = time.monotonic()
                    return slot
                if self._loading is None:
                    break
                if self._loading != entry.id:
                    raise busy_loading(self._loading, RETRY_AFTER_S)
                self._cond.wait()
                if self._load_error is not None and self._load_error[0] == entry.id and entry.id not in self._slots:
                    raise _load_failed(entry, self._load_error[1])
            self._make_room(entry)
            self._loading = entry.id
            self._load_error = None
        try:
            engine = self._engine_factory(entry, self.settings)
        except (EngineError, OSError, ValueError) as exc:
            with self._cond:
                self._loading = None
                self._load_error = (entry.id, exc)
                self._cond.notify_all()
            raise _load_failed(entry, exc) from exc
        except BaseException:
            with self._cond:
                self._loading = None
                self._cond.notify_all()
            raise
        return self._install(entry, engine, owned=True)

    def adopt(self, entry: ModelEntry, engine: Any, gate: TurnGate | None = None) -> ModelSlot:
        """Serve ``entry`` with an engine someone else loaded (the window's), sharing it through
        ``gate`` (the engine's ``turns``; created if None). The pool never unloads it."""
        gate = gate or getattr(engine, "turns", None) or TurnGate()
        if hasattr(engine, "turns"):
            engine.turns = gate
        with self._cond:
            old = self._slots.pop(entry.id, None)
        if old is not None:
            old.close()
        return self._install(entry, engine, owned=False, gate=gate)

    def release(self, model_id: str) -> None:
        """Stop serving a model (its queued requests end as stopped)."""
        with self._cond:
            slot = self._slots.pop(model_id, None)
        if slot is not None:
            slot.close()

    def _borrow(self, entry: ModelEntry) -> ModelSlot | None:
        """The window's engine for ``entry``, when the window has that very file loaded."""
        if self._share is None or entry.is_remote or entry.path is None:
            return None
        with self._cond:
            if self._closed:
                return None
            slot = self._slots.get(entry.id)
            if slot is not None:
                slot.used = time.monotonic()
                return slot
        return self._share.borrow(entry.path, lambda engine, gate: self.adopt(entry, engine, gate))

    def _release_borrowed(self) -> None:
        """The window takes its engine back (another model, unload, quit): stop serving it now.
        The requests running on it end as stopped within one token; queued ones too."""
        with self._cond:
            borrowed = [s for s in self._slots.values() if not s.owned]
            for s in borrowed:
                del self._slots[s.entry.id]
        for s in borrowed:
            s.close(halt_running=True)

    def _install(self, entry: ModelEntry, engine: Any, *, owned: bool, gate: TurnGate | None = None) -> ModelSlot:
        gate = gate or TurnGate()
        if owned and hasattr(engine, "turns"):
            engine.turns = gate
        slot = ModelSlot(entry, engine, gate, owned)
        if owned and self.parallel > 1 and getattr(engine, "kind", None) == "local":
            from chatdesk.server.slots import SlotWorker

            slot.worker = SlotWorker(entry.id, slot, self.queue, self._max_waiting, self.parallel)
        else:  # remote models, and the window's adopted engine, serve one request at a time
            slot.worker = ModelWorker(entry.id, slot, self.queue, self._max_waiting)
        with self._cond:
            self._slots[entry.id] = slot
            if self._loading == entry.id:
                self._loading = None
            self._cond.notify_all()
        return slot

    def _make_room(self, entry: ModelEntry) -> None:
        """Unload idle models until one more fits (called with the lock held)."""
        owned = [s for s in self._slots.values() if s.owned]
        if len(owned) < self.max_loaded:
            return
        idle = sorted((s for s in owned if s.worker is None or not s.worker.busy), key=lambda s: s.used)
        if len(owned) - len(idle) >= self.max_loaded:
            busy = next(s for s in owned if s not in idle)
            raise APIError(
                503,
                msg("The server is busy with the model '{busy}' and keeps {n} model(s) loaded; '{model}' can be "
                    "served when its requests are done.", busy=busy.entry.id, n=self.max_loaded, model=entry.id),
                type="service_unavailable_error", code="model_busy", headers={"Retry-After": str(RETRY_AFTER_S)},
            )
        for s in idle[: len(owned) - self.max_loaded + 1]:
            del self._slots[s.entry.id]
            threading.Thread(target=s.close, name="chatdesk-serve-unload", daemon=True).start()

    def close(self) -> None:
        if self._unsubscribe_share is not None:
            self._unsubscribe_share()
            self._unsubscribe_share = None
        with self._cond:
            self._closed = True
            slots = list(self._slots.values())
            self._slots.clear()
            self._cond.notify_all()
        for s in slots:
            s.close()


def _load_failed(entry: ModelEntry, exc: BaseException) -> APIError:
    return APIError(500, msg("The model '{model}' could not be loaded: {error}", model=entry.id, error=str(exc)),
                    type=SERVER_ERROR, code="model_load_failed")


def thread_count(settings: AppSettings) -> int | None:
    return settings.load.n_threads or (os.cpu_count() or None)
