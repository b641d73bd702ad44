"""What the next reply will see of a conversation, worked out *before* it is sent.

The engine trims the oldest turns when a conversation no longer fits its context; the context
meter shows that in advance. This module asks the engine (``Engine.plan``) about exactly the
request ``ConversationFlow.send`` would build for the text being typed, and turns the answer into
the ids of the stored messages that will be left out, so the view can mark them. Qt-free and
blocking (it reads the store and tokenizes): the window runs it on the thread pool.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chatdesk.chat.chat_settings import ChatSettings, resolve
from chatdesk.engine.base import Engine
from chatdesk.engine.history import kept_start
from chatdesk.engine.types import ChatMessage, PromptFormat, PromptPlan
from chatdesk.settings import AppSettings

if TYPE_CHECKING:
    from chatdesk.store import MessageRecord, Store

FIRST_WINDOW = 64  # newest messages looked at first (see plan_newest)


@dataclass(frozen=True)
class DraftPlan:
    """The context the next reply would use if the draft were sent now."""

    conversation_id: int | None
    draft: str
    prompt_tokens: int  # the rendered prompt: system prompt, kept history and the draft
    context: int  # usable context: the model's, or the chat's own smaller limit
    reply_budget: int  # tokens left for the reply (at most the chat's max reply tokens)
    left_out: tuple[int, ...]  # ids of stored messages (oldest first) the model will not see
    estimated: bool  # counted without the model's own tokenizer (a remote server)
    chat_limit: int | None = None  # the chat's own context limit, when it has one
    # Characters of the draft the model's vocabulary cannot encode: they would be left out if it
    # were sent (the engine's rule, ``chatdesk.engine.unknown_chars``), so the meter says so now.
    unknown_characters: tuple[str, ...] = ()


@dataclass(frozen=True)
class DraftHistory:
    messages: tuple[ChatMessage, ...]  # what ``ConversationFlow.send`` would send
    ids: tuple[int | None, ...]  # the stored message behind each (None: system prompt, draft)


def draft_history(store: Store, conversation_id: int | None, chat: ChatSettings, draft: str) -> DraftHistory:
    """The history a reply to ``draft`` would see: the system prompt, the conversation's active
    branch (empty replies skipped, as the flow does) and the draft as the newest user turn."""
    msgs: list[ChatMessage] = []
    ids: list[int | None] = []
    if chat.system_prompt:
        msgs.append(ChatMessage("system", chat.system_prompt))
        ids.append(None)
    if conversation_id is not None:
        for m in store.active_path(conversation_id):
            if m.content or m.role == "user":
                msgs.append(ChatMessage(m.role, m.content))
                ids.append(m.id)
    msgs.append(ChatMessage("user", draft))
    ids.append(None)
    return DraftHistory(tuple(msgs), tuple(ids))


def left_out_ids(history: DraftHistory, dropped: int) -> tuple[int, ...]:
    """The stored messages a plan that drops ``dropped`` earliest messages leaves out.

    The engines' own rule (``chatdesk.engine.history.kept_start``) decides, so the marked messages
    are exactly the ones missing from the prompt.
    """
    start = 1 if history.messages and history.messages[0].role == "system" else 0
    rest = list(range(start, len(history.messages)))
    first_kept = kept_start([history.messages[j].role for j in rest], dropped)
    return tuple(i for i in (history.ids[j] for j in rest[:first_kept]) if i is not None)


def sent_left_out(path: Sequence[MessageRecord], reply_index: int) -> tuple[int, ...]:
    """The stored messages (oldest first) that the request of the reply ``path[reply_index]`` left
    out, ``path`` being the conversation's branch that holds it.

    After the fact, from what the reply recorded: its provenance's ``dropped_messages``, applied
    by the engines' own rule (``kept_start``) to the history that request saw (the messages before
    the reply, empty replies skipped, as ``draft_history`` and the flow do). Empty when the reply
    does not record a count (still streaming, or older than the record)."""
    reply = path[reply_index]
    dropped = (reply.provenance or {}).get("dropped_messages")
    if not isinstance(dropped, int) or dropped <= 0:
        return ()
    history = [m for m in path[:reply_index] if m.content or m.role == "user"]
    first = kept_start([m.role for m in history], dropped)
    return tuple(m.id for m in history[:first])


def plan_newest(
    engine: Engine,
    messages: tuple[ChatMessage, ...],
    max_tokens: int,
    fmt: PromptFormat | None,
    context_limit: int | None,
    window: int = FIRST_WINDOW,
) -> tuple[PromptPlan, int]:
    """``engine.plan`` for ``messages``, looking only at as many of the newest as it takes:
    (the plan, how many more of the earliest messages it leaves out).

    The engine keeps the newest history that fits, so once the newest ``window`` messages
    already do not all fit, older ones cannot be kept either and need not be rendered and
    tokenized; otherwise the window doubles. The answer is the engine's own for the whole list,
    at a cost that follows the context size rather than the conversation's length (a
    5,000-message chat took seconds per count without it).
    """
    head = 1 if messages and messages[0].role == "system" else 0
    rest = len(messages) - head
    while window < rest:
        skipped = rest - window
        while skipped > 0 and messages[head + skipped].role == "assistant":
            skipped -= 1  # start the window at a question: the engine would drop an orphaned answer
        plan = engine.plan(messages[:head] + messages[head + skipped:], max_tokens, fmt, "", context_limit)
        if plan.dropped_messages > 0:
            return plan, skipped
        window *= 2
    return engine.plan(messages, max_tokens, fmt, "", context_limit), 0


def plan_draft(
    engine: Engine,
    store: Store,
    defaults: AppSettings,
    conversation_id: int | None,
    draft: str,
    fmt: PromptFormat | None = None,
) -> DraftPlan:
    """Ask ``engine`` how the next reply would use its context (raises ``EngineError`` with a
    sentence for the user, e.g. when the draft alone does not fit)."""
    conv = store.get_conversation(conversation_id) if conversation_id is not None else None
    chat = resolve(conv, defaults)
    history = draft_history(store, conv.id if conv else None, chat, draft)
    plan, skipped = plan_newest(engine, history.messages, chat.sampling.max_tokens, fmt, chat.context_limit)
    return DraftPlan(
        conversation_id=conv.id if conv else None,
        draft=draft,
        prompt_tokens=plan.prompt_tokens,
        context=plan.context,
        reply_budget=plan.reply_budget,
        left_out=left_out_ids(history, skipped + plan.dropped_messages),
        estimated=plan.estimated,
        chat_limit=chat.context_limit,
        unknown_characters=plan.unknown_characters,
    )
