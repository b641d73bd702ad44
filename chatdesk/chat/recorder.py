"""Saving one reply while it streams and when it ends, from whichever thread generates it.

The window's inference worker and ``chatdesk ask`` both hand the engine's text to a
``ReplyRecorder``, so a reply made in the terminal is stored exactly like one made in the window.
Crash safety does not depend on any event loop: the text so far is written at once and then at
most every ``FLUSH_INTERVAL_S``.

The rule for failures: nothing typed or generated is ever overwritten. A failure keeps every
character the reply had (a continued reply keeps its earlier text and, if nothing new came,
its earlier status), and the error is stored beside the text, not instead of it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from chatdesk.chat.flow import ReplyPlan
from chatdesk.chat.provenance import finished_provenance
from chatdesk.chat.token_record import encode, shifted
from chatdesk.engine.types import GenerationResult, ModelInfo, TokenProb
from chatdesk.store import MessageRecord, Status, StoreError
from translatable import text_of

if TYPE_CHECKING:
    from chatdesk.store import Store

FLUSH_INTERVAL_S = 0.5
SAVE_ATTEMPTS = 3

STATUS_FOR_STOP = {"end": Status.DONE, "length": Status.DONE, "user": Status.STOPPED}


@dataclass(frozen=True)
class FinishedReply:
    """How a reply ended, as stored (``record`` is None only if it could not be saved)."""

    plan: ReplyPlan
    status: str
    text: str
    record: MessageRecord | None
    provenance: tuple[tuple[str, object], ...]
    error: str | None = None  # the generation's failure, in words
    save_error: str | None = None  # the database refused the final save


class ReplyRecorder:
    def __init__(
        self,
        store: Store | None,
        plan: ReplyPlan,
        *,
        on_save_error: Callable[[str], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.store = store
        self.plan = plan
        self._prefix = plan.request.assistant_prefix
        self._parts: list[str] = []
        self._tokens: list[TokenProb] = list(plan.prefix_token_probs)
        self._on_save_error = on_save_error
        self._clock = clock
        self._sleep = sleep
        self._last_flush = float("-inf")
        self._save_error: str | None = None

    # -- while streaming ----------------------------------------------------------------
    def new_text(self) -> str:
        return "".join(self._parts)

    def text(self) -> str:
        """Everything the reply holds now: a continued reply's earlier text plus the new text."""
        return self._prefix + self.new_text()

    def on_text(self, piece: str) -> None:
        self._parts.append(piece)
        now = self._clock()
        if self.store is not None and now - self._last_flush >= FLUSH_INTERVAL_S:
            self._last_flush = now
            try:
                self.store.update_streaming(self.plan.reply.id, self.text())
                self._save_error = None
            except StoreError as exc:
                if self._save_error is None and self._on_save_error is not None:
                    self._on_save_error(text_of(exc))
                self._save_error = text_of(exc)

    def on_token(self, token: TokenProb) -> None:
        # The engine counts characters of the new text; the stored message starts with the prefix.
        self._tokens.append(shifted([token], len(self._prefix))[0])

    # -- at the end ---------------------------------------------------------------------
    def finish(self, result: GenerationResult, info: ModelInfo | None, model_sha256: str | None = None) -> FinishedReply:
        status = STATUS_FOR_STOP.get(result.stop_reason, Status.ERROR)
        provenance = finished_provenance(self.plan, result, info, model_sha256)
        text = self.text()
        if not result.text and status != Status.DONE and self.plan.restore is not None:
            return self._restore(result.error, provenance)
        tokens = None
        if self._tokens and len(self._tokens) > len(self.plan.prefix_token_probs):
            tokens = encode(self._tokens, dict(provenance).get("sampler"))  # type: ignore[arg-type]  # finished_provenance stores a dict or nothing there
        return self._save(status, text, dict(provenance), result.error, tokens)

    def fail(self, message: str) -> FinishedReply:
        """The reply could not be generated (no model, engine failure): keep every character."""
        if not self.new_text() and self.plan.restore is not None:
            return self._restore(message, ())
        return self._save(Status.ERROR, self.text(), dict(self.plan.provenance_base), message, None)

    def _restore(self, error: str | None, provenance: tuple[tuple[str, object], ...]) -> FinishedReply:
        """Nothing new was written: put the reply back exactly as it was, with the reason."""
        old = self.plan.restore
        assert old is not None
        prov = old.provenance if old.provenance is not None else None
        return self._save(old.status, old.content, prov, error, None, provenance_out=provenance)

    def _save(
        self,
        status: str,
        text: str,
        provenance: dict[str, Any] | None,
        error: str | None,
        tokens: dict[str, Any] | None,
        provenance_out: tuple[tuple[str, object], ...] | None = None,
    ) -> FinishedReply:
        record: MessageRecord | None = None
        save_error: str | None = None
        if self.store is not None:
            for attempt in range(SAVE_ATTEMPTS):
                try:
                    record = self.store.finish_message(self.plan.reply.id, text, status, provenance=provenance, error=error)
                    if tokens is not None:
                        from chatdesk.store.message_tokens import save_message_tokens

                        save_message_tokens(self.store, self.plan.reply.id, tokens)
                    save_error = None
                    break
                except StoreError as exc:
                    save_error = text_of(exc)
                    if attempt < SAVE_ATTEMPTS - 1:
                        self._sleep(0.2 * (attempt + 1))  # brief back-off on a locked database
            if save_error and self._on_save_error is not None:
                self._on_save_error(save_error)
        out = provenance_out if provenance_out is not None else tuple((provenance or {}).items())
        return FinishedReply(self.plan, status, text, record, out, error, save_error)
