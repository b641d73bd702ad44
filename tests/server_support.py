"""ChatDesk's own OpenAI-compatible server for tests: a real uvicorn on 127.0.0.1 (ephemeral
port) serving the bundled model from a library in a temporary folder."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import httpx2

from chatdesk.engine import LoadSettings
from chatdesk.library import BUNDLED_ID, Catalog
from chatdesk.server import LocalServer, ServerSettings
from chatdesk.settings import AppSettings

MODEL = BUNDLED_ID
N_CTX = 2048
TIMEOUT_S = 300  # generous: the machine may be busy


def app_settings() -> AppSettings:
    return replace(AppSettings(), load=LoadSettings(n_ctx=N_CTX))


@contextmanager
def running_server(folder: Path, store: object = None, engine_factory: object = None, **settings: object) -> Iterator[LocalServer]:
    values = {"port": 0, **settings}
    extra = {"engine_factory": engine_factory} if engine_factory is not None else {}
    server = LocalServer(ServerSettings(**values), app_settings(), catalog=Catalog(folder), store=store, **extra)  # type: ignore[arg-type]
    server.start(timeout=TIMEOUT_S)
    try:
        yield server
    finally:
        server.stop()


def root_url(server: LocalServer) -> str:
    return server.base_url[: -len("/v1")]


def sse_events(response: httpx2.Response) -> Iterator[object]:
    """The decoded ``data:`` payloads of a streaming response ("[DONE]" as the string)."""
    for line in response.iter_lines():
        if line.startswith("data: "):
            payload = line[len("data: "):]
            yield payload if payload == "[DONE]" else json.loads(payload)
