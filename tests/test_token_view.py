"""Token probabilities in the conversation view (issue #10): alignment, shading, the alternatives.

The pure-GUI tests store a token record with a real Store (the shape the recorder writes) and let
the view read it back through ``load_message_tokens``; the last test makes a real reply with the
bundled model in the real window and branches it at a token.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from chatdesk.chat.token_record import decode, encode
from chatdesk.engine.types import TokenAlt, TokenProb
from chatdesk.store import Status, Store
from chatdesk.store.message_tokens import load_message_tokens, save_message_tokens
from chatdesk.ui.conversation.chat_view import ChatView
from chatdesk.ui.conversation.message_delegate import body_width
from chatdesk.ui.conversation.token_view import MAX_ALPHA, align, shade_colour

SAMPLER = {"temperature": 0.7, "top_p": 0.95, "top_k": 40, "min_p": 0.05, "repeat_penalty": 1.1, "max_tokens": 64, "seed": 42}
PIECES = ["Here", " is", " **", "bold", "**", " text", " and", " a", " [", "link", "](", "https", "://", "example",
          ".com", ")", ".\n\n", "```", "python", "\n", "x", " =", " 1", "\n", "```", "\n\n", "Done", "."]
PROBS = [0.9, 0.8, 0.6, 0.05, 0.7, 0.85, 0.95, 0.5, 0.4, 0.3, 0.9, 0.99, 0.99, 0.6, 0.9, 0.9, 0.7, 0.8, 0.9,
         0.95, 0.2, 0.7, 0.6, 0.9, 0.95, 0.8, 0.75, 0.9]


def tokens_for(pieces: list[str], probs: list[float]) -> list[TokenProb]:
    out, end = [], 0
    for i, (text, p) in enumerate(zip(pieces, probs, strict=True)):
        end += len(text)
        alts = (TokenAlt(100 + i, text, p),) + tuple(TokenAlt(1000 + 10 * i + k, f" alt{k}", (1 - p) / (k + 2)) for k in range(7))
        out.append(TokenProb(100 + i, text, p, end, alts))
    return out


@pytest.fixture
def stored(store):
    """A conversation whose reply has a stored token record, as the recorder saves it."""
    c = store.create_conversation()
    user = store.add_message(c.id, "user", "Show me")
    reply = store.add_message(c.id, "assistant", "".join(PIECES))
    save_message_tokens(store, reply.id, encode(tokens_for(PIECES, PROBS), SAMPLER))
    return store, c, user, reply


def open_view(qtbot, store: Store, conversation_id: int) -> ChatView:  # type: ignore[no-untyped-def]
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=5000)
    view.tokens.loader = lambda message_id: load_message_tokens(store, message_id)
    view.show_messages(store.active_path(conversation_id), store.sibling_info(conversation_id))
    qtbot.waitUntil(lambda: view.visualRect(view.model_.index(view.model_.rowCount() - 1)).isValid(), timeout=5000)
    return view


def shading(view: ChatView, row: int):  # type: ignore[no-untyped-def]
    rec = view.model_.records()[row]
    body = view.delegate.body(rec, body_width(view.visualRect(view.model_.index(row)).width()), view.font())
    return view.delegate.shading(rec, body), body


def hover_token(qtbot, view: ChatView, text: str) -> None:  # type: ignore[no-untyped-def]
    """Move the mouse onto ``text`` in the reply's text (the reader is laid over it first)."""
    rect = view.visualRect(view.model_.index(1))
    qtbot.mouseMove(view.viewport(), rect.center() + QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), rect.center())
    qtbot.waitUntil(lambda: view.reader.isVisible() and view.reader.record.role == "assistant", timeout=2000)
    cursor = view.reader.textCursor()
    cursor.setPosition(view.reader.document().toPlainText().index(text) + 1)
    point = view.reader.cursorRect(cursor).center()
    qtbot.mouseMove(view.reader.viewport(), point + QPoint(1, 0))
    qtbot.mouseMove(view.reader.viewport(), point)


