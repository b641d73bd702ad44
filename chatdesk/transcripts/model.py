"""The data contract between the store and the transcript layer.

The store maps its rows to these frozen dataclasses; every exporter and the
importer work only with them.  Keeping the contract here (and free of any
store/UI import) lets the transcript code stay pure and testable on its own.

Messages form a *tree*: regenerating a reply or editing a user message adds a
sibling instead of overwriting, so a conversation holds every branch and
``active_leaf_uid`` records which one the user was looking at.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

ROLES = ("system", "user", "assistant")
STATUSES = ("done", "stopped", "error", "interrupted", "streaming")


@dataclass(frozen=True)
class TranscriptAttachment:
    """A file attached to a message, carried whole (a transcript must restore it elsewhere)."""

    name: str
    data: bytes
    kind: str | None = None   # "pdf", "docx", "text", ...
    mode: str | None = None   # how the reply used it: "whole", "map-reduce", "retrieval"


@dataclass(frozen=True)
class TranscriptMessage:
    uid: str                 # stable id (hex uuid) - used to deduplicate imports
    parent_uid: str | None   # None for a root; siblings share a parent
    role: str                # one of ROLES
    content: str
    status: str              # one of STATUSES
    created_at: float        # unix seconds, UTC
    provenance: Mapping[str, Any] | None = None  # model, sampler, seed, timings ...
    error: str | None = None
    # The reply's per-token probabilities when they were recorded (docs/transcript-format.md).
    token_probabilities: Mapping[str, Any] | None = None
    attachments: tuple[TranscriptAttachment, ...] = ()


@dataclass(frozen=True)
class TranscriptConversation:
    uid: str
    title: str
    created_at: float
    updated_at: float
    messages: tuple[TranscriptMessage, ...]   # all branches, parents before children
    active_leaf_uid: str | None               # the branch the user was looking at
    model: str | None = None                  # display name of the model last used
    system_prompt: str | None = None
    pinned: bool = False


def _children(conv: TranscriptConversation) -> dict[str | None, list[TranscriptMessage]]:
    """Children per parent uid (None = roots), oldest first.

    Ties on ``created_at`` keep file order, so "newest" is deterministic even
    when two replies were stamped within the same clock tick.  A message whose
    parent is missing is treated as a root rather than dropped.
    """
    known = {m.uid for m in conv.messages}
    kids: dict[str | None, list[tuple[float, int, TranscriptMessage]]] = {}
    for pos, msg in enumerate(conv.messages):
        parent = msg.parent_uid if msg.parent_uid in known else None
        kids.setdefault(parent, []).append((msg.created_at, pos, msg))
    return {p: [m for _, _, m in sorted(v, key=lambda t: (t[0], t[1]))] for p, v in kids.items()}


def active_path(conv: TranscriptConversation) -> list[TranscriptMessage]:
    """Messages from the root to the active leaf, in reading order.

    Without an (existing) active leaf we follow the newest root and then the
    newest child at every step - what the chat view shows by default.  If the
    active "leaf" has children, we keep following the newest child so the end
    of the visible branch is never silently dropped.
    """
    by_uid = {m.uid: m for m in conv.messages}
    kids = _children(conv)
    path: list[TranscriptMessage] = []
    node = by_uid.get(conv.active_leaf_uid) if conv.active_leaf_uid else None
    if node is not None:
        seen: set[str] = set()
        while node is not None and node.uid not in seen:  # guard against cycles
            seen.add(node.uid)
            path.append(node)
            node = by_uid.get(node.parent_uid) if node.parent_uid else None
        path.reverse()
        tail = path[-1].uid
    else:
        tail = None
    seen = {m.uid for m in path}
    while True:
        options = kids.get(tail, [])
        if not options or options[-1].uid in seen:
            return path
        node = options[-1]
        seen.add(node.uid)
        path.append(node)
        tail = node.uid


def sibling_positions(conv: TranscriptConversation, path: list[TranscriptMessage]) -> list[tuple[int, int]]:
    """For each message on ``path``: (1-based version number, number of versions).

    Lets exports say "version 2 of 3" where a reply was regenerated or a
    message edited.
    """
    kids = _children(conv)
    known = {m.uid for m in conv.messages}
    out = []
    for msg in path:
        group = kids.get(msg.parent_uid if msg.parent_uid in known else None, [msg])
        uids = [m.uid for m in group]
        out.append((uids.index(msg.uid) + 1 if msg.uid in uids else 1, len(group)))
    return out


def hidden_message_count(conv: TranscriptConversation) -> int:
    """How many messages are not on the active path (0 = no other branches)."""
    return len(conv.messages) - len(active_path(conv))
