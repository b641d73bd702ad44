"""Saved model evaluations: save, list, read and delete, beside the conversations.

A result is stored twice over: its headline figures as columns (so results can be listed, filtered
by model or text and compared without parsing JSON), and the whole result dict with its
provenance as JSON, exactly as ``chatdesk.evaluation`` produced it, so nothing is lost and an
export gives back what was measured. The store does not import the evaluation package (the
layers are independent); it checks the few keys it needs and refuses anything else in words.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, Integer, String, Text, delete, select
from sqlalchemy.orm import Mapped, mapped_column

from chatdesk.store.errors import StoreError
from chatdesk.store.models import Base
from chatdesk.store.rows import changed_rows, translated
from chatdesk.store.store import Store
from translatable import msg


class EvaluationRow(Base):
    """ORM mapping of the ``evaluations`` table (the schema is owned by migration m011)."""

    __tablename__ = "evaluations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String, unique=True)
    created_at: Mapped[float] = mapped_column(Float)
    model_path: Mapped[str] = mapped_column(Text)
    model_name: Mapped[str] = mapped_column(Text, default="")
    model_sha256: Mapped[str] = mapped_column(String)
    file_type: Mapped[str | None] = mapped_column(Text, nullable=True)
    text_name: Mapped[str] = mapped_column(Text)
    text_sha256: Mapped[str] = mapped_column(String)
    n_ctx: Mapped[int] = mapped_column(Integer)
    n_chunks: Mapped[int] = mapped_column(Integer)
    tokens: Mapped[int] = mapped_column(Integer)
    perplexity: Mapped[float | None] = mapped_column(Float, nullable=True)
    bits_per_token: Mapped[float | None] = mapped_column(Float, nullable=True)
    reference_sha256: Mapped[str | None] = mapped_column(String, nullable=True)
    kl_divergence: Mapped[float | None] = mapped_column(Float, nullable=True)
    top1_agreement: Mapped[float | None] = mapped_column(Float, nullable=True)
    result: Mapped[str] = mapped_column(Text)


@dataclass(frozen=True)
class EvaluationRecord:
    id: int
    uid: str
    created_at: float
    model_name: str
    model_sha256: str
    text_name: str
    perplexity: float | None
    kl_divergence: float | None
    result: dict[str, Any]
    """The full result as the evaluation produced it."""


def _need(result: Mapping[str, Any], *path: str) -> Any:
    value: Any = result
    for key in path:
        if not isinstance(value, Mapping) or value.get(key) is None:
            raise StoreError(msg("This evaluation result cannot be saved: it has no {value}.", value='.'.join(path)))
        value = value[key]
    return value


def _opt(result: Mapping[str, Any], *path: str) -> Any:
    value: Any = result
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _record(row: EvaluationRow) -> EvaluationRecord:
    return EvaluationRecord(
        id=row.id, uid=row.uid, created_at=row.created_at, model_name=row.model_name,
        model_sha256=row.model_sha256, text_name=row.text_name, perplexity=row.perplexity,
        kl_divergence=row.kl_divergence, result=json.loads(row.result),
    )


@translated
def save_evaluation(store: Store, result: Mapping[str, Any]) -> EvaluationRecord:
    try:
        payload = json.dumps(result, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(msg("This evaluation result cannot be saved: it is not plain JSON ({exc}).", exc=exc)) from exc
    row = EvaluationRow(
        uid=uuid.uuid4().hex,
        created_at=time.time(),
        model_path=str(_need(result, "model", "path")),
        model_name=str(_opt(result, "model", "name") or ""),
        model_sha256=str(_need(result, "model", "sha256")),
        file_type=_opt(result, "model", "file_type"),
        text_name=str(_need(result, "text", "name")),
        text_sha256=str(_need(result, "text", "sha256")),
        n_ctx=int(_need(result, "n_ctx")),
        n_chunks=int(_need(result, "n_chunks")),
        tokens=int(_need(result, "tokens")),
        perplexity=_opt(result, "perplexity"),
        bits_per_token=_opt(result, "bits_per_token"),
        reference_sha256=_opt(result, "comparison", "sha256"),
        kl_divergence=_opt(result, "comparison", "kl_divergence"),
        top1_agreement=_opt(result, "comparison", "top1_agreement"),
        result=payload,
    )
    with store.session() as s, s.begin():
        s.add(row)
        s.flush()
        return _record(row)


@translated
def list_evaluations(store: Store, *, model_sha256: str | None = None, text_sha256: str | None = None,
                     limit: int | None = None) -> list[EvaluationRecord]:
    """Newest first, optionally only one model's or one text's."""
    q = select(EvaluationRow).order_by(EvaluationRow.created_at.desc(), EvaluationRow.id.desc())
    if model_sha256 is not None:
        q = q.where(EvaluationRow.model_sha256 == model_sha256)
    if text_sha256 is not None:
        q = q.where(EvaluationRow.text_sha256 == text_sha256)
    if limit is not None:
        q = q.limit(limit)
    with store.session() as s:
        return [_record(r) for r in s.scalars(q)]


@translated
def get_evaluation(store: Store, evaluation_id: int) -> EvaluationRecord | None:
    with store.session() as s:
        row = s.get(EvaluationRow, evaluation_id)
        return _record(row) if row is not None else None


@translated
def delete_evaluation(store: Store, evaluation_id: int) -> bool:
    with store.session() as s, s.begin():
        return changed_rows(s, delete(EvaluationRow).where(EvaluationRow.id == evaluation_id)) > 0
