"""One ChatDesk per data folder: a second start brings the first window forward and exits.

Real processes (the installed ``chatdesk`` command, offscreen Qt), a real lock file and socket.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from chatdesk.store import Status, Store

EXE = str(Path(sys.executable).parent / "chatdesk")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CHATDESK_HOME"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _start(data: Path) -> subprocess.Popen:
    return subprocess.Popen([EXE, "--data-dir", str(data)], env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(predicate, timeout: float = 120.0, proc: subprocess.Popen | None = None) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"chatdesk exited early ({proc.returncode}): {proc.stderr.read() if proc.stderr else ''}")
        time.sleep(0.05)
    raise AssertionError("timed out")


def _streaming_reply(data: Path) -> int:
    """A reply 'streaming' in the running instance (as if it were being written right now)."""
    store = Store(data / "chatdesk.sqlite3")
    try:
        conv = store.create_conversation("live")
        u = store.add_message(conv.id, "user", "Write a story.")
        return store.add_message(conv.id, "assistant", "Once upon", status=Status.STREAMING, parent_id=u.id).id
    finally:
        store.close()


def _status(data: Path, message_id: int) -> str:
    with sqlite3.connect(data / "chatdesk.sqlite3") as raw:
        return raw.execute("SELECT status FROM messages WHERE id = ?", (message_id,)).fetchone()[0]


@pytest.fixture
def first(tmp_path):
    """A running ChatDesk that has finished starting: it has marked the replies a crash left
    'streaming' as interrupted (a canary shows when), so any reply that is 'streaming' after
    that belongs to it. Waiting only for its lock and database file raced that step on a
    loaded one-core machine."""
    data = tmp_path / "profile"
    data.mkdir()
    canary = _streaming_reply(data)
    proc = _start(data)
    _wait_for(lambda: (data / "chatdesk.lock").exists() and _status(data, canary) == Status.INTERRUPTED, proc=proc)
    yield data, proc
    if proc.poll() is None:
        proc.terminate()
        proc.wait(30)


def test_second_start_focuses_the_first_and_leaves_its_reply_alone(first):
    data, proc = first
    reply = _streaming_reply(data)
    second = subprocess.run([EXE, "--data-dir", str(data)], env=_env(), capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    assert "already running" in second.stderr
    assert _status(data, reply) == Status.STREAMING, "the second start must not mark the first one's reply interrupted"
    said: list[str] = []
    reader = threading.Thread(target=lambda: said.extend(iter(proc.stderr.readline, "")), daemon=True)
    reader.start()  # the first window's own words, read while it keeps running
    try:
        _wait_for(lambda: any("bringing it to the front" in line for line in said), timeout=20, proc=proc)
    except AssertionError as exc:
        raise AssertionError(f"{exc}; the first said {said!r}; the second said {second.stderr!r}") from None
    proc.send_signal(signal.SIGTERM)
    proc.wait(60)


def test_a_lock_left_by_a_crash_is_taken_over(first):
    data, proc = first
    reply = _streaming_reply(data)
    proc.kill()  # a crash: the lock file stays behind
    proc.wait(30)
    assert (data / "chatdesk.lock").exists()
    again = _start(data)
    try:
        _wait_for(lambda: _status(data, reply) == Status.INTERRUPTED, proc=again)
    finally:
        again.terminate()
        again.wait(30)


def test_a_request_that_arrives_before_the_window_exists_is_replayed(qtbot, tmp_path):
    """Startup can process events before the window is built: the request must not be lost."""
    from chatdesk.ui.app.single_instance import SingleInstance

    first = SingleInstance(tmp_path)
    assert first.acquire()
    try:
        code = ("import sys; from pathlib import Path; from PySide6.QtCore import QCoreApplication; "
                "from chatdesk.ui.app.single_instance import SingleInstance; app = QCoreApplication([]); "
                "sys.exit(0 if SingleInstance(Path(sys.argv[1])).ask_first_to_show(60000) else 3)")
        second = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], env=_env())
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=120_000)  # answered while nobody listened
        assert second.returncode == 0
        shown = []
        first.connect_activation(lambda: shown.append(True))
        assert shown == [True]
        first.connect_activation(lambda: shown.append(False))  # replayed once, not to every later receiver
        assert shown == [True]
    finally:
        first.release()
