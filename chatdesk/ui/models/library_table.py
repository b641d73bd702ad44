"""The model library as a table: one row per model, the columns the library window shows.

``LibraryListModel`` turns frozen ``ModelEntry`` values into cells (name, architecture,
parameters, quantization, context, size, chat template, licence, source, status), with a sort
value and a filter text per row, and marks the default, the model in use and missing files. The
size and parameter formatting lives here as well because the download and evaluation windows
write sizes the same way. Words are in the library window's translation context.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QWidget,
)

from chatdesk.library import ModelEntry
from chatdesk.library.resolve import entry_key, same_model
from chatdesk.ui.app.appearance import error_colour
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.formatting import human_size

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3  # what the filter box matches: every column plus the file name


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryWindow", text)


def human_params(n: int) -> str:
    if not n:
        return "—"
    if n >= 1e9:
        return f"{n / 1e9:.1f} B"
    return f"{n / 1e6:.0f} M"


def conversion_text(c: dict[str, Any]) -> str:
    """A converted checkpoint's provenance (``ModelEntry.conversion``, from the GGUF's chatdesk.*
    metadata) in words: where it came from, the source's SHA-256, the training step and loss."""
    parts = [_tr("Converted from {source}").format(source=c.get("source_file") or c.get("source_format") or _tr("a checkpoint"))]
    if c.get("source_sha256"):
        parts.append(_tr("checkpoint SHA-256 {sha}").format(sha=c["source_sha256"]))
    if c.get("training_step") is not None:
        parts.append(_tr("training step {step}").format(step=c["training_step"]))
    if c.get("val_loss") is not None:
        parts.append(_tr("validation loss {loss}").format(loss=f"{float(c['val_loss']):.4f}"))
    return ", ".join(parts)


def source_label(entry: ModelEntry) -> str:
    labels = {
        "bundled": _tr("Bundled"),
        "imported": _tr("Imported checkpoint"),
        "added": _tr("Added file"),
        "hf-cache": _tr("Hugging Face cache"),
        "downloaded": _tr("Downloaded"),
        "remote": _tr("Remote"),
    }
    text = labels.get(entry.source, entry.source)
    if entry.is_remote and entry.remote_url:
        text += f" ({entry.remote_url.split('://', 1)[-1].removesuffix('/v1')})"
    elif entry.repo_id and entry.source in ("downloaded", "hf-cache"):
        text += f" ({entry.repo_id})"
    return text


class LibraryListModel(QAbstractTableModel):
    """The library's entries as table rows (plus which one is the default and which is in use)."""

    COLUMNS = ("name", "architecture", "parameters", "quantization", "context", "size", "template", "licence", "source", "status")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[ModelEntry] = []
        self.default_id: str | None = None
        self.current_key: str | None = None
        self._headers = (
            _tr("Name"), _tr("Architecture"), _tr("Parameters"), _tr("Quantization"), _tr("Context"), _tr("File size"),
            _tr("Chat template"), _tr("Licence"), _tr("Source"), _tr("Status"),
        )

    def set_entries(self, entries: list[ModelEntry], default_id: str | None, current_key: str | None) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.default_id = default_id
        self.current_key = current_key
        self.endResetModel()

    def set_current_key(self, key: str | None) -> None:
        self.current_key = key
        if self._entries:
            col = self.COLUMNS.index("status")
            self.dataChanged.emit(self.index(0, col), self.index(len(self._entries) - 1, col))

    def entries(self) -> list[ModelEntry]:
        return list(self._entries)

    def entry(self, row: int) -> ModelEntry:
        return self._entries[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def status_text(self, entry: ModelEntry) -> str:
        parts = []
        if entry.missing:
            parts.append(_tr("Missing"))
        elif entry.problem:
            parts.append(_tr("Cannot be used"))
        if entry.id == self.default_id:
            parts.append(_tr("Default"))
        if same_model(entry_key(entry), self.current_key):
            parts.append(_tr("In use"))
        return ", ".join(parts) or _tr("Ready")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._entries[index.row()]
        col = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(e, col)
        if role == SORT_ROLE:
            numbers = {"parameters": e.parameters, "context": e.context_length, "size": e.file_size}
            return numbers.get(col, self._text(e, col).lower())
        if role == ENTRY_ROLE:
            return e
        if role == FILTER_ROLE:
            extra = (os.path.basename(e.path or ""), e.repo_id or "", e.remote_model or "", e.id)
            return " ".join((*(self._text(e, c) for c in self.COLUMNS), *extra))
        if role == Qt.ItemDataRole.ToolTipRole:
            if e.problem:
                return localized(e.problem)
            where = e.path or e.remote_url or None
            return f"{where}\n{conversion_text(e.conversion)}" if where and e.conversion else where
        if role == Qt.ItemDataRole.ForegroundRole and (e.missing or e.problem):
            return QBrush(error_colour())
        if role == Qt.ItemDataRole.FontRole and e.id == self.default_id and col == "name":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("parameters", "context", "size"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, e: ModelEntry, col: str) -> str:
        if col == "name":
            return e.name
        if col == "architecture":
            return e.architecture or "—"
        if col == "parameters":
            return human_params(e.parameters)
        if col == "quantization":
            return e.quantization or "—"
        if col == "context":
            return f"{e.context_length:,}" if e.context_length else "—"
        if col == "size":
            return "—" if e.is_remote else human_size(e.file_size)
        if col == "template":
            if e.is_remote:
                return _tr("server's")
            return _tr("yes") if e.chat_template else _tr("no")
        if col == "licence":
            return e.license or "—"
        if col == "source":
            return source_label(e)
        return self.status_text(e)
