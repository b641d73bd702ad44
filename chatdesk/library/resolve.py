"""The one model resolver of ChatDesk: model keys, what to load for them, and their API keys.

A *model key* is what a conversation stores and what the window and the commands pass around: a
local GGUF path, or ``"{base_url}#{model_id}"`` for a model on an OpenAI-compatible server. This
module turns keys and library entries into the ``ModelSource`` an engine loads, and finds the API
key of a server: the saved connection's key first, else ``$CHATDESK_API_KEY`` — the same rule for
the window, ``chatdesk ask``, ``chatdesk serve`` and every other command (the pattern of
simonw/llm's ``get_model`` / ``get_key``).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from chatdesk.engine.types import LoadSettings, LocalSource, ModelSource, RemoteSource
from chatdesk.library.entry import ModelEntry
from chatdesk.library.errors import LibraryError
from translatable import msg

API_KEY_ENV = "CHATDESK_API_KEY"

log = logging.getLogger(__name__)


def entry_key(entry: ModelEntry) -> str | None:
    """The key a conversation stores for this library entry (None: the entry has no file)."""
    if entry.is_remote:
        if not entry.remote_url or not entry.remote_model:
            return None
        return f"{entry.remote_url.rstrip('/')}#{entry.remote_model}"
    return entry.path


def is_remote_key(key: str | None) -> bool:
    return key is not None and "#" in key and key.startswith(("http://", "https://"))


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
    """A short name for a key that is not (or not yet) in the library."""
    if is_remote_key(key):
        base, model = split_remote_key(key)
        host = base.split("://", 1)[-1].removesuffix("/v1")
        tail = model.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        return f"{tail if tail.lower().endswith('.gguf') else model} @ {host}"
    return os.path.basename(key) or key


def available(key: str) -> bool:
    """Can this key be loaded now? (A remote server is tried; its answer comes with the load.)"""
    return is_remote_key(key) or Path(key).is_file()


def endpoint_id_for(base_url: str) -> str | None:
    """The saved connection for a server address (its key is looked up by this id), or None."""
    from chatdesk.library.remotes import Remotes

    try:
        return next((e.id for e in Remotes().endpoints() if e.base_url == base_url), None)
    except Exception as exc:  # noqa: BLE001 - an unreadable endpoints file means "no saved key", said at load
        log.warning("could not read saved connections: %s", exc)
        return None


def api_key_for(endpoint_id: str | None) -> str | None:
    """The API key for a server: its saved connection's, else ``$CHATDESK_API_KEY`` (or None)."""
    if endpoint_id:
        from chatdesk.library.remotes import Remotes

        key = Remotes().api_key(endpoint_id)
        if key:
            return key
    return os.environ.get(API_KEY_ENV) or None


def source_for(key: str, settings: LoadSettings | None = None) -> ModelSource:
    """What an engine loads for a model key: a local GGUF path, or a remote server's model."""
    if is_remote_key(key):
        base, model = split_remote_key(key)
        return RemoteSource(base, model, endpoint_id_for(base))
    return LocalSource(key, settings or LoadSettings())


def source_for_entry(entry: ModelEntry, settings: LoadSettings | None = None) -> ModelSource:
    """What an engine loads for a library entry; a clear LibraryError when it cannot be used."""
    if entry.is_remote:
        if not entry.remote_url or not entry.remote_model:
            raise LibraryError(msg("The library entry {name} names no server model.", name=entry.name))
        return RemoteSource(entry.remote_url, entry.remote_model, endpoint_id_for(entry.remote_url))
    if not entry.usable:
        raise LibraryError(msg("The model {name} cannot be used: {problem}", name=entry.name,
                               problem=entry.problem or msg("its file is missing.")))
    return LocalSource(str(entry.path), settings or LoadSettings())
