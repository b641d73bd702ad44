"""``RemoteEngine``: a model on an OpenAI-compatible server, driven through the ``Engine`` protocol.

Why it looks the way it does:

* Users who outgrow their machine point ChatDesk at a bigger one. The worker and ``chatdesk ask``
  drive this engine like the local llama.cpp one; this module connects (``load``), plans the
  context (``plan``) and runs one reply (``generate``), and leaves the HTTP details to its
  neighbours: ``transport`` (the cancellable request), ``request`` (the body and refusals),
  ``stream`` (reading the reply), ``result`` (its counts and provenance), ``tokens`` (counting),
  ``listing`` (the model list), ``failures`` (sentences) and ``dialects`` (each server's quirks).
* Stop must end a reply at once, even while the server is silent: ``generate`` polls the
  request's event queue and the stop Event every 50 ms, and on Stop returns the text so far and
  cancels the request, which shuts its socket down (llama.cpp, vLLM and llama-cpp-python all
  abort a request whose client went away).
* Anything optional a server refuses is dropped and the request retried, before any text was
  shown, and remembered for the rest of the connection.
* The API key never travels in values (``RemoteSource``, ``ModelInfo``, provenance): the
  engine asks ``api_key_for(endpoint_id)`` when it connects and keeps it privately.
"""

from __future__ import annotations

import hashlib
import logging
import math
import queue
import secrets
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import httpx2

from chatdesk.engine.errors import GenerationError
from chatdesk.engine.history import MIN_REPLY_TOKENS, kept_start, reply_reserve, split_system
from chatdesk.engine.remote.addresses import host_of, normalize_base_url, server_root
from chatdesk.engine.remote.connection import Connection
from chatdesk.engine.remote.dialects import ServerDialect, dialect_named
from chatdesk.engine.remote.failures import RemoteConnectionError, http_status_message, transport_message
from chatdesk.engine.remote.listing import RemoteModel, fetch_models, positive_int
from chatdesk.engine.remote.request import Accepted, build_body, refused_feature
from chatdesk.engine.remote.result import Outcome, reply_result, reported_prompt_tokens
from chatdesk.engine.remote.stream import Reply, ReplyFailed, TextCallback, TokenCallback, read_event, read_whole
from chatdesk.engine.remote.tokens import PROMPT_OVERHEAD_TOKENS, TokenCounter
from chatdesk.engine.remote.transport import CONNECT_TIMEOUT_S, CONTROL_TIMEOUT_S, Exchange, auth_headers, new_client
from chatdesk.engine.types import (
    ChatMessage,
    GenerationRequest,
    GenerationResult,
    ModelInfo,
    PromptFormat,
    PromptPlan,
    RemoteSource,
    TokenProb,
)
from translatable import msg, text_of

log = logging.getLogger(__name__)

ApiKeyLookup = Callable[[str | None], str | None]
ProgressCallback = Callable[[float], None]

READ_TIMEOUT_S = 300.0  # the longest silence accepted from a server (a long prompt on a slow GPU)
STOP_POLL_S = 0.05  # how often a waiting generate() looks at the stop Event


class _Retry(Exception):
    """The server refused something optional (or the key changed); the request is sent again."""

    def __init__(self, feature: str) -> None:
        super().__init__(feature)
        self.feature = feature


