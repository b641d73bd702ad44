"""The first five minutes: the first start says what the demo model is and offers recommended
models; "Download and use" goes through the real resumable download (the local Hub stand-in) and
switches to the model; Chinese sent to the English-only demo is said once, before the reply, with
the way to a model that speaks it. Real window, real model, real SQLite file.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tests_gui_support import make_window, send_message

from chatdesk.settings import load_settings
from chatdesk.ui.welcome.dialog import WelcomeDialog

TIMEOUT_MS = 300_000


@pytest.fixture
def window(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path)
    yield win
    win.close()
    store.close()


def test_first_start_offers_a_model_and_download_and_use_switches_to_it(qtbot, window, hub, model_path):
    qtbot.waitUntil(lambda: window.notice.isVisible() and window.notice.topic == "welcome", timeout=60_000)
    assert "135M" in window.notice.text() and window.notice.action_button.isVisible()
    window.notice.action_button.click()
    dlg = window.welcome.dialog
    assert isinstance(dlg, WelcomeDialog) and dlg.isVisible()
    suggestions = dlg.suggestions()
    assert len(suggestions) >= 3 and {"zh", "en"} <= set(suggestions[0].model.languages)
    assert all(s.model.size_bytes > 0 and s.model.memory_bytes > s.model.size_bytes for s in suggestions)
    rec = suggestions[0].model
    hub.add_repo(rec.repo_id, {rec.filename: Path(model_path)})  # the stand-in serves a real GGUF under that name
    dlg.buttons[rec.key].click()
    qtbot.waitUntil(lambda: window.controller.model_info is not None and Path(window.controller.model_info.path).name == rec.filename,
                    timeout=TIMEOUT_MS)
    assert load_settings().welcome_done  # the first-start offer is not made again
    assert window.store.get_conversation(window.controller.current_id).model_path == window.controller.model_info.path


def test_no_offer_once_it_was_answered(qtbot, data_dir, model_path):
    from chatdesk.settings import AppSettings

    win, store = make_window(qtbot, data_dir, model_path)
    try:
        win.set_settings(replace(win.settings, welcome_done=True))
        second = type(win)(store, replace(AppSettings(), welcome_done=True), model_path)
        qtbot.addWidget(second)
        qtbot.waitUntil(lambda: bool(second.session.library), timeout=60_000)
        assert second.notice.topic != "welcome"
        second.close()
    finally:
        win.close()
        store.close()


def test_chinese_to_the_english_only_demo_is_said_once_with_the_way_out(qtbot, window):
    qtbot.waitUntil(lambda: window.language_warning.languages is not None, timeout=60_000)
    with qtbot.waitSignal(window.controller.reply_finished, timeout=TIMEOUT_MS):
        send_message(qtbot, window, "用一句话解释什么是注意力机制。")
    assert window.notice.isVisible() and "Chinese" in window.notice.text() and "does not speak" in window.notice.text()
    with qtbot.waitSignal(window.requests.choose_model, timeout=5000) as asked:
        window.notice.action_button.click()
    assert asked.args == ["zh"]
    dlg = window.welcome.dialog
    assert "zh" in dlg.suggestions()[0].model.languages  # the models that speak Chinese come first
    dlg.close()
    window.notice.hide()
    with qtbot.waitSignal(window.controller.reply_finished, timeout=TIMEOUT_MS):
        send_message(qtbot, window, "再说一遍。")
    assert not (window.notice.isVisible() and "does not speak" in window.notice.text())  # said once per chat


def test_chinese_sent_before_the_models_languages_are_read_is_still_said(qtbot, data_dir, model_path, monkeypatch):
    """The languages are read in the background after a load; a message sent in that moment is
    checked when they arrive, so the warning still comes with the reply."""
    import threading

    from chatdesk.library import languages as languages_mod
    from chatdesk.ui.shell import language_warning as language_warning_mod

    release = threading.Event()

    def slow(**kwargs):
        release.wait(120)
        return languages_mod.model_languages(**kwargs)

    monkeypatch.setattr(language_warning_mod, "model_languages", slow)
    win, store = make_window(qtbot, data_dir, model_path)
    try:
        assert win.language_warning.languages is None
        send_message(qtbot, win, "用一句话解释什么是注意力机制。")
        qtbot.wait(200)
        assert not (win.notice.isVisible() and "does not speak" in win.notice.text())
        release.set()
        qtbot.waitUntil(lambda: win.notice.isVisible() and "does not speak" in win.notice.text(), timeout=60_000)
        win.controller.stop()
    finally:
        release.set()
        win.close()
        store.close()
