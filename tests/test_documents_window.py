"""Documents in the window: the Documents panel indexes a real folder (with a file that fails),
a chat grounded in that collection cites it with numbered source chips that open the passage, and
an attached file travels with the message and grounds the reply. Real model, real embedding
model, real SQLite files, real widgets (offscreen).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from documents_support import write_pdf
from PySide6.QtWidgets import QApplication
from tests_gui_support import make_window, send_message

from chatdesk.store.attachments import attachments_of
from chatdesk.ui.conversation.source_viewer import SourceViewer
from chatdesk.ui.documents.panel import DocumentsPanel

TIMEOUT_MS = 300_000
FACT = "The capital of the island of Zorbia is Quelta, a harbour town known for its blue lighthouse."


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "zorbia.txt").write_text(FACT + "\n\nZorbia exports dried figs and wool.", encoding="utf-8")
    (folder / "茶.md").write_text("# 茶\n\n乌龙茶是一种半发酵的茶，产于福建和台湾。", encoding="utf-8")
    write_pdf(folder / "broken.pdf", ["a secret page"], user_password="pw")  # encrypted: it cannot be read
    return folder


def test_the_panel_indexes_a_folder_and_lists_what_failed(qtbot, data_dir, tmp_path):
    folder = _folder(tmp_path)
    panel = DocumentsPanel()
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.collections_changed, timeout=60_000):
        panel.create_collection("notes", [str(folder)])
    qtbot.waitUntil(lambda: panel.current_name() == "notes" and panel.index_button.isEnabled(), timeout=60_000)
    assert [panel.roots.item(i).text() for i in range(panel.roots.count())] == [str(folder)]
    panel.start_indexing()
    assert panel.cancel_button.isEnabled() and not panel.index_button.isEnabled()
    qtbot.waitUntil(lambda: panel.job is None, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: panel.failures.count() == 1, timeout=60_000)
    assert "broken.pdf" in panel.failures.item(0).text()
    info = panel._infos["notes"]
    assert info.files == 3 and info.indexed == 2 and info.failed == 1 and info.chunks >= 2
    assert "2 indexed" in panel.summary.text()


@pytest.fixture
def window(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path, max_tokens=40)
    yield win
    win.close()
    store.close()


def test_a_chat_grounded_in_a_collection_cites_it_and_the_chip_opens_the_passage(qtbot, window, tmp_path):
    folder = _folder(tmp_path)
    panel = window.documents.show()
    with qtbot.waitSignal(panel.collections_changed, timeout=60_000):
        panel.create_collection("notes", [str(folder)])
    qtbot.waitUntil(lambda: panel.current_name() == "notes", timeout=60_000)
    panel.start_indexing()
    qtbot.waitUntil(lambda: panel.job is None, timeout=TIMEOUT_MS)
    panel.close()
    # The chat settings panel offers the collection; checking it grounds this chat's replies.
    settings_panel = window.chat_settings.panel
    qtbot.waitUntil(lambda: any(settings_panel.collections_list.item(i).text() == "notes"
                                for i in range(settings_panel.collections_list.count())), timeout=30_000)
    window.new_conversation()
    conv = window.controller.current_id
    flow = window.controller.flow
    flow.save_chat_settings(conv, replace(flow.chat_settings(conv), collections=("notes",)))
    with qtbot.waitSignal(window.controller.reply_finished, timeout=TIMEOUT_MS) as done:
        send_message(qtbot, window, "What is the capital of Zorbia?")
    reply = window.store.get_message(done.args[0].job.assistant_message_id)
    sources = reply.provenance["sources"]
    assert sources and sources[0]["path"].endswith("zorbia.txt") and "Quelta" in sources[0]["text"]
    assert reply.provenance["grounding"]
    # The reply shows numbered chips; the first opens the passage, highlighted in its file.
    rows = window.chat_view.model_.records()
    shown = next(r for r in rows if r.id == reply.id)
    from chatdesk.ui.conversation.message_body import sources_html

    assert 'href="chatdesk-source:1"' in sources_html(shown)
    window.view_wiring.show_source(reply.id, 1)
    viewer = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SourceViewer))
    qtbot.waitUntil(lambda: "Quelta" in viewer.text.toPlainText() and "figs" in viewer.text.toPlainText(), timeout=30_000)
    assert not viewer.note.isVisible() and viewer.open_button.isEnabled()
    assert "Quelta" in viewer.text.textCursor().selectedText()  # the cited passage is selected and in view
    viewer.close()


def test_an_attached_file_travels_with_the_message_and_grounds_the_reply(qtbot, window, tmp_path):
    doc = tmp_path / "memo.txt"
    doc.write_text("Memo: the team meeting moves to Thursday at 10:00 in room B.", encoding="utf-8")
    window.composer.add_attachments([str(doc)])
    assert window.composer.attached.isVisible() and "memo.txt" in window.composer.attached.text()
    with qtbot.waitSignal(window.controller.reply_finished, timeout=TIMEOUT_MS) as done:
        send_message(qtbot, window, "When is the meeting?")
    assert window.composer.attachments() == [] and not window.composer.attached.isVisible()
    job = done.args[0].job
    reply = window.store.get_message(job.assistant_message_id)
    user_id = reply.parent_id
    stored = attachments_of(window.store, [user_id])[user_id]
    assert [a.name for a in stored] == ["memo.txt"]
    assert reply.provenance["attachment_mode"] == "whole"
    assert "Thursday" in job.plan.request.messages[-1].content  # the model saw the file
    assert window.store.get_message(user_id).content == "When is the meeting?"  # the stored turn is what was typed


def test_an_unreadable_attachment_is_said_and_the_message_is_kept(qtbot, window, tmp_path):
    bad = tmp_path / "image.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    window.composer.add_attachments([str(bad)])
    with qtbot.waitSignal(window.inference.worker.generation_failed, timeout=TIMEOUT_MS) as done:
        send_message(qtbot, window, "What is in this picture?")
    outcome = done.args[0]
    assert outcome.result is None and "image.png" in (outcome.finished.error or "")
    qtbot.waitUntil(lambda: window.banner.isVisible() and "image.png" in window.banner.text(), timeout=10_000)
    assert not window.controller.busy  # the window can send again
    user = window.store.get_message(window.store.get_message(outcome.job.assistant_message_id).parent_id)
    assert user.content == "What is in this picture?"
