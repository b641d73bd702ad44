"""The conversation flow on the GUI thread: send, stream, stop, regenerate, edit, switch.

It owns no widgets. It writes the user's message (and an empty 'streaming' reply) to the store
*before* asking the worker to generate, so a crash can never lose what the user typed, and it
routes streamed text into the visible ``MessageListModel`` only when that conversation is shown.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QObject, QTimer, Signal

from chatdesk.engine import ChatMessage, GenerationRequest, ModelInfo, SamplingSettings
from chatdesk.settings import AppSettings
from chatdesk.store import ConversationRecord, MessageRecord, Status, Store, StoreError
from chatdesk.ui.background import run_in_background
from chatdesk.ui.message_model import MessageListModel
from chatdesk.ui.worker import GenerationJob, GenerationOutcome, InferenceThread

_request_ids = itertools.count(1)
SYNC_OPEN_LIMIT = 1000  # messages; longer conversations are read off the GUI thread


@dataclass
class ActiveReply:
    job: GenerationJob
    text: list[str] = field(default_factory=list)


class ChatController(QObject):
    busy_changed = Signal(bool)
    loading = Signal(bool)  # a long conversation is being read in the background
    error = Signal(str)
    notice = Signal(str)
    conversations_changed = Signal()
    current_changed = Signal(int)
    reply_finished = Signal(object)  # GenerationOutcome

    def __init__(self, store: Store, inference: InferenceThread, model: MessageListModel, settings: AppSettings) -> None:
        super().__init__()
        self.store = store
        self.inference = inference
        self.view_model = model
        self.settings = settings
        self.model_info: ModelInfo | None = None
        self.current_id: int | None = None
        self.active: ActiveReply | None = None
        self._open_seq = 0
        # Where loaded rows go: (rows, siblings, message id to focus). The window points this at
        # its ChatView so a search hit can be scrolled into view.
        self.show_rows = lambda rows, siblings, _focus: model.set_messages(rows, siblings)
        w = inference.worker
        w.token_received.connect(self._on_token)
        w.generation_finished.connect(self._on_finished)
        w.generation_failed.connect(self._on_failed)

    # ------------------------------------------------------------------ state
    @property
    def busy(self) -> bool:
        return self.active is not None

    def open_conversation(self, conversation_id: int | None, focus_message_id: int | None = None) -> None:
        """Show a conversation's active branch.

        Ordinary conversations load at once (a few ms); one longer than ``SYNC_OPEN_LIMIT``
        messages loads on the thread pool while the view says so, so the window never waits.
        """
        self.current_id = conversation_id
        self._open_seq += 1
        seq = self._open_seq
        if conversation_id is None:
            self.show_rows([], {}, None)
            return
        try:
            size = self.store.count_messages(conversation_id)
            if size <= SYNC_OPEN_LIMIT:
                self._loaded(seq, conversation_id, focus_message_id, self._load(conversation_id))
                return
        except StoreError as exc:
            self.error.emit(str(exc))
            return
        self.show_rows([], {}, None)
        self.loading.emit(True)
        run_in_background(
            lambda: self._load(conversation_id),
            lambda data: self._loaded(seq, conversation_id, focus_message_id, data),
            lambda exc: (self.loading.emit(False), self.error.emit(str(exc))),
        )

    def _load(self, conversation_id: int) -> tuple[list[MessageRecord], dict[int, tuple[int, int]]]:
        return self.store.active_path(conversation_id), self.store.sibling_info(conversation_id)

    def _loaded(self, seq: int, conversation_id: int, focus: int | None, data) -> None:  # type: ignore[no-untyped-def]
        if seq != self._open_seq:
            return  # the user has opened another conversation meanwhile
        rows, siblings = data
        if self.active and self.active.job.conversation_id == conversation_id:
            live = "".join(self.active.text)
            rows = [
                replace(r, content=live, status=Status.STREAMING) if r.id == self.active.job.assistant_message_id else r
                for r in rows
            ]
        self.loading.emit(False)
        self.show_rows(rows, siblings, focus)
        self.current_changed.emit(conversation_id)

    def new_conversation(self) -> int | None:
        """Start a chat; an already empty current chat is reused rather than piling up blanks."""
        if self.current_id is not None and self.view_model.rowCount() == 0:
            try:
                if self.store.count_messages(self.current_id) == 0:
                    return self.current_id
            except StoreError:
                pass
        try:
            conv = self._create_conversation()
        except StoreError as exc:
            self.error.emit(str(exc))
            return None
        self.open_conversation(conv.id)
        self.conversations_changed.emit()
        return conv.id

    def _create_conversation(self) -> ConversationRecord:
        """A new chat with the current system prompt and model (may raise StoreError)."""
        return self.store.create_conversation(
            system_prompt=self.settings.system_prompt or None, model_path=self.settings.model_path
        )

    # ------------------------------------------------------------------ sending
    def send(self, text: str) -> bool:
        """Commit the user's turn, start generating, then (next event-loop turn) show it.

        The view update is deferred so that the commit and the repaint are two short slices of
        GUI-thread work instead of one long one; streamed text that arrives first waits in the
        model's pending buffer.
        """
        if self.busy or not text.strip():
            return False
        try:
            created = self.current_id is None
            if created:
                self.current_id = self._create_conversation().id
            cid = self.current_id
            assert cid is not None
            user, reply = self.store.add_turn(cid, text)  # committed before generation starts
            history = self._history(cid, upto=user.id)
        except StoreError as exc:
            self.error.emit(str(exc) + " Your message is still in the box.")
            return False
        self._start(cid, reply, history)
        QTimer.singleShot(0, lambda: self._show_sent(cid, user, reply, created))
        return True

    def _show_sent(self, cid: int, user: MessageRecord, reply: MessageRecord, created: bool) -> None:
        if self.current_id != cid:
            return
        if created:
            # set_messages drops pending text, so start the reply row from what has streamed.
            if self.active and self.active.job.assistant_message_id == reply.id:
                reply = replace(reply, content="".join(self.active.text))
            self.show_rows([user, reply], {}, None)
            self.current_changed.emit(cid)
        else:
            self.view_model.append(user)
            self.view_model.append(reply)
        self.conversations_changed.emit()

    def regenerate(self, assistant_id: int, same_settings: bool = False) -> None:
        """A new sibling reply to the same user message (the old one is kept)."""
        old = self.store.get_message(assistant_id)
        if self.busy or old is None or old.parent_id is None:
            return
        seed = None
        sampling = None
        if same_settings and old.provenance:
            seed = old.provenance.get("seed")
            sampling = _sampling_from(old.provenance, self.settings.sampling)
        reply = self.store.add_message(old.conversation_id, "assistant", "", status=Status.STREAMING, parent_id=old.parent_id)
        self.open_conversation(old.conversation_id)
        self._start(old.conversation_id, reply, self._history(old.conversation_id, upto=old.parent_id), seed=seed, sampling=sampling)

    def edit_and_resend(self, user_id: int, new_text: str) -> None:
        old = self.store.get_message(user_id)
        if self.busy or old is None or not new_text.strip():
            return
        user = self.store.add_message(old.conversation_id, "user", new_text, parent_id=old.parent_id)
        reply = self.store.add_message(old.conversation_id, "assistant", "", status=Status.STREAMING, parent_id=user.id)
        self.open_conversation(old.conversation_id)
        self._start(old.conversation_id, reply, self._history(old.conversation_id, upto=user.id))

    def continue_reply(self, assistant_id: int) -> None:
        """Extend an interrupted or stopped reply in place."""
        old = self.store.get_message(assistant_id)
        if self.busy or old is None or old.parent_id is None:
            return
        self.store.finish_message(old.id, old.content, Status.STREAMING)
        self.open_conversation(old.conversation_id)
        self._start(old.conversation_id, old, self._history(old.conversation_id, upto=old.parent_id), prefix=old.content)

    def stop(self) -> None:
        if self.busy:
            self.inference.stop()

    def _history(self, cid: int, upto: int) -> tuple[ChatMessage, ...]:
        conv = self.store.get_conversation(cid)
        path: list[MessageRecord] = []
        for m in self.store.active_path(cid):
            path.append(m)
            if m.id == upto:
                break
        msgs = [ChatMessage(m.role, m.content) for m in path if m.content or m.role == "user"]
        if conv and conv.system_prompt:
            msgs.insert(0, ChatMessage("system", conv.system_prompt))
        return tuple(msgs)

    def _start(
        self,
        cid: int,
        reply: MessageRecord,
        history: tuple[ChatMessage, ...],
        *,
        seed: int | None = None,
        sampling: SamplingSettings | None = None,
        prefix: str = "",
    ) -> None:
        sampling = (sampling or self.settings.sampling).with_seed(seed if seed is not None else self.settings.sampling.seed)
        fmt = None
        if self.model_info is not None and not self.model_info.has_chat_template:
            fmt = self.settings.prompt_format_for(self.model_info.path)
        request = GenerationRequest(next(_request_ids), history, sampling, fmt, assistant_prefix=prefix)
        system = history[0].content if history and history[0].role == "system" else None
        base = {
            "system_prompt": system,  # as _history put it in front of the messages
            "sampler": sampling.to_dict(),
            "prompt_format": fmt.mode if fmt else None,
        }
        job = GenerationJob(request, cid, reply.id, tuple(base.items()))
        self.active = ActiveReply(job, [prefix] if prefix else [])
        self.busy_changed.emit(True)
        self.inference.request_generation(job)

    # ------------------------------------------------------------------ worker events
    def _on_token(self, request_id: int, text: str) -> None:
        if self.active is None or self.active.job.request.request_id != request_id:
            return
        self.active.text.append(text)
        if self.current_id == self.active.job.conversation_id:
            self.view_model.append_text(self.active.job.assistant_message_id, text)

    def _end_active(self, request_id: int) -> bool:
        """Close the active reply if ``request_id`` is it; show its final saved state."""
        if self.active is None or self.active.job.request.request_id != request_id:
            return False
        job = self.active.job
        self.active = None
        self.view_model.flush_pending()
        final = self.store.get_message(job.assistant_message_id)
        if final is not None and self.current_id == job.conversation_id:
            self.view_model.replace(final)
        return True

    def _on_finished(self, outcome: GenerationOutcome) -> None:
        if not self._end_active(outcome.job.request.request_id):
            return
        if outcome.result.dropped_messages:
            self.notice.emit(
                f"{outcome.result.dropped_messages} earlier message(s) were left out because the conversation "
                "no longer fits in the model's context window."
            )
        if outcome.result.warning:
            self.notice.emit(outcome.result.warning)
        for problem in (outcome.result.error, outcome.save_error):
            if problem:
                self.error.emit(problem)
        self.busy_changed.emit(False)
        self.conversations_changed.emit()
        self.reply_finished.emit(outcome)

    def _on_failed(self, request_id: int, message: str) -> None:
        if not self._end_active(request_id):
            return
        self.error.emit(message)
        self.busy_changed.emit(False)


def _sampling_from(prov: dict, default: SamplingSettings) -> SamplingSettings:
    s = prov.get("sampler") or {}
    try:
        return SamplingSettings(
            temperature=float(s.get("temperature", default.temperature)),
            top_p=float(s.get("top_p", default.top_p)),
            top_k=int(s.get("top_k", default.top_k)),
            min_p=float(s.get("min_p", default.min_p)),
            repeat_penalty=float(s.get("repeat_penalty", default.repeat_penalty)),
            max_tokens=int(s.get("max_tokens", default.max_tokens)),
            seed=prov.get("seed"),
        )
    except (TypeError, ValueError):
        return default
