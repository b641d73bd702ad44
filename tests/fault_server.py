"""A small OpenAI-compatible HTTP server that misbehaves on purpose, for the remote-engine tests.

Real servers fail in ways a test cannot provoke on demand (a rate limit, a crash mid-reply, a
proxy that refuses streaming), so this one does it by address: the first path segment picks the
behaviour, e.g. ``http://127.0.0.1:PORT/ratelimit/v1``. It is a real HTTP server on 127.0.0.1
(stdlib ``http.server``, one thread per connection, chunked event streams), so the engine's
whole HTTP path runs unchanged.

Behaviours (``FaultServer.url(name)`` gives the base URL):
  ok          streams REPLY_PIECES with usage and llama.cpp-style timings, then [DONE]
  logprobs    like ok, with llama.cpp-style logprobs (ids, bytes, alternatives) per piece
  auth        401 unless ``Authorization: Bearer <API_KEY>``; then like ok
  authchat    lists models without a key, but chat needs ``Bearer <API_KEY>`` (401 otherwise)
  vllm        introduces itself like vLLM (owned_by "vllm", max_model_len 8192); chat like ok
  ollama      lists models like Ollama ("name:tag", owned_by "library"); chat like ok
  empty       lists no models at all
  forbidden   403 for everything
  missing     lists the model, but chat answers 404 (unknown model)
  ratelimit   chat answers 429 with ``Retry-After: 7``
  broken      chat answers 500 with an OpenAI-style error body
  slow        chat sends nothing until the test ends (read timeout)
  hang        streams one piece, then keeps the stream open (pinging) until the client leaves
  cut         streams two pieces, then drops the connection mid-chunk
  truncated   streams two pieces, then ends the stream cleanly but without finish/[DONE]
  malformed   streams one piece, then an event that is not JSON
  midstream   streams one piece, then an SSE ``error`` payload (server failure mid-reply)
  nostream    refuses stream=true with 400; answers stream=false with a whole reply and usage
  jsononly    ignores stream=true and answers with a whole JSON reply
  strict      rejects fields the OpenAI API does not define (400 "Unrecognized request argument")
  nolist      /v1/models answers 404; chat works like ok
  thinking    streams reasoning_content before the answer (a "thinking" model)
Every request body is recorded in ``FaultServer.requests`` as (behaviour, path, json body).
"""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL_ID = "fault-model"
API_KEY = "sk-test-secret"
REPLY_PIECES = ("Hel", "lo", " there", "!")
USAGE = {"prompt_tokens": 11, "completion_tokens": 4, "total_tokens": 15}
TIMINGS = {"cache_n": 2, "prompt_n": 9, "prompt_ms": 12.5, "predicted_n": 4, "predicted_ms": 40.0, "predicted_per_second": 100.0}
SERVED_MODEL_NAME = "fault-model-q4"
RETRY_AFTER = "7"
VLLM_CONTEXT = 8192


