"""The window's side of the conversation flow: route user actions and streamed text.

The flow itself (what gets stored, what the model sees, provenance) is ``chatdesk.chat``; this
object owns no widgets and decides only *where things show*: it starts the flow's actions on the
GUI thread (each commits what the user did before any model work), hands the plan to the worker
thread, and routes streamed text into the visible ``MessageListModel`` only when that
conversation is shown. Every store or flow failure becomes a sentence in ``error``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from chatdesk.chat import ConversationFlow, FlowError, ModelTarget, ReplyPlan
from chatdesk.engine import ModelInfo, PromptFormat
from chatdesk.engine.types import TokenProb
from chatdesk.settings import AppSettings
from chatdesk.store import ConversationRecord, MessageRecord, Status, StoreError
from chatdesk.ui.app.i18n import localized

if TYPE_CHECKING:
    from chatdesk.store import Store
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.common.slices import next_slice
from chatdesk.ui.conversation.message_model import MessageListModel
from chatdesk.ui.inference.worker import GenerationJob, GenerationOutcome, InferenceThread

SYNC_OPEN_LIMIT = 1000  # messages; longer conversations are read off the GUI thread
OPEN_FIRST = 100  # a long chat's newest messages read first: the view's first window and the page above it


@dataclass
class ActiveReply:
    job: GenerationJob
    text: list[str] = field(default_factory=list)
    tokens: list[TokenProb] = field(default_factory=list)


class ChatController(QObject):
    busy_changed = Signal(bool)
    loading = Signal(bool)  # a long conversation is being read in the background
    error = Signal(str)
    notice = Signal(str)
    conversations_changed = Signal()
    current_changed = Signal(int)
    reply_finished = Signal(object)  # GenerationOutcome
    tokens_changed = Signal(int)  # message id whose token probabilities grew

    def __init__(self, store: Store, inference: InferenceThread, model: MessageListModel, settings: AppSettings) -> None:
        super().__init__()
        self.store = store
        self.inference = inference
        self.view_model = model
        self.flow = ConversationFlow(store, settings)
        self.model_info: ModelInfo | None = None
        self.grounder: Any = None  # chat.doc_grounding.CollectionGrounder, made when a chat first uses collections
        self._grounder_ref: str | None = None  # the embedding model it searches with (a new choice makes a new one)
        self.loading_key: str | None = None  # a model being loaded (sends queue behind the load)
        self.prompt_format_for: Callable[[str], PromptFormat | None] = lambda _key: None
        self.current_id: int | None = None
        self.active: ActiveReply | None = None
        self._open_seq = 0
        # Where loaded rows go: (rows, siblings, message id to focus). The window points this at
        # its ChatView so a search hit can be scrolled into view.
        self.show_rows = lambda rows, siblings, _focus: model.set_messages(rows, siblings)
        w = inference.worker
        w.token_received.connect(self._on_token)
        w.tokens_received.connect(self._on_tokens)
        w.generation_finished.connect(self._on_finished)
        w.generation_failed.connect(self._on_failed)
        w.preparing.connect(self._on_preparing)

    def _on_preparing(self, request_id: int, text: str) -> None:
        if self._is_active(request_id) and text:
            self.notice.emit(text)

    # ------------------------------------------------------------------ state
    @property
    def settings(self) -> AppSettings:
        return self.flow.defaults

    @settings.setter
    def settings(self, value: AppSettings) -> None:
        self.flow.defaults = value

    @property
    def busy(self) -> bool:
        return self.active is not None

    def target(self) -> ModelTarget | None:
        """The model a new reply would come from (loaded, or loading), or None."""
        if self.model_info is not None:
            key = self.model_info.path
            return ModelTarget(key, self.prompt_format_for(key), self.model_info)
        if self.loading_key:
            return ModelTarget(self.loading_key, self.prompt_format_for(self.loading_key), None)
        return None

    def open_conversation(self, conversation_id: int | None, focus_message_id: int | None = None) -> None:
        """Show a conversation's active branch.

        Ordinary conversations load at once (a few ms); one longer than ``SYNC_OPEN_LIMIT``
        messages loads on the thread pool while the view says so, so the window never waits:
        its newest ``OPEN_FIRST`` messages first (``Store.active_path_tail``), then the rest of
        its path, hidden above them until the view scrolls there.
        """
        self.current_id = conversation_id
        self._open_seq += 1
        seq = self._open_seq
        if conversation_id is None:
            self.show_rows([], {}, None)
            return
        try:
            size = self.store.stored_rows(conversation_id)
            if size <= SYNC_OPEN_LIMIT:
                self._loaded(seq, conversation_id, focus_message_id, self._load(conversation_id))
                return
        except StoreError as exc:
            self.error.emit(localized(exc))
            return
        self.show_rows([], {}, None)
        self.loading.emit(True)
        # A search hit may be anywhere in the chat: then the whole path comes at once.
        first = OPEN_FIRST if focus_message_id is None else None
        run_in_background(
            lambda: self._load(conversation_id, first),
            lambda data: self._loaded(seq, conversation_id, focus_message_id, data),
            self._open_failed,
            owner=self,
        )

    def _open_failed(self, exc: BaseException) -> None:
        self.loading.emit(False)
        self.error.emit(localized(exc))

    def _load(self, conversation_id: int, newest: int | None = None) -> tuple[list[MessageRecord], dict[int, tuple[int, int]], int]:
        """The chat's active path (only its ``newest`` messages, if given), its branch points and
        how many messages of the path are not in it yet."""
        if newest is None:
            rows, before = self.store.active_path(conversation_id), 0
        else:
            rows, before = self.store.active_path_tail(conversation_id, newest)
        return rows, self.store.sibling_info(conversation_id), before

    def _loaded(self, seq: int, conversation_id: int, focus: int | None, data) -> None:
        if seq != self._open_seq:
            return  # the user has opened another conversation meanwhile
        rows, siblings, before = data
        if self.active and self.active.job.conversation_id == conversation_id:
            live = "".join(self.active.text)
            rows = [
                replace(r, content=live, status=Status.STREAMING) if r.id == self.active.job.assistant_message_id else r
                for r in rows
            ]
        self.loading.emit(False)
        self.show_rows(rows, siblings, focus)
        self.current_changed.emit(conversation_id)
        if before:
            self.view_model.await_earlier()
            run_in_background(
                lambda: self.store.active_path(conversation_id),
                lambda path: self._add_earlier(seq, path),
                lambda exc: self.error.emit(localized(exc)),
                owner=self,
            )

    def _add_earlier(self, seq: int, path: list[MessageRecord]) -> None:
        """The rest of a long chat's path, before the messages already shown (see ``_load``)."""
        loaded = self.view_model.records()
        if seq != self._open_seq or not loaded:
            return  # another chat (or another version of this one) is on screen now
        first = next((i for i, r in enumerate(path) if r.id == loaded[0].id), None)
        if first is not None:  # else the chat changed between the two reads: it stays as shown
            self.view_model.add_earlier(path[:first])

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
            self.error.emit(localized(exc))
            return None
        self.open_conversation(conv.id)
        self.conversations_changed.emit()
        return conv.id

    def _create_conversation(self) -> ConversationRecord:
        """A new chat with the default system prompt and the current model (may raise StoreError)."""
        target = self.target()
        return self.flow.new_conversation(target.key if target else self.settings.model_path)

    # ------------------------------------------------------------------ actions
    def send(self, text: str, attachments: Sequence[str] = ()) -> bool:
        """Commit the user's turn, start generating, then (a timer later) show it.

        The view update is deferred (``next_slice``) so that the commit and the repaint are two
        short slices of GUI-thread work instead of one long one; streamed text that arrives first
        waits in the model's pending buffer. False (and a message) when nothing was sent: the text
        stays.
        """
        if self.busy or not text.strip():
            return False
        try:
            plan = self.flow.send(self.current_id, text, self.target())
        except FlowError as exc:
            self.error.emit(localized(exc))
            return False
        self.current_id = plan.conversation_id
        self._start(plan, list(attachments))
        next_slice(self, lambda: self._show_sent(plan))
        return True

    def _show_sent(self, plan: ReplyPlan) -> None:
        if self.current_id != plan.conversation_id:
            return
        reply = plan.reply
        if plan.created_conversation:
            # set_messages drops pending text, so start the reply row from what has streamed.
            if self.active and self.active.job.assistant_message_id == reply.id:
                reply = replace(reply, content="".join(self.active.text))
            self.show_rows([plan.user, reply], {}, None)
            # What follows the chat (its settings panel, the sidebar's selection) reads the store:
            # a slice of its own, after the new rows are painted.
            next_slice(self, lambda: self._announce(plan.conversation_id))
        else:
            self.view_model.append(plan.user)  # type: ignore[arg-type]  # plan.user is set whenever a turn was stored
            self.view_model.append(reply)
        self.conversations_changed.emit()

    def _announce(self, conversation_id: int) -> None:
        if self.current_id == conversation_id:
            self.current_changed.emit(conversation_id)

    def _run(self, make_plan: Callable[[], ReplyPlan]) -> bool:
        """Start a flow action that changes the shown branch (regenerate, edit, continue, branch)."""
        if self.busy:
            self.notice.emit(self.tr("Wait for the current reply to finish (or press Stop) first."))
            return False
        try:
            plan = make_plan()
        except FlowError as exc:
            self.error.emit(localized(exc))
            return False
        self._start(plan)
        self.open_conversation(plan.conversation_id)
        return True

    def regenerate(self, assistant_id: int, same_settings: bool = False) -> bool:
        return self._run(lambda: self.flow.regenerate(assistant_id, self.target(), same_settings=same_settings))

    def edit_and_resend(self, user_id: int, new_text: str) -> bool:
        return self._run(lambda: self.flow.edit(user_id, new_text, self.target()))

    def continue_reply(self, assistant_id: int) -> bool:
        return self._run(lambda: self.flow.continue_reply(assistant_id, self.target()))

    def branch_at_token(self, assistant_id: int, index: int, token_id: int) -> bool:
        return self._run(lambda: self.flow.branch_at_token(assistant_id, index, token_id, self.target()))

    def stop(self) -> None:
        if self.busy:
            self.inference.stop()

    def _prepare_for(self, plan: ReplyPlan, attachments: list[str]) -> Any:
        """What the worker does before generating (on its thread): read and store the attached
        files and ground the reply in them, and/or in the chat's document collections. None when
        there is nothing to do."""
        last = plan.request.messages[-1] if plan.request.messages else None
        if last is None or last.role != "user":
            return None  # "Continue" adds to a reply that was already grounded (or not)
        collections = plan.collections
        if not attachments and not collections:
            return None
        question = last.content
        n_ctx = self.model_info.n_ctx if self.model_info is not None else 2048
        store = self.store
        embedding_ref = self.settings.embedding_model or None  # Documents… → search model
        if collections and (self.grounder is None or self._grounder_ref != embedding_ref):
            from chatdesk import paths
            from chatdesk.chat.doc_grounding import CollectionGrounder

            self.grounder, self._grounder_ref = CollectionGrounder(paths.documents_index_path(), embedding_ref), embedding_ref
        grounder = self.grounder

        def prepare(plan: ReplyPlan, engine: Any, stop: Any, say: Callable[[str], None]) -> ReplyPlan:
            if attachments:
                from chatdesk.chat import attachments as att
                from chatdesk.store.attachments import NewAttachment, attach_files, set_attachment_mode

                files = read_attached_files(attachments)
                if plan.user is not None:
                    attach_files(store, plan.user.id, [NewAttachment(f.name, f.data, f.extracted.kind) for f in files])
                modes = {att.WHOLE: _prep_tr("Reading the attached files whole."),
                         att.MAP_REDUCE: _prep_tr("The attached text is too long to read at once: reading it in parts, then answering."),
                         att.RETRIEVAL: _prep_tr("The attached text is too long to read at once: answering from its passages "
                                           "that match the question.")}

                def chosen(way: Any) -> None:
                    say(modes.get(way.mode, ""))
                    if plan.user is not None:
                        for i in range(len(files)):
                            set_attachment_mode(store, plan.user.id, i, way.mode)

                def progressed(p: Any) -> None:
                    say(_prep_tr("Reading {name} in parts: {done} of {total} done.").format(name=p.name, done=p.done, total=p.total))

                def embedder() -> Any:
                    from chatdesk.engine.embedder import Embedder
                    from chatdesk.library.embedding_default import embedding_model_path

                    return Embedder(embedding_model_path(embedding_ref))

                plan = att.ground_in_attachments(plan, files, question=question, engine=engine, n_ctx=n_ctx, stop=stop,
                                                 progress=progressed, open_embedder=embedder, on_mode=chosen)
            if collections and grounder is not None:
                say(_prep_tr("Searching the documents: {names}.").format(names=", ".join(collections)))
                plan = grounder.ground(plan, collections, question=question, n_ctx=n_ctx)
            return plan

        return prepare

    def _start(self, plan: ReplyPlan, attachments: list[str] | None = None) -> None:
        job = GenerationJob(plan, prepare=self._prepare_for(plan, attachments or []))
        prefix = plan.request.assistant_prefix
        self.active = ActiveReply(job, [prefix] if prefix else [], list(plan.prefix_token_probs))
        self.busy_changed.emit(True)
        self.inference.request_generation(job)

    # ------------------------------------------------------------------ worker events
    def _is_active(self, request_id: int) -> bool:
        return self.active is not None and self.active.job.request_id == request_id

    def _on_token(self, request_id: int, text: str) -> None:
        if not self._is_active(request_id):
            return
        assert self.active is not None
        self.active.text.append(text)
        if self.current_id == self.active.job.conversation_id:
            self.view_model.append_text(self.active.job.assistant_message_id, text)

    def _on_tokens(self, request_id: int, tokens: tuple[TokenProb, ...]) -> None:
        if not self._is_active(request_id):
            return
        assert self.active is not None
        self.active.tokens.extend(tokens)
        self.tokens_changed.emit(self.active.job.assistant_message_id)

    def _end_active(self, outcome: GenerationOutcome) -> bool:
        """Close the active reply if ``outcome`` is it; show its final saved state."""
        if not self._is_active(outcome.job.request_id):
            return False
        job = outcome.job
        self.active = None
        self.view_model.flush_pending()
        final = outcome.finished.record
        if final is not None and self.current_id == job.conversation_id:
            self.view_model.replace(final)
        return True

    def _on_finished(self, outcome: GenerationOutcome) -> None:
        if not self._end_active(outcome):
            return
        result = outcome.result
        if result is not None and result.dropped_messages:
            self.notice.emit(self.tr(
                "%n earlier message(s) were left out because the conversation no longer fits in the model's context window.",
                "", result.dropped_messages))
        if result is not None and result.warning:
            self.notice.emit(localized(result.warning))
        for problem in (outcome.finished.error, outcome.finished.save_error):
            if problem:
                self.error.emit(localized(problem))
        self.busy_changed.emit(False)
        self.conversations_changed.emit()
        self.reply_finished.emit(outcome)

    def _on_failed(self, outcome: GenerationOutcome) -> None:
        if not self._end_active(outcome):
            return
        self.error.emit(localized(outcome.finished.error) if outcome.finished.error else self.tr("The reply could not be generated."))
        if outcome.finished.save_error:
            self.error.emit(localized(outcome.finished.save_error))
        self.busy_changed.emit(False)


def _prep_tr(text: str) -> str:
    return QCoreApplication.translate("ChatController", text)


def read_attached_files(paths: Sequence[str]) -> list[Any]:
    """The attached files read and their text extracted (on the worker thread); AttachmentError
    naming the file when one cannot be read, before anything is stored."""
    from chatdesk.chat.attachments import AttachmentError, read_attachment
    from translatable import msg

    out = []
    for p in paths:
        path = Path(p)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise AttachmentError(msg("{name} could not be read: {error}", name=path.name, error=exc.strerror or str(exc))) from exc
        out.append(read_attachment(path.name, data))
    return out
