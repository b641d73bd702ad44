"""Evaluate…: measure one or several models side by side, and keep every figure.

The measuring is ``chatdesk.evaluation``'s: each model runs in its own child process
(``python -m chatdesk.evaluation``, the JSON-lines protocol in that package's docstring) through a
``QProcess``, one after another, so the window never waits on llama.cpp, a crash in the child
cannot take ChatDesk down, and each peak-memory figure belongs to one model. Cancel is SIGTERM
(``QProcess.terminate``); the child stops within one graph evaluation and writes nothing.

What the window adds is the user's side: choosing the models (files, the library), the text (the
built-in bilingual sample or a file), the window size and the reference for KL divergence and
top-1 agreement (found automatically among files converted from the same checkpoint, or named);
a progress bar per model; the results saved in the database (``chatdesk.store.evaluations``) and
listed with the earlier ones; export as CSV or JSON (``chatdesk.evaluation.export``); and a chart
of the selected results (perplexity, or speed, against file size) drawn with pyqtgraph in the
palette's colours, so it suits the light and the dark theme.

The run itself (the queue of models, one child after another, saving each result) is
``run_queue.RunQueue``, with the store given to it; the window shows it and reacts to its signals.
The child's progress messages are English; the queue words its status from the phase and counts
instead. A failure is the child's sentence, shown beside the model it concerns in the
interface language (the error line carries its template and params: ``launcher.event_error``).
"""

from __future__ import annotations

import shutil
import sys
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.common.form_parts import field_label, push_button, show_strip, strip_text

if TYPE_CHECKING:
    from chatdesk.store import Store
    from chatdesk.store.evaluations import EvaluationRecord
from chatdesk.ui.evaluation.evaluation_chart import EvaluationChart
from chatdesk.ui.evaluation.evaluation_results import RECORD_ROLE, SORT_ROLE, ResultsTableModel
from chatdesk.ui.evaluation.run_queue import EvaluationStore, RunPlan, RunQueue

PAST_RESULTS_SHOWN = 1000


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvaluationWindow", text)


