"""One name per model, everywhere: the picker, the library, reply info, exports and the CLI.

Why: the same model was called "SmolLM2 135M Instruct (Q4_1)" in the picker, the GGUF's own
``general.name`` in a reply's info and in exports, and a file name elsewhere. A conversation
stores a model *key* (a GGUF path, or ``"{base_url}#{model_id}"`` for a server); these functions
turn a key or a library entry into the one name a person sees. The library's name wins (the user
can rename there); a key the library does not list gets a short label from the key itself.

Qt-free, so the window (``chatdesk.ui``), ``chatdesk models``, ``chatdesk ask`` and the chat
flow's reply provenance all call the same code.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chatdesk.library.catalog import Catalog
    from chatdesk.library.entry import ModelEntry


def entry_key(entry: ModelEntry) -> str | None:
    """The key a conversation stores for this library entry (None: the entry has no file)."""
    if entry.is_remote:
        if not entry.remote_url or not entry.remote_model:
            return None
        return f"{entry.remote_url.rstrip('/')}#{entry.remote_model}"
    return entry.path


def is_remote_key(key: str | None) -> bool:
    return bool(key) and "#" in key and key.startswith(("http://", "https://"))  # type: ignore[union-attr]


def split_remote_key(key: str) -> tuple[str, str]:
    """``(base_url, model_id)`` of a remote key (the base URL never contains '#')."""
    base, _, model = key.partition("#")
    return base, model


def same_model(a: str | None, b: str | None) -> bool:
    """Do two keys name the same model? Local paths are compared as real files."""
    if not a or not b:
        return False
    if a == b:
        return True
    if is_remote_key(a) or is_remote_key(b):
        return False
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def key_label(key: str) -> str:
    """A short name for a key the library does not list: the file name, or "model @ host"."""
    if is_remote_key(key):
        base, model = split_remote_key(key)
        host = base.split("://", 1)[-1].removesuffix("/v1")
        tail = model.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        return f"{tail if tail.lower().endswith('.gguf') else model} @ {host}"
    return os.path.basename(key) or key


def entry_for_key(catalog: Catalog, key: str) -> ModelEntry | None:
    """The library entry a key names, if the library lists it."""
    if is_remote_key(key):
        return next((e for e in catalog.entries() if e.is_remote and entry_key(e) == key), None)
    found = catalog.entry_for_path(key)
    if found is not None:
        return found
    return next((e for e in catalog.entries() if e.path and same_model(e.path, key)), None)


def display_name(model: ModelEntry | str | None, catalog: Catalog | None = None) -> str:
    """The name to show for a library entry or a model key.

    An entry: its library name. A key: the name of the library entry with that file (or server
    model), read from ``catalog`` or, when none is given, the current data folder's library; else
    ``key_label(key)``. Never raises: a library that cannot be read falls back to the label.
    """
    if model is None:
        return ""
    if not isinstance(model, str):
        return model.name
    key = model
    if catalog is None:
        from chatdesk import paths
        from chatdesk.library.catalog import Catalog
        from chatdesk.library.errors import LibraryError

        if not paths.library_path().exists():  # no library yet: only the bundled model has a name
            return _bundled_name(key) or key_label(key)
        try:
            catalog = Catalog.open()
        except (LibraryError, OSError):
            return _bundled_name(key) or key_label(key)
    entry = entry_for_key(catalog, key)
    return entry.name if entry is not None else (_bundled_name(key) or key_label(key))


def _bundled_name(key: str) -> str | None:
    from chatdesk.engine import BUNDLED_MODEL_NAME, EngineError, default_model_path

    if is_remote_key(key):
        return None
    try:
        return BUNDLED_MODEL_NAME if same_model(str(default_model_path()), key) else None
    except EngineError:
        return None
