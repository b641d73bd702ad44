"""What a preset is: the ``Preset`` value, its texts by language, and the limits a preset must keep.

Why a module of its own: the built-in presets, the file format, the stored library and the
application to a chat all share this one definition (and its error types), so none of them
depends on another to know what a preset is. Everything here is Qt-free.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields

from chatdesk.engine.types import SamplingSettings
from translatable import msg

PLACEHOLDER = "{target_language}"
BUILTIN_PREFIX = "builtin:"
USER_PREFIX = "user:"
ANY_LANGUAGE = "*"  # a text given as a plain string: the same in every language
PROMPT_LANGUAGES = ("en", "zh_CN")  # the languages built-in texts are written in
MAX_NAME_CHARS = 80
MAX_PROMPT_CHARS = 20_000
MAX_FILE_BYTES = 2_000_000

# Sampler values a preset may set (the seed belongs to a chat, not to a use of the model), with
# the ranges the Preferences dialog and the side panel accept.
SAMPLER_RANGES: dict[str, tuple[type, float, float]] = {
    "temperature": (float, 0.0, 2.0),
    "top_p": (float, 0.0, 1.0),
    "top_k": (int, 0, 1000),
    "min_p": (float, 0.0, 1.0),
    "repeat_penalty": (float, 0.5, 2.0),
    "max_tokens": (int, 1, 32768),
}
assert set(SAMPLER_RANGES) <= {f.name for f in fields(SamplingSettings)}


class PresetError(ValueError):
    """A preset action that cannot be done; the message says why and what to do instead."""


class PresetFormatError(PresetError):
    """A presets file that cannot be imported; the message lists what is wrong, in words."""


# ---------------------------------------------------------------------------- languages
@dataclass(frozen=True)
class TargetLanguage:
    code: str
    names: tuple[tuple[str, str], ...]  # (prompt language, the language's name in it)
    endonym: str

    def name_in(self, language: str) -> str:
        return text_in(self.names, language)


def _lang(code: str, en: str, zh: str, endonym: str) -> TargetLanguage:
    return TargetLanguage(code, (("en", en), ("zh_CN", zh)), endonym)


TARGET_LANGUAGES: tuple[TargetLanguage, ...] = (
    _lang("zh_CN", "Simplified Chinese", "简体中文", "简体中文"),
    _lang("en", "English", "英语", "English"),
    _lang("zh_TW", "Traditional Chinese", "繁体中文", "繁體中文"),
    _lang("ja", "Japanese", "日语", "日本語"),
    _lang("ko", "Korean", "韩语", "한국어"),
    _lang("fr", "French", "法语", "Français"),
    _lang("de", "German", "德语", "Deutsch"),
    _lang("es", "Spanish", "西班牙语", "Español"),
    _lang("pt", "Portuguese", "葡萄牙语", "Português"),
    _lang("it", "Italian", "意大利语", "Italiano"),
    _lang("ru", "Russian", "俄语", "Русский"),
    _lang("ar", "Arabic", "阿拉伯语", "العربية"),
    _lang("vi", "Vietnamese", "越南语", "Tiếng Việt"),
)
_TARGETS = {t.code: t for t in TARGET_LANGUAGES}


def target_language(code: str) -> TargetLanguage | None:
    return _TARGETS.get(code)


def prompt_language(ui_language: str) -> str:
    """The built-in text language for a UI language or locale name ("zh_CN", "zh-Hans", "en_GB")."""
    return "zh_CN" if ui_language.lower().replace("-", "_").startswith("zh") else "en"


def pick_text(texts: Sequence[tuple[str, str]], language: str) -> tuple[str, str]:
    """(language code, text) for ``language``: that language, else its family ("zh_TW" →
    "zh_CN"), else a text given for every language, else English, else whatever there is."""
    table = dict(texts)
    if language in table:
        return language, table[language]
    family = language.split("_")[0]
    for code, text in texts:
        if code.split("_")[0] == family:
            return code, text
    for code in (ANY_LANGUAGE, "en"):
        if code in table:
            return code, table[code]
    return texts[0] if texts else ("en", "")


def text_in(texts: Sequence[tuple[str, str]], language: str) -> str:
    return pick_text(texts, language)[1]


def written_in(text: str) -> str:
    """The built-in language a text is written in: Chinese if it has Han characters, else English."""
    return "zh_CN" if re.search(r"[\u3400-\u9fff]", text) else "en"


# ---------------------------------------------------------------------------- presets
@dataclass(frozen=True)
class Preset:
    id: str  # "builtin:translate" or "user:<uid>"
    name: tuple[tuple[str, str], ...]  # (language, text); language ANY_LANGUAGE for a plain string
    system_prompt: tuple[tuple[str, str], ...]
    sampling: tuple[tuple[str, float | int], ...] = ()  # only the values the preset sets
    description: tuple[tuple[str, str], ...] = ()
    target_language: str | None = None  # default target for a {target_language} prompt

    @property
    def builtin(self) -> bool:
        return self.id.startswith(BUILTIN_PREFIX)

    @property
    def uid(self) -> str | None:
        return self.id[len(USER_PREFIX):] if self.id.startswith(USER_PREFIX) else None

    @property
    def needs_target(self) -> bool:
        return any(PLACEHOLDER in text for _, text in self.system_prompt)

    def name_in(self, language: str) -> str:
        return text_in(self.name, language)

    def description_in(self, language: str) -> str:
        return text_in(self.description, language) if self.description else ""

    def prompt_in(self, language: str) -> str:
        return text_in(self.system_prompt, language)

    def languages(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.system_prompt)

    def default_target(self, language: str) -> str:
        """Chinese ⇄ English unless the preset names a target: a Chinese prompt translates into
        English, any other into Chinese."""
        if self.target_language and self.target_language in _TARGETS:
            return self.target_language
        return "en" if prompt_language(language) == "zh_CN" else "zh_CN"

    def render_prompt(self, language: str, target: str | None = None) -> str:
        """The system prompt in ``language``, with the target language's name (in that language)."""
        code, text = pick_text(self.system_prompt, language)
        if PLACEHOLDER in text:
            if code == ANY_LANGUAGE:
                code = written_in(text.replace(PLACEHOLDER, ""))
            lang = _TARGETS.get(target or "") or _TARGETS[self.default_target(code)]
            text = text.replace(PLACEHOLDER, lang.name_in(code))
        return text



def check_name(name: str) -> str:
    """``name`` with its white space tidied; ``PresetError`` when it cannot be a preset's name."""
    name = " ".join(name.split())
    if not name:
        raise PresetError(msg("A preset needs a name."))
    if len(name) > MAX_NAME_CHARS:
        raise PresetError(msg("A preset name can be at most {limit} characters long.", limit=MAX_NAME_CHARS))
    return name
