"""Plain-text export: the active branch, wrapped to 80 columns for reading anywhere.

Columns are *display* columns: CJK characters and most emoji take two, so a
line of Chinese is wrapped at 40 characters, not 80.  Lines inside fenced
code blocks are never wrapped (re-wrapping code changes its meaning).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from .common import STATUS_NOTES, branch_note, close_open_fences, human_utc, model_name, role_label, single_line
from .model import TranscriptConversation, active_path, sibling_positions

WIDTH = 80
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HANGING = re.compile(r"^(\s*(?:[-+*]|\d{1,9}[.)]|>)\s+)")


def char_width(ch: str) -> int:
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\u200e\u200f\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(char_width(c) for c in text)


def _tokens(text: str) -> list[str]:
    """Words, spaces, and single wide characters (CJK may break between any two)."""
    return re.findall(r"\s+|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60"
                      r"\U0001f300-\U0001faff\U00020000-\U0003fffd]+|\S", text)


def wrap_line(line: str, width: int = WIDTH) -> list[str]:
    """Greedy wrap of one line; list items and quotes get a hanging indent."""
    line = line.rstrip().expandtabs(4)
    if text_width(line) <= width:
        return [line]
    m = _HANGING.match(line)
    lead = m.group(1) if m else line[: len(line) - len(line.lstrip())]
    hang = " " * text_width(lead) if not lead.strip().startswith(">") else lead
    if text_width(hang) > width // 2:
        lead = hang = ""
    out: list[str] = []
    cur, cur_w = lead, text_width(lead)
    for tok in _tokens(line[len(lead):]):
        if tok.isspace():
            if cur_w > text_width(hang if out else lead):
                cur, cur_w = cur + " ", cur_w + 1
            continue
        w = text_width(tok)
        if cur_w + w > width and cur.strip():
            out.append(cur.rstrip())
            cur, cur_w = hang, text_width(hang)
        while cur_w + w > width:  # a single word longer than the line: hard break
            room = width - cur_w
            piece, piece_w = "", 0
            for ch in tok:
                if piece_w + char_width(ch) > room:
                    break
                piece, piece_w = piece + ch, piece_w + char_width(ch)
            if not piece:  # nothing fits (wide char at the edge)
                out.append(cur.rstrip())
                cur, cur_w = hang, text_width(hang)
                continue
            out.append(cur + piece)
            tok, w = tok[len(piece):], w - piece_w
            cur, cur_w = hang, text_width(hang)
        cur, cur_w = cur + tok, cur_w + w
    if cur.strip():
        out.append(cur.rstrip())
    return out


def wrap_text(text: str, width: int = WIDTH) -> str:
    """Wrap prose; copy fenced code blocks line for line."""
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)
            out.append(line.rstrip())
        elif fence is not None:
            out.append(line.rstrip())
            if m and line.strip() == fence[0] * len(line.strip()) and len(line.strip()) >= len(fence):
                fence = None
        else:
            out.extend(wrap_line(line, width) if line.strip() else [""])
    return "\n".join(out)


def render_conversation(conv: TranscriptConversation) -> str:
    path = active_path(conv)
    title = single_line(conv.title)
    out = wrap_line(title)
    out.append("=" * min(WIDTH, max(text_width(line) for line in out)))
    out.append(f"Date:  {human_utc(conv.created_at)}")
    model = model_name(conv, path)
    if model:
        out.extend(wrap_line(f"Model: {single_line(model)}"))
    hidden = len(conv.messages) - len(path)
    if hidden:
        out += [""] + wrap_line("Note: " + branch_note(hidden))
    if conv.system_prompt and not any(m.role == "system" for m in path):
        out += ["", "[System]", wrap_text(close_open_fences(conv.system_prompt.strip("\n")))]
    for msg, (index, total) in zip(path, sibling_positions(conv, path)):
        head = f"[{role_label(msg.role)}]"
        if total > 1:
            head += f" (version {index} of {total})"
        out += ["", head]
        if msg.content.strip():
            out.append(wrap_text(close_open_fences(msg.content.strip("\n"))))
        note = STATUS_NOTES.get(msg.status)
        if note or msg.error:
            out.append("")
        if note:
            out.extend(wrap_line(f"({note})"))
        if msg.error:
            out.extend(wrap_line("Error: " + single_line(msg.error)))
    return "\n".join(out) + "\n"


def render_text(conversations: Sequence[TranscriptConversation]) -> str:
    separator = "\n" + "#" * WIDTH + "\n\n"
    return separator.join(render_conversation(c) for c in conversations)
