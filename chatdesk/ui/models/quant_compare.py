"""Compare quantizations… in the checkpoint import dialog: measure the choices before picking one.

A quantization's cost depends on the model, so the dialog offers to find out instead of guessing:
the checkpoint is converted to F16 and to each type the user ticks, into a temporary folder, by
the same converter child process the dialog already runs (``python -m converters.cli``), one
after another; then the evaluation window measures them all on the built-in text, with the F16
file as the reference for KL divergence and top-1 agreement. The results are stored like any
evaluation, each type's figures are written beside it in the dialog's Quantization list, and the
user picks. The converted files are temporary, but the comparison window refers to them (its
reference is the F16 file, and it can measure them again on another text): they stay while that
window is open and are deleted when it closes, when a conversion fails or is cancelled, or when
the dialog goes away. The window is told nothing is temporary, so it does not delete them
itself after its first run (which left its reference pointing at a deleted file).

F16 is the reference rather than the checkpoint itself because it needs no PyTorch at evaluation
time and is, for these models, indistinguishable from the original (the converter's parity tests).
"""

from __future__ import annotations

import re
import shutil
import tempfile
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from chatdesk.store.evaluations import EvaluationRecord
    from chatdesk.ui.models.import_dialog import ImportCheckpointDialog

REFERENCE_TYPE = "f16"
SKIPPED = ("f32", REFERENCE_TYPE)  # F16 is always converted (the reference); F32 measures like F16
SUGGESTED = ("q8_0", "q6_k", "q5_k_m", "q4_k_m", "q4_0")
BASE_TEXT_ROLE = Qt.ItemDataRole.UserRole + 7  # the Quantization entry's text before figures were added


def _tr(text: str) -> str:
    return QCoreApplication.translate("QuantComparison", text)


class TypeChooser(QDialog):
    """Which quantizations to convert and measure (F16, the reference, always is)."""

    def __init__(self, choices: list[tuple[str, str]], checked: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareTypesDialog")
        self.setWindowTitle(_tr("Compare quantizations"))
        self.setAccessibleName(_tr("Choose the quantizations to compare"))
        intro = QLabel(_tr("ChatDesk converts the checkpoint to F16 and to each type ticked here, in a temporary folder, "
                           "then measures them on the built-in text against F16. Each type takes about as long as one "
                           "conversion and one evaluation; the files are deleted afterwards."), self)
        intro.setWordWrap(True)
        intro.setAccessibleName(_tr("About the comparison"))
        self.list = QListWidget(self)
        self.list.setObjectName("compareTypes")
        self.list.setAccessibleName(_tr("Quantizations to compare"))
        for qtype, label in choices:
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, qtype)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if qtype in checked else Qt.CheckState.Unchecked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("compareTypesButtons")
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_tr("Compare"))
        ok.setAccessibleName(_tr("Convert and compare the ticked types"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(_tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(lambda _i: ok.setEnabled(bool(self.chosen())))
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.list, 1)
        lay.addWidget(buttons)
        self.resize(460, 380)

    def chosen(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_chosen(self, types: list[str]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in types else Qt.CheckState.Unchecked)


class QuantComparison(QObject):
    """One comparison: the conversions (through the dialog's converter child), then the evaluation."""

    ended = Signal()  # converted and measured, or stopped (the files go once the window is closed)

    def __init__(self, dialog: ImportCheckpointDialog, types: list[str]) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.types = [REFERENCE_TYPE, *(t for t in types if t not in SKIPPED)]
        self.folder = Path(tempfile.mkdtemp(prefix="chatdesk-compare-"))
        self._cleanup = weakref.finalize(self, shutil.rmtree, str(self.folder), True)
        self.files: dict[str, str] = {}  # type -> converted file
        self._todo = list(self.types)
        self.window: QWidget | None = None
        self.running = False
        self.name = re.sub(r"[^\w.-]+", "-", dialog.name.text().strip()) or "model"

    def start(self) -> None:
        self.running = True
        self.dialog.cancelled.connect(self._stopped)
        self.dialog.progress.setValue(0)
        self.dialog.progress.show()
        self._convert_next()

    def _convert_next(self) -> None:
        d = self.dialog
        if not self._todo:
            self._measure()
            return
        qtype = self._todo.pop(0)
        n = len(self.types) - len(self._todo)
        out = self.folder / f"{self.name}-{qtype}.gguf"
        self.files[qtype] = str(out)
        d.progress.setFormat(_tr("{type}: converting {n} of {total}, %p%").format(type=qtype, n=n, total=len(self.types)))
        d.status.setText(_tr("Converting to {type} for the comparison…").format(type=qtype))
        args = [d.source.text(), *d._tokenizer_args(), "-o", str(out), "--type", qtype,  # noqa: SLF001 - the dialog's own child
                "--name", self.name, "--progress-json"]
        d.child.run(args, self._converted)  # the dialog's converter child: same protocol, same Cancel button

    def _converted(self, events: list[dict[str, Any]], code: int) -> None:
        done = next((e for e in events if e.get("done")), None)
        if code != 0 or done is None:
            self.dialog.status.setText(_tr("The comparison stopped: {error}").format(
                error=self.dialog.child.error_text(events, code)))
            self._end()
            return
        self._convert_next()

    def _measure(self) -> None:
        d = self.dialog
        d.progress.setFormat("%p%")
        d.progress.hide()
        d.status.setText(_tr("Measuring the converted files; pick a type when the figures are in."))
        files = [self.files[t] for t in self.types]
        # "": nothing the window must delete; this comparison removes the folder once the window closed
        win = d.compare(d, files, self.files[REFERENCE_TYPE], "")
        win.result_saved.connect(self._measured)
        win.run_finished.connect(self._end)
        win.installEventFilter(self)
        self.window = win
        win.show()
        win.start()

    def _measured(self, record: EvaluationRecord) -> None:
        """Write the figures beside the type in the dialog's Quantization list."""
        path = str((record.result.get("model") or {}).get("path") or "")
        qtype = next((t for t, f in self.files.items() if Path(f).resolve() == Path(path).resolve()), None)
        combo = self.dialog.qtype
        i = combo.findData(qtype) if qtype else -1
        if i < 0:
            return
        base = combo.itemData(i, BASE_TEXT_ROLE) or combo.itemText(i)
        combo.setItemData(i, base, BASE_TEXT_ROLE)
        r = record.result
        figures = _tr("perplexity {ppl}").format(ppl=f"{r['perplexity']:.3f}" if r.get("perplexity") is not None else "—")
        kl = (r.get("comparison") or {}).get("kl_divergence")
        if kl is not None:
            figures += _tr(", KL {kl}").format(kl=f"{kl:.5f}")
        combo.setItemText(i, _tr("{entry} — measured: {figures}").format(entry=base, figures=figures))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            # After the close: a run it cancels ends first (``_end``), then its files can go.
            QTimer.singleShot(0, self, self._window_closed)
        return False

    def _window_closed(self) -> None:
        if not self.running and (self.window is None or not self.window.isVisible()):
            self._cleanup()

    def _stopped(self) -> None:
        if self.running and self.window is None:  # cancelled while converting
            self.dialog.progress.setFormat("%p%")
            self._end()

    def _end(self) -> None:
        if not self.running:
            return
        self.running = False
        try:
            self.dialog.cancelled.disconnect(self._stopped)
        except (RuntimeError, TypeError):
            pass
        if self.window is None or not shiboken6.isValid(self.window) or not self.window.isVisible():
            self._cleanup()  # else they stay while the comparison window refers to them
        self.dialog.comparison_ended()
        self.ended.emit()
