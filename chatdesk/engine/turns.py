"""Whose turn it is on one engine: the person typing in the window first, API clients between tokens.

Why: ChatDesk's local server (``chatdesk.server``) and the window can drive the same loaded
model. A llama.cpp context holds one conversation's KV cache, so only one reply can be decoded at
a time, and the person in the window must not wait for a server client's 2,000-token reply to end.
So the server decodes under a *background* turn and offers the engine back between every two
token steps (and between prompt chunks); the window takes an *interactive* turn, which it gets as
soon as the running background step ends: it waits at most one token step (or one prompt chunk).
After the window's reply, the background reply resumes where it was: the engine re-evaluates its
prompt and the tokens generated so far (the window's reply replaced the KV cache), keeping its
sampler state, so the client only sees a pause.

Use (no Qt; any threads)::

    gate = TurnGate()
    engine.turns = gate                      # LlamaEngine checks it between tokens
    with gate.interactive():                 # the window's worker, around load/generate/unload
        engine.generate(...)
    with gate.background():                  # the server's worker, around one request
        engine.generate(...)                 # pauses inside while the window holds the engine

Several interactive waiters are served one after another; background turns wait while any
interactive turn waits or runs.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

INTERACTIVE = "interactive"
BACKGROUND = "background"


class TurnGate:
    """A lock with two priorities, and a cheap check for the background holder between tokens."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._owner: str | None = None
        self._owner_thread: int | None = None
        self._interactive_waiting = 0
        self.preemptions = 0  # background turns paused for the window (observable in tests and the panel)

    @property
    def owner(self) -> str | None:
        """``"interactive"``, ``"background"`` or None (free)."""
        return self._owner

    @property
    def interactive_waiting(self) -> int:
        """Window replies waiting for the engine."""
        return self._interactive_waiting

    def _take(self, who: str) -> None:
        self._owner = who
        self._owner_thread = threading.get_ident()

    def _release(self) -> None:
        self._owner = None
        self._owner_thread = None
        self._cond.notify_all()

    @contextmanager
    def interactive(self, timeout: float | None = None) -> Iterator[None]:
        """Hold the engine for the window; waits for at most the running background token step.

        ``timeout`` (seconds) bounds the wait for another *interactive* holder; TimeoutError then."""
        with self._cond:
            self._interactive_waiting += 1
            try:
                if not self._cond.wait_for(lambda: self._owner is None, timeout):
                    raise TimeoutError("the engine is busy")
            finally:
                self._interactive_waiting -= 1
            self._take(INTERACTIVE)
        try:
            yield
        finally:
            with self._cond:
                self._release()

    @contextmanager
    def background(self, cancelled: threading.Event | None = None) -> Iterator[bool]:
        """Hold the engine for one server request. Yields False (and holds nothing) when
        ``cancelled`` was set while waiting."""
        got = False
        with self._cond:
            while True:
                if cancelled is not None and cancelled.is_set():
                    break
                if self._owner is None and not self._interactive_waiting:
                    self._take(BACKGROUND)
                    got = True
                    break
                self._cond.wait(0.1 if cancelled is not None else None)
        try:
            yield got
        finally:
            if got:
                with self._cond:
                    self._release()

    def offer(self) -> bool:
        """Called by the engine between steps. When this thread holds a background turn and the
        window waits, hand the engine over and wait for it back: True means someone else used
        the engine meanwhile (its KV cache no longer holds this reply)."""
        if self._owner != BACKGROUND or not self._interactive_waiting or self._owner_thread != threading.get_ident():
            return False
        with self._cond:
            if not self._interactive_waiting:
                return False
            self.preemptions += 1
            self._release()
            self._cond.wait_for(lambda: self._owner is None and not self._interactive_waiting)
            self._take(BACKGROUND)
            return True
