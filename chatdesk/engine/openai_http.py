"""The old import path of the OpenAI-compatible HTTP helpers, kept so existing imports work.

They now live in ``chatdesk.engine.remote``, one module per job (addresses, listing, failures,
transport, dialects); import from there in new code.
"""

from chatdesk.engine.remote.addresses import host_of, normalize_base_url, server_root
from chatdesk.engine.remote.dialects import (
    IGNORED_BY_SERVER,
    SERVER_LLAMA_CPP,
    SERVER_LLAMA_CPP_PYTHON,
    SERVER_OLLAMA,
    SERVER_OPENAI_COMPATIBLE,
    SERVER_VLLM,
)
from chatdesk.engine.remote.failures import (
    RemoteConnectionError,
    http_status_message,
    retry_after_seconds,
    server_detail,
    transport_message,
)
from chatdesk.engine.remote.listing import ModelListing, RemoteModel, fetch_models, positive_int
from chatdesk.engine.remote.transport import CONNECT_TIMEOUT_S, CONTROL_TIMEOUT_S, Exchange, auth_headers, new_client

__all__ = [
    "CONNECT_TIMEOUT_S",
    "CONTROL_TIMEOUT_S",
    "IGNORED_BY_SERVER",
    "SERVER_LLAMA_CPP",
    "SERVER_LLAMA_CPP_PYTHON",
    "SERVER_OLLAMA",
    "SERVER_OPENAI_COMPATIBLE",
    "SERVER_VLLM",
    "Exchange",
    "ModelListing",
    "RemoteConnectionError",
    "RemoteModel",
    "auth_headers",
    "fetch_models",
    "host_of",
    "http_status_message",
    "new_client",
    "normalize_base_url",
    "positive_int",
    "retry_after_seconds",
    "server_detail",
    "server_root",
    "transport_message",
]
