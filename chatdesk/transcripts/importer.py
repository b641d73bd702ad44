"""Import of the JSON transcript format, validated completely up front.

``parse_json`` either returns every conversation in the file or raises one
:class:`TranscriptError` naming the first problem - it never returns a
partial result, so the store can insert everything in one transaction.
Unknown keys are ignored (newer minor additions); a newer format *version*
is refused, because its meaning may have changed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
from datetime import datetime, timezone
from typing import Any

from translatable import Text, msg

from .errors import TranscriptError
from .jsonfmt import FORMAT_NAME, FORMAT_VERSION
from .model import ROLES, STATUSES, TranscriptAttachment, TranscriptConversation, TranscriptMessage

_MISSING = object()


class _Where:
    """Where a problem is: a "conversation 2 ("Title"), message 5: " prefix for error messages
    (a :class:`translatable.Text`, so the window can show the whole sentence in its language)."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def fail(self, problem: Text) -> TranscriptError:
        return TranscriptError(msg("This transcript can't be imported: {where}{problem}.", where=self.text, problem=problem))


# What a field must be, in words (the ``kind_name`` of ``_get``).
_KINDS = {
    "text": msg("text"),
    "text or null": msg("text or null"),
    "a list": msg("a list"),
    "true or false": msg("true or false"),
    "an object or null": msg("an object or null"),
}


def _get(obj: dict, key: str, where: _Where, kinds: tuple[type, ...], kind_name: str,
         required: bool = True, default: Any = None) -> Any:
    value = obj.get(key, _MISSING)
    if value is _MISSING:
        if required:
            raise where.fail(msg('the required field "{key}" is missing', key=key))
        return default
    if value is None and type(None) in kinds:
        return None
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise where.fail(msg('the field "{key}" must be {kind}, not {found}', key=key, kind=_KINDS.get(kind_name, kind_name),
                             found=_json_type(value)))
    return value


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: msg("true/false"), int: msg("a number"), float: msg("a number"), str: msg("text"),
            list: msg("a list"), dict: msg("an object")}.get(type(value), type(value).__name__)


def _timestamp(obj: dict, key: str, where: _Where) -> float:
    """Prefer the exact ``<key>_unix`` float; fall back to the ISO 8601 string."""
    unix = obj.get(key + "_unix", _MISSING)
    if unix is not _MISSING and unix is not None:
        if isinstance(unix, bool) or not isinstance(unix, (int, float)) or not math.isfinite(unix):
            raise where.fail(msg('the field "{key}_unix" must be a number of seconds', key=key))
        return float(unix)
    value = obj.get(key, _MISSING)
    if value is _MISSING or value is None:
        raise where.fail(msg('the required field "{key}" is missing', key=key))
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            pass
        else:
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=timezone.utc)
            return parsed.timestamp()
    raise where.fail(msg('the field "{key}" is not a valid date (expected ISO 8601, e.g. "2024-05-01T12:00:00Z")', key=key))


def _uid(obj: dict, key: str, where: _Where) -> str:
    value = _get(obj, key, where, (str,), "text")
    if not value.strip():
        raise where.fail(msg('the field "{key}" is empty', key=key))
    return value


def _message(raw: Any, where: _Where) -> TranscriptMessage:
    if not isinstance(raw, dict):
        raise where.fail(msg("it must be an object, not {found}", found=_json_type(raw)))
    role = _get(raw, "role", where, (str,), "text")
    if role not in ROLES:
        raise where.fail(msg('the role "{role}" is unknown (expected one of: {known})', role=role, known=", ".join(ROLES)))
    status = _get(raw, "status", where, (str,), "text")
    if status not in STATUSES:
        raise where.fail(msg('the status "{status}" is unknown (expected one of: {known})', status=status, known=", ".join(STATUSES)))
    if "parent_uid" not in raw:
        raise where.fail(msg('the required field "parent_uid" is missing (use null for the first message)'))
    parent = _get(raw, "parent_uid", where, (str, type(None)), "text or null")
    return TranscriptMessage(
        uid=_uid(raw, "uid", where),
        parent_uid=parent,
        role=role,
        content=_get(raw, "content", where, (str,), "text"),
        status=status,
        created_at=_timestamp(raw, "created_at", where),
        provenance=_get(raw, "provenance", where, (dict, type(None)), "an object or null", required=False),
        error=_get(raw, "error", where, (str, type(None)), "text or null", required=False),
        token_probabilities=_token_probabilities(raw, where),
        attachments=_attachments(raw, where),
    )


