"""The settings one conversation is held with, and how they are stored with it.

Defaults live in Preferences (``AppSettings``); a chat stores only what the user changed for it,
so a later change of a default still reaches chats that never overrode it. What a reply actually
used is copied into its provenance, so old replies stay explained even after the chat changes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from chatdesk.engine.types import SamplingSettings
from chatdesk.settings import AppSettings
from chatdesk.store import ConversationRecord

SAMPLER_FIELDS = tuple(f.name for f in fields(SamplingSettings))


@dataclass(frozen=True)
class ChatSettings:
    system_prompt: str | None
    sampling: SamplingSettings
    context_limit: int | None = None  # tokens; None: the model's whole context
    preset_id: str | None = None  # the preset these came from, if any
    show_probabilities: bool = False  # record and show per-token probabilities
    collections: tuple[str, ...] = ()  # document collections each reply is grounded in (cited sources)
    # A translating preset's target language: a code from presets.TARGET_LANGUAGES, or None to
    # follow each message (Chinese is translated into English, anything else into the interface
    # language; chatdesk.chat.presets.input_target).
    translate_target: str | None = None

    @property
    def top_logprobs(self) -> int:
        return 8 if self.show_probabilities else 0


def resolve(conv: ConversationRecord | None, defaults: AppSettings) -> ChatSettings:
    """The settings a conversation uses now: its own overrides on top of the defaults."""
    if conv is None:
        return ChatSettings(defaults.system_prompt or None, defaults.sampling)
    own = conv.settings or {}
    sampler = own.get("sampling") or {}
    values = {}
    for name in SAMPLER_FIELDS:
        if name in sampler:
            values[name] = sampler[name]
    try:
        sampling = replace(defaults.sampling, **values)
    except (TypeError, ValueError):
        sampling = defaults.sampling
    limit = own.get("context_limit")
    return ChatSettings(
        system_prompt=conv.system_prompt,
        sampling=sampling,
        context_limit=int(limit) if isinstance(limit, int) and limit > 0 else None,
        preset_id=own.get("preset_id") if isinstance(own.get("preset_id"), str) else None,
        show_probabilities=bool(own.get("show_probabilities", False)),
        collections=tuple(c for c in own.get("collections") or () if isinstance(c, str)),
        translate_target=own.get("translate_target") if isinstance(own.get("translate_target"), str) else None,
    )


def overrides(chat: ChatSettings, defaults: AppSettings) -> dict[str, Any] | None:
    """What ``chat`` changes relative to ``defaults``, as stored JSON (None: nothing)."""
    out: dict[str, Any] = {}
    sampler = {n: getattr(chat.sampling, n) for n in SAMPLER_FIELDS if getattr(chat.sampling, n) != getattr(defaults.sampling, n)}
    if sampler:
        out["sampling"] = sampler
    if chat.context_limit:
        out["context_limit"] = chat.context_limit
    if chat.preset_id:
        out["preset_id"] = chat.preset_id
    if chat.show_probabilities:
        out["show_probabilities"] = True
    if chat.collections:
        out["collections"] = list(chat.collections)
    if chat.translate_target:
        out["translate_target"] = chat.translate_target
    return out or None
