"""Split a burst of GUI-thread work into slices the event loop can breathe between.

``QTimer.singleShot(0, fn)`` does not do that: Qt runs a zero-delay single shot as a posted call,
before any timer that is already due, so "do this now, that in a moment" ran as one block, and
so did the repaint it caused. ``next_slice`` uses a real timer of one millisecond instead: timers
already due (the window's own, a repaint, input) run first. Measured with ``benchmarks/ui_stall.py``
(a 5 ms timer's ticks): a chat's first Send, whose commit, showing and announcement ran back to back,
stalled the window 55 ms; as three slices its worst gap was 15-21 ms.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

SLICE_MS = 1


def next_slice(owner: QObject, fn: Callable[[], object]) -> None:
    """Run ``fn`` on the GUI thread after the timers already due; never after ``owner`` is gone."""
    QTimer.singleShot(SLICE_MS, owner, fn)
