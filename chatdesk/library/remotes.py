"""Saved connections to OpenAI-compatible servers, and where their API keys are kept.

A connection ("endpoint") is a base URL the user added (normalised to end in ``/v1``), a display
name and, optionally, an API key. The list lives in ``DATA_DIR/endpoints.json`` so it moves with
the profile; keys never go there. A key goes to the system keyring (service ``ChatDesk``) when
a usable backend exists; otherwise to ``endpoint-keys.json`` next to it, created with mode 0600,
and the caller gets a warning sentence to show, because a file is weaker than a keyring.

The window, ``chatdesk ask`` and the worker get frozen ``Endpoint`` values and ``RemoteSource``
values, never the JSON; the engine receives ``api_key`` as its key lookup, so a key crosses no
thread and lands in no provenance. Qt-free.
"""

from __future__ import annotations

import logging
import os
import stat
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import keyring
import keyring.errors

from chatdesk import paths
from chatdesk.engine.errors import EngineError
from chatdesk.engine.remote import ModelListing, fetch_models, normalize_base_url
from chatdesk.engine.types import RemoteSource
from chatdesk.library.errors import LibraryError
from chatdesk.library.jsonfile import locked, read_json, set_aside, write_json_atomic
from translatable import msg, text_of

log = logging.getLogger(__name__)

KEYRING_SERVICE = "ChatDesk"
KEY_FILE_NAME = "endpoint-keys.json"
FORMAT_VERSION = 1
KEY_STORES = ("keyring", "file")


class EndpointError(LibraryError):
    """An endpoint is unknown, its address is invalid, or its server could not be asked."""


@dataclass(frozen=True)
class Endpoint:
    """One saved connection. ``key_store``: where its API key is (None: it has none)."""

    id: str
    name: str
    base_url: str
    key_store: str | None = None

    @property
    def has_key(self) -> bool:
        return self.key_store is not None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Endpoint:
        store = data.get("key_store")
        return cls(
            id=str(data["id"]),
            name=str(data.get("name") or data["base_url"]),
            base_url=normalize_base_url(str(data["base_url"])),
            key_store=store if store in KEY_STORES else None,
        )


def _default_name(base_url: str) -> str:
    rest = base_url.split("://", 1)[-1]
    return rest[: -len("/v1")] if rest.endswith("/v1") else rest


def keyring_usable() -> bool:
    """True when keyring has a real backend (not the "fail" or "null" placeholder)."""
    try:
        backend = keyring.get_keyring()
        return float(getattr(backend, "priority", 0)) > 0
    except Exception:  # noqa: BLE001 - a broken keyring configuration raises anything; treat as no keyring
        return False