# ------------------------------------------------------------------ alignment
def test_alignment_finds_each_source_character_in_the_rendered_text():
    source = "Some **bold** and `code`.\n\n- item one\n- item [two](https://example.com)\n\n```python\nx = 1\n```"
    rendered = "Some bold and code.\nitem one\nitem two\npython\nCopy\nx = 1"
    runs = align(source, rendered)
    mapping = {s + k: d + k for s, d, n in runs for k in range(n)}
    for word in ("bold", "code", "item one", "two", "x = 1"):
        s, d = source.index(word), rendered.index(word)
        assert [mapping.get(s + k) for k in range(len(word))] == list(range(d, d + len(word))), word
    assert all(source[s:s + n] == rendered[d:d + n] or source[s:s + n].isspace() for s, d, n in runs)


def test_alignment_of_plain_text_is_the_identity_and_is_linear():
    text = " ".join(random.Random(1).choice(["alpha", "beta", "gamma", "delta"]) for _ in range(5000))
    assert align(text, text) == [(0, 0, len(text))]


# ------------------------------------------------------------------ shading
def test_a_reply_with_stored_tokens_is_shaded_by_probability(qtbot, stored):
    store, c, _user, reply = stored
    view = open_view(qtbot, store, c.id)
    assert shading(view, 1)[0] is None  # off by default
    view.set_probabilities_visible(True)
    qtbot.waitUntil(lambda: view.tokens.get(reply.id) is not None, timeout=5000)
    shade, body = shading(view, 1)
    assert shade is not None
    selections = shade(0, 0, body.document().characterCount())
    shown = {s.cursor.selectedText(): s.format.background().color().alphaF() for s in selections}
    # Words land on the rendered words; markup tokens ("**", "```", "](") have nothing to shade.
    for word in ("Here", " is", "bold", " text", "link", "python", "x", " =", " 1", "Done"):
        assert word in shown, (word, sorted(shown))
    assert "**" not in shown and "```" not in shown
    assert shown["bold"] > shown[" text"] > shown[" and"]  # p 0.05 < 0.85 < 0.95: less likely, stronger
    assert shown["bold"] == pytest.approx(MAX_ALPHA * 0.95 + 0.06 * 0.05, abs=0.05)


def test_shading_is_painted_and_goes_away_when_switched_off(qtbot, stored):
    store, c, _user, reply = stored
    view = open_view(qtbot, store, c.id)
    qtbot.mouseMove(view.viewport(), QPoint(4, view.viewport().height() - 4))  # no reader over the reply
    # "Plain" is taken after the same switch-off path the end of the test takes, once the view's
    # overlays (the action bar of the current reply) have settled: two grabs in a row agree.
    view.set_probabilities_visible(False)
    frames = [view.viewport().grab().toImage()]

    def settled() -> bool:
        frames.append(view.viewport().grab().toImage())
        return frames[-1] == frames[-2]

    qtbot.wait(300)
    qtbot.waitUntil(settled, timeout=5000)
    plain = frames[-1]
    view.set_probabilities_visible(True)
    qtbot.waitUntil(lambda: view.tokens.get(reply.id) is not None, timeout=5000)
    qtbot.waitUntil(lambda: view.viewport().grab().toImage() != plain, timeout=5000)
    view.set_probabilities_visible(False)
    qtbot.waitUntil(lambda: view.viewport().grab().toImage() == plain, timeout=5000)


