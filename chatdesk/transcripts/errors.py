"""The one exception type the transcript layer raises.

Every message is a complete, human sentence that says what went wrong and,
where possible, what to do about it, built with ``translatable.msg``: ``str(error)``
is the English (the command line), and the window shows it in its own language.  Programming errors (wrong argument types, unknown
format names) raise the usual ``TypeError``/``ValueError`` instead.
"""

from __future__ import annotations


class TranscriptError(Exception):
    """An export or import failed for a reason the user should be told about."""
