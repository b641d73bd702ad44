"""Rows to records, and driver errors to human ones: the glue every store query uses."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import Any, ParamSpec, TypeVar, cast

from sqlalchemy import CursorResult, Delete, Update
from sqlalchemy.orm import Session

from chatdesk.store.errors import StoreError, humanize, store_exceptions
from chatdesk.store.models import Conversation, Message
from chatdesk.store.records import RAW_PROVENANCE, ConversationRecord, MessageRecord

P = ParamSpec("P")
R = TypeVar("R")


def translated(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn driver exceptions into StoreError with a human message."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except StoreError:
            raise
        except store_exceptions() as exc:
            store = args[0]
            raise humanize(exc, getattr(store, "path", None)) from exc

    return wrapper


def as_conversation(row: Conversation) -> ConversationRecord:
    return ConversationRecord(
        id=row.id,
        uid=row.uid,
        title=row.title,
        created_at=row.created_at,
        updated_at=row.updated_at,
        pinned=bool(row.pinned),
        model_path=row.model_path,
        system_prompt=row.system_prompt,
        active_leaf_id=row.active_leaf_id,
        deleted_at=row.deleted_at,
        settings=json.loads(row.settings) if row.settings else None,
    )


def as_message(row: Message) -> MessageRecord:
    return MessageRecord(
        id=row.id,
        uid=row.uid,
        conversation_id=row.conversation_id,
        parent_id=row.parent_id,
        role=row.role,
        content=row.content,
        status=row.status,
        created_at=row.created_at,
        updated_at=row.updated_at,
        error=row.error,
        provenance=json.loads(row.provenance) if row.provenance else None,
    )


RECORD_COLUMNS = (
    "m.id, m.uid, m.conversation_id, m.parent_id, m.role, m.content, m.status, "
    "m.created_at, m.updated_at, m.error, m.provenance"
)


_MESSAGE_FIELDS = tuple(f.name for f in fields(MessageRecord))
_new_record = object.__new__


def from_row(row: Sequence[Any]) -> MessageRecord:
    """A MessageRecord from a row selected with ``RECORD_COLUMNS`` (the record's fields, in order).

    Filled in directly rather than through the dataclass's ``__init__``: a frozen dataclass sets
    each of its eleven fields through ``object.__setattr__``, which made the 5,000 records of a
    long chat cost 10-18 ms CPU, nearly half of reading their rows; filled in they cost 5-6 ms
    (benchmarks/history_scale.py, opening the 5,000-message chat). The record has no
    ``__post_init__`` to skip; tests/test_store.py compares both ways field by field.
    """
    record = _new_record(MessageRecord)
    values = record.__dict__
    values.update(zip(_MESSAGE_FIELDS, row, strict=True))
    raw = values.pop("provenance")
    if raw:  # parsed when first read (records.RAW_PROVENANCE)
        values[RAW_PROVENANCE] = raw
    else:
        values["provenance"] = None
    return record


def changed_rows(s: Session, statement: Update | Delete) -> int:
    """Run an UPDATE or DELETE and return how many rows it changed.

    SQLAlchemy's Session.execute is typed as returning a plain Result, but a DML
    statement always yields a CursorResult, the one with ``rowcount``.
    """
    return cast(CursorResult[Any], s.execute(statement)).rowcount
