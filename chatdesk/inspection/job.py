"""Running an inspection in the background: a thread, a cancel event, progress, a future.

The window must stay responsive while a long text is evaluated, and its Cancel must stop the
work within moments. ``start_inspection`` runs ``Inspector.inspect`` on a daemon thread of its
own (never the chat's inference thread, whose llama.cpp context it leaves alone); ``cancel()``
sets the event that llama.cpp's abort callback polls between graph nodes, so a cancelled job ends
with ``InspectionCancelled`` and its temporary files removed. ``progress`` is called on that
thread: a window re-emits it as a signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from pathlib import Path

from chatdesk.inspection.capture import Inspector
from chatdesk.inspection.errors import InspectionError
from chatdesk.inspection.result import Inspection, ProgressCallback
from translatable import msg


class InspectionJob:
    """A running inspection: ``cancel()``, ``done()``, ``result(timeout)`` and ``add_done_callback``."""

    def __init__(self, work: Callable[[threading.Event], Inspection], cancel: threading.Event | None = None) -> None:
        self.cancel_event = cancel or threading.Event()
        self._future: Future[Inspection] = Future()
        self._future.set_running_or_notify_cancel()
        self._thread = threading.Thread(target=self._run, args=(work,), name="chatdesk-inspect", daemon=True)
        self._thread.start()

    def _run(self, work: Callable[[threading.Event], Inspection]) -> None:
        try:
            result = work(self.cancel_event)
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for the result
            self._future.set_exception(exc)
        else:
            self._future.set_result(result)

    def cancel(self) -> None:
        self.cancel_event.set()

    def done(self) -> bool:
        return self._future.done()

    def result(self, timeout: float | None = None) -> Inspection:
        """The inspection, or the exception that ended it (``InspectionCancelled`` after ``cancel``)."""
        return self._future.result(timeout)

    def add_done_callback(self, fn: Callable[[Future[Inspection]], None]) -> None:
        self._future.add_done_callback(fn)

    def join(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()


def start_inspection(model: str | Path | Inspector, *, tokens: Sequence[int] | None = None, text: str | None = None,
                     prompt_tokens: int | None = None, layers: Iterable[int] | None = None, logit_lens: bool = True,
                     top_k: int = 5, progress: ProgressCallback | None = None, cancel: threading.Event | None = None,
                     threads: int | None = None, workdir: str | Path | None = None) -> InspectionJob:
    """Inspect ``tokens`` (or ``text``, tokenized by the model) on a background thread.

    ``model`` is a GGUF path (opened and closed by the job) or an open ``Inspector`` (kept open,
    e.g. to inspect several replies of the same model)."""
    if (tokens is None) == (text is None):
        raise InspectionError(msg("Give either a text or tokens to inspect."))

    def work(stop: threading.Event) -> Inspection:
        own = not isinstance(model, Inspector)
        inspector = model if isinstance(model, Inspector) else Inspector(model, threads=threads)
        try:
            ids = list(tokens) if tokens is not None else inspector.tokenize(text or "")
            return inspector.inspect(ids, prompt_tokens=prompt_tokens, layers=layers, logit_lens=logit_lens, top_k=top_k,
                                     progress=progress, cancel=stop, workdir=workdir)
        finally:
            if own:
                inspector.close()

    return InspectionJob(work, cancel)
