"""Inspection failures, each carrying a sentence the user can act on (a ``translatable.Text``)."""

from __future__ import annotations


class InspectionError(RuntimeError):
    """The inspection cannot run as asked, or what llama.cpp produced cannot be read faithfully.

    ``code`` follows the other headless commands: 2 for input the user can fix (a bad model
    file, an empty or too long text, an unsupported architecture), 1 for anything else.
    """

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


class UnsupportedArchitecture(InspectionError):
    """The model's architecture is one whose intermediate tensors we cannot read faithfully."""


class InspectionCancelled(RuntimeError):
    """The caller's cancel event was set; nothing is left behind (temporary files are removed)."""
