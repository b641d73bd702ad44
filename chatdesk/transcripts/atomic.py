"""Transcript and export writes: ``chatdesk.atomic``'s crash-safe write, with failures in words.

On any failure nothing is written and a :class:`TranscriptError` with a message fit for the user
(disk full, read-only, no such folder …) is raised.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from chatdesk.atomic import write_bytes_atomic
from translatable import msg

from .errors import TranscriptError

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NO_PERMISSION = {errno.EACCES, errno.EPERM, errno.EROFS}


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
    """Write ``data`` to ``path`` atomically (``chatdesk.atomic``); raise TranscriptError on failure."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("write_atomic expects bytes")
    target = Path(os.path.abspath(os.fspath(path)))
    if target.is_dir():
        raise TranscriptError(_message(IsADirectoryError(errno.EISDIR, "Is a directory"), target))
    try:
        write_bytes_atomic(target, data)
    except OSError as exc:
        raise TranscriptError(_message(exc, target)) from exc
