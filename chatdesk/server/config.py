"""How the server is set up, and the rules that keep it safe by default.

* It listens on 127.0.0.1. Any other address (the LAN, ``0.0.0.0``) is an explicit choice that
  needs an API key: ``check`` refuses to start without one, so a LAN server can never run open
  (a peer shipped exactly that bug: a LAN toggle with an empty default key).
* The ``Host`` header must name this server (loopback names, the address it listens on, or
  names the user added): a web page cannot reach it through DNS rebinding.
* No browser origin may call it unless listed (CORS); listed origins also get the
  Private-Network-Access answer Chromium asks loopback servers for.
* Bodies are capped and slow clients time out.

``ServerSettings`` is what the window's Server panel edits and ``chatdesk serve`` reads
(``DATA_DIR/server.json``, written atomically); the API key is never in it (see ``keys.py``).
"""

from __future__ import annotations

import ipaddress
import json
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from chatdesk import paths
from chatdesk.library.jsonfile import write_json_atomic
from translatable import msg

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")
SETTINGS_FILE = "server.json"


class ServerConfigError(ValueError):
    """The settings would make an unsafe or impossible server; the message says which and why."""


@dataclass(frozen=True)
class ServerSettings:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT  # 0: any free port (tests)
    api_key: str | None = field(default=None, repr=False)  # never saved in server.json
    allowed_hosts: tuple[str, ...] = ()  # extra names clients may use in the Host header
    cors_origins: tuple[str, ...] = ()  # browser origins allowed to call the API
    max_body_bytes: int = 4 * 1024 * 1024
    body_timeout_s: float = 30.0  # a client must send its whole body within this
    send_timeout_s: float = 60.0  # a streaming client that reads nothing for this long is dropped
    keep_alive_s: float = 5.0
    max_connections: int = 128
    max_queue: int = 64  # requests waiting per model; more get 503 + Retry-After
    parallel: int = 4  # replies of one local model decoded together (llama.cpp sequences in one batch)
    store_requests: bool = False  # keep each request as a conversation (marked with its client)
    default_model: str | None = None  # library id used when a request names "default" or no model

    @property
    def on_lan(self) -> bool:
        return not is_loopback(self.host)

    def check(self) -> None:
        """Refuse settings that would be unsafe or cannot work (ServerConfigError)."""
        if not 0 <= self.port <= 65535:
            raise ServerConfigError(msg("The port must be between 1 and 65535, not {port}.", port=self.port))
        if self.on_lan and not self.api_key:
            raise ServerConfigError(msg(
                "Serving on {host} makes ChatDesk reachable from other computers, so it needs an API key. Create "
                "one (chatdesk serve --new-key, or the Server panel) or give --api-key-file; the server was not "
                "started.", host=self.host,
            ))
        if self.api_key is not None and len(self.api_key) < 16:
            raise ServerConfigError(msg("The API key is too short (at least 16 characters); the server was not started."))
        for origin in self.cors_origins:
            if origin == "*" or "://" not in origin:
                raise ServerConfigError(msg(
                    "The browser origin '{origin}' is not allowed: list exact origins such as "
                    "http://localhost:5173 (no '*').", origin=origin,
                ))
        if not 1 <= self.parallel <= 64:
            raise ServerConfigError(msg("The number of parallel replies must be between 1 and 64, not {n}.", n=self.parallel))
        if self.max_body_bytes < 1024:
            raise ServerConfigError(msg("The body size limit must be at least 1024 bytes."))

    def host_names(self) -> frozenset[str]:
        """Host header values (without port) this server answers to."""
        names = {*LOOPBACK_NAMES, *(h.lower() for h in self.allowed_hosts)}
        if self.host not in ("0.0.0.0", "::"):
            names.add(self.host.lower())
        else:  # listening everywhere: the machine's own name and addresses
            names.update(_own_names())
        return frozenset(names)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("api_key")
        return data


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _own_names() -> set[str]:
    import socket

    names = {socket.gethostname().lower(), socket.getfqdn().lower()}
    try:
        names.update(str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None))
    except OSError:
        pass
    return names


def settings_path() -> Path:
    return paths.data_dir() / SETTINGS_FILE


def load_server_settings(path: Path | None = None) -> ServerSettings:
    """The saved settings, or the safe defaults when the file is missing or unreadable."""
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return ServerSettings()
    if not isinstance(raw, dict):
        return ServerSettings()
    known = {f.name: f for f in fields(ServerSettings)}
    values: dict[str, Any] = {}
    defaults = ServerSettings()
    for name, value in raw.items():
        if name not in known or name == "api_key":
            continue
        default = getattr(defaults, name)
        if isinstance(default, tuple) and isinstance(value, list) and all(isinstance(v, str) for v in value):
            values[name] = tuple(value)
        elif isinstance(default, bool):
            if isinstance(value, bool):
                values[name] = value
        elif isinstance(default, (int, float)) and isinstance(value, (int, float)) and not isinstance(value, bool):
            values[name] = type(default)(value)
        elif (default is None or isinstance(default, str)) and (value is None or isinstance(value, str)):
            values[name] = value
    return replace(defaults, **values)


def save_server_settings(settings: ServerSettings, path: Path | None = None) -> None:
    write_json_atomic(path or settings_path(), settings.to_json())
