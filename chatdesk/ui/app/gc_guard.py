"""Python's cycle collector, run on the GUI thread only.

The cyclic garbage collector runs in whichever thread happens to cross an allocation threshold:
often a thread-pool task (a search, a library read) or the inference worker. When the garbage it
finds holds Qt objects — a closed dialog, a finished window caught in a reference cycle through
a lambda — their C++ destructors then run on that thread, while Qt requires an object to be
destroyed in the thread it lives in. That crashed the test run once with a segmentation fault
("Garbage-collecting" in a thread-pool thread). So automatic collection is switched off, and a
timer on the GUI thread collects whenever the allocation counts say a collection is due (the same
decisions the collector would make, at most half a second late).

Collections happen on the GUI thread, so their length is a stall. Once the window is built,
``settle`` freezes the heap (``gc.freeze``): the start-up heap (modules, classes, the window's
widgets; about 100,000-120,000 objects with the bundled model loaded) lives as long as the
application, and walking it made every full collection cost the GUI thread 98-112 ms on the 2-core
development machine; frozen, a full collection walks only what was made since (0.01 ms right after).
Objects alive at start-up are never freed by the collector afterwards, which is what they would be
anyway.

``settle`` does not collect first. That collection walked the whole heap on the GUI thread right
before the event loop, so the first keys typed and the first Send waited for it: 156-251 ms in
``benchmarks/startup.py`` on the busy 2-core machine (collecting only the youngest generation,
which holds everything made since the collector was switched off, still took 102-107 ms). It found
43-154 unreachable objects; frozen with the rest they stay for the application's life (a few
kilobytes, never destroyed on a wrong thread).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 500


class MainThreadCollector(QObject):
    """Owns the decision to collect; create it once, on the GUI thread, while the app runs."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self.setObjectName("mainThreadCollector")
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    @staticmethod
    def settle() -> None:
        """Freeze the heap: call when the start-up objects exist (the window is built), before
        the event loop runs. No collection first (see the module's docstring)."""
        gc.freeze()

    def stop(self) -> None:
        """Hand collection back to Python (the application is about to end, or a test is done)."""
        self._timer.stop()
        gc.unfreeze()  # later collections walk everything again, as Python's own would
        gc.enable()

    @staticmethod
    def collect_if_due() -> int:
        """Collect the oldest generation whose count passed its threshold; the number found."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                return gc.collect(generation)
        return 0
