"""The OpenAI-compatible HTTP API as ChatDesk speaks it, without the engine around it.

Addresses (what a user may type, normalised to ``…/v1``), model lists (``GET /v1/models`` and
which server software answered), one sentence per failure (refused, DNS, TLS, timeouts, 401,
403, 404, 429 with Retry-After, 5xx), and ``Exchange``: one request on its own thread that
can be abandoned at any moment, which is how Stop ends a reply while the server is silent.
Shared by ``chatdesk.engine.remote`` and the saved connections in ``chatdesk.library.remotes``.
All HTTP goes through httpx2 (and its SSE decoder).
"""

from __future__ import annotations

import email.utils
import errno
import json
import math
import queue
import socket
import ssl
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import httpx2

from chatdesk.engine.errors import EngineError
from translatable import msg, text_of

CONNECT_TIMEOUT_S = 10.0
CONTROL_TIMEOUT_S = 15.0  # model list, tokenizer, /props

# Which server answered, guessed from /v1/models. Decides field names and helper endpoints.
SERVER_LLAMA_CPP = "llama.cpp"
SERVER_VLLM = "vllm"
SERVER_OLLAMA = "ollama"
SERVER_LLAMA_CPP_PYTHON = "llama-cpp-python"
SERVER_OPENAI_COMPATIBLE = "openai-compatible"

# Sampler fields a server is known to read (everything else it silently ignores); recorded in
# provenance so "Reply info" does not claim settings that had no effect.
IGNORED_BY_SERVER: dict[str, tuple[str, ...]] = {
    SERVER_OLLAMA: ("top_k", "min_p", "repeat_penalty"),
}


class RemoteConnectionError(EngineError):
    """The server could not be reached, refused us, or does not serve the model (at load)."""


# ----------------------------------------------------------------------------- addresses
def normalize_base_url(url: str) -> str:
    """The OpenAI-compatible base address ending in ``/v1``, from what a user typed.

    Accepts ``localhost:8080``, ``http://host:8000/v1/``, or a full endpoint URL pasted from
    documentation (``…/v1/chat/completions``). Raises ``ValueError`` with a sentence for the user.
    """
    text = (url or "").strip()
    if not text:
        raise ValueError(msg("Enter the server's address, for example http://localhost:8080/v1."))
    if "://" not in text:
        text = "http://" + text
    try:
        parsed = httpx2.URL(text)
    except (httpx2.InvalidURL, ValueError, TypeError) as exc:
        raise ValueError(msg("“{url}” is not a web address ChatDesk can use ({error}).", url=url.strip(), error=str(exc))) from exc
    if parsed.scheme not in ("http", "https"):
        raise ValueError(msg("“{url}” must start with http:// or https://, not {scheme}://.", url=url.strip(), scheme=parsed.scheme))
    if not parsed.host:
        raise ValueError(msg("“{url}” has no host name. Use an address like http://localhost:8080/v1.", url=url.strip()))
    if parsed.userinfo:
        raise ValueError(msg(
            "Put the API key in the connection's key field, not in the address: addresses are shown "
            "in reply details and exports."
        ))
    path = parsed.path.rstrip("/")
    for suffix in ("/chat/completions", "/completions", "/models"):
        if path.endswith(suffix):
            path = path[: -len(suffix)].rstrip("/")
            break
    if not path.endswith("/v1"):
        path += "/v1"
    return str(parsed.copy_with(path=path, query=None, fragment=None))


def server_root(base_url: str) -> str:
    """The server's own root (where llama.cpp's /tokenize and /props live): base without /v1."""
    return base_url[: -len("/v1")] if base_url.endswith("/v1") else base_url


def host_of(url: str) -> str:
    try:
        u = httpx2.URL(url)
        return u.netloc.decode("ascii", "replace") or url
    except (httpx2.InvalidURL, ValueError, TypeError):
        return url


# ----------------------------------------------------------------------------- model lists
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


def auth_headers(api_key: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_key}"} if api_key else {}


