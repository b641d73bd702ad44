"""A cited passage in its place: the page of the file, the passage highlighted, and the file.

Clicking a source chip under a grounded reply opens this viewer. The page is read again from the
file (off the GUI thread, with the same extraction the index used), so the passage is shown in
its context at the character offsets the index recorded; if the file has changed or gone, the
passage as it was retrieved is shown instead, and the viewer says so. "Open the file" hands it to
the system's viewer.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from chatdesk.ui.app.appearance import highlight_css
from chatdesk.ui.common.background import run_in_background


def _page_text(path: str, page: int | None) -> str | None:
    """The text of ``page`` of ``path`` as the index extracted it (None when it cannot be read)."""
    from chatdesk.documents.extract import extract

    try:
        data = Path(path).read_bytes()
        pages = extract(data, path).pages
    except Exception:  # noqa: BLE001 - a moved, changed or unreadable file: the stored passage is shown instead
        return None
    found = next((p for p in pages if p.number == page), None) if page is not None else (pages[0] if len(pages) == 1 else None)
    if found is None and page is None:
        return "".join(p.text for p in pages)
    return found.text if found is not None else None


class SourceViewer(QDialog):
    def __init__(self, source: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.setObjectName("sourceViewer")
        self.setWindowTitle(self.tr("Source [{n}]: {label}").format(n=source.number, label=source.label))
        self.setAccessibleName(self.tr("Cited passage"))
        self.resize(720, 520)
        self.where = QLabel(self)
        self.where.setObjectName("sourceWhere")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setText(self._where())
        self.text = QTextBrowser(self)
        self.text.setObjectName("sourceText")
        self.text.setAccessibleName(self.tr("The page, with the cited passage highlighted"))
        self.note = QLabel(self)
        self.note.setObjectName("sourceNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.open_button = QPushButton(self.tr("Open the file"), self)
        self.open_button.setObjectName("openSourceFile")
        self.open_button.setEnabled(Path(source.path).is_file())
        self.open_button.clicked.connect(self.open_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.where)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.note)
        lay.addWidget(buttons)
        self._show(None)
        run_in_background(lambda: _page_text(source.path, source.page), self._show, lambda _e: None, owner=self)

    def _where(self) -> str:
        s = self.source
        page = self.tr(", page {page}").format(page=s.page) if s.page is not None else ""
        return self.tr("{path}{page}, characters {start}–{end}").format(path=s.path, page=page, start=s.start, end=s.end)

    def _show(self, page_text: str | None) -> None:
        s = self.source
        mark = f'<span style="{highlight_css(self.palette())}">'
        if page_text is not None and page_text[s.start:s.end].strip() and page_text[s.start:s.end].strip()[:40] == s.text.strip()[:40]:
            before, cited, after = page_text[:s.start], page_text[s.start:s.end], page_text[s.end:]
            self.note.hide()
        else:
            before, cited, after = "", s.text, ""
            if page_text is None and not Path(s.path).is_file():
                self.note.setText(self.tr("The file is no longer there; this is the passage as it was when the reply was written."))
                self.note.show()
            elif page_text is not None:
                self.note.setText(self.tr("The file has changed since it was indexed; this is the passage as it was then."))
                self.note.show()
        html = (f"<div style='white-space: pre-wrap'>{escape(before)}{mark}{escape(cited)}</span>"
                f"<a name='cited'></a>{escape(after)}</div>")
        self.text.setHtml(html)
        cursor = self.text.document().find(cited.strip()[:60]) if cited.strip() else QTextCursor()
        if not cursor.isNull():
            self.text.setTextCursor(cursor)
            self.text.ensureCursorVisible()

    def open_file(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.source.path))
