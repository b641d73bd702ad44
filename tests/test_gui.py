"""The real window with the real model, driven by pytest-qt (offscreen)."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from tests_gui_support import make_window

from chatdesk.engine.thread_priority import MODEL_NICE, thread_nice
from chatdesk.store import Status
from chatdesk.ui.app.appearance import highlight_css
from chatdesk.ui.conversation.message_model import SiblingRole


@pytest.fixture
def window(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path)
    yield win
    win.close()
    store.close()


def send(qtbot, win, text):
    qtbot.keyClicks(win.composer.edit, text)
    qtbot.keyClick(win.composer.edit, Qt.Key.Key_Return)


def test_send_streams_reply_and_stores_it(qtbot, window):
    tokens = []
    window.inference.worker.token_received.connect(lambda _rid, t: tokens.append(t))
    with qtbot.waitSignal(window.controller.reply_finished, timeout=60_000) as blocker:
        send(qtbot, window, "Say hello in one sentence.")
        qtbot.waitUntil(lambda: window.composer.stop_button.isVisible(), timeout=5000)
    outcome = blocker.args[0]
    rows = window.chat_view.model_.records()
    assert [r.role for r in rows] == ["user", "assistant"]
    assert rows[0].content == "Say hello in one sentence."
    assert rows[1].content == outcome.result.text and rows[1].content.strip()
    assert rows[1].status == Status.DONE
    assert len(tokens) > 1
    # Every streamed piece reached the window, none lost or doubled, and the reply was shown while it
    # streamed (through the batched repaints), not only when it ended. The bound on the repaint
    # rate is tested on the model itself in test_chat_view.py.
    assert "".join(tokens) == outcome.result.text
    assert window.chat_view.model_.repaints >= 1
    with sqlite3.connect(window.store.path) as raw:
        stored = raw.execute("SELECT role, content, status FROM messages ORDER BY id").fetchall()
    assert stored == [("user", "Say hello in one sentence.", "done"), ("assistant", outcome.result.text, "done")]
    prov = window.store.get_message(rows[1].id).provenance
    assert prov["seed"] == outcome.result.seed and len(prov["model_sha256"]) == 64
    assert prov["chat_template"] == "gguf" and len(prov["chat_template_sha256"]) == 64
    assert prov["sampler"]["max_tokens"] == 48 and prov["n_ctx"] == 4096 and prov["stop_reason"] in ("end", "length")
    assert "tok/s" in window.stats_label.text()
    assert not window.composer.stop_button.isVisible()
    if sys.platform.startswith("linux"):  # the model's thread gives way to the window's
        assert thread_nice(window.inference.worker.native_id) == min(19, thread_nice(threading.get_native_id()) + MODEL_NICE)


def test_shift_enter_inserts_newline_without_sending(qtbot, window):
    qtbot.keyClicks(window.composer.edit, "line one")
    qtbot.keyClick(window.composer.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(window.composer.edit, "line two")
    assert window.composer.edit.toPlainText() == "line one\nline two"
    assert window.chat_view.model_.rowCount() == 0


def test_stop_button_stops_generation(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path, max_tokens=400)
    try:
        with qtbot.waitSignal(win.controller.reply_finished, timeout=60_000) as blocker:
            send(qtbot, win, "Write a very long story about a lighthouse keeper.")
            qtbot.waitUntil(lambda: len(win.controller.active.text if win.controller.active else []) >= 3, timeout=30_000)
            qtbot.mouseClick(win.composer.stop_button, Qt.MouseButton.LeftButton)
        outcome = blocker.args[0]
        assert outcome.result.stop_reason == "user"
        assert outcome.result.completion_tokens < 400
        assert win.chat_view.model_.records()[-1].status == Status.STOPPED
    finally:
        win.close()
        store.close()


def test_ctrl_n_starts_new_conversation(qtbot, window):
    with qtbot.waitSignal(window.controller.reply_finished, timeout=60_000):
        send(qtbot, window, "First chat")
    first = window.controller.current_id
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.current_id != first
    assert window.chat_view.model_.rowCount() == 0
    qtbot.waitUntil(lambda: window.sidebar.list.count() == 2, timeout=2000)
    second = window.controller.current_id
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.current_id == second, "an empty chat is reused, not duplicated"


def test_switching_conversation_during_generation(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path, max_tokens=120)
    try:
        other = store.create_conversation("Other chat")
        store.add_message(other.id, "user", "an older question")
        with qtbot.waitSignal(win.controller.reply_finished, timeout=90_000) as blocker:
            send(qtbot, win, "Count from one to thirty in words.")
            streaming_conv = win.controller.current_id
            qtbot.waitUntil(lambda: win.controller.active is not None and len(win.controller.active.text) >= 2, timeout=30_000)
            win.open_conversation(other.id, None)
            assert [r.content for r in win.chat_view.model_.records()] == ["an older question"]
        # The reply finished in its own conversation; the shown one was not touched.
        assert [r.content for r in win.chat_view.model_.records()] == ["an older question"]
        final = store.active_path(streaming_conv)
        assert final[-1].content == blocker.args[0].result.text and final[-1].status == Status.DONE
        win.open_conversation(streaming_conv, None)
        assert win.chat_view.model_.records()[-1].content == blocker.args[0].result.text
    finally:
        win.close()
        store.close()


def test_closing_during_generation_stops_thread_quickly(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path, max_tokens=500)
    send(qtbot, win, "Write a long essay about rivers.")
    qtbot.waitUntil(lambda: win.controller.active is not None and len(win.controller.active.text) >= 2, timeout=30_000)
    win.close()  # stop, quit, wait: returns once the thread is gone
    assert not win.inference.thread.isRunning()
    msgs = store.messages(store.list_conversations()[0].id)
    # Closing stopped the reply (it did not run on to its 500 tokens) and kept what was written.
    assert msgs[-1].status == Status.STOPPED and msgs[-1].content
    assert msgs[-1].provenance["reply_tokens"] < 500
    store.close()


def test_bad_model_shows_error_banner_and_app_survives(qtbot, data_dir, tmp_path):
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"GGUF" + b"\x00" * 10)
    win, store = make_window(qtbot, data_dir, str(bad), start=False)
    try:
        win.start()
        qtbot.waitUntil(lambda: win.banner.kind == "error", timeout=30_000)  # (a notice may come first)
        assert "broken.gguf" in win.banner.text() and "Traceback" not in win.banner.text()
        assert not win.composer.send_button.isEnabled()
        assert win.model_label.text() == "No model loaded"
    finally:
        win.close()
        store.close()


def test_search_and_open_hit(qtbot, window):
    c = window.store.create_conversation("Llama facts")
    window.store.add_message(c.id, "user", "Tell me about 羊驼 and alpacas")
    window.store.add_message(c.id, "assistant", "Alpacas are smaller than llamas.")
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.search.hasFocus()
    window.sidebar.search.setText("羊驼")
    qtbot.waitUntil(lambda: window.sidebar.mode == "search" and window.sidebar.list.count() == 1, timeout=5000)
    item = window.sidebar.list.item(0)
    label = window.sidebar.list.itemWidget(item)
    assert f'<span style="{highlight_css()}">羊驼</span>' in label.text() and "Llama facts" in label.text()
    window.sidebar.list.itemClicked.emit(item)
    assert window.controller.current_id == c.id
    window.sidebar.search.clear()
    qtbot.waitUntil(lambda: window.sidebar.mode == "list", timeout=5000)


def test_search_shows_the_newest_matches_first_then_the_ranking_of_all(qtbot, window, monkeypatch):
    from chatdesk.store import search_query
    from chatdesk.ui.shell.sidebar import MessageIdRole

    c = window.store.create_conversation("Alpaca notes")
    best = window.store.add_message(c.id, "user", "Alpaca alpaca alpaca!")  # the oldest is the best match
    for i in range(4):
        window.store.add_message(c.id, "assistant", f"Note {i}: a long line that mentions an alpaca once among other words.")
    monkeypatch.setattr(search_query, "RANK_WINDOW", 2)  # the quick pass sees only the two newest
    shown: list[list[int]] = []
    real_show = window.sidebar.show_hits
    monkeypatch.setattr(window.sidebar, "show_hits", lambda hits: (shown.append([h.message_id for h in hits]), real_show(hits)))
    window.sidebar.search.setText("alpaca")
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10_000)
    assert len(shown[0]) == 2 and best.id not in shown[0]  # the quick answer: newest matches only
    assert len(shown[1]) == 5 and shown[1][0] == best.id  # then every match, the best first
    qtbot.waitUntil(lambda: window.sidebar.list.count() == 5, timeout=5000)
    assert window.sidebar.list.item(0).data(MessageIdRole) == best.id


def test_delete_with_undo(qtbot, window):
    c = window.store.create_conversation("to delete")
    window.refresh_sidebar()
    window.delete_conversations([c.id], confirm=False)
    assert window.store.list_conversations() == []
    qtbot.mouseClick(window.notice.action_button, Qt.MouseButton.LeftButton)
    assert [r.id for r in window.store.list_conversations()] == [c.id]


def test_deleting_the_open_chat_from_the_sidebar_asks_empties_the_view_and_undo_brings_it_back(qtbot, window, monkeypatch):
    """The sidebar's Delete asks first; the open chat leaves the screen; Undo puts it back on
    screen; a second deletion closes the first one's Undo offer and deletes it for good."""
    from PySide6.QtWidgets import QMessageBox

    from chatdesk.ui.common.undo import UNDO_SECONDS

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)
    store = window.store
    kept, gone = store.create_conversation("kept"), store.create_conversation("open one")
    store.add_message(gone.id, "user", "hello there")
    window.refresh_sidebar()
    window.open_conversation(gone.id, None)
    qtbot.waitUntil(lambda: window.chat_view.model_.rowCount() == 1, timeout=5000)
    window.sidebar.delete_requested.emit([gone.id])
    assert asked == [f"Delete this chat? You can undo for {UNDO_SECONDS} seconds."]
    assert [c.id for c in store.list_conversations()] == [kept.id]
    assert window.controller.current_id is None and window.chat_view.model_.rowCount() == 0
    assert window.notice.action_button.isVisible()
    qtbot.mouseClick(window.notice.action_button, Qt.MouseButton.LeftButton)
    assert sorted(c.id for c in store.list_conversations()) == sorted([kept.id, gone.id])
    qtbot.waitUntil(lambda: window.controller.current_id == gone.id and window.chat_view.model_.rowCount() == 1, timeout=5000)

    window.sidebar.delete_requested.emit([gone.id])
    window.sidebar.delete_requested.emit([kept.id])  # closes the first deletion's Undo offer
    qtbot.waitUntil(lambda: store.get_conversation(gone.id) is None, timeout=10_000)  # deleted for good
    assert store.get_conversation(kept.id) is not None  # in the trash, Undo still offered
    qtbot.mouseClick(window.notice.action_button, Qt.MouseButton.LeftButton)
    assert [c.id for c in store.list_conversations()] == [kept.id]


