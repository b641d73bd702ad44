"""Screenshot of the chat settings panel with a preset, for the README and for review.

Run under a real X server (Xvfb):  xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python
scripts/screenshot_chat_settings.py [OUT.png] [--language zh_CN]. It opens ChatDesk on a fresh
data folder with the bundled model, fills a conversation, applies the Translate preset, shows
the panel and the context meter (with earlier messages left out under a small context limit),
types a message and grabs the screen.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=str(ROOT / "artifacts" / "chat-settings-panel.png"))
    ap.add_argument("--language", default="en", help="prompt language of the preset (en or zh_CN)")
    args = ap.parse_args()

    from dataclasses import replace

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from chatdesk import paths
    from chatdesk.chat import presets as P
    from chatdesk.engine import SamplingSettings, default_model_path
    from chatdesk.settings import AppSettings
    from chatdesk.store import Store
    from chatdesk.ui.shell.main_window import MainWindow

    data = Path(tempfile.mkdtemp(prefix="chatdesk-shot-"))
    paths.set_data_dir(data)
    app = QApplication(sys.argv[:1])
    store = Store(data / "chatdesk.sqlite3")
    win = MainWindow(store, AppSettings(sampling=SamplingSettings(max_tokens=128)), str(default_model_path()))
    win.resize(1280, 800)
    win.show()
    loop = QEventLoop()
    win.inference.worker.load_finished.connect(loop.quit)
    win.start()
    loop.exec()

    conv = store.create_conversation("Travel phrases", system_prompt="You are a helpful, concise assistant.")
    parent = None
    for i, (q, a) in enumerate([
        ("Good morning, where is the train station?", "早上好，请问火车站在哪里？"),
        ("How much is a ticket to Shanghai?", "去上海的票多少钱？"),
        ("Is there a seat by the window?", "有靠窗的座位吗？"),
        ("Thank you very much for your help.", "非常感谢你的帮助。"),
    ] * 3):
        u = store.add_message(conv.id, "user", f"{q} ({i + 1})", parent_id=parent)
        parent = store.add_message(conv.id, "assistant", a, parent_id=u.id).id
    win.refresh_sidebar()
    win.open_conversation(conv.id, None)
    ui = win.chat_settings
    ui.dock.show()
    ui.panel._language_choice = args.language  # noqa: SLF001 - as if picked in the panel
    chat = P.apply(P.builtin("builtin:translate"), win.controller.flow.chat_settings(conv.id), args.language,
                   "zh_CN" if args.language == "en" else "en")
    win.controller.flow.save_chat_settings(conv.id, replace(chat, context_limit=256))
    ui.panel.set_conversation(conv.id)
    ui.meter.plan_ready.connect(lambda _plan: QTimer.singleShot(300, loop.quit))
    win.composer.edit.setPlainText("Where can I buy a SIM card for my phone?")
    loop.exec()
    app.processEvents()

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    shot = app.primaryScreen().grabWindow(0).copy(win.frameGeometry())
    ok = shot.save(str(out))
    print(f"{out}: {'saved' if ok else 'NOT saved'} · meter: {ui.meter.label.text()}")
    win.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
