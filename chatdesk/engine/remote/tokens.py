"""Counting tokens for a model on a server: the server's own tokenizer when it has one, else an estimate.

Why: the context meter and history trimming need counts before a request is sent, and the chat
template is applied on the server, so counts are the server's tokenizer (cached per text) plus a
per-message allowance that ``Calibration`` learns from the prompt sizes the server reports. A
server without a tokenizer, or one busy with a reply it cannot interleave, gets an estimate.
"""

from __future__ import annotations

import logging
import math
import threading
from dataclasses import dataclass

import httpx2

from chatdesk.engine.remote.addresses import server_root
from chatdesk.engine.remote.dialects import ServerDialect
from chatdesk.engine.remote.transport import auth_headers

log = logging.getLogger(__name__)

MESSAGE_OVERHEAD_TOKENS = 4  # role markers a chat template adds per message, before calibration
PROMPT_OVERHEAD_TOKENS = 3  # the assistant header at the end
TOKENIZE_TIMEOUT_S = 3.0  # plan() must stay quick; a slow count falls back to an estimate
_TOKEN_CACHE_SIZE = 2048


def estimate_tokens(text: str) -> int:
    """A tokenizer-free guess: ~4 ASCII characters per token, one token per other character.

    Deliberately generous for Chinese/Japanese/Korean text, where one character is usually one
    token or more; used only when the server has no tokenize endpoint.
    """
    if not text:
        return 0
    ascii_chars = len(text.encode("ascii", "ignore"))
    return math.ceil(ascii_chars / 4) + (len(text) - ascii_chars)


@dataclass(frozen=True)
class Allowance:
    """What a chat template adds per message, and how far off the estimates are."""

    overhead: float = MESSAGE_OVERHEAD_TOKENS
    scale: float = 1.0


class Calibration:
    """The allowance learned from server-reported prompt sizes (thread-safe: ``plan`` runs on
    the window's thread while a reply is generated on the worker's)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._now = Allowance()

    def current(self) -> Allowance:
        with self._lock:
            return self._now

    def learn(self, n_messages: int, raw_sum: int, exact: bool, actual: int) -> None:
        """The server said a prompt of ``n_messages`` whose counted sum was ``raw_sum`` had
        ``actual`` tokens: an exact count teaches the per-message overhead, an estimate its scale."""
        if n_messages <= 0 or actual <= 0:
            return
        with self._lock:
            now = self._now
            if exact:
                per = (actual - PROMPT_OVERHEAD_TOKENS - raw_sum) / n_messages
                self._now = Allowance(overhead=min(64.0, max(0.0, per)), scale=now.scale)
            elif raw_sum > 0:
                scale = (actual - PROMPT_OVERHEAD_TOKENS - n_messages * now.overhead) / raw_sum
                self._now = Allowance(overhead=now.overhead, scale=min(4.0, max(0.25, scale)))


class TokenCounter:
    """The server's token counts for one connection, cached per text.

    ``endpoint`` is the tokenizer path the dialect names, or None once the server showed it has
    none usable (then every count is an estimate for the rest of the connection).
    """

    def __init__(self, dialect: ServerDialect, client: httpx2.Client, base_url: str, model_id: str) -> None:
        self.endpoint = dialect.tokenizer
        self._dialect = dialect
        self._client = client
        self._root = server_root(base_url)
        self._model_id = model_id
        self._lock = threading.Lock()
        self._cache: dict[str, int] = {}

    def count(self, text: str, api_key: str | None, *, busy: bool) -> tuple[int, bool]:
        """Tokens in ``text`` and whether the server's tokenizer counted them. ``busy``: a reply
        is streaming on this connection."""
        if not text:
            return 0, self.endpoint is not None
        if self.endpoint is not None:
            with self._lock:
                cached = self._cache.get(text)
            if cached is not None:
                return cached, True
            if busy and self._dialect.one_request_at_a_time:
                # The server answers one request at a time: a count now would wait for the reply.
                return estimate_tokens(text), False
            counted = self._ask_server(text, api_key)
            if counted is not None:
                with self._lock:
                    if len(self._cache) >= _TOKEN_CACHE_SIZE:
                        self._cache.clear()
                    self._cache[text] = counted
                return counted, True
        return estimate_tokens(text), False

    def _ask_server(self, text: str, api_key: str | None) -> int | None:
        """The server's token count for ``text``; None (estimate instead) when it cannot say now."""
        try:
            resp = self._client.post(f"{self._root}{self.endpoint}", json=self._dialect.tokenize_body(text, self._model_id),
                                     headers=auth_headers(api_key), timeout=TOKENIZE_TIMEOUT_S)
        except httpx2.HTTPError as exc:  # busy or unreachable now: estimate this once
            log.info("tokenize request failed (%s); estimating", exc)
            return None
        try:
            resp.raise_for_status()
            data = resp.json()
            return int(data["count"]) if "count" in data else len(data["tokens"])
        except (httpx2.HTTPStatusError, ValueError, KeyError, TypeError) as exc:
            if isinstance(exc, httpx2.HTTPStatusError) and resp.status_code >= 500:
                return None
            log.info("tokenize endpoint %s unusable (%s); estimating from now on", self.endpoint, exc)
            self.endpoint = None  # missing or not what we expect: do not ask again on this connection
            return None
