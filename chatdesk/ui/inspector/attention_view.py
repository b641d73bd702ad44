"""Attention drawn over the text itself, and the layer × head grid of small heatmaps.

``TokenAttentionView`` lays the tokens out like text (boxes that wrap at the widget's width);
hovering (or moving the keyboard to) a token shades every earlier token by how much that token's
query attends to it, in the chosen layer and head (or the mean over heads). Only the hovered row
of the attention matrix is read (one memory-mapped row), and the layout is computed once per
width, so a redraw costs the painting of the boxes: well under the 50 ms a 512-token reply allows
(``benchmarks/inspect_speed.py`` measures it).

``HeadGrid`` shows every (layer, head) as a thumbnail of its attention pattern, computed off the
GUI thread, to find the interesting heads: previous-token heads draw a diagonal just below the
main one, first-token heads a bright left column. Clicking one chooses it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from chatdesk.ui.app.appearance import mix

PAD = 3
GAP = 2
THUMB = 28  # pixels per thumbnail side


def shown_text(piece: str) -> str:
    """A token as it can be drawn: spaces and line breaks made visible, nothing empty."""
    text = piece.replace("\n", "⏎").replace("\t", "⇥")
    if text.startswith(" "):
        text = "·" + text[1:]
    return text or "∅"


class TokenAttentionView(QWidget):
    hovered = Signal(int)  # the query token (-1: none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tokenAttention")
        self.setAccessibleName(self.tr("The text, shaded by attention"))
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._texts: list[str] = []
        self._prompt = 0
        self._rects: list[QRect] = []
        self._laid_width = -1
        self._row_of: Any = None  # callable query -> weights (query + 1,)
        self.query = -1
        self.weights: np.ndarray | None = None

    def set_tokens(self, texts: list[str], prompt_tokens: int | None) -> None:
        self._texts = [shown_text(t) for t in texts]
        self._prompt = prompt_tokens or 0
        self._laid_width = -1
        self.query = -1
        self.weights = None
        self.updateGeometry()
        self.update()

    def set_rows(self, row_of: Any) -> None:
        """``row_of(query)`` gives the attention weights of that query (the chosen layer/head)."""
        self._row_of = row_of
        self._set_query(self.query)

    def _layout(self) -> None:
        width = max(self.width(), 200)
        if width == self._laid_width:
            return
        fm = QFontMetrics(self.font())
        h = fm.height() + 2 * PAD
        x = y = GAP
        rects = []
        for text in self._texts:
            w = fm.horizontalAdvance(text) + 2 * PAD
            if x + w > width - GAP and x > GAP:
                x, y = GAP, y + h + GAP
            rects.append(QRect(x, y, w, h))
            x += w + GAP
        self._rects = rects
        self._laid_width = width
        self.setMinimumHeight((y + h + GAP) if rects else 0)

    def sizeHint(self) -> QSize:
        self._layout()
        bottom = self._rects[-1].bottom() + GAP if self._rects else 40
        return QSize(600, bottom)

    def resizeEvent(self, event: Any) -> None:
        self._laid_width = -1
        super().resizeEvent(event)

    def token_at(self, pos: QPoint) -> int:
        self._layout()
        return next((i for i, r in enumerate(self._rects) if r.contains(pos)), -1)

    def token_rect(self, index: int) -> QRect:
        self._layout()
        return self._rects[index]

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        i = self.token_at(event.position().toPoint())
        if i >= 0 and i != self.query:
            self._set_query(i)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step and self._texts:
            self._set_query(min(max(self.query + step, 0), len(self._texts) - 1))
            return
        super().keyPressEvent(event)

    def _set_query(self, query: int) -> None:
        self.query = query
        self.weights = self._row_of(query) if self._row_of is not None and 0 <= query < len(self._texts) else None
        self.hovered.emit(query)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        self._layout()
        p = QPainter(self)
        pal = self.palette()
        base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
        accent = pal.color(QPalette.ColorRole.Highlight)
        p.fillRect(self.rect(), base)
        weights = self.weights
        top = float(weights.max()) if weights is not None and weights.size else 0.0
        clip = event.rect()
        for i, (r, t) in enumerate(zip(self._rects, self._texts)):
            if not r.intersects(clip):
                continue
            fill = base
            if weights is not None and i < weights.size and top > 0:
                fill = mix(base, accent, float(weights[i]) / top)
            p.fillRect(r, fill)
            if i == self.query:
                p.setPen(accent)
                p.drawRect(r.adjusted(0, 0, -1, -1))
            elif i >= self._prompt > 0:
                p.setPen(mix(base, text, 0.35))  # the reply's tokens are underlined
                p.drawLine(r.bottomLeft(), r.bottomRight())
            strength = (float(weights[i]) / top) if weights is not None and i < weights.size and top > 0 else 0.0
            p.setPen(pal.color(QPalette.ColorRole.HighlightedText) if strength > 0.6 else text)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, t)
        p.end()


class HeadGrid(QWidget):
    chosen = Signal(int, int)  # layer, head

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headGrid")
        self.setAccessibleName(self.tr("Every layer and head: attention patterns"))
        self.setMouseTracking(True)
        self._thumbs: np.ndarray | None = None  # (n_layer, n_head, S, S) uint8
        self.selected = (0, 0)

    def set_thumbnails(self, thumbs: np.ndarray) -> None:
        self._thumbs = thumbs
        self.setFixedSize(self.sizeHint())  # every layer's row, scrolled in its scroll area
        self.update()

    def sizeHint(self) -> QSize:
        if self._thumbs is None:
            return QSize(200, 200)
        n_layer, n_head = self._thumbs.shape[:2]
        return QSize(40 + n_head * (THUMB + 2), 20 + n_layer * (THUMB + 2))

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        if self._thumbs is None:
            return None
        layer, head = (pos.y() - 20) // (THUMB + 2), (pos.x() - 40) // (THUMB + 2)
        n_layer, n_head = self._thumbs.shape[:2]
        return (layer, head) if 0 <= layer < n_layer and 0 <= head < n_head and pos.x() >= 40 and pos.y() >= 20 else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is not None:
            self.selected = cell
            self.chosen.emit(*cell)
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        self.setToolTip(self.tr("Layer {layer}, head {head}").format(layer=cell[0], head=cell[1]) if cell else "")

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        if self._thumbs is None:
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Computing the patterns…"))
            p.end()
            return
        n_layer, n_head, s, _ = self._thumbs.shape
        p.setPen(pal.color(QPalette.ColorRole.Text))
        for h in range(n_head):
            p.drawText(QRect(40 + h * (THUMB + 2), 0, THUMB, 18), Qt.AlignmentFlag.AlignCenter, str(h))
        base, accent = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Highlight)
        lut = [mix(base, accent, v / 255).rgb() for v in range(256)]
        for layer in range(n_layer):
            y = 20 + layer * (THUMB + 2)
            p.drawText(QRect(0, y, 36, THUMB), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(layer))
            for h in range(n_head):
                data = np.ascontiguousarray(self._thumbs[layer, h])
                img = QImage(data.data, s, s, s, QImage.Format.Format_Indexed8)
                img.setColorTable(lut)
                target = QRect(40 + h * (THUMB + 2), y, THUMB, THUMB)
                p.drawImage(target, img)
                if (layer, h) == self.selected:
                    p.setPen(QColor(accent))
                    p.drawRect(target.adjusted(-1, -1, 0, 0))
                    p.setPen(pal.color(QPalette.ColorRole.Text))
        p.end()


def thumbnails(inspection: Any, size: int = 24) -> np.ndarray:
    """(n_layer, n_head, S, S) uint8 attention patterns, each block the mean of its weights,
    scaled per head to its own maximum (run off the GUI thread: it reads every matrix once)."""
    n_layer, n_head, t = inspection.model.n_layer, inspection.model.n_head, inspection.n_tokens
    s = max(1, min(size, t))
    edges = np.linspace(0, t, s + 1).astype(int)
    out = np.zeros((n_layer, n_head, s, s), dtype=np.uint8)
    for layer in inspection.attention_layers:
        for h in range(n_head):
            m = np.asarray(inspection.attention(layer, h), dtype=np.float32)
            blocks = np.add.reduceat(np.add.reduceat(m, edges[:-1], axis=0), edges[:-1], axis=1)
            counts = np.outer(np.diff(edges), np.diff(edges)).astype(np.float32)
            blocks /= np.maximum(counts, 1)
            top = float(blocks.max())
            if top > 0:
                out[layer, h] = np.clip(blocks / top * 255, 0, 255).astype(np.uint8)
    return out
