"""How many threads llama.cpp should use right now, given what else the machine is running.

llama.cpp's CPU threads meet at a barrier after every operation of every token. When other
programs keep the cores busy, one of our threads is often descheduled while the others spin at
that barrier, and the reply crawls: on a 2-core machine with two busy background processes a
2-thread reply streamed at 4.6-35 tok/s, a 1-thread reply at 47-96 tok/s (idle: about 145 and 125).
So the engine asks before each reply, and again every half second while it streams, how many
cores are really free, and uses that many threads (never more than the user's limit). The thread
count does not change llama.cpp's results on the CPU (each output value is computed by one thread;
``tests/test_reproducible.py`` checks it), so this costs no reproducibility.

Linux only (``/proc``); elsewhere the answer is always "all of them".
"""

from __future__ import annotations

import os
import time
from pathlib import Path

RECHECK_S = 0.5


def usable_cpus() -> int:
    """CPUs this process may run on (taskset/cgroup affinity), not the machine's total."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _procs_running() -> int | None:
    try:
        for line in Path("/proc/stat").read_text().splitlines():
            if line.startswith("procs_running"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def _own_running() -> int:
    n = 0
    try:
        for task in os.scandir("/proc/self/task"):
            try:
                stat = Path(task.path, "stat").read_text()
            except OSError:
                continue
            if stat[stat.rfind(")") + 2 : stat.rfind(")") + 3] == "R":
                n += 1
    except OSError:
        return 1
    return n


def busy_elsewhere(samples: int = 3, gap_s: float = 0.001) -> int:
    """Threads of other programs that are runnable now (the least of a few quick samples, so a
    brief wake-up elsewhere does not count as load)."""
    seen = []
    for i in range(samples):
        total = _procs_running()
        if total is None:
            return 0
        seen.append(max(0, total - _own_running()))
        if i + 1 < samples:
            time.sleep(gap_s)
    return min(seen)


def fair_threads(limit: int, samples: int = 3) -> int:
    """Threads to use now: the free cores, at least one, at most ``limit``."""
    return max(1, min(limit, usable_cpus() - busy_elsewhere(samples=samples)))
