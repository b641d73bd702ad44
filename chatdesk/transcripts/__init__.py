"""Conversation transcripts: export (Markdown, JSON, HTML, plain text) and JSON import.

Pure functions over the :mod:`.model` dataclasses - nothing here touches the
store, the UI or Qt (an import-linter contract enforces it), so every format
can be tested without a database or a display.  Only the standard library and
Pygments are used (and ``translatable``, so the window can show error sentences in
its own language).
"""

from .atomic import write_atomic
from .errors import TranscriptError
from .export import FORMATS, export_target, export_to_path, format_for_path, render, safe_file_stem, suggest_filename
from .importer import parse_json
from .jsonfmt import FORMAT_NAME, FORMAT_VERSION
from .model import (
                    ROLES,
                    STATUSES,
                    TranscriptAttachment,
                    TranscriptConversation,
                    TranscriptMessage,
                    active_path,
                    hidden_message_count,
                    sibling_positions,
)

__all__ = [
    "FORMATS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ROLES",
    "STATUSES",
    "TranscriptAttachment",
    "TranscriptConversation",
    "TranscriptError",
    "TranscriptMessage",
    "active_path",
    "export_target",
    "safe_file_stem",
    "export_to_path",
    "format_for_path",
    "hidden_message_count",
    "parse_json",
    "render",
    "sibling_positions",
    "suggest_filename",
    "write_atomic",
]
