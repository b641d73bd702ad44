"""User preferences, kept as a small JSON file in the data directory.

Sampling and load settings are the engine's own frozen dataclasses, so what the user edits is
exactly what the engine receives (and what each reply's provenance records).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from chatdesk import paths
from chatdesk.atomic import write_bytes_atomic
from chatdesk.engine.types import LoadSettings, PromptFormat, SamplingSettings

DEFAULT_SYSTEM_PROMPT = "You are a helpful, concise assistant."
# The default system prompt in each prompt language (chatdesk.chat.presets.PROMPT_LANGUAGES): a
# model told in English to be helpful tends to answer a Chinese user in English.
DEFAULT_SYSTEM_PROMPTS: dict[str, str] = {
    "en": DEFAULT_SYSTEM_PROMPT,
    "zh_CN": "你是一个乐于助人、回答简洁的助手。",
}

# The interface's language and colours: "system" follows the desktop, anything else overrides it.
LANGUAGES = ("system", "en", "zh_CN")
THEMES = ("system", "light", "dark")
# Text size of the conversation and the message box, in percent of the desktop's font size
# (View → Zoom in / out, Ctrl + / Ctrl − / Ctrl 0).
TEXT_SCALE_DEFAULT = 100
TEXT_SCALE_MIN = 50
TEXT_SCALE_MAX = 300


@dataclass(frozen=True)
class AppSettings:
    model_path: str | None = None  # None: the bundled model
    system_prompt: str = DEFAULT_SYSTEM_PROMPT
    sampling: SamplingSettings = SamplingSettings()
    load: LoadSettings = LoadSettings()
    # Per-model plain prompt formats for models without a chat template, keyed by model path.
    prompt_formats: dict[str, PromptFormat] = field(default_factory=dict)
    language: str = "system"  # one of LANGUAGES; takes effect at the next start
    theme: str = "system"  # one of THEMES
    text_scale: int = TEXT_SCALE_DEFAULT  # percent, TEXT_SCALE_MIN..TEXT_SCALE_MAX
    welcome_done: bool = False  # the first-start model choice was made or skipped (Help shows it again)
    export_folder: str = ""  # where the last export went (the save dialog starts there)
    embedding_model: str = ""  # document search's embedding model: a library id or a GGUF path; "" the built-in one

    def system_prompt_in(self, language: str) -> str:
        """The default system prompt for new chats, in ``language`` ("en", "zh_CN", a UI language
        or locale) when the user kept ChatDesk's default; the user's own text as it is."""
        if is_default_system_prompt(self.system_prompt):
            return default_system_prompt(language)
        return self.system_prompt

    def prompt_format_for(self, model_path: str) -> PromptFormat:
        return self.prompt_formats.get(model_path, PromptFormat())

    def with_prompt_format(self, model_path: str, fmt: PromptFormat) -> AppSettings:
        formats = dict(self.prompt_formats)
        formats[model_path] = fmt
        return replace(self, prompt_formats=formats)


def default_system_prompt(language: str) -> str:
    """ChatDesk's default system prompt in the prompt language of ``language`` (Chinese for any
    "zh…" UI language or locale, else English)."""
    return DEFAULT_SYSTEM_PROMPTS["zh_CN" if language.lower().replace("-", "_").startswith("zh") else "en"]


def is_default_system_prompt(text: str | None) -> bool:
    """Is ``text`` ChatDesk's default system prompt (in any language), i.e. not the user's own?"""
    return (text or "").strip() in {t.strip() for t in DEFAULT_SYSTEM_PROMPTS.values()}


def interface_language(settings: AppSettings) -> str:
    """The interface language as the Qt-free layers can tell it: the setting, else the locale of
    the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). The window passes its own instead."""
    import os

    if settings.language != "system":
        return settings.language
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "").split(":")[0].strip()
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


def _choice(value: Any, allowed: tuple[str, ...]) -> str:
    """A known choice, else "system" (a hand-edited or newer settings file never breaks the start)."""
    return value if isinstance(value, str) and value in allowed else "system"


def _scale(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return TEXT_SCALE_DEFAULT
    return int(min(TEXT_SCALE_MAX, max(TEXT_SCALE_MIN, round(value))))


def _build(cls: type, data: Any) -> Any:
    if not isinstance(data, dict):
        return cls()
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def load_settings(path: Path | None = None) -> AppSettings:
    """Read settings; anything missing or malformed falls back to defaults (never fails)."""
    path = path or paths.settings_path()
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return AppSettings()
    if not isinstance(raw, dict):
        return AppSettings()
    try:
        return AppSettings(
            model_path=raw.get("model_path") if isinstance(raw.get("model_path"), str) else None,
            system_prompt=str(raw.get("system_prompt", DEFAULT_SYSTEM_PROMPT)),
            sampling=_build(SamplingSettings, raw.get("sampling")),
            load=_build(LoadSettings, raw.get("load")),
            prompt_formats={
                str(k): _build(PromptFormat, v) for k, v in (raw.get("prompt_formats") or {}).items()
            },
            language=_choice(raw.get("language"), LANGUAGES),
            theme=_choice(raw.get("theme"), THEMES),
            text_scale=_scale(raw.get("text_scale", TEXT_SCALE_DEFAULT)),
            welcome_done=raw.get("welcome_done") is True,
            export_folder=found if isinstance(found := raw.get("export_folder"), str) else "",
            embedding_model=chosen if isinstance(chosen := raw.get("embedding_model"), str) else "",
        )
    except (TypeError, ValueError):
        return AppSettings()


def save_settings(settings: AppSettings, path: Path | None = None) -> None:
    path = path or paths.settings_path()
    data = asdict(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(path, json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8"))
