"""One conversation flow, with or without a window.

Send, regenerate, edit, continue and branch-at-a-token all come down to the same steps: commit
what the user did (and an empty "streaming" reply) to the store *before* any model work, build the
history the model will see, and describe the request and its provenance. Those steps live here,
Qt-free, and both front ends drive them: the window (through its inference worker thread) and
``chatdesk ask`` (directly). So a reply made in the terminal is stored exactly like one made in
the window, and the flow is tested without Qt.

Every method either returns a ``ReplyPlan`` (the stored reply row plus the engine request) or
raises ``FlowError`` with a sentence for the user, having written nothing it would need to undo.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from chatdesk.chat import model_defaults
from chatdesk.chat.chat_settings import ChatSettings, overrides, resolve
from chatdesk.chat.model_defaults import ModelTraits
from chatdesk.chat.token_record import decode
from chatdesk.engine.types import (
    ChatMessage,
    GenerationRequest,
    ModelInfo,
    PromptFormat,
    SamplingSettings,
    TokenProb,
)
from chatdesk.settings import AppSettings, interface_language
from chatdesk.store import ConversationRecord, MessageRecord, Status, StoreError
from translatable import msg, text_of

if TYPE_CHECKING:
    from chatdesk.store import Store

_request_ids = itertools.count(1)

NO_MODEL = msg("No model is loaded. Choose a model (File → Models…) and try again; nothing was changed.")
_NO_MODEL_KEPT = msg("No model is loaded. Choose a model (File → Models…) and try again; your message is still in the box.")


class FlowError(RuntimeError):
    """The action could not be started; the message says why and that nothing was lost."""


@dataclass(frozen=True)
class ModelTarget:
    """The model a reply will come from: what the flow needs to know before it is loaded."""

    key: str  # the GGUF path, or a remote model's "base_url#model_id"
    prompt_format: PromptFormat | None = None  # used only if the model has no chat template
    info: ModelInfo | None = None  # set when the model is loaded

    def traits(self) -> ModelTraits | None:
        """What the model-dependent defaults need: from the loaded model, else the GGUF's header
        (cached, no weights read), else unknown (a remote server, or a file that cannot be read)."""
        if self.info is not None:
            return ModelTraits.of_info(self.info)
        if self.key.startswith(("http://", "https://")):
            return None
        return ModelTraits.of_file(self.key)


@dataclass(frozen=True)
class ReplyPlan:
    """A reply that has a row in the store and is ready to be generated."""

    conversation_id: int
    reply: MessageRecord  # the assistant message being written (status "streaming")
    request: GenerationRequest
    provenance_base: tuple[tuple[str, object], ...]
    user: MessageRecord | None = None  # the user message this action added, if any
    restore: MessageRecord | None = None  # "Continue": the reply as it was, put back if nothing new comes
    prefix_token_probs: tuple[TokenProb, ...] = ()  # branching at a token: the kept tokens' records
    created_conversation: bool = False
    # The chat's document collections the reply is grounded in (its settings when planned, so the
    # window does not read them from the store again on its thread).
    collections: tuple[str, ...] = ()


class ConversationFlow:
    def __init__(self, store: Store, defaults: AppSettings, language: str | None = None) -> None:
        self.store = store
        self.defaults = defaults
        # The interface language: the default system prompt is written in it, and a translating
        # preset that follows the input translates non-Chinese text into it. The window passes
        # its own; otherwise the setting, else the environment's locale.
        self.language = language

    @property
    def ui_language(self) -> str:
        return self.language or interface_language(self.defaults)

    def localized_defaults(self) -> AppSettings:
        """The defaults with ChatDesk's default system prompt in the interface language."""
        prompt = self.defaults.system_prompt_in(self.ui_language)
        return self.defaults if prompt == self.defaults.system_prompt else replace(self.defaults, system_prompt=prompt)

    # ------------------------------------------------------------------ conversations
    def chat_settings(self, conversation_id: int | None) -> ChatSettings:
        conv = self.store.get_conversation(conversation_id) if conversation_id is not None else None
        return resolve(conv, self.localized_defaults())

    def save_chat_settings(self, conversation_id: int, chat: ChatSettings) -> None:
        self.store.set_conversation_settings(conversation_id, chat.system_prompt, overrides(chat, self.defaults))

    def new_conversation(self, model_key: str | None, traits: ModelTraits | None = None) -> ConversationRecord:
        """A new chat; a model without a chat template starts it without a system prompt."""
        return self.store.create_conversation(system_prompt=self._new_chat_prompt(model_key, traits), model_path=model_key)

    def _new_chat_prompt(self, model_key: str | None, traits: ModelTraits | None) -> str | None:
        if traits is None and model_key:
            traits = ModelTarget(model_key).traits()
        return model_defaults.new_chat_system_prompt(traits, self.localized_defaults())

    def history(self, upto: int, system_prompt: str | None) -> tuple[ChatMessage, ...]:
        """What the model sees to answer message ``upto``: the path from the root to it."""
        msgs = [ChatMessage(m.role, m.content) for m in self.store.path_to(upto) if m.content or m.role == "user"]
        if system_prompt:
            msgs.insert(0, ChatMessage("system", system_prompt))
        return tuple(msgs)

    # ------------------------------------------------------------------ actions
    def send(self, conversation_id: int | None, text: str, target: ModelTarget | None) -> ReplyPlan:
        """The user's message and an empty reply, committed in one transaction."""
        if not text.strip():
            raise FlowError(msg("There is nothing to send."))
        if target is None:
            raise FlowError(_NO_MODEL_KEPT)
        created = conversation_id is None
        traits = target.traits()
        conv: ConversationRecord | None = None
        try:
            if conversation_id is None:  # the chat and its first turn: one transaction
                conv, user, reply = self.store.start_conversation(
                    text, system_prompt=self._new_chat_prompt(target.key, traits), model_path=target.key)
                conversation_id = conv.id
            else:
                user, reply = self.store.add_turn(conversation_id, text)
        except StoreError as exc:
            raise FlowError(msg("{error} Your message is still in the box.", error=text_of(exc))) from exc
        settings = resolve(conv, self.localized_defaults()) if conv is not None else self.chat_settings(conversation_id)
        chat = self._for_request(settings, text, traits)
        plan = self._plan(conversation_id, reply, self.history(user.id, chat.system_prompt), chat, target, traits=traits)
        return replace(plan, user=user, created_conversation=created)

    def regenerate(self, assistant_id: int, target: ModelTarget | None, *, same_settings: bool = False) -> ReplyPlan:
        """A new sibling reply to the same user message; the old one is kept."""
        old = self._message(assistant_id, "assistant")
        if old.parent_id is None:
            raise FlowError(msg("This reply has no message it answers, so it cannot be regenerated."))
        if target is None:
            raise FlowError(NO_MODEL)
        chat = self.chat_settings(old.conversation_id)
        hint = None
        traits = target.traits()
        if same_settings:
            chat = self._settings_of(old, chat)
            hint = self._reuse_hint(old)
        else:
            try:
                question = self.store.get_message(old.parent_id)
            except StoreError as exc:
                raise FlowError(text_of(exc)) from exc
            chat = self._for_request(chat, question.content if question is not None else "", traits)
        reply = self._add_reply(old.conversation_id, old.parent_id)
        return self._plan(old.conversation_id, reply, self.history(old.parent_id, chat.system_prompt), chat, target, reuse_hint=hint,
                          traits=traits)

    def edit(self, user_id: int, new_text: str, target: ModelTarget | None) -> ReplyPlan:
        """The edited message becomes a sibling of the original, and gets a reply."""
        old = self._message(user_id, "user")
        if not new_text.strip():
            raise FlowError(msg("An edited message cannot be empty; the original is unchanged."))
        if target is None:
            raise FlowError(NO_MODEL)
        try:
            user = self.store.add_message(old.conversation_id, "user", new_text, parent_id=old.parent_id)
        except StoreError as exc:
            raise FlowError(msg("Your edit could not be saved: {error}", error=text_of(exc))) from exc
        reply = self._add_reply(old.conversation_id, user.id)
        traits = target.traits()
        chat = self._for_request(self.chat_settings(old.conversation_id), new_text, traits)
        plan = self._plan(old.conversation_id, reply, self.history(user.id, chat.system_prompt), chat, target, traits=traits)
        return replace(plan, user=user)

    def continue_reply(self, assistant_id: int, target: ModelTarget | None) -> ReplyPlan:
        """Extend a stopped or interrupted reply in place; its text so far stays."""
        old = self._message(assistant_id, "assistant")
        if old.parent_id is None:
            raise FlowError(msg("This reply has no message it answers, so it cannot be continued."))
        if target is None:
            raise FlowError(NO_MODEL)
        traits = target.traits()
        chat = model_defaults.effective_settings(self.chat_settings(old.conversation_id), traits, self.localized_defaults())
        try:
            reply = self.store.finish_message(old.id, old.content, Status.STREAMING, error=None)
        except StoreError as exc:
            raise FlowError(text_of(exc)) from exc
        plan = self._plan(old.conversation_id, reply, self.history(old.parent_id, chat.system_prompt), chat, target, prefix=old.content,
                          traits=traits)
        return replace(plan, restore=old)

    def branch_at_token(self, assistant_id: int, index: int, token_id: int, target: ModelTarget | None) -> ReplyPlan:
        """A sibling reply that keeps tokens ``[0, index)``, takes ``token_id`` at ``index`` (one
        of the alternatives the model offered there) and continues from it."""
        old = self._message(assistant_id, "assistant")
        from chatdesk.store.message_tokens import load_message_tokens

        tokens = decode(load_message_tokens(self.store, old.id))
        if not 0 <= index < len(tokens):
            raise FlowError(msg("This reply has no recorded token at that position."))
        alt = next((a for a in tokens[index].alternatives if a.token_id == token_id), None)
        if alt is None:
            raise FlowError(msg("That token was not one of the model's alternatives at this position."))
        if target is None:
            raise FlowError(NO_MODEL)
        start = tokens[index - 1].end if index else 0
        kept_text = old.content[:start]
        pick = TokenProb(alt.token_id, alt.text, alt.prob, start + len(alt.text), tokens[index].alternatives)
        prefix_text = kept_text + alt.text
        chat = self.chat_settings(old.conversation_id)
        chat = replace(chat, sampling=self._settings_of(old, chat).sampling.with_seed(None), show_probabilities=True)
        reply = self._add_reply(old.conversation_id, old.parent_id, content=prefix_text)  # type: ignore[arg-type]  # an assistant reply always has a parent
        plan = self._plan(
            old.conversation_id, reply, self.history(old.parent_id, chat.system_prompt), chat, target,  # type: ignore[arg-type]  # as above
            prefix=prefix_text, prefix_tokens=tuple(t.token_id for t in tokens[:index]) + (alt.token_id,), traits=target.traits(),
        )
        return replace(plan, prefix_token_probs=(*tokens[:index], pick))

    def branch(self, message_id: int) -> ConversationRecord:
        """Copy the path from the root to ``message_id`` into a new conversation."""
        try:
            return self.store.branch_into_new_conversation(message_id)
        except StoreError as exc:
            raise FlowError(msg("The branch could not be created: {error}", error=text_of(exc))) from exc

    # ------------------------------------------------------------------ helpers
    def _for_request(self, chat: ChatSettings, text: str, traits: ModelTraits | None) -> ChatSettings:
        """The chat's settings as this request uses them: a translating preset aimed at the
        message's direction with a reply limit that fits a translation, and a model without a
        chat template's own defaults."""
        from chatdesk.chat import presets

        if chat.preset_id:
            try:
                preset = presets.find(self.store, chat.preset_id)
            except StoreError:
                preset = None
            chat = presets.for_message(preset, chat, text, self.ui_language)
        return model_defaults.effective_settings(chat, traits, self.localized_defaults())

    def _message(self, message_id: int, role: str) -> MessageRecord:
        try:
            rec = self.store.get_message(message_id)
        except StoreError as exc:
            raise FlowError(text_of(exc)) from exc
        if rec is None or rec.role != role:
            raise FlowError(msg("That message no longer exists."))
        return rec

    def _add_reply(self, conversation_id: int, parent_id: int, content: str = "") -> MessageRecord:
        try:
            return self.store.add_message(conversation_id, "assistant", content, status=Status.STREAMING, parent_id=parent_id)
        except StoreError as exc:
            raise FlowError(text_of(exc)) from exc

    @staticmethod
    def _reuse_hint(old: MessageRecord) -> tuple[int, str] | None:
        """How the original reply's prompt was evaluated, so the engine can do it the same way."""
        prov = old.provenance or {}
        reused, state = prov.get("prompt_reused_tokens"), prov.get("prompt_state")
        if isinstance(reused, int) and isinstance(state, str):
            return reused, state
        return None

    @staticmethod
    def _settings_of(old: MessageRecord, current: ChatSettings) -> ChatSettings:
        """The settings a reply was made with, from its provenance (for a faithful regenerate)."""
        prov = old.provenance or {}
        s = prov.get("sampler") or {}
        d = current.sampling
        try:
            sampling = SamplingSettings(
                temperature=float(s.get("temperature", d.temperature)),
                top_p=float(s.get("top_p", d.top_p)),
                top_k=int(s.get("top_k", d.top_k)),
                min_p=float(s.get("min_p", d.min_p)),
                repeat_penalty=float(s.get("repeat_penalty", d.repeat_penalty)),
                max_tokens=int(s.get("max_tokens", d.max_tokens)),
                seed=prov.get("seed"),
            )
        except (TypeError, ValueError):
            sampling = d
        system = prov.get("system_prompt", current.system_prompt)
        limit = prov.get("context_limit")
        preset = prov.get("preset_id")
        return replace(
            current,
            system_prompt=system,
            sampling=sampling,
            context_limit=limit if isinstance(limit, int) else current.context_limit,
            preset_id=preset if isinstance(preset, str) else None,
        )

    def _plan(
        self,
        conversation_id: int,
        reply: MessageRecord,
        history: tuple[ChatMessage, ...],
        chat: ChatSettings,
        target: ModelTarget,
        *,
        prefix: str = "",
        prefix_tokens: tuple[int, ...] = (),
        reuse_hint: tuple[int, str] | None = None,
        traits: ModelTraits | None = None,
    ) -> ReplyPlan:
        stored = model_defaults.stored_prompt_format(self.defaults, target.key)
        fmt = model_defaults.prompt_format(traits, stored) or target.prompt_format
        if fmt is not target.prompt_format:
            target = replace(target, prompt_format=fmt)
        request, base = request_for(history, chat, target, prefix=prefix, prefix_tokens=prefix_tokens, reuse_hint=reuse_hint)
        return ReplyPlan(conversation_id, reply, request, base, collections=chat.collections)

    # ------------------------------------------------------------------ API clients (chatdesk.server)
    def record_client_exchange(
        self, history: tuple[ChatMessage, ...], chat: ChatSettings, target: ModelTarget, client: str
    ) -> ReplyPlan:
        """Store an API client's request as a new conversation, titled with the client's name.

        A client sends the whole history with every request, so the history comes from the
        request, not from the store; everything else (the request, its provenance, the streaming
        reply row that a ``ReplyRecorder`` then fills) is the same as for a message typed in the
        window, so the exchange is searchable and exportable like any other chat.
        """
        turns = [m for m in history if m.role in ("user", "assistant")]
        if not any(m.role == "user" for m in turns):
            raise FlowError(msg("There is nothing to send."))
        system = history[0].content if history and history[0].role == "system" else None
        first = next(m.content for m in turns if m.role == "user")
        title = f"[{client}] {' '.join(first.split())[:60]}"
        try:
            conv = self.store.create_conversation(title, system_prompt=system, model_path=target.key)
            parent: int | None = None
            for m in turns:
                parent = self.store.add_message(conv.id, m.role, m.content, parent_id=parent).id
            reply = self.store.add_message(conv.id, "assistant", "", status=Status.STREAMING, parent_id=parent)
        except StoreError as exc:
            raise FlowError(msg("The request could not be stored: {error}", error=text_of(exc))) from exc
        request, base = request_for(history, chat, target)
        return ReplyPlan(conv.id, reply, request, (*base, ("served_to", client)), created_conversation=True)


