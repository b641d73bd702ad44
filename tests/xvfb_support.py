"""A private Xvfb server for the window tests (end-to-end and bundle smoke test)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator


@contextlib.contextmanager
def private_display() -> Iterator[str]:
    """Start Xvfb on a display it picks itself (-displayfd) and yield ":N"; -noreset keeps it up
    between clients. Xvfb, xdotool and ImageMagick come from scripts/dev.sh's apt packages."""
    for tool in ("Xvfb", "xdotool", "import"):
        assert shutil.which(tool), f"{tool} is required for window tests (see scripts/dev.sh)"
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        buf = b""
        deadline = time.monotonic() + 20
        while not buf.endswith(b"\n") and time.monotonic() < deadline:
            chunk = os.read(read_fd, 32)  # "N\n" once the server accepts connections
            if not chunk:
                break
            buf += chunk
        assert buf.strip().isdigit(), f"Xvfb did not report a display (exit code {proc.poll()})"
        yield f":{buf.decode().strip()}"
    finally:
        os.close(read_fd)
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
