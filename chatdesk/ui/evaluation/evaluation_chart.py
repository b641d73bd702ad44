"""The chart of the selected evaluation results: perplexity or speed against file size.

Drawn with pyqtgraph in the palette's colours (redrawn when the palette changes, so it suits the
light and the dark theme), with error bars for perplexity and a text description for screen
readers. It warns when the selected results were measured on different texts or windows, because
those figures do not compare.

The axes' ranges are chosen here (``axis_range``), not by pyqtgraph's auto-range: one model (or
several of one size) is a single value per axis, which auto-range turns into a zero-width range
padded by a fixed unit (ticks like 99.6, 99.8 MB around a 100 MB file). Each point carries its
value in its label, so a lone point says what it is without reading the ticks.
"""


from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from chatdesk.evaluation.export import dig
from chatdesk.ui.app.appearance import mix


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvaluationWindow", text)


# ----------------------------------------------------------------------------- the chart
@dataclass(frozen=True)
class ChartKind:
    key: str
    label: str
    axis: str


@dataclass(frozen=True)
class ChartPoint:
    x: float  # file size in MB
    y: float
    error: float | None
    label: str


PAD = 0.12  # room around the points, as a share of the range
MIN_SPAN = 0.2  # the narrowest range, as a share of the values' size (a single point)


def axis_range(values: Sequence[float], pad: float = PAD, min_span: float = MIN_SPAN) -> tuple[float, float]:
    """A range showing every value with room around it, never of zero width: a single value (or
    values closer than ``min_span`` of their size) gets a range ``min_span`` of its size wide,
    centred on it. Figures that cannot be negative (sizes, speeds, perplexity) never get a
    negative axis."""
    if not values:
        return 0.0, 1.0
    lo, hi = min(values), max(values)
    mid = (lo + hi) / 2
    narrowest = abs(mid) * min_span or 1.0
    if hi - lo < narrowest:
        lo, hi = mid - narrowest / 2, mid + narrowest / 2
    margin = (hi - lo) * pad
    lo, hi = lo - margin, hi + margin
    if min(values) >= 0 > lo:
        hi, lo = hi - lo, 0.0
    return lo, hi


def value_text(kind: str, point: ChartPoint) -> str:
    """A point's figure as its label shows it."""
    loc = QLocale()
    if kind == "perplexity":
        text = loc.toString(point.y, "f", 2)
        return f"{text} ± {loc.toString(point.error, 'f', 2)}" if point.error else text
    return _tr("{rate} tokens/s").format(rate=loc.toString(point.y, "f", 1))


