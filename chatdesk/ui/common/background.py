"""Run a short blocking function (database search, export, bulk delete) off the GUI thread.

The result or the exception comes back through a queued signal, so the callback runs on the GUI
thread. Tasks run on Qt's global thread pool; ``wait_all`` lets shutdown drain them.

Work is bound to its owner (the pattern of Anki's ``QueryOp``): pass ``owner=`` a QObject and the
callbacks are dropped once that object is destroyed, so a closed window or dialog never receives
a late result, and callers need no ``shiboken6.isValid`` checks of their own. Pass ``key=`` as
well for "latest wins": of several tasks an owner started under one key, only the newest one's
result is delivered (a search typed letter by letter shows the last query's hits, never an older
query's that finished later).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
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
            result, exc = self.fn(), None
        except BaseException as error:  # noqa: BLE001 - delivered to the callback
            result, exc = None, error
        try:
            self.relay.done.emit(result, exc)
        except RuntimeError:
            # The application is shutting down and Qt already deleted the relay: there is nobody
            # left to tell, and raising here would only print a traceback on the pool thread.
            pass


_live: set[_Relay] = set()
# Owner-bound bookkeeping: id(owner) -> {key: generation}; cleared when the owner is destroyed.
_latest: dict[int, dict[str, int]] = {}
_gone: set[int] = set()


def _track(owner: QObject) -> int:
    ident = id(owner)
    if ident not in _latest:
        _latest[ident] = {}
        _gone.discard(ident)

        def forget(_obj: object = None, ident: int = ident) -> None:
            _latest.pop(ident, None)
            _gone.add(ident)

        owner.destroyed.connect(forget)
    return ident


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    owner: QObject | None = None,
    key: str | None = None,
) -> None:
    """Run ``fn`` on the thread pool; ``on_done(result)`` or ``on_error(exc)`` on the GUI thread.

    With ``owner``, neither callback runs after the owner was destroyed; with ``key`` too, only the
    newest task of that owner and key delivers.
    """
    relay = _Relay()
    _live.add(relay)
    ident = _track(owner) if owner is not None else None
    generation = 0
    if ident is not None and key is not None:
        generation = _latest[ident].get(key, 0) + 1
        _latest[ident][key] = generation
    owner_ref = weakref.ref(owner) if owner is not None else None

    def wanted() -> bool:
        if ident is None:
            return True
        alive = owner_ref() if owner_ref is not None else None
        if ident in _gone or alive is None or not shiboken6.isValid(alive):
            return False
        return key is None or _latest.get(ident, {}).get(key) == generation

    def deliver(result: Any, exc: BaseException | None) -> None:
        _live.discard(relay)
        relay.deleteLater()
        if not wanted():
            return
        if exc is not None:
            on_error(exc)
        else:
            on_done(result)

    relay.done.connect(deliver)
    QThreadPool.globalInstance().start(_Task(fn, relay))


def supersede(owner: QObject, key: str) -> None:
    """Drop the result of ``owner``'s running task under ``key`` (e.g. the search box was cleared)."""
    ident = _track(owner)
    _latest[ident][key] = _latest[ident].get(key, 0) + 1


def wait_all(timeout_ms: int = 2000) -> bool:
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
