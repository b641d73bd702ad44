"""How long a store call waits behind another program's lock, per thread.

The GUI thread must never freeze for seconds behind another program's lock: it gives up after
``INTERACTIVE_BUSY_TIMEOUT_MS`` and says so, while background threads (the worker's flushes) wait
the full ``BUSY_TIMEOUT_MS``. Kept free of SQLAlchemy so the window can mark its thread before the
database is opened.
"""

from __future__ import annotations

import threading

BUSY_TIMEOUT_MS = 3000
INTERACTIVE_BUSY_TIMEOUT_MS = 250

_thread = threading.local()


def mark_interactive_thread() -> None:
    """Make store calls from the current thread give up quickly on a locked database."""
    _thread.interactive = True


def busy_timeout_ms() -> int:
    return INTERACTIVE_BUSY_TIMEOUT_MS if getattr(_thread, "interactive", False) else BUSY_TIMEOUT_MS