def test_the_reader_keeps_the_shading_while_text_is_selectable(qtbot, stored):
    store, c, _user, reply = stored
    view = open_view(qtbot, store, c.id)
    view.set_probabilities_visible(True)
    qtbot.waitUntil(lambda: view.tokens.get(reply.id) is not None, timeout=5000)
    hover_token(qtbot, view, "bold")
    qtbot.waitUntil(lambda: len(view.reader.extraSelections()) > 10, timeout=2000)
    assert "bold" in {s.cursor.selectedText() for s in view.reader.extraSelections()}


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_shading_keeps_text_readable_in_light_and_dark_palettes(qtbot, theme):
    pal = QPalette(QGuiApplication.palette())
    if theme == "dark":
        for role, colour in ((QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#e6e6e6"),
                             (QPalette.ColorRole.Highlight, "#2f65ca")):
            pal.setColor(role, QColor(colour))

    def luminance(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
    shade = shade_colour(0.0, pal)  # the strongest shade
    a = shade.alphaF()
    blended = QColor.fromRgbF(*(a * getattr(shade, f)() + (1 - a) * getattr(base, f)() for f in ("redF", "greenF", "blueF")))
    hi, lo = sorted((luminance(blended), luminance(text)), reverse=True)
    assert (hi + 0.05) / (lo + 0.05) >= 4.5
    assert shade_colour(1.0, pal).alphaF() < shade_colour(0.5, pal).alphaF() < a


# ------------------------------------------------------------------ the alternatives
def test_hovering_a_token_shows_its_alternatives_and_the_sampler_and_picking_one_emits(qtbot, stored):
    store, c, _user, reply = stored
    view = open_view(qtbot, store, c.id)
    view.set_probabilities_visible(True)
    qtbot.waitUntil(lambda: view.tokens.get(reply.id) is not None, timeout=5000)
    hover_token(qtbot, view, "bold")
    qtbot.waitUntil(view.popup.isVisible, timeout=3000)
    index = PIECES.index("bold")
    assert view.popup.token_index == index and "“bold”" in view.popup.title.text() and "5.0 %" in view.popup.title.text()
    alternatives = view.popup.alternatives
    assert alternatives.count() >= 5
    assert "(chosen)" in alternatives.item(0).text() and "“ alt0”" in alternatives.item(1).text()
    assert "5.0 %" in alternatives.item(0).text()
    sampler = view.popup.sampler.text()
    assert "temperature 0.7" in sampler and "top-k 40" in sampler and "seed 42" in sampler
    with qtbot.waitSignal(view.alternative_picked, timeout=2000) as sig:
        qtbot.mouseClick(alternatives.viewport(), Qt.MouseButton.LeftButton,
                         pos=alternatives.visualItemRect(alternatives.item(1)).center())
    assert sig.args == [reply.id, index, 1000 + 10 * index]
    assert not view.popup.isVisible()


def test_the_same_token_shows_again_after_the_pointer_went_elsewhere(qtbot, stored):
    store, c, _user, reply = stored
    view = open_view(qtbot, store, c.id)
    view.set_probabilities_visible(True)
    qtbot.waitUntil(lambda: view.tokens.get(reply.id) is not None, timeout=5000)
    hover_token(qtbot, view, "bold")
    qtbot.waitUntil(view.popup.isVisible, timeout=3000)
    cursor = view.reader.textCursor()
    cursor.setPosition(view.reader.document().toPlainText().index("bold") + 1)
    on_bold = view.reader.mapTo(view.viewport(), view.reader.cursorRect(cursor).center())
    user_row = view.visualRect(view.model_.index(0))
    qtbot.mouseMove(view.viewport(), user_row.center())  # over the user's message: the reader moves there
    qtbot.waitUntil(lambda: not view.popup.isVisible() and view.reader.record.role == "user", timeout=3000)
    qtbot.mouseMove(view.viewport(), on_bold)  # straight back onto the same token
    qtbot.waitUntil(lambda: view.reader.record.role == "assistant", timeout=3000)
    qtbot.mouseMove(view.reader.viewport(), view.reader.mapFrom(view.viewport(), on_bold) + QPoint(1, 0))
    qtbot.waitUntil(view.popup.isVisible, timeout=3000)
    assert view.popup.token_index == PIECES.index("bold")


def test_keyboard_caret_on_a_token_shows_it_and_enter_picks_an_alternative(qtbot, stored):
    store, c, _user, reply = stored
    view = open_view(qtbot, store, c.id)
    view.set_probabilities_visible(True)
    qtbot.waitUntil(lambda: view.tokens.get(reply.id) is not None, timeout=5000)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # the caret goes into the reply's text
    qtbot.waitUntil(view.reader.hasFocus, timeout=2000)
    for _ in range(len("Here is bo")):
        qtbot.keyClick(view.reader, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: view.popup.isVisible() and view.popup.token_index == PIECES.index("bold"), timeout=2000)
    qtbot.keyClick(view.reader, Qt.Key.Key_Return)  # into the alternatives
    assert QApplication.focusWidget() is view.popup.alternatives and view.popup.alternatives.currentRow() == 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    with qtbot.waitSignal(view.alternative_picked, timeout=2000) as sig:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    index = PIECES.index("bold")
    assert sig.args == [reply.id, index, 1000 + 10 * index + 1]


def test_probabilities_survive_a_restart(qtbot, stored, data_dir):
    store, c, _user, reply = stored
    store.close()
    again = Store(data_dir / "chatdesk.sqlite3")
    try:
        view = open_view(qtbot, again, c.id)
        view.set_probabilities_visible(True)
        qtbot.waitUntil(lambda: view.tokens.get(reply.id) is not None, timeout=5000)
        assert view.tokens.get(reply.id).sampler == SAMPLER
        assert shading(view, 1)[0] is not None
    finally:
        again.close()


def test_the_toggle_is_a_signal_and_a_menu_action(qtbot, stored):
    store, c, _user, _reply = stored
    view = open_view(qtbot, store, c.id)
    with qtbot.waitSignal(view.probabilities_toggled, timeout=2000) as sig:
        view.probabilities_action.trigger()
    assert sig.args == [True] and view.probabilities_visible()
    with qtbot.assertNotEmitted(view.probabilities_toggled):
        view.set_probabilities_visible(False)  # the window showing a chat's setting is not a user toggle
    assert not view.probabilities_action.isChecked()


# ------------------------------------------------------------------ the real model, the real window
def test_real_reply_probabilities_hover_and_branch_at_a_token(qtbot, data_dir, model_path):
    from tests_gui_support import make_window

    window, store = make_window(qtbot, data_dir, model_path, max_tokens=24)
    view = window.chat_view
    view.probabilities_action.trigger()  # the user turns the chat's probability view on
    cid = window.controller.current_id
    assert cid is not None and window.controller.flow.chat_settings(cid).show_probabilities
    with qtbot.waitSignal(window.controller.reply_finished, timeout=120_000) as done:
        window.controller.send("Name three colours.")
    reply = done.args[0].finished.record
    assert reply.status == Status.DONE and reply.content
    record = load_message_tokens(store, reply.id)
    tokens = decode(record)
    assert tokens and all(len(t.alternatives) >= 5 for t in tokens)
    assert record["sampler"]["temperature"] == window.settings.sampling.temperature
    qtbot.waitUntil(lambda: view.model_.records()[-1].status == Status.DONE, timeout=5000)
    shade, body = shading(view, view.model_.rowCount() - 1)
    assert shade is not None and shade(0, 0, body.document().characterCount())

    # Hover the first token shown in the reply's text and branch there with another token.
    rect = view.visualRect(view.model_.index(view.model_.rowCount() - 1))
    qtbot.mouseMove(view.viewport(), rect.center() + QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), rect.center())
    qtbot.waitUntil(lambda: view.reader.isVisible() and view.reader.record.id == reply.id, timeout=3000)
    qtbot.waitUntil(lambda: view.token_layout(view.reader.record, view.reader.body) is not None, timeout=5000)
    lo, hi, shown_index = view.token_layout(view.reader.record, view.reader.body).spans(0)[1][0]
    assert view.reader.document().toPlainText()[lo:hi].strip() in tokens[shown_index].text
    cursor = view.reader.textCursor()
    cursor.setPosition(lo + (1 if hi - lo > 1 else 0))
    qtbot.mouseMove(view.reader.viewport(), view.reader.cursorRect(cursor).center() + QPoint(0, 1))
    qtbot.mouseMove(view.reader.viewport(), view.reader.cursorRect(cursor).center())
    qtbot.waitUntil(view.popup.isVisible, timeout=3000)
    index = view.popup.token_index
    assert index == shown_index
    shown_ids = view.popup.token_ids()
    assert len(shown_ids) >= 5 and "temperature" in view.popup.sampler.text()
    assert shown_ids == [a.token_id for a in tokens[index].alternatives]
    alt = next(a for a in tokens[index].alternatives if a.token_id != tokens[index].token_id)
    item = view.popup.alternatives.item(shown_ids.index(alt.token_id))
    with qtbot.waitSignal(window.controller.reply_finished, timeout=120_000) as branched:
        qtbot.mouseClick(view.popup.alternatives.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.popup.alternatives.visualItemRect(item).center())
    new = branched.args[0].finished.record
    assert new.id != reply.id and new.parent_id == reply.parent_id
    kept = reply.content[:tokens[index - 1].end] if index else ""
    assert new.content.startswith(kept + alt.text)
    assert store.sibling_info(cid)[new.id] == (2, 2)
    assert decode(load_message_tokens(store, new.id))[index].token_id == alt.token_id
