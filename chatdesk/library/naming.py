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

from typing import TYPE_CHECKING

# The key rules live in resolve.py (one place); they are re-exported here for the names' callers.
from chatdesk.library.resolve import entry_key, is_remote_key, key_label, same_model, split_remote_key

__all__ = ["display_name", "entry_for_key", "entry_key", "is_remote_key", "key_label", "same_model", "split_remote_key"]

if TYPE_CHECKING:
    from chatdesk.library.catalog import Catalog
    from chatdesk.library.entry import ModelEntry


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
