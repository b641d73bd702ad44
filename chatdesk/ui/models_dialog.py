"""File → Models…: the bundled model and every GGUF in the data folder's models/ directory,
with what each file says about itself (architecture, quantization, context, provenance of a
converted checkpoint) and a "Chat with it" button.

Reading GGUF metadata can take a moment for large vocabularies, so it runs on the thread pool.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chatdesk import paths
from chatdesk.engine import BUNDLED_MODEL_NAME, EngineError, check_gguf, default_model_path
from chatdesk.ui.background import run_in_background

PathRole = Qt.ItemDataRole.UserRole + 1


def model_files() -> list[Path]:
    """The bundled model first, then converted/imported models, newest first."""
    found: list[Path] = []
    try:
        found.append(default_model_path())
    except EngineError:
        pass
    folder = paths.models_dir()
    if folder.is_dir():
        found += sorted(folder.glob("*.gguf"), key=lambda p: p.stat().st_mtime, reverse=True)
    return found


def describe(path: Path) -> str:
    """Plain-text details of one model file (or why it cannot be used)."""
    try:
        s = check_gguf(path, paths.data_dir() / "model-checks.json")
    except EngineError as exc:
        return str(exc)
    lines = [
        f"{s.name}",
        f"{s.architecture}, {s.n_params / 1e6:.1f} M parameters, {s.file_type}, {s.size_bytes / 1e6:.1f} MB",
        f"context {s.context_length} tokens, vocabulary {s.n_vocab}",
        "chat template: " + ("yes" if s.chat_template else "none (plain transcript / completion)"),
    ]
    prov = {k.split(".", 1)[1]: v for k, v in s.metadata.items() if k.startswith("chatdesk.")}
    if prov:
        lines.append("converted from: " + ", ".join(f"{k} = {v}" for k, v in sorted(prov.items())))
    return "\n".join(lines)


class ModelsDialog(QDialog):
    chat_requested = Signal(str)

    def __init__(self, current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Models")
        self.resize(640, 380)
        self.list = QListWidget(self)
        self.list.setObjectName("modelList")
        self.details = QLabel("", self)
        self.details.setObjectName("modelDetails")
        self.details.setWordWrap(True)
        self.details.setMinimumHeight(self.details.fontMetrics().lineSpacing() * 6)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chat_button = QPushButton("Chat with it", self)
        self.chat_button.setObjectName("chatWithModel")
        self.chat_button.setEnabled(False)
        close = QPushButton("Close", self)
        close.clicked.connect(self.reject)
        self.chat_button.clicked.connect(self._chat)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.chat_button)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.details)
        lay.addLayout(buttons)
        self._details: dict[str, str] = {}
        bundled = None
        try:
            bundled = str(default_model_path())
        except EngineError:
            pass
        for p in model_files():
            label = BUNDLED_MODEL_NAME + " (bundled)" if str(p) == bundled else p.name
            if current and str(p) == current:
                label += "  — in use"
            item = QListWidgetItem(label)
            item.setData(PathRole, str(p))
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._show)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None, _prev: object = None) -> None:
        if item is None:
            return
        path = item.data(PathRole)
        self.chat_button.setEnabled(True)
        if path in self._details:
            self.details.setText(self._details[path])
            return
        self.details.setText("Reading…")

        def done(text: str) -> None:
            self._details[path] = text
            current = self.list.currentItem()
            if current is not None and current.data(PathRole) == path:
                self.details.setText(text)

        run_in_background(lambda: describe(Path(path)), done, lambda exc: self.details.setText(str(exc)))

    def _chat(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chat_requested.emit(item.data(PathRole))
            self.accept()
