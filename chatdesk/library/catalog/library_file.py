"""``library.json`` on disk: reading it, setting a damaged one aside, and locked atomic rewrites.

Why a module of its own: the window, ``chatdesk models`` and background downloads change the
library, possibly in different processes at once. Every change re-reads the file under a
cross-process lock and replaces it atomically (``jsonfile``, over ``chatdesk.atomic``), so no
writer loses another's change and a crash leaves a whole file. A file that cannot be read is
renamed aside (never deleted) and the library starts again with a warning; a file written by a
newer ChatDesk is shown but never changed, so this version cannot drop fields it does not know.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from chatdesk.library.catalog.records import Records
from chatdesk.library.entry import BUNDLED_ID, SOURCES
from chatdesk.library.errors import LibraryError
from chatdesk.library.jsonfile import locked, read_json, set_aside, write_json_atomic
from translatable import msg, text_of

FORMAT = "chatdesk-library"
VERSION = 1


@dataclass
class Contents:
    """What library.json holds: the records by id, and the id of the default model."""

    records: Records
    default: str


class LibraryFile:
    """One data folder's library.json. ``warnings`` gets a sentence when a damaged file is set aside;
    ``read_only_reason`` is set when the file must not be changed (then ``change`` raises it)."""

    def __init__(self, path: Path, warnings: list[str]) -> None:
        self.path = path
        self.warnings = warnings
        self.read_only_reason: str | None = None

    def load(self) -> tuple[Contents, bool]:
        """The file's contents, and whether it must be written again (it was missing or damaged)."""
        try:
            data = read_json(self.path)
        except (OSError, ValueError) as exc:
            data = None
            self._set_aside(exc)
        if data is not None and not (isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("models"), list)):
            self._set_aside(ValueError(msg("not a ChatDesk library file")))
            data = None
        if data is None:
            return Contents({}, BUNDLED_ID), True
        if int(data.get("version", 0)) > VERSION:
            self.read_only_reason = msg(
                "{path} was written by a newer ChatDesk (library version {version}); "
                "this version can show it but not change it. Update ChatDesk to add or remove models.",
                path=str(self.path), version=data.get("version"),
            )
        records: Records = {}
        for item in data["models"]:
            if isinstance(item, dict) and isinstance(item.get("id"), str) and item.get("source") in SOURCES:
                records[item["id"]] = dict(item)
        default = data.get("default") if isinstance(data.get("default"), str) else BUNDLED_ID
        return Contents(records, default), False

    @contextmanager
    def change(self) -> Iterator[Contents]:
        """Lock the file, re-read it (another process may have changed it), let the caller change it, write it.

        A default whose record is gone falls back to the bundled model. Failing to write is a
        LibraryError that names the folder.
        """
        if self.read_only_reason:
            raise LibraryError(self.read_only_reason)
        try:
            with locked(self.path):
                contents, _ = self.load()
                yield contents
                if contents.default not in contents.records:
                    contents.default = BUNDLED_ID
                self._save(contents)
        except OSError as exc:
            raise LibraryError(msg(
                "ChatDesk could not save its model library in {folder} ({error}). "
                "Check that the folder is writable and the disk is not full.",
                folder=str(self.path.parent), error=exc.strerror or str(exc),
            )) from exc

    def _set_aside(self, exc: Exception) -> None:
        """A damaged library.json is renamed (never deleted) and the library starts again."""
        if not self.path.exists():
            return
        try:
            aside = set_aside(self.path, "damaged")
            self.warnings.append(msg(
                "The model library file was damaged ({error}); it was kept as {file} and the library was rebuilt. "
                "Models ChatDesk downloaded or converted are listed again; add your own files again.",
                error=text_of(exc), file=aside.name,
            ))
        except OSError:
            self.read_only_reason = msg("The model library file {path} is damaged ({error}) and could not be moved aside.",
                                        path=str(self.path), error=text_of(exc))

    def _save(self, contents: Contents) -> None:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "default": contents.default,
            "models": [contents.records[k] for k in sorted(contents.records)],
        }
        write_json_atomic(self.path, data)
