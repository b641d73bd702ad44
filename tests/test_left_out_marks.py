"""Messages left out of the model's context are marked in the conversation, as the context
meter's tooltip promises: before sending (what the next request would leave out, the meter's
plan) and after (what a written reply's request left out, from its provenance), dimmed with a
caption in the header and said in the accessible text. Real window, real llama.cpp model, real
SQLite file; a long conversation under a small per-chat context limit."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from tests_gui_support import make_window

from chatdesk.chat.context_plan import sent_left_out
from chatdesk.ui.conversation.message_delegate import header_note
from chatdesk.ui.conversation.message_model import DroppedRole, LeftOutRole

CAPTION = "Left out of the model's context"


def long_chat(win, model_path: str, turns: int, limit: int) -> int:
    store, flow = win.store, win.controller.flow
    conv = flow.new_conversation(model_path)
    parent = None
    for i in range(turns):
        u = store.add_message(conv.id, "user", f"Question Q{i:02d}: tell me about the number {i} and its friends.", parent_id=parent)
        a = store.add_message(conv.id, "assistant", f"Answer A{i:02d}: the number {i} is a fine number with many friends.", parent_id=u.id)
        parent = a.id
    flow.save_chat_settings(conv.id, replace(flow.chat_settings(conv.id), context_limit=limit))
    return conv.id


def marked(win) -> list[int]:
    """The loaded messages marked as left out (shown rows and the older ones loaded above them)."""
    return win.chat_view.model_.left_out()


def row_index(win, message_id: int):
    model = win.chat_view.model_
    row = model.reveal(message_id)  # scrolled to, as a user would
    assert row >= 0
    return model.index(row)


def test_left_out_messages_are_marked_before_and_after_sending(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path, max_tokens=8)
    try:
        meter = win.chat_settings.meter
        conv_id = long_chat(win, model_path, 30, 512)
        win.open_conversation(conv_id, None)
        draft = "Now tell me about the number 30."
        win.composer.edit.setPlainText(draft)
        qtbot.waitUntil(lambda: meter.plan is not None and meter.plan.draft == draft and meter.plan.conversation_id == conv_id,
                        timeout=60_000)
        planned = list(meter.plan.left_out)
        assert len(planned) > 10

        # Before sending: exactly the planned messages are marked, in the list and the accessible text.
        qtbot.waitUntil(lambda: marked(win) == planned, timeout=10_000)
        path = store.active_path(conv_id)
        kept = [m.id for m in path if m.id not in planned]
        first_left, first_kept = row_index(win, planned[-1]), row_index(win, kept[0])
        assert first_left.data(LeftOutRole) and not first_kept.data(LeftOutRole)
        assert CAPTION in first_left.data(Qt.ItemDataRole.AccessibleDescriptionRole)
        assert CAPTION in header_note(first_left)
        assert CAPTION not in first_kept.data(Qt.ItemDataRole.AccessibleDescriptionRole)
        assert CAPTION not in header_note(first_kept)
        # The live text over the current message is as faint as the painted row.
        view = win.chat_view
        model = view.model_
        row_index(win, planned[-1])
        view.setFocus()
        qtbot.waitUntil(view.hasFocus, timeout=5000)
        view.setCurrentIndex(model.index(model.row_of(planned[-1])))
        qtbot.keyClick(view, Qt.Key.Key_Down)  # the keyboard moves to the next (kept) message...
        qtbot.waitUntil(lambda: view.reader.record is not None and view.reader.record.id == kept[0], timeout=5000)
        assert view.reader.graphicsEffect() is None
        qtbot.keyClick(view, Qt.Key.Key_Up)  # ...and back to the left-out one
        qtbot.waitUntil(lambda: view.reader.record is not None and view.reader.record.id == planned[-1], timeout=5000)
        assert view.reader.graphicsEffect() is not None and view.reader.graphicsEffect().opacity() < 1

        # Sending: the reply's request leaves out what the meter said it would.
        with qtbot.waitSignal(win.controller.reply_finished, timeout=120_000):
            qtbot.keyClick(win.composer.edit, Qt.Key.Key_Return)
        path = store.active_path(conv_id)
        reply = path[-1]
        dropped = reply.provenance["dropped_messages"]
        assert reply.role == "assistant" and dropped > 0
        after = list(sent_left_out(path, len(path) - 1))
        assert after == planned
        reply_index = row_index(win, reply.id)
        assert reply_index.data(DroppedRole) == dropped
        assert f"Earlier messages left out of this reply's context: {dropped}" in header_note(reply_index)
        assert "left out of this reply's context" in reply_index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
        qtbot.waitUntil(lambda: set(planned) <= set(marked(win)), timeout=10_000)

        # After reopening, the written reply's marks come from its provenance alone (no meter yet).
        win.chat_view.model_.set_left_out_next([])
        win.open_conversation(conv_id, None)
        assert set(planned) <= set(win.chat_view.model_.left_out())
        assert not win.chat_view.model_.is_left_out(path[-2].id)  # the question it answered was read
    finally:
        win.close()


def test_nothing_is_marked_when_everything_fits(qtbot, data_dir, model_path):
    win, _store = make_window(qtbot, data_dir, model_path, max_tokens=8)
    try:
        meter = win.chat_settings.meter
        conv_id = long_chat(win, model_path, 2, 4096)
        win.open_conversation(conv_id, None)
        qtbot.waitUntil(lambda: meter.plan is not None and meter.plan.conversation_id == conv_id, timeout=60_000)
        assert marked(win) == [] and meter.plan.left_out == ()
        model = win.chat_view.model_
        assert all(CAPTION not in header_note(model.index(r)) for r in range(model.rowCount()))
    finally:
        win.close()
