"""The server's front door: Host and Origin checks, CORS, body limits and the API key.

Three ASGI layers, outermost first (``wrap``):

1. ``HostOriginGuard``: a ``Host`` header that does not name this server is refused (DNS
   rebinding: a web page whose domain resolves to 127.0.0.1 must not reach the API), and so is
   any request whose ``Origin`` is not on the allow-list, preflight or not, so a page cannot make
   the model work even with a "simple" request whose answer it cannot read.
2. Starlette's ``CORSMiddleware`` for the listed origins, with the Private-Network-Access answer (``Access-Control-Allow-Private-Network: true``) that Chromium
   asks of loopback and LAN servers before a public page may call them.
3. ``BodyAndKeyGuard``: the body must arrive whole within ``body_timeout_s`` and stay under
   ``max_body_bytes`` (413), and with an API key configured every request but ``/health`` must
   carry ``Authorization: Bearer KEY`` (401; compared in constant time).

Every refusal is an OpenAI-shaped JSON error.
"""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chatdesk.server.config import ServerSettings
from chatdesk.server.errors import AUTHENTICATION, INVALID_REQUEST, PERMISSION, error_body
from chatdesk.server.keys import key_matches
from translatable import msg

OPEN_PATHS = frozenset({"/health"})


async def _refuse(send: Send, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
    response = JSONResponse(body, status_code=status, headers=headers)
    await response({"type": "http"}, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):  # [::1]:8080
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class HostOriginGuard:
    def __init__(self, app: ASGIApp, settings: ServerSettings) -> None:
        self.app = app
        self.hosts = settings.host_names()
        self.origins = frozenset(o.rstrip("/") for o in settings.cors_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        host = _host_name(headers.get("host", ""))
        if host not in self.hosts:
            await _refuse(send, 400, error_body(
                msg("This server does not answer to the host name '{host}'. Add it to the server's allowed host names "
                    "if you meant to use it.", host=host or "?"), INVALID_REQUEST, code="invalid_host"))
            return
        origin = headers.get("origin")
        if origin is not None and origin.rstrip("/") not in self.origins:
            await _refuse(send, 403, error_body(
                msg("Browser pages from {origin} may not use this server. Add the origin to the server's allowed "
                    "origins (CORS) to allow it.", origin=origin), PERMISSION, code="origin_not_allowed"))
            return
        await self.app(scope, receive, send)


class BodyAndKeyGuard:
    def __init__(self, app: ASGIApp, settings: ServerSettings) -> None:
        self.app = app
        self.key = settings.api_key
        self.cap = settings.max_body_bytes
        self.timeout = settings.body_timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if self.key is not None and scope["path"] not in OPEN_PATHS and not key_matches(self.key, headers.get("authorization")):
            await _refuse(send, 401, error_body(
                msg("Incorrect or missing API key. Send it as 'Authorization: Bearer KEY' (the key was shown when the "
                    "server's key was created)."), AUTHENTICATION, code="invalid_api_key"),
                headers={"WWW-Authenticate": "Bearer"})
            return
        declared = headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.cap:
            await self._too_large(send)
            return
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        while True:
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - loop.time()))
            except TimeoutError:
                await _refuse(send, 408, error_body(
                    msg("The request body did not arrive within {seconds} seconds.", seconds=round(self.timeout)),
                    INVALID_REQUEST, code="request_timeout"), headers={"Connection": "close"})
                return
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.cap:
                await self._too_large(send)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        whole = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send) -> None:
        await _refuse(send, 413, error_body(
            msg("The request body is larger than this server accepts ({limit} bytes).", limit=self.cap),
            INVALID_REQUEST, code="request_too_large"), headers={"Connection": "close"})


def wrap(app: ASGIApp, settings: ServerSettings) -> ASGIApp:
    inner = BodyAndKeyGuard(app, settings)
    cors = CORSMiddleware(
        inner,
        allow_origins=list(settings.cors_origins),
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Authorization", "Content-Type", "OpenAI-Organization", "OpenAI-Project", "X-Stainless-Lang",
                       "X-Stainless-Package-Version", "X-Stainless-OS", "X-Stainless-Arch", "X-Stainless-Runtime",
                       "X-Stainless-Runtime-Version", "X-Stainless-Retry-Count", "X-Stainless-Timeout"],
        allow_private_network=True,  # Chromium's Private-Network-Access preflight (starlette >= 0.51)
        max_age=600,
    ) if settings.cors_origins else inner
    return HostOriginGuard(cors, settings)
