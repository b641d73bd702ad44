"""The exact text a stored reply was generated from, so it can be evaluated again (Look inside…).

A reply's provenance records what shaped its prompt (system prompt, prompt format, how many old
messages were left out, the prompt's token count) but not the prompt itself. This module rebuilds
it the way the engine built it (``LlamaEngine.fit``): the history up to the reply's parent, the
recorded system prompt, the ``dropped_messages`` oldest turns left out, rendered with the model's
chat template or the plain format. The reply's own tokens are the sampled ids when the store has
them (``message_tokens``), else its text, tokenized by the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from chatdesk.chat.flow import FlowError
from chatdesk.chat.token_record import decode
from chatdesk.engine.history import kept
from chatdesk.engine.prompt import PlainPrompt, RenderedPrompt, TemplatePrompt
from chatdesk.engine.types import ChatMessage, PromptFormat
from translatable import msg

if TYPE_CHECKING:
    from chatdesk.store import Store


@dataclass(frozen=True)
class ReplySource:
    prompt: RenderedPrompt  # tokenize with add_bos=prompt.add_bos, special=prompt.special
    reply_text: str
    reply_ids: tuple[int, ...] | None  # the sampled ids, when recorded
    recorded_prompt_tokens: int | None  # what the provenance says the prompt had
    model_path: str | None  # the model that wrote the reply


def reply_source(store: Store, conversation_id: int, message_id: int, *, chat_template: str | None,
                 bos_text: str = "", eos_text: str = "", prompt_format: PromptFormat | None = None) -> ReplySource:
    """Rebuild the prompt of assistant message ``message_id`` for a model with ``chat_template``
    (None: the plain ``prompt_format``, whose mode the provenance may override)."""
    from chatdesk.store.message_tokens import load_message_tokens

    message = store.get_message(message_id)
    if message is None or message.conversation_id != conversation_id:
        raise FlowError(msg("There is no message {message} in conversation {conversation}.", message=message_id,
                            conversation=conversation_id))
    if message.role != "assistant" or message.parent_id is None:
        raise FlowError(msg("Message {message} is not a reply of the model.", message=message_id))
    prov = message.provenance or {}
    system = prov.get("system_prompt")
    history = [ChatMessage(m.role, m.content) for m in store.path_to(message.parent_id) if m.content or m.role == "user"]
    dropped = prov.get("dropped_messages")
    if isinstance(dropped, int) and dropped > 0 and history:
        history = kept(history, [m.role for m in history], dropped)  # the engines' own trimming rule
    messages = ([ChatMessage("system", system)] if isinstance(system, str) and system else []) + history
    if chat_template:
        rendered = TemplatePrompt(chat_template, bos_text=bos_text, eos_text=eos_text).render(messages)
    else:
        fmt = prompt_format or PromptFormat()
        mode = prov.get("prompt_format")
        if mode in ("chat", "completion") and mode != fmt.mode:
            fmt = PromptFormat(mode=mode, system_label=fmt.system_label, user_label=fmt.user_label,
                               assistant_label=fmt.assistant_label)
        rendered = PlainPrompt(fmt).render(messages)
    ids = [t.token_id for t in decode(load_message_tokens(store, message_id))]
    recorded = prov.get("prompt_tokens")
    return ReplySource(rendered, message.content, tuple(ids) if ids else None,
                       recorded if isinstance(recorded, int) else None,
                       prov.get("model_path") if isinstance(prov.get("model_path"), str) else None)


def reply_tokens(store: Store, conversation_id: int, message_id: int, model_path: str, *,
                 chat_template: str | None, tokenize: Callable[..., list[int]], special_text: Callable[[int | None], str],
                 bos_token_id: int | None, eos_token_id: int | None,
                 prompt_format: PromptFormat | None = None) -> tuple[list[int], int, list[str]]:
    """A stored reply's prompt + reply token ids as the engine built them, how many of them are the
    prompt, and notes on what may differ (``tokenize(text, add_bos=, special=)`` is the model's own
    tokenizer; Look inside… and ``chatdesk inspect --message`` both use this)."""
    src = reply_source(store, conversation_id, message_id, chat_template=chat_template,
                       bos_text=special_text(bos_token_id), eos_text=special_text(eos_token_id),
                       prompt_format=prompt_format)
    notes: list[str] = []
    prompt = tokenize(src.prompt.text, add_bos=src.prompt.add_bos, special=src.prompt.special)
    if src.reply_ids is not None:
        reply = list(src.reply_ids)
    else:
        reply = tokenize(src.reply_text, add_bos=False)
        notes.append(msg("The reply's sampled token ids were not recorded; its text was tokenized again."))
    if src.recorded_prompt_tokens is not None and src.recorded_prompt_tokens != len(prompt):
        notes.append(msg("The rebuilt prompt has {n} tokens; the reply recorded {recorded}.", n=len(prompt),
                         recorded=src.recorded_prompt_tokens))
    if src.model_path and Path(src.model_path).resolve() != Path(model_path).resolve():
        notes.append(msg("The reply was written by {written_by}, not by this model.", written_by=src.model_path))
    return prompt + reply, len(prompt), notes
