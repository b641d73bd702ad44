"""Small helpers shared by the exporters (time stamps, labels, code fences)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from .model import TranscriptConversation, TranscriptMessage

ROLE_LABELS = {"system": "System", "user": "User", "assistant": "Assistant"}

# Shown under a turn whose reply did not finish normally.  Exports must not
# pass off a truncated reply as a complete one.
STATUS_NOTES = {
    "stopped": "Stopped by the user before the reply was finished.",
    "interrupted": "Interrupted: ChatDesk closed while this reply was being written.",
    "streaming": "Still being written when this transcript was exported.",
    "error": "The reply failed with an error.",
}


def iso_utc(ts: float) -> str:
    """ISO 8601 in UTC with a ``Z`` suffix (millisecond precision, for humans and tools)."""
    if not math.isfinite(ts):
        raise ValueError(f"timestamp is not a finite number: {ts!r}")
    return datetime.fromtimestamp(ts, tz=timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def human_utc(ts: float) -> str:
    """Readable date for document headers.  UTC so output doesn't depend on the machine."""
    try:
        return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    except (ValueError, OverflowError, OSError):
        return "unknown date"


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role.capitalize() or "Message")


def model_name(conv: TranscriptConversation, path: list[TranscriptMessage]) -> str | None:
    """The conversation's model, falling back to the newest reply's provenance."""
    if conv.model:
        return conv.model
    for msg in reversed(path):
        name = _prov_str(msg.provenance, "model", "model_name")
        if name:
            return name
    return None


def reply_model(msg: TranscriptMessage) -> str | None:
    return _prov_str(msg.provenance, "model", "model_name")


def _prov_str(prov: Mapping[str, Any] | None, *keys: str) -> str | None:
    if not prov:
        return None
    for key in keys:
        value = prov.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def single_line(text: str) -> str:
    """Titles must not span lines in any format."""
    return " ".join(text.split()) or "Untitled conversation"


def branch_note(hidden: int) -> str:
    noun = "message" if hidden == 1 else "messages"
    return (f"This conversation has other branches (regenerated replies or edited messages): "
            f"{hidden} {noun} not shown here. Export as JSON to keep every branch.")


# --- code fences ------------------------------------------------------------

_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


def fence_for(text: str, char: str = "`") -> str:
    """A fence longer than any run of ``char`` inside ``text`` (never shorter than 3).

    Wrapping text that itself contains a fenced block in a longer fence keeps
    the outer block intact.
    """
    longest = max((len(m) for m in re.findall(re.escape(char) + "+", text)), default=0)
    return char * max(3, longest + 1)


def close_open_fences(text: str) -> str:
    """Append a closing fence if ``text`` ends inside an unclosed fenced code block.

    A reply that was stopped mid-stream often ends inside a code block; copied
    verbatim into a Markdown document it would swallow every following turn.
    Everything else is returned unchanged.
    """
    open_fence: tuple[str, str] | None = None  # (indent, fence)
    for line in text.split("\n"):
        if open_fence is None:
            m = _FENCE_OPEN.match(line)
            if m and not (m["fence"][0] == "`" and "`" in m["info"]):
                open_fence = (m["indent"], m["fence"])
        else:
            stripped = line.strip()
            char, size = open_fence[1][0], len(open_fence[1])
            if len(stripped) >= size and stripped == char * len(stripped):
                open_fence = None
    if open_fence is None:
        return text
    return text.rstrip("\n") + "\n" + open_fence[0] + open_fence[1]