def test_export_from_window_runs_in_background(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    c = window.store.create_conversation("Export me")
    window.store.add_message(c.id, "user", "héllo 世界")
    out = tmp_path / "chat.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Web page (HTML) (*.html)"))
    window.export_conversations([c.id])
    qtbot.waitUntil(lambda: "Exported 1 chat" in window.notice.text(), timeout=10_000)
    assert "世界" in out.read_text("utf-8") and out.read_text("utf-8").lstrip().lower().startswith("<!doctype html")


def test_regenerate_same_settings_reproduces_and_siblings_switch(qtbot, window):
    with qtbot.waitSignal(window.controller.reply_finished, timeout=60_000) as first:
        send(qtbot, window, "Give me a name for a cat.")
    original = window.chat_view.model_.records()[-1]
    with qtbot.waitSignal(window.controller.reply_finished, timeout=60_000) as again:
        window.chat_view.action_requested.emit("regenerate_same", original.id)
    rows = window.chat_view.model_.records()
    regenerated = rows[-1]
    assert regenerated.id != original.id and regenerated.parent_id == original.parent_id
    assert again.args[0].result.seed == first.args[0].result.seed
    assert regenerated.content == original.content, "same seed and settings must give the same text"
    model = window.chat_view.model_
    assert model.data(model.index(len(rows) - 1), SiblingRole) == (2, 2)
    window.chat_view.delegate.sibling_step.emit(regenerated.id, -1)
    assert window.chat_view.model_.records()[-1].id == original.id
    assert window.store.get_conversation(window.controller.current_id).active_leaf_id == original.id


