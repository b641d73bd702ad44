"""The files that ship with ChatDesk (assets/): found everywhere, packaged, installed and used.

``chatdesk.paths.assets_dir()`` is the one way to them: a source checkout, an installed wheel
(tested here by building and installing one) and the frozen bundle (tests/test_bundle.py).
"""

from __future__ import annotations

import configparser
import hashlib
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from xvfb_support import private_display

from chatdesk import paths
from chatdesk.ui.app.appearance import ICON_SIZES, app_icon, app_stylesheet, icon_file, stylesheet_file

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"
DESKTOP = ASSETS / "chatdesk.desktop"
INSTALLER = ROOT / "scripts" / "install_desktop_entry.sh"
RENDER = ROOT / "scripts" / "render_icons.py"


def _asset_files() -> list[Path]:
    return sorted(p.relative_to(ASSETS) for p in ASSETS.rglob("*") if p.is_file())


# -- finding the assets ------------------------------------------------------------------------


def test_assets_dir_is_the_checkouts_assets_folder():
    assert paths.assets_dir() == ASSETS
    assert (paths.assets_dir() / "eval" / "sample-en-zh.txt").is_file()


def test_wheel_ships_every_module_and_asset_and_finds_them_installed(tmp_path):
    """Build the wheel from a copy of the sources, then import ChatDesk from it alone."""
    setuptools = importlib.metadata.version("setuptools")
    assert int(setuptools.split(".")[0]) >= 77, f"setuptools {setuptools} is too old to build ChatDesk (the test extras pin >= 77)"
    src = tmp_path / "src"
    src.mkdir()
    for name in ("chatdesk", "converters", "ggufcheck", "translatable", "assets"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "dist"), str(src)],
        capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    warnings = [ln for ln in (out.stdout + out.stderr).splitlines() if "Warning" in ln and "is ignored" not in ln]
    assert not warnings, warnings
    (wheel,) = (tmp_path / "dist").glob("chatdesk-*.whl")

    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        modules = sorted(
            str(p.relative_to(ROOT)) for pkg in ("chatdesk", "converters", "ggufcheck", "translatable") for p in (ROOT / pkg).rglob("*.py")
            if "__pycache__" not in p.parts
        )
        assert [m for m in modules if m not in names] == []
        for rel in _asset_files():
            assert zf.read(f"chatdesk/_assets/{rel.as_posix()}") == (ASSETS / rel).read_bytes(), rel

    target = tmp_path / "site"
    out = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-compile", "--target", str(target), str(wheel)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    probe = (
        "import hashlib, chatdesk.paths as p;"
        "print(p.__file__); print(p.assets_dir());"
        "print(hashlib.sha256((p.assets_dir() / 'eval' / 'sample-en-zh.txt').read_bytes()).hexdigest())"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert out.returncode == 0, out.stderr
    module_file, assets, sample_sha = out.stdout.split()
    assert Path(module_file).is_relative_to(target), "the probe imported the checkout, not the wheel"
    assert Path(assets) == target / "chatdesk" / "_assets"
    assert sample_sha == hashlib.sha256((ASSETS / "eval" / "sample-en-zh.txt").read_bytes()).hexdigest()


# -- the icon ----------------------------------------------------------------------------------


