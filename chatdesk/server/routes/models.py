"""``GET /v1/models`` and ``GET /v1/models/{id}``: the library's models as OpenAI model cards,
with ChatDesk's own fields (name, source, context length, loaded, usable) beside OpenAI's."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from chatdesk.server.errors import NOT_FOUND, APIError
from chatdesk.server.state import ServerState
from translatable import msg


def model_card(entry: Any, loaded: set[str]) -> dict[str, Any]:
    return {
        "id": entry.id,
        "object": "model",
        "created": _created(entry.added_at),
        "owned_by": "remote" if entry.is_remote else "chatdesk",
        "name": entry.name,
        "source": entry.source,
        "context_length": entry.context_length,
        "loaded": entry.id in loaded,
        "usable": entry.usable,
    }


async def models(state: ServerState, request: Request) -> JSONResponse:
    entries = await run_in_threadpool(state.pool.models)
    loaded = {s.entry.id for s in state.pool.loaded()}
    return JSONResponse({"object": "list", "data": [model_card(e, loaded) for e in entries]})


async def one_model(state: ServerState, request: Request) -> JSONResponse:
    model_id = request.path_params["model_id"]
    entries = await run_in_threadpool(state.pool.models)
    entry = next((e for e in entries if e.id == model_id), None)
    if entry is None:
        raise APIError(404, msg("The model '{model}' does not exist in ChatDesk's library.", model=model_id),
                       type=NOT_FOUND, param="model", code="model_not_found")
    return JSONResponse(model_card(entry, {s.entry.id for s in state.pool.loaded()}))


def _created(added_at: str) -> int:
    from datetime import datetime

    try:
        return int(datetime.fromisoformat(added_at.replace("Z", "+00:00")).timestamp())
    except (ValueError, AttributeError):
        return 0
