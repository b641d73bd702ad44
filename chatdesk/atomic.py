"""The one crash-safe file write of ChatDesk: the target is either the complete new file or untouched.

Data goes to a temporary file in the same folder (so the final rename stays on one file system),
is fsynced, then ``os.replace``d over the target, and the folder is fsynced so the rename itself
survives a power cut. An existing file keeps its permissions; a new one gets the usual mode of a
data file (0o666 minus the umask), not ``mkstemp``'s 0600. On failure the temporary file is removed
and the ``OSError`` is raised unchanged: each caller turns it into its own sentence (a transcript
export names the folder; the library says which file). Settings, the model library, download
sidecars, saved connections, transcripts and exports all write through here. (The converter keeps
its own writer: it imports nothing from the app, by contract.)
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def default_mode() -> int:
    """0o666 minus the umask, read without calling os.umask (which is racy in threads)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o644


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes, *, durable: bool = True,
                       mode: int | None = None) -> None:
    """Replace ``path`` with ``data``. ``durable=False`` skips the fsyncs, for files whose loss after
    a power cut costs only time (a download sidecar); ``mode`` forces the permissions (a key file)."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("write_bytes_atomic expects bytes")
    target = Path(os.path.abspath(os.fspath(path)))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:100]}.", suffix=".part", dir=target.parent)
    try:
        try:
            view = memoryview(data).cast("B")
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if mode is None:
                try:  # keep the permissions an existing file had; else a normal new file's
                    mode = stat.S_IMODE(os.stat(target).st_mode)
                except OSError:
                    mode = default_mode()
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if durable:
        _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); best effort, the file is already complete."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
