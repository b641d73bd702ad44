"""The README's screenshots, from the real windows on a private X server (Xvfb).

    .venv/bin/python scripts/screenshots.py [OUT_DIR] [--only VIEW[,VIEW…]]   (scripts/screenshot.sh runs it)

Every main view is taken three times: ``VIEW-light.png``, ``VIEW-dark.png`` (English) and
``VIEW-zh_CN.png`` (the Chinese interface, light). Each picture is taken in its own process
(``--scene VIEW LANGUAGE THEME OUT.png``) with a fresh data folder and the application set up as
``chatdesk.ui.app.startup.run_gui`` sets it up (icon, stylesheet, translators, theme). The views:

* ``main``: the window with two chats whose replies the bundled SmolLM2-135M writes during the
  run (greedy decoding, fixed seed): nothing in a reply is typed by this script. The questions are
  English in every language, because the bundled model is an English-only demo;
* ``empty``: a new chat's suggestions (and the first-start note about the bundled model);
* ``library``: File → Models…, with entries the script adds (copies of the bundled model, a
  missing file and a remote model on a LAN address; they are illustrative);
* ``hub``: Download from the Hub… searching the local Hub stand-in of the tests (tests/hub_server.py):
  the repositories, counts and sizes there are illustrative;
* ``evaluation``: File → Evaluate models… measuring the bundled model and two re-quantizations of
  it (llama.cpp's own quantizer): the figures are measured (once: the dark and Chinese pictures
  chart the results that run stored);
* ``documents``: File → Documents… with a collection of ChatDesk's own docs/ indexed;
* ``server``: File → Local server… running on 127.0.0.1, after one real request to the model;
* ``inspector``: Look inside… a text read by the bundled model (attention, logit lens, layers).

chat-settings-preset.png (scripts/screenshot_chat_settings.py: the chat settings panel, with a
conversation whose text that script writes) is taken too. PNGs are reduced to 256 colours
(Pillow) to keep the README light. Look at every picture before committing it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
SIZE = (1100, 720)
THROWAWAY: list[Path] = []  # this scene's folders, removed when it ends
VIEWS = ("main", "empty", "library", "hub", "evaluation", "documents", "server", "inspector")
VARIANTS = (("light", "en", "light"), ("dark", "en", "dark"), ("zh_CN", "zh_CN", "light"))
# What the bundled model is asked in the main picture (see the module's docstring).
CHINESE_QUESTION = "用一句话解释什么是注意力机制。"  # the issue's own example: the demo model cannot answer it
QUESTIONS = ("Suggest three names for a friendly robot.",
             "Explain in simple words what a computer's memory does.",
             "Write a Python function that adds two numbers.")


# ------------------------------------------------------------------------------ in the scene process
def spin(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(predicate, timeout_s: float = 180, what: str = "the window") -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        spin(20)


def set_up(language: str, theme: str):  # type: ignore[no-untyped-def]
    """The application as run_gui sets it up, on a throw-away data folder."""
    from PySide6.QtWidgets import QApplication

    from chatdesk import paths
    from chatdesk.ui.app import i18n
    from chatdesk.ui.app.appearance import app_icon, app_stylesheet, theme_manager

    app = QApplication([sys.argv[0]])
    app.setApplicationName("ChatDesk")
    app.setDesktopFileName("chatdesk")
    app.setWindowIcon(app_icon())
    app.setStyleSheet(app_stylesheet())
    i18n.install(app, language)
    theme_manager(app, theme)
    data = Path(tempfile.mkdtemp(prefix="chatdesk-shot-"))
    THROWAWAY.append(data)
    paths.set_data_dir(data)
    paths.ensure_data_dir()
    os.environ["CHATDESK_HOME"] = str(data)
    return app, data


def reduce(raw: Path, out: Path) -> None:
    """A 256-colour copy of a PNG (a third of the bytes, no visible loss for a window)."""
    from PIL import Image

    with Image.open(raw) as im:
        im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
            out, optimize=True)


def save(image, out: Path) -> None:  # type: ignore[no-untyped-def]
    """Write a QImage/QPixmap as a 256-colour PNG."""
    out.parent.mkdir(parents=True, exist_ok=True)
    raw = out.with_suffix(".raw.png")
    if not image.save(str(raw)):
        raise SystemExit(f"{raw} could not be written")
    reduce(raw, out)
    raw.unlink()
    print(f"{out}: {image.width()}×{image.height()}", flush=True)


def grab_screen(widget, out: Path) -> None:  # type: ignore[no-untyped-def]
    """What the screen shows of a top-level window (overlays and popups included)."""
    from PySide6.QtGui import QGuiApplication

    widget.raise_()
    spin(300)
    save(QGuiApplication.primaryScreen().grabWindow(0).copy(widget.frameGeometry()), out)


def main_window(language: str, theme: str, max_tokens: int = 90):  # type: ignore[no-untyped-def]
    from chatdesk import paths
    from chatdesk.engine import SamplingSettings, default_model_path
    from chatdesk.settings import AppSettings
    from chatdesk.store import Store
    from chatdesk.ui.shell.main_window import MainWindow

    store = Store(paths.database_path(), paths.backups_dir())
    sampling = SamplingSettings(temperature=0.0, seed=42, max_tokens=max_tokens)  # greedy: the same reply each run
    settings = AppSettings(sampling=sampling, language=language, theme=theme)
    win = MainWindow(store, settings, str(default_model_path()))
    win.resize(*SIZE)
    win.move(0, 0)
    win.show()
    loaded: list[object] = []
    win.inference.worker.load_finished.connect(loaded.append)
    win.start()
    wait_for(lambda: bool(loaded), what="the model")
    return win, store


def ask(win, question: str) -> None:  # type: ignore[no-untyped-def]
    """Type a question into the message box and send it as the user would; wait for the reply."""
    done: list[object] = []
    win.controller.reply_finished.connect(done.append)
    win.composer.edit.setPlainText(question)
    win.composer.edit.submitted.emit()
    wait_for(lambda: bool(done), 300, "the model's reply")
    win.controller.reply_finished.disconnect(done.append)


def scene_main(language: str, theme: str, out: Path) -> None:
    set_up(language, theme)
    win, _store = main_window(language, theme)
    ask(win, QUESTIONS[0])
    win.new_conversation()
    ask(win, QUESTIONS[1])
    ask(win, QUESTIONS[2])
    win.refresh_sidebar()
    view = win.chat_view
    view.scrollToBottom()
    win.composer.edit.setFocus()
    spin(600)
    # The pointer over the last reply: its action bar (icon buttons) shows, as it does for a user.
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    from chatdesk.ui.conversation.message_delegate import body_origin

    last = view.model_.index(view.model_.rowCount() - 1)
    origin = body_origin(view.visualRect(last))
    target = QPoint(origin.x() + 40, max(origin.y() + 6, 8))  # inside the reply's visible part
    QTest.mouseMove(view.viewport(), target + QPoint(1, 1))
    QTest.mouseMove(view.viewport(), target)
    wait_for(lambda: view.bar.isVisible(), 10, "the reply's action bar")
    grab_screen(win, out)


def scene_empty(language: str, theme: str, out: Path) -> None:
    set_up(language, theme)
    win, _store = main_window(language, theme)
    win.new_conversation()
    wait_for(win.chat_view.empty_state.isVisible, 10, "the suggestions")
    win.composer.edit.setFocus()
    spin(600)
    grab_screen(win, out)


def scene_chinese(language: str, theme: str, out: Path) -> None:
    """Chinese typed to the English-only demo model: the window says so before the reply, with the
    way to a model that speaks Chinese; the reply under it is the bundled model's real one."""
    set_up(language, theme)
    win, _store = main_window(language, theme, max_tokens=60)
    ask(win, CHINESE_QUESTION)
    win.refresh_sidebar()
    win.chat_view.scrollToBottom()
    win.composer.edit.setFocus()
    spin(600)
    grab_screen(win, out)