class Remotes:
    """The saved endpoints and their keys. Safe to use from several threads and processes."""

    def __init__(self, path: Path | None = None, key_file: Path | None = None) -> None:
        self.path = path or paths.endpoints_path()
        self.key_file = key_file or self.path.with_name(KEY_FILE_NAME)
        self.warnings: list[str] = []  # for the UI: things it should tell the user once

    # -- the list --------------------------------------------------------------------------
    def _read(self) -> list[Endpoint]:
        try:
            data = read_json(self.path)
        except (OSError, ValueError) as exc:
            self._set_aside(exc)
            return []
        if data is None:
            return []
        try:
            return [Endpoint.from_json(e) for e in data["endpoints"]]
        except (KeyError, TypeError, ValueError) as exc:
            self._set_aside(exc)
            return []

    def _set_aside(self, exc: Exception) -> None:
        """Move an unreadable endpoints.json out of the way (kept, never overwritten)."""
        try:
            aside = set_aside(self.path, "broken")
        except OSError:
            aside = self.path
        self.warnings.append(msg(
            "The saved server connections in {path} could not be read ({error}). The file was kept as "
            "{file}; add the connections again, or repair that file and rename it back.",
            path=str(self.path), error=text_of(exc), file=aside.name,
        ))

    def _write(self, endpoints: list[Endpoint]) -> None:
        write_json_atomic(self.path, {"version": FORMAT_VERSION, "endpoints": [e.to_json() for e in endpoints]})

    @contextmanager
    def _editing(self) -> Iterator[list[Endpoint]]:
        with locked(self.path):
            endpoints = self._read()
            yield endpoints
            self._write(endpoints)

    def endpoints(self) -> list[Endpoint]:
        """Every saved connection, in the order they were added."""
        return self._read()

    def get(self, endpoint_id: str) -> Endpoint:
        for e in self._read():
            if e.id == endpoint_id:
                return e
        raise EndpointError(msg("That server connection no longer exists. It may have been removed in another window."))

    def add(self, base_url: str, name: str = "", api_key: str | None = None) -> Endpoint:
        """Save a connection (the address is normalised to end in /v1). Raises ``EndpointError``.

        With a key, check ``key_warning(endpoint)`` afterwards: it says when the key went to a file.
        """
        try:
            base = normalize_base_url(base_url)
        except ValueError as exc:
            raise EndpointError(text_of(exc)) from exc
        endpoint = Endpoint(id=uuid.uuid4().hex, name=name.strip() or _default_name(base), base_url=base)
        with self._editing() as endpoints:
            endpoints.append(endpoint)
        if api_key:
            endpoint = self.set_api_key(endpoint.id, api_key)[0]
        return endpoint

    def update(self, endpoint_id: str, *, name: str | None = None, base_url: str | None = None) -> Endpoint:
        """Rename a connection or change its address (the key stays)."""
        new_base = None
        if base_url is not None:
            try:
                new_base = normalize_base_url(base_url)
            except ValueError as exc:
                raise EndpointError(text_of(exc)) from exc
        return self._replace(endpoint_id, name=name, base_url=new_base)

    def _replace(self, endpoint_id: str, **changes: Any) -> Endpoint:
        with self._editing() as endpoints:
            for i, e in enumerate(endpoints):
                if e.id == endpoint_id:
                    values = e.to_json()
                    for k, v in changes.items():
                        if v is not None or k == "key_store":
                            values[k] = v.strip() if isinstance(v, str) and k == "name" else v
                    if not values["name"]:
                        values["name"] = _default_name(values["base_url"])
                    endpoints[i] = Endpoint(**values)
                    return endpoints[i]
        raise EndpointError(msg("That server connection no longer exists. It may have been removed in another window."))

    def remove(self, endpoint_id: str) -> None:
        """Forget a connection and its key."""
        gone: list[Endpoint] = []
        with self._editing() as endpoints:
            gone = [e for e in endpoints if e.id == endpoint_id]
            endpoints[:] = [e for e in endpoints if e.id != endpoint_id]
        for endpoint in gone:
            self._delete_key(endpoint)

    # -- keys ------------------------------------------------------------------------------
    @staticmethod
    def _username(endpoint_id: str) -> str:
        return f"endpoint-{endpoint_id}"

    def set_api_key(self, endpoint_id: str, api_key: str | None) -> tuple[Endpoint, str | None]:
        """Store (or with None/"" remove) a connection's key: (updated endpoint, warning or None)."""
        endpoint = self.get(endpoint_id)
        self._delete_key(endpoint)
        key = (api_key or "").strip()
        if not key:
            return self._replace(endpoint_id, key_store=None), None
        reason = ""
        if keyring_usable():
            try:
                keyring.set_password(KEYRING_SERVICE, self._username(endpoint_id), key)
                return self._replace(endpoint_id, key_store="keyring"), None
            except Exception as exc:  # noqa: BLE001 - locked Secret Service, D-Bus errors...: fall back to the file
                reason = f" (the system keyring refused it: {exc})"
                log.warning("keyring could not store the key for %s: %s", endpoint_id, exc)
        self._write_key_file({**self._read_key_file(), endpoint_id: key})
        updated = self._replace(endpoint_id, key_store="file")
        return updated, self._file_warning(endpoint.name, reason)

    def _file_warning(self, name: str, reason: str = "") -> str:
        return (
            f"No system keyring is available{reason}, so the API key for “{name}” is kept in {self.key_file}, "
            "readable only by your user account. Install or unlock a keyring (GNOME Keyring, KWallet, macOS "
            "Keychain, Windows Credential Manager) and enter the key again to keep it there instead."
        )

    def key_warning(self, endpoint: Endpoint) -> str | None:
        """The sentence to show when this endpoint's key is kept in the fallback file."""
        return self._file_warning(endpoint.name) if endpoint.key_store == "file" else None

    def api_key(self, endpoint_id: str | None) -> str | None:
        """The key for a connection, or None. Pass this method to ``RemoteEngine(api_key_for=...)``."""
        if not endpoint_id:
            return None
        try:
            endpoint = self.get(endpoint_id)
        except EndpointError:
            return None
        if endpoint.key_store == "keyring":
            try:
                return keyring.get_password(KEYRING_SERVICE, self._username(endpoint_id))
            except Exception as exc:  # noqa: BLE001 - any backend failure means "no key now", said in warnings
                log.warning("keyring could not read the key for %s: %s", endpoint_id, exc)
                self.warnings.append(msg(
                    "The system keyring could not be read ({error}), so the connection “{name}” is used "
                    "without its API key. Unlock the keyring and try again.", error=str(exc), name=endpoint.name,
                ))
                return None
        if endpoint.key_store == "file":
            return self._read_key_file().get(endpoint_id)
        return None

    def _delete_key(self, endpoint: Endpoint) -> None:
        endpoint_id = endpoint.id
        if endpoint.key_store == "keyring":
            try:
                keyring.delete_password(KEYRING_SERVICE, self._username(endpoint_id))
            except keyring.errors.PasswordDeleteError:
                pass  # there was none
            except Exception as exc:  # noqa: BLE001 - a backend failing to delete must not stop the removal
                log.warning("keyring could not delete the key for %s: %s", endpoint_id, exc)
        keys = self._read_key_file()
        if endpoint_id in keys:
            del keys[endpoint_id]
            self._write_key_file(keys)

    def _read_key_file(self) -> dict[str, str]:
        try:
            data = read_json(self.key_file)
        except (OSError, ValueError) as exc:
            log.warning("unreadable key file %s: %s", self.key_file, exc)
            return {}
        if not isinstance(data, dict) or not isinstance(data.get("keys"), dict):
            return {}
        self._restrict(self.key_file)
        return {str(k): str(v) for k, v in data["keys"].items()}

    def _write_key_file(self, keys: dict[str, str]) -> None:
        with locked(self.key_file):
            # 0600 from the first byte of a key (mkstemp); the chmod covers filesystems that ignore modes.
            write_json_atomic(self.key_file, {"version": FORMAT_VERSION, "keys": keys}, mode=0o600)
            self._restrict(self.key_file)

    @staticmethod
    def _restrict(path: Path) -> None:
        if os.name != "posix":
            return
        try:
            if stat.S_IMODE(path.stat().st_mode) != 0o600:
                os.chmod(path, 0o600)
        except OSError:
            pass

    # -- models ----------------------------------------------------------------------------
    def list_models(self, endpoint_id: str) -> ModelListing:
        """The server's models (GET /v1/models). ``listed=False``: it has no list; ask for an id.

        Raises ``EndpointError`` with the engine's sentence when the server cannot be asked.
        """
        endpoint = self.get(endpoint_id)
        try:
            return fetch_models(endpoint.base_url, self.api_key(endpoint_id))
        except EngineError as exc:
            raise EndpointError(text_of(exc)) from exc

    def source(self, endpoint_id: str, model_id: str) -> RemoteSource:
        """What the engine loads: this connection and one of its models (picked or typed)."""
        endpoint = self.get(endpoint_id)
        model = model_id.strip()
        if not model:
            raise EndpointError(msg("Type the id of the model to use on this server (for Ollama, e.g. llama3.2:3b)."))
        return RemoteSource(base_url=endpoint.base_url, model_id=model, endpoint_id=endpoint.id)
