"""A model on an OpenAI-compatible server (llama.cpp's llama-server, vLLM, Ollama, llama-cpp-python).

Why it looks the way it does:

* Users who outgrow their machine point ChatDesk at a bigger one. The worker and ``chatdesk ask``
  drive this engine through the same ``Engine`` protocol as the local llama.cpp one, so
  everything specific to HTTP stays here: the URL rules, the SSE stream, the servers' quirks
  and the translation of every failure into a sentence the user can act on.
* Stop must end a reply at once, even while the server is silent (a long prompt, a stalled
  network). Each request therefore runs on its own short-lived thread (``Exchange``) that
  hands events to ``generate`` through a queue; ``generate`` polls the queue and the stop Event
  every 50 ms. On Stop it returns the text so far and shuts the request's socket down, so the
  server sees the disconnect and stops generating (llama.cpp, vLLM and llama-cpp-python all
  abort a request whose client went away).
* Servers differ. Which one answered is guessed from ``/v1/models`` (``owned_by``) and decides
  the spelling of the extra sampler fields, where the tokenizer lives and how "Continue" is
  asked for. Anything a server refuses (extra sampler fields, ``stream_options``, logprobs,
  streaming itself) is dropped and the request retried once, before any text was shown, and
  remembered for the rest of the connection.
* The API key never travels in values (``RemoteSource``, ``ModelInfo``, provenance): the
  engine asks ``api_key_for(endpoint_id)`` when it connects and keeps it privately.

The HTTP dialect itself (addresses, model lists, error sentences, the cancellable request)
is ``chatdesk.engine.openai_http``; all HTTP goes through httpx2. See docs/remote.md for the
servers' quirks.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import logging
import math
import queue
import secrets
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import httpx2

from chatdesk.engine.errors import GenerationError
from chatdesk.engine.history import MIN_REPLY_TOKENS, kept_start, reply_reserve, split_system
from chatdesk.engine.openai_http import (
    CONNECT_TIMEOUT_S,
    CONTROL_TIMEOUT_S,
    IGNORED_BY_SERVER,
    SERVER_LLAMA_CPP,
    SERVER_LLAMA_CPP_PYTHON,
    SERVER_OLLAMA,
    SERVER_OPENAI_COMPATIBLE,
    SERVER_VLLM,
    Exchange,
    ModelListing,
    RemoteConnectionError,
    RemoteModel,
    auth_headers,
    fetch_models,
    host_of,
    http_status_message,
    new_client,
    normalize_base_url,
    positive_int,
    server_detail,
    server_root,
    transport_message,
)
from chatdesk.engine.types import (
    ChatMessage,
    GenerationRequest,
    GenerationResult,
    ModelInfo,
    PromptFormat,
    PromptPlan,
    RemoteSource,
    TokenAlt,
    TokenProb,
)
from translatable import msg, text_of

log = logging.getLogger(__name__)

ApiKeyLookup = Callable[[str | None], str | None]
TextCallback = Callable[[str], None]
TokenCallback = Callable[[TokenProb], None]
ProgressCallback = Callable[[float], None]

READ_TIMEOUT_S = 300.0  # the longest silence accepted from a server (a long prompt on a slow GPU)
STOP_POLL_S = 0.05  # how often a waiting generate() looks at the stop Event
ASSUMED_CONTEXT = 4096  # when the server does not say (documented in docs/remote.md)
LLAMA_CPP_PYTHON_DEFAULT_CONTEXT = 2048  # llama-cpp-python's server default --n_ctx
MESSAGE_OVERHEAD_TOKENS = 4  # role markers a chat template adds per message, before calibration
PROMPT_OVERHEAD_TOKENS = 3  # the assistant header at the end
MAX_TOP_LOGPROBS = 20  # the OpenAI API's limit, which vLLM and llama.cpp follow
TOKENIZE_TIMEOUT_S = 3.0  # plan() must stay quick; a slow count falls back to an estimate
_TOKEN_CACHE_SIZE = 2048

# ----------------------------------------------------------------------------- token counting
@dataclass
class _Calibration:
    """Learned from server-reported prompt sizes: what a chat template adds, or how far off we are."""

    overhead: float = MESSAGE_OVERHEAD_TOKENS
    scale: float = 1.0


def estimate_tokens(text: str) -> int:
    """A tokenizer-free guess: ~4 ASCII characters per token, one token per other character.

    Deliberately generous for Chinese/Japanese/Korean text, where one character is usually one
    token or more; used only when the server has no tokenize endpoint.
    """
    if not text:
        return 0
    ascii_chars = len(text.encode("ascii", "ignore"))
    return math.ceil(ascii_chars / 4) + (len(text) - ascii_chars)


# ----------------------------------------------------------------------------- connection state
@dataclass
class _Connection:
    """Everything ``load`` learned; private to the engine (the key lives only here)."""

    source: RemoteSource
    base_url: str
    model_id: str
    server: str
    api_key: str | None
    control: httpx2.Client  # model list, tokenizer, /props (keep-alive)
    streams: httpx2.Client  # generation: a fresh connection per reply, so Stop can shut its socket
    n_ctx: int
    context_source: str  # "server" | "assumed"
    tokenizer: str | None  # "/tokenize" (llama.cpp, vLLM) | "/extras/tokenize/count" (llama-cpp-python)
    # What the server accepted so far; refusals switch these off for the rest of the connection.
    stream: bool = True
    stream_options: bool = True
    extras: bool = True
    logprobs: bool = True
    generating: bool = False  # a reply is streaming (llama-cpp-python then queues every other request)
    token_cache: dict[str, int] = field(default_factory=dict)
    calibration: _Calibration = field(default_factory=_Calibration)
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass
class _Reply:
    """What one generate() gathered, whatever way it ends."""

    pieces: list[str] = field(default_factory=list)
    tokens: list[TokenProb] = field(default_factory=list)
    finish_reason: str | None = None
    done: bool = False  # saw [DONE]
    usage: dict[str, Any] | None = None
    timings: dict[str, Any] | None = None
    server_model: str | None = None
    fingerprint: str | None = None
    first: float | None = None
    last: float | None = None
    chunks: int = 0
    chars: int = 0  # len(text), kept as we go
    think_open: bool = False
    token_chars: int = 0
    token_decoder: Any = field(default_factory=lambda: codecs.getincrementaldecoder("utf-8")("replace"))

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    def add(self, piece: str, on_text: TextCallback) -> None:
        self.pieces.append(piece)
        self.chars += len(piece)
        on_text(piece)


class _Retry(Exception):
    """The server refused something optional; the request is sent again without it."""

    def __init__(self, feature: str) -> None:
        super().__init__(feature)
        self.feature = feature


class _Failed(Exception):
    """The reply failed; ``message`` is for the user."""


# ----------------------------------------------------------------------------- the engine
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
        self._conn: _Connection | None = None
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
        return conn.tokenizer if conn is not None and conn.tokenizer else "estimate"

    # -- connecting ------------------------------------------------------------------------
    def _key(self, endpoint_id: str | None) -> str | None:
        try:
            key = self._api_key_for(endpoint_id)
        except Exception as exc:  # noqa: BLE001 - the caller's lookup (a keyring backend) may raise anything; no key then
            log.warning("API key lookup failed for %s: %s", endpoint_id, exc)
            return None
        return key or None

    def load(self, source: RemoteSource, progress: ProgressCallback | None = None) -> ModelInfo:
        """Check the server answers and serves ``source.model_id``; learn its context and quirks.

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
            entry: RemoteModel | None = None
            if listing.listed:
                if not listing.models:
                    if listing.server == SERVER_OLLAMA:
                        raise RemoteConnectionError(msg("The server at {host} has no models to offer. With Ollama, download "
                                                        "one first: ollama pull <model>.", host=host_of(base)))
                    raise RemoteConnectionError(msg("The server at {host} has no models to offer.", host=host_of(base)))
                entry = listing.find(model_id)
                if entry is None:
                    shown = ", ".join(f"“{i}”" for i in listing.ids[:8]) + (" …" if len(listing.ids) > 8 else "")
                    raise RemoteConnectionError(msg(
                        "The server at {host} does not offer a model called “{model}”. It offers {offered}. "
                        "Pick one of those.", host=host_of(base), model=model_id, offered=shown,
                    ))
            server = listing.server
            props = self._llama_cpp_props(control, base, key) if server == SERVER_LLAMA_CPP else {}
            n_ctx, context_source, trained = _context_of(server, entry, props)
            tokenizer = {
                SERVER_LLAMA_CPP: "/tokenize",
                SERVER_VLLM: "/tokenize",
                SERVER_LLAMA_CPP_PYTHON: "/extras/tokenize/count",
            }.get(server)
        except BaseException:
            control.close()
            raise
        streams = new_client(keepalive=False, read_timeout=self._read_timeout, connect_timeout=self._connect_timeout)
        conn = _Connection(
            source=source,
            base_url=base,
            model_id=model_id,
            server=server,
            api_key=key,
            control=control,
            streams=streams,
            n_ctx=n_ctx,
            context_source=context_source,
            tokenizer=tokenizer,
            stream=self._streaming,
        )
        template = props.get("chat_template") if isinstance(props.get("chat_template"), str) else None
        metadata = {
            "remote.endpoint": base,
            "remote.model_id": model_id,
            "remote.server": server,
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

    def _llama_cpp_props(self, client: httpx2.Client, base: str, key: str | None) -> dict[str, Any]:
        """llama.cpp's /props: the per-slot context, chat template and build (best effort)."""
        try:
            resp = client.get(f"{server_root(base)}/props", headers=auth_headers(key))
            if resp.status_code == 200:
                data = resp.json()
                return data if isinstance(data, dict) else {}
        except (httpx2.HTTPError, ValueError):
            pass
        return {}

    def unload(self) -> None:
        conn, self._conn, self._info = self._conn, None, None
        if conn is not None:
            conn.control.close()
            conn.streams.close()

    def _require(self) -> _Connection:
        conn = self._conn
        if conn is None:
            raise GenerationError(msg("No remote model is connected."))
        return conn

    # -- planning --------------------------------------------------------------------------
    def _raw_count(self, conn: _Connection, text: str) -> tuple[int, bool]:
        """Tokens in ``text`` and whether the server's tokenizer counted them."""
        if not text:
            return 0, conn.tokenizer is not None
        if conn.tokenizer is not None:
            with conn.lock:
                cached = conn.token_cache.get(text)
            if cached is not None:
                return cached, True
            if conn.generating and conn.server == SERVER_LLAMA_CPP_PYTHON:
                # Its server answers one request at a time: a count now would wait for the reply.
                return estimate_tokens(text), False
            counted = self._server_count(conn, text)
            if counted is not None:
                with conn.lock:
                    if len(conn.token_cache) >= _TOKEN_CACHE_SIZE:
                        conn.token_cache.clear()
                    conn.token_cache[text] = counted
                return counted, True
        return estimate_tokens(text), False

    def _server_count(self, conn: _Connection, text: str) -> int | None:
        """The server's token count for ``text``; None (estimate instead) when it cannot say now."""
        root = server_root(conn.base_url)
        headers = auth_headers(conn.api_key)
        try:
            if conn.tokenizer == "/extras/tokenize/count":
                resp = conn.control.post(f"{root}/extras/tokenize/count", json={"input": text, "model": conn.model_id},
                                         headers=headers, timeout=TOKENIZE_TIMEOUT_S)
            else:
                body: dict[str, Any] = (
                    {"model": conn.model_id, "prompt": text, "add_special_tokens": False}
                    if conn.server == SERVER_VLLM
                    else {"content": text, "add_special": False}
                )
                resp = conn.control.post(f"{root}/tokenize", json=body, headers=headers, timeout=TOKENIZE_TIMEOUT_S)
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
            log.info("tokenize endpoint %s unusable (%s); estimating from now on", conn.tokenizer, exc)
            conn.tokenizer = None  # missing or not what we expect: do not ask again on this connection
            return None

    def _fit(
        self,
        conn: _Connection,
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
        with conn.lock:
            cal = replace(conn.calibration)

        def cost(text: str) -> tuple[float, int]:
            raw, exact = self._raw_count(conn, text)
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

    def _calibrate(self, conn: _Connection, n_messages: int, raw_sum: int, exact: bool, actual: int) -> None:
        if n_messages <= 0 or actual <= 0:
            return
        with conn.lock:
            if exact:
                per = (actual - PROMPT_OVERHEAD_TOKENS - raw_sum) / n_messages
                conn.calibration.overhead = min(64.0, max(0.0, per))
            elif raw_sum > 0:
                scale = (actual - PROMPT_OVERHEAD_TOKENS - n_messages * conn.calibration.overhead) / raw_sum
                conn.calibration.scale = min(4.0, max(0.25, scale))

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
        exact_counts = conn.tokenizer is not None
        seed = s.seed if s.seed is not None else secrets.randbits(31)
        max_tokens = s.max_tokens
        if conn.context_source == "server":
            max_tokens = max(1, min(max_tokens, budget or MIN_REPLY_TOKENS))
        want_logprobs = request.top_logprobs > 0
        reply = _Reply()
        conn.generating = True
        error: str | None = None
        warning: str | None = None
        reason = "end"
        fell_back = False
        dropped_features: list[str] = []
        key_refreshed = False
        try:
            for _attempt in range(6):
                body = self._body(conn, request, messages, seed, max_tokens, want_logprobs)
                try:
                    collect = (on_token or _ignore_token) if want_logprobs else None
                    reason = self._exchange(conn, body, stop, on_text, collect, reply)
                    error = None
                    break
                except _Retry as retry:
                    if retry.feature == "key":
                        key_refreshed = True
                        continue
                    dropped_features.append(retry.feature)
                    if retry.feature == "stream":
                        fell_back = True
                    continue
                except _Failed as failed:
                    reason, error = "error", text_of(failed)
                    if reply.text:
                        error = msg("{error} The text received so far is kept.", error=error)
                    break
            else:  # pragma: no cover - every retry switches one feature off, so this cannot loop
                reason, error = "error", msg("The server kept refusing the request.")
        finally:
            conn.generating = False
        if want_logprobs and not reply.tokens and reply.text and error is None:
            if conn.logprobs:
                warning = msg("The server did not report token probabilities for this reply.")
            self._no_logprobs()
        if "logprobs" in dropped_features:
            warning = msg("This server does not report token probabilities; the reply was made without them.")
        ended = time.perf_counter()
        usage = reply.usage or {}
        timings = reply.timings or {}
        usage_reported = bool(usage)
        completion_tokens = _int(usage.get("completion_tokens")) or _int(timings.get("predicted_n")) or (
            len(reply.tokens) or reply.chunks
        )
        prompt_tokens = _int(usage.get("prompt_tokens"))
        if prompt_tokens is None and timings:
            prompt_tokens = (_int(timings.get("prompt_n")) or 0) + (_int(timings.get("cache_n")) or 0) or None
        if prompt_tokens is not None:
            self._calibrate(conn, len(messages) + (1 if request.assistant_prefix else 0), raw_sum, exact_counts, prompt_tokens)
        details = found if isinstance(found := usage.get("prompt_tokens_details"), dict) else {}
        cached = _int(details.get("cached_tokens")) or _int(timings.get("cache_n")) or 0
        gen_s = (reply.last or ended) - (reply.first or ended)
        first = reply.first or ended
        provenance: list[tuple[str, object]] = [
            ("engine", "remote"),
            ("endpoint", conn.base_url),
            ("model_id", conn.model_id),
            ("server", conn.server),
            ("streamed", conn.stream),
            ("stream_fallback", fell_back or (not conn.stream and self._streaming)),
            ("usage_reported", usage_reported),
            ("prompt_tokens_estimated", prompt_tokens is None),
            ("context", context),
            ("context_source", conn.context_source),
            ("sampler_fields", tuple(k for k in _SAMPLER_KEYS if k in body)),
        ]
        ignored = IGNORED_BY_SERVER.get(conn.server, ())
        if "extras" in dropped_features or not conn.extras:
            ignored = tuple(sorted({*ignored, "top_k", "min_p", "repeat_penalty"}))
        if ignored:
            provenance.append(("sampler_ignored", ignored))
        if dropped_features:
            provenance.append(("refused_by_server", tuple(dropped_features)))
        if key_refreshed:
            provenance.append(("api_key_refreshed", True))
        if reply.server_model:
            provenance.append(("server_model", reply.server_model))
        if reply.fingerprint:
            provenance.append(("system_fingerprint", reply.fingerprint))
        if reply.finish_reason:
            provenance.append(("finish_reason", reply.finish_reason))
        if usage_reported:
            provenance.append(("usage", {k: v for k, v in usage.items() if isinstance(v, (int, float, dict))}))
        if timings:
            provenance.append(("timings", {k: v for k, v in timings.items() if isinstance(v, (int, float))}))
        if request.assistant_prefix:
            provenance.append(("assistant_prefix", _PREFIX_METHOD.get(conn.server, "final assistant message")))
        if request.prompt_format is not None:
            provenance.append(("prompt_format", "ignored: the server applies its own chat template"))
        return GenerationResult(
            request_id=request.request_id,
            text=reply.text,
            stop_reason=reason,
            prompt_tokens=prompt_tokens if prompt_tokens is not None else est_prompt,
            completion_tokens=completion_tokens,
            cached_tokens=cached,
            ttft_ms=(first - started) * 1000,
            tokens_per_s=(completion_tokens - 1) / gen_s if completion_tokens > 1 and gen_s > 0 else 0.0,
            total_ms=(ended - started) * 1000,
            seed=seed,
            dropped_messages=dropped,
            error=error,
            warning=warning,
            provenance=tuple(provenance),
            tokens=tuple(reply.tokens),
        )

    def _no_logprobs(self) -> None:
        conn = self._conn
        if conn is not None:
            conn.logprobs = False
        if self._info is not None and self._info.supports_logprobs:
            self._info = replace(self._info, supports_logprobs=False)

    def _body(
        self,
        conn: _Connection,
        request: GenerationRequest,
        messages: list[ChatMessage],
        seed: int,
        max_tokens: int,
        want_logprobs: bool,
    ) -> dict[str, Any]:
        s = request.sampling
        chat = [{"role": m.role, "content": m.content} for m in messages]
        body: dict[str, Any] = {
            "model": conn.model_id,
            "messages": chat,
            "temperature": s.temperature,
            "top_p": s.top_p,
            "max_tokens": max_tokens,
            "seed": seed,
        }
        if conn.stream:
            body["stream"] = True
            if conn.stream_options:
                body["stream_options"] = {"include_usage": True}
        if conn.extras and conn.server not in IGNORED_BY_SERVER:
            body["top_k"] = s.top_k
            body["min_p"] = s.min_p
            body["repetition_penalty" if conn.server == SERVER_VLLM else "repeat_penalty"] = s.repeat_penalty
        if request.stop:
            body["stop"] = list(request.stop)
        if want_logprobs and conn.logprobs:
            body["logprobs"] = True
            body["top_logprobs"] = max(1, min(request.top_logprobs, MAX_TOP_LOGPROBS))
        if request.assistant_prefix:
            # "Continue": the reply so far as a final assistant message. llama.cpp continues it
            # (assistant prefill); vLLM needs continue_final_message; see docs/remote.md.
            chat.append({"role": "assistant", "content": request.assistant_prefix})
            if conn.server == SERVER_VLLM:
                body["continue_final_message"] = True
                body["add_generation_prompt"] = False
        return body

    def _exchange(
        self,
        conn: _Connection,
        body: dict[str, Any],
        stop: threading.Event,
        on_text: TextCallback,
        on_token: TokenCallback | None,
        reply: _Reply,
    ) -> str:
        """Send one request and consume its answer. Returns the stop reason, raises _Retry/_Failed."""
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
                    return self._whole_response(conn, body, status, headers, text, on_text, on_token, reply)
                if kind == "open":
                    continue
                if kind == "event":
                    _, name, data = item
                    if self._on_event(conn, name, data, on_text, on_token, reply, stop):
                        return _stop_reason(reply)
                    continue
                if kind == "eof":
                    if reply.finish_reason or reply.done:
                        return _stop_reason(reply)
                    raise _Failed(msg(
                        "The server at {host} ended the reply stream before the reply was "
                        "complete (no end marker). The server may have crashed or restarted.", host=host_of(conn.base_url),
                    ))
                if kind == "exception":
                    exc = item[1]
                    if isinstance(exc, httpx2.SSEError):
                        raise _Failed(msg("The server at {host} sent an event stream ChatDesk could not read ({error}).",
                                          host=host_of(conn.base_url), error=str(exc)))
                    if isinstance(exc, httpx2.HTTPError):
                        raise _Failed(transport_message(exc, conn.base_url, read_timeout=self._read_timeout,
                                                        connect_timeout=self._connect_timeout))
                    raise _Failed(msg("Talking to {host} failed unexpectedly: {error}.", host=host_of(conn.base_url), error=repr(exc)))
        finally:
            ex.cancel()

    def _on_event(
        self,
        conn: _Connection,
        name: str,
        data: str,
        on_text: TextCallback,
        on_token: TokenCallback | None,
        reply: _Reply,
        stop: threading.Event,
    ) -> bool:
        """Handle one SSE event; True when the stream is finished."""
        if data.strip() == "[DONE]":
            reply.done = True
            return True
        try:
            chunk = json.loads(data)
        except ValueError:
            shown = data[:80] + ("…" if len(data) > 80 else "")
            raise _Failed(msg("The server at {host} sent a piece of the reply that is not valid JSON (“{shown}”).",
                              host=host_of(conn.base_url), shown=shown)) from None
        if not isinstance(chunk, dict):
            raise _Failed(msg("The server at {host} sent an unexpected event in the reply stream.", host=host_of(conn.base_url)))
        if name == "error" or ("error" in chunk and not chunk.get("choices")):
            detail = server_detail(data)
            raise _Failed(msg("The server at {host} reported an error in the middle of the reply: “{detail}”.",
                              host=host_of(conn.base_url), detail=detail))
        self._absorb_metadata(chunk, reply)
        choices = chunk.get("choices") or []
        choice = choices[0] if choices and isinstance(choices[0], dict) else None
        if choice is not None:
            delta = found if isinstance(found := choice.get("delta"), dict) else {}
            text = _visible_text(delta, reply)
            if text and not stop.is_set():
                now = time.perf_counter()
                if reply.first is None:
                    reply.first = now
                reply.last = now
                reply.chunks += 1
                reply.add(text, on_text)
            if on_token is not None:
                self._emit_tokens(choice.get("logprobs"), on_token, reply)
            if choice.get("finish_reason"):
                reply.finish_reason = str(choice["finish_reason"])
                if reply.think_open:
                    reply.think_open = False
                    reply.add("\n</think>\n\n", on_text)
        return False

    def _absorb_metadata(self, chunk: dict[str, Any], reply: _Reply) -> None:
        if isinstance(chunk.get("usage"), dict) and chunk["usage"]:
            reply.usage = chunk["usage"]
        if isinstance(chunk.get("timings"), dict):
            reply.timings = chunk["timings"]
        if isinstance(chunk.get("model"), str) and chunk["model"]:
            reply.server_model = chunk["model"]
        if isinstance(chunk.get("system_fingerprint"), str) and chunk["system_fingerprint"]:
            reply.fingerprint = chunk["system_fingerprint"]

    def _emit_tokens(self, logprobs: object, on_token: TokenCallback, reply: _Reply) -> None:
        if not isinstance(logprobs, dict) or not isinstance(logprobs.get("content"), list):
            return
        for entry in logprobs["content"]:
            if not isinstance(entry, dict) or not isinstance(entry.get("logprob"), (int, float)):
                continue
            raw = entry.get("bytes")
            if isinstance(raw, list) and all(isinstance(b, int) and 0 <= b < 256 for b in raw):
                piece = reply.token_decoder.decode(bytes(raw))
            else:
                piece = str(entry.get("token", ""))
            reply.token_chars += len(piece)
            alts = tuple(
                TokenAlt(token_id=_token_id(a), text=str(a.get("token", "")), prob=_prob(a.get("logprob")))
                for a in entry.get("top_logprobs") or ()
                if isinstance(a, dict) and isinstance(a.get("logprob"), (int, float))
            )
            tp = TokenProb(
                token_id=_token_id(entry),
                text=str(entry.get("token", piece)),
                prob=_prob(entry["logprob"]),
                end=min(reply.token_chars, reply.chars) if reply.chars else reply.token_chars,
                alternatives=alts,
            )
            reply.tokens.append(tp)
            on_token(tp)

    def _whole_response(
        self,
        conn: _Connection,
        body: dict[str, Any],
        status: int,
        headers: httpx2.Headers,
        text: str,
        on_text: TextCallback,
        on_token: TokenCallback | None,
        reply: _Reply,
    ) -> str:
        """A complete answer: an error status (maybe a refusal to retry without) or a whole reply."""
        if status >= 300:
            if not reply.text:
                feature = self._refused_feature(conn, body, status, text)
                if feature is not None:
                    raise _Retry(feature)
                if status in (401, 403):
                    fresh = self._key(conn.source.endpoint_id)
                    if fresh and fresh != conn.api_key:
                        conn.api_key = fresh
                        raise _Retry("key")
            raise _Failed(http_status_message(status, headers, text, conn.base_url, what=msg("answer"), model_id=conn.model_id,
                                              had_key=bool(conn.api_key)))
        try:
            data = json.loads(text)
        except ValueError:
            shown = " ".join(text.split())[:80]
            raise _Failed(msg(
                "The server at {host} answered with something that is not a chat reply (“{shown}”). "
                "Check that the address is the server's OpenAI-compatible API (usually ending in /v1).",
                host=host_of(conn.base_url), shown=shown,
            )) from None
        if not isinstance(data, dict) or not isinstance(data.get("choices"), list) or not data["choices"]:
            detail = server_detail(text) if isinstance(data, dict) and "error" in data else msg("no choices in the answer")
            raise _Failed(msg("The server at {host} did not return a reply: {detail}.", host=host_of(conn.base_url), detail=detail))
        if body.get("stream"):
            # Asked to stream, answered whole: remember, so the next request does not ask.
            conn.stream = False
        self._absorb_metadata(data, reply)
        choice = data["choices"][0] if isinstance(data["choices"][0], dict) else {}
        message = found if isinstance(found := choice.get("message"), dict) else {}
        out = _visible_text(message, reply) + ("\n</think>\n\n" if reply.think_open else "")
        reply.think_open = False
        now = time.perf_counter()
        reply.first = reply.first or now
        reply.last = now
        if out:
            reply.chunks += 1
            reply.add(out, on_text)
        if on_token is not None:
            self._emit_tokens(choice.get("logprobs"), on_token, reply)
        reply.finish_reason = str(choice.get("finish_reason") or "stop")
        return _stop_reason(reply)

    def _refused_feature(self, conn: _Connection, body: dict[str, Any], status: int, text: str) -> str | None:
        """Which optional part of the request the server refused (switched off for next time)."""
        if status not in (400, 405, 415, 422, 500, 501):
            return None
        said = server_detail(text).lower()
        if "logprobs" in body and ("logprob" in said or "logits_all" in said):
            conn.logprobs = False
            self._no_logprobs()
            return "logprobs"
        if "stream_options" in body and "stream_options" in said:
            conn.stream_options = False
            return "stream_options"
        extra_names = ("top_k", "min_p", "repeat_penalty", "repetition_penalty")
        if any(k in body for k in extra_names) and (
            any(k in said for k in extra_names) or "unrecognized" in said or "unknown field" in said or "extra" in said
        ):
            conn.extras = False
            return "extras"
        if body.get("stream") and ("stream" in said or status == 501):
            conn.stream = False
            conn.stream_options = False
            return "stream"
        return None


_SAMPLER_KEYS = ("temperature", "top_p", "top_k", "min_p", "repeat_penalty", "repetition_penalty", "max_tokens", "seed")
_PREFIX_METHOD = {
    SERVER_LLAMA_CPP: "final assistant message (llama.cpp assistant prefill)",
    SERVER_VLLM: "final assistant message with continue_final_message",
}


def _visible_text(delta: dict[str, Any], reply: _Reply) -> str:
    """The reply text of a delta/message; reasoning (thinking models) is shown inside <think> tags,
    as a local model's raw output would show it."""
    out = ""
    thinking = delta.get("reasoning_content") or delta.get("reasoning")
    if isinstance(thinking, str) and thinking:
        if not reply.think_open:
            reply.think_open = True
            out += "<think>\n"
        out += thinking
    content = delta.get("content")
    if isinstance(content, str) and content:
        if reply.think_open:
            reply.think_open = False
            out += "\n</think>\n\n"
        out += content
    return out


def _ignore_token(_token: TokenProb) -> None:
    pass


def _stop_reason(reply: _Reply) -> str:
    return "length" if reply.finish_reason == "length" else "end"


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and value >= 0:
        return int(value)
    return None


def _prob(logprob: object) -> float:
    try:
        return math.exp(float(logprob))  # type: ignore[arg-type]  # any JSON value: what float() refuses is caught below
    except (TypeError, ValueError, OverflowError):
        return 0.0


def _token_id(entry: dict[str, Any]) -> int:
    """llama.cpp reports ids; other servers do not (-1)."""
    value = entry.get("id")
    return value if isinstance(value, int) and not isinstance(value, bool) else -1


def _progress(callback: ProgressCallback | None, fraction: float) -> None:
    if callback is not None:
        try:
            callback(fraction)
        except Exception:
            log.exception("progress callback failed")


def _context_of(server: str, entry: RemoteModel | None, props: dict[str, Any]) -> tuple[int, str, int | None]:
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
    if server == SERVER_LLAMA_CPP_PYTHON:
        return LLAMA_CPP_PYTHON_DEFAULT_CONTEXT, "assumed", None
    return ASSUMED_CONTEXT, "assumed", None


__all__ = [
    "ModelListing",
    "RemoteConnectionError",
    "RemoteEngine",
    "RemoteModel",
    "SERVER_OPENAI_COMPATIBLE",
    "estimate_tokens",
    "fetch_models",
    "normalize_base_url",
]