def _attachments(raw: dict[str, Any], where: _Where) -> tuple[TranscriptAttachment, ...]:
    """Optional; each file's bytes must decode and match its ``sha256``, or the file is refused."""
    value = _get(raw, "attachments", where, (list, type(None)), "a list or null", required=False)
    out = []
    for item in value or ():
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not isinstance(item.get("data_base64"), str):
            raise where.fail(msg('an attachment needs "name" and "data_base64" text fields'))
        try:
            data = base64.b64decode(item["data_base64"], validate=True)
        except (ValueError, binascii.Error) as exc:
            raise where.fail(msg('the attachment "{name}" is not valid base64', name=item["name"])) from exc
        sha = item.get("sha256")
        if sha is not None and sha != hashlib.sha256(data).hexdigest():
            raise where.fail(msg('the attachment "{name}" does not match its sha256 (the file is damaged)', name=item["name"]))
        kind, mode = item.get("kind"), item.get("mode")
        out.append(TranscriptAttachment(item["name"], data, kind if isinstance(kind, str) else None, mode if isinstance(mode, str) else None))
    return tuple(out)


def _token_probabilities(raw: dict[str, Any], where: _Where) -> dict[str, Any] | None:
    """Optional; checked for shape so a damaged record is refused here, not shown wrongly later."""
    value = _get(raw, "token_probabilities", where, (dict, type(None)), "an object or null", required=False)
    if value is None:
        return None
    lists = [value.get(k) for k in ("ids", "p", "end", "alt")]
    if value.get("v") != 1 or not all(isinstance(x, list) for x in lists) or len({len(x) for x in lists}) != 1:
        raise where.fail(msg('"token_probabilities" is not a version 1 record with ids, p, end and alt of equal length'))
    if not isinstance(value.get("text"), dict):
        raise where.fail(msg('"token_probabilities" has no "text" object'))
    return value


def _parents_first(messages: list[TranscriptMessage], where: _Where) -> tuple[TranscriptMessage, ...]:
    """Check the tree (parents exist, no cycles) and order parents before children.

    The order in the file is kept where it already is valid, so a round trip
    is exact; hand-edited files with children first are reordered, not refused.
    """
    by_uid = {m.uid: m for m in messages}
    for message in messages:
        if message.parent_uid is not None and message.parent_uid not in by_uid:
            raise where.fail(msg('message "{uid}" refers to a parent "{parent}" that is not in this conversation',
                                 uid=message.uid, parent=message.parent_uid))
    depth: dict[str, int] = {}
    for message in messages:
        chain: list[TranscriptMessage] = []
        node: TranscriptMessage | None = message
        on_chain: set[str] = set()
        while node is not None and node.uid not in depth:
            if node.uid in on_chain:
                raise where.fail(msg('message "{uid}" is its own ancestor (the parent links form a cycle)', uid=node.uid))
            on_chain.add(node.uid)
            chain.append(node)
            node = by_uid[node.parent_uid] if node.parent_uid is not None else None
        base = depth[node.uid] if node is not None else -1
        for item in reversed(chain):
            base += 1
            depth[item.uid] = base
    placed: set[str] = set()
    for message in messages:
        if message.parent_uid is not None and message.parent_uid not in placed:
            break
        placed.add(message.uid)
    else:
        return tuple(messages)  # already parents-first: keep the file's order exactly
    order = sorted(range(len(messages)), key=lambda i: (depth[messages[i].uid], i))
    return tuple(messages[i] for i in order)