def positive_int(value: object) -> int | None:
    try:
        n = int(value)  # type: ignore[call-overload]  # any JSON value: what int() refuses is caught below
    except (TypeError, ValueError):
        return None
    return n if n > 0 else None


def _guess_server(entries: list[dict[str, Any]]) -> str:
    owners = {str(e.get("owned_by") or "") for e in entries}
    if "llamacpp" in owners or any(isinstance(e.get("meta"), dict) and "n_ctx_train" in e["meta"] for e in entries):
        return SERVER_LLAMA_CPP
    if "vllm" in owners or any("max_model_len" in e for e in entries):
        return SERVER_VLLM
    if owners == {"me"} and all("permissions" in e for e in entries):
        return SERVER_LLAMA_CPP_PYTHON
    # Ollama: ids are "name:tag"; owned_by is the name's namespace ("library" for official models).
    if entries and all(":" in str(e.get("id", "")) and str(e.get("owned_by") or "library") in ("library", *str(e.get("id")).split("/"))
                       for e in entries):
        return SERVER_OLLAMA
    return SERVER_OPENAI_COMPATIBLE


def _parse_listing(base_url: str, payload: object) -> ModelListing:
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
    return ModelListing(base_url=base_url, listed=True, models=tuple(models), server=_guess_server(entries))


def new_client(*, keepalive: bool, read_timeout: float, connect_timeout: float) -> httpx2.Client:
    limits = httpx2.Limits(max_connections=8, max_keepalive_connections=4 if keepalive else 0)
    timeout = httpx2.Timeout(connect=connect_timeout, read=read_timeout, write=30.0, pool=connect_timeout)
    return httpx2.Client(timeout=timeout, limits=limits, headers={"User-Agent": "ChatDesk"})


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
            return _parse_listing(base, resp.json())
        except ValueError as exc:
            raise RemoteConnectionError(msg(
                "The server at {host} answered the model list with something that is not an "
                "OpenAI-compatible model list ({error}). Check that the address points at the server's /v1 API.",
                host=host_of(base), error=text_of(exc),
            )) from exc
    finally:
        if own:
            http.close()


# ----------------------------------------------------------------------------- error sentences
def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in seen and len(seen) < 10:
        seen.append(cur)
        cur = cur.__cause__ or cur.__context__
    return seen


def transport_message(exc: BaseException, url: str, *, read_timeout: float | None = None, connect_timeout: float | None = None) -> str:
    """A sentence for a request that got no HTTP answer (refused, DNS, TLS, timeout, cut)."""
    host = host_of(url)
    chain = _chain(exc)
    text = " ".join(str(e) for e in chain).lower()
    if isinstance(exc, (httpx2.ConnectTimeout, httpx2.PoolTimeout)):
        if connect_timeout:
            return msg("{host} did not accept a connection within {seconds} s. Check the address, and that this computer can "
                       "reach that machine (firewall, VPN).", host=host, seconds=f"{connect_timeout:g}")
        return msg("{host} did not accept a connection. Check the address, and that this computer can reach "
                   "that machine (firewall, VPN).", host=host)
    if isinstance(exc, httpx2.ReadTimeout):
        if read_timeout:
            return msg("The server at {host} sent nothing for {seconds} s, so ChatDesk stopped waiting. It may be busy, "
                       "overloaded or still loading its model; try again.", host=host, seconds=f"{read_timeout:g}")
        return msg("The server at {host} sent nothing for too long, so ChatDesk stopped waiting. It may be busy, "
                   "overloaded or still loading its model; try again.", host=host)
    if isinstance(exc, httpx2.WriteTimeout):
        return msg("Sending the request to {host} took too long. Check the network and try again.", host=host)
    if isinstance(exc, httpx2.ConnectError):
        if any(isinstance(e, socket.gaierror) for e in chain) or any(
            s in text for s in ("name or service not known", "nodename nor servname", "getaddrinfo", "name resolution", "no address associated")
        ):
            return msg("The host name in {host} could not be found (DNS lookup failed). Check the address for typos, "
                       "and that this computer is online.", host=host)
        if any(isinstance(e, ConnectionRefusedError) for e in chain) or "connection refused" in text or f"errno {errno.ECONNREFUSED}" in text:
            return msg("Nothing is answering at {host} (connection refused). Is the server running, and is the "
                       "port right? llama-server listens on 8080, Ollama on 11434, vLLM on 8000 by default.", host=host)
        if any(isinstance(e, ssl.SSLError) for e in chain) or "ssl" in text or "certificate" in text:
            reason = next((str(e) for e in chain if isinstance(e, ssl.SSLError)), str(exc))
            return msg("A secure (https) connection to {host} could not be set up: {reason}. If the server speaks plain "
                       "http, use an http:// address.", host=host, reason=reason)
        if any(isinstance(e, OSError) and e.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH) for e in chain):
            return msg("{host} cannot be reached from this computer (no route to the host). Check the network or VPN.", host=host)
        return msg("ChatDesk could not connect to {host}: {error}.", host=host, error=str(exc))
    if isinstance(exc, (httpx2.RemoteProtocolError, httpx2.ReadError)):
        return msg("The connection to {host} broke off before the reply was complete ({error}). "
                   "The server may have crashed or restarted.", host=host, error=str(exc) or type(exc).__name__)
    if isinstance(exc, httpx2.UnsupportedProtocol):
        return msg("{url} is not an http:// or https:// address.", url=url)
    return msg("Talking to {host} failed: {error}.", host=host, error=str(exc) or type(exc).__name__)


