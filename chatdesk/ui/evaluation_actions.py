"""The main window's way into model evaluation: File → Evaluate models…, and "Evaluate…" elsewhere.

``install(window)`` adds the menu action (after the other model actions of the File menu) and
keeps one evaluation window per main window, using the main window's database. Other windows —
the model library's "Evaluate…" button, the checkpoint import's "Compare quantizations…" — call
``evaluate_models(widget, paths)`` or ``comparison_window(widget, ...)``, which find that main
window through their parents (or, standing alone, open a window with its own database).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

if TYPE_CHECKING:
    from chatdesk.store import Store
    from chatdesk.ui.evaluation_window import EvaluationWindow
    from chatdesk.ui.main_window import MainWindow

AFTER_ACTION = "connectServer"  # File menu: after Models…, Download from the Hub…, Connect to a server…


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvaluationActions", text)


class EvaluationActions(QObject):
    """Owns File → Evaluate models… and the main window's evaluation window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("evaluationActions")
        self.main_window = window
        self.evaluation_window: EvaluationWindow | None = None
        self.action = QAction(_tr("&Evaluate models…"), window)
        self.action.setObjectName("evaluateModels")
        self.action.setToolTip(_tr("Measure perplexity, speed and memory of models, and compare quantizations"))
        self.action.triggered.connect(lambda _checked=False: self.show([]))
        if getattr(sys, "frozen", False):  # the child process is `python -m chatdesk.evaluation`
            self.action.setEnabled(False)
            self.action.setToolTip(_tr("Evaluating models needs a Python install: run chatdesk eval."))
        menu = window.menuBar().actions()[0].menu()
        actions = menu.actions()
        after = next((i for i, a in enumerate(actions) if a.objectName() == AFTER_ACTION), len(actions) - 1)
        if after + 1 < len(actions):
            menu.insertAction(actions[after + 1], self.action)
        else:
            menu.addAction(self.action)

    def show(self, model_paths: Sequence[str], library: Sequence[Any] | None = None) -> EvaluationWindow:
        """The evaluation window, with these models added (the model in use when none is given)."""
        from chatdesk.ui.evaluation_window import EvaluationWindow  # noqa: PLC0415 - pyqtgraph loads with it
        from chatdesk.ui.model_actions import actions_of  # noqa: PLC0415

        w = self.main_window
        if self.evaluation_window is None or not shiboken6.isValid(self.evaluation_window):
            self.evaluation_window = EvaluationWindow(w.store, w)
        win = self.evaluation_window
        entries = library if library is not None else actions_of(w).picker.entries()
        win.set_library(entries)
        if model_paths:
            win.add_models(model_paths)
        elif not win.model_paths() and w.model_path and Path(w.model_path).is_file():
            win.add_models([w.model_path])
        win.show()
        win.raise_()
        win.activateWindow()
        return win


def install(window: MainWindow) -> EvaluationActions:
    """Add File → Evaluate models… to ``window`` (called once from MainWindow.__init__)."""
    found = window.findChild(EvaluationActions, "evaluationActions")
    return found if found is not None else EvaluationActions(window)


def _main_window_of(widget: QWidget | None) -> QMainWindow | None:
    while widget is not None:
        if isinstance(widget, QMainWindow) and widget.findChild(EvaluationActions, "evaluationActions") is not None:
            return widget
        widget = widget.parentWidget()
    return None


def store_of(widget: QWidget | None) -> Store | None:
    """The database of the main window ``widget`` belongs to, if any."""
    main = _main_window_of(widget)
    return getattr(main, "store", None) if main is not None else None


def evaluate_models(widget: QWidget, model_paths: Sequence[str], library: Sequence[Any] | None = None) -> EvaluationWindow:
    """Open the evaluation window with these models (the main window's, or one of ``widget``'s own)."""
    main = _main_window_of(widget)
    if main is not None:
        return main.findChild(EvaluationActions, "evaluationActions").show(model_paths, library)
    from chatdesk.ui.evaluation_window import EvaluationWindow  # noqa: PLC0415

    existing = widget.findChild(EvaluationWindow, "evaluationWindow")
    win = existing if existing is not None else EvaluationWindow(None, widget)
    if library is not None:
        win.set_library(library)
    win.add_models(model_paths)
    win.show()
    win.raise_()
    return win


def comparison_window(widget: QWidget, model_paths: Sequence[str], reference: str, temporary: str) -> EvaluationWindow:
    """A window of its own for a comparison of freshly converted files (deleted after the run)."""
    from chatdesk.ui.evaluation_window import EvaluationWindow  # noqa: PLC0415

    win = EvaluationWindow(store_of(widget), widget, models=model_paths, temporary=temporary)
    win.setWindowTitle(_tr("Compare quantizations"))
    win.setAccessibleName(_tr("Compare quantizations"))
    win.set_reference(reference)
    return win
