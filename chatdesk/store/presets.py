"""The user's own presets, stored beside the conversations (table ``presets``, migration m010).

The store keeps each preset as the JSON object documented in docs/preset-format.md plus a name
to list it by; what a preset *means* (validation, built-ins, applying one to a chat) belongs to
``chatdesk.chat.presets``, one layer up, so this module never interprets ``data``.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, Integer, String, Text, delete, select, update
from sqlalchemy.orm import Mapped, mapped_column

from chatdesk.store.errors import StoreError
from chatdesk.store.models import Base
from chatdesk.store.rows import changed_rows, translated
from chatdesk.store.store import Store
from translatable import msg


class PresetRow(Base):
    """ORM mapping of the ``presets`` table (the schema is owned by migration m010)."""

    __tablename__ = "presets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String, unique=True)
    name: Mapped[str] = mapped_column(Text)
    data: Mapped[str] = mapped_column(Text)
    created_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)


@dataclass(frozen=True)
class PresetRecord:
    id: int
    uid: str
    name: str
    data: dict[str, Any]
    created_at: float
    updated_at: float


def _record(row: PresetRow) -> PresetRecord:
    try:
        data = json.loads(row.data)
    except ValueError:
        data = {}
    return PresetRecord(row.id, row.uid, row.name, data if isinstance(data, dict) else {}, row.created_at, row.updated_at)


def _payload(data: Mapping[str, Any]) -> str:
    try:
        return json.dumps(dict(data), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(msg("This preset cannot be saved: it is not plain JSON ({exc}).", exc=exc)) from exc


@translated
def create_preset(store: Store, name: str, data: Mapping[str, Any]) -> PresetRecord:
    return create_presets(store, [(name, data)])[0]


@translated
def create_presets(store: Store, items: Sequence[tuple[str, Mapping[str, Any]]]) -> list[PresetRecord]:
    """Several presets in one transaction: all are stored, or none."""
    now = time.time()
    rows = [PresetRow(uid=uuid.uuid4().hex, name=name, data=_payload(data), created_at=now, updated_at=now) for name, data in items]
    with store.session() as s, s.begin():
        s.add_all(rows)
        s.flush()
        return [_record(r) for r in rows]


@translated
def list_presets(store: Store) -> list[PresetRecord]:
    """Oldest first, so a user's presets keep their order."""
    with store.session() as s:
        return [_record(r) for r in s.scalars(select(PresetRow).order_by(PresetRow.created_at, PresetRow.id))]


@translated
def get_preset(store: Store, uid: str) -> PresetRecord | None:
    with store.session() as s:
        row = s.scalar(select(PresetRow).where(PresetRow.uid == uid))
        return _record(row) if row is not None else None


@translated
def update_preset(store: Store, uid: str, name: str, data: Mapping[str, Any]) -> bool:
    """Replace a preset's name and data; False if there is no such preset."""
    payload = _payload(data)
    with store.session() as s, s.begin():
        done = changed_rows(s, update(PresetRow).where(PresetRow.uid == uid).values(name=name, data=payload, updated_at=time.time()))
        return bool(done)


@translated
def delete_preset(store: Store, uid: str) -> bool:
    with store.session() as s, s.begin():
        return bool(changed_rows(s, delete(PresetRow).where(PresetRow.uid == uid)))