def server_detail(text: str) -> str:
    """The human part of an error body: OpenAI ``{"error": {"message"}}``, FastAPI ``detail``, or text."""
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    said: object = None
    if isinstance(data, dict):
        err = data.get("error")
        if isinstance(err, dict):
            said = err.get("message") or err.get("msg")
        elif isinstance(err, str):
            said = err
        if said is None:
            said = data.get("detail") or data.get("message")
        if isinstance(said, list):  # FastAPI validation errors
            said = "; ".join(str(m.get("msg", m)) if isinstance(m, dict) else str(m) for m in said)
    if said is None:
        said = text.strip()
    out = " ".join(str(said).split())
    return out[:300] + ("…" if len(out) > 300 else "")


def retry_after_seconds(headers: httpx2.Headers | dict[str, str]) -> int | None:
    """Seconds from a Retry-After header (delay-seconds or an HTTP date), or None."""
    value = headers.get("retry-after") if headers is not None else None
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return int(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0, math.ceil((when - datetime.now(timezone.utc)).total_seconds()))


def http_status_message(
    status: int,
    headers: httpx2.Headers | dict[str, str],
    body: str,
    url: str,
    *,
    what: str | None = None,
    model_id: str | None = None,
    had_key: bool = False,
) -> str:
    """A sentence for an HTTP error status from an OpenAI-compatible server. ``what`` completes
    "failed while trying to …" (a ``msg`` for the window to translate)."""
    host = host_of(url)
    what = what if what is not None else msg("answer")
    detail = server_detail(body)
    said = msg(" The server said: “{detail}”.", detail=detail.rstrip(".")) if detail else ""
    if status == 401:
        if had_key:
            return msg("The server at {host} did not accept the API key (401 Unauthorized).{said} Check the key saved for this "
                       "connection.", host=host, said=said)
        return msg("The server at {host} needs an API key (401 Unauthorized).{said} Add the key to this connection.", host=host, said=said)
    if status == 403:
        return msg("The server at {host} refused access (403 Forbidden).{said} Check the API key and what it is allowed to use.",
                   host=host, said=said)
    if status == 404:
        if model_id:
            return msg("The server at {host} does not know the model “{model}” or the address {url} (404 Not Found).{said} Check "
                       "the model id, and that the address is the server's OpenAI-compatible API (usually ending in /v1).",
                       host=host, model=model_id, url=url, said=said)
        return msg("The server at {host} does not know the address {url} (404 Not Found).{said} Check the model id, "
                   "and that the address is the server's OpenAI-compatible API (usually ending in /v1).", host=host, url=url, said=said)
    if status == 429:
        wait = retry_after_seconds(headers)
        if wait is not None:
            return msg("The server at {host} is limiting requests (429 Too Many Requests).{said} Try again in {wait} seconds.",
                       host=host, said=said, wait=wait)
        return msg("The server at {host} is limiting requests (429 Too Many Requests).{said} Wait a little and try again.",
                   host=host, said=said)
    if status == 503:
        return msg("The server at {host} is not ready (503 Service Unavailable).{said} It may still be loading its model "
                   "or be overloaded; try again in a moment.", host=host, said=said)
    if status >= 500:
        return msg("The server at {host} failed while trying to {what} ({status} {reason}).{said} Try again; if it "
                   "keeps failing, look at the server's log.", host=host, what=what, status=status, reason=_reason(status), said=said)
    if 300 <= status < 400:
        target = headers.get("location") if headers is not None else None
        if target:
            return msg("The server at {host} redirects to {target} ({status}). Use the address it redirects to.",
                       host=host, target=target, status=status)
        return msg("The server at {host} redirects ({status}). Use the address it redirects to.", host=host, status=status)
    return msg("The server at {host} refused the request ({status} {reason}).{said}", host=host, status=status,
               reason=_reason(status), said=said)


