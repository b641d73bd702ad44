"""End to end: the installed ``chatdesk`` command in a real X window (Xvfb), typed into with xdotool.

Screenshots land in ``artifacts/`` so a person can look at what the user would see.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from xvfb_support import private_display

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"


def _chatdesk_command() -> list[str]:
    exe = Path(sys.executable).parent / "chatdesk"
    assert exe.exists(), "the chatdesk command must be installed (pip install -e .)"
    return [str(exe)]


@pytest.fixture(scope="module")
def xdisplay():
    with private_display() as display:
        yield display


def _env(display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "CHATDESK_HOME")}
    env["DISPLAY"] = display
    return env


def _xdo(display: str, *args: str, timeout: float = 30) -> str:
    return subprocess.run(["xdotool", *args], env=_env(display), capture_output=True, text=True, timeout=timeout, check=True).stdout


def _wait_window(display: str, proc: subprocess.Popen, timeout: float = 240) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"chatdesk exited early: {proc.stderr.read() if proc.stderr else ''}"
        out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^ChatDesk$"], env=_env(display), capture_output=True, text=True)
        if out.stdout.strip():
            return out.stdout.split()[0]
        time.sleep(0.1)
    raise AssertionError("the ChatDesk window did not appear")


def _poll_db(db: Path, sql: str, predicate, timeout: float):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as raw:
                    last = raw.execute(sql).fetchall()
                if predicate(last):
                    return last
            except sqlite3.OperationalError:
                pass
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting on the database; last rows: {last}")


def _screenshot(display: str, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    out = ARTIFACTS / name
    subprocess.run(["import", "-window", "root", str(out)], env=_env(display), check=True, timeout=30)
    return out


def _start(display: str, data: Path) -> subprocess.Popen:
    return subprocess.Popen([*_chatdesk_command(), "--data-dir", str(data)], env=_env(display), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _type_and_send(display: str, win: str, text: str) -> None:
    # No window manager under Xvfb: give the window keyboard focus directly.
    _xdo(display, "windowfocus", "--sync", win)
    _xdo(display, "type", "--delay", "15", text)
    _xdo(display, "key", "Return")


def test_chat_in_real_window(xdisplay, tmp_path):
    data = tmp_path / "profile"
    proc = _start(xdisplay, data)
    try:
        win = _wait_window(xdisplay, proc)
        db = data / "chatdesk.sqlite3"
        # Typed straight away: a message sent while the model loads is queued behind the load.
        _type_and_send(xdisplay, win, "Hello! Name two planets.")
        rows = _poll_db(
            db,
            "SELECT role, content, status FROM messages ORDER BY id",
            lambda r: len(r) == 2 and r[1][2] == "done",
            600,  # generous: a one-core, busy machine is slow, and this only bounds a hang
        )
        assert rows[0] == ("user", "Hello! Name two planets.", "done")
        assert rows[1][1].strip(), "the reply has text"
        shot = _screenshot(xdisplay, "e2e-chat.png")
        assert shot.stat().st_size > 10_000
        _xdo(xdisplay, "windowfocus", "--sync", win)
        _xdo(xdisplay, "key", "ctrl+q")
        assert proc.wait(10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()


def test_sigkill_while_streaming_loses_nothing(xdisplay, tmp_path):
    data = tmp_path / "profile"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"sampling": {"max_tokens": 2000, "temperature": 0.8}}))
    proc = _start(xdisplay, data)
    db = data / "chatdesk.sqlite3"
    try:
        win = _wait_window(xdisplay, proc)
        prompt = "Write a very long, detailed story about a voyage across the ocean."
        _type_and_send(xdisplay, win, prompt)
        _poll_db(
            db,
            "SELECT status, length(content) FROM messages WHERE role='assistant'",
            lambda r: r and r[0][0] == "streaming" and r[0][1] > 40,
            600,
        )
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = raw.execute("SELECT role, content, status FROM messages ORDER BY id").fetchall()
    assert rows[0] == ("user", prompt, "done")
    assert rows[1][0] == "assistant" and rows[1][2] == "streaming" and len(rows[1][1]) > 40

    # Next start marks it interrupted and offers to continue.
    proc = _start(xdisplay, data)
    try:
        _wait_window(xdisplay, proc)
        rows = _poll_db(db, "SELECT status FROM messages WHERE role='assistant'", lambda r: r and r[0][0] == "interrupted", 240)
        time.sleep(1.0)
        _screenshot(xdisplay, "e2e-after-crash.png")
    finally:
        proc.terminate()
        proc.wait(10)
