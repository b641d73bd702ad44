"""Waking the server's event loop from a model's worker thread without handing it the GIL.

Why: asyncio's ``call_soon_threadsafe`` wakes the loop by writing a byte to its self-pipe with
``socket.send``, which releases the GIL. The loop thread, woken by that very byte, takes the GIL
and runs its whole share of the token (the SSE chunk, the socket write) while the worker waits to
take it back before its next ``llama_decode``. Measured with ``chatdesk serve`` on 2 threads and
2 cores, one streaming client, 6 alternated runs of 256 tokens: that wake cost 450-790 µs
(median per token) of an 11-12 ms step, and the gap between two decode steps was 0.92-1.31 ms.

Here the byte goes through libc's ``write`` called with the GIL kept (``ctypes.PyDLL``). The
loop wakes but can run only once the worker releases the GIL inside ``llama_decode``, so its
work overlaps the decode instead of delaying it: the wake costs 91-108 µs, the gap 0.56-0.67 ms,
and one client's tokens/s went from 76.0 to 79.3 (medians of the same 6 rounds).

The pipe is the loop's own reader (``add_reader``), public asyncio API. Where a loop has no
readers (Windows' proactor loop) or libc cannot be called, ``waker_for`` falls back to
``call_soon_threadsafe``.
"""

from __future__ import annotations

import asyncio
import collections
import ctypes
import logging
import os
import threading
import weakref
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

_WAKERS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = weakref.WeakKeyDictionary()


def _gil_keeping_write() -> Callable[[int, bytes, int], int] | None:
    """libc's ``write`` as a foreign call that keeps the GIL (None where there is no libc)."""
    if os.name != "posix":
        return None
    try:
        write = ctypes.PyDLL(None).write
    except (OSError, AttributeError):
        return None
    write.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t]
    write.restype = ctypes.c_ssize_t
    return write


_WRITE = _gil_keeping_write()


class PipeWaker:
    """Runs callables on the loop, handed over from any thread through a pipe the loop reads.

    One per loop, shared by every request on it. Callables wait in a deque; the pipe gets a byte
    only when the loop is not already due to run them."""

    def __init__(self, loop: asyncio.AbstractEventLoop, write: Callable[[int, bytes, int], int]) -> None:
        self._write = write
        self._calls: collections.deque[Callable[[], None]] = collections.deque()
        self._lock = threading.Lock()
        self._signalled = False
        self._r, self._w = os.pipe()
        os.set_blocking(self._r, False)
        os.set_blocking(self._w, False)
        try:
            loop.add_reader(self._r, self._run)
        except BaseException:
            _close(self._r, self._w)
            raise
        # The loop's selector holds ``_run`` and so this waker; the waker holds no reference to
        # the loop. When the loop is collected, the pipe is closed with it.
        weakref.finalize(loop, _close, self._r, self._w)

    def call(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the loop soon (any thread)."""
        self._calls.append(fn)
        with self._lock:
            if self._signalled:
                return
            self._signalled = True
        self._write(self._w, b"\0", 1)  # non-blocking; a full pipe is already a pending wake

    def _run(self) -> None:
        try:
            os.read(self._r, 4096)
        except (BlockingIOError, InterruptedError):
            pass
        with self._lock:
            self._signalled = False
        calls = self._calls
        while calls:
            fn = calls.popleft()
            try:
                fn()
            except Exception:  # one request's failure must not stop the others' wake-ups
                log.exception("a call handed to the event loop failed")


def _close(*fds: int) -> None:
    for fd in fds:
        try:
            os.close(fd)
        except OSError:
            pass


class _ThreadsafeWaker:
    """The fallback: ``call_soon_threadsafe`` (the GIL is handed over at each wake). It holds its
    loop weakly: as ``_WAKERS``' value, a strong reference would keep every closed loop alive."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = weakref.ref(loop)

    def call(self, fn: Callable[[], None]) -> None:
        loop = self._loop()
        if loop is None:
            return  # the loop is gone: the server is gone, nobody listens
        try:
            loop.call_soon_threadsafe(fn)
        except RuntimeError:  # the loop is closed
            pass


def waker_for(loop: asyncio.AbstractEventLoop) -> Any:
    """The waker of ``loop`` (created on first use; call it on the loop's own thread)."""
    waker = _WAKERS.get(loop)
    if waker is None:
        waker = _ThreadsafeWaker(loop)
        if _WRITE is not None:
            try:
                waker = PipeWaker(loop, _WRITE)
            except (NotImplementedError, OSError) as exc:  # a loop without readers; out of descriptors
                log.info("waking the server's loop with call_soon_threadsafe: %s", exc)
        _WAKERS[loop] = waker
    return waker
