"""Why a document could not be read, as a code (for tests, the JSON list) and a sentence (for people).

Every failure the indexer records carries one of the ``REASONS`` codes; the sentence comes from
``translatable.msg`` so the window can show it in the interface language.
"""

from __future__ import annotations

from translatable import Text

ENCRYPTED = "encrypted"
CORRUPT = "corrupt"
ZIP_BOMB = "zip_bomb"
BINARY = "binary"
UNREADABLE = "unreadable"
SYMLINK_LOOP = "symlink_loop"
CHANGED = "changed_while_read"
TOO_LARGE = "too_large"
UNSUPPORTED = "unsupported"
EMPTY = "empty"
EMBEDDING = "embedding_failed"

REASONS = (ENCRYPTED, CORRUPT, ZIP_BOMB, BINARY, UNREADABLE, SYMLINK_LOOP, CHANGED, TOO_LARGE, UNSUPPORTED, EMPTY, EMBEDDING)


class DocumentsError(RuntimeError):
    """A documents operation failed as a whole (bad collection name, unusable index file)."""


class ExtractionError(Exception):
    """One file could not be turned into text; the others go on."""

    def __init__(self, reason: str, message: Text | str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
