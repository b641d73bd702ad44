"""Immutable values the store hands out.

The store never returns ORM objects: they are bound to a session and a thread, and the GUI must
be able to keep, compare and pass these across threads (Qt signals) without surprises.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

ROLES = ("system", "user", "assistant")


class Status:
    """Life cycle of a message. Plain strings so they read well in SQL and in exports."""

    STREAMING = "streaming"
    DONE = "done"
    STOPPED = "stopped"
    ERROR = "error"
    INTERRUPTED = "interrupted"  # the process died while the reply was streaming

    ALL = (STREAMING, DONE, STOPPED, ERROR, INTERRUPTED)


@dataclass(frozen=True)
class ConversationRecord:
    id: int
    uid: str
    title: str
    created_at: float
    updated_at: float
    pinned: bool = False
    model_path: str | None = None
    system_prompt: str | None = None
    active_leaf_id: int | None = None
    deleted_at: float | None = None
    settings: dict[str, Any] | None = field(default=None, compare=False, hash=False)


@dataclass(frozen=True)
class MessageRecord:
    id: int
    uid: str
    conversation_id: int
    parent_id: int | None
    role: str
    content: str
    status: str
    created_at: float
    updated_at: float
    error: str | None = None
    provenance: dict[str, Any] | None = field(default=None, compare=False, hash=False)


@dataclass(frozen=True)
class SearchHit:
    conversation_id: int
    conversation_title: str
    message_id: int
    role: str
    snippet: str  # plain text with the match wrapped in [[ ]]
    rank: float


class SearchHits(list[SearchHit]):
    """One page of search hits, best first. ``complete`` is False for a quick search that ranked
    only the newest matches (``chatdesk.store.search_query.RANK_WINDOW``) of a query that has more:
    the ranking of every match may put older messages first."""

    def __init__(self, hits: Iterable[SearchHit] = (), *, complete: bool = True) -> None:
        super().__init__(hits)
        self.complete = complete
