"""The one history-trimming rule, shared by both engines and the context meter.

When a conversation no longer fits the model's context, older turns go first:

* the system prompt (a leading ``system`` message) always stays;
* the newest message always stays;
* the oldest of the other messages are left out first, and the kept history never starts with an
  assistant turn: a reply whose question was left out goes too;
* a reply needs room: ``reply_reserve`` tokens are kept free while choosing (at least
  ``MIN_REPLY_TOKENS``, at most a quarter of the context).

The local engine searches for the smallest number of left-out messages with exact token counts,
the remote engine with estimates, and the context meter marks the left-out messages; all three
call ``kept_start`` so they agree on which messages a given count leaves out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from chatdesk.engine.errors import GenerationError
from chatdesk.engine.types import ChatMessage
from translatable import msg

MIN_REPLY_TOKENS = 16

M = TypeVar("M")


def split_system(messages: Sequence[ChatMessage]) -> tuple[list[ChatMessage], list[ChatMessage]]:
    """(the system prompt, if any, as a list; the rest). Raises when there is nothing to answer."""
    system = [m for m in messages[:1] if m.role == "system"]
    rest = list(messages[len(system):])
    if not rest:
        raise GenerationError(msg("There is no message to answer."))
    return system, rest


def kept_start(roles: Sequence[str], drop: int) -> int:
    """Index of the first kept message of ``roles`` (the history after the system prompt) when the
    ``drop`` oldest are left out: never past the newest, and never at an assistant turn."""
    first = max(0, min(drop, len(roles) - 1))
    while len(roles) - first > 1 and roles[first] == "assistant":
        first += 1
    return first


def kept(rest: Sequence[M], roles: Sequence[str], drop: int) -> list[M]:
    """The messages of ``rest`` that stay when the ``drop`` oldest are left out."""
    return list(rest[kept_start(roles, drop):])


def reply_reserve(max_tokens: int, context: int) -> int:
    """Tokens kept free for the reply while choosing which history fits."""
    return max(MIN_REPLY_TOKENS, min(max_tokens, context // 4))
