"""Garbage holding Qt objects is destroyed on the GUI thread, whoever allocates meanwhile."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from chatdesk.ui.app.gc_guard import MainThreadCollector


class _Cycle:
    pass


def test_qt_garbage_is_destroyed_on_the_gui_thread(qtbot):
    collector = MainThreadCollector(interval_ms=20)
    try:
        assert not gc.isenabled()
        where: list[threading.Thread] = []
        holder = _Cycle()
        holder.me = holder  # only the cycle collector can free it
        holder.obj = QObject()
        holder.obj.destroyed.connect(lambda *_: where.append(threading.current_thread()))
        del holder

        kept: list[list[int]] = []

        def allocate() -> None:  # a thread-pool task that crosses the collection threshold
            kept.extend([i] for i in range(gc.get_threshold()[0] * 20))

        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join()
        assert where == []  # nothing collected on the allocating thread
        qtbot.waitUntil(lambda: bool(where), timeout=10_000)
        assert where == [threading.main_thread()]
    finally:
        collector.stop()
    assert gc.isenabled()


def test_settle_freezes_the_start_up_heap_and_later_garbage_is_still_collected(qtbot):
    collector = MainThreadCollector(interval_ms=20)
    try:
        before = _Cycle()
        before.me = before  # alive at start-up: frozen with the rest
        lost = _Cycle()
        lost.me = lost
        lost_ref = weakref.ref(lost)
        del lost  # garbage at start-up: settle does not pay for a whole-heap collection to free it
        collector.settle()
        assert gc.get_freeze_count() > 1000  # the modules, classes and Qt wrappers of this process
        assert gc.collect() == 0  # nothing left to walk but what was made since
        assert lost_ref() is not None  # frozen with the rest (a few objects at a real start-up)

        freed: list[bool] = []
        after = _Cycle()
        after.me = after
        after.obj = QObject()
        after.obj.destroyed.connect(lambda *_: freed.append(True))
        del after
        assert gc.collect() > 0 and freed == [True]  # made after the freeze: collected as before
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0  # stop() hands everything back to the collector
