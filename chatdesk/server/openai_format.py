"""ChatDesk's results in OpenAI's wire format: responses, stream chunks, logprobs, usage.

Log-probabilities come from the engine's ``TokenProb`` records, i.e. from the same code as the
window's probability view (``chatdesk/engine/token_probs.py``: a softmax of llama.cpp's own logits
for that position at temperature 1, before the sampler's penalties and cut-offs), so what an API
client sees is exactly what the window shows. OpenAI's ``bytes`` are the UTF-8 bytes of each
token's text as ChatDesk displays it (a piece that is part of a multi-byte character shows as
U+FFFD there).
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from typing import Any

from chatdesk import __version__
from chatdesk.engine.types import GenerationResult, TokenAlt, TokenProb

FINISH_REASONS = {"end": "stop", "length": "length", "user": "stopped", "error": "error"}
FINGERPRINT = f"chatdesk-{__version__}"
LOGPROB_FLOOR = -9999.0  # OpenAI's stand-in for probabilities too small to represent


def logprob(p: float) -> float:
    return math.log(p) if p > 0 else LOGPROB_FLOOR


def finish_reason(result: GenerationResult) -> str:
    return FINISH_REASONS.get(result.stop_reason, "stop")


def usage(result: GenerationResult) -> dict[str, Any]:
    return {
        "prompt_tokens": result.prompt_tokens,
        "completion_tokens": result.completion_tokens,
        "total_tokens": result.prompt_tokens + result.completion_tokens,
        "prompt_tokens_details": {"cached_tokens": result.cached_tokens},
    }


def _alt(token_id: int, text: str, prob: float) -> dict[str, Any]:
    # "id" is not OpenAI's; llama.cpp's server adds it too, and clients ignore what they do not know.
    return {"id": token_id, "token": text, "logprob": logprob(prob), "bytes": list(text.encode("utf-8"))}


def chat_logprobs(tokens: Sequence[TokenProb], top: int) -> dict[str, Any]:
    """``choices[].logprobs`` of a chat completion (or of one stream chunk)."""
    return {
        "content": [
            {**_alt(t.token_id, t.text, t.prob), "top_logprobs": [_alt(a.token_id, a.text, a.prob) for a in _top(t.alternatives, top)]}
            for t in tokens
        ],
        "refusal": None,
    }


def completion_logprobs(tokens: Sequence[TokenProb], top: int, prompt_chars: int, prev_end: int = 0) -> dict[str, Any]:
    """``choices[].logprobs`` of a (legacy) completion. ``text_offset`` counts characters from the
    start of the prompt, as OpenAI's does; ``prev_end``: reply characters before these tokens."""
    starts = []
    for t in tokens:
        starts.append(prompt_chars + prev_end)
        prev_end = t.end
    return {
        "tokens": [t.text for t in tokens],
        "token_logprobs": [logprob(t.prob) for t in tokens],
        "top_logprobs": [{a.text: logprob(a.prob) for a in _top(t.alternatives, top)} for t in tokens],
        "text_offset": starts,
    }


def _top(alts: Sequence[TokenAlt], top: int) -> Sequence[TokenAlt]:
    return alts[:top] if top > 0 else ()


def visible_tokens(tokens: Sequence[TokenProb], text_len: int) -> list[TokenProb]:
    """The tokens whose text is in the reply (those of a stop string that cut it are not)."""
    return [t for t in tokens if t.end <= text_len]


def now() -> int:
    return int(time.time())