def _reason(status: int) -> str:
    return httpx2.codes.get_reason_phrase(status)


# ----------------------------------------------------------------------------- one exchange
class Exchange:
    """One HTTP request on its own daemon thread, feeding ``events``; ``cancel`` abandons it at once.

    Events: ``("response", status, headers, text)`` for a complete (non-SSE or error) answer,
    ``("open", headers)`` when an event stream starts, ``("event", name, data)`` per SSE event,
    ``("eof",)`` when the stream ends, ``("exception", exc)`` on a transport failure.
    """

    def __init__(self, client: httpx2.Client, url: str, body: dict[str, Any], headers: dict[str, str]) -> None:
        self.events: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()
        self._client = client
        self._url = url
        self._body = body
        self._headers = headers
        self._lock = threading.Lock()
        self._cancelled = False
        self._stream: Any = None  # httpcore network stream, for shutting the socket down
        self._thread = threading.Thread(target=self._run, name="chatdesk-remote-request", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _trace(self, name: str, info: dict[str, Any]) -> None:
        if name.endswith(("connect_tcp.complete", "start_tls.complete")):
            with self._lock:
                self._stream = info.get("return_value")
                cancelled = self._cancelled
            if cancelled:
                self._shutdown()

    def _shutdown(self) -> None:
        stream = self._stream
        if stream is None:
            return
        try:
            sock = stream.get_extra_info("socket")
            if sock is not None:
                # The plain-socket shutdown wakes a recv() blocked in the other thread (close()
                # would not) and leaves TLS state alone; the reader then fails and exits.
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except (OSError, ValueError, AttributeError):
            pass

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
        self._shutdown()

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def _run(self) -> None:
        try:
            with self._client.stream(
                "POST", self._url, json=self._body, headers=self._headers, extensions={"trace": self._trace}
            ) as resp:
                if self._cancelled:
                    return
                ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
                if resp.status_code >= 300 or ctype != "text/event-stream":
                    resp.read()
                    self.events.put(("response", resp.status_code, resp.headers, resp.text))
                    return
                self.events.put(("open", resp.headers))
                for sse in httpx2.EventSource(resp):
                    if self._cancelled:
                        return
                    self.events.put(("event", sse.event, sse.data))
                if not self._cancelled:
                    self.events.put(("eof",))
        except BaseException as exc:  # noqa: BLE001 - every failure is handed to the consumer thread as data
            if not self._cancelled:
                self.events.put(("exception", exc))
