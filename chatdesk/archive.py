"""Moving conversations between the store and transcript files (export, import).

The store and the transcript formats know nothing of each other; this module maps one onto the
other. It is used by the CLI (``chatdesk export`` / ``chatdesk import``) and by the window,
which calls it on a background thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from chatdesk.store import Store
from chatdesk.store.attachments import attachment_data, attachments_of
from chatdesk.store.bulk import import_conversations
from chatdesk.store.message_tokens import load_tokens_for
from chatdesk.transcripts import (
    TranscriptAttachment,
    TranscriptConversation,
    TranscriptError,
    TranscriptMessage,
    export_to_path,
    parse_json,
)
from chatdesk.transcripts.model import active_path
from translatable import msg, text_of


class ArchiveError(RuntimeError):
    """An export or import problem, in words for the user."""


@dataclass(frozen=True)
class ImportReport:
    conversations_in_file: int
    new_conversations: int
    new_messages: int

    def summary(self) -> str:
        if not self.new_conversations and not self.new_messages:
            return f"Nothing new: all {self.conversations_in_file} conversation(s) in the file are already in ChatDesk."
        return f"Imported {self.new_conversations} conversation(s) and {self.new_messages} message(s)."


def to_transcript(store: Store, conversation_id: int) -> TranscriptConversation:
    conv = store.get_conversation(conversation_id)
    if conv is None:
        raise ArchiveError(msg("There is no conversation with id {id}.", id=conversation_id))
    rows = store.messages(conversation_id)
    uid_of = {m.id: m.uid for m in rows}
    tokens = load_tokens_for(store, [m.id for m in rows if m.role == "assistant"])
    attached = attachments_of(store, [m.id for m in rows])
    blobs = {a.sha256: attachment_data(store, a.sha256) or b"" for files in attached.values() for a in files}
    messages = tuple(
        TranscriptMessage(
            uid=m.uid,
            parent_uid=uid_of.get(m.parent_id) if m.parent_id else None,
            role=m.role,
            content=m.content,
            status=m.status,
            created_at=m.created_at,
            provenance=m.provenance,
            error=m.error,
            token_probabilities=tokens.get(m.id),
            attachments=tuple(TranscriptAttachment(a.name, blobs[a.sha256], a.kind, a.mode) for a in attached.get(m.id, ())),
        )
        for m in rows
    )
    model = next((m.provenance.get("model_name") for m in reversed(rows) if m.provenance and m.provenance.get("model_name")), None)
    return TranscriptConversation(
        uid=conv.uid,
        title=conv.title,
        created_at=conv.created_at,
        updated_at=conv.updated_at,
        messages=messages,
        active_leaf_uid=uid_of.get(conv.active_leaf_id) if conv.active_leaf_id else None,
        model=model,
        system_prompt=conv.system_prompt,
        pinned=conv.pinned,
    )


def export_conversations(store: Store, ids: Sequence[int] | None, fmt: str, path: Path) -> int:
    """Write the given conversations (``None``: all of them) to ``path``; returns how many."""
    if ids is None:
        ids = [c.id for c in store.list_conversations(limit=10**9)]
    if not ids:
        raise ArchiveError(msg("There are no conversations to export."))
    convs = [to_transcript(store, i) for i in ids]
    try:
        export_to_path(convs, fmt, path)
    except TranscriptError as exc:
        raise ArchiveError(text_of(exc)) from exc
    return len(convs)


def import_file(store: Store, path: Path) -> ImportReport:
    """Validate the whole file first, then insert everything in one transaction."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ArchiveError(msg("Cannot read {path}: {error}.", path=str(path), error=exc.strerror or str(exc))) from exc
    try:
        convs = parse_json(data)
    except TranscriptError as exc:
        raise ArchiveError(msg("{file} was not imported: {error}", file=Path(path).name, error=text_of(exc))) from exc
    items = [
        (
            {
                "uid": c.uid,
                "title": c.title,
                "created_at": c.created_at,
                "updated_at": c.updated_at,
                "system_prompt": c.system_prompt,
                "pinned": c.pinned,
                # The effective leaf under the one active-branch rule (a file from another tool
                # often names none): the store then shows what the exports follow.
                "active_leaf_uid": active_path(c)[-1].uid if c.messages else None,
            },
            [
                {
                    "uid": m.uid,
                    "parent_uid": m.parent_uid,
                    "role": m.role,
                    "content": m.content,
                    "status": "interrupted" if m.status == "streaming" else m.status,
                    "error": m.error,
                    "created_at": m.created_at,
                    "provenance": dict(m.provenance) if m.provenance else None,
                    "token_probabilities": dict(m.token_probabilities) if m.token_probabilities else None,
                    "attachments": [{"name": a.name, "data": a.data, "kind": a.kind, "mode": a.mode} for a in m.attachments],
                }
                for m in c.messages
            ],
        )
        for c in convs
    ]
    new_c, new_m = import_conversations(store, items)
    return ImportReport(len(convs), new_c, new_m)
