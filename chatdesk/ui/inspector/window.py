"""The inspector window: Look inside… one reply (or a typed text) of a local model.

Tabs: Attention (the text shaded by the hovered token's attention, a layer and head chooser with
"mean of the heads", the layer × head grid), Logit lens, Contributions (per layer: how much
attention and the feed-forward network change the residual stream, and the embedding the model
started from). Beside them, the pipeline explained with this model's sizes; its links switch tabs.
The inspection runs in the background with progress and Cancel; closing the window cancels it
and deletes its files. Export: JSON (docs/inspection.md) and a PNG of the view on screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.common.form_parts import field_label
from chatdesk.ui.inspector.attention_view import HeadGrid, TokenAttentionView, shown_text, thumbnails
from chatdesk.ui.inspector.lens_view import LensTableModel
from chatdesk.ui.inspector.pipeline import pipeline_html
from chatdesk.ui.inspector.run import InspectedReply, InspectionRun

MEAN = -1


class InspectorWindow(QWidget):
    ready = Signal()  # the inspection is on screen

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("inspectorWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Look inside: {what}").format(what=title))
        self.setAccessibleName(self.tr("Look inside the model"))
        self.resize(1200, 780)
        self.data: InspectedReply | None = None
        self.run: InspectionRun | None = None

        self.facts = QLabel(self.tr("Evaluating the tokens with the model…"), self)
        self.facts.setObjectName("inspectorFacts")
        self.facts.setWordWrap(True)
        self.facts.setAccessibleName(self.tr("About this inspection"))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("inspectorProgress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("inspectorCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.export_json = QPushButton(self.tr("Export JSON…"), self)
        self.export_json.setObjectName("inspectorExportJson")
        self.export_json.clicked.connect(self.save_json)
        self.export_png = QPushButton(self.tr("Save this view as PNG…"), self)
        self.export_png.setObjectName("inspectorExportPng")
        self.export_png.clicked.connect(self.save_png)

        # -- attention
        self.layer = QComboBox(self)
        self.layer.setObjectName("inspectorLayer")
        self.layer.setAccessibleName(self.tr("Layer"))
        self.head = QComboBox(self)
        self.head.setObjectName("inspectorHead")
        self.head.setAccessibleName(self.tr("Head"))
        for combo in (self.layer, self.head):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "mean of the heads" in full
        self.hover_note = QLabel(self.tr("Hover a token (or use ← →) to see which earlier tokens it attends to."), self)
        self.hover_note.setObjectName("inspectorHoverNote")
        self.hover_note.setWordWrap(True)
        self.tokens_view = TokenAttentionView(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.tokens_view)
        self.grid = HeadGrid(self)
        grid_scroll = QScrollArea(self)
        grid_scroll.setWidget(self.grid)
        grid_scroll.setWidgetResizable(False)
        grid_scroll.setMinimumWidth(240)
        attention = QWidget(self)
        a_lay = QVBoxLayout(attention)
        pick = QHBoxLayout()
        pick.addWidget(field_label(self, self.tr("Layer"), self.layer))
        pick.addWidget(self.layer)
        pick.addWidget(field_label(self, self.tr("Head"), self.head))
        pick.addWidget(self.head)
        pick.addStretch(1)
        a_lay.addLayout(pick)
        a_lay.addWidget(self.hover_note)
        split = QSplitter(Qt.Orientation.Horizontal, attention)
        split.addWidget(scroll)
        split.addWidget(grid_scroll)
        split.setStretchFactor(0, 3)
        a_lay.addWidget(split, 1)

        # -- logit lens
        self.lens_model = LensTableModel(self)
        self.lens = QTableView(self)
        self.lens.setObjectName("inspectorLens")
        self.lens.setAccessibleName(self.tr("Logit lens: the prediction after each layer"))
        self.lens.setModel(self.lens_model)
        self.lens.setWordWrap(False)

        # -- contributions
        self.position = QComboBox(self)
        self.position.setObjectName("inspectorPosition")
        self.position.setAccessibleName(self.tr("Position"))
        contributions = QWidget(self)
        c_lay = QVBoxLayout(contributions)
        row = QHBoxLayout()
        row.addWidget(field_label(self, self.tr("Position"), self.position))
        row.addWidget(self.position, 1)
        c_lay.addLayout(row)
        import pyqtgraph as pg  # noqa: PLC0415 - loaded with the window, not at start-up

        self.plot = pg.PlotWidget(contributions)
        self.plot.setObjectName("inspectorContributions")
        self.plot.setAccessibleName(self.tr("How much each layer changes the residual stream"))
        self.plot.addLegend()
        self.plot.setLabel("bottom", self.tr("layer (−1: the embedding the model starts from)"))
        self.plot.setLabel("left", self.tr("vector length"))
        c_lay.addWidget(self.plot, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("inspectorTabs")
        self.tabs.addTab(attention, self.tr("Attention"))
        self.tabs.addTab(self.lens, self.tr("Logit lens"))
        self.tabs.addTab(contributions, self.tr("Contributions"))
        self.tabs.setEnabled(False)
        self.pipeline = QTextBrowser(self)
        self.pipeline.setObjectName("inspectorPipeline")
        self.pipeline.setAccessibleName(self.tr("How a GPT works, with this model's numbers"))
        self.pipeline.setOpenLinks(False)
        self.pipeline.anchorClicked.connect(self._follow)
        self.pipeline.setMinimumWidth(280)

        top = QHBoxLayout()
        top.addWidget(self.facts, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.export_json)
        top.addWidget(self.export_png)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(self.tabs)
        body.addWidget(self.pipeline)
        body.setStretchFactor(0, 4)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(body, 1)
        self.export_json.setEnabled(False)
        self.export_png.setEnabled(False)
        self.layer.currentIndexChanged.connect(self._show_attention)
        self.head.currentIndexChanged.connect(self._show_attention)
        self.grid.chosen.connect(self._grid_chosen)
        self.position.currentIndexChanged.connect(self._show_contributions)

    # ------------------------------------------------------------------ running
    def start(self, model: str, **what: Any) -> None:
        run = InspectionRun(self)
        run.progress.connect(self._progressed)
        run.finished.connect(self._finished)
        run.failed.connect(self._failed)
        run.cancelled.connect(lambda: self._failed(self.tr("Cancelled.")))
        self.run = run
        run.start(model, **what)

    def cancel(self) -> None:
        if self.run is not None:
            self.run.cancel()
            self.cancel_button.setEnabled(False)

    def _progressed(self, fraction: float, phase: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.progress.setFormat(f"{phase} %p%")

    def _failed(self, text: str) -> None:
        self.facts.setText(text)
        self.progress.hide()
        self.cancel_button.hide()

    def _finished(self, data: InspectedReply) -> None:
        self.data = data
        ins = data.inspection
        self.progress.hide()
        self.cancel_button.hide()
        self.tabs.setEnabled(True)
        self.export_json.setEnabled(True)
        self.export_png.setEnabled(True)
        m = ins.model
        prompt = self.tr(", {n} of them the prompt").format(n=ins.prompt_tokens) if ins.prompt_tokens else ""
        notes = "".join(" " + localized(n) for n in data.notes)
        self.facts.setText(self.tr("{name}: {t} tokens{prompt}.").format(name=m.name, t=ins.n_tokens, prompt=prompt) + notes)
        self.tokens_view.set_tokens([t.text for t in ins.tokens], ins.prompt_tokens)
        self.layer.blockSignals(True)
        self.layer.clear()
        for layer in ins.attention_layers:
            self.layer.addItem(self.tr("layer {n}").format(n=layer), layer)
        self.layer.blockSignals(False)
        self.head.blockSignals(True)
        self.head.clear()
        self.head.addItem(self.tr("mean of the heads"), MEAN)
        for h in range(m.n_head):
            self.head.addItem(self.tr("head {n}").format(n=h), h)
        self.head.blockSignals(False)
        self.position.blockSignals(True)
        self.position.clear()
        self.position.addItem(self.tr("all positions (mean)"), MEAN)
        for i, t in enumerate(ins.tokens):
            self.position.addItem(f"{i}: {shown_text(t.text)}", i)
        self.position.blockSignals(False)
        self.lens_model.set_inspection(ins, data.token_texts)
        self.pipeline.setHtml(pipeline_html(ins))
        self._show_attention()
        self._show_contributions()
        run_in_background(lambda: thumbnails(ins), self.grid.set_thumbnails, lambda _e: None, owner=self)
        self.ready.emit()

    # ------------------------------------------------------------------ views
    def _show_attention(self) -> None:
        if self.data is None or self.layer.currentIndex() < 0:
            return
        ins, layer, head = self.data.inspection, self.layer.currentData(), self.head.currentData()
        self.tokens_view.set_rows(lambda q: ins.attention_row(layer, None if head == MEAN else head, q))
        if head != MEAN:
            self.grid.selected = (layer, head)
            self.grid.update()

    def _grid_chosen(self, layer: int, head: int) -> None:
        self.layer.setCurrentIndex(max(self.layer.findData(layer), 0))
        self.head.setCurrentIndex(max(self.head.findData(head), 0))

    def _show_contributions(self) -> None:
        if self.data is None:
            return
        ins, pos = self.data.inspection, self.position.currentData()

        def pick(a: np.ndarray) -> np.ndarray:
            return a.mean(axis=1) if pos == MEAN else a[:, pos]

        layers = np.arange(ins.model.n_layer)
        start = float(ins.input_norms.mean() if pos == MEAN else ins.input_norms[pos])
        self.plot.clear()
        self.plot.plot(layers, pick(ins.attention_norms), name=self.tr("attention adds"), symbol="o", pen=(0, 2))
        self.plot.plot(layers, pick(ins.ffn_norms), name=self.tr("feed-forward adds"), symbol="s", pen=(1, 2))
        self.plot.plot([-1, *layers.tolist()], [start, *pick(ins.residual_norms).tolist()], name=self.tr("residual stream"),
                       symbol="t")

    def _follow(self, url: QUrl) -> None:
        target = url.toString().removeprefix("view:")
        index = {"attention": 0, "tokens": 0, "lens": 1, "contributions": 2}.get(target)
        if index is not None:
            self.tabs.setCurrentIndex(index)

    # ------------------------------------------------------------------ export
    def save_json(self) -> None:
        if self.data is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the inspection"), str(Path.home() / "inspection.json"),
                                              self.tr("JSON (*.json)"))
        if path:
            self.write_json(path)

    def write_json(self, path: str) -> None:
        from chatdesk.inspection.export import write_json_file

        data = self.data
        if data is None:
            return
        extra = {"source": data.source, "notes": [str(n) for n in data.notes]}
        run_in_background(lambda: write_json_file(data.inspection, Path(path), None, extra),
                          lambda out: self.facts.setText(self.tr("Exported to {path}.").format(path=out)),
                          lambda exc: self.facts.setText(self.tr("The export failed: {error}").format(error=localized(exc))),
                          owner=self)

    def save_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save this view"), str(Path.home() / "inspection.png"),
                                              self.tr("PNG images (*.png)"))
        if path:
            self.write_png(path)

    def write_png(self, path: str) -> bool:
        ok = self.tabs.currentWidget().grab().save(path, "PNG")
        self.facts.setText(self.tr("Saved {path}.").format(path=path) if ok else self.tr("{path} could not be written.").format(path=path))
        return ok

    def closeEvent(self, event: Any) -> None:
        """Closing cancels a running inspection and deletes the files of a finished one."""
        self.cancel()
        if self.data is not None:
            self.data.inspection.close()
            self.data = None
        super().closeEvent(event)
