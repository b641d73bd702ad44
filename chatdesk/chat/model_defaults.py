"""Chat defaults that depend on the model: a model without a chat template is not a chat model.

Why: a converted nanoGPT or base GPT-2 checkpoint has no chat template. It started in
chat-transcript mode with the default system prompt, which took 64 of a 128-token context before
anything was typed, and kept a 512-token reply limit it could never reach. Such models continue
text; so, unless the user chose otherwise:

* the prompt is plain completion (``PromptFormat(mode="completion")``: the text is continued);
* no system prompt (the default one is left out; one the user wrote for the chat is kept);
* the reply limit fits the context: at most half of it, so the prompt keeps the other half.

A choice the user made (a stored prompt format, a per-chat system prompt or reply limit) always
wins. Models with a template keep every default. Qt-free: the flow applies it to each request,
and the window shows the same values (``effective_settings``) in its chat settings panel.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from chatdesk.chat.chat_settings import ChatSettings
from chatdesk.engine.types import PromptFormat
from chatdesk.settings import AppSettings, is_default_system_prompt

MIN_REPLY = 16
PLAIN_FORMAT = PromptFormat(mode="completion")


@dataclass(frozen=True)
class ModelTraits:
    """What the defaults depend on; from a loaded model's ``ModelInfo`` or, before it loads, its GGUF."""

    has_chat_template: bool
    context_length: int  # tokens the model can attend to (the usable n_ctx when loaded)
    local: bool = True  # remote servers apply their own template

    @classmethod
    def of_info(cls, info: object) -> ModelTraits:
        return cls(bool(getattr(info, "has_chat_template", True)), int(getattr(info, "n_ctx", 0) or 0),
                   getattr(info, "kind", "local") == "local")

    @classmethod
    def of_file(cls, path: str) -> ModelTraits | None:
        """From the GGUF's header (the validator's cached summary: no weights read); None if unreadable."""
        from chatdesk import paths
        from chatdesk.engine import EngineError, check_gguf

        try:
            s = check_gguf(path, paths.model_checks_path())
        except (EngineError, OSError):
            return None
        return cls(bool(s.chat_template), int(s.context_length))

    @property
    def plain(self) -> bool:
        """A local model without a chat template: it continues text rather than chats."""
        return self.local and not self.has_chat_template


def reply_limit(context_length: int, wanted: int) -> int:
    """A reply limit that leaves half the context for the prompt."""
    if context_length <= 0:
        return wanted
    return max(MIN_REPLY, min(wanted, context_length // 2))


def prompt_format(traits: ModelTraits | None, stored: PromptFormat | None) -> PromptFormat | None:
    """The prompt format to use: the one the user stored for this model, else plain completion for
    a model without a template (None: the model's own template applies)."""
    if stored is not None:
        return stored
    if traits is not None and traits.plain:
        return PLAIN_FORMAT
    return None


def stored_prompt_format(settings: AppSettings, key: str) -> PromptFormat | None:
    """The format the user chose for this model in Preferences, if any (None: nothing chosen)."""
    return settings.prompt_formats.get(key)


def effective_settings(chat: ChatSettings, traits: ModelTraits | None, defaults: AppSettings) -> ChatSettings:
    """``chat`` as a request to this model uses it: for a plain model, the default system prompt
    is dropped and a default reply limit is cut to fit its context; the user's own values stay."""
    if traits is None or not traits.plain:
        return chat
    system = chat.system_prompt
    if system is not None and (system.strip() == (defaults.system_prompt or "").strip() or is_default_system_prompt(system)):
        system = None
    sampling = chat.sampling
    if sampling.max_tokens == defaults.sampling.max_tokens:
        sampling = replace(sampling, max_tokens=reply_limit(traits.context_length, sampling.max_tokens))
    return replace(chat, system_prompt=system, sampling=sampling)


def new_chat_system_prompt(traits: ModelTraits | None, defaults: AppSettings) -> str | None:
    """The system prompt a new conversation starts with for this model."""
    if traits is not None and traits.plain:
        return None
    return defaults.system_prompt or None
