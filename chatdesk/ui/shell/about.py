"""Help → About ChatDesk: the version, the llama.cpp build it runs, and the licences of what it ships.

The build facts (hashing llama.cpp's libraries) are read on the thread pool; the dialog shows the
rest at once and fills them in.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from chatdesk import __version__
from chatdesk.ui.common.background import run_in_background

LICENCES = (
    ("ChatDesk", "Apache-2.0"),
    ("llama.cpp / ggml", "MIT"),
    ("llama-cpp-python", "MIT"),
    ("SmolLM2-135M-Instruct (the bundled model)", "Apache-2.0"),
    ("all-MiniLM-L6-v2 (the built-in embedding model)", "Apache-2.0"),
    ("Qt for Python (PySide6)", "LGPL-3.0"),
    ("SQLAlchemy, markdown-it-py, Pygments, httpx, Starlette, uvicorn", "MIT / BSD"),
    ("jieba, pypdf, python-docx, sqlite-vec", "MIT / BSD / Apache-2.0"),
    ("QtAwesome, QtPy", "MIT"),
    ("Phosphor Icons 1.3 (the window's icons, through QtAwesome)", "MIT"),
)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About ChatDesk"))
        self.setAccessibleName(self.tr("About ChatDesk"))
        self.text = QLabel(self)
        self.text.setObjectName("aboutText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text)
        lay.addWidget(buttons)
        self.build: dict[str, str] | None = None
        self._show()
        from chatdesk.engine.build_info import build_facts

        run_in_background(build_facts, self._built, lambda _e: None, owner=self)

    def _built(self, facts: dict[str, str]) -> None:
        self.build = facts
        self._show()

    def _show(self) -> None:
        b = self.build
        build = (self.tr("llama-cpp-python {version}, ggml {commit}, {backend}").format(
            version=b.get("llama_cpp_python", "?"), commit=(b.get("ggml_commit") or "?")[:12], backend=b.get("backend", "?"))
            if b else self.tr("reading the llama.cpp build…"))
        rows = "".join(f"<tr><td>{escape(name)}</td><td>&nbsp;{escape(lic)}</td></tr>" for name, lic in LICENCES)
        tagline = self.tr("Offline chat with GPT-style models, on your own computer.")
        licences = self.tr("Licences")
        self.text.setText(
            f"<h3>ChatDesk {escape(__version__)}</h3><p>{escape(tagline)}</p>"
            f"<p>{escape(build)}</p><p><b>{escape(licences)}</b></p><table>{rows}</table>")
