"""Grounding a reply in retrieved passages: the prompt that asks for numbered citations, and the
sources kept with the reply.

The stored user message stays exactly what the user typed; only the request the model sees is
grounded (``grounded_plan``), and the passages go into the reply's provenance under ``sources``
(number, path, page, character range, text, score) so the window can show numbered source
chips, Reply info can list them, and a JSON transcript carries them. Passages that would not fit
the model's context are left out, lowest-ranked first, so citations always point at passages
the model actually saw.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from chatdesk.engine.types import ChatMessage

if TYPE_CHECKING:
    from chatdesk.chat.flow import ReplyPlan

INSTRUCTION = (
    "Answer the question using the numbered sources below. Cite every source you use by its number in "
    "square brackets, like [1]. If the sources do not contain the answer, say that they do not. "
    "Answer in the language of the question."
)
SHORT_FOLLOW_UP_WORDS = 6


class PassageLike(Protocol):
    # Read-only properties, so a frozen dataclass (documents.Hit) satisfies the protocol.
    @property
    def path(self) -> str: ...
    @property
    def page(self) -> int | None: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def score(self) -> float: ...


@dataclass(frozen=True)
class Source:
    number: int
    path: str
    page: int | None
    start: int
    end: int
    text: str
    score: float = 0.0

    @property
    def label(self) -> str:
        name = os.path.basename(self.path) or self.path
        return f"{name}, page {self.page}" if self.page is not None else name

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "path": self.path, "page": self.page, "start": self.start, "end": self.end,
                "text": self.text, "score": round(float(self.score), 6)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        return cls(int(d["number"]), str(d["path"]), d.get("page"), int(d["start"]), int(d["end"]), str(d.get("text", "")),
                   float(d.get("score", 0.0)))


@dataclass(frozen=True)
class Grounding:
    prompt: str  # the user's turn as the model sees it
    sources: tuple[Source, ...]
    mode: str = "retrieval"  # how the reply was grounded: "retrieval", "whole", "map-reduce"


def _estimate_tokens(text: str) -> int:
    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    return cjk + (len(text) - cjk) // 3 + 1


def ground(question: str, passages: Sequence[PassageLike], *, budget_tokens: int = 1500,
           count_tokens: Callable[[str], int] | None = None) -> Grounding:
    """The grounded prompt for ``question`` over ``passages`` (best first), within ``budget_tokens``."""
    count = count_tokens or _estimate_tokens
    used = count(INSTRUCTION) + count(question) + 16
    sources: list[Source] = []
    blocks: list[str] = []
    for p in passages:
        number = len(sources) + 1
        src = Source(number, p.path, p.page, p.start, p.end, p.text, getattr(p, "score", 0.0))
        block = f"[{number}] {src.label}:\n{' '.join(p.text.split())}"
        cost = count(block) + 2
        if used + cost > budget_tokens:
            continue  # a shorter, lower-ranked passage may still fit
        used += cost
        sources.append(src)
        blocks.append(block)
    if not sources:
        return Grounding(question, (), "retrieval")
    prompt = f"{INSTRUCTION}\n\nSources:\n\n" + "\n\n".join(blocks) + f"\n\nQuestion: {question}"
    return Grounding(prompt, tuple(sources), "retrieval")


def retrieval_query(history: Sequence[ChatMessage], question: str) -> str:
    """What to search for: a short follow-up ("and in 2023?") carries the previous question with it,
    so retrieval finds the passages the conversation is about."""
    short = len(question.split()) <= SHORT_FOLLOW_UP_WORDS and len(re.findall(r"[\u3400-\u9fff]", question)) <= 12
    if not short:
        return question
    previous = [m.content for m in history if m.role == "user" and m.content.strip() and m.content != question]
    return f"{previous[-1]} {question}" if previous else question


def grounded_plan(plan: ReplyPlan, grounding: Grounding) -> ReplyPlan:
    """``plan`` with its last user turn replaced by the grounded prompt and the sources recorded."""
    messages = list(plan.request.messages)
    for i in range(len(messages) - 1, -1, -1):
        if messages[i].role == "user":
            messages[i] = ChatMessage("user", grounding.prompt)
            break
    base = dict(plan.provenance_base)
    base["grounding"] = grounding.mode
    base["sources"] = [s.to_dict() for s in grounding.sources]
    return replace(plan, request=replace(plan.request, messages=tuple(messages)), provenance_base=tuple(base.items()))


def sources_of(provenance: dict[str, Any] | None) -> list[Source]:
    """The sources a stored reply was grounded in (empty for an ungrounded reply)."""
    out = []
    for d in (provenance or {}).get("sources") or []:
        try:
            out.append(Source.from_dict(d))
        except (KeyError, TypeError, ValueError):
            continue
    return out


def format_sources(sources: Sequence[Source]) -> str:
    """Sources as plain text lines, for the terminal and the plain-text transcript."""
    return "\n".join(f"[{s.number}] {s.path}" + (f", page {s.page}" if s.page is not None else "")
                     + f" (characters {s.start}-{s.end})" for s in sources)
