"""The logit lens as a table: one row per position (its token), one column per layer; each cell
is what the model would predict next if it stopped after that layer (final norm + output matrix
on that layer's residual stream), shaded by its probability, with the top five in the tooltip.
The last column is the model's own prediction. Reading down a column shows where an answer forms.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from chatdesk.ui.app.appearance import mix
from chatdesk.ui.inspector.attention_view import shown_text

_Index = QModelIndex | QPersistentModelIndex


class LensTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[str] = []
        self._lens: list[Any] = []  # per layer LensRows, then the output
        self._texts: dict[int, str] = {}

    def set_inspection(self, inspection: Any, token_texts: dict[int, str]) -> None:
        self.beginResetModel()
        self._rows = [shown_text(t.text) for t in inspection.tokens]
        self._lens = [inspection.logit_lens(layer) for layer in range(inspection.model.n_layer)] + [inspection.output]
        self._texts = token_texts
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lens)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return f"{section} {self._rows[section]}" if section < len(self._rows) else None
        last = len(self._lens) - 1
        return self.tr("output") if section == last else self.tr("layer {n}").format(n=section)

    def top(self, row: int, column: int) -> list[tuple[str, float]]:
        lens = self._lens[column]
        return [(shown_text(self._texts.get(int(i), "?")), float(p)) for i, p in zip(lens.ids[row], lens.probs[row]) if i >= 0]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            best = self.top(row, col)
            return f"{best[0][0]} {best[0][1]:.0%}" if best else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{t}  {p:.1%}" for t, p in self.top(row, col))
        if role == Qt.ItemDataRole.BackgroundRole:
            pal = QApplication.palette()
            p = float(self._lens[col].probs[row][0])
            return mix(pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Highlight), min(1.0, max(0.0, p)) * 0.8)
        if role == Qt.ItemDataRole.ForegroundRole and float(self._lens[col].probs[row][0]) > 0.6:
            return QApplication.palette().color(QPalette.ColorRole.HighlightedText)
        return None