def test_continue_an_interrupted_reply(qtbot, window):
    c = window.store.create_conversation("crashed")
    window.store.add_message(c.id, "user", "List the days of the week.")
    partial = window.store.add_message(c.id, "assistant", "Monday, Tuesday,", status=Status.STREAMING)
    assert window.store.mark_interrupted() == [partial.id]
    window.open_conversation(c.id, None)
    with qtbot.waitSignal(window.controller.reply_finished, timeout=60_000):
        window.chat_view.action_requested.emit("continue", partial.id)
    done = window.store.get_message(partial.id)
    assert done.content.startswith("Monday, Tuesday,") and len(done.content) > len("Monday, Tuesday,")
    assert done.status == Status.DONE
    assert len(window.store.messages(c.id)) == 2, "continue extends the same message"


def test_settings_dialog_round_trip_and_plain_format(qtbot, window, data_dir):
    from dataclasses import replace

    from chatdesk.settings import load_settings
    from chatdesk.ui.shell.settings_dialog import SettingsDialog

    plain_model = replace(window.controller.model_info, has_chat_template=False, path="/models/mine.gguf", name="mine")
    dlg = SettingsDialog(window.settings, plain_model, window)
    qtbot.addWidget(dlg)
    dlg.temperature.setValue(1.25)
    dlg.fixed_seed.setChecked(True)
    dlg.seed.setValue(42)
    dlg.mode.setCurrentIndex(1)
    new = dlg.result_settings()
    assert new.sampling.temperature == 1.25 and new.sampling.seed == 42
    assert new.prompt_format_for("/models/mine.gguf").mode == "completion"
    window.apply_settings(new)
    saved = load_settings()
    assert saved.sampling.seed == 42 and saved.prompt_format_for("/models/mine.gguf").mode == "completion"
    assert (data_dir / "settings.json").exists()


