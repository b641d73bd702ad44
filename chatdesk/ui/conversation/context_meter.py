"""The context meter under the conversation: how much of the model's context the next reply will
use, counting the text being typed, and — before anything is sent — which earlier messages the
model will not see.

Counting means tokenizing the whole conversation, so it never runs on the GUI thread: each count
runs on the thread pool (``run_in_background``) through ``chatdesk.chat.context_plan``, which asks
the engine (``Engine.plan``, safe to call while a reply streams). Typing restarts a short
debounce; at most one count runs at a time, and a count that finishes after its inputs changed is
dropped (the newest inputs are counted next). While a reply streams, counting waits for it to end.
Remote engines estimate, shown with "≈".

The same count says which typed characters the model's vocabulary has no tokens for (a
character-level model's, typically): llama.cpp would leave them out, so the meter names them
while the message is typed instead of only after it was sent (the engine's one rule,
``chatdesk.engine.unknown_chars``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QStyle, QWidget

from chatdesk.chat import ConversationFlow
from chatdesk.chat.context_plan import DraftPlan, plan_draft
from chatdesk.engine import EngineError
from chatdesk.engine.base import Engine
from chatdesk.engine.types import PromptFormat
from chatdesk.engine.unknown_chars import shown_characters
from chatdesk.store import StoreError

if TYPE_CHECKING:
    from chatdesk.store import Store
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background

log = logging.getLogger(__name__)

DEBOUNCE_MS = 300


class ContextMeter(QWidget):
    left_out_changed = Signal(list)  # ids of stored messages the next reply will not see (oldest first)
    plan_ready = Signal(object)  # the DraftPlan now shown (None: nothing could be counted)
    unknown_characters_changed = Signal(list)  # typed characters the model cannot read (empty: none)

    def __init__(
        self,
        store: Store,
        flow: ConversationFlow,
        *,
        engine: Callable[[], Engine | None],
        conversation: Callable[[], int | None],
        prompt_format: Callable[[], PromptFormat | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contextMeter")
        self.setAccessibleName(self.tr("Context use"))
        self.store = store
        self.flow = flow
        self._engine = engine
        self._conversation = conversation
        self._prompt_format = prompt_format
        self._draft = ""
        self._requested = 0  # bumped whenever an input changes
        self._running: int | None = None  # the request number being counted, if any
        self._held = False  # a reply is streaming: count once it ends
        self.plan: DraftPlan | None = None
        self.left_out: list[int] = []
        self.unknown_characters: list[str] = []
        self.counts_started = 0  # how many counts ran (for tests and benchmarks)

        self.bar = QProgressBar(self)
        self.bar.setObjectName("contextMeterBar")
        self.bar.setAccessibleName(self.tr("Context used"))
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(90)
        self.bar.setMaximumHeight(8)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.icon = QLabel(self)
        self.icon.setObjectName("contextMeterWarning")
        self.icon.setAccessibleName(self.tr("Warning"))
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        self.icon.hide()
        self.label = QLabel(self)
        self.label.setObjectName("contextMeterText")
        self.label.setAccessibleName(self.tr("Context use"))
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.unknown = QLabel(self)
        self.unknown.setObjectName("contextMeterUnknownChars")
        self.unknown.setAccessibleName(self.tr("Characters this model cannot read"))
        self.unknown.setWordWrap(True)
        self.unknown.hide()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 0, 10, 0)
        lay.setSpacing(6)
        lay.addWidget(self.bar)
        lay.addWidget(self.icon)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.unknown, 2)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self._show_text(self.tr("Context: counting tokens…"), "")

    # ------------------------------------------------------------------ inputs
    def set_draft(self, text: str) -> None:
        """The composer's text changed: count again once typing pauses."""
        if text == self._draft:
            return
        self._draft = text
        self._requested += 1
        self._debounce.start()

    @Slot(object)
    def inputs_changed(self, _what: object = None) -> None:
        """The conversation, its settings, the model or a reply changed: count again now."""
        self.refresh()

    @Slot(bool)
    def hold(self, busy: bool) -> None:
        """While a reply streams, counts wait for it to end: tokenizing the conversation then
        would take CPU from the model, and nothing can be sent meanwhile anyway."""
        self._held = busy
        if not busy:
            self.refresh()

    def refresh(self) -> None:
        """Count now (the conversation, its settings or the model changed)."""
        self._debounce.stop()
        self._requested += 1
        if self._running is None and not self._held:
            self._launch()

    # ------------------------------------------------------------------ counting
    def _launch(self) -> None:
        engine = self._engine()
        if engine is None or not engine.loaded or engine.info is None:
            self._show_none(self.tr("Context: no model loaded"))
            return
        seq = self._requested
        self._running = seq
        self.counts_started += 1
        store, defaults = self.store, self.flow.defaults
        conv, draft, fmt = self._conversation(), self._draft, self._prompt_format()
        run_in_background(
            lambda: plan_draft(engine, store, defaults, conv, draft, fmt),
            lambda plan: self._finished(seq, plan, None),
            lambda exc: self._finished(seq, None, exc),
            owner=self,
        )

    def _finished(self, seq: int, plan: DraftPlan | None, exc: BaseException | None) -> None:
        self._running = None
        if seq != self._requested:
            if not self._debounce.isActive() and not self._held:
                self._launch()  # inputs changed meanwhile: this answer is stale
            return
        if exc is not None:
            if isinstance(exc, (EngineError, StoreError)):
                self._show_none(self.tr("Context: {reason}").format(reason=localized(exc)), warning=True)
            else:
                log.error("counting context failed", exc_info=exc)
                self._show_none(self.tr("Context: the tokens could not be counted ({reason}).").format(reason=exc), warning=True)
            return
        assert plan is not None
        self._show_plan(plan)

    # ------------------------------------------------------------------ showing
    def _show_plan(self, plan: DraftPlan) -> None:
        self.plan = plan
        loc = QLocale()
        approx = "≈" if plan.estimated else ""
        text = self.tr("{approx}{used} / {total} tokens").format(
            approx=approx, used=loc.toString(plan.prompt_tokens), total=loc.toString(plan.context)
        )
        n = len(plan.left_out)
        if n == 1:
            text += self.tr(" · 1 earlier message will be left out")
        elif n > 1:
            text += self.tr(" · {n} earlier messages will be left out").format(n=loc.toString(n))
        where = self.tr("this chat's limit") if plan.chat_limit and plan.chat_limit <= plan.context else self.tr("the model's context")
        tip = self.tr(
            "The next reply reads {approx}{used} tokens: the system prompt, the conversation and your message. "
            "Up to {budget} tokens are left for the reply, of {total} tokens ({where})."
        ).format(approx=approx, used=loc.toString(plan.prompt_tokens), budget=loc.toString(plan.reply_budget),
                 total=loc.toString(plan.context), where=where)
        if n:
            tip += " " + self.tr("The oldest messages that no longer fit are left out; they are marked in the conversation.")
        if plan.estimated:
            tip += " " + self.tr("Counts are estimates: the server applies its own chat template.")
        self.bar.setRange(0, max(plan.context, 1))
        self.bar.setValue(min(plan.prompt_tokens, plan.context))
        self.icon.setVisible(n > 0 or bool(plan.unknown_characters))
        self._show_text(text, tip)
        self._set_left_out(list(plan.left_out))
        self._set_unknown(list(plan.unknown_characters))
        self.plan_ready.emit(plan)

    def _show_none(self, text: str, warning: bool = False) -> None:
        self.plan = None
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.icon.setVisible(warning)
        self._show_text(text, "")
        self._set_left_out([])
        self._set_unknown([])
        self.plan_ready.emit(None)

    def _show_text(self, text: str, tip: str) -> None:
        self.label.setText(text)
        self.label.setToolTip(tip)
        self.setToolTip(tip)
        self.label.setAccessibleDescription(f"{text}. {tip}" if tip else text)

    def _set_unknown(self, chars: list[str]) -> None:
        if chars:
            self.unknown.setText(self.tr("This model's vocabulary has no tokens for {chars}: they will be left out "
                                         "if you send this.").format(chars=shown_characters(chars)))
            self.unknown.setToolTip(self.tr("The model was trained without these characters (a character-level model "
                                            "knows only the characters of its training text). Rephrase without them."))
        self.unknown.setVisible(bool(chars))
        if chars != self.unknown_characters:
            self.unknown_characters = chars
            self.unknown_characters_changed.emit(chars)

    def _set_left_out(self, ids: list[int]) -> None:
        if ids != self.left_out:
            self.left_out = ids
            self.left_out_changed.emit(ids)
