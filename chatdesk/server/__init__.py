"""ChatDesk as a local OpenAI-compatible server, Qt-free: ``chatdesk serve`` and the window's
Server panel both run this package.

Why it exists: editors, scripts, browser extensions and agents speak OpenAI's API. Serving the
library through it (every model by its library id, loaded on demand) lets them use ChatDesk's
models, converted checkpoints and token probabilities, with the same chat templates, stop strings,
context trimming and provenance as the window, because requests go through the same flow
(``chatdesk.chat.flow.request_for``) and engines (``chatdesk.engine``).

Modules: ``app`` (the ASGI app: routes bound, error answers), ``routes/`` (one module per
endpoint), ``request_parts`` (reading a request), ``generation`` and ``sse_stream`` (answering a
chat or completion), ``exchange`` (a queued job and its response), ``state`` (what the routes
share), ``schemas`` (request checks), ``openai_format`` (wire format),
``guard`` (Host/Origin, CORS, body limits, API key), ``config`` (settings, safety rules),
``keys`` (the API key in the keyring), ``pool`` (models, loading), ``jobs`` (queue, workers),
``slots`` and ``slot_state`` (parallel decoding), ``embeddings``, ``runner`` (uvicorn).

Using it from the window (the Server panel), all Qt-free::

    from chatdesk.server import LocalServer, ServerSettings, load_server_settings
    server = LocalServer(load_server_settings())      # ServerConfigError: unsafe settings, in words
    url = server.start()                               # background thread; "http://127.0.0.1:8765/v1"
    server.queue.requests()                            # [RequestInfo(id, client, model, kind, state, tokens...)]
    server.queue.cancel(request_id)                    # the user stops one request
    unsubscribe = server.queue.subscribe(callback)     # callback() on any thread after a change: marshal it
    server.state.log_lines; server.state.on_log = cb   # one line per request
    server.stop()                                      # requests end as "stopped", then the port closes

API key (LAN)::  keys.create_key() -> shown once, kept in the keyring; keys.stored_key(); keys.forget_key()

Sharing the window's engine (scheduler). A llama.cpp context decodes one reply at a time. To serve
the model the window has loaded without loading it twice, the window's inference worker lends
its engine through an ``EngineShare`` (``chatdesk/engine/sharing.py``) given to the server::

    server = LocalServer(settings, share=window_share)  # the Server panel does this
    # a request naming the window's model borrows its engine (pool.slot -> share.borrow -> adopt)

Both then take turns on the share's ``TurnGate`` (``chatdesk/engine/turns.py``): the worker
holds ``gate.interactive()`` around each load, reply and unload; the server's worker holds a
*background* turn per request and offers the engine back between every two tokens (and prompt
chunks), so a window reply waits for at most one in-flight server token step. The paused server
reply continues after the window's reply (its prompt and tokens so far are re-evaluated; the
client only sees a pause). Before the window loads another model, unloads or quits, it withdraws
the loan: the pool lets the engine go and the requests on it end as stopped.

A borrowed engine serves one request at a time, in arrival order; a model the pool loads itself
decodes up to ``parallel`` replies together (``slots.SlotWorker``; benchmarks/serve_stream.py
compares that with llama.cpp's ``--parallel`` slots).
"""

from chatdesk.server.config import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    ServerConfigError,
    ServerSettings,
    load_server_settings,
    save_server_settings,
)
from chatdesk.server.jobs import RequestInfo, RequestQueue
from chatdesk.server.runner import LocalServer

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "LocalServer",
    "RequestInfo",
    "RequestQueue",
    "ServerConfigError",
    "ServerSettings",
    "load_server_settings",
    "save_server_settings",
]