def scene_library(language: str, theme: str, out: Path) -> None:
    _app, data = set_up(language, theme)
    from chatdesk.engine import default_model_path
    from chatdesk.library import Catalog
    from chatdesk.ui.models.library_window import LibraryWindow

    bundled = default_model_path()
    tmp = data.parent / (data.name + "-files")
    mine = tmp / "My models" / "SmolLM2-135M-Instruct-finetune.Q4_1.gguf"
    mine.parent.mkdir(parents=True)
    shutil.copyfile(bundled, mine)
    gone = tmp / "My models" / "old-experiment.Q8_0.gguf"
    shutil.copyfile(mine, gone)
    lib = Catalog.open()
    lib.add_file(mine, name="My fine-tune")
    lib.add_file(gone, name="Old experiment")
    gone.unlink()
    lib.reload()
    lib.add_remote("http://192.168.1.20:8080/v1", "qwen2.5-7b-instruct", name="Qwen2.5 7B Instruct", context_length=32768)
    win = LibraryWindow(current_key=str(bundled))
    win.resize(1240, 520)
    win.move(0, 0)
    win.show()
    wait_for(lambda: len(win.entries()) == 4 and not win.busy, what="the library")
    win.select(lib.default().id)
    spin(300)
    grab_screen(win, out)