# ----------------------------------------------------------------------------- the window
class EvaluationWindow(QWidget):
    """Evaluate models, list every stored result, export them and chart the selected ones.

    ``store``: the window's database (else one is opened on the data folder, off the GUI thread).
    ``temporary``: a folder of files made only for this window (the import dialog's converted
    quantizations), deleted once the run is over or the window goes away.
    """

    run_finished = Signal()  # a run ended (all models done, failed or cancelled; results saved)
    result_saved = Signal(object)  # EvaluationRecord, as soon as one model's result is stored
    results_loaded = Signal()  # the table lists the stored results

    def __init__(self, store: Store | None = None, parent: QWidget | None = None, models: Sequence[str] = (),
                 python: str = sys.executable, temporary: str | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("evaluationWindow")
        self.setWindowTitle(_tr("Evaluate models"))
        self.setAccessibleName(_tr("Evaluate models"))
        self.resize(1200, 800)
        self.evaluation_store = EvaluationStore(store)
        self.run_queue = RunQueue(self.evaluation_store, python, self)
        self.run_queue.model_changed.connect(self._show_model)
        self.run_queue.status_changed.connect(self._show_status)
        self.run_queue.problem.connect(self.show_message)
        self.run_queue.result_saved.connect(self._result_saved)
        self.run_queue.running_changed.connect(self._update_buttons)
        self.run_queue.finished.connect(self._run_ended)
        self._status_line = ""
        self._library: list[tuple[str, str]] = []  # (name, path) of usable local library models
        self.temporary = temporary
        if temporary:  # removed at the latest when the window object goes (or the program ends)
            self._temp_finalizer = weakref.finalize(self, shutil.rmtree, temporary, True)
        # Replaced by tests and scripts that cannot drive a native file dialog.
        self.choose_model_files: Callable[[], list[str]] = self._choose_model_files_dialog
        self.choose_text_file: Callable[[], str] = self._choose_text_file_dialog
        self.choose_reference: Callable[[bool], str] = self._choose_reference_dialog
        self.choose_export_file: Callable[[str], str] = self._choose_export_file_dialog

        self._build_models()
        self._build_options()
        self._build_results()
        self._layout()
        self.add_models(models)
        self._update_buttons()
        self.load_results()

    # ------------------------------------------------------------------ building

    def _build_models(self) -> None:
        self.models_table = QTableWidget(0, 3, self)
        self.models_table.setObjectName("evaluationModels")
        self.models_table.setAccessibleName(_tr("Models to evaluate"))
        self.models_table.setHorizontalHeaderLabels([_tr("Model"), _tr("Progress"), _tr("Status")])
        self.models_table.verticalHeader().hide()
        self.models_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.models_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.models_table.setWordWrap(False)
        header = self.models_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(True)
        self.models_table.setColumnWidth(0, 320)
        self.models_table.setColumnWidth(1, 160)
        self.models_table.itemSelectionChanged.connect(self._update_buttons)
        self.add_file_button = push_button(self, "addEvaluationModel", _tr("Add GGUF…"), _tr("Add GGUF model files to evaluate"),
                                            self._add_files)
        self.library_combo = QComboBox(self)
        self.library_combo.setObjectName("addFromLibrary")
        self.library_combo.setAccessibleName(_tr("Add a model from the library"))
        self.library_combo.activated.connect(self._library_chosen)
        self.remove_button = push_button(self, "removeEvaluationModel", _tr("Remove"), _tr("Remove the selected models from the list"),
                                          self.remove_selected)
        self._fill_library_combo()

    def _build_options(self) -> None:
        self.text_choice = QComboBox(self)
        self.text_choice.setObjectName("evaluationTextChoice")
        self.text_choice.setAccessibleName(_tr("Text to evaluate on"))
        self.text_choice.addItem(_tr("Built-in sample (English and Chinese)"), "builtin")
        self.text_choice.addItem(_tr("A text file of mine"), "file")
        self.text_path = QLineEdit(self)
        self.text_path.setObjectName("evaluationTextFile")
        self.text_path.setAccessibleName(_tr("Text file"))
        self.text_path.setPlaceholderText(_tr("a UTF-8 text file, a few thousand words or more"))
        self.text_button = push_button(self, "chooseEvaluationText", _tr("Choose…"), _tr("Choose a text file"), self._pick_text)
        self.text_choice.currentIndexChanged.connect(lambda _i: self._update_buttons())

        self.ctx = QSpinBox(self)
        self.ctx.setObjectName("evaluationContext")
        self.ctx.setAccessibleName(_tr("Context length"))
        self.ctx.setRange(0, 131072)
        self.ctx.setSingleStep(128)
        self.ctx.setSpecialValueText(_tr("Automatic"))
        self.ctx.setSuffix(_tr(" tokens"))
        self.ctx.setToolTip(_tr("Tokens per window. Automatic: 512, or the model's trained context if that is smaller. "
                                "Each window scores its second half, as llama.cpp's llama-perplexity does; the text needs "
                                "at least two windows."))
        self.chunks = QSpinBox(self)
        self.chunks.setObjectName("evaluationChunks")
        self.chunks.setAccessibleName(_tr("Windows to evaluate"))
        self.chunks.setRange(0, 1_000_000)
        self.chunks.setSpecialValueText(_tr("All the text"))
        self.chunks.setToolTip(_tr("Evaluate only the first windows of the text, for a quicker estimate."))

        self.reference_choice = QComboBox(self)
        self.reference_choice.setObjectName("evaluationReferenceChoice")
        self.reference_choice.setAccessibleName(_tr("Reference for KL divergence and top-1 agreement"))
        self.reference_choice.addItem(_tr("Automatic: a more precise file converted from the same checkpoint"), "auto")
        self.reference_choice.addItem(_tr("None"), "none")
        self.reference_choice.addItem(_tr("This GGUF or original checkpoint:"), "path")
        self.reference_choice.setToolTip(_tr("KL divergence and top-1 agreement say how far a quantized model's next-token "
                                             "choices are from a higher-precision version of the same model."))
        self.reference_path = QLineEdit(self)
        self.reference_path.setObjectName("evaluationReference")
        self.reference_path.setAccessibleName(_tr("Reference model"))
        self.reference_path.setPlaceholderText(_tr("an F16/F32 GGUF, a Hugging Face GPT-2 folder or a nanoGPT ckpt.pt"))
        self.reference_file_button = push_button(self, "chooseReferenceFile", _tr("File…"), _tr("Choose a reference file"),
                                                  lambda: self._pick_reference(False))
        self.reference_folder_button = push_button(self, "chooseReferenceFolder", _tr("Folder…"), _tr("Choose a reference folder"),
                                                    lambda: self._pick_reference(True))
        self.reference_choice.currentIndexChanged.connect(lambda _i: self._update_buttons())

        self.message = QLabel("", self)
        self.message.setObjectName("evaluationMessage")
        self.message.setAccessibleName(_tr("Evaluation message"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.status = QLabel("", self)
        self.status.setObjectName("evaluationStatus")
        self.status.setAccessibleName(_tr("Evaluation status"))
        self.status.setWordWrap(True)
        self.start_button = push_button(self, "startEvaluation", _tr("Evaluate"), _tr("Evaluate the models in the list"), self.start)
        self.cancel_button = push_button(self, "cancelEvaluation", _tr("Cancel"), _tr("Cancel the evaluation"), self.cancel)

    def _build_results(self) -> None:
        self.results = ResultsTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.results)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setObjectName("evaluationResults")
        self.table.setAccessibleName(_tr("Evaluation results"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # newest first until sorted
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.export_csv_button = push_button(self, "exportEvaluationCsv", _tr("Export CSV…"),
                                              _tr("Export the selected results, or all of them, as CSV"), lambda: self.export("csv"))
        self.export_json_button = push_button(self, "exportEvaluationJson", _tr("Export JSON…"),
                                               _tr("Export the selected results, or all of them, as JSON"), lambda: self.export("json"))
        self.results_note = QLabel(_tr("Select several results to compare them in the chart."), self)
        self.results_note.setObjectName("resultsNote")
        self.results_note.setAccessibleName(_tr("About the results"))
        self.results_note.setWordWrap(True)
        self.chart = EvaluationChart(self)

    def _layout(self) -> None:
        model_buttons = QVBoxLayout()
        model_buttons.addWidget(self.add_file_button)
        model_buttons.addWidget(self.library_combo)
        model_buttons.addWidget(self.remove_button)
        model_buttons.addStretch(1)
        models_row = QHBoxLayout()
        models_row.addWidget(self.models_table, 1)
        models_row.addLayout(model_buttons)

        text_row = QHBoxLayout()
        text_row.addWidget(self.text_choice)
        text_row.addWidget(self.text_path, 1)
        text_row.addWidget(self.text_button)
        sizes_row = QHBoxLayout()
        sizes_row.addWidget(self.ctx, 1)
        sizes_row.addWidget(field_label(self, _tr("Windows:"), self.chunks))
        sizes_row.addWidget(self.chunks, 1)
        ref_row = QHBoxLayout()
        ref_row.addWidget(self.reference_choice)
        ref_row.addWidget(self.reference_path, 1)
        ref_row.addWidget(self.reference_file_button)
        ref_row.addWidget(self.reference_folder_button)
        form = QFormLayout()
        form.addRow(field_label(self, _tr("Text:"), self.text_choice), text_row)
        form.addRow(field_label(self, _tr("Context:"), self.ctx), sizes_row)
        form.addRow(field_label(self, _tr("Reference:"), self.reference_choice), ref_row)
        run_row = QHBoxLayout()
        run_row.addWidget(self.status, 1)
        run_row.addWidget(self.start_button)
        run_row.addWidget(self.cancel_button)

        setup = QWidget(self)
        setup_lay = QVBoxLayout(setup)
        setup_lay.setContentsMargins(0, 0, 0, 0)
        setup_lay.addLayout(models_row, 1)
        setup_lay.addLayout(form)
        setup_lay.addWidget(self.message)
        setup_lay.addLayout(run_row)

        table_side = QWidget(self)
        table_lay = QVBoxLayout(table_side)
        table_lay.setContentsMargins(0, 0, 0, 0)
        table_lay.addWidget(self.table, 1)
        export_row = QHBoxLayout()
        export_row.addWidget(self.results_note, 1)
        export_row.addWidget(self.export_csv_button)
        export_row.addWidget(self.export_json_button)
        table_lay.addLayout(export_row)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.setObjectName("evaluationLowerSplitter")
        lower.addWidget(table_side)
        lower.addWidget(self.chart)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setSizes([700, 480])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("evaluationSplitter")
        split.addWidget(setup)
        split.addWidget(lower)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 480])
        lay = QVBoxLayout(self)
        lay.addWidget(split)

    # ------------------------------------------------------------------ the models
    def add_models(self, model_paths: Sequence[str]) -> None:
        """Put these GGUF files in the list (each once)."""
        for i in self.run_queue.add(model_paths):
            self._add_row(i)
        self._update_buttons()

    def model_paths(self) -> list[str]:
        return self.run_queue.paths()

    def set_library(self, entries: Sequence[Any]) -> None:
        """Library entries (``ModelEntry``) offered in "Add from the library": local, usable ones."""
        self._library = [(e.name, e.path) for e in entries if getattr(e, "path", None) and e.usable and not e.is_remote]
        self._fill_library_combo()

    def _fill_library_combo(self) -> None:
        self.library_combo.clear()
        self.library_combo.addItem(_tr("Add from the library…"), "")
        for name, path in self._library:
            self.library_combo.addItem(name, path)
            self.library_combo.setItemData(self.library_combo.count() - 1, path, Qt.ItemDataRole.ToolTipRole)
        self.library_combo.setEnabled(bool(self._library) and not self.running)

    def _library_chosen(self, index: int) -> None:
        path = self.library_combo.itemData(index)
        self.library_combo.setCurrentIndex(0)
        if path:
            self.add_models([path])

    def _add_row(self, i: int) -> None:
        q = self.run_queue.models[i]
        t = self.models_table
        t.insertRow(i)
        item = QTableWidgetItem(q.name)
        item.setToolTip(q.path)
        t.setItem(i, 0, item)
        bar = QProgressBar(t)
        bar.setObjectName("evaluationProgress")
        bar.setAccessibleName(_tr("Progress of {name}").format(name=q.name))
        bar.setRange(0, 100)
        bar.setValue(0)
        t.setCellWidget(i, 1, bar)
        t.setItem(i, 2, QTableWidgetItem(""))
        self._show_model(i)

    def progress_bar(self, i: int) -> QProgressBar:
        return self.models_table.cellWidget(i, 1)  # type: ignore[return-value]

    def status_text(self, i: int) -> str:
        item = self.models_table.item(i, 2)
        return item.text() if item is not None else ""

    def _show_model(self, i: int) -> None:
        """Show what the run queue says of model ``i``."""
        q = self.run_queue.models[i]
        self.progress_bar(i).setValue(q.progress)
        item = self.models_table.item(i, 2)
        item.setText(q.status)
        item.setToolTip(q.tooltip)

    def remove_selected(self) -> None:
        if self.running:
            return
        rows = sorted({i.row() for i in self.models_table.selectionModel().selectedRows()}, reverse=True)
        for r in rows:
            self.models_table.removeRow(r)
        self.run_queue.remove(rows)
        self._update_buttons()

    # ------------------------------------------------------------------ choosing files
    def _choose_model_files_dialog(self) -> list[str]:
        found, _ = QFileDialog.getOpenFileNames(self, _tr("Models to evaluate"), str(Path.home()),
                                                _tr("GGUF models (*.gguf);;All files (*)"))
        return found

    def _choose_text_file_dialog(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, _tr("Text to evaluate on"), str(Path.home()),
                                              _tr("Text files (*.txt *.md);;All files (*)"))
        return path

    def _choose_reference_dialog(self, folder: bool) -> str:
        if folder:
            return QFileDialog.getExistingDirectory(self, _tr("Hugging Face model folder"), str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(self, _tr("Reference model"), str(Path.home()),
                                              _tr("Models and checkpoints (*.gguf *.pt *.bin *.safetensors);;All files (*)"))
        return path

    def _choose_export_file_dialog(self, fmt: str) -> str:
        filters = {"csv": _tr("CSV files (*.csv)"), "json": _tr("JSON files (*.json)")}
        path, _ = QFileDialog.getSaveFileName(self, _tr("Export results"), str(Path.home() / f"evaluations.{fmt}"), filters[fmt])
        return path

    def _add_files(self) -> None:
        self.add_models(self.choose_model_files())

    def _pick_text(self) -> None:
        path = self.choose_text_file()
        if path:
            self.text_path.setText(path)
            self.text_choice.setCurrentIndex(self.text_choice.findData("file"))

    def _pick_reference(self, folder: bool) -> None:
        path = self.choose_reference(folder)
        if path:
            self.set_reference(path)

    def set_reference(self, path: str | None) -> None:
        """Compare every model with this GGUF or checkpoint (None: find one automatically)."""
        if path:
            self.reference_path.setText(path)
            self.reference_choice.setCurrentIndex(self.reference_choice.findData("path"))
        else:
            self.reference_choice.setCurrentIndex(self.reference_choice.findData("auto"))

    def set_text_file(self, path: str | None) -> None:
        """Evaluate on this file (None: the built-in sample)."""
        self.text_path.setText(path or "")
        self.text_choice.setCurrentIndex(self.text_choice.findData("file" if path else "builtin"))

    # ------------------------------------------------------------------ messages
    def show_message(self, text: str, kind: str = "error") -> None:
        show_strip(self.message, text, kind)

    def message_text(self) -> str:
        return strip_text(self.message)

    def _hide_message(self) -> None:
        self.message.hide()
        self.message.setText("")

    # ------------------------------------------------------------------ running
    @property
    def running(self) -> bool:
        return self.run_queue.running

    def _update_buttons(self) -> None:
        idle = not self.running
        self.start_button.setEnabled(idle and bool(self.run_queue.models) and not self._files_gone())
        self.cancel_button.setEnabled(not idle and not self.run_queue.cancelling)
        self.add_file_button.setEnabled(idle)
        self.library_combo.setEnabled(idle and bool(self._library))
        self.remove_button.setEnabled(idle and bool(self.models_table.selectionModel().selectedRows()))
        file_text = self.text_choice.currentData() == "file"
        self.text_path.setEnabled(idle and file_text)
        self.text_button.setEnabled(idle)
        explicit = self.reference_choice.currentData() == "path"
        self.reference_path.setEnabled(idle and explicit)
        for w in (self.text_choice, self.ctx, self.chunks, self.reference_choice, self.reference_file_button,
                  self.reference_folder_button):
            w.setEnabled(idle)

    def _files_gone(self) -> bool:
        return bool(self.temporary) and not Path(str(self.temporary)).exists()

    def start(self) -> None:
        """Evaluate every model in the list, one child process after another."""
        if self.running or not self.run_queue.models:
            return
        self._hide_message()
        text = self.text_path.text().strip() if self.text_choice.currentData() == "file" else None
        if self.text_choice.currentData() == "file" and not text:
            self.show_message(_tr("Choose a text file to evaluate on, or use the built-in sample."))
            return
        reference = None
        if self.reference_choice.currentData() == "path":
            reference = self.reference_path.text().strip()
            if not reference:
                self.show_message(_tr("Choose the reference model, or let ChatDesk find one automatically."))
                return
            if not Path(reference).expanduser().exists():
                self.show_message(_tr("The reference {path} does not exist.").format(path=reference))
                return
        missing = self.run_queue.missing()
        if missing:
            self.show_message(_tr("These model files do not exist (any more): {paths}").format(paths=", ".join(missing)))
            return
        plan = RunPlan(text=str(Path(text).expanduser()) if text else None, ctx=self.ctx.value() or None,
                       chunks=self.chunks.value() or None, reference=str(Path(reference).expanduser()) if reference else None,
                       auto_reference=self.reference_choice.currentData() == "auto")
        self.run_queue.start(plan)

    def cancel(self) -> None:
        """Stop the model being evaluated (nothing of it is stored) and the ones after it."""
        self.run_queue.cancel()

    def _show_status(self, text: str) -> None:
        self._status_line = text
        self.status.setText(text)

    def _result_saved(self, record: EvaluationRecord) -> None:
        self.results.prepend(record)
        self.result_saved.emit(record)

    def _run_ended(self, records: list[int]) -> None:
        self._select_records(records)
        self._remove_temporary()
        self._update_buttons()
        self.run_finished.emit()

    def _remove_temporary(self) -> None:
        """The converted files of a comparison are only needed while they are measured."""
        if self.temporary:
            self._temp_finalizer()
            if self._files_gone():
                self._show_status(self._status_line + " " + _tr("The temporary converted files have been deleted."))

    # ------------------------------------------------------------------ the store
    def load_results(self) -> None:
        """List the stored results (newest first), on the thread pool."""
        from chatdesk.store.evaluations import list_evaluations  # noqa: PLC0415

        def loaded(records: list[EvaluationRecord]) -> None:
            keep = self.selected_ids()
            self.results.set_records(records)
            self._select_records(keep)
            self.results_loaded.emit()

        def failed(exc: BaseException) -> None:
            self.show_message(_tr("The stored results could not be read: {error}").format(error=localized(exc)))

        self.evaluation_store.run(lambda store: list_evaluations(store, limit=PAST_RESULTS_SHOWN), loaded, failed, owner=self)

    # ------------------------------------------------------------------ results and chart
    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [self.proxy.mapToSource(r).data(RECORD_ROLE).id for r in sorted(rows, key=lambda r: r.row())]

    def selected_records(self) -> list[EvaluationRecord]:
        wanted = set(self.selected_ids())
        return [r for r in self.results.records() if r.id in wanted]

    def _select_records(self, ids: Sequence[int]) -> None:
        selection = QItemSelection()
        for record_id in ids:
            row = self.results.row_of(record_id)
            if row >= 0:
                index = self.proxy.mapFromSource(self.results.index(row, 0))
                selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.chart.set_results([r.result for r in self.selected_records()])

    def export(self, fmt: str) -> None:
        """The selected results (all of them when none is selected) as CSV or JSON."""
        from chatdesk.evaluation.export import to_csv, to_json  # noqa: PLC0415

        records = self.selected_records() or self.results.records()
        if not records:
            self.show_message(_tr("There are no results to export yet."), "info")
            return
        path = self.choose_export_file(fmt)
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        results = [r.result for r in records]
        data = (to_csv(results) if fmt == "csv" else to_json(results)).encode("utf-8")

        def write() -> None:
            from chatdesk.transcripts.atomic import write_atomic  # noqa: PLC0415

            write_atomic(path, data)

        def written(_none: None) -> None:
            self.show_message(_tr("Exported {n} result(s) to {path}.").format(n=len(results), path=path), "info")

        def failed(exc: BaseException) -> None:
            self.show_message(_tr("The results could not be exported: {error}").format(error=localized(exc)))

        run_in_background(write, written, failed, owner=self)

    # ------------------------------------------------------------------ closing
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the window, as it closes a dialog (a running evaluation is stopped then)."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: Any) -> None:
        """Closing stops a running evaluation (nothing half-measured is stored)."""
        self.run_queue.stop_now()
        super().closeEvent(event)
