"""Between presets and chats: applying a preset to a chat's settings, recognising a preset's
text in a chat, aiming a translating preset at each message, and a new preset from a chat.

Why: a preset is a starting point, not a mode. Applying one copies its system prompt (in the
chosen language, with ``{target_language}`` filled in) and its sampler values into the chat's
``ChatSettings``, which the chat then owns; so whether a chat "still uses" a preset is decided by
recognising the preset's text in it, in any language.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from chatdesk.chat.chat_settings import ChatSettings
from chatdesk.chat.presets.model import (
    ANY_LANGUAGE,
    PLACEHOLDER,
    SAMPLER_RANGES,
    TARGET_LANGUAGES,
    USER_PREFIX,
    Preset,
    check_name,
    prompt_language,
    target_language,
)


def apply(preset: Preset, chat: ChatSettings, language: str, target: str | None = None) -> ChatSettings:
    """The chat's settings with ``preset`` applied: its system prompt in ``language`` (target
    language filled in) and its sampler values; the seed, context limit and probability view stay
    the chat's own. A translating preset applied without a ``target`` follows each message's
    language (``direct_for_input``); with one, it always translates into it."""
    overrides: dict[str, Any] = dict(preset.sampling)  # SamplingSettings field names, checked when the preset was read
    sampling = replace(chat.sampling, **overrides)
    fixed = target if preset.needs_target and target_language(target or "") is not None else None
    return replace(chat, system_prompt=preset.render_prompt(language, target) or None, sampling=sampling, preset_id=preset.id,
                   translate_target=fixed)


def input_target(text: str, ui_language: str) -> str:
    """The language a message is translated into when the target follows the input: Chinese
    into English, anything else into the interface language."""
    from chatdesk.library.languages import detect_language

    if detect_language(text) == "zh":
        return "en"
    return prompt_language(ui_language)


TRANSLATION_SLACK = 64  # tokens on top of twice the source's UTF-8 bytes


def translation_reply_limit(text: str, max_tokens: int) -> int:
    """The longest reply a translation of ``text`` may need: twice its UTF-8 bytes plus a margin.

    Why: a small model that cannot end a reply in the language it is writing (SmolLM2-135M never
    ends Chinese text with its end-of-turn token) repeats itself until the reply limit; with the
    preset's 1,024 tokens a one-line Chinese question looped for 608 tokens until Stop. A
    translation is about as long as its source, and byte-level tokens never outnumber bytes, so
    this bound never cuts a real translation short.
    """
    return max(1, min(max_tokens, 2 * len(text.encode("utf-8")) + TRANSLATION_SLACK))


def for_message(preset: Preset | None, chat: ChatSettings, text: str, ui_language: str) -> ChatSettings:
    """``chat`` as a translating preset uses it for ``text``: aimed at the message's direction
    (``direct_for_input``) with a reply limit that fits a translation of it. Other presets and
    chats without one are returned unchanged."""
    if preset is None or not preset.needs_target or recognise(preset, chat.system_prompt) is None:
        return chat
    chat = direct_for_input(preset, chat, text, ui_language)
    limit = translation_reply_limit(text, chat.sampling.max_tokens)
    return chat if limit == chat.sampling.max_tokens else replace(chat, sampling=replace(chat.sampling, max_tokens=limit))


def direct_for_input(preset: Preset | None, chat: ChatSettings, text: str, ui_language: str) -> ChatSettings:
    """``chat`` with a translating preset's prompt aimed at ``text``'s direction (see
    ``input_target``), when the chat follows the input and still has the preset's own text; a
    chosen target or an edited prompt is left as it is."""
    if preset is None or not preset.needs_target or chat.translate_target is not None:
        return chat
    seen = recognise(preset, chat.system_prompt)
    if seen is None:
        return chat
    return replace(chat, system_prompt=preset.render_prompt(seen[0], input_target(text, ui_language)) or None)


def _prompt_pattern(template: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in template.split(PLACEHOLDER)]
    return re.compile("(.+?)".join(parts), re.DOTALL)


def recognise(preset: Preset, system_prompt: str | None) -> tuple[str, str | None] | None:
    """Which language (and target language) ``system_prompt`` is this preset's text in, if it is
    the preset's text unchanged: (language, target code or None); None when it was edited."""
    system_prompt = system_prompt or ""
    for code, template in preset.system_prompt:
        if PLACEHOLDER not in template:
            if template == system_prompt:
                return code, None
            continue
        m = _prompt_pattern(template).fullmatch(system_prompt)
        if m is None:
            continue
        named = set(m.groups())
        if len(named) != 1:
            continue
        shown = named.pop()
        for t in TARGET_LANGUAGES:
            if shown in {name for _, name in t.names} | {t.endonym}:
                return code, t.code
    return None


def matches(preset: Preset, chat: ChatSettings) -> bool:
    """Whether ``chat`` still has the preset's prompt (in some language) and sampler values."""
    if recognise(preset, chat.system_prompt) is None:
        return False
    return all(getattr(chat.sampling, k) == v for k, v in preset.sampling)


def from_chat(name: str, chat: ChatSettings, based_on: Preset | None = None) -> Preset:
    """A new user preset holding the chat's system prompt and sampler values.

    If the chat still uses ``based_on``'s text, the new preset keeps every language of it (and its
    placeholder), so it follows the language choice like the original did."""
    name = check_name(name)
    prompt: tuple[tuple[str, str], ...] = ((ANY_LANGUAGE, chat.system_prompt or ""),)
    target = None
    seen = recognise(based_on, chat.system_prompt) if based_on is not None else None
    if based_on is not None and seen is not None:
        prompt = based_on.system_prompt
        target = seen[1] or based_on.target_language
    sampling = tuple((k, getattr(chat.sampling, k)) for k in SAMPLER_RANGES)
    return Preset(id=USER_PREFIX, name=((ANY_LANGUAGE, name),), system_prompt=prompt, sampling=sampling, target_language=target)
