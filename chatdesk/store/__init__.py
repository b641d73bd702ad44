"""Conversation storage on SQLite (SQLAlchemy 2.x). No Qt here.

``Store`` (and with it SQLAlchemy, a quarter of a second to import) is loaded on first use, so the
window can appear before the database is opened; records, statuses and errors are light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chatdesk.store.busy import mark_interactive_thread
from chatdesk.store.errors import DatabaseLockedError, DiskFullError, StoreError
from chatdesk.store.records import ConversationRecord, MessageRecord, SearchHit, SearchHits, Status

if TYPE_CHECKING:
    from chatdesk.store.store import Store, title_from

__all__ = [
    "ConversationRecord",
    "DatabaseLockedError",
    "DiskFullError",
    "MessageRecord",
    "SearchHit",
    "SearchHits",
    "Status",
    "Store",
    "StoreError",
    "mark_interactive_thread",
    "title_from",
]


def __getattr__(name: str) -> Any:
    if name in ("Store", "title_from"):
        from chatdesk.store import store

        return getattr(store, name)
    raise AttributeError(f"module 'chatdesk.store' has no attribute {name!r}")
