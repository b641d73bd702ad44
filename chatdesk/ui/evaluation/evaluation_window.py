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

The window puts the parts together: the models list, the run and the results table are its own;
the "what to measure on" form is ``evaluation_options``, the native file dialogs are
``evaluation_files``, the export is ``results_export``, the table's data ``evaluation_results``
and the chart ``evaluation_chart``.
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
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.form_parts import push_button, show_strip, strip_text

if TYPE_CHECKING:
    from chatdesk.store import Store
    from chatdesk.store.evaluations import EvaluationRecord
from chatdesk.ui.evaluation import evaluation_files as files
from chatdesk.ui.evaluation.evaluation_chart import EvaluationChart
from chatdesk.ui.evaluation.evaluation_options import EvaluationOptions, IncompleteOptions
from chatdesk.ui.evaluation.evaluation_results import RECORD_ROLE, SORT_ROLE, ResultsTableModel
from chatdesk.ui.evaluation.results_export import export_results
from chatdesk.ui.evaluation.run_queue import EvaluationStore, RunQueue

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
        self.choose_model_files: Callable[[], list[str]] = lambda: files.choose_model_files(self)
        self.choose_text_file: Callable[[], str] = lambda: files.choose_text_file(self)
        self.choose_reference: Callable[[bool], str] = lambda folder: files.choose_reference(self, folder)
        self.choose_export_file: Callable[[str], str] = lambda fmt: files.choose_export_file(self, fmt)

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
        # The late-bound hooks: tests replace ``choose_text_file`` and ``choose_reference``.
        self.options = EvaluationOptions(self, lambda: self.choose_text_file(), lambda folder: self.choose_reference(folder))
        o = self.options  # its fields, under the names the window has always given them
        self.text_choice, self.text_path, self.text_button = o.text_choice, o.text_path, o.text_button
        self.ctx, self.chunks = o.ctx, o.chunks
        self.reference_choice, self.reference_path = o.reference_choice, o.reference_path
        self.reference_file_button, self.reference_folder_button = o.reference_file_button, o.reference_folder_button

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

        run_row = QHBoxLayout()
        run_row.addWidget(self.status, 1)
        run_row.addWidget(self.start_button)
        run_row.addWidget(self.cancel_button)

        setup = QWidget(self)
        setup_lay = QVBoxLayout(setup)
        setup_lay.setContentsMargins(0, 0, 0, 0)
        setup_lay.addLayout(models_row, 1)
        setup_lay.addWidget(self.options)
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
        return self.models_table.cellWidget(i, 1)  # type: ignore[return-value]  # typed QWidget; column 1 holds the row's bar

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
    def _add_files(self) -> None:
        self.add_models(self.choose_model_files())

    def set_reference(self, path: str | None) -> None:
        """Compare every model with this GGUF or checkpoint (None: find one automatically)."""
        self.options.set_reference(path)

    def set_text_file(self, path: str | None) -> None:
        """Evaluate on this file (None: the built-in sample)."""
        self.options.set_text_file(path)

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
        self.options.set_idle(idle)

    def _files_gone(self) -> bool:
        return bool(self.temporary) and not Path(str(self.temporary)).exists()

    def start(self) -> None:
        """Evaluate every model in the list, one child process after another."""
        if self.running or not self.run_queue.models:
            return
        self._hide_message()
        try:
            plan = self.options.plan()
        except IncompleteOptions as exc:
            self.show_message(str(exc))
            return
        missing = self.run_queue.missing()
        if missing:
            self.show_message(_tr("These model files do not exist (any more): {paths}").format(paths=", ".join(missing)))
            return
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
        export_results(self, self.selected_records() or self.results.records(), fmt, self.choose_export_file, self.show_message)

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
