"""The stored form of a reply's token probabilities (documented in docs/transcript-format.md).

Compact on purpose: a 4,000-token reply with 8 alternatives each is a few hundred kilobytes as
objects but well under 100 KB here. Shape (version 1)::

    {"v": 1,
     "ids":  [int, ...],            chosen token id per reply token
     "p":    [float, ...],          its probability (softmax of the raw logits, before sampling)
     "end":  [int, ...],            reply length in characters once that token is decoded
     "alt":  [[id, p, id, p, ...]], the top alternatives per token, most likely first
     "text": {"id": "piece", ...},  the text of every id above (so no model is needed to show it)
     "sampler": {...}}              the sampler settings the reply was drawn with

``end`` counts characters of the whole stored message, so a continued reply's tokens line up
with its text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from chatdesk.engine.types import TokenAlt, TokenProb

VERSION = 1


def encode(tokens: Iterable[TokenProb], sampler: dict[str, Any] | None = None) -> dict[str, Any]:
    ids: list[int] = []
    probs: list[float] = []
    ends: list[int] = []
    alts: list[list[float]] = []
    text: dict[str, str] = {}
    for t in tokens:
        ids.append(t.token_id)
        probs.append(round(t.prob, 6))
        ends.append(t.end)
        text[str(t.token_id)] = t.text
        flat: list[float] = []
        for a in t.alternatives:
            flat += [a.token_id, round(a.prob, 6)]
            text.setdefault(str(a.token_id), a.text)
        alts.append(flat)
    return {"v": VERSION, "ids": ids, "p": probs, "end": ends, "alt": alts, "text": text, "sampler": sampler or {}}


def decode(data: dict[str, Any] | None) -> tuple[TokenProb, ...]:
    """Back to values; an unknown version or a damaged record gives no tokens, never an error."""
    if not data or data.get("v") != VERSION:
        return ()
    try:
        text = data["text"]
        out = []
        for tid, p, end, flat in zip(data["ids"], data["p"], data["end"], data["alt"], strict=True):
            alts = tuple(
                TokenAlt(int(flat[i]), text.get(str(int(flat[i])), ""), float(flat[i + 1])) for i in range(0, len(flat) - 1, 2)
            )
            out.append(TokenProb(int(tid), text.get(str(tid), ""), float(p), int(end), alts))
        return tuple(out)
    except (KeyError, TypeError, ValueError):
        return ()


def shifted(tokens: Sequence[TokenProb], by: int) -> list[TokenProb]:
    """The same tokens with their character offsets moved (a continued reply's new tokens)."""
    return [TokenProb(t.token_id, t.text, t.prob, t.end + by, t.alternatives) for t in tokens]
