"""The README's screenshots, from the real window on a private X server (Xvfb).

    .venv/bin/python scripts/screenshots.py [OUT_DIR]      (scripts/screenshot.sh runs it)

Each picture is taken in its own process (``--scene NAME OUT.png``) with a fresh data folder, the
bundled model loaded and the application set up as ``chatdesk.ui.app.startup.run_gui`` sets it up (icon,
stylesheet, translators, theme):

* main-light.png, main-dark.png: a conversation with a code block, a table and a list, chats in
  the sidebar, light and dark themes;
* main-zh_CN.png: the same kind of conversation with the interface in Simplified Chinese;
* code-selected.png: a reply with part of its code block selected with the mouse, the message
  actions showing over it;
* chat-settings-preset.png: the chat settings panel with the Translate preset and the context
  meter (scripts/screenshot_chat_settings.py);
* library-window.png: File → Models… (scripts/screenshot_models.py);
* evaluation.png: File → Evaluate models… measuring the bundled model and three re-quantizations
  of it (scripts/screenshot_evaluation.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
SIZE = (1100, 720)

REPLY_EN = """Here is a small program that counts the words in a file:

```python
from pathlib import Path

def count_words(path: str) -> int:
    text = Path(path).read_text(encoding="utf-8")
    return len(text.split())

print(count_words("notes.txt"))
```

| Step | What it does |
|------|--------------|
| 1 | reads the file as **UTF-8** |
| 2 | splits on whitespace and counts the pieces |