class RemoteEngine:
    """Stream replies from one model on an OpenAI-compatible server.

    ``api_key_for(endpoint_id)`` returns the key for a saved connection (or None); it is called
    at ``load`` and again once if the server answers 401/403 (the user may have changed it).
    ``streaming=False`` asks for whole replies (for proxies that buffer event streams).
    ``read_timeout`` is the longest silence accepted from the server.
    """

    def __init__(
        self,
        api_key_for: ApiKeyLookup | None = None,
        *,
        streaming: bool = True,
        connect_timeout: float = CONNECT_TIMEOUT_S,
        read_timeout: float = READ_TIMEOUT_S,
    ) -> None:
        self._api_key_for: ApiKeyLookup = api_key_for or (lambda _endpoint_id: None)
        self._streaming = streaming
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._conn: Connection | None = None
        self._info: ModelInfo | None = None

    # -- protocol properties ---------------------------------------------------------------
    @property
    def info(self) -> ModelInfo | None:
        return self._info

    @property
    def loaded(self) -> bool:
        return self._conn is not None

    @property
    def token_counter(self) -> str:
        """How ``plan`` counts tokens now: the server endpoint it uses, or ``"estimate"``."""
        conn = self._conn
        return conn.tokens.endpoint if conn is not None and conn.tokens.endpoint else "estimate"

    # -- connecting ------------------------------------------------------------------------
    def _key(self, endpoint_id: str | None) -> str | None:
        try:
            key = self._api_key_for(endpoint_id)
        except Exception as exc:  # noqa: BLE001 - the caller's lookup (a keyring backend) may raise anything; no key then
            log.warning("API key lookup failed for %s: %s", endpoint_id, exc)
            return None
        return key or None

    def load(self, source: RemoteSource, progress: ProgressCallback | None = None) -> ModelInfo:
        """Check the server answers and serves ``source.model_id``; learn its context and dialect.

        Raises ``RemoteConnectionError`` (an ``EngineError``) with a sentence for the user.
        """
        started = time.perf_counter()
        try:
            base = normalize_base_url(source.base_url)
        except ValueError as exc:
            raise RemoteConnectionError(text_of(exc)) from exc
        model_id = (source.model_id or "").strip()
        if not model_id:
            raise RemoteConnectionError(msg("Choose a model on this server, or type its id."))
        self.unload()
        _progress(progress, 0.0)
        key = self._key(source.endpoint_id)
        control = new_client(keepalive=True, read_timeout=CONTROL_TIMEOUT_S, connect_timeout=self._connect_timeout)
        try:
            listing = fetch_models(base, key, client=control, timeout=CONTROL_TIMEOUT_S)
            _progress(progress, 0.5)
            dialect = dialect_named(listing.server)
            entry: RemoteModel | None = None
            if listing.listed:
                if not listing.models:
                    raise RemoteConnectionError(dialect.no_models_message(host_of(base)))
                entry = listing.find(model_id)
                if entry is None:
                    shown = ", ".join(f"“{i}”" for i in listing.ids[:8]) + (" …" if len(listing.ids) > 8 else "")
                    raise RemoteConnectionError(msg(
                        "The server at {host} does not offer a model called “{model}”. It offers {offered}. "
                        "Pick one of those.", host=host_of(base), model=model_id, offered=shown,
                    ))
            props = _props(control, base, key) if dialect.reads_props else {}
            n_ctx, context_source, trained = _context_of(dialect, entry, props)
        except BaseException:
            control.close()
            raise
        streams = new_client(keepalive=False, read_timeout=self._read_timeout, connect_timeout=self._connect_timeout)
        conn = Connection(
            source=source,
            base_url=base,
            model_id=model_id,
            dialect=dialect,
            api_key=key,
            control=control,
            streams=streams,
            n_ctx=n_ctx,
            context_source=context_source,
            tokens=TokenCounter(dialect, control, base, model_id),
            accepted=Accepted(stream=self._streaming),
        )
        template = props.get("chat_template") if isinstance(props.get("chat_template"), str) else None
        metadata = {
            "remote.endpoint": base,
            "remote.model_id": model_id,
            "remote.server": dialect.name,
            "remote.context_source": context_source,
            "remote.model_listed": str(listing.listed).lower(),
        }
        if isinstance(props.get("build_info"), str):
            metadata["remote.build_info"] = props["build_info"]
        self._conn = conn
        self._info = ModelInfo(
            path=RemoteSource(base, model_id, source.endpoint_id).key,
            name=entry.display_name if entry else model_id,
            architecture="unknown",
            context_length=trained or n_ctx,
            n_ctx=n_ctx,
            has_chat_template=True,  # the server applies its own template
            template_source="server",
            template_sha256=hashlib.sha256(template.encode()).hexdigest() if template else None,
            quantization="",
            size_bytes=entry.size_bytes if entry else 0,
            n_params=entry.n_params if entry else 0,
            n_gpu_layers=0,
            n_threads=0,
            load_ms=(time.perf_counter() - started) * 1000,
            metadata=metadata,
            kind="remote",
            supports_logprobs=True,  # every supported server can; a refusal switches it off (see generate)
            # Servers batch requests together, may be reconfigured or swap the model behind the
            # same id, and do not all honour seeds: the same request can give another reply.
            reproducible=False,
        )
        _progress(progress, 1.0)
        return self._info

    def unload(self) -> None:
        conn, self._conn, self._info = self._conn, None, None
        if conn is not None:
            conn.control.close()
            conn.streams.close()

    def _require(self) -> Connection:
        conn = self._conn
        if conn is None:
            raise GenerationError(msg("No remote model is connected."))
        return conn

    # -- planning --------------------------------------------------------------------------
    def _fit(
        self,
        conn: Connection,
        messages: Sequence[ChatMessage],
        max_tokens: int,
        assistant_prefix: str,
        context_limit: int | None,
    ) -> tuple[list[ChatMessage], int, int, int, int, int]:
        """Newest history that fits: (kept messages, dropped, prompt tokens, context, reply budget, raw sum).

        The trimming rule is ``chatdesk.engine.history``'s, as in the local engine; counts are
        estimates (the chat template is applied on the server).
        """
        context = conn.n_ctx if not context_limit else max(64, min(conn.n_ctx, context_limit))
        reserve = reply_reserve(max_tokens, context)
        system, rest = split_system(messages)
        roles = [m.role for m in rest]
        cal = conn.calibration.current()

        def cost(text: str) -> tuple[float, int]:
            raw, exact = conn.tokens.count(text, conn.api_key, busy=conn.generating)
            return (raw if exact else raw * cal.scale) + cal.overhead, raw

        base, base_raw = float(PROMPT_OVERHEAD_TOKENS), 0
        for text in [m.content for m in system] + ([assistant_prefix] if assistant_prefix else []):
            c, r = cost(text)
            base, base_raw = base + c, base_raw + r
        costs = [cost(m.content) for m in rest]
        # The newest messages that fit (the newest always), then the shared rule for what stays.
        total, fitting = base, 0
        for c, _r in reversed(costs):
            if fitting and total + c + reserve > context:
                break
            total, fitting = total + c, fitting + 1
        start = kept_start(roles, len(rest) - fitting)
        total = base + sum(c for c, _r in costs[start:])
        raw_sum = base_raw + sum(r for _c, r in costs[start:])
        prompt = math.ceil(total - 1e-6)
        budget = max(0, min(max_tokens, context - prompt))
        return system + rest[start:], start, prompt, context, budget, raw_sum

    def plan(
        self,
        messages: Sequence[ChatMessage],
        max_tokens: int,
        fmt: PromptFormat | None = None,
        assistant_prefix: str = "",
        context_limit: int | None = None,
    ) -> PromptPlan:
        """Estimated context use (``estimated=True``): the server's tokenizer when it has one, plus
        a per-message allowance for its chat template, calibrated on the prompt sizes the server
        reports. ``fmt`` is ignored: the server applies its own template."""
        conn = self._require()
        _kept, dropped, prompt, context, budget, _raw = self._fit(conn, messages, max_tokens, assistant_prefix, context_limit)
        return PromptPlan(prompt_tokens=prompt, context=context, reply_budget=budget, dropped_messages=dropped, estimated=True)

    # -- generation ------------------------------------------------------------------------
    def generate(
        self,
        request: GenerationRequest,
        stop: threading.Event,
        on_text: TextCallback,
        on_token: TokenCallback | None = None,
    ) -> GenerationResult:
        """Stream one reply. Failures come back as ``GenerationResult.error`` with the text so far."""
        conn = self._require()
        s = request.sampling
        started = time.perf_counter()
        messages, dropped, est_prompt, context, budget, raw_sum = self._fit(
            conn, request.messages, s.max_tokens, request.assistant_prefix, request.context_limit
        )
        exact_counts = conn.tokens.endpoint is not None
        seed = s.seed if s.seed is not None else secrets.randbits(31)
        max_tokens = s.max_tokens
        if conn.context_source == "server":
            max_tokens = max(1, min(max_tokens, budget or MIN_REPLY_TOKENS))
        want_logprobs = request.top_logprobs > 0
        reply = Reply()
        conn.generating = True
        outcome = Outcome()
        try:
            for _attempt in range(6):
                outcome.body = build_body(conn.dialect, conn.accepted, conn.model_id, request, messages, seed, max_tokens,
                                          want_logprobs)
                try:
                    collect = (on_token or _ignore_token) if want_logprobs else None
                    outcome.reason = self._exchange(conn, outcome.body, stop, on_text, collect, reply)
                    outcome.error = None
                    break
                except _Retry as retry:
                    if retry.feature == "key":
                        outcome.key_refreshed = True
                        continue
                    outcome.refused.append(retry.feature)
                    if retry.feature == "stream":
                        outcome.fell_back = True
                    continue
                except ReplyFailed as failed:
                    outcome.reason, outcome.error = "error", text_of(failed)
                    if reply.text:
                        outcome.error = msg("{error} The text received so far is kept.", error=outcome.error)
                    break
            else:  # pragma: no cover - every retry switches one feature off, so this cannot loop
                outcome.reason, outcome.error = "error", msg("The server kept refusing the request.")
        finally:
            conn.generating = False
        if want_logprobs and not reply.tokens and reply.text and outcome.error is None:
            if conn.accepted.logprobs:
                outcome.warning = msg("The server did not report token probabilities for this reply.")
            self._no_logprobs()
        if "logprobs" in outcome.refused:
            outcome.warning = msg("This server does not report token probabilities; the reply was made without them.")
        prompt_tokens = reported_prompt_tokens(reply)
        if prompt_tokens is not None:
            conn.calibration.learn(len(messages) + (1 if request.assistant_prefix else 0), raw_sum, exact_counts, prompt_tokens)
        return reply_result(conn, request, reply, outcome, started=started, estimated_prompt=est_prompt, context=context,
                            seed=seed, dropped=dropped, streaming_asked=self._streaming)

    def _no_logprobs(self) -> None:
        conn = self._conn
        if conn is not None:
            conn.accepted.logprobs = False
        if self._info is not None and self._info.supports_logprobs:
            self._info = replace(self._info, supports_logprobs=False)

    def _exchange(
        self,
        conn: Connection,
        body: dict[str, Any],
        stop: threading.Event,
        on_text: TextCallback,
        on_token: TokenCallback | None,
        reply: Reply,
    ) -> str:
        """Send one request and consume its answer. Returns the stop reason, raises _Retry/ReplyFailed."""
        url = f"{conn.base_url}/chat/completions"
        ex = Exchange(conn.streams, url, body, {**auth_headers(conn.api_key), "Accept": "text/event-stream, application/json"})
        ex.start()
        try:
            while True:
                try:
                    item = ex.events.get(timeout=STOP_POLL_S)
                except queue.Empty:
                    if stop.is_set():
                        return "user"
                    continue
                if stop.is_set():
                    return "user"
                kind = item[0]
                if kind == "response":
                    _, status, headers, text = item
                    if status >= 300:
                        self._refused(conn, body, status, headers, text, reply)
                    read_whole(conn.host, text, on_text, on_token, reply)
                    if body.get("stream"):
                        # Asked to stream, answered whole: remember, so the next request does not ask.
                        conn.accepted.stream = False
                    return reply.stop_reason
                if kind == "open":
                    continue
                if kind == "event":
                    _, name, data = item
                    if read_event(conn.host, name, data, on_text, on_token, reply, stop):
                        return reply.stop_reason
                    continue
                if kind == "eof":
                    if reply.finish_reason or reply.done:
                        return reply.stop_reason
                    raise ReplyFailed(msg(
                        "The server at {host} ended the reply stream before the reply was "
                        "complete (no end marker). The server may have crashed or restarted.", host=conn.host,
                    ))
                if kind == "exception":
                    exc = item[1]
                    if isinstance(exc, httpx2.SSEError):
                        raise ReplyFailed(msg("The server at {host} sent an event stream ChatDesk could not read ({error}).",
                                              host=conn.host, error=str(exc)))
                    if isinstance(exc, httpx2.HTTPError):
                        raise ReplyFailed(transport_message(exc, conn.base_url, read_timeout=self._read_timeout,
                                                            connect_timeout=self._connect_timeout))
                    raise ReplyFailed(msg("Talking to {host} failed unexpectedly: {error}.", host=conn.host, error=repr(exc)))
        finally:
            ex.cancel()

    def _refused(self, conn: Connection, body: dict[str, Any], status: int, headers: httpx2.Headers, text: str, reply: Reply) -> None:
        """An error status: raise _Retry when the request can go again without what was refused
        (or with a changed key), else ReplyFailed with the status's sentence."""
        if not reply.text:
            feature = refused_feature(body, status, text)
            if feature is not None:
                conn.accepted.switch_off(feature)
                if feature == "logprobs":
                    self._no_logprobs()
                raise _Retry(feature)
            if status in (401, 403):
                fresh = self._key(conn.source.endpoint_id)
                if fresh and fresh != conn.api_key:
                    conn.api_key = fresh
                    raise _Retry("key")
        raise ReplyFailed(http_status_message(status, headers, text, conn.base_url, what=msg("answer"), model_id=conn.model_id,
                                              had_key=bool(conn.api_key)))


