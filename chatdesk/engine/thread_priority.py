"""The model's threads give way to the window's: the thread that runs llama.cpp asks for a lower
CPU priority, and the compute threads llama.cpp starts from it inherit that.

Why. On a 2-core machine llama.cpp keeps both cores busy while it writes a reply, and the GUI
thread competes with its threads on equal terms: work the window needs 10 ms for waited for a
core, and ``benchmarks/ui_stall.py`` saw most of its gaps over 16 ms with less than 16 ms of GUI
work in them (the code case: 1,896 gaps over 16 ms, 164 of them with over 16 ms of GUI-thread CPU).
With the model's threads at a lower priority (a higher "nice" value) the kernel runs the GUI
thread first when both want a core; when the window is idle the model has the cores to itself, so
a reply's speed is unchanged.

The cost, and why 2. Against other programs' busy threads the model then gets less than an equal
share: a nice value can only be raised without privilege, never lowered again, so it cannot be
given back while the machine is busy. Measured in one sitting each (ui_stall --case story, stream
p99): nice 0 15.6-17.8 ms, 2 13.9 ms, 5 13.4-14.1 ms; stream_throughput --busy 2 (the reply's
speed with two busy processes, as a share of idle; a noisy run): nice 0 0.47, nice 5 0.24. Nice 2
keeps most of the window's gain for a fraction of the loss (its weight is 64 % of nice 0's,
nice 5's 33 %).

Linux only: there a thread's nice value is its own (``setpriority`` on its thread id), and threads
inherit the value of the thread that creates them (llama.cpp's OpenMP threads are created by the
first thread that decodes). Raising the value needs no privilege. Elsewhere this does nothing.
``CHATDESK_MODEL_NICE`` sets the step (0 turns it off; the benchmarks compare both).
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

MODEL_NICE = 2  # how far below the window the model's threads run (0..19 on Linux)
NICE_ENV = "CHATDESK_MODEL_NICE"  # overrides MODEL_NICE (0: the model at the window's priority)


def lower_this_thread(step: int | None = None) -> bool:
    """Lower the calling thread's CPU priority by ``step`` nice levels (default ``MODEL_NICE``, at
    most to 19). Returns whether it was done (False off Linux, or if the kernel refused)."""
    if step is None:
        try:
            step = int(os.environ.get(NICE_ENV, MODEL_NICE))
        except ValueError:
            step = MODEL_NICE
    if not sys.platform.startswith("linux") or step <= 0:
        return False
    tid = threading.get_native_id()
    try:
        now = os.getpriority(os.PRIO_PROCESS, tid)
        os.setpriority(os.PRIO_PROCESS, tid, min(19, now + step))
    except OSError as exc:  # a sandbox that forbids it: run at the normal priority
        log.info("Could not lower the model thread's priority: %s", exc)
        return False
    return True


def thread_nice(native_id: int) -> int | None:
    """The nice value of thread ``native_id`` of this process (None off Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return os.getpriority(os.PRIO_PROCESS, native_id)
    except OSError:
        return None