- Works for English text; for Chinese, count characters instead.
- See the [pathlib documentation](https://docs.python.org/3/library/pathlib.html)."""

REPLY_ZH = """下面是一个统计文件字数的小程序：

```python
from pathlib import Path

def count_chars(path: str) -> int:
    text = Path(path).read_text(encoding="utf-8")
    return sum(1 for ch in text if not ch.isspace())

print(count_chars("笔记.txt"))
```

| 步骤 | 作用 |
|------|------|
| 1 | 以 **UTF-8** 读取文件 |
| 2 | 统计所有非空白字符 |

- 中文没有空格分词，按字符计数更准确。
- 详见 [pathlib 文档](https://docs.python.org/zh-cn/3/library/pathlib.html)。"""

CHATS = {
    "en": [("Explain the KV cache", True), ("Summarize: the history of tea", False), ("Travel phrases in Chinese", False),
           ("A short story about a lighthouse", False)],
    "zh_CN": [("解释一下 KV 缓存", True), ("总结：茶的历史", False), ("旅行常用英语", False), ("写一个关于灯塔的小故事", False)],
}
QUESTION = {"en": "How do I count the words in a text file with Python?", "zh_CN": "怎样用 Python 统计一个文本文件的字数？"}
TITLE = {"en": "Counting words in Python", "zh_CN": "用 Python 统计字数"}


# ------------------------------------------------------------------------------ in the scene process
def spin(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(predicate, timeout_s: float = 120, what: str = "the window") -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        spin(20)


def open_window(language: str, theme: str):  # type: ignore[no-untyped-def]
    """The application set up as run_gui does, a data folder with chats, the window with the bundled
    model loaded and the code conversation open."""
    from PySide6.QtWidgets import QApplication

    from chatdesk import paths
    from chatdesk.engine import SamplingSettings, default_model_path
    from chatdesk.settings import AppSettings
    from chatdesk.store import Store
    from chatdesk.ui.app import i18n
    from chatdesk.ui.app.appearance import app_icon, app_stylesheet, theme_manager

    app = QApplication([sys.argv[0]])
    app.setApplicationName("ChatDesk")
    app.setDesktopFileName("chatdesk")
    app.setWindowIcon(app_icon())
    app.setStyleSheet(app_stylesheet())
    i18n.install(app, language)
    theme_manager(app, theme)
    from chatdesk.ui.shell.main_window import MainWindow

    paths.set_data_dir(tempfile.mkdtemp(prefix="chatdesk-shot-"))
    paths.ensure_data_dir()
    store = Store(paths.database_path(), paths.backups_dir())
    lang = "zh_CN" if language == "zh_CN" else "en"
    for title, pinned in CHATS[lang]:
        conv = store.create_conversation(title)
        store.add_message(conv.id, "user", title)
        if pinned:
            store.set_pinned(conv.id, True)
    conv = store.create_conversation(TITLE[lang])
    user = store.add_message(conv.id, "user", QUESTION[lang])
    store.add_message(conv.id, "assistant", REPLY_ZH if lang == "zh_CN" else REPLY_EN, parent_id=user.id)
    settings = AppSettings(sampling=SamplingSettings(max_tokens=60), language=language, theme=theme)
    win = MainWindow(store, settings, str(default_model_path()))
    win.resize(*SIZE)
    win.move(0, 0)
    win.show()
    loaded: list[object] = []
    win.inference.worker.load_finished.connect(loaded.append)
    win.start()
    wait_for(lambda: bool(loaded), what="the model")
    win.open_conversation(conv.id, None)
    view = win.chat_view
    wait_for(lambda: view.model_.rowCount() == 2 and view.visualRect(view.model_.index(1)).isValid(), 10, "the conversation")
    win.refresh_sidebar()
    spin(300)
    return app, win, store


def grab(win, out: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    out.parent.mkdir(parents=True, exist_ok=True)
    shot = QGuiApplication.primaryScreen().grabWindow(0).copy(win.frameGeometry())
    if not shot.save(str(out)):
        raise SystemExit(f"{out} could not be written")
    print(f"{out}: {shot.width()}×{shot.height()}", flush=True)


def scene_main(out: Path, language: str, theme: str) -> None:
    _app, win, _store = open_window(language, theme)
    win.composer.edit.setFocus()
    spin(200)
    grab(win, out)


def scene_code_selected(out: Path) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    _app, win, _store = open_window("en", "light")
    view = win.chat_view
    rect = view.visualRect(view.model_.index(1))
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(1, 1))
    QTest.mouseMove(view.viewport(), rect.center())
    wait_for(lambda: view.reader.isVisible() and view.bar.isVisible(), 10, "the reader over the reply")
    text = view.reader.document().toPlainText()
    first = "def count_words"
    last = "return len(text.split())"
    cursor = view.reader.textCursor()
    cursor.setPosition(text.index(first))
    a = view.reader.cursorRect(cursor).center()
    cursor.setPosition(text.index(last) + len(last))
    b = view.reader.cursorRect(cursor).center()
    QTest.mousePress(view.reader.viewport(), Qt.MouseButton.LeftButton, pos=a)
    QTest.mouseMove(view.reader.viewport(), b)
    QTest.mouseRelease(view.reader.viewport(), Qt.MouseButton.LeftButton, pos=b)
    spin(300)
    selected = view.reader.selected_text()
    if not (selected.startswith(first) and selected.endswith(last)):
        raise SystemExit(f"the selection is {selected!r}, not the function's body")
    grab(win, out)


def scene(argv: list[str]) -> None:
    name, out = argv[0], Path(argv[1])
    if name == "main":
        scene_main(out, argv[2], argv[3])
    elif name == "code-selected":
        scene_code_selected(out)
    else:
        raise SystemExit(f"unknown scene {name}")
    sys.stdout.flush()
    os._exit(0)  # the model's threads are done; skip interpreter teardown


# ------------------------------------------------------------------------------ the driver
def main(out: Path) -> int:
    from xvfb_support import private_display

    out.mkdir(parents=True, exist_ok=True)
    py = sys.executable
    jobs = [
        [py, __file__, "--scene", "main", str(out / "main-light.png"), "en", "light"],
        [py, __file__, "--scene", "main", str(out / "main-dark.png"), "en", "dark"],
        [py, __file__, "--scene", "main", str(out / "main-zh_CN.png"), "zh_CN", "light"],
        [py, __file__, "--scene", "code-selected", str(out / "code-selected.png")],
        [py, str(ROOT / "scripts" / "screenshot_chat_settings.py"), str(out / "chat-settings-preset.png")],
        [py, str(ROOT / "scripts" / "screenshot_models.py"), "--child"],
        [py, str(ROOT / "scripts" / "screenshot_evaluation.py"), "--child", str(out / "evaluation.png")],
    ]
    failed = 0
    with private_display() as display:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "CHATDESK_HOME")}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", LANG="C.UTF-8", LANGUAGE="")
        for job in jobs:
            proc = subprocess.run(job, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
            lines = (proc.stdout + proc.stderr).strip().splitlines()
            print("\n".join(ln for ln in lines if ".png" in ln or proc.returncode) or f"{job[2:]} done", flush=True)
            failed += proc.returncode != 0
    library = ROOT / "artifacts" / "library-window.png"
    if library.exists():
        shutil.copyfile(library, out / "library-window.png")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--scene":
        scene(sys.argv[2:])
    else:
        raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
