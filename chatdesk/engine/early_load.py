"""The start-up model load, begun before the window exists and handed to its engine. No Qt.

Why
    At start-up the window asked for its model only once it was built and shown, so the whole
    load (importing llama-cpp-python, jinja2 and numpy, then ``Llama(...)``) came after the window
    in time: on the 2-core development machine ``benchmarks/startup.py``'s probe had the load begin
    at 2.2 s and end at 3.8 s, 1.6 s after the window showed, with the first Send waiting on it.
    ``Llama(...)`` spends most of its time in llama.cpp, outside the GIL, so it can overlap with
    the window being built. ``start`` runs the same load (``LlamaEngine.load_source``) on a plain
    thread as soon as the data folder is ours and the start-up model is known; the inference
    worker ``claim``s it for its first load of that very source and adopts the engine, waiting on
    its own thread for the rest of the load. The GUI thread never waits for it.

What stays the same
    The load, its checks and its errors are ``LlamaEngine``'s own: a failure is raised again in
    the worker and reported as any failed load is. A load for another source (the window chose
    another model meanwhile, a test drives its own) does not take it: the early one is dropped
    (waited for and unloaded) and the usual load runs.

One at a time, process-wide: only the application's start-up begins one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from chatdesk.engine.types import LocalSource, ModelInfo

if TYPE_CHECKING:
    from chatdesk.engine.llama_engine import LlamaEngine

log = logging.getLogger(__name__)

_lock = threading.Lock()
_pending: EarlyLoad | None = None


class EarlyLoad:
    """One model load running on its own thread; ``take`` waits for it and hands it over."""

    def __init__(self, source: LocalSource, check_cache: Path | None = None) -> None:
        self.source = source
        self.fraction = 0.0
        self._check_cache = check_cache
        self._progress: Callable[[float], None] | None = None
        self._done = threading.Event()
        self._engine: LlamaEngine | None = None
        self._info: ModelInfo | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="chatdesk-early-load", daemon=True)

    def begin(self) -> EarlyLoad:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            from chatdesk.engine.llama_engine import LlamaEngine

            engine = LlamaEngine(self._check_cache)
            self._info = engine.load_source(self.source, progress=self._on_progress)
            self._engine = engine
        except BaseException as exc:  # noqa: BLE001 - raised again in the thread that takes it
            self._error = exc
        finally:
            self._done.set()

    def _on_progress(self, fraction: float) -> None:
        # llama.cpp's load-progress callback (plain Python only, as in LlamaEngine._load_progress).
        self.fraction = fraction
        relay = self._progress
        if relay is not None:
            relay(fraction)

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def take(self, progress: Callable[[float], None] | None = None) -> tuple[LlamaEngine, ModelInfo]:
        """Wait for the load (never call this on the GUI thread) and return the loaded engine;
        the load's own exception if it failed. ``progress`` gets the load's fraction from now on."""
        self._progress = progress
        if progress is not None:
            progress(self.fraction)
        self._done.wait()
        self._progress = None
        if self._error is not None:
            raise self._error
        assert self._engine is not None and self._info is not None
        engine, info = self._engine, self._info
        self._engine = None
        return engine, info

    def drop(self) -> None:
        """Wait for the load and free what it loaded (nobody took it)."""
        self._done.wait()
        engine, self._engine = self._engine, None
        if engine is not None:
            engine.unload()


def start(source: LocalSource, check_cache: Path | None = None) -> EarlyLoad:
    """Begin loading ``source`` now; the inference worker's first load of it takes it over."""
    global _pending
    with _lock:
        previous, _pending = _pending, EarlyLoad(source, check_cache).begin()
        early = _pending
    if previous is not None:
        previous.drop()
    return early


def claim(source: LocalSource) -> EarlyLoad | None:
    """The early load of ``source``, if one was begun and not yet claimed. A pending load of
    another source is dropped (waited for, on the caller's thread, and unloaded)."""
    global _pending
    with _lock:
        early, _pending = _pending, None
    if early is None:
        return None
    if early.source == source:
        return early
    early.drop()
    return None


def discard() -> None:
    """Drop a load nobody claimed (the application is ending)."""
    global _pending
    with _lock:
        early, _pending = _pending, None
    if early is not None:
        early.drop()
