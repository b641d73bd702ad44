"""The one exception type the transcript layer raises.

The UI shows ``str(error)`` to the user as-is, so every message is written as
a complete, human sentence that says what went wrong and, where possible,
what to do about it.  Programming errors (wrong argument types, unknown
format names) raise the usual ``TypeError``/``ValueError`` instead.
"""

from __future__ import annotations


class TranscriptError(Exception):
    """An export or import failed for a reason the user should be told about."""
