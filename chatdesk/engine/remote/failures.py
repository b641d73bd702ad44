"""One sentence per way a request to an OpenAI-compatible server can fail.

Why: a failed request is the user's to fix (a typo in the address, a stopped server, a wrong
key, a rate limit), so every failure (refused, DNS, TLS, timeouts, 401, 403, 404, 429 with
Retry-After, 5xx) becomes a sentence that says what happened and what to do, through ``msg``
so the window shows it in its language.
"""

from __future__ import annotations

import email.utils
import errno
import json
import math
import socket
import ssl
from datetime import datetime, timezone

import httpx2

from chatdesk.engine.errors import EngineError
from chatdesk.engine.remote.addresses import host_of
from translatable import msg


class RemoteConnectionError(EngineError):
    """The server could not be reached, refused us, or does not serve the model (at load)."""


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

