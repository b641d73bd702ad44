"""Exception types the converter raises on purpose.

Anything derived from :class:`ConversionError` is an *anticipated* failure:
its message is written for the person who picked the checkpoint, and the CLI
prints it without a traceback. ``exit_code`` is what ``chatdesk-convert``
returns for it, so the desktop app (which runs the CLI as a child process) can
tell "you gave me the wrong thing" (2) from "the conversion itself failed" (1).
"""

from __future__ import annotations


class ConversionError(Exception):
    """A failure we expected could happen; the message is user-facing."""

    exit_code = 1


class BadInputError(ConversionError):
    """The source checkpoint, tokenizer or options cannot be converted."""

    exit_code = 2


class MissingDependencyError(ConversionError):
    """An optional package (torch, llama-cpp-python) is needed for this input."""

    exit_code = 2


class InvalidGGUFError(ConversionError):
    """A GGUF file failed our structural checks.

    Raised *before* llama.cpp ever sees the file, because several malformations
    (duplicate token strings, context overflow) abort the whole process inside
    llama.cpp instead of raising.
    """

    exit_code = 1
