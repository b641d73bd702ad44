"""The OpenAI-compatible server as a Starlette ASGI app: its routes, error answers and safety layers.

Routes: ``GET /health``, ``GET /v1/models``, ``GET /v1/models/{id}``, ``POST /v1/chat/completions``,
``POST /v1/completions``, ``POST /v1/embeddings``; each endpoint is a module of ``routes/``. A
request runs like this:

1. the body is decoded and checked (``schemas``; wrong types -> 400 naming the field);
2. the model is resolved by library id and loaded if needed (``pool``; 503 + Retry-After while
   another model loads);
3. the engine request and its provenance are built by the conversation flow's ``request_for``
   (the window's code path), with the client's sampler, stop strings and logprobs on top; the
   engine's own ``plan`` checks that the prompt fits the context (400 naming the limit)
   (``request_parts``);
4. a ``Job`` joins the model's queue (``jobs``); the model's worker thread generates with the
   engine, whose callbacks feed this request's asyncio queue (``exchange``, ``generation``); a
   stream turns each piece into an SSE chunk, with the logprobs of the tokens it completes
   (``sse_stream``);
5. if the client goes away, the job is stopped: the engine ends within one token.

With ``store_requests`` on, the flow also stores the exchange as a conversation titled with
the client, and a ``ReplyRecorder`` saves the reply exactly as the window would.

This module only builds the app: it binds each endpoint to the shared ``ServerState``, turns
``APIError`` and Starlette's own errors into OpenAI-shaped answers, and wraps the app in
``guard``'s safety layers.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from chatdesk.server.errors import INVALID_REQUEST, NOT_FOUND, SERVER_ERROR, APIError, error_body
from chatdesk.server.exchange import Exchange as _Exchange
from chatdesk.server.guard import wrap
from chatdesk.server.routes.chat_completions import chat_completions
from chatdesk.server.routes.completions import RAW_COMPLETION, completions
from chatdesk.server.routes.embeddings import embeddings
from chatdesk.server.routes.health import health
from chatdesk.server.routes.models import models, one_model
from chatdesk.server.state import ServerState
from translatable import msg

# Importable from here as before the routes moved out (chatdesk.server.runner, tests).
__all__ = ["RAW_COMPLETION", "ServerState", "_Exchange", "create_app"]

log = logging.getLogger(__name__)

Endpoint = Callable[[ServerState, Request], Awaitable[Response]]


def _bound(endpoint: Endpoint, state: ServerState) -> Callable[[Request], Awaitable[Response]]:
    """``endpoint`` as the one-argument function Starlette calls, with the server's state."""

    async def handle(request: Request) -> Response:
        return await endpoint(state, request)

    handle.__name__ = endpoint.__name__
    return handle


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, APIError)
    return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        body = error_body(msg("There is no route {method} {path} on this server.", method=request.method, path=request.url.path),
                          NOT_FOUND, code="unknown_url")
    elif exc.status_code == 405:
        body = error_body(msg("{method} is not allowed on {path}.", method=request.method, path=request.url.path),
                          INVALID_REQUEST, code="method_not_allowed")
    else:
        body = error_body(str(exc.detail), INVALID_REQUEST)
    return JSONResponse(body, status_code=exc.status_code, headers=getattr(exc, "headers", None))


async def _server_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("unexpected error on %s", request.url.path, exc_info=exc)
    return JSONResponse(error_body(msg("The server failed: {error}", error=repr(exc)), SERVER_ERROR), status_code=500)


def create_app(state: ServerState) -> Any:
    """The ASGI application (with the safety layers of ``guard`` around it)."""
    routes = [
        Route("/health", _bound(health, state), methods=["GET"]),
        Route("/v1/models", _bound(models, state), methods=["GET"]),
        Route("/v1/models/{model_id:path}", _bound(one_model, state), methods=["GET"]),
        Route("/v1/chat/completions", _bound(chat_completions, state), methods=["POST"]),
        Route("/v1/completions", _bound(completions, state), methods=["POST"]),
        Route("/v1/embeddings", _bound(embeddings, state), methods=["POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers={APIError: _api_error, HTTPException: _http_error, Exception: _server_error})
    return wrap(app, state.settings)
