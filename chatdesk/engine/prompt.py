"""Turning a list of chat messages into the exact prompt text a model sees.

Models that carry ``tokenizer.chat_template`` are rendered with that Jinja template (through
llama-cpp-python's sandboxed formatter). Models without one — the usual case for a GPT someone
trained themselves — get a plain transcript or plain completion (``PromptFormat``), never
llama-cpp-python's silent ``llama-2`` fallback, which is meaningless for such models.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from llama_cpp.llama_chat_format import Jinja2ChatFormatter
from llama_cpp.llama_types import ChatCompletionRequestMessage

from chatdesk.engine.types import ChatMessage, PromptFormat


@dataclass(frozen=True)
class RenderedPrompt:
    text: str
    stops: tuple[str, ...]
    special: bool  # parse special tokens in the text (template markers) when tokenizing
    add_bos: bool


class TemplatePrompt:
    """The model's own chat template."""

    source = "gguf"

    def __init__(self, template: str, bos_text: str, eos_text: str) -> None:
        self._formatter = Jinja2ChatFormatter(template=template, eos_token=eos_text, bos_token=bos_text)
        self._eos = eos_text

    def render(self, messages: Sequence[ChatMessage]) -> RenderedPrompt:
        # llama-cpp-python types each message by a Literal role; ChatMessage.role is a plain str holding one of them.
        request = cast("list[ChatCompletionRequestMessage]", [{"role": m.role, "content": m.content} for m in messages])
        result = self._formatter(messages=request)
        stops = result.stop if isinstance(result.stop, list) else ([result.stop] if result.stop else [])
        return RenderedPrompt(result.prompt, tuple(s for s in stops if s), special=True, add_bos=False)


class PlainPrompt:
    """A documented plain format for models without a template (see docs/architecture.md).

    chat mode::

        System: <system prompt>

        User: <message>
        Assistant: <reply>
        User: <message>
        Assistant:

    completion mode: the messages' texts concatenated, so the model simply continues them.
    """

    def __init__(self, fmt: PromptFormat) -> None:
        self.fmt = fmt
        self.source = "plain completion" if fmt.mode == "completion" else "plain transcript"

    def render(self, messages: Sequence[ChatMessage]) -> RenderedPrompt:
        f = self.fmt
        if f.mode == "completion":
            text = "".join(m.content for m in messages if m.role != "system")
            return RenderedPrompt(text, (), special=False, add_bos=True)
        parts: list[str] = []
        for m in messages:
            if m.role == "system":
                if m.content.strip():
                    parts.append(f"{f.system_label}: {m.content.strip()}\n\n")
            elif m.role == "user":
                parts.append(f"{f.user_label}: {m.content.strip()}\n")
            else:
                parts.append(f"{f.assistant_label}: {m.content.strip()}\n")
        parts.append(f"{f.assistant_label}:")
        return RenderedPrompt("".join(parts), f.stop_strings(), special=False, add_bos=True)
