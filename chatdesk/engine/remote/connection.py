"""What ``RemoteEngine.load`` learned about one server and model, kept for the connection's life.

Why a module of its own: the engine, and the result assembly beside it, read the same facts
(address, model id, dialect, context, what the server accepted so far); the API key lives only
here, never in values that travel (``RemoteSource``, ``ModelInfo``, provenance).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx2

from chatdesk.engine.remote.addresses import host_of
from chatdesk.engine.remote.dialects import ServerDialect
from chatdesk.engine.remote.request import Accepted
from chatdesk.engine.remote.tokens import Calibration, TokenCounter
from chatdesk.engine.types import RemoteSource


@dataclass
class Connection:
    """Everything ``load`` learned; private to the engine (the key lives only here)."""

    source: RemoteSource
    base_url: str
    model_id: str
    dialect: ServerDialect
    api_key: str | None
    control: httpx2.Client  # model list, tokenizer, /props (keep-alive)
    streams: httpx2.Client  # generation: a fresh connection per reply, so Stop can shut its socket
    n_ctx: int
    context_source: str  # "server" | "assumed"
    tokens: TokenCounter
    # What the server accepted so far; refusals switch these off for the rest of the connection.
    accepted: Accepted
    generating: bool = False  # a reply is streaming (some servers then queue every other request)
    calibration: Calibration = field(default_factory=Calibration)

    @property
    def host(self) -> str:
        return host_of(self.base_url)