def scene_hub(language: str, theme: str, out: Path) -> None:
    set_up(language, theme)
    from hub_server import HubServer

    from chatdesk.engine import default_model_path
    from chatdesk.ui.models.download_dialog import DownloadDialog

    small = b"GGUF" + b"\0" * 1000
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"):
        os.environ.pop(var, None)
    with HubServer() as hub:
        hub.add_repo("Qwen/Qwen2.5-0.5B-Instruct-GGUF", {"qwen2.5-0.5b-instruct-q4_k_m.gguf": default_model_path(),
                     "qwen2.5-0.5b-instruct-q8_0.gguf": small * 2}, downloads=900,
                     last_modified="2024-09-19T00:00:00.000Z", tags=("gguf", "zh", "en", "chat"))
        hub.add_repo("bartowski/Qwen2.5-7B-Instruct-GGUF", {"Qwen2.5-7B-Instruct-Q4_K_M.gguf": small * 4,
                     "Qwen2.5-7B-Instruct-IQ2_M.gguf": small}, downloads=5000,
                     last_modified="2024-10-01T00:00:00.000Z", tags=("gguf", "en", "zh"))
        hub.add_repo("Qwen/Qwen2.5-1.5B-Instruct-GGUF", {"qwen2.5-1.5b-instruct-q4_k_m.gguf": small * 3}, downloads=3000,
                     last_modified="2025-01-01T00:00:00.000Z", tags=("gguf", "zh", "en"))
        os.environ["HF_ENDPOINT"] = hub.endpoint
        dlg = DownloadDialog()
        dlg.resize(960, 760)
        dlg.move(0, 0)
        dlg.show()
        dlg.search.setText("qwen instruct")
        dlg.search_button.click()
        wait_for(lambda: dlg.results.topLevelItemCount() == 3, 60, "the search")
        first = dlg.results.topLevelItem(dlg.results.topLevelItemCount() - 1)  # the one with the real GGUF
        dlg.results.setCurrentItem(first)
        dlg.choose_hit(first)  # as a click does: its files are listed for download
        wait_for(lambda: dlg.files.rowCount() == 2, 60, "the hit's files")
        spin(300)
        grab_screen(dlg, out)


