"""The HTTP transport to an OpenAI-compatible server: clients, the key header, and ``Exchange``.

Why: Stop must end a reply at once, even while the server is silent (a long prompt, a stalled
network). Each request therefore runs on its own short-lived thread (``Exchange``) that hands
events to the engine through a queue; ``cancel`` shuts the request's socket down, so the server
sees the disconnect and stops generating. All HTTP goes through httpx2 (and its SSE decoder).
"""

from __future__ import annotations

import queue
import socket
import threading
from typing import Any

import httpx2

CONNECT_TIMEOUT_S = 10.0
CONTROL_TIMEOUT_S = 15.0  # model list, tokenizer, /props


def auth_headers(api_key: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_key}"} if api_key else {}


def new_client(*, keepalive: bool, read_timeout: float, connect_timeout: float) -> httpx2.Client:
    limits = httpx2.Limits(max_connections=8, max_keepalive_connections=4 if keepalive else 0)
    timeout = httpx2.Timeout(connect=connect_timeout, read=read_timeout, write=30.0, pool=connect_timeout)
    return httpx2.Client(timeout=timeout, limits=limits, headers={"User-Agent": "ChatDesk"})



class Exchange:
    """One HTTP request on its own daemon thread, feeding ``events``; ``cancel`` abandons it at once.

    Events: ``("response", status, headers, text)`` for a complete (non-SSE or error) answer,
    ``("open", headers)`` when an event stream starts, ``("event", name, data)`` per SSE event,
    ``("eof",)`` when the stream ends, ``("exception", exc)`` on a transport failure.
    """

    def __init__(self, client: httpx2.Client, url: str, body: dict[str, Any], headers: dict[str, str]) -> None:
        self.events: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()
        self._client = client
        self._url = url
        self._body = body
        self._headers = headers
        self._lock = threading.Lock()
        self._cancelled = False
        self._stream: Any = None  # httpcore network stream, for shutting the socket down
        self._thread = threading.Thread(target=self._run, name="chatdesk-remote-request", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _trace(self, name: str, info: dict[str, Any]) -> None:
        if name.endswith(("connect_tcp.complete", "start_tls.complete")):
            with self._lock:
                self._stream = info.get("return_value")
                cancelled = self._cancelled
            if cancelled:
                self._shutdown()

    def _shutdown(self) -> None:
        stream = self._stream
        if stream is None:
            return
        try:
            sock = stream.get_extra_info("socket")
            if sock is not None:
                # The plain-socket shutdown wakes a recv() blocked in the other thread (close()
                # would not) and leaves TLS state alone; the reader then fails and exits.
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except (OSError, ValueError, AttributeError):
            pass

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
        self._shutdown()

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def _run(self) -> None:
        try:
            with self._client.stream(
                "POST", self._url, json=self._body, headers=self._headers, extensions={"trace": self._trace}
            ) as resp:
                if self._cancelled:
                    return
                ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
                if resp.status_code >= 300 or ctype != "text/event-stream":
                    resp.read()
                    self.events.put(("response", resp.status_code, resp.headers, resp.text))
                    return
                self.events.put(("open", resp.headers))
                for sse in httpx2.EventSource(resp):
                    if self._cancelled:
                        return
                    self.events.put(("event", sse.event, sse.data))
                if not self._cancelled:
                    self.events.put(("eof",))
        except BaseException as exc:  # noqa: BLE001 - every failure is handed to the consumer thread as data
            if not self._cancelled:
                self.events.put(("exception", exc))
