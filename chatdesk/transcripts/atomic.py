"""Crash-safe file writes: the target is either the complete new file or untouched.

Data goes to a temporary file in the same folder (so the final rename stays
on one file system), is fsynced, then ``os.replace``d over the target.  On
any failure the temporary file is removed and a :class:`TranscriptError`
with a message fit for the user is raised.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from translatable import msg

from .errors import TranscriptError

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NO_PERMISSION = {errno.EACCES, errno.EPERM, errno.EROFS}


def _default_mode() -> int:
    """0o666 minus the umask, read without calling os.umask (which is racy in threads)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o644


def _message(exc: OSError, path: Path) -> str:
    folder, name = str(path.parent), path.name
    code = exc.errno
    if code in _DISK_FULL:
        return msg("The disk is full, so \u201c{name}\u201d could not be saved in {folder}; "
                   "nothing was written. Free up some space and try again.", name=name, folder=folder)
    if code in _NO_PERMISSION or isinstance(exc, PermissionError):
        if code == errno.EROFS:
            return msg("ChatDesk can't write to {folder} (the disk is read-only); nothing was written. "
                       "Choose another folder.", folder=folder)
        return msg("ChatDesk can't write to {folder} (permission denied); nothing was written. "
                   "Choose another folder.", folder=folder)
    if code == errno.ENOTDIR or isinstance(exc, NotADirectoryError):
        return msg("The folder {folder} does not exist (part of that path is a file, not a folder); "
                   "nothing was written.", folder=folder)
    if code == errno.ENOENT or isinstance(exc, FileNotFoundError):
        if path.parent.is_dir():  # e.g. /proc: the folder exists but refuses new files
            return msg("ChatDesk can't write to {folder}: it does not accept new files. Choose another folder.", folder=folder)
        return msg("The folder {folder} does not exist; nothing was written. Choose an existing folder.", folder=folder)
    if code == errno.EISDIR or isinstance(exc, IsADirectoryError):
        return msg("{path} is a folder, not a file; nothing was written. Choose a file name.", path=str(path))
    if code == errno.ENAMETOOLONG:
        return msg("The file name \u201c{name}\u201d is too long; nothing was written. Choose a shorter name.", name=name)
    return msg("ChatDesk couldn't save \u201c{name}\u201d in {folder} ({error}); nothing was written.",
               name=name, folder=folder, error=exc.strerror or str(exc))


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; raise TranscriptError on failure."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("write_atomic expects bytes")
    target = Path(os.path.abspath(os.fspath(path)))
    if target.is_dir():
        raise TranscriptError(_message(IsADirectoryError(errno.EISDIR, "Is a directory"), target))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:100]}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise TranscriptError(_message(exc, target)) from exc
    try:
        try:
            view = memoryview(data).cast("B")
            while view:
                written = os.write(fd, view)
                view = view[written:]
            try:  # keep the permissions an existing file had; else a normal new file's
                mode = stat.S_IMODE(os.stat(target).st_mode)
            except OSError:
                mode = _default_mode()
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise TranscriptError(_message(exc, target)) from exc
        raise
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