def scene_evaluation(language: str, theme: str, out: Path) -> None:
    """The first of the three measures (minutes on a busy machine); the others open the same data
    folder (the driver's SHOT_SHARED) and chart the results that run stored."""
    set_up(language, theme)
    sys.path.insert(0, str(ROOT / "scripts"))
    from screenshot_evaluation import requantize

    from chatdesk import paths
    from chatdesk.engine import default_model_path
    from chatdesk.ui.evaluation.evaluation_window import EvaluationWindow

    shared = Path(os.environ.get("SHOT_SHARED") or tempfile.mkdtemp(prefix="chatdesk-shot-")) / "evaluation"
    measured = (shared / "measured").exists()
    folder = shared / "models"
    paths.set_data_dir(shared / "data")
    paths.ensure_data_dir()
    reference = folder / "SmolLM2-135M-Instruct.Q4_1.gguf"
    if not measured:
        folder.mkdir(parents=True)
        shutil.copyfile(default_model_path(), reference)
        requantize(reference, folder, ("Q4_0", "Q2_K"))
    models = [reference, *(folder / f"SmolLM2-135M-Instruct.{q}.gguf" for q in ("Q4_0", "Q2_K"))]
    # The stored results' pictures show no queue: those models are not being evaluated again.
    win = EvaluationWindow(models=[] if measured else [str(m) for m in models])
    win.resize(*SIZE)
    win.move(0, 0)
    win.set_reference(str(reference))
    win.ctx.setValue(256)
    win.show()
    if measured:
        win.load_results()
        wait_for(lambda: win.results.rowCount() >= len(models), 60, "the stored results")
    else:
        finished: list[object] = []
        win.run_finished.connect(lambda *a: finished.append(a))
        win.start_button.click()
        wait_for(lambda: bool(finished), 1800, "the evaluation")
        (shared / "measured").touch()
    win.table.selectAll()
    spin(500)
    if len(win.chart.points()) != len(models):
        raise SystemExit(f"only {len(win.chart.points())} of {len(models)} results charted: {win.message_text()}")
    grab_screen(win, out)


def scene_documents(language: str, theme: str, out: Path) -> None:
    _app, data = set_up(language, theme)
    folder = data.parent / (data.name + "-docs") / "ChatDesk docs"
    folder.mkdir(parents=True)
    for name in ("preset-format.md", "transcript-format.md"):  # two short ones: indexing is slow on a busy machine
        shutil.copyfile(ROOT / "docs" / name, folder / name)
    win, _store = main_window(language, theme)  # the window's panel: with the search-model choice
    panel = win.documents.show()
    panel.resize(860, 520)
    panel.move(0, 0)
    panel.show()
    panel.create_collection("ChatDesk docs", [str(folder)])
    wait_for(lambda: panel.current_name() == "ChatDesk docs" and panel.index_button.isEnabled(), 60, "the collection")
    panel.start_indexing()
    wait_for(lambda: panel.job is None, 600, "the indexing")
    spin(500)
    grab_screen(panel, out)


def scene_server(language: str, theme: str, out: Path) -> None:
    set_up(language, theme)
    import keyring
    from keyring_support import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())  # never the desktop's keyring
    import json
    import socket
    import urllib.request
    from dataclasses import replace

    from chatdesk.ui.server.controller import ON, ServerController
    from chatdesk.ui.server.panel import ServerPanel

    with socket.socket() as probe:  # a free port on 127.0.0.1, so the panel shows the port it serves on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = ServerController()
    controller.settings = replace(controller.settings, port=port)
    panel = ServerPanel(controller)
    panel.resize(900, 620)
    panel.move(0, 0)
    panel.show()
    panel.toggle.click()
    wait_for(lambda: controller.state == ON, 120, "the server")
    answers: list[object] = []

    def request() -> None:  # as any OpenAI client would (the standard library's, here)
        ask_models = urllib.request.Request(f"{controller.url}/models", headers={"User-Agent": "screenshots.py"})
        with urllib.request.urlopen(ask_models, timeout=300) as r:
            model = json.load(r)["data"][0]["id"]
        body = json.dumps({"model": model, "max_tokens": 40, "temperature": 0,
                           "messages": [{"role": "user", "content": "Say hello to a new user."}]}).encode()
        post = urllib.request.Request(f"{controller.url}/chat/completions", body, {"Content-Type": "application/json",
                                                                                   "User-Agent": "screenshots.py"})
        with urllib.request.urlopen(post, timeout=300) as r:
            answers.append(r.status)

    threading.Thread(target=request, daemon=True).start()
    wait_for(lambda: bool(answers) and panel.table.rowCount() >= 1, 300, "the request")
    spin(800)
    grab_screen(panel, out)
    controller.shutdown()


