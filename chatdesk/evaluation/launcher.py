"""The parent's side of the child protocol: start ``python -m chatdesk.evaluation``, follow it, stop it.

``chatdesk eval`` uses ``run_child``; a Qt window would instead give ``child_arguments`` to a
``QProcess`` (program ``sys.executable``) and feed each stdout line to ``parse_line``. Either way
the child is told to stop with SIGTERM (``QProcess.terminate``), and it answers with a
``cancelled`` line and exit status 143.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from translatable import from_data

STDERR_TAIL = 40


def child_arguments(model: str, *, text: str | None = None, ctx: int | None = None, threads: int | None = None,
                    batch: int | None = None, gen_tokens: int | None = None, chunks: int | None = None,
                    reference: str | None = None, reference_tokenizer: str | None = None,
                    candidates: Sequence[str] = (), check_cache: str | None = None) -> list[str]:
    """Arguments after the interpreter: ``["-m", "chatdesk.evaluation", MODEL, ...]``."""
    args = ["-m", "chatdesk.evaluation", model]
    for flag, value in (("--text", text), ("--ctx", ctx), ("--threads", threads), ("--batch", batch),
                        ("--gen-tokens", gen_tokens), ("--chunks", chunks), ("--reference", reference),
                        ("--reference-tokenizer", reference_tokenizer), ("--check-cache", check_cache)):
        if value is not None:
            args += [flag, str(value)]
    for c in candidates:
        args += ["--candidate", c]
    return args


def parse_line(line: str | bytes) -> dict[str, Any] | None:
    """One protocol event, or None for anything that is not a JSON object with an ``event``."""
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    return obj if isinstance(obj, dict) and isinstance(obj.get("event"), str) else None


def event_error(event: dict[str, Any]) -> str:
    """An ``error`` event's sentence: a :class:`translatable.Text` rebuilt from its ``template``
    and ``params`` when they still give its English ``error``, else the plain English."""
    english = str(event.get("error") or "")
    return from_data(english, event)


@dataclass
class ChildOutcome:
    exit_code: int
    result: dict[str, Any] | None = None
    error: str | None = None
    cancelled: bool = False
    stderr_tail: list[str] = field(default_factory=list)

    def message(self) -> str:
        """What went wrong, in one sentence (for a failed run)."""
        if self.error:
            return self.error
        if self.cancelled:
            return "The evaluation was cancelled."
        last = next((ln for ln in reversed(self.stderr_tail) if ln.strip()), "")
        hint = f": {last.strip()}" if last else ""
        return f"The evaluation process stopped unexpectedly (exit status {self.exit_code}){hint}."


def run_child(args: Sequence[str], on_event: Callable[[dict[str, Any]], None] | None = None,
              cancel: threading.Event | None = None, python: str = sys.executable,
              env: dict[str, str] | None = None) -> ChildOutcome:
    """Run the child to the end, passing each event to ``on_event``; ``cancel`` sends SIGTERM."""
    proc = subprocess.Popen([python, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    tail: deque[str] = deque(maxlen=STDERR_TAIL)

    def drain_stderr() -> None:
        assert proc.stderr is not None
        for raw in proc.stderr:
            tail.append(raw.decode("utf-8", "replace").rstrip("\n"))

    reader = threading.Thread(target=drain_stderr, name="eval-stderr", daemon=True)
    reader.start()
    stop_watch = threading.Event()
    if cancel is not None:
        def watch() -> None:
            while not stop_watch.is_set():
                if cancel.wait(0.1):
                    if proc.poll() is None:
                        proc.terminate()
                    return

        threading.Thread(target=watch, name="eval-cancel", daemon=True).start()
    outcome = ChildOutcome(exit_code=-1)
    try:
        assert proc.stdout is not None
        for raw in proc.stdout:
            event = parse_line(raw)
            if event is None:
                continue
            kind = event["event"]
            if kind == "result":
                outcome.result = event.get("result")
            elif kind == "error":
                outcome.error = event_error(event)
            elif kind == "cancelled":
                outcome.cancelled = True
            if on_event is not None:
                on_event(event)
        outcome.exit_code = proc.wait()
    except BaseException:
        # KeyboardInterrupt in the parent: the child got the same SIGINT; give it time to stop cleanly.
        if proc.poll() is None:
            proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        raise
    finally:
        stop_watch.set()
        reader.join(timeout=5)
    outcome.stderr_tail = list(tail)
    return outcome
