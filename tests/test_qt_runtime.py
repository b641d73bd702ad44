"""Guards against a broken Qt binding: the app emits one signal per streamed token.

PySide6 6.12.0 on Python 3.11 drops a reference to ``True`` on every ``Signal.emit()`` (and to
``None`` on void calls); a long reply then aborts the interpreter. pyproject pins below it.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QObject, Signal, QCoreApplication
app = QCoreApplication([])
class Source(QObject):
    token_received = Signal(int, str)
src = Source()
got = []
src.token_received.connect(lambda i, t: got.append(i))
true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
for i in range(20000):
    src.token_received.emit(i, "tok")
    app.processEvents()
assert len(got) == 20000
print(true_before - sys.getrefcount(True), none_before - sys.getrefcount(None))
"""


def test_signal_emission_does_not_leak_singleton_references():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    lost_true, lost_none = (int(x) for x in proc.stdout.split())
    assert abs(lost_true) < 100 and abs(lost_none) < 100, proc.stdout