def test_a_first_send_stores_shows_and_announces_the_chat_in_separate_turns(qtbot, window):
    """The first message of a new chat is committed, shown, then announced (sidebar, settings
    panel) in three slices of GUI-thread work: a timer that is due runs between them, so the
    window can repaint and take input in between (a zero-delay call ran them back to back)."""
    from PySide6.QtCore import QTimer

    c = window.controller
    model = window.chat_view.model_
    events: list[str] = []
    c.current_changed.connect(lambda _cid: events.append("announced"))
    tick = QTimer()
    tick.setInterval(0)


    def ticked() -> None:  # recorded when what it sees changes (it runs at every turn of the loop)
        seen = f"tick, {model.rowCount()} rows"
        if seen not in events[-1:]:
            events.append(seen)

    tick.timeout.connect(ticked)
    qtbot.waitUntil(lambda: c.model_info is not None, timeout=60_000)
    events.clear()
    tick.start()
    with qtbot.waitSignal(c.reply_finished, timeout=60_000):
        assert c.send("Say hello.")
        events.append("sent")
    tick.stop()
    shown = next(i for i, e in enumerate(events) if e == "tick, 2 rows")
    assert "tick, 0 rows" in events[events.index("sent"):shown], events[:12]
    assert events.index("announced") > shown, events[:12]


