"""The evaluation window's native file dialogs: models, the text, the reference, the export file.

Why apart: each is one native dialog with its title, start folder and filters, and nothing of the
window's state; the window holds them as replaceable hooks (``choose_model_files``...), which
tests and scripts that cannot drive a native dialog replace.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvaluationWindow", text)


def choose_model_files(parent: QWidget) -> list[str]:
    found, _ = QFileDialog.getOpenFileNames(parent, _tr("Models to evaluate"), str(Path.home()),
                                            _tr("GGUF models (*.gguf);;All files (*)"))
    return found


def choose_text_file(parent: QWidget) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, _tr("Text to evaluate on"), str(Path.home()),
                                          _tr("Text files (*.txt *.md);;All files (*)"))
    return path


def choose_reference(parent: QWidget, folder: bool) -> str:
    if folder:
        return QFileDialog.getExistingDirectory(parent, _tr("Hugging Face model folder"), str(Path.home()))
    path, _ = QFileDialog.getOpenFileName(parent, _tr("Reference model"), str(Path.home()),
                                          _tr("Models and checkpoints (*.gguf *.pt *.bin *.safetensors);;All files (*)"))
    return path


def choose_export_file(parent: QWidget, fmt: str) -> str:
    filters = {"csv": _tr("CSV files (*.csv)"), "json": _tr("JSON files (*.json)")}
    path, _ = QFileDialog.getSaveFileName(parent, _tr("Export results"), str(Path.home() / f"evaluations.{fmt}"), filters[fmt])
    return path
