"""The entry points the UI calls: render conversations to bytes, or to a file."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from .atomic import write_atomic
from .htmlfmt import render_html
from .jsonfmt import render_json
from .mdfmt import render_markdown
from .model import TranscriptConversation
from .textfmt import render_text

# format -> (label for a file dialog, file extension)
FORMATS: dict[str, tuple[str, str]] = {
    "md": ("Markdown", ".md"),
    "json": ("ChatDesk JSON (all branches, re-importable)", ".json"),
    "html": ("Web page (HTML)", ".html"),
    "txt": ("Plain text", ".txt"),
}

_RENDERERS = {"md": render_markdown, "html": render_html, "txt": render_text}

# Extensions people type for each format, beyond the one a new file gets (FORMATS).
_EXTENSIONS: dict[str, str] = {
    ".md": "md", ".markdown": "md", ".mdown": "md",
    ".json": "json",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "txt", ".text": "txt",
}


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The export format a file name asks for by its extension ("notes.HTM" -> "html"), else None."""
    return _EXTENSIONS.get(Path(path).suffix.lower())


def export_target(path: str | os.PathLike[str], chosen: str | None = None) -> tuple[Path, str]:
    """Where an export goes and in which format, from what the user typed in the save dialog.

    Why: the dialog's format choice and the typed name can disagree, and a file called
    ``chat.html`` holding Markdown is a bug the user only finds later. The typed extension wins;
    when the name has none ChatDesk knows, the chosen format (else Markdown) is used and its
    extension added ("notes" -> "notes.md", "v1.2" -> "v1.2.md").
    """
    if chosen is not None and chosen not in FORMATS:
        raise ValueError(f"unknown transcript format {chosen!r}; expected one of {sorted(FORMATS)}")
    p = Path(path)
    typed = format_for_path(p)
    if typed is not None:
        return p, typed
    fmt = chosen or "md"
    return p.with_name(p.name + FORMATS[fmt][1]), fmt


def _check(conversations: Sequence[TranscriptConversation], fmt: str) -> list[TranscriptConversation]:
    if fmt not in FORMATS:
        raise ValueError(f"unknown transcript format {fmt!r}; expected one of {sorted(FORMATS)}")
    if isinstance(conversations, TranscriptConversation):
        raise TypeError("pass a sequence of conversations, e.g. [conversation]")
    convs = list(conversations)
    for conv in convs:
        if not isinstance(conv, TranscriptConversation):
            raise TypeError(f"expected TranscriptConversation, got {type(conv).__name__}")
    return convs


def render(conversations: Sequence[TranscriptConversation], fmt: str, *,
           exported_at: float | None = None) -> bytes:
    """Render one file's worth of conversations as UTF-8 bytes.

    ``exported_at`` (unix seconds) only affects JSON's ``exported_at`` field;
    it defaults to now and exists so output can be made reproducible.
    """
    convs = _check(conversations, fmt)
    if fmt == "json":
        text = render_json(convs, exported_at)
    else:
        text = _RENDERERS[fmt](convs)
    return text.encode("utf-8")


def export_to_path(conversations: Sequence[TranscriptConversation], fmt: str,
                   path: str | os.PathLike[str], *, exported_at: float | None = None) -> Path:
    """Render and write atomically; raises TranscriptError with a user-facing message."""
    data = render(conversations, fmt, exported_at=exported_at)
    write_atomic(path, data)
    return Path(path)


_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def suggest_filename(conversations: Sequence[TranscriptConversation], fmt: str) -> str:
    """A file name that is valid on Windows, macOS and Linux, for the save dialog."""
    convs = _check(conversations, fmt)
    base = convs[0].title if len(convs) == 1 else f"ChatDesk export ({len(convs)} conversations)"
    return safe_file_stem(base) + FORMATS[fmt][1]


def safe_file_stem(title: str) -> str:
    """``title`` as a file name without extension, valid on Windows, macOS and Linux."""
    base = unicodedata.normalize("NFC", title)
    base = " ".join(_UNSAFE.sub(" ", base).split()).strip(" .")[:80].strip(" .")
    if not base or base.split(".")[0].upper() in _RESERVED:
        base = f"chatdesk-{base}" if base else "chatdesk-transcript"
    return base