class FaultServer:
    """Start with ``FaultServer()``; ``close()`` stops it and releases every waiting handler."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, Any]] = []
        self.release = threading.Event()  # set at close: handlers waiting "forever" return
        self.client_left = threading.Event()  # set when a "hang" client disconnects
        self.hang_started = threading.Event()  # set when a "hang" handler sent its first piece
        self._lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"fault": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="fault-server", daemon=True)
        self._thread.start()

    def url(self, behaviour: str) -> str:
        return f"http://127.0.0.1:{self.port}/{behaviour}/v1"

    def record(self, behaviour: str, path: str, body: Any) -> None:
        with self._lock:
            self.requests.append((behaviour, path, body))

    def bodies(self, behaviour: str, path_suffix: str = "/chat/completions") -> list[Any]:
        with self._lock:
            return [b for (name, path, b) in self.requests if name == behaviour and path.endswith(path_suffix)]

    def close(self) -> None:
        self.release.set()
        self._httpd.shutdown()
        self._httpd.server_close()


def free_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _chunk(content: str | None = None, finish: str | None = None, **extra: Any) -> dict[str, Any]:
    delta: dict[str, Any] = {}
    if content is not None:
        delta["content"] = content
    out: dict[str, Any] = {
        "id": "chatcmpl-fault",
        "object": "chat.completion.chunk",
        "model": SERVED_MODEL_NAME,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    out.update(extra)
    return out


def _logprob_entry(i: int, piece: str) -> dict[str, Any]:
    data = piece.encode("utf-8")
    return {
        "id": 100 + i,
        "token": piece,
        "bytes": list(data),
        "logprob": -0.1 * (i + 1),
        "top_logprobs": [
            {"id": 100 + i, "token": piece, "bytes": list(data), "logprob": -0.1 * (i + 1)},
            {"id": 900 + i, "token": "x", "bytes": [120], "logprob": -2.0},
        ],
    }


class _Handler(BaseHTTPRequestHandler):
    fault: FaultServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # the client left first (Stop, timeouts)
            pass

    # -- helpers ---------------------------------------------------------------------------
    def _split(self) -> tuple[str, str]:
        parts = self.path.split("?")[0].strip("/").split("/", 1)
        return parts[0], "/" + (parts[1] if len(parts) > 1 else "")

    def _json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        self._json(status, {"error": {"message": message, "type": "fault", "code": status}}, headers)

    def _start_stream(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()

    def _send_raw(self, text: str) -> None:
        data = text.encode("utf-8")
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _event(self, payload: Any) -> None:
        self._send_raw("data: " + (payload if isinstance(payload, str) else json.dumps(payload)) + "\n\n")

    def _end_stream(self) -> None:
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()
        self.close_connection = True

    # -- routes ----------------------------------------------------------------------------
    def do_GET(self) -> None:
        behaviour, path = self._split()
        self.fault.record(behaviour, path, None)
        if behaviour == "forbidden":
            return self._error(403, "This key may not use this server")
        if behaviour == "auth" and self.headers.get("Authorization") != f"Bearer {API_KEY}":
            return self._error(401, "Invalid API key")
        if path == "/v1/models":
            if behaviour == "nolist":
                return self._error(404, "Not found")
            if behaviour == "ollama":
                return self._json(200, {"object": "list", "data": [
                    {"id": "llama3.2:latest", "object": "model", "owned_by": "library"},
                    {"id": "hf.co/someone/tiny-GGUF:Q4_K_M", "object": "model", "owned_by": "someone"}]})
            if behaviour == "empty":
                return self._json(200, {"object": "list", "data": []})
            if behaviour == "vllm":
                return self._json(200, {"object": "list", "data": [
                    {"id": MODEL_ID, "object": "model", "owned_by": "vllm", "root": MODEL_ID, "max_model_len": VLLM_CONTEXT}]})
            return self._json(200, {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "owned_by": "fault"}]})
        return self._error(404, f"No route {path}")

    def do_POST(self) -> None:
        behaviour, path = self._split()
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"null")
        except ValueError:
            body = None
        self.fault.record(behaviour, path, body)
        if path != "/v1/chat/completions" or not isinstance(body, dict):
            return self._error(404, f"No route {path}")
        stream = bool(body.get("stream"))
        if behaviour == "forbidden":
            return self._error(403, "This key may not use this server")
        if behaviour in ("auth", "authchat") and self.headers.get("Authorization") != f"Bearer {API_KEY}":
            return self._error(401, "Invalid API key")
        if behaviour == "missing":
            return self._error(404, f"The model `{body.get('model')}` does not exist.")
        if behaviour == "ratelimit":
            return self._error(429, "Rate limit reached for requests", {"Retry-After": RETRY_AFTER})
        if behaviour == "broken":
            return self._error(500, "CUDA error: out of memory")
        if behaviour == "strict":
            unknown = sorted(k for k in body if k in ("top_k", "min_p", "repeat_penalty", "repetition_penalty"))
            if unknown:
                return self._error(400, f"Unrecognized request argument supplied: {', '.join(unknown)}")
        if behaviour == "slow":
            self.fault.release.wait(120)
            return self._error(503, "gave up")
        if behaviour == "nostream" and stream:
            return self._error(400, "Streaming is not supported by this server")
        if behaviour in ("nostream", "jsononly") or not stream:
            return self._json(200, {
                "id": "chatcmpl-fault",
                "object": "chat.completion",
                "model": SERVED_MODEL_NAME,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": "".join(REPLY_PIECES)},
                             "finish_reason": "stop"}],
                "usage": USAGE,
            })
        self._stream(behaviour, body)

    def _stream(self, behaviour: str, body: dict[str, Any]) -> None:
        self._start_stream()
        self._event(_chunk(None) | {"choices": [{"index": 0, "delta": {"role": "assistant"}, "finish_reason": None}]})
        if behaviour == "thinking":
            for part in ("Let me", " think."):
                self._event(_chunk() | {"choices": [{"index": 0, "delta": {"reasoning_content": part}, "finish_reason": None}]})
        if behaviour == "hang":
            self._event(_chunk(REPLY_PIECES[0]))
            self.fault.hang_started.set()
            try:
                while not self.fault.release.wait(0.05):
                    self._send_raw(": ping\n\n")
            except OSError:
                self.fault.client_left.set()
            self.close_connection = True
            return
        if behaviour == "cut":
            for piece in REPLY_PIECES[:2]:
                self._event(_chunk(piece))
            self.wfile.write(b"40\r\ndata: {\"choi")  # a chunk promised 64 bytes, sent 15, then gone
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        if behaviour == "truncated":
            for piece in REPLY_PIECES[:2]:
                self._event(_chunk(piece))
            return self._end_stream()
        if behaviour == "malformed":
            self._event(_chunk(REPLY_PIECES[0]))
            self._send_raw("data: {\"choices\": [oops\n\n")
            return self._end_stream()
        if behaviour == "midstream":
            self._event(_chunk(REPLY_PIECES[0]))
            self._event({"error": {"message": "slot 0 crashed", "code": 500}})
            return self._end_stream()
        with_logprobs = behaviour == "logprobs" and body.get("logprobs")
        for i, piece in enumerate(REPLY_PIECES):
            extra = {}
            if with_logprobs:
                extra = {"choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None,
                                      "logprobs": {"content": [_logprob_entry(i, piece)]}}]}
            self._event(_chunk(piece) | extra)
        self._event(_chunk(None, "stop"))
        if (body.get("stream_options") or {}).get("include_usage"):
            self._event(_chunk() | {"choices": [], "usage": USAGE, "timings": TIMINGS})
        self._event("[DONE]")
        self._end_stream()