class EvaluationChart(QWidget):
    """Perplexity (with its error) or speed against file size, one labelled point per result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg  # noqa: PLC0415 - a second of imports, paid only when the window opens

        self._pg = pg
        self.setObjectName("evaluationChart")
        self.kinds = (
            ChartKind("perplexity", _tr("Perplexity against file size"), _tr("Perplexity")),
            ChartKind("gen", _tr("Generation speed against file size"), _tr("Generation (tokens/s)")),
            ChartKind("prompt", _tr("Prompt speed against file size"), _tr("Prompt processing (tokens/s)")),
        )
        self.kind = QComboBox(self)
        self.kind.setObjectName("chartKind")
        self.kind.setAccessibleName(_tr("What the chart shows"))
        for k in self.kinds:
            self.kind.addItem(k.label, k.key)
        self.kind.currentIndexChanged.connect(lambda _i: self._draw())
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("evaluationPlot")
        self.plot.setAccessibleName(_tr("Chart of the selected results"))
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMinimumSize(320, 240)
        self.plot.getViewBox().setDefaultPadding(0.12)
        self.plot.getViewBox().setMouseEnabled(x=False, y=False)
        self.note = QLabel("", self)
        self.note.setObjectName("chartNote")
        self.note.setAccessibleName(_tr("About the chart"))
        self.note.setWordWrap(True)
        kind_label = QLabel(_tr("Chart:"), self)
        kind_label.setAccessibleName(_tr("Chart"))
        kind_label.setBuddy(self.kind)
        top = QHBoxLayout()
        top.addWidget(kind_label)
        top.addWidget(self.kind, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.note)
        self._records: list[dict[str, Any]] = []
        self.scatter: Any = None
        self.labels: list[Any] = []
        self._draw()

    def current_kind(self) -> ChartKind:
        return self.kinds[max(self.kind.currentIndex(), 0)]

    def set_kind(self, key: str) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(key), 0))

    def set_results(self, results: Sequence[dict[str, Any]]) -> None:
        self._records = list(results)
        self._draw()

    def points(self) -> list[ChartPoint]:
        """What is drawn: one point per result that has the figure and a file size."""
        key = self.current_kind().key
        field_name = {"perplexity": "perplexity", "gen": "gen_tokens_per_s", "prompt": "prompt_tokens_per_s"}[key]
        out = []
        labels = [str(dig(r, "model", "file_type") or "?") for r in self._records]
        for r, label in zip(self._records, labels):
            y, size = r.get(field_name), dig(r, "model", "size_bytes")
            if y is None or not size:
                continue
            if labels.count(label) > 1:  # two results of one type: tell them apart by file
                label = f"{label} · {Path(str(dig(r, 'model', 'path') or '')).stem}"
            error = r.get("perplexity_error") if key == "perplexity" else None
            out.append(ChartPoint(size / (1 << 20), float(y), error, label))
        return out

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._draw()

    def _draw(self) -> None:
        pg = self._pg
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.Text)
        base = pal.color(QPalette.ColorRole.Base)
        accent = pal.color(QPalette.ColorRole.Highlight)
        faint = mix(base, text, 0.45)
        plot = self.plot
        plot.clear()
        plot.setBackground(base)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(faint))
            axis.setTextPen(pg.mkPen(text))
        plot.showGrid(x=True, y=True, alpha=0.25)
        kind = self.current_kind()
        css = {"color": text.name()}
        plot.setLabel("bottom", _tr("File size (MB)"), **css)
        # The quantity is written level above the plot, not along the left axis: pyqtgraph draws
        # that label rotated, and rotated Chinese came out squeezed into an unreadable column.
        plot.getAxis("left").showLabel(False)
        plot.setTitle(kind.axis, color=text.name(), size="10pt")
        points = self.points()
        self.labels = []
        self.scatter = pg.ScatterPlotItem(
            x=[p.x for p in points], y=[p.y for p in points], size=11,
            pen=pg.mkPen(mix(accent, text, 0.35), width=1.5), brush=pg.mkBrush(accent),
        )
        errors = [p for p in points if p.error]
        if errors:
            import numpy as np  # noqa: PLC0415 - pyqtgraph needs arrays here

            bars = pg.ErrorBarItem(x=np.array([p.x for p in errors]), y=np.array([p.y for p in errors]),
                                   height=np.array([2 * float(p.error or 0) for p in errors]), pen=pg.mkPen(faint, width=1.2))
            plot.addItem(bars)
        plot.addItem(self.scatter)
        for p in points:
            label = pg.TextItem(f"{p.label}\n{value_text(kind.key, p)}", color=text, anchor=(0.5, 1.15))
            label.setPos(p.x, p.y)
            plot.addItem(label)
            self.labels.append(label)
        ys = [p.y for p in points] + [p.y + s * float(p.error or 0) for p in points for s in (-1, 1)]
        box = plot.getViewBox()
        box.enableAutoRange(enable=False)
        box.setXRange(*axis_range([p.x for p in points]), padding=0)
        # Room above the highest point for its two-line label.
        lo, hi = axis_range(ys)
        box.setYRange(lo, hi + (hi - lo) * 0.15 if points else hi, padding=0)
        self._describe(points)

    def _describe(self, points: list[ChartPoint]) -> None:
        if not points:
            self.note.setText(_tr("Select results in the table to compare them here."))
        else:
            texts = {(dig(r, "text", "sha256"), r.get("n_ctx")) for r in self._records}
            self.note.setText(_tr("Different texts or window sizes: these figures do not compare.") if len(texts) > 1 else "")
        described = "; ".join(f"{p.label}: {p.x:.1f} MB, {p.y:.3f}" for p in points)
        self.plot.setAccessibleDescription(described or self.note.text())
