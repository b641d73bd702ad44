"""Characters a character-level model never saw are named while the message is typed, not only
after it was sent: the context meter above the composer says which ones would be left out, with
the same rule the reply's warning uses (``chatdesk.engine.unknown_chars``). A real nanoGPT
character checkpoint converted by the real converter, the real main window and llama.cpp."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest
from tests_gui_support import make_window

torch = pytest.importorskip("torch", reason="converting .pt checkpoints needs the chatdesk[torch] extra")
sys.path.insert(0, str(Path(__file__).parent / "converters"))
from convtest_support import TinyNanoGPT, _char_meta, save_nanogpt  # noqa: E402

from chatdesk.engine.unknown_chars import left_out_warning, missing_characters  # noqa: E402

TEXT = "To be, or not to be: that is the question.\n"


@pytest.fixture
def char_model(tmp_path) -> str:
    from converters.api import convert

    meta = _char_meta(TEXT)
    folder = tmp_path / "out-tiny"
    folder.mkdir()
    args = dict(n_layer=1, n_head=2, n_embd=32, block_size=128, bias=False, vocab_size=meta["vocab_size"], dropout=0.0)
    save_nanogpt(folder / "ckpt.pt", TinyNanoGPT(1, 2, 32, 128, meta["vocab_size"], bias=False), args,
                 compiled=False, dataset="tiny")
    with open(folder / "meta.pkl", "wb") as fh:
        pickle.dump(meta, fh)
    out = tmp_path / "tiny-f32.gguf"
    convert(folder / "ckpt.pt", out, "f32", name="tiny")
    return str(out)


def test_the_rule():
    assert missing_characters("Zebra 猫!", "ebra") == ("!", "Z", "猫")
    assert missing_characters("to be", "to be") == ()
    many = [chr(0x4E00 + i) for i in range(25)]
    assert str(left_out_warning(many)).endswith(" …") and many[19] in left_out_warning(many)


def test_unknown_characters_are_named_while_typing(qtbot, data_dir, char_model):
    win, store = make_window(qtbot, data_dir, char_model)
    try:
        meter = win.chat_settings.meter
        qtbot.waitUntil(lambda: meter.plan is not None, timeout=30_000)
        assert not meter.unknown.isVisibleTo(win)
        with qtbot.waitSignal(meter.unknown_characters_changed, timeout=30_000) as seen:
            qtbot.keyClicks(win.composer.edit, "to be Zebra ")
            win.composer.edit.insertPlainText("猫")  # what an input method commits (QTest types ASCII only)
        assert seen.args[0] == ["Z", "猫"]  # before anything was sent
        assert meter.unknown.isVisibleTo(win) and "Z 猫" in meter.unknown.text()
        assert win.controller.current_id is None or not store.active_path(win.controller.current_id)

        # Sending it anyway gives the same characters in the reply's warning: one rule.
        with qtbot.waitSignal(win.controller.notice, timeout=60_000) as notice:
            win.composer.send_button.click()
        assert "Z 猫" in notice.args[0]

        # Text the model knows clears the warning.
        qtbot.waitUntil(lambda: win.composer.send_button.isVisible(), timeout=60_000)
        with qtbot.waitSignal(meter.unknown_characters_changed, timeout=30_000) as seen:
            qtbot.keyClicks(win.composer.edit, "to be")
        assert seen.args[0] == [] and not meter.unknown.isVisibleTo(win)
    finally:
        win.close()
        store.close()
