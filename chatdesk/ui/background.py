"""Run a short blocking function (database search, export, bulk delete) off the GUI thread.

The result or the exception comes back through a queued signal, so the callback runs on the GUI
thread. Tasks run on Qt's global thread pool; ``wait_all`` lets shutdown drain them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object, object)  # result, exception


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - delivered to the callback
            self.relay.done.emit(None, exc)
            return
        self.relay.done.emit(result, None)


_live: set[_Relay] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    relay = _Relay()
    _live.add(relay)

    def deliver(result: Any, exc: BaseException | None) -> None:
        _live.discard(relay)
        relay.deleteLater()
        if exc is not None:
            on_error(exc)
        else:
            on_done(result)

    relay.done.connect(deliver)
    QThreadPool.globalInstance().start(_Task(fn, relay))


def wait_all(timeout_ms: int = 2000) -> bool:
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