def scene_inspector(language: str, theme: str, out: Path) -> None:
    set_up(language, theme)
    from chatdesk.engine import default_model_path
    from chatdesk.ui.inspector.window import InspectorWindow

    win = InspectorWindow("a text")
    win.resize(*SIZE)
    win.move(0, 0)
    win.show()
    ready: list[object] = []
    win.ready.connect(lambda: ready.append(True))
    win.start(str(default_model_path()), text="The capital of France is Paris, and the capital of Japan is")
    wait_for(lambda: bool(ready), 300, "the inspection")
    spin(1500)
    grab_screen(win, out)


def scene(argv: list[str]) -> None:
    name, language, theme, out = argv[0], argv[1], argv[2], Path(argv[3])
    scenes = {"main": scene_main, "empty": scene_empty, "library": scene_library, "hub": scene_hub,
              "evaluation": scene_evaluation, "documents": scene_documents, "server": scene_server,
              "inspector": scene_inspector, "chinese": scene_chinese}
    if name not in scenes:
        raise SystemExit(f"unknown scene {name}")
    try:
        scenes[name](language, theme, out)
    finally:
        for folder in THROWAWAY:
            for path in folder.parent.glob(folder.name + "*"):
                shutil.rmtree(path, ignore_errors=True)
    sys.stdout.flush()
    os._exit(0)  # the model's threads are done; skip interpreter teardown


# ------------------------------------------------------------------------------ the driver
def main(out: Path, only: set[str]) -> int:
    from xvfb_support import private_display

    out.mkdir(parents=True, exist_ok=True)
    py = sys.executable
    jobs = [[py, __file__, "--scene", view, language, theme, str(out / f"{view}-{suffix}.png")]
            for view in VIEWS if not only or view in only for suffix, language, theme in VARIANTS]
    if not only or "chinese" in only:  # one picture: the Chinese interface, a Chinese question
        jobs.append([py, __file__, "--scene", "chinese", "zh_CN", "light", str(out / "chinese-question-zh_CN.png")])
    if not only or "chat-settings" in only:
        jobs.append([py, str(ROOT / "scripts" / "screenshot_chat_settings.py"), str(out / "chat-settings-preset.png")])
    failed = 0
    # What one scene measures for the others (SHOT_SHARED given: kept, to retake pictures without measuring).
    given = os.environ.get("SHOT_SHARED")
    shared = given or tempfile.mkdtemp(prefix="chatdesk-shot-shared-")
    with private_display() as display:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "CHATDESK_HOME")}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", LANG="C.UTF-8", LANGUAGE="", SHOT_SHARED=shared)
        for job in jobs:
            started = time.monotonic()
            proc = subprocess.run(job, env=env, cwd=ROOT, capture_output=True, text=True, timeout=1200, check=False)
            lines = (proc.stdout + proc.stderr).strip().splitlines()
            shown = [ln for ln in lines if ".png" in ln] if proc.returncode == 0 else lines[-15:]
            print("\n".join(shown) or f"{job[2:]} done", f"({time.monotonic() - started:.0f} s)", flush=True)
            failed += proc.returncode != 0
    if not given:
        shutil.rmtree(shared, ignore_errors=True)
    preset = out / "chat-settings-preset.png"  # written by its own script at full colour
    if preset.exists():
        reduce(preset, preset)
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--scene":
        scene(sys.argv[2:])
    else:
        args = [a for a in sys.argv[1:] if not a.startswith("--only")]
        only = {v for a in sys.argv[1:] if a.startswith("--only=") for v in a.split("=", 1)[1].split(",")}
        raise SystemExit(main(Path(args[0]) if args else OUT, only))