def _conversation(raw: Any, index: int, seen_messages: set[str]) -> TranscriptConversation:
    where = _Where(msg("conversation {index} ", index=index))
    if not isinstance(raw, dict):
        raise where.fail(msg("must be an object, not {found}", found=_json_type(raw)))
    title = raw.get("title")
    if isinstance(title, str):
        where = _Where(msg("conversation {index} (\u201c{title}\u201d): ", index=index, title=title[:60]))
    else:
        where = _Where(msg("conversation {index}: ", index=index))
    uid = _uid(raw, "uid", where)
    title = _get(raw, "title", where, (str,), "text")
    raw_messages = _get(raw, "messages", where, (list,), "a list")
    messages: list[TranscriptMessage] = []
    uids: set[str] = set()
    for pos, item in enumerate(raw_messages, start=1):
        if isinstance(title, str):
            at = msg("conversation {index} (\u201c{title}\u201d), message {pos}: ", index=index, title=title[:60], pos=pos)
        else:
            at = msg("conversation {index}, message {pos}: ", index=index, pos=pos)
        message = _message(item, _Where(at))
        if message.uid in uids:
            raise where.fail(msg('the message id "{uid}" appears twice', uid=message.uid))
        if message.uid in seen_messages:
            raise where.fail(msg('the message id "{uid}" is also used in another conversation in this file', uid=message.uid))
        uids.add(message.uid)
        messages.append(message)
    seen_messages |= uids
    leaf = _get(raw, "active_leaf_uid", where, (str, type(None)), "text or null", required=False)
    if leaf is not None and leaf not in uids:
        raise where.fail(msg('the active message "{uid}" is not in this conversation', uid=leaf))
    return TranscriptConversation(
        uid=uid,
        title=title,
        created_at=_timestamp(raw, "created_at", where),
        updated_at=_timestamp(raw, "updated_at", where),
        messages=_parents_first(messages, where),
        active_leaf_uid=leaf,
        model=_get(raw, "model", where, (str, type(None)), "text or null", required=False),
        system_prompt=_get(raw, "system_prompt", where, (str, type(None)), "text or null", required=False),
        pinned=_get(raw, "pinned", where, (bool,), "true or false", required=False, default=False),
    )


def parse_json(data: bytes | str) -> list[TranscriptConversation]:
    """Parse and fully validate a ChatDesk JSON transcript."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        try:
            text = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise TranscriptError(msg("This file is not a ChatDesk transcript: it is not UTF-8 text "
                                      "(invalid byte at position {position}).", position=exc.start)) from None
    elif isinstance(data, str):
        text = data.lstrip("\ufeff")
    else:
        raise TypeError(f"parse_json expects bytes or str, not {type(data).__name__}")
    if not text.strip():
        raise TranscriptError(msg("This file is empty, so there is nothing to import."))
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TranscriptError(msg("This file is not valid JSON (line {line}, column {column}: {problem}), so it can't be "
                                  "imported.", line=exc.lineno, column=exc.colno, problem=exc.msg)) from None
    except RecursionError:
        raise TranscriptError(msg("This file is not a ChatDesk transcript: it is nested too deeply.")) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        found = doc.get("format") if isinstance(doc, dict) else None
        if isinstance(found, str):
            raise TranscriptError(msg('This file is not a ChatDesk transcript (its format is "{found}"); '
                                      'expected a JSON export with "format": "chatdesk-transcript".', found=found))
        raise TranscriptError(msg('This file is not a ChatDesk transcript; '
                                  'expected a JSON export with "format": "chatdesk-transcript".'))
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise TranscriptError(msg("This transcript can't be imported: its format version is missing "
                                  "or invalid ({version}).", version=json.dumps(version)))
    if version > FORMAT_VERSION:
        raise TranscriptError(msg("This file was written by a newer ChatDesk (format version {version}); "
                                  "update ChatDesk to import it.", version=version))
    conversations = doc.get("conversations", _MISSING)
    if not isinstance(conversations, list):
        raise TranscriptError(msg('This transcript can\'t be imported: the "conversations" list is missing.'))
    result: list[TranscriptConversation] = []
    seen_conversations: set[str] = set()
    seen_messages: set[str] = set()
    for index, raw in enumerate(conversations, start=1):
        conv = _conversation(raw, index, seen_messages)
        if conv.uid in seen_conversations:
            raise TranscriptError(msg('This transcript can\'t be imported: the conversation id "{uid}" appears twice.',
                                      uid=conv.uid))
        seen_conversations.add(conv.uid)
        result.append(conv)
    return result
