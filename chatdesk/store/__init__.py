"""Conversation storage on SQLite (SQLAlchemy 2.x). No Qt here."""

from chatdesk.store.database import mark_interactive_thread
from chatdesk.store.errors import DatabaseLockedError, DiskFullError, StoreError
from chatdesk.store.records import ConversationRecord, MessageRecord, SearchHit, Status
from chatdesk.store.store import Store, title_from

__all__ = [
    "ConversationRecord",
    "DatabaseLockedError",
    "DiskFullError",
    "MessageRecord",
    "SearchHit",
    "Status",
    "Store",
    "StoreError",
    "mark_interactive_thread",
    "title_from",
]
