"""One inspection in the background, reported to the window as signals.

``chatdesk.inspection`` evaluates the tokens in its own llama.cpp context (never the chat's, so the
chat's cache is untouched) on a thread of its own; this object starts it, relays progress (at most
``PROGRESS_HZ`` times a second), Cancel, and hands the window one immutable ``InspectedReply``. The
token texts of every logit-lens prediction are read while the model is open, so the views never
need the model again. Results come back only to a live owner (the window may have been closed).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from chatdesk.ui.common.background import run_in_background

PROGRESS_HZ = 10


@dataclass(frozen=True)
class InspectedReply:
    inspection: Any  # chatdesk.inspection.Inspection (its files are deleted by close())
    token_texts: dict[int, str]  # every id the lens or the output shows -> its text
    notes: tuple[str, ...]
    source: dict[str, Any]  # {"kind": "reply", "conversation": …, "message": …} or {"kind": "text"}


class InspectionRun(QObject):
    progress = Signal(float, str)  # fraction, phase
    finished = Signal(object)  # InspectedReply
    failed = Signal(str)  # a sentence (already in the interface language)
    cancelled = Signal()
    _progress = Signal(float, str)  # from the inspection thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stop = threading.Event()
        self._last = 0.0
        self._progress.connect(self.progress)  # queued onto the GUI thread

    def start(self, model: str, *, text: str | None = None, reply: tuple[int, int] | None = None,
              store: Any = None, prompt_format: Any = None) -> None:
        """Inspect ``text``, or the stored reply ``(conversation, message)`` of ``store``, with ``model``."""
        stop = self.stop

        def report(p: Any) -> None:
            now = time.monotonic()
            if now - self._last >= 1 / PROGRESS_HZ or p.fraction >= 1.0:
                self._last = now
                self._progress.emit(float(p.fraction), str(p.phase))

        def work() -> InspectedReply:
            from chatdesk.inspection import Inspector

            with Inspector(model) as insp:
                notes: list[str] = []
                if reply is not None:
                    from chatdesk.chat.reply_prompt import reply_tokens
                    from chatdesk.engine.gguf_check import check_gguf

                    summary = check_gguf(model)
                    tokens, prompt, notes = reply_tokens(
                        store, reply[0], reply[1], model, chat_template=summary.chat_template, tokenize=insp.tokenize,
                        special_text=insp.special_text, bos_token_id=summary.bos_token_id,
                        eos_token_id=summary.eos_token_id, prompt_format=prompt_format)
                    source: dict[str, Any] = {"kind": "reply", "conversation": reply[0], "message": reply[1]}
                else:
                    tokens, prompt, source = insp.tokenize(text or ""), None, {"kind": "text"}
                result = insp.inspect(tokens, prompt_tokens=prompt, progress=report, cancel=stop)
                ids = {int(i) for i in result.output.ids.ravel()}
                for layer in range(result.model.n_layer):
                    ids.update(int(i) for i in result.logit_lens(layer).ids.ravel())
                texts = {i: insp.token_text(i) for i in ids if i >= 0}
            return InspectedReply(result, texts, tuple(notes), source)

        run_in_background(work, self._done, self._failed, owner=self)

    def cancel(self) -> None:
        self.stop.set()

    def _done(self, result: InspectedReply) -> None:
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        from chatdesk.inspection import InspectionCancelled
        from chatdesk.ui.app.i18n import localized

        if isinstance(exc, InspectionCancelled):
            self.cancelled.emit()
        else:
            self.failed.emit(localized(exc))
