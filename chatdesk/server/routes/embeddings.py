"""``POST /v1/embeddings``: vectors from a model on this computer, as floats or base64.

The embedding runs as one job on the model's worker, queued like a chat request: a full queue is
a 503 with ``Retry-After``, and a client that goes away stops it.
"""

from __future__ import annotations

import asyncio
import base64
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from chatdesk.engine import errors as engine_errors
from chatdesk.server.errors import SERVER_ERROR, APIError, bad_request, error_body
from chatdesk.server.exchange import Exchange, failure, submit, wait_done
from chatdesk.server.jobs import Job
from chatdesk.server.pool import ModelSlot
from chatdesk.server.request_parts import client_name, json_body
from chatdesk.server.schemas import EmbeddingRequest, parse
from chatdesk.server.state import ServerState
from translatable import msg


async def embeddings(state: ServerState, request: Request) -> JSONResponse:
    req = parse(EmbeddingRequest, await json_body(request))
    assert isinstance(req, EmbeddingRequest)
    entry = state.pool.resolve(req.model)
    if entry.is_remote:
        raise bad_request(msg("The model '{model}' cannot make embeddings here: it is on a remote server, and ChatDesk "
                              "embeds only with models on this computer.", model=entry.id),
                          param="model", code="model_not_embeddable")
    texts = req.texts()
    if any(not t for t in texts):
        raise bad_request(msg("'input' must not contain empty strings."), param="input")
    slot = await run_in_threadpool(state.pool.slot, entry)
    loop = asyncio.get_running_loop()
    ex = Exchange(loop, False)
    threads = state.app_settings.load.n_threads

    def run(slot: ModelSlot, job: Job) -> tuple[Any, int] | None:
        if job.stop.is_set():
            return None
        embedder = slot.get_embedder(threads)
        vectors = embedder.embed(texts)
        counter = getattr(embedder, "count_tokens", None)
        return vectors, sum(counter(t) for t in texts) if counter else 0

    job = Job(client=client_name(request, req.user), model=entry.id, kind="embedding", work=run)
    job.on_finish = lambda j: ex.put("done", j)
    submit(slot, job)
    await wait_done(request, ex, job)
    if not job.done.is_set():
        return JSONResponse(error_body(msg("The request was stopped."), code="request_stopped"), status_code=499)
    not_embedding_model = getattr(engine_errors, "EmbeddingModelError", None)  # the engine's Embedder (feat-embed)
    if not_embedding_model is not None and isinstance(job.error, not_embedding_model):
        raise bad_request(str(job.error), param="model", code="model_not_embeddable")
    problem = failure(job)
    if problem is not None:
        if problem.code == "context_length_exceeded":
            problem.param = "input"
        raise problem
    if job.result is None:
        raise APIError(503, msg("The request was stopped before it ran."), type=SERVER_ERROR, code="request_stopped")
    vectors, n_tokens = job.result
    if req.dimensions is not None and req.dimensions != vectors.shape[1]:
        raise bad_request(msg("This model's embeddings have {n} dimensions; 'dimensions' cannot change that.",
                              n=int(vectors.shape[1])), param="dimensions")
    data = []
    for i, row in enumerate(vectors):
        value: Any = base64.b64encode(row.astype("<f4").tobytes()).decode("ascii") if req.encoding_format == "base64" else [float(x) for x in row]
        data.append({"object": "embedding", "index": i, "embedding": value})
    return JSONResponse({"object": "list", "data": data, "model": entry.id,
                         "usage": {"prompt_tokens": n_tokens, "total_tokens": n_tokens}})