def test_icon_pngs_match_the_svg_and_their_sizes():
    out = subprocess.run([sys.executable, str(RENDER), "--check"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    for size in ICON_SIZES:
        image = QImage(str(icon_file(size)))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        corner, centre = image.pixelColor(0, 0), image.pixelColor(size // 2, size // 2)
        assert corner.alpha() == 0 and centre.alpha() == 255, size


def test_render_check_notices_a_stale_png(tmp_path):
    out = subprocess.run([sys.executable, str(RENDER), "--out", str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    stale = tmp_path / "32x32" / "apps" / "chatdesk.png"
    image = QImage(str(stale))
    image.fill(QColor("black"))
    assert image.save(str(stale))
    out = subprocess.run([sys.executable, str(RENDER), "--check", "--out", str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and "32x32" in out.stderr and "16x16" not in out.stderr, out.stderr


def test_app_icon_has_every_rendered_size(qapp):
    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == list(ICON_SIZES)


# -- the desktop entry -------------------------------------------------------------------------


def _entry(text: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(text)
    return dict(parser["Desktop Entry"])


def test_desktop_entry_is_valid_and_bilingual():
    validate = shutil.which("desktop-file-validate")
    assert validate, "desktop-file-validate is required (apt-get install desktop-file-utils; scripts/dev.sh does)"
    out = subprocess.run([validate, str(DESKTOP)], capture_output=True, text=True)
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr
    entry = _entry(DESKTOP.read_text("utf-8"))
    assert entry["Exec"] == "chatdesk" and entry["Icon"] == "chatdesk" and entry["Type"] == "Application"
    assert entry["Categories"].endswith(";") and entry["Categories"].strip(";")
    for key in ("Name[zh_CN]", "Comment", "Comment[zh_CN]"):
        assert entry[key].strip(), key
    assert re.search(r"[\u4e00-\u9fff]", entry["Name[zh_CN]"]) and re.search(r"[\u4e00-\u9fff]", entry["Comment[zh_CN]"])


def _install(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env["HOME"] = str(home)
    return subprocess.run(["bash", str(INSTALLER), *args], env=env, capture_output=True, text=True, timeout=60)


def test_install_script_installs_for_the_user_and_uninstalls(tmp_path):
    share = tmp_path / ".local" / "share"
    out = _install(tmp_path)
    assert out.returncode == 0, out.stderr
    installed = share / "applications" / "chatdesk.desktop"
    assert installed.read_text("utf-8") == DESKTOP.read_text("utf-8")
    for size in ICON_SIZES:
        copy = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "chatdesk.png"
        assert copy.read_bytes() == icon_file(size).read_bytes()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "chatdesk.svg").is_file()

    out = _install(tmp_path, "--exec", "/opt/my apps/ChatDesk")
    assert out.returncode == 0, out.stderr
    entry = _entry(installed.read_text("utf-8"))
    assert entry["Exec"] == '"/opt/my apps/ChatDesk"' and entry["TryExec"] == "/opt/my apps/ChatDesk"

    out = _install(tmp_path, "--uninstall")
    assert out.returncode == 0, out.stderr
    assert not installed.exists()
    assert not list((share / "icons").rglob("chatdesk.*"))


def test_install_script_refuses_what_it_cannot_quote_and_installs_nothing(tmp_path):
    out = _install(tmp_path, "--exec", "/opt/$HOME/ChatDesk")
    assert out.returncode == 1 and "dollar" in out.stderr
    out = _install(tmp_path, "--bundle", str(tmp_path / "no-such-bundle"))
    assert out.returncode == 1 and "does not exist" in out.stderr
    assert not (tmp_path / ".local").exists()


# -- the stylesheet ----------------------------------------------------------------------------

_NAMED_COLOURS = r"white|black|red|green|blue|gray|grey|yellow|orange|purple|pink|brown|navy|silver|beige|ivory|lightgray|darkgray"


def test_stylesheet_takes_every_colour_from_the_palette():
    qss = re.sub(r"/\*.*?\*/", "", stylesheet_file().read_text("utf-8"), flags=re.S)
    blocks = re.findall(r"\{([^}]*)\}", qss)
    assert blocks, "the stylesheet has no rules"
    body = "\n".join(blocks)
    fixed = re.findall(rf"#[0-9a-fA-F]{{3,8}}\b|\b(?:rgba?|hsla?|hsva?)\s*\(|\b(?:{_NAMED_COLOURS})\b", body, flags=re.I)
    assert fixed == [], f"hard-coded colours in app.qss: {fixed}"
    assert "palette(" in body


def _rgb(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    c = image.pixelColor(x, y)
    return c.red(), c.green(), c.blue()


@pytest.mark.parametrize("base, mid, highlight", [
    ((250, 250, 250), (170, 30, 200), (200, 120, 0)),  # a light theme
    ((24, 26, 30), (40, 200, 120), (90, 160, 255)),  # a dark theme
])
def test_stylesheet_follows_light_and_dark_palettes(qapp, qtbot, base, mid, highlight):
    """The message box is painted with the colours of the application palette (which the desktop's
    light or dark theme sets), whatever they are: background, border, and the border with focus."""
    from chatdesk.ui.shell.composer import Composer

    original = qapp.palette()
    palette = qapp.palette()
    for role, rgb in ((QPalette.ColorRole.Base, base), (QPalette.ColorRole.Mid, mid), (QPalette.ColorRole.Highlight, highlight)):
        palette.setColor(role, QColor(*rgb))
    qapp.setPalette(palette)
    try:
        composer = Composer()
        qtbot.addWidget(composer)
        composer.setStyleSheet(app_stylesheet())
        composer.resize(600, 120)
        composer.show()
        qtbot.waitExposed(composer)
        composer.edit.clearFocus()
        idle = composer.edit.grab().toImage()
        composer.activateWindow()
        composer.edit.setFocus()
        qtbot.waitUntil(composer.edit.hasFocus, timeout=5000)
        focused = composer.edit.grab().toImage()
    finally:
        qapp.setPalette(original)
    y = idle.height() // 2
    assert _rgb(idle, idle.width() // 2, y) == base
    assert _rgb(idle, 0, y) == mid, "the border is not palette(mid)"
    assert _rgb(focused, 0, y) == highlight, "the focused border is not palette(highlight)"


# -- start-up uses them ------------------------------------------------------------------------


def test_start_up_sets_the_icon_and_stylesheet(qapp, tmp_path, data_dir):
    from chatdesk.ui.app.startup import run_gui

    seen = {}

    def look_and_close():
        seen["sheet"] = qapp.styleSheet()
        seen["icon_sizes"] = sorted(s.width() for s in qapp.windowIcon().availableSizes())
        qapp.closeAllWindows()

    QTimer.singleShot(0, look_and_close)
    try:
        # A model path that does not exist: the window opens with a banner, nothing loads.
        code = run_gui(model=str(tmp_path / "absent.gguf"))
    finally:
        qapp.setStyleSheet("")
        qapp.setWindowIcon(QIcon())
    assert code == 0
    assert seen["sheet"] == stylesheet_file().read_text("utf-8")
    assert seen["icon_sizes"] == list(ICON_SIZES)


def test_real_window_shows_the_icon_and_matches_the_desktop_entry(tmp_path):
    """The installed `chatdesk` on an X server: the window manager gets the icon, and WM_CLASS
    matches the desktop entry's StartupWMClass (so docks group the window under the entry)."""
    exe = Path(sys.executable).parent / "chatdesk"
    assert exe.exists(), "the chatdesk command must be installed (pip install -e .)"
    with private_display() as display:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "CHATDESK_HOME")}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
        proc = subprocess.Popen([str(exe), "--data-dir", str(tmp_path / "data"), "--model", str(tmp_path / "absent.gguf")],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            search = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "^ChatDesk$"],
                                    env=env, capture_output=True, text=True, timeout=60)
            wid = search.stdout.split()[0]
            props = subprocess.run(["xprop", "-id", wid, "WM_CLASS", "_NET_WM_ICON"], env=env,
                                   capture_output=True, text=True, timeout=30).stdout
            # No window manager under Xvfb: give the window keyboard focus, then quit with Ctrl+Q.
            subprocess.run(["xdotool", "windowfocus", "--sync", wid], env=env, timeout=30, check=True)
            subprocess.run(["xdotool", "key", "ctrl+q"], env=env, timeout=30, check=True)
            assert proc.wait(30) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        output = proc.stdout.read() if proc.stdout else ""
    sizes = {(int(w), int(h)) for w, h in re.findall(r"Icon \((\d+) x (\d+)\)", props)}
    assert {(16, 16), (32, 32), (48, 48)} <= sizes, props[:300]
    wm_class = re.search(r'WM_CLASS\(STRING\) = "([^"]*)", "([^"]*)"', props)
    assert wm_class and wm_class.group(2) == _entry(DESKTOP.read_text("utf-8"))["StartupWMClass"], props[:300]
    assert "icon is missing" not in output and "stylesheet" not in output, output
