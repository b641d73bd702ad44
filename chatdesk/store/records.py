"""Immutable values the store hands out.

The store never returns ORM objects: they are bound to a session and a thread, and the GUI must
be able to keep, compare and pass these across threads (Qt signals) without surprises.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

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


RAW_PROVENANCE = "_provenance_json"  # where a record read from a row keeps its provenance's text


class _ProvenanceParsedOnFirstRead:
    """``MessageRecord.provenance`` of a record read from a row (``rows.from_row``): its JSON text
    is parsed the first time the field is read, and the value kept.

    Why: opening a 5,000-message chat parsed every reply's provenance (2,500 texts, 17 ms of an
    81 ms ``Store.active_path``, benchmarks/history_scale.py's database), while the view reads
    only the replies it lays out and the newest reply's. A non-data descriptor: a value in the
    record's ``__dict__`` (set by ``__init__``, or by an earlier read) is found before it, so
    records built in code are untouched. The text stays in the record (never popped), so two
    threads reading the field at once both parse the same text.
    """

    def __get__(self, record: MessageRecord | None, owner: type | None = None) -> dict[str, Any] | None:
        if record is None:
            return None  # the class's default, as the dataclass declares it
        values = record.__dict__
        raw = values.get(RAW_PROVENANCE)
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:  # a damaged row: its message still shows, without how it was made
            log.warning("message %s: its provenance is not readable JSON; shown without it", values.get("id"))
            parsed = None
        if not isinstance(parsed, dict):
            parsed = None
        values["provenance"] = parsed
        return parsed


# Set after the class is made: the dataclass takes the field's default from ``field(...)``, not
# from the class attribute this replaces (``dataclasses.fields`` still lists ``provenance``).
setattr(MessageRecord, "provenance", _ProvenanceParsedOnFirstRead())  # noqa: B010


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
