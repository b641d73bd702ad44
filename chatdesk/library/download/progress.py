"""What the user sees of a running download: bytes, speed, time left, and the "paused" sentence.

Why a module of its own: the window's progress bar and ``chatdesk models download`` show the same
numbers, and how they are made is a decision of its own: a report at most every
``PROGRESS_INTERVAL_S`` (a report per received chunk would flood the GUI thread's queue on a fast
link), the phase changes ("checking", "downloading", "verifying", "done") at once, and the speed
averaged over the last five seconds so the time left does not jump. Cancel keeps the part file,
so the sentence it ends with says where the download paused and that it resumes from there.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from chatdesk.library.download.remote_file import RemoteFile
from chatdesk.library.errors import DownloadCancelled
from translatable import msg

PROGRESS_INTERVAL_S = 0.1
SPEED_WINDOW_S = 5.0  # the speed is averaged over this much of the recent past

ProgressCallback = Callable[["DownloadProgress"], None]


@dataclass(frozen=True)
class DownloadProgress:
    """Where a download stands. ``phase``: "checking" (reading the kept part), "downloading", "verifying", "done"."""

    repo_id: str
    filename: str
    bytes_done: int
    total: int | None
    resumed_from: int
    speed_bps: float | None
    eta_s: float | None
    phase: str

    @property
    def fraction(self) -> float | None:
        return self.bytes_done / self.total if self.total else None


class ProgressMeter:
    """Turns "this many bytes are done" into throttled ``DownloadProgress`` reports with speed and time left."""

    def __init__(self, on_progress: ProgressCallback | None, clock: Callable[[], float] = time.monotonic) -> None:
        self.on_progress = on_progress
        self._clock = clock
        self._last_report = 0.0
        self._samples: deque[tuple[float, int]] = deque()

    def report(self, remote: RemoteFile, done: int, resumed_from: int, phase: str, *, force: bool = False) -> None:
        """Tell ``on_progress`` (unless the last report is too recent and ``force`` is off)."""
        if self.on_progress is None:
            return
        now = self._clock()
        if not force and now - self._last_report < PROGRESS_INTERVAL_S:
            return
        self._last_report = now
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[0][0] > SPEED_WINDOW_S:
            self._samples.popleft()
        speed = eta = None
        t0, b0 = self._samples[0]
        if now - t0 > 0.2 and done > b0:
            speed = (done - b0) / (now - t0)
            if remote.size:
                eta = max(0.0, (remote.size - done) / speed)
        self.on_progress(DownloadProgress(
            repo_id=remote.repo_id, filename=remote.filename, bytes_done=done, total=remote.size,
            resumed_from=resumed_from, speed_bps=speed, eta_s=eta, phase=phase,
        ))


def paused(filename: str, done: int, total: int | None) -> DownloadCancelled:
    """The error Cancel ends a download with: where it paused, and that the next try resumes there."""
    if total:  # one whole sentence each: a translation cannot reorder an English " of 2.0 GB" fragment
        text = msg("The download of {filename} was paused at {value} of {total}. Download it again to resume from there.",
                   filename=filename, value=size_text(done), total=size_text(total))
    else:
        text = msg("The download of {filename} was paused at {value}. Download it again to resume from there.",
                   filename=filename, value=size_text(done))
    return DownloadCancelled(text, done)


def size_text(n: int | None) -> str:
    """A byte count as the download's sentences show it ("512.0 MB", "1.50 GB")."""
    if n is None:
        return "?"
    if n >= 1 << 30:
        return f"{n / (1 << 30):.2f} GB"
    return f"{n / (1 << 20):.1f} MB"