def test_long_conversation_opens_off_the_gui_thread(qtbot, window):
    from chatdesk.store.bulk import import_conversations
    from chatdesk.ui.conversation.chat_controller import OPEN_FIRST, SYNC_OPEN_LIMIT
    from chatdesk.ui.conversation.message_model import RecordRole

    n = SYNC_OPEN_LIMIT + 500
    msgs = [
        {"uid": f"m{i}", "parent_uid": f"m{i - 1}" if i else None, "role": "user" if i % 2 == 0 else "assistant",
         "content": f"line {i} 第{i}行", "status": "done", "created_at": float(i)}
        for i in range(n)
    ]
    import_conversations(window.store, [({"uid": "big", "title": "Big", "created_at": 0.0, "updated_at": 1.0, "active_leaf_uid": f"m{n - 1}"}, msgs)])
    big = window.store.list_conversations()[0]
    model = window.chat_view.model_
    shown_first: list[tuple[int, int]] = []  # (messages loaded, rows shown) when the view was filled
    model.modelReset.connect(lambda: shown_first.append((len(model.records()), model.rowCount())))
    window.open_conversation(big.id, None)
    # Returned before the rows arrived: the read happens on the thread pool.
    assert model.rowCount() == 0 and window.notice.isVisible()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    assert model.records()[-1].content == f"line {n - 1} 第{n - 1}行"
    assert not window.notice.isVisible()
    # The newest messages came first; the rest of the path follows, hidden above them.
    assert shown_first[-1][0] == OPEN_FIRST
    qtbot.waitUntil(lambda: len(model.records()) == n, timeout=10_000)
    assert model.records() == window.store.active_path(big.id)
    assert model.rowCount() == shown_first[-1][1] and len(shown_first) == 2  # no reset: nothing moved
    model.show_earlier(n)
    assert model.index(0).data(RecordRole).content == "line 0 第0行"

    # The rest of a chat no longer on screen stays out of the one that is.
    small = window.store.create_conversation("Small")
    window.store.add_message(small.id, "user", "just this")
    window.open_conversation(big.id, None)
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    window.open_conversation(small.id, None)
    qtbot.wait(300)
    assert [r.content for r in model.records()] == ["just this"]


def test_locked_database_on_send_keeps_the_message(qtbot, window):
    blocker = sqlite3.connect(window.store.path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        send(qtbot, window, "Please keep this text")
        qtbot.waitUntil(lambda: window.banner.kind == "error", timeout=15_000)  # (a notice may come first)
    finally:
        blocker.rollback()
        blocker.close()
    assert "locked by another program" in window.banner.text()
    assert window.composer.edit.toPlainText() == "Please keep this text"
    assert window.controller.active is None


def test_export_follows_the_typed_extension_proposes_the_title_and_remembers_the_folder(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from chatdesk.settings import load_settings

    c = window.store.create_conversation("Trip: Kyoto / Osaka?")
    window.store.add_message(c.id, "user", "plan the trip")
    proposed: list[str] = []
    answers = iter([(str(tmp_path / "notes.html"), "Markdown (*.md)"),  # typed .html, Markdown filter left on
                    (str(tmp_path / "notes"), "Plain text (*.txt)")])  # no extension: the chosen format's is added

    def ask(_parent, _title, start, _filters):
        proposed.append(start)
        return next(answers)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    window.export_conversations([c.id])
    qtbot.waitUntil(lambda: "Exported 1 chat" in window.notice.text(), timeout=10_000)
    assert (tmp_path / "notes.html").read_text("utf-8").lstrip().lower().startswith("<!doctype html")  # the typed extension wins
    assert Path(proposed[0]).name == "Trip Kyoto Osaka.md"  # the chat's title, made a safe file name
    window.notice.hide()
    window.export_conversations([c.id])
    qtbot.waitUntil(lambda: "Exported 1 chat" in window.notice.text(), timeout=10_000)
    assert (tmp_path / "notes.txt").is_file() and "plan the trip" in (tmp_path / "notes.txt").read_text("utf-8")
    assert Path(proposed[1]).parent == tmp_path  # the dialog starts in the last export's folder
    assert load_settings().export_folder == str(tmp_path)
