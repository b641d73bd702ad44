"""JSON export: the lossless format (every branch, every reply's provenance).

The document is versioned and documented in ``docs/transcript-format.md``;
:mod:`.importer` reads it back.  Each message is a familiar
``{"role": ..., "content": ...}`` object with extra keys, so other tools can
consume the file without knowing about ChatDesk.  Timestamps are written both
as ISO 8601 UTC (for people and tools) and as the exact unix float (so a
round trip loses nothing).
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import time
from collections.abc import Mapping, Sequence
from typing import Any

from .common import iso_utc
from .model import TranscriptConversation, TranscriptMessage, active_path

FORMAT_NAME = "chatdesk-transcript"
FORMAT_VERSION = 1


def _json_safe(value: Any) -> Any:
    """Provenance comes from many places; make sure it is strict JSON.

    Non-finite floats (e.g. tokens/s of an empty reply) become null and
    unknown objects their ``str()`` - an export must not fail over a detail.
    """
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    return str(value)


def _stamp(ts: float) -> tuple[str, float]:
    return iso_utc(ts), float(ts)


def message_to_dict(msg: TranscriptMessage) -> dict[str, Any]:
    iso, unix = _stamp(msg.created_at)
    out = {
        "role": msg.role,
        "content": msg.content,
        "uid": msg.uid,
        "parent_uid": msg.parent_uid,
        "status": msg.status,
        "created_at": iso,
        "created_at_unix": unix,
        "error": msg.error,
        "provenance": _json_safe(dict(msg.provenance)) if msg.provenance is not None else None,
    }
    if msg.token_probabilities is not None:
        out["token_probabilities"] = _json_safe(dict(msg.token_probabilities))
    if msg.attachments:
        out["attachments"] = [
            {"name": a.name, "sha256": hashlib.sha256(a.data).hexdigest(), "size": len(a.data), "kind": a.kind, "mode": a.mode,
             "data_base64": base64.b64encode(a.data).decode("ascii")}
            for a in msg.attachments
        ]
    return out


def conversation_to_dict(conv: TranscriptConversation) -> dict[str, Any]:
    created, created_unix = _stamp(conv.created_at)
    updated, updated_unix = _stamp(conv.updated_at)
    return {
        "uid": conv.uid,
        "title": conv.title,
        "created_at": created,
        "created_at_unix": created_unix,
        "updated_at": updated,
        "updated_at_unix": updated_unix,
        "model": conv.model,
        "system_prompt": conv.system_prompt,
        "pinned": conv.pinned,
        "active_leaf_uid": conv.active_leaf_uid,
        "active_path": [m.uid for m in active_path(conv)],
        "messages": [message_to_dict(m) for m in conv.messages],
    }


def to_document(conversations: Sequence[TranscriptConversation], exported_at: float | None = None) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": iso_utc(time.time() if exported_at is None else exported_at),
        "conversations": [conversation_to_dict(c) for c in conversations],
    }


def render_json(conversations: Sequence[TranscriptConversation], exported_at: float | None = None) -> str:
    doc = to_document(conversations, exported_at)
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