def _props(client: httpx2.Client, base: str, key: str | None) -> dict[str, Any]:
    """The server's /props (llama.cpp: the per-slot context, chat template and build), best effort."""
    try:
        resp = client.get(f"{server_root(base)}/props", headers=auth_headers(key))
        if resp.status_code == 200:
            data = resp.json()
            return data if isinstance(data, dict) else {}
    except (httpx2.HTTPError, ValueError):
        pass
    return {}


def _context_of(dialect: ServerDialect, entry: RemoteModel | None, props: dict[str, Any]) -> tuple[int, str, int | None]:
    """(usable context, "server"/"assumed", trained context) from what the server told us."""
    trained = entry.trained_context if entry else None
    settings = found if isinstance(found := props.get("default_generation_settings"), dict) else {}
    n_ctx = positive_int(settings.get("n_ctx"))
    if n_ctx:
        return n_ctx, "server", trained
    if entry and entry.context_length:
        return entry.context_length, "server", trained
    if trained:
        return trained, "server", trained
    return dialect.default_context, "assumed", None


def _ignore_token(_token: TokenProb) -> None:
    pass


def _progress(callback: ProgressCallback | None, fraction: float) -> None:
    if callback is not None:
        try:
            callback(fraction)
        except Exception:
            log.exception("progress callback failed")
