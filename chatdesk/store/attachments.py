"""Files attached to messages, stored once by content hash (tables of ``m011_attachments``).

Attaching the same PDF to ten messages (or importing a transcript that carries it again) stores
its bytes once: ``attachment_blobs`` is keyed by SHA-256 and each message only lists (name, hash,
kind, mode). The bytes live in the database, beside the message, so they survive restarts,
backups and the app's own data-folder moves exactly like the conversation does. Blobs no
message refers to any more are removed by ``purge_unused_blobs``.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from chatdesk.store.models import AttachmentBlob, MessageAttachment
from chatdesk.store.rows import changed_rows, translated

if TYPE_CHECKING:
    from chatdesk.store.store import Store


@dataclass(frozen=True)
class NewAttachment:
    name: str
    data: bytes
    kind: str | None = None  # "pdf", "docx", "text", ... (chatdesk.documents.extract.kind_of)
    mode: str | None = None  # how the reply used it: "whole", "map-reduce", "retrieval"


@dataclass(frozen=True)
class AttachmentRecord:
    message_id: int
    ordinal: int
    name: str
    sha256: str
    size: int
    kind: str | None
    mode: str | None


class _Tables:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.path = store.path  # ``translated`` names the file in error messages

    @translated
    def attach(self, message_id: int, files: Sequence[NewAttachment]) -> list[AttachmentRecord]:
        out = []
        with self.store.session() as s, s.begin():
            start = s.scalar(select(MessageAttachment.ordinal).where(MessageAttachment.message_id == message_id)
                             .order_by(MessageAttachment.ordinal.desc()).limit(1))
            ordinal = -1 if start is None else start
            for f in files:
                sha = hashlib.sha256(f.data).hexdigest()
                if s.get(AttachmentBlob, sha) is None:
                    s.add(AttachmentBlob(sha256=sha, size=len(f.data), data=f.data, created_at=time.time()))
                    s.flush()
                ordinal += 1
                s.add(MessageAttachment(message_id=message_id, ordinal=ordinal, name=f.name, sha256=sha, kind=f.kind, mode=f.mode))
                out.append(AttachmentRecord(message_id, ordinal, f.name, sha, len(f.data), f.kind, f.mode))
        return out

    @translated
    def of(self, message_ids: Sequence[int]) -> dict[int, list[AttachmentRecord]]:
        if not message_ids:
            return {}
        out: dict[int, list[AttachmentRecord]] = {}
        with self.store.session() as s:
            rows = s.execute(
                select(MessageAttachment, AttachmentBlob.size).join(AttachmentBlob, AttachmentBlob.sha256 == MessageAttachment.sha256)
                .where(MessageAttachment.message_id.in_(list(message_ids))).order_by(MessageAttachment.message_id, MessageAttachment.ordinal)
            )
            for a, size in rows:
                out.setdefault(a.message_id, []).append(AttachmentRecord(a.message_id, a.ordinal, a.name, a.sha256, size, a.kind, a.mode))
        return out

    @translated
    def data(self, sha256: str) -> bytes | None:
        with self.store.session() as s:
            return s.scalar(select(AttachmentBlob.data).where(AttachmentBlob.sha256 == sha256))

    @translated
    def set_mode(self, message_id: int, ordinal: int, mode: str) -> None:
        with self.store.session() as s, s.begin():
            row = s.get(MessageAttachment, (message_id, ordinal))
            if row is not None:
                row.mode = mode

    @translated
    def purge(self) -> int:
        with self.store.session() as s, s.begin():
            used = select(MessageAttachment.sha256)
            return changed_rows(s, delete(AttachmentBlob).where(AttachmentBlob.sha256.not_in(used))) or 0


def attach_files(store: Store, message_id: int, files: Sequence[NewAttachment]) -> list[AttachmentRecord]:
    """Add ``files`` to a message (after any it has), storing each distinct content once."""
    return _Tables(store).attach(message_id, files)


def attachments_of(store: Store, message_ids: Sequence[int]) -> dict[int, list[AttachmentRecord]]:
    return _Tables(store).of(message_ids)


def attachment_data(store: Store, sha256: str) -> bytes | None:
    return _Tables(store).data(sha256)


def set_attachment_mode(store: Store, message_id: int, ordinal: int, mode: str) -> None:
    _Tables(store).set_mode(message_id, ordinal, mode)


def purge_unused_blobs(store: Store) -> int:
    """Remove stored files that no message attaches any more; returns how many."""
    return _Tables(store).purge()
