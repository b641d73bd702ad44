"""Model evaluation as a window feature: File → Evaluate models…, and evaluations asked for elsewhere.

``EvaluationFeature(ctx, window)`` registers the ``evaluation.evaluate`` action and keeps one
evaluation window per main window, using the context's database. Other features never import
this one: the library's "Evaluate…" emits ``ctx.requests.evaluate_models`` (the shell routes it
here), and the checkpoint import is handed ``comparison_window`` as its way to measure freshly
converted files.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from chatdesk.ui.common.context import AppContext

if TYPE_CHECKING:
    from chatdesk.store import Store
    from chatdesk.ui.evaluation.evaluation_window import EvaluationWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvaluationActions", text)


class EvaluationFeature(QObject):
    """Owns File → Evaluate models… and the main window's evaluation window."""

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("evaluationFeature")
        self.ctx = ctx
        self.parent_window = window
        self.evaluation_window: EvaluationWindow | None = None
        self.action = ctx.actions.add(
            "evaluation.evaluate", _tr("E&valuate models…"), lambda: self.show([]), object_name="evaluateModels",
            tooltip=_tr("Measure perplexity, speed and memory of models, and compare quantizations"))
        if getattr(sys, "frozen", False):  # the child process is `python -m chatdesk.evaluation`
            self.action.setEnabled(False)
            self.action.setToolTip(_tr("Evaluating models needs a Python install: run chatdesk eval."))
        ctx.requests.evaluate_models.connect(self.show)

    def show(self, model_paths: Sequence[str], library: Sequence[Any] | None = None) -> EvaluationWindow:
        """The evaluation window, with these models added (the model in use when none is given)."""
        from chatdesk.ui.evaluation.evaluation_window import EvaluationWindow  # noqa: PLC0415 - pyqtgraph loads with it

        win = self.evaluation_window
        if win is None:
            win = EvaluationWindow(self.ctx.store, self.parent_window)
            win.destroyed.connect(self._forget)
            self.evaluation_window = win
        win.set_library(list(library) if library else self.ctx.session.library)
        current = self.ctx.session.model_key
        if model_paths:
            win.add_models(list(model_paths))
        elif not win.model_paths() and current and Path(current).is_file():
            win.add_models([current])
        win.show()
        win.raise_()
        win.activateWindow()
        return win

    def _forget(self, _obj: object = None) -> None:
        self.evaluation_window = None

    def comparison_window(self, parent: QWidget, model_paths: Sequence[str], reference: str, temporary: str) -> EvaluationWindow:
        """What the checkpoint import is handed: a comparison window using this window's database."""
        return comparison_window(parent, model_paths, reference, temporary, self.ctx.store)


def comparison_window(parent: QWidget, model_paths: Sequence[str], reference: str, temporary: str,
                      store: Store | None = None) -> EvaluationWindow:
    """A window of its own for a comparison of freshly converted files (deleted after the run)."""
    from chatdesk.ui.evaluation.evaluation_window import EvaluationWindow  # noqa: PLC0415

    win = EvaluationWindow(store, parent, models=list(model_paths), temporary=temporary)
    win.setWindowTitle(_tr("Compare quantizations"))
    win.setAccessibleName(_tr("Compare quantizations"))
    win.set_reference(reference)
    return win
