"""Reading a chat reply from an OpenAI-compatible server: SSE chunks or one whole answer.

Why: both shapes carry the same things (text, reasoning, token probabilities, usage, timings,
finish reason) and must end in the same ``Reply``, whichever one the server chose. Reasoning
from thinking models is shown inside ``<think>`` tags, as a local model's raw output shows it.
Anything unreadable raises ``ReplyFailed`` with a sentence for the user.
"""

from __future__ import annotations

import codecs
import json
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from chatdesk.engine.remote.failures import server_detail
from chatdesk.engine.types import TokenAlt, TokenProb
from translatable import msg

TextCallback = Callable[[str], None]
TokenCallback = Callable[[TokenProb], None]

_THINK_END = "\n</think>\n\n"


class ReplyFailed(Exception):
    """The reply failed; the exception's text is for the user."""


@dataclass
class Reply:
    """What one request gathered, whatever way it ends."""

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

    @property
    def stop_reason(self) -> str:
        """The engine's stop reason for a reply that ended normally."""
        return "length" if self.finish_reason == "length" else "end"

    def add(self, piece: str, on_text: TextCallback) -> None:
        self.pieces.append(piece)
        self.chars += len(piece)
        on_text(piece)


def read_event(host: str, name: str, data: str, on_text: TextCallback, on_token: TokenCallback | None, reply: Reply,
               stop: threading.Event) -> bool:
    """Take one SSE event of the reply stream from the server at ``host``; True when the stream is finished."""
    if data.strip() == "[DONE]":
        reply.done = True
        return True
    try:
        chunk = json.loads(data)
    except ValueError:
        shown = data[:80] + ("…" if len(data) > 80 else "")
        raise ReplyFailed(msg("The server at {host} sent a piece of the reply that is not valid JSON (“{shown}”).",
                              host=host, shown=shown)) from None
    if not isinstance(chunk, dict):
        raise ReplyFailed(msg("The server at {host} sent an unexpected event in the reply stream.", host=host))
    if name == "error" or ("error" in chunk and not chunk.get("choices")):
        detail = server_detail(data)
        raise ReplyFailed(msg("The server at {host} reported an error in the middle of the reply: “{detail}”.",
                              host=host, detail=detail))
    _absorb_metadata(chunk, reply)
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
            _emit_tokens(choice.get("logprobs"), on_token, reply)
        if choice.get("finish_reason"):
            reply.finish_reason = str(choice["finish_reason"])
            if reply.think_open:
                reply.think_open = False
                reply.add(_THINK_END, on_text)
    return False


def read_whole(host: str, text: str, on_text: TextCallback, on_token: TokenCallback | None, reply: Reply) -> None:
    """Take a complete (not streamed) successful answer from the server at ``host``."""
    try:
        data = json.loads(text)
    except ValueError:
        shown = " ".join(text.split())[:80]
        raise ReplyFailed(msg(
            "The server at {host} answered with something that is not a chat reply (“{shown}”). "
            "Check that the address is the server's OpenAI-compatible API (usually ending in /v1).",
            host=host, shown=shown,
        )) from None
    if not isinstance(data, dict) or not isinstance(data.get("choices"), list) or not data["choices"]:
        detail = server_detail(text) if isinstance(data, dict) and "error" in data else msg("no choices in the answer")
        raise ReplyFailed(msg("The server at {host} did not return a reply: {detail}.", host=host, detail=detail))
    _absorb_metadata(data, reply)
    choice = data["choices"][0] if isinstance(data["choices"][0], dict) else {}
    message = found if isinstance(found := choice.get("message"), dict) else {}
    out = _visible_text(message, reply) + (_THINK_END if reply.think_open else "")
    reply.think_open = False
    now = time.perf_counter()
    reply.first = reply.first or now
    reply.last = now
    if out:
        reply.chunks += 1
        reply.add(out, on_text)
    if on_token is not None:
        _emit_tokens(choice.get("logprobs"), on_token, reply)
    reply.finish_reason = str(choice.get("finish_reason") or "stop")


def _absorb_metadata(chunk: dict[str, Any], reply: Reply) -> None:
    if isinstance(chunk.get("usage"), dict) and chunk["usage"]:
        reply.usage = chunk["usage"]
    if isinstance(chunk.get("timings"), dict):
        reply.timings = chunk["timings"]
    if isinstance(chunk.get("model"), str) and chunk["model"]:
        reply.server_model = chunk["model"]
    if isinstance(chunk.get("system_fingerprint"), str) and chunk["system_fingerprint"]:
        reply.fingerprint = chunk["system_fingerprint"]


def _emit_tokens(logprobs: object, on_token: TokenCallback, reply: Reply) -> None:
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


def _visible_text(delta: dict[str, Any], reply: Reply) -> str:
    """The reply text of a delta/message, reasoning inside <think> tags."""
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
            out += _THINK_END
        out += content
    return out


def _prob(logprob: object) -> float:
    try:
        return math.exp(float(logprob))  # type: ignore[arg-type]  # any JSON value: what float() refuses is caught below
    except (TypeError, ValueError, OverflowError):
        return 0.0


def _token_id(entry: dict[str, Any]) -> int:
    """llama.cpp reports ids; other servers do not (-1)."""
    value = entry.get("id")
    return value if isinstance(value, int) and not isinstance(value, bool) else -1
