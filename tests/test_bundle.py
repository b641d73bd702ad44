"""Smoke test of the PyInstaller bundle: the frozen app starts, answers a message, and quits.

The bundle is *built by scripts/build_bundle*, not by this test (the llama.cpp compile alone takes
minutes), so the test is skipped until ``dist/ChatDesk/ChatDesk`` exists. Run it with::

    bash scripts/build_bundle
    .venv/bin/python -m pytest tests/test_bundle.py -m slow -q

It drives the real window under a private Xvfb server with xdotool, checks the reply in the
app's SQLite database (read-only), and saves a screenshot to ``artifacts/bundle-smoke.png``.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from xvfb_support import private_display

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dist" / "ChatDesk" / "ChatDesk"
ARTIFACTS = ROOT / "artifacts"
SCREENSHOT = ARTIFACTS / "bundle-smoke.png"

WINDOW_TIMEOUT_S = 60
REPLY_TIMEOUT_S = 60
EXIT_TIMEOUT_S = 5
PROMPT = "Hello! Say one short sentence about the sea."

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not APP.is_file(),
        reason=f"{APP.relative_to(ROOT)} is not built: the bundle is built by `bash scripts/build_bundle` "
        "(minutes: it compiles llama.cpp), not by the test run",
    ),
]


def _need(tool: str) -> str:
    path = shutil.which(tool)
    assert path, f"{tool} is required for the bundle smoke test (apt-get install xvfb xdotool imagemagick)"
    return path


@pytest.fixture
def xvfb():
    """A private X server on a free display."""
    with private_display() as display:
        yield display


def _xdotool(display: str, *args: str, timeout: float = 10) -> str:
    out = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert out.returncode == 0, f"xdotool {' '.join(args)} failed: {out.stderr.strip()}"
    return out.stdout


def _query(db: Path, sql: str) -> list[tuple]:
    """Read-only look at the app's database; [] while it does not exist or is busy."""
    if not db.exists():
        return []
    try:
        con = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.OperationalError:
        return []
    try:
        return con.execute(sql).fetchall()
    except sqlite3.OperationalError:  # table not created yet, or locked
        return []
    finally:
        con.close()


def _log_tail(log: Path) -> str:
    text = log.read_text(errors="replace") if log.exists() else ""
    return "\n--- app output (tail) ---\n" + text[-4000:]


def _wait_for_window(app: subprocess.Popen, display: str, log: Path) -> str:
    """`xdotool search --sync`, bounded by a timeout and aborted if the app dies first."""
    search = subprocess.Popen(
        ["xdotool", "search", "--sync", "--onlyvisible", "--name", "^ChatDesk$"],
        env={**os.environ, "DISPLAY": display},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    deadline = time.monotonic() + WINDOW_TIMEOUT_S
    try:
        while search.poll() is None:
            assert app.poll() is None, f"the app exited with {app.returncode} before showing a window{_log_tail(log)}"
            assert time.monotonic() < deadline, f"no ChatDesk window after {WINDOW_TIMEOUT_S} s{_log_tail(log)}"
            time.sleep(0.2)
        out = search.stdout.read() if search.stdout else ""
    finally:
        if search.poll() is None:
            search.kill()
        search.wait()
    ids = out.split()
    assert ids, f"xdotool found no ChatDesk window{_log_tail(log)}"
    return ids[0]


def test_bundle_answers_a_message_and_quits(tmp_path, xvfb):
    _need("xdotool")
    _need("import")
    display = xvfb
    data_dir = tmp_path / "data"
    db = data_dir / "chatdesk.sqlite3"
    log = tmp_path / "app.log"
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",  # tests/conftest.py defaults it to offscreen; we want a real X window
        "QT_ACCESSIBILITY": "0",
        "NO_AT_BRIDGE": "1",
    }
    env.pop("WAYLAND_DISPLAY", None)

    with log.open("wb") as log_file:
        app = subprocess.Popen(
            [str(APP), "--data-dir", str(data_dir)],
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wid = _wait_for_window(app, display, log)

        # Put keyboard focus in the message box: no window manager runs, so focus follows the
        # pointer; click inside the composer (bottom of the right pane; the app also focuses it
        # once the model has loaded).
        geo = dict(
            line.split("=", 1) for line in _xdotool(display, "getwindowgeometry", "--shell", wid).split()
        )
        width, height = int(geo["WIDTH"]), int(geo["HEIGHT"])
        _xdotool(display, "mousemove", "--window", wid, str(int(width * 0.55)), str(height - 72), "click", "1")
        _xdotool(display, "type", "--delay", "15", PROMPT, timeout=30)

        # Enter is ignored until the model has loaded (the text stays in the box), so press it
        # until the user message is in the database.
        deadline = time.monotonic() + REPLY_TIMEOUT_S
        while not _query(db, "SELECT id FROM messages WHERE role = 'user'"):
            assert app.poll() is None, f"the app exited with {app.returncode}{_log_tail(log)}"
            assert time.monotonic() < deadline, f"the message was never sent{_log_tail(log)}"
            _xdotool(display, "key", "Return")
            time.sleep(1.0)

        reply: list[tuple] = []
        while not reply:
            assert app.poll() is None, f"the app exited with {app.returncode} while answering{_log_tail(log)}"
            assert time.monotonic() < deadline, (
                f"no finished assistant reply within {REPLY_TIMEOUT_S} s; messages: "
                f"{_query(db, 'SELECT role, status, content FROM messages')}{_log_tail(log)}"
            )
            reply = _query(
                db,
                "SELECT content FROM messages WHERE role = 'assistant' AND status = 'done' "
                "AND length(trim(content)) > 0",
            )
            time.sleep(0.5)
        assert reply[0][0].strip()

        time.sleep(1.0)  # let the last tokens paint
        ARTIFACTS.mkdir(exist_ok=True)
        subprocess.run(
            ["import", "-display", display, "-window", "root", str(SCREENSHOT)],
            check=True,
            timeout=30,
            capture_output=True,
        )
        assert SCREENSHOT.stat().st_size > 0

        _xdotool(display, "key", "ctrl+q")
        try:
            code = app.wait(EXIT_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the app did not exit within {EXIT_TIMEOUT_S} s of Ctrl+Q{_log_tail(log)}")
        assert code == 0, f"the app exited with {code}{_log_tail(log)}"
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait()
