"""``GET /health``: whether the server is up, and what it is doing (the panel and scripts poll it)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse

from chatdesk.server.state import ServerState


async def health(state: ServerState, request: Request) -> JSONResponse:
    return JSONResponse({
        "status": "ok",
        "loading": state.pool.loading,
        "loaded": [s.entry.id for s in state.pool.loaded()],
        "active_requests": len(state.queue.active()),
    })
