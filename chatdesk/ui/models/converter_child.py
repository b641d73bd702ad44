"""The import dialog's converter child process: ``python -m converters.cli … --progress-json``.

The converter runs in a child process so that a crash or out-of-memory there cannot take the app
down and the window stays responsive. This object runs one child at a time for the dialog (and
its quantization comparison), reads the converter's line-per-JSON-object protocol
(``converters.cli``), reports progress as it comes, and hands the collected events and exit code
to the caller's ``finished``. Cancel is SIGTERM first (the converter then removes its temporary
files), a kill if it lingers. Its sentences keep the dialog's translation context.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QTimer, Signal

from chatdesk.ui.app.i18n import localized
from translatable import from_data

Finished = Callable[[list[dict[str, Any]], int], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportCheckpointDialog", text)


class ConverterChild(QObject):
    progressed = Signal(float, str, str)  # fraction done, the converter's message, its stage ("" or "verify")
    cancelled = Signal()  # the user's Cancel ended the child; ``finished`` is not called
    start_failed = Signal(str)  # the child could not start: a sentence

    def __init__(self, python: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._python = python
        self.proc: QProcess | None = None
        self._buffer = b""

    @property
    def busy(self) -> bool:
        return self.proc is not None

    def run(self, args: list[str], finished: Finished) -> None:
        """Start ``converters.cli`` with ``args``; ``finished(events, exit code)`` once it ends
        (its stderr is the last event, as ``{"stderr": text}``)."""
        proc = QProcess(self)
        self.proc = proc
        self._buffer = b""
        events: list[dict[str, Any]] = []
        proc.setProgram(self._python)
        proc.setArguments(["-m", "converters.cli", *args])
        proc.readyReadStandardOutput.connect(lambda: self._read(proc, events))

        def done(code: int, _status: QProcess.ExitStatus) -> None:
            try:
                self._read(proc, events)
                proc.readyReadStandardOutput.disconnect()
                stderr = bytes(proc.readAllStandardError().data()).decode("utf-8", "replace")
                cancelled = bool(proc.property("cancelled"))
                proc.deleteLater()
            except RuntimeError:  # dialog and process are being destroyed: nobody to tell
                return
            self.proc = None
            if cancelled:
                self.cancelled.emit()
            else:
                events.append({"stderr": stderr})
                finished(events, code)

        def failed_to_start(_err: QProcess.ProcessError) -> None:
            try:
                if proc.state() == QProcess.ProcessState.NotRunning and proc.exitCode() == 0 and not events:
                    self.start_failed.emit(_tr("Could not start the converter: {error}").format(error=proc.errorString()))
            except RuntimeError:
                return

        proc.finished.connect(done)
        proc.errorOccurred.connect(failed_to_start)
        proc.start()

    def _read(self, proc: QProcess, events: list[dict[str, Any]]) -> None:
        try:
            self._buffer += bytes(proc.readAllStandardOutput().data())
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
                self.progressed.emit(float(event["progress"]), str(event.get("message", "")), str(event.get("stage", "")))

    @staticmethod
    def error_text(events: list[dict[str, Any]], code: int) -> str:
        """What went wrong, in the interface language: the converter's own sentence, else its last
        stderr line, else the exit code."""
        event = next((e for e in events if e.get("error")), None)
        if event is not None:
            return localized(from_data(str(event["error"]), event))
        stderr = next((e["stderr"] for e in events if e.get("stderr")), "").strip()
        return stderr.splitlines()[-1] if stderr else _tr("The converter stopped unexpectedly (exit code {code}).").format(code=code)

    def cancel(self) -> bool:
        """SIGTERM, then a kill after 3 s; False when no child runs."""
        proc = self.proc
        if proc is None:
            return False
        proc.setProperty("cancelled", True)
        proc.terminate()
        QTimer.singleShot(3000, self, lambda: self.proc is proc and proc.kill())
        return True

    def stop_now(self) -> None:
        """The dialog is closing: end the child before it goes (at most 3 s, then a kill)."""
        proc = self.proc
        if proc is None:
            return
        proc.setProperty("cancelled", True)
        proc.terminate()
        if not proc.waitForFinished(3000):
            proc.kill()
