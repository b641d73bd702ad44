"""The disk around a download: enough free space before the first byte, and the finished file
moved into place atomically.

Why a module of its own: a multi-gigabyte download that fills the disk at 90 % wastes the user's
time and can break other programs, so the space still needed (the file less what is kept, plus
``DISK_RESERVE``) is checked before anything is fetched. At the end a verified part file becomes
the model file in one rename (a copy and a rename when the destination is on another disk), never
over a different file of the same name unless the caller asked for that.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from chatdesk.library.download.partial import part_size
from chatdesk.library.download.progress import size_text
from chatdesk.library.errors import DownloadError
from translatable import msg

DISK_RESERVE = 16 << 20  # keep this much free beyond the file itself


def check_disk_space(folder: Path, needed: int, filename: str, part: Path) -> None:
    """Raise DownloadError ("disk_space") when ``folder`` cannot take ``needed`` more bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(folder).free
    if needed + DISK_RESERVE > free:
        raise DownloadError(
            msg("Downloading {file} needs {needed} of free space in {folder}, but only {free} is free. "
                "Free up some space (or use another data folder with --data-dir) and try again.",
                file=filename, needed=size_text(needed), folder=str(folder), free=size_text(free)),
            "disk_space", part_size(part))


def place(part: Path, target_dir: Path, name: str, sha256: str | None, overwrite: bool) -> Path:
    """Move the finished part into place atomically, never over a different file unless asked."""
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        target = target_dir / name
        if target.exists() and not overwrite:
            stem, suffix = Path(name).stem, Path(name).suffix
            tag = (sha256 or "")[:8] or "new"
            target = target_dir / f"{stem}-{tag}{suffix}"
            n = 2
            while target.exists():
                target = target_dir / f"{stem}-{tag}-{n}{suffix}"
                n += 1
        if part.stat().st_dev == target_dir.stat().st_dev:
            os.replace(part, target)
        else:  # a dest folder on another disk: copy next to it, then rename
            tmp = target.with_name(f".{target.name}.incoming")
            shutil.copyfile(part, tmp)
            os.replace(tmp, target)
            part.unlink()
    except OSError as exc:
        raise DownloadError(
            msg("The download finished but could not be moved into {folder} ({error}). Check that the "
                "folder is writable and try again; the downloaded file is kept.", folder=str(target_dir),
                error=exc.strerror or str(exc)),
            "disk", part_size(part)) from exc
    return target
