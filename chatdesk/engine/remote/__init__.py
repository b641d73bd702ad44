"""Models on OpenAI-compatible servers (llama.cpp's llama-server, vLLM, Ollama, llama-cpp-python).

One module per job: ``engine`` (``RemoteEngine``, the ``Engine`` protocol over HTTP),
``dialects`` (one object per kind of server with its quirks), ``request`` (the request body and
what a refusal means), ``stream`` (reading a reply), ``result`` (a reply's counts and provenance),
``connection`` (what ``load`` learned), ``tokens`` (counting), ``listing`` (the
model list), ``addresses`` (what a user may type), ``failures`` (one sentence per failure) and
``transport`` (clients and the cancellable request). See docs/remote.md for the servers' quirks.
The names below are the package's public face, used by the window, the CLI and the library.
"""

from chatdesk.engine.remote.addresses import host_of, normalize_base_url, server_root
from chatdesk.engine.remote.dialects import (
    SERVER_LLAMA_CPP,
    SERVER_LLAMA_CPP_PYTHON,
    SERVER_OLLAMA,
    SERVER_OPENAI_COMPATIBLE,
    SERVER_VLLM,
    ServerDialect,
)
from chatdesk.engine.remote.engine import READ_TIMEOUT_S, RemoteEngine
from chatdesk.engine.remote.failures import RemoteConnectionError, http_status_message, retry_after_seconds, transport_message
from chatdesk.engine.remote.listing import ModelListing, RemoteModel, fetch_models
from chatdesk.engine.remote.tokens import estimate_tokens

__all__ = [
    "READ_TIMEOUT_S",
    "SERVER_LLAMA_CPP",
    "SERVER_LLAMA_CPP_PYTHON",
    "SERVER_OLLAMA",
    "SERVER_OPENAI_COMPATIBLE",
    "SERVER_VLLM",
    "ModelListing",
    "RemoteConnectionError",
    "RemoteEngine",
    "RemoteModel",
    "ServerDialect",
    "estimate_tokens",
    "fetch_models",
    "host_of",
    "http_status_message",
    "normalize_base_url",
    "retry_after_seconds",
    "server_root",
    "transport_message",
]
