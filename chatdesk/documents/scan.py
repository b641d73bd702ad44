"""A collection's roots → the files in them, with the ones that cannot even be reached.

Folders are walked following symbolic links (people link their notes folders around), so a
link back to a folder being walked (a loop) is noticed by device and inode and reported, not
followed forever. Hidden folders and tool caches (``.git``, ``node_modules``, ``__pycache__``)
are skipped: nobody means to search them. Nothing here reads a file's bytes.
"""

from __future__ import annotations

import errno
import os
import stat as stat_mod
from dataclasses import dataclass

from chatdesk.documents import errors
from translatable import Text, msg

SKIP_DIRS = {"node_modules", "__pycache__", "venv", ".venv", "site-packages"}


@dataclass(frozen=True)
class Found:
    path: str
    problem: tuple[str, Text] | None = None  # (reason, sentence) when it cannot be indexed


def scan(roots: list[str]) -> list[Found]:
    """Every file under ``roots`` once, sorted by path; folders and files that fail come with a reason."""
    found: dict[str, Found] = {}
    for root in roots:
        _visit(root, (), found, top=True)
    return [found[p] for p in sorted(found)]


def _problem_for(path: str, exc: OSError) -> tuple[str, Text]:
    name = os.path.basename(path) or path
    if exc.errno == errno.ELOOP:
        return errors.SYMLINK_LOOP, msg("{name} is a symbolic link that leads back to itself.", name=name)
    if exc.errno == errno.ENOENT:
        if os.path.islink(path):
            return errors.UNREADABLE, msg("{name} is a symbolic link to something that no longer exists.", name=name)
        return errors.UNREADABLE, msg("{name} no longer exists.", name=name)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return errors.UNREADABLE, msg("{name} cannot be read: permission denied.", name=name)
    return errors.UNREADABLE, msg("{name} cannot be read: {error}", name=name, error=exc.strerror or str(exc))


def _visit(path: str, ancestors: tuple[tuple[int, int], ...], found: dict[str, Found], *, top: bool = False) -> None:
    try:
        st = os.stat(path)
    except OSError as exc:
        found[path] = Found(path, _problem_for(path, exc))
        return
    if stat_mod.S_ISREG(st.st_mode):
        found.setdefault(path, Found(path))
        return
    if not stat_mod.S_ISDIR(st.st_mode):
        if top:
            found[path] = Found(path, (errors.UNSUPPORTED, msg("{name} is not a regular file or folder.", name=os.path.basename(path))))
        return
    key = (st.st_dev, st.st_ino)
    if key in ancestors:
        found[path] = Found(path, (errors.SYMLINK_LOOP, msg(
            "{name} is a symbolic link to a folder that contains it; it was not followed.", name=os.path.basename(path))))
        return
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as exc:
        found[path] = Found(path, _problem_for(path, exc))
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name in SKIP_DIRS and _is_dir(entry):
            continue
        _visit(entry.path, (*ancestors, key), found)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
