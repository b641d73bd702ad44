"""A server's model list (``GET /v1/models``): the models it offers and which server software it is.

Why: the connection dialog offers the list, the saved connections refresh it, and the engine
checks the chosen model against it and learns the context and the server's dialect from it.
A server without a list is not an error: the user then types the model id.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx2

from chatdesk.engine.remote.addresses import host_of, normalize_base_url
from chatdesk.engine.remote.dialects import SERVER_OPENAI_COMPATIBLE, identify
from chatdesk.engine.remote.failures import RemoteConnectionError, http_status_message, transport_message
from chatdesk.engine.remote.transport import CONNECT_TIMEOUT_S, CONTROL_TIMEOUT_S, auth_headers, new_client
from translatable import msg, text_of


@dataclass(frozen=True)
class RemoteModel:
    """One entry of a server's /v1/models list."""

    id: str
    owned_by: str = ""
    context_length: int | None = None  # what the server says it serves (vLLM max_model_len)
    trained_context: int | None = None  # llama.cpp's meta.n_ctx_train
    n_params: int = 0
    size_bytes: int = 0

    @property
    def display_name(self) -> str:
        """The id, shortened when it is a file path (llama.cpp and llama-cpp-python use the path)."""
        tail = self.id.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        return tail if tail.lower().endswith(".gguf") else self.id


@dataclass(frozen=True)
class ModelListing:
    """What ``GET /v1/models`` said. ``listed=False``: the server has no list; type a model id."""

    base_url: str
    listed: bool
    models: tuple[RemoteModel, ...] = ()
    server: str = SERVER_OPENAI_COMPATIBLE

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.models)

    def find(self, model_id: str) -> RemoteModel | None:
        for m in self.models:
            if m.id == model_id:
                return m
        # Ollama: "llama3.2" means "llama3.2:latest".
        if ":" not in model_id:
            for m in self.models:
                if m.id == f"{model_id}:latest":
                    return m
        return None


def positive_int(value: object) -> int | None:
    try:
        n = int(value)  # type: ignore[call-overload]  # any JSON value: what int() refuses is caught below
    except (TypeError, ValueError):
        return None
    return n if n > 0 else None


def parse_listing(base_url: str, payload: object) -> ModelListing:
    if isinstance(payload, dict) and isinstance(payload.get("data"), list):
        raw = payload["data"]
    elif isinstance(payload, dict) and isinstance(payload.get("models"), list):  # some proxies
        raw = payload["models"]
    elif isinstance(payload, list):
        raw = payload
    else:
        raise ValueError(msg("the model list is not in the OpenAI format"))
    entries = [e for e in raw if isinstance(e, dict) and isinstance(e.get("id") or e.get("name"), str)]
    models = []
    for e in entries:
        meta = found if isinstance(found := e.get("meta"), dict) else {}
        models.append(
            RemoteModel(
                id=str(e.get("id") or e.get("name")),
                owned_by=str(e.get("owned_by") or ""),
                context_length=positive_int(e.get("max_model_len")),
                trained_context=positive_int(meta.get("n_ctx_train")),
                n_params=positive_int(meta.get("n_params")) or 0,
                size_bytes=positive_int(meta.get("size")) or 0,
            )
        )
    return ModelListing(base_url=base_url, listed=True, models=tuple(models), server=identify(entries).name)


def fetch_models(
    base_url: str,
    api_key: str | None = None,
    *,
    timeout: float = CONTROL_TIMEOUT_S,
    client: httpx2.Client | None = None,
) -> ModelListing:
    """``GET {base}/models``. Raises ``RemoteConnectionError`` with a sentence for the user.

    A server without a list (404/405/501) gives ``listed=False`` instead of an error: the user
    then types the model id.
    """
    base = normalize_base_url(base_url)
    own = client is None
    http = client or new_client(keepalive=False, read_timeout=timeout, connect_timeout=min(timeout, CONNECT_TIMEOUT_S))
    try:
        try:
            resp = http.get(f"{base}/models", headers=auth_headers(api_key), timeout=timeout)
        except httpx2.HTTPError as exc:
            raise RemoteConnectionError(transport_message(exc, base, read_timeout=timeout)) from exc
        if resp.status_code in (404, 405, 501):
            return ModelListing(base_url=base, listed=False)
        if resp.status_code >= 300:
            raise RemoteConnectionError(
                http_status_message(resp.status_code, resp.headers, resp.text, base, what=msg("list its models"), had_key=bool(api_key))
            )
        try:
            return parse_listing(base, resp.json())
        except ValueError as exc:
            raise RemoteConnectionError(msg(
                "The server at {host} answered the model list with something that is not an "
                "OpenAI-compatible model list ({error}). Check that the address points at the server's /v1 API.",
                host=host_of(base), error=text_of(exc),
            )) from exc
    finally:
        if own:
            http.close()


