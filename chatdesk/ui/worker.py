"""The inference worker: one long-lived QObject on its own QThread owns the model.

Commands arrive as queued signals (``*_requested``); results leave as signals carrying immutable
values (``token_received``, ``*_finished``, ``*_failed``). The worker never touches GUI objects.
Stop is a ``threading.Event`` the GUI sets directly — a queued "stop" signal would wait behind
the very generation it is meant to stop. The streaming reply is saved to the store from this
thread (at most every ``FLUSH_INTERVAL_S``), so crash safety never depends on the GUI's event loop.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from chatdesk.engine import (
    EngineError,
    GenerationRequest,
    GenerationResult,
    LoadSettings,
    ModelInfo,
)
from chatdesk.engine.llama_engine import LlamaEngine
from chatdesk.store import Status, Store, StoreError

log = logging.getLogger(__name__)

FLUSH_INTERVAL_S = 0.5
EMIT_INTERVAL_S = 1 / 60
INFERENCE_NICE = 5
GIL_SWITCH_INTERVAL_S = 0.001


@dataclass(frozen=True)
class GenerationJob:
    request: GenerationRequest
    conversation_id: int
    assistant_message_id: int
    provenance_base: tuple[tuple[str, object], ...] = ()  # settings known at request time


@dataclass(frozen=True)
class GenerationOutcome:
    job: GenerationJob
    result: GenerationResult
    status: str
    provenance: tuple[tuple[str, object], ...]
    save_error: str | None = None


class InferenceWorker(QObject):
    load_finished = Signal(object)  # ModelInfo
    load_failed = Signal(str, str)  # path, message
    token_received = Signal(int, str)  # request id, text
    generation_finished = Signal(object)  # GenerationOutcome
    generation_failed = Signal(int, str)  # request id, message
    save_failed = Signal(str)

    def __init__(self, store: Store | None, check_cache: Path | None = None) -> None:
        super().__init__()
        self._store = store
        self._check_cache = check_cache
        self._engine: LlamaEngine | None = None
        self.stop_event = threading.Event()
        # Written by llama.cpp's load-progress callback and polled by the GUI: the callback runs
        # hundreds of times inside a C call, where a plain attribute write is all we want to do.
        self.load_fraction = 0.0

    @Slot()
    def lower_priority(self) -> None:
        """Run inference (and the ggml threads it spawns, which inherit this) at a lower CPU
        priority than the GUI, so typing and scrolling stay smooth while a reply streams on a
        small machine. Linux nice values are per thread; elsewhere this is a no-op."""
        if sys.platform.startswith("linux"):
            try:
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), INFERENCE_NICE)
            except OSError:
                log.debug("could not lower the inference thread's priority", exc_info=True)

    def _get_engine(self) -> LlamaEngine:
        if self._engine is None:
            self._engine = LlamaEngine(self._check_cache)
        return self._engine

    @Slot(str, object)
    def load(self, path: str, settings: LoadSettings) -> None:
        try:
            self.load_fraction = 0.0
            info: ModelInfo = self._get_engine().load(path, settings, progress=self._set_fraction)
        except EngineError as exc:
            self.load_failed.emit(path, str(exc))
            return
        except Exception as exc:
            log.exception("unexpected load failure")
            self.load_failed.emit(path, f"Could not load {Path(path).name}: {exc}")
            return
        self.load_finished.emit(info)

    def _set_fraction(self, fraction: float) -> None:
        self.load_fraction = fraction

    @Slot(object)
    def generate(self, job: GenerationJob) -> None:
        engine = self._engine
        req = job.request
        if engine is None or not engine.loaded:
            self._finish_failed(job, "No model is loaded yet.")
            return
        stream = _ReplyStream(self, job)
        try:
            try:
                result = engine.generate(req, self.stop_event, stream.on_text)
            finally:
                stream.send_unsent()
        except EngineError as exc:
            self._finish_failed(job, str(exc), stream.text())
            return
        except Exception as exc:
            log.exception("generation crashed")
            self._finish_failed(job, f"Generation failed: {exc}", stream.text())
            return
        status = {"end": Status.DONE, "length": Status.DONE, "user": Status.STOPPED}.get(result.stop_reason, Status.ERROR)
        info = engine.info
        provenance = dict(job.provenance_base)
        provenance.update(
            {
                "model_name": info.name if info else None,
                "model_path": info.path if info else None,
                "quantization": info.quantization if info else None,
                "architecture": info.architecture if info else None,
                "chat_template": (req.prompt_format.mode if req.prompt_format else info.template_source) if info else None,
                "chat_template_sha256": info.template_sha256 if info else None,
                "n_ctx": info.n_ctx if info else None,
                "gpu_layers": info.n_gpu_layers if info else None,
                "threads": info.n_threads if info else None,
                "seed": result.seed,
                "prompt_tokens": result.prompt_tokens,
                "reply_tokens": result.completion_tokens,
                "cached_tokens": result.cached_tokens,
                "ttft_ms": round(result.ttft_ms, 1),
                "tokens_per_s": round(result.tokens_per_s, 2),
                "stop_reason": result.stop_reason,
                "dropped_messages": result.dropped_messages,
            }
        )
        if self._store is not None and info is not None:
            try:  # hashed once per file, then cached in the database
                provenance["model_sha256"] = self._store.file_sha256(info.path)
            except (OSError, StoreError):
                provenance["model_sha256"] = None
        save_error = self._save_final(job, req.assistant_prefix + result.text, status, provenance, result.error)
        self.generation_finished.emit(
            GenerationOutcome(job, result, status, tuple(provenance.items()), save_error)
        )

    def _save_final(self, job: GenerationJob, text: str, status: str, provenance: dict, error: str | None) -> str | None:
        if self._store is None:
            return None
        for attempt in range(3):
            try:
                self._store.finish_message(job.assistant_message_id, text, status, provenance=provenance, error=error)
                return None
            except StoreError as exc:
                if attempt == 2:
                    self.save_failed.emit(str(exc))
                    return str(exc)
                time.sleep(0.2 * (attempt + 1))  # brief back-off on a locked database
        return None

    def _finish_failed(self, job: GenerationJob, message: str, partial: str = "") -> None:
        self._save_final(job, partial, Status.ERROR, dict(job.provenance_base), message)
        self.generation_failed.emit(job.request.request_id, message)

    @Slot()
    def shutdown(self) -> None:
        if self._engine is not None:
            self._engine.unload()
            self._engine = None


class _ReplyStream:
    """Where the engine's text goes while a reply streams (runs on the worker thread).

    Pieces are coalesced into at most one ``token_received`` per ``EMIT_INTERVAL_S``: the view
    repaints at most 30 times a second anyway, and each cross-thread signal wakes the GUI thread,
    which on a small CPU takes time from llama.cpp's compute threads. The text so far is saved at
    once and then at most every ``FLUSH_INTERVAL_S``, so a crash loses at most that much.
    """

    def __init__(self, worker: InferenceWorker, job: GenerationJob) -> None:
        self.worker = worker
        self.job = job
        prefix = job.request.assistant_prefix  # "Continue" extends a saved partial reply
        self.parts: list[str] = [prefix] if prefix else []
        self.unsent: list[str] = []
        self.last_emit = 0.0
        self.last_flush = 0.0
        self.save_error: str | None = None

    def text(self) -> str:
        return "".join(self.parts)

    def on_text(self, piece: str) -> None:
        self.parts.append(piece)
        self.unsent.append(piece)
        now = time.monotonic()
        if now - self.last_emit >= EMIT_INTERVAL_S:
            self.last_emit = now
            self.send_unsent()
        store = self.worker._store  # noqa: SLF001 - the worker's own store
        if store is not None and now - self.last_flush >= FLUSH_INTERVAL_S:
            self.last_flush = now
            try:
                store.update_streaming(self.job.assistant_message_id, self.text())
                self.save_error = None
            except StoreError as exc:
                if self.save_error is None:
                    self.worker.save_failed.emit(str(exc))
                self.save_error = str(exc)

    def send_unsent(self) -> None:
        if self.unsent:
            self.worker.token_received.emit(self.job.request.request_id, "".join(self.unsent))
            self.unsent.clear()


class InferenceThread(QObject):
    """Owns the QThread and the worker; the GUI talks to this.

    Requests are signals connected (queued) to the worker's slots; shutdown is stop, quit, wait.
    """

    load_requested = Signal(str, object)
    generate_requested = Signal(object)
    load_progress = Signal(float)  # on the GUI thread, polled while a model loads
    _shutdown_requested = Signal()

    def __init__(self, store: Store | None, check_cache: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("chatdesk-inference")
        self.worker = InferenceWorker(store, check_cache)
        self.worker.moveToThread(self.thread)
        self.load_requested.connect(self.worker.load)
        self.generate_requested.connect(self.worker.generate)
        self._shutdown_requested.connect(self.worker.shutdown)
        self.thread.finished.connect(self.worker.deleteLater)
        self.thread.started.connect(self.worker.lower_priority)
        # The worker runs Python between llama.cpp calls (sampling loop, tokenizing, saving).
        # With the default 5 ms GIL switch interval the GUI thread can wait that long for each
        # acquisition; 1 ms keeps event handling prompt at a negligible cost.
        sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(50)
        self._progress_timer.timeout.connect(lambda: self.load_progress.emit(self.worker.load_fraction))
        self.worker.load_finished.connect(self._load_ended)
        self.worker.load_failed.connect(self._load_ended)
        self.thread.start()

    @Slot()
    def _load_ended(self, *_args: object) -> None:
        self._progress_timer.stop()

    def request_load(self, path: str, settings: LoadSettings) -> None:
        self.worker.load_fraction = 0.0
        self._progress_timer.start()
        self.load_requested.emit(path, settings)

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
