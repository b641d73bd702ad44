"""Library failures, each carrying a sentence the user can act on.

The window shows ``str(exc)`` as it is and ``chatdesk models`` prints it on one line, so every
message says what happened and what to do next; ``kind`` lets a caller choose a button
("Sign in", "Retry", "Resume") without parsing the text.
"""

from __future__ import annotations


class LibraryError(RuntimeError):
    """Anything the model library reports to the user (bad file, unknown id, unreadable library)."""


class HubError(LibraryError):
    """Talking to the Hugging Face Hub failed.

    ``kind`` is one of: ``offline``, ``not_found``, ``auth``, ``gated``, ``server``, ``rate_limited``,
    ``timeout``, ``connection``, ``bad_reference``, ``http``.
    """

    def __init__(self, message: str, kind: str = "http") -> None:
        super().__init__(message)
        self.kind = kind


class DownloadError(HubError):
    """A download stopped. ``partial_bytes`` of it are kept on disk for resuming (0: nothing kept).

    Extra kinds: ``disk_space``, ``hash_mismatch``, ``invalid_model``, ``busy``, ``cancelled``, ``disk``.
    """

    def __init__(self, message: str, kind: str = "http", partial_bytes: int = 0) -> None:
        super().__init__(message, kind)
        self.partial_bytes = partial_bytes


class DownloadCancelled(DownloadError):
    """The caller's cancel Event was set; the partial file is kept and the next call resumes it."""

    def __init__(self, message: str, partial_bytes: int) -> None:
        super().__init__(message, "cancelled", partial_bytes)
