"""Markdown export: the active branch, one ``##`` heading per turn.

Message text is copied verbatim - replies already are Markdown, and users
expect their code blocks back exactly.  The only change ever made to message
text is closing a code fence left open (e.g. a reply stopped mid-block), so
one turn can never swallow the rest of the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .common import STATUS_NOTES, branch_note, close_open_fences, fence_for, human_utc, model_name, role_label, single_line
from .model import TranscriptConversation, active_path, sibling_positions

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#])")
_HTML_SPECIAL = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}

SEPARATOR = "\n\n---\n\n"


def _escape_inline(text: str) -> str:
    """Keep a title literal: it is data, not Markdown.

    ``<``/``>`` (and ``&`` starting an entity) become entities rather than
    backslash escapes, which not every Markdown dialect honours.
    """
    text = re.sub(r"[<>]|&(?=#?\w+;)", lambda m: _HTML_SPECIAL[m.group(0)], text)
    return _MD_SPECIAL.sub(r"\\\1", text)


def _quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.split("\n"))


def render_conversation(conv: TranscriptConversation) -> str:
    path = active_path(conv)
    out = [f"# {_escape_inline(single_line(conv.title))}", ""]
    meta = [f"- **Date:** {human_utc(conv.created_at)}"]
    if conv.updated_at and abs(conv.updated_at - conv.created_at) >= 60:
        meta.append(f"- **Last updated:** {human_utc(conv.updated_at)}")
    model = model_name(conv, path)
    if model:
        meta.append(f"- **Model:** {_escape_inline(single_line(model))}")
    out += meta + [""]
    hidden = len(conv.messages) - len(path)
    if hidden:
        out += [_quote("**Note:** " + branch_note(hidden)), ""]
    if conv.system_prompt and not any(m.role == "system" for m in path):
        out += ["## System", "", close_open_fences(conv.system_prompt.strip("\n")), ""]
    for msg, (index, total) in zip(path, sibling_positions(conv, path)):
        out += [f"## {role_label(msg.role)}", ""]
        if total > 1:
            out += [f"*Version {index} of {total}; the other versions are not shown.*", ""]
        body = close_open_fences(msg.content.strip("\n"))
        if body.strip():
            out += [body, ""]
        note = STATUS_NOTES.get(msg.status)
        if note:
            out += [_quote(f"**{note}**"), ""]
        if msg.error:
            fence = fence_for(msg.error)
            out += [fence + "text", msg.error.strip("\n"), fence, ""]
    return "\n".join(out).rstrip("\n") + "\n"


def render_markdown(conversations: Sequence[TranscriptConversation]) -> str:
    """Several conversations follow one another, separated by a horizontal rule."""
    return SEPARATOR.join(render_conversation(c).rstrip("\n") for c in conversations) + "\n"
