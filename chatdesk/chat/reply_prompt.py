"""The exact text a stored reply was generated from, so it can be evaluated again (Look inside…).

A reply's provenance records what shaped its prompt (system prompt, prompt format, how many old
messages were left out, the prompt's token count) but not the prompt itself. This module rebuilds
it the way the engine built it (``LlamaEngine.fit``): the history up to the reply's parent, the
recorded system prompt, the ``dropped_messages`` oldest turns left out, rendered with the model's
chat template or the plain format. The reply's own tokens are the sampled ids when the store has
them (``message_tokens``), else its text, tokenized by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from chatdesk.chat.flow import FlowError
from chatdesk.chat.token_record import decode
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
    if isinstance(dropped, int) and dropped > 0:
        history = history[dropped:]
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
