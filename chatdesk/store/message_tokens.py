"""Per-token probabilities of a reply, stored beside the message (table ``message_tokens``).

Kept out of ``messages`` so that listing, searching and exporting conversations never reads them.
The stored value is a compact JSON document whose shape ``chatdesk.chat.token_record`` owns (token
ids, chosen probabilities, top-k alternatives, and the text of each id that appears); this module
only moves it in and out of SQLite.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from chatdesk.store.models import MessageTokens
from chatdesk.store.rows import translated

if TYPE_CHECKING:
    from chatdesk.store.store import Store


class _Table:
    """Bound to a Store so ``translated`` can name its file in error messages."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.path = store.path

    @translated
    def save(self, message_id: int, data: dict[str, Any]) -> None:
        with self.store.session() as s, s.begin():
            s.merge(MessageTokens(message_id=message_id, data=json.dumps(data, ensure_ascii=False, separators=(",", ":"))))

    @translated
    def load(self, message_id: int) -> dict[str, Any] | None:
        with self.store.session() as s:
            raw = s.scalar(select(MessageTokens.data).where(MessageTokens.message_id == message_id))
        return json.loads(raw) if raw else None

    @translated
    def load_many(self, message_ids: list[int]) -> dict[int, dict[str, Any]]:
        if not message_ids:
            return {}
        with self.store.session() as s:
            rows = s.execute(select(MessageTokens.message_id, MessageTokens.data).where(MessageTokens.message_id.in_(message_ids)))
            return {mid: json.loads(data) for mid, data in rows}


def save_message_tokens(store: Store, message_id: int, data: dict[str, Any]) -> None:
    _Table(store).save(message_id, data)


def load_message_tokens(store: Store, message_id: int) -> dict[str, Any] | None:
    return _Table(store).load(message_id)


def load_tokens_for(store: Store, message_ids: list[int]) -> dict[int, dict[str, Any]]:
    return _Table(store).load_many(message_ids)
