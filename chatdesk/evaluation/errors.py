"""Evaluation failures, each carrying a sentence the user can act on."""

from __future__ import annotations


class EvaluationError(RuntimeError):
    """The evaluation cannot run as asked (bad model, text, context or reference).

    ``code`` is the child's exit status: 2 for input the user can fix, 1 for anything else.
    """

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


class EvaluationCancelled(RuntimeError):
    """The user cancelled (SIGTERM / SIGINT in the child, or a cancel event in-process)."""
