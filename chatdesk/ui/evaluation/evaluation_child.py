"""One evaluation child process, seen from the window: start, read its JSON lines, cancel.

``python -m chatdesk.evaluation`` runs one model (the protocol is in that package's docstring);
this wraps it in a ``QProcess`` so the GUI thread only ever reacts to its output, turns its lines
into signals (progress events, the result, the error with its template for translation) and
makes Cancel a SIGTERM that becomes a kill if the child hangs (``KILL_AFTER_MS``).
"""


from __future__ import annotations

import sys
from collections import deque

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QProcess,
    QTimer,
    Signal,
)

from chatdesk.evaluation.launcher import STDERR_TAIL, ChildOutcome, event_error, parse_line
from chatdesk.ui.app.i18n import localized

KILL_AFTER_MS = 10_000  # the child answers SIGTERM within one graph evaluation; this is for a hung one

def _tr(text: str) -> str:
    return QCoreApplication.translate("EvaluationWindow", text)


# ----------------------------------------------------------------------------- one child process
def outcome_message(outcome: ChildOutcome) -> str:
    """What went wrong with a child, in one sentence (the child's own, or the window's words)."""
    if outcome.error:
        return localized(outcome.error)
    if outcome.cancelled:
        return _tr("The evaluation was cancelled.")
    last = next((line.strip() for line in reversed(outcome.stderr_tail) if line.strip()), "")
    text = _tr("The evaluation process stopped unexpectedly (exit status {code}).").format(code=outcome.exit_code)
    return f"{text} {last}" if last else text


class EvaluationChild(QObject):
    """``python -m chatdesk.evaluation MODEL ...`` in a QProcess: its events as signals."""

    progressed = Signal(dict)  # a "progress" event
    ended = Signal(object)  # ChildOutcome

    def __init__(self, args: list[str], python: str = sys.executable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.outcome = ChildOutcome(exit_code=-1)
        self._buffer = b""
        self._stderr: deque[str] = deque(maxlen=STDERR_TAIL)
        self._ended = False
        self.proc = QProcess(self)
        self.proc.setProgram(python)
        self.proc.setArguments(args)
        self.proc.readyReadStandardOutput.connect(self._read_stdout)
        self.proc.readyReadStandardError.connect(self._read_stderr)
        self.proc.finished.connect(self._finished)
        self.proc.errorOccurred.connect(self._error)

    def start(self) -> None:
        self.proc.start()

    @property
    def running(self) -> bool:
        return self.proc.state() != QProcess.ProcessState.NotRunning

    def cancel(self) -> None:
        """SIGTERM: the child prints a ``cancelled`` line and exits (killed if it hangs)."""
        if not self.running:
            return
        self.proc.terminate()
        proc = self.proc
        QTimer.singleShot(KILL_AFTER_MS, lambda: shiboken6.isValid(proc) and proc.state() != QProcess.ProcessState.NotRunning
                          and proc.kill())

    def stop_now(self, wait_ms: int = 5000) -> None:
        """For a closing window: ask the child to stop, wait a little, then kill it."""
        if not self.running:
            return
        self.proc.terminate()
        if not self.proc.waitForFinished(wait_ms):
            self.proc.kill()
            self.proc.waitForFinished(2000)

    def _read_stdout(self) -> None:
        self._buffer += bytes(self.proc.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            event = parse_line(line)
            if event is None:
                continue
            kind = event["event"]
            if kind == "progress":
                self.progressed.emit(event)
            elif kind == "result":
                self.outcome.result = event.get("result")
            elif kind == "error":
                self.outcome.error = event_error(event)
            elif kind == "cancelled":
                self.outcome.cancelled = True

    def _read_stderr(self) -> None:
        text = bytes(self.proc.readAllStandardError().data()).decode("utf-8", "replace")
        self._stderr.extend(line for line in text.splitlines() if line.strip())

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read_stdout()
        self._read_stderr()
        self.outcome.exit_code = code if status == QProcess.ExitStatus.NormalExit else -1
        self._end()

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.outcome.error = _tr("The evaluation could not be started: {error}").format(error=self.proc.errorString())
            self._end()

    def _end(self) -> None:
        if self._ended:
            return
        self._ended = True
        self.outcome.stderr_tail = list(self._stderr)
        self.ended.emit(self.outcome)
