"""File → Import checkpoint…: inspect a trained GPT checkpoint, convert it to GGUF, chat with it.

The converter runs as a child process (``python -m converters.cli --progress-json``), so a crash
or out-of-memory there cannot take the app down, and the window stays responsive. The dialog
speaks the converter's line-per-JSON-object protocol.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from PySide6.QtCore import QProcess, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chatdesk import paths

DEFAULT_TYPE = "q8_0"


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


class ImportCheckpointDialog(QDialog):
    chat_requested = Signal(str)  # path of the converted GGUF

    def __init__(self, parent: QWidget | None = None, python: str = sys.executable) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import checkpoint")
        self.resize(560, 360)
        self._python = python
        self._proc: QProcess | None = None
        self._buffer = b""
        self.summary: dict | None = None
        self.output_path: str | None = None

        self.source = QLineEdit(self)
        self.source.setPlaceholderText("nanoGPT ckpt.pt, or a Hugging Face GPT-2 folder")
        pick_file = QPushButton("File…", self)
        pick_dir = QPushButton("Folder…", self)
        pick_file.clicked.connect(self._pick_file)
        pick_dir.clicked.connect(self._pick_dir)
        row = QHBoxLayout()
        row.addWidget(self.source, 1)
        row.addWidget(pick_file)
        row.addWidget(pick_dir)
        self.found = QLabel("Choose a checkpoint to see what it contains.", self)
        self.found.setObjectName("importFound")
        self.found.setWordWrap(True)
        self.name = QLineEdit(self)
        self.qtype = QComboBox(self)
        self.qtype.setObjectName("importType")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.hide()  # shown once a conversion starts
        self.status = QLabel("", self)
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.convert_button = QPushButton("Convert", self)
        self.convert_button.setObjectName("convertButton")
        self.cancel_button = QPushButton("Cancel", self)
        self.chat_button = QPushButton("Chat with it", self)
        self.chat_button.setObjectName("chatWithItButton")
        self.chat_button.hide()
        self.convert_button.setEnabled(False)
        self.convert_button.clicked.connect(self.start_conversion)
        self.cancel_button.clicked.connect(self._cancel)
        self.chat_button.clicked.connect(self._chat)
        self.source.editingFinished.connect(lambda: self.inspect(self.source.text()))

        form = QFormLayout()
        form.addRow("Checkpoint", row)
        form.addRow("Found", self.found)
        form.addRow("Name", self.name)
        form.addRow("Quantization", self.qtype)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.chat_button)
        buttons.addWidget(self.convert_button)
        buttons.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addLayout(buttons)

    # ------------------------------------------------------------------ picking and inspecting
    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Checkpoint file", str(Path.home()), "Checkpoints (*.pt *.bin *.safetensors);;All files (*)")
        if path:
            self.source.setText(path)
            self.inspect(path)

    def _pick_dir(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Hugging Face model folder", str(Path.home()))
        if path:
            self.source.setText(path)
            self.inspect(path)

    def inspect(self, src: str) -> None:
        if not src or self._proc is not None:
            return
        self.summary = None
        self.convert_button.setEnabled(False)
        self.found.setText("Reading the checkpoint…")
        self._run([src, "--inspect", "--progress-json"], self._inspected)

    def _inspected(self, events: list[dict], code: int) -> None:
        summary = next((e for e in events if "format" in e and "n_layer" in e), None)
        summary = summary or next((e.get("summary") for e in events if isinstance(e.get("summary"), dict)), None)
        if code != 0 or summary is None:
            self.found.setText(self._error_text(events, code))
            return
        self.summary = summary
        step = f", step {summary['training_step']}" if summary.get("training_step") is not None else ""
        loss = f", val loss {summary['val_loss']:.3f}" if summary.get("val_loss") is not None else ""
        self.found.setText(
            f"{summary['format']}: {summary['n_layer']} layers, {summary['n_head']} heads, "
            f"embedding {summary['n_embd']}, {summary['n_params'] / 1e6:.1f} M parameters, "
            f"vocabulary {summary['vocab_size']} ({summary['tokenizer']}), context {summary['context_length']}{step}{loss}"
        )
        self.qtype.clear()
        for qt, size in summary.get("estimated_bytes", {}).items():
            self.qtype.addItem(f"{qt} — about {_mb(size)}", qt)
        idx = self.qtype.findData(DEFAULT_TYPE)
        self.qtype.setCurrentIndex(max(idx, 0))
        stem = Path(summary.get("source", self.source.text())).stem or "model"
        if stem in ("ckpt", "model", "pytorch_model"):
            stem = Path(summary.get("source", self.source.text())).parent.name or stem
        self.name.setText(re.sub(r"[^\w.-]+", "-", stem))
        self.convert_button.setEnabled(True)

    # ------------------------------------------------------------------ converting
    def start_conversion(self) -> None:
        if self.summary is None or self._proc is not None:
            return
        qt = self.qtype.currentData() or DEFAULT_TYPE
        out_dir = paths.models_dir()
        out_dir.mkdir(parents=True, exist_ok=True)
        self.output_path = str(out_dir / f"{self.name.text() or 'model'}-{qt}.gguf")
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText("Converting…")
        self.convert_button.setEnabled(False)
        args = [self.source.text(), "-o", self.output_path, "--type", qt, "--name", self.name.text() or "model", "--progress-json"]
        self._run(args, self._converted)

    def _converted(self, events: list[dict], code: int) -> None:
        done = next((e for e in events if e.get("done")), None)
        if code == 0 and done:
            self.output_path = done.get("output", self.output_path)
            self.progress.setValue(100)
            self.status.setText(f"Converted to {self.output_path}")
            self.chat_button.show()
        else:
            self.status.setText(self._error_text(events, code))
            self.convert_button.setEnabled(True)

    # ------------------------------------------------------------------ child process plumbing
    def _run(self, args: list[str], finished) -> None:  # type: ignore[no-untyped-def]
        proc = QProcess(self)
        self._proc = proc
        self._buffer = b""
        events: list[dict] = []
        proc.setProgram(self._python)
        proc.setArguments(["-m", "converters.cli", *args])
        proc.readyReadStandardOutput.connect(lambda: self._read(proc, events))

        def done(code: int, _status) -> None:  # type: ignore[no-untyped-def]
            try:
                self._read(proc, events)
                proc.readyReadStandardOutput.disconnect()
                stderr = bytes(proc.readAllStandardError()).decode("utf-8", "replace")
                cancelled = bool(proc.property("cancelled"))
                proc.deleteLater()
            except RuntimeError:  # dialog and process are being destroyed: nobody to tell
                return
            self._proc = None
            if cancelled:
                self.status.setText("Cancelled.")
                self.convert_button.setEnabled(self.summary is not None)
            else:
                events.append({"stderr": stderr})
                finished(events, code)

        def failed_to_start(_err) -> None:  # type: ignore[no-untyped-def]
            try:
                if proc.state() == QProcess.ProcessState.NotRunning and proc.exitCode() == 0 and not events:
                    self.status.setText(f"Could not start the converter: {proc.errorString()}")
            except RuntimeError:
                return

        proc.finished.connect(done)
        proc.errorOccurred.connect(failed_to_start)
        proc.start()

    def _read(self, proc: QProcess, events: list[dict]) -> None:
        try:
            self._buffer += bytes(proc.readAllStandardOutput())
        except RuntimeError:  # the process object is already gone (dialog closing)
            return
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if not isinstance(event, dict):
                continue
            events.append(event)
            if "progress" in event:
                self.progress.setValue(int(float(event["progress"]) * 100))
                self.status.setText(str(event.get("message", "")))

    @staticmethod
    def _error_text(events: list[dict], code: int) -> str:
        err = next((e["error"] for e in events if e.get("error")), None)
        if err:
            return str(err)
        stderr = next((e["stderr"] for e in events if e.get("stderr")), "").strip()
        return stderr.splitlines()[-1] if stderr else f"The converter stopped unexpectedly (exit code {code})."

    def _cancel(self) -> None:
        """SIGTERM first: the converter then removes its temporary files; kill if it lingers."""
        proc = self._proc
        if proc is None:
            self.reject()
            return
        proc.setProperty("cancelled", True)
        proc.terminate()
        QTimer.singleShot(3000, lambda: self._proc is proc and proc.kill())

    def _chat(self) -> None:
        if self.output_path:
            self.chat_requested.emit(self.output_path)
            self.accept()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._proc is not None:
            self._proc.setProperty("cancelled", True)
            self._proc.terminate()
            if not self._proc.waitForFinished(3000):
                self._proc.kill()
        super().closeEvent(event)