def request_for(
    history: tuple[ChatMessage, ...],
    chat: ChatSettings,
    target: ModelTarget,
    *,
    prefix: str = "",
    prefix_tokens: tuple[int, ...] = (),
    reuse_hint: tuple[int, str] | None = None,
) -> tuple[GenerationRequest, tuple[tuple[str, object], ...]]:
    """The engine request for ``history`` and the provenance it starts with: one place for the
    window, ``chatdesk ask`` and the server's clients (which call it without storing anything)."""
    request = GenerationRequest(
        request_id=next(_request_ids),
        messages=history,
        sampling=chat.sampling,
        prompt_format=target.prompt_format,
        assistant_prefix=prefix,
        prefix_tokens=prefix_tokens,
        top_logprobs=chat.top_logprobs,
        context_limit=chat.context_limit,
        reuse_hint=reuse_hint,
    )
    base: dict[str, Any] = {
        "model_key": target.key,
        "system_prompt": chat.system_prompt,
        "sampler": chat.sampling.to_dict(),
        "prompt_format": target.prompt_format.mode if target.prompt_format and not (target.info and target.info.has_chat_template) else None,
        "context_limit": chat.context_limit,
        "preset_id": chat.preset_id,
    }
    if prefix:
        base["continued_from_chars"] = len(prefix)
    return request, tuple(base.items())
