"""Bulk writes: importing whole conversation trees from transcripts.

Kept apart from ``store.py`` (day-to-day reads and writes) because these run in one large
transaction and are keyed by stable uids rather than by row ids.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from chatdesk.store.models import AttachmentBlob, Conversation, Message, MessageAttachment, MessageTokens
from chatdesk.store.rows import translated
from chatdesk.store.store import Store


@translated
def import_conversations(store: Store, items: Sequence[tuple[dict[str, Any], Sequence[dict[str, Any]]]]) -> tuple[int, int]:
    """Insert conversations and their message trees in ONE transaction, keyed by stable uids.

    ``items`` are (conversation fields, messages parents-first) with ``uid``/``parent_uid``
    strings; a message's ``attachments`` (name, data, kind, mode) are stored once per content hash. Conversations and messages whose uid already exists are left as they are, so
    importing the same file twice adds nothing. Returns (new conversations, new messages).
    """
    new_convs = new_msgs = 0
    with store._session() as s, s.begin():  # noqa: SLF001
        for conv_fields, messages in items:
            conv = s.scalar(select(Conversation).where(Conversation.uid == conv_fields["uid"]))
            if conv is None:
                conv = Conversation(
                    uid=conv_fields["uid"],
                    title=conv_fields.get("title") or "",
                    created_at=conv_fields["created_at"],
                    updated_at=conv_fields["updated_at"],
                    system_prompt=conv_fields.get("system_prompt"),
                    pinned=bool(conv_fields.get("pinned")),
                )
                s.add(conv)
                s.flush()
                new_convs += 1
            ids: dict[str, int] = {}
            uids = [m["uid"] for m in messages]
            for mid, muid in s.execute(select(Message.id, Message.uid).where(Message.uid.in_(uids))) if uids else []:
                ids[muid] = mid
            for m in messages:
                if m["uid"] in ids:
                    continue
                parent = ids.get(m["parent_uid"]) if m.get("parent_uid") else None
                row = Message(
                    uid=m["uid"],
                    conversation_id=conv.id,
                    parent_id=parent,
                    role=m["role"],
                    content=m["content"],
                    status=m["status"],
                    error=m.get("error"),
                    created_at=m["created_at"],
                    updated_at=m["created_at"],
                    provenance=json.dumps(m["provenance"], ensure_ascii=False) if m.get("provenance") else None,
                )
                s.add(row)
                s.flush()
                Store._index(s, row.id, row.content)  # noqa: SLF001
                if m.get("token_probabilities"):
                    s.add(MessageTokens(message_id=row.id, data=json.dumps(m["token_probabilities"], ensure_ascii=False, separators=(",", ":"))))
                for ordinal, a in enumerate(m.get("attachments") or ()):
                    sha = hashlib.sha256(a["data"]).hexdigest()  # stored by its real hash, whatever the file said
                    if s.get(AttachmentBlob, sha) is None:
                        s.add(AttachmentBlob(sha256=sha, size=len(a["data"]), data=a["data"], created_at=time.time()))
                        s.flush()
                    s.add(MessageAttachment(message_id=row.id, ordinal=ordinal, name=a["name"], sha256=sha, kind=a.get("kind"), mode=a.get("mode")))
                ids[m["uid"]] = row.id
                new_msgs += 1
            leaf = conv_fields.get("active_leaf_uid")
            if leaf and leaf in ids and conv.active_leaf_id is None:
                conv.active_leaf_id = ids[leaf]
    return new_convs, new_msgs
