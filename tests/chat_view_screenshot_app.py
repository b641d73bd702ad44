"""Run by tests/test_chat_view_screenshots.py on a private X server (Xvfb): the real window, the real
bundled model, real X rendering. Saves what a user would see into the folder given as argv[1]:

* chat-view-code-selected.png: a reply with a code block, part of the code selected with the mouse,
  the action bar showing over the hovered reply;
* chat-view-probabilities.png: a reply the model wrote with the probability view on, a token
  hovered and its alternatives shown;
* chat-view-probabilities-dark.png: the same in a dark palette.

Prints one JSON line at the end: what was saved, and facts the test checks.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

REPLY = """Here is a small program that counts the words in a file:

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
| 2 | splits on whitespace |

- Works for English and 中文 text alike.
- See the [pathlib documentation](https://docs.python.org/3/library/pathlib.html)."""


def spin(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(predicate, timeout_s: float = 120, what: str = "the window") -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        spin(20)


def grab(out: Path, name: str) -> str:
    path = out / name
    QGuiApplication.primaryScreen().grabWindow(0).save(str(path))  # the X root window, as `import` takes it
    return str(path)


def hover_row(view, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualRect(view.model_.index(row))
    QTest.mouseMove(view.viewport(), rect.center() + QPoint(1, 1))
    QTest.mouseMove(view.viewport(), rect.center())
    want = view.model_.index(row).data(Qt.ItemDataRole.UserRole + 1).id
    wait_for(lambda: view.reader.isVisible() and view.reader.record is not None and view.reader.record.id == want
             and view.bar.isVisible(), 10, f"the reader over row {row}")
    spin(100)


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    from chatdesk import paths
    from chatdesk.engine import SamplingSettings, default_model_path
    from chatdesk.settings import AppSettings
    from chatdesk.store import Store
    from chatdesk.ui.shell.main_window import MainWindow

    paths.ensure_data_dir()
    store = Store(paths.database_path(), paths.backups_dir())
    conv = store.create_conversation("Counting words")
    store.add_message(conv.id, "user", "How do I count the words in a text file with Python?")
    store.add_message(conv.id, "assistant", REPLY)
    window = MainWindow(store, AppSettings(sampling=SamplingSettings(max_tokens=60, seed=3)), str(default_model_path()))
    window.resize(1100, 720)
    window.move(0, 0)
    window.show()
    loaded: list[object] = []
    window.inference.worker.load_finished.connect(loaded.append)
    window.start()
    wait_for(lambda: bool(loaded))
    view = window.chat_view
    facts: dict[str, object] = {}

    # 1. A code block selected with the mouse.
    window.open_conversation(conv.id, None)
    wait_for(lambda: view.model_.rowCount() == 2 and view.visualRect(view.model_.index(1)).isValid(), 10)
    spin(200)
    hover_row(view, 1)
    doc = view.reader.document()
    text = doc.toPlainText()
    start, end = text.index("def count_words"), text.index("return len(text.split())") + len("return len(text.split())")
    cursor = view.reader.textCursor()
    cursor.setPosition(start)
    a = view.reader.cursorRect(cursor).center()
    cursor.setPosition(end)
    b = view.reader.cursorRect(cursor).center()
    QTest.mousePress(view.reader.viewport(), Qt.MouseButton.LeftButton, pos=a)
    QTest.mouseMove(view.reader.viewport(), b)
    QTest.mouseRelease(view.reader.viewport(), Qt.MouseButton.LeftButton, pos=b)
    spin(300)
    facts["selected"] = view.reader.selected_text()
    shots = [grab(out, "chat-view-code-selected.png")]

    # 2. The probability view on a reply the model writes now.
    cursor = view.reader.textCursor()
    cursor.clearSelection()  # (a selection keeps the reader on its message)
    view.reader.setTextCursor(cursor)
    view.probabilities_action.trigger()
    done: list[object] = []
    window.controller.reply_finished.connect(done.append)
    window.controller.send("Write a Python function that adds two numbers.")
    wait_for(lambda: bool(done), 300, "the reply")
    wait_for(lambda: view.model_.records()[-1].status == "done", 10, "the finished reply in the view")
    spin(300)
    last = view.model_.rowCount() - 1
    hover_row(view, last)
    wait_for(lambda: view.token_layout(view.reader.record, view.reader.body) is not None, 10, "the token record")
    layout = view.token_layout(view.reader.record, view.reader.body)
    spans = layout.spans(0)[1]
    lo, _hi, index = spans[min(len(spans) - 1, len(spans) // 3)]
    cursor = view.reader.textCursor()
    cursor.setPosition(lo + 1)
    point = view.reader.cursorRect(cursor).center()
    QTest.mouseMove(view.reader.viewport(), point + QPoint(0, 1))
    QTest.mouseMove(view.reader.viewport(), point)
    wait_for(view.popup.isVisible, 10, "the alternatives")
    spin(300)
    facts["alternatives"] = view.popup.alternatives.count()
    facts["sampler"] = view.popup.sampler.text()
    shots.append(grab(out, "chat-view-probabilities.png"))

    # 3. The same in a dark palette (colours come from the palette).
    dark = QPalette(app.palette())
    for role, colour in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.Base, "#1b1b1d"),
                         (QPalette.ColorRole.AlternateBase, "#2a2b2e"), (QPalette.ColorRole.Text, "#e8eaed"),
                         (QPalette.ColorRole.WindowText, "#e8eaed"), (QPalette.ColorRole.Button, "#2d2e31"),
                         (QPalette.ColorRole.ButtonText, "#e8eaed"), (QPalette.ColorRole.Highlight, "#3b73d9"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
                         (QPalette.ColorRole.Mid, "#5f6368"), (QPalette.ColorRole.Link, "#8ab4f8")):
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    view.delegate.bodies.clear()  # code colours follow the palette's theme
    view.set_probabilities_visible(True)
    spin(300)
    QTest.mouseMove(view.viewport(), QPoint(3, 3))
    hover_row(view, last)
    cursor = view.reader.textCursor()
    cursor.setPosition(lo + 1)
    point = view.reader.cursorRect(cursor).center()
    QTest.mouseMove(view.reader.viewport(), point + QPoint(0, 1))
    QTest.mouseMove(view.reader.viewport(), point)
    wait_for(view.popup.isVisible, 10, "the alternatives (dark)")
    spin(300)
    shots.append(grab(out, "chat-view-probabilities-dark.png"))

    window.close()
    store.close()
    print(json.dumps({"shots": shots, "token_index": index, **facts}), flush=True)
    os._exit(0)  # the model's threads are done; skip interpreter teardown


if __name__ == "__main__":
    main()
