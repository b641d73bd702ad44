"""A real OpenAI-compatible server for tests: llama-cpp-python's ``python -m llama_cpp.server``
serving the bundled model on 127.0.0.1 (the ``llama_server`` fixture in conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

from fault_server import free_port

STARTUP_TIMEOUT_S = 180


class LlamaServer:
    """``python -m llama_cpp.server`` in a child process; its output is watched line by line."""

    def __init__(self, model_path: str) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self.model_path = model_path
        self.lines: list[str] = []  # the whole log (a few lines per request)
        self._cond = threading.Condition()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", model_path, "--host", "127.0.0.1",
             "--port", str(self.port), "--n_ctx", "2048"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            env={**os.environ, "PYTHONUNBUFFERED": "1"},  # its log lines arrive as they are printed
        )
        self._reader = threading.Thread(target=self._read, name="llama-server-log", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._cond:
                self.lines.append(line.rstrip("\n"))
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    def wait_for_line(self, needle: str, timeout: float, after: int = 0) -> bool:
        """Wait until a log line containing ``needle`` appears (counting from line ``after``)."""
        def seen() -> bool:
            return any(needle in ln for ln in list(self.lines)[after:]) or self.proc.poll() is not None
        with self._cond:
            self._cond.wait_for(seen, timeout)
            return any(needle in ln for ln in list(self.lines)[after:])

    def mark(self) -> int:
        with self._cond:
            return len(self.lines)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(15)
        self._reader.join(5)
