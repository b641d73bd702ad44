"""Remembering the model the user chose, only once it has loaded.

Why: File → Open model… with a bad file (``/etc/passwd``) showed the right error but had already
saved the file as the last-used model, so the next start complained again. A choice is now held
as *pending* while the model loads and committed (the library's default, which ChatDesk starts
with) only when the load succeeded; a failed load forgets it and changes nothing on disk.

The library is the one place that says which model ChatDesk starts with (``Catalog.default``);
``settings.json``'s old ``model_path`` is only read once, for adoption, at start-up. Qt-free: the
window calls ``choose`` when the user picks a model, then ``loaded`` / ``failed`` from its load
signals; ``chatdesk`` commands can call ``commit_model_choice`` directly after a load.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from chatdesk.library.errors import LibraryError
from chatdesk.library.naming import is_remote_key, same_model, split_remote_key

if TYPE_CHECKING:
    from chatdesk.library.catalog import Catalog
    from chatdesk.library.entry import ModelEntry


def commit_model_choice(key: str, catalog: Catalog | None = None) -> ModelEntry:
    """Make the model at ``key`` (a GGUF path or a remote "base_url#model_id") the one ChatDesk
    starts with, adding it to the library first if needed. Call it only after the model loaded.

    Raises LibraryError with a sentence when the library cannot be changed or the file is not a
    usable GGUF (nothing is changed then).
    """
    from chatdesk.library.catalog import Catalog

    cat = catalog or Catalog.open()
    if is_remote_key(key):
        base, model = split_remote_key(key)
        entry = cat.add_remote(base, model)
    else:
        entry = cat.entry_for_path(key) or cat.add_file(key)
    return cat.set_default(entry.id)


class PendingModelChoice:
    """The model the user asked for, until its load ends. Thread-safe (load results may arrive
    on a worker thread)."""

    def __init__(self, catalog: Catalog | None = None) -> None:
        self._catalog = catalog
        self._key: str | None = None
        self._lock = threading.Lock()

    @property
    def key(self) -> str | None:
        with self._lock:
            return self._key

    def choose(self, key: str) -> None:
        """The user picked ``key``; nothing is saved yet (a newer choice replaces an older one)."""
        with self._lock:
            self._key = key

    def loaded(self, loaded_key: str) -> ModelEntry | None:
        """A model finished loading: if it is the pending choice, commit it and return its entry.
        A load of some other model (an earlier request still queued) commits nothing."""
        with self._lock:
            key = self._key
            if key is None or not same_model(key, loaded_key):
                return None
            self._key = None
        return commit_model_choice(loaded_key, self._catalog)

    def failed(self, failed_key: str | None = None) -> bool:
        """A load failed: forget the pending choice (if it was this one). True when one was dropped."""
        with self._lock:
            if self._key is None or (failed_key is not None and not same_model(self._key, failed_key)):
                return False
            self._key = None
            return True


__all__ = ["LibraryError", "PendingModelChoice", "commit_model_choice"]
