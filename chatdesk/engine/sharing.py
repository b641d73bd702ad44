"""The window's loaded model, lent to the local server so one model is never loaded twice.

Why: the window's inference worker keeps one llama.cpp model loaded. When the local server
(``chatdesk.server``, started from the window's Server panel) is asked for that same model,
loading a second copy would double its memory and its load time. Instead the worker *lends* its
engine here and the server's pool *borrows* it (``ModelPool.slot``); both then take turns on one
``TurnGate`` (``turns.py``): the window interactively, the server between tokens.

Rules, all in this one object:

* The worker lends after a load succeeds and withdraws before it loads another model, unloads
  or shuts down. ``withdraw`` tells the borrowers (the pool's ``release``), which stop the
  requests still running on that engine, so nothing decodes with a model that is being swapped.
* ``borrow`` runs the borrower's adoption under the same lock as ``lend``/``withdraw``: an
  adoption either happens before a withdraw (and is then released by it) or sees nothing to
  borrow. Listeners run outside the lock (releasing waits for the server's worker thread).

Qt-free, any thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from chatdesk.engine.turns import TurnGate

T = TypeVar("T")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


class EngineShare:
    def __init__(self) -> None:
        self.gate = TurnGate()  # the one gate every user of the lent engine takes turns on
        self._lock = threading.Lock()
        self._engine: Any = None
        self._path: Path | None = None
        self._listeners: list[Callable[[], None]] = []

    @property
    def path(self) -> Path | None:
        """The file of the model on loan, or None."""
        return self._path

    def lend(self, engine: Any, path: Path) -> None:
        """Offer the worker's loaded local engine (its ``turns`` is set to this share's gate)."""
        engine.turns = self.gate
        with self._lock:
            self._engine, self._path = engine, Path(path)

    def withdraw(self) -> None:
        """Take the engine back before it changes; borrowers are told and stop using it."""
        with self._lock:
            lent = self._engine is not None
            self._engine, self._path = None, None
            listeners = list(self._listeners)
        if lent:
            for listener in listeners:
                listener()

    def borrow(self, path: str | Path, adopt: Callable[[Any, TurnGate], T]) -> T | None:
        """``adopt(engine, gate)`` when the lent engine holds ``path``; None otherwise."""
        with self._lock:
            if self._engine is None or self._path is None or not _same_file(self._path, Path(path)):
                return None
            return adopt(self._engine, self.gate)

    def subscribe(self, on_withdraw: Callable[[], None]) -> Callable[[], None]:
        """Call ``on_withdraw()`` (from the lender's thread) whenever the engine is taken back."""
        with self._lock:
            self._listeners.append(on_withdraw)

        def unsubscribe() -> None:
            with self._lock:
                if on_withdraw in self._listeners:
                    self._listeners.remove(on_withdraw)

        return unsubscribe
