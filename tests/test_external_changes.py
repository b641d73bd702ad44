"""Changes another process makes to the same data folder appear in the open window without a
restart: a chat stored by a separate Python process, a model added by ``chatdesk models add``.
Real window, real SQLite file, real subprocesses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from tests_gui_support import make_window

from chatdesk.library.resolve import entry_key


def test_another_process_s_chat_and_model_show_up(qtbot, data_dir, model_path, tmp_path):
    win, store = make_window(qtbot, data_dir, model_path, start=False)
    try:
        win.refresh_sidebar()
        qtbot.waitUntil(lambda: win.external._signature is not None, timeout=30_000)
        env = {**os.environ, "CHATDESK_HOME": str(data_dir)}
        code = ("from chatdesk import paths; from chatdesk.store import Store; "
                "s = Store(paths.database_path()); c = s.create_conversation('Written elsewhere'); "
                "s.add_message(c.id, 'user', 'hello from another process'); s.close()")
        subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
        titles = lambda: [win.sidebar.list.item(i).text() for i in range(win.sidebar.list.count())]  # noqa: E731
        qtbot.waitUntil(lambda: "Written elsewhere" in titles(), timeout=30_000)

        copy = tmp_path / "another-model.gguf"
        shutil.copyfile(model_path, copy)
        subprocess.run([sys.executable, "-m", "chatdesk", "models", "add", str(copy)], env=env, check=True, timeout=300,
                       capture_output=True)
        from chatdesk.ui.shell.model_actions import actions_of

        picker = actions_of(win).picker
        qtbot.waitUntil(lambda: any(entry_key(e) and os.path.samefile(entry_key(e), copy) for e in picker.entries()
                                    if entry_key(e) and os.path.exists(entry_key(e))), timeout=30_000)
    finally:
        win.close()
        store.close()
