"""Sentences from the Qt-free layers reach the Chinese window in Chinese, and stay English elsewhere.

ggufcheck, the engine, the store, the library ... raise exceptions built with
``translatable.msg``: a ``str`` holding the English sentence, plus its template and params. The
window shows them through ``chatdesk.ui.i18n.localized``. Real components: a truncated copy of
the bundled GGUF, a real SQLite file locked by a second connection, the real main window.
"""

from __future__ import annotations

import copy
import importlib.util
import pickle
import re
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QInputDialog
from tests_gui_support import make_window
from ui_walk_support import english_left

import ggufcheck
from chatdesk.store.errors import DatabaseLockedError, humanize
from chatdesk.ui import i18n
from chatdesk.ui.i18n import localized
from translatable import msg, text_of

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")


def _tool():
    spec = importlib.util.spec_from_file_location("i18n_tool_messages", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_tool_messages"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


i18n_tool = _tool()


@pytest.fixture
def chinese(qapp):
    before = QLocale()
    installed = i18n.install(qapp, "zh_CN")
    yield installed
    i18n.uninstall(qapp)
    QLocale.setDefault(before)


@pytest.fixture
def truncated_model(model_path, tmp_path):
    """A copy of the bundled model cut in half, as an interrupted download leaves it."""
    cut = tmp_path / "截断的模型.gguf"
    with open(model_path, "rb") as src, open(cut, "wb") as dst:
        size = Path(model_path).stat().st_size
        dst.write(src.read(size // 2))
    return cut


def _no_english(text: str) -> list[str]:
    """English words left once quoted data (tensor names, file names) is set aside."""
    return english_left(re.sub(r"'[^']*'", " ", text))


# ------------------------------------------------------------------------------ the value
def test_a_text_is_its_english_sentence_and_keeps_template_and_params():
    inner = msg("the number of layers")
    t = msg("{file} lacks {key} ({needed}).", file="m.gguf", key="llama.block_count", needed=inner)
    assert t == "m.gguf lacks llama.block_count (the number of layers)."
    assert isinstance(t, str) and t.template == "{file} lacks {key} ({needed})." and t.params["needed"] is inner
    assert str(ValueError(t)) == t and type(str(t)) is str
    for again in (pickle.loads(pickle.dumps(t)), copy.deepcopy(t)):
        assert again == t and again.template == t.template and again.params["needed"].template == inner.template
    assert msg("no params {{braces}}") == "no params {braces}"
    err = RuntimeError(t)
    assert text_of(err) is t and text_of(RuntimeError("plain")) == "plain"
    assert (t + "!").__class__ is str, "a new string is plain: build whole sentences with one msg()"


def test_localized_leaves_english_and_plain_strings_alone(qapp):
    err = humanize(sqlite3.OperationalError("database is locked"), "/data/chatdesk.sqlite3")
    assert localized(err) == str(err) and "locked by another program" in localized(err)
    assert localized("already a plain sentence") == "already a plain sentence"
    assert localized(OSError(2, "No such file")) == str(OSError(2, "No such file"))


def test_a_store_error_reads_in_chinese(chinese):
    err = humanize(sqlite3.OperationalError("database is locked"), "/data/chatdesk.sqlite3")
    assert isinstance(err, DatabaseLockedError) and "locked by another program" in str(err)  # the CLI's words
    shown = localized(err)
    assert "/data/chatdesk.sqlite3" in shown and CJK.search(shown) and not english_left(shown), shown


def test_a_ggufcheck_refusal_reads_in_chinese(chinese, truncated_model):
    with pytest.raises(ggufcheck.GGUFCheckError) as caught:
        ggufcheck.check(truncated_model)
    assert "is truncated" in str(caught.value) or "damaged or truncated" in str(caught.value)
    shown = localized(caught.value)
    assert truncated_model.name in shown and CJK.search(shown) and not _no_english(shown), shown


def test_a_translation_with_wrong_placeholders_falls_back_to_english(chinese):
    t = msg("{file} {problem}", file="a.gguf", problem=msg("no such template in the catalogue {x}", x=1))
    assert localized(t) == "a.gguf no such template in the catalogue 1"  # untranslated parts stay English, nothing breaks


# ------------------------------------------------------------------------------ the catalogue
def test_every_msg_template_has_a_finished_chinese_translation_with_its_placeholders():
    calls = i18n_tool.all_msg_calls()
    assert len(calls) > 80 and all(c.template is not None for c in calls), [c for c in calls if c.template is None]
    entries = {e.source: e for e in i18n_tool.read_ts(i18n_tool.ts_file("zh_CN")) if e.context == i18n_tool.MESSAGES}
    for call in calls:
        entry = entries.get(call.template)
        assert entry is not None, f"{call.path}:{call.line} {call.template!r} is not in chatdesk_zh_CN.ts: run scripts/i18n.sh"
        assert not entry.state and entry.translation, entry
        assert CJK.search(entry.translation) or not english_left(call.template), entry  # "{file} {problem}" has no words
        assert i18n_tool.placeholders(entry.translation) == i18n_tool.placeholders(call.template), entry


def test_the_check_reads_templates_and_refuses_a_template_that_is_not_literal(tmp_path):
    src = tmp_path / "sample.py"
    src.write_text('from translatable import msg\n\nA = msg("Hello {name}.", name="x")\nB = msg(A)\n', encoding="utf-8")
    calls = i18n_tool.msg_calls(src)
    assert [(c.line, c.template) for c in calls] == [(3, "Hello {name}."), (4, None)]
    mirror = i18n_tool.noop_mirror(src, calls).split("\n")
    assert mirror[2] == '_ = (QT_TRANSLATE_NOOP("Messages", "Hello {name}."),)' and not mirror[3]
    assert ("Messages", "{file} {problem}") in i18n_tool.calls_in_code()


# ------------------------------------------------------------------------------ the window
def test_a_truncated_model_is_refused_in_chinese_in_the_chinese_window(qtbot, data_dir, model_path, chinese, truncated_model):
    win, store = make_window(qtbot, data_dir, model_path)
    try:
        still = win.controller.model_info
        win.load_model(str(truncated_model))
        qtbot.waitUntil(lambda: win.banner.isVisible() and truncated_model.name in win.banner.text(), timeout=60_000)
        name = win.model_label.text().split(" · ")[0]  # the model still in use, named as the library names it
        shown = win.banner.text().replace(name, " ")
        assert "已被截断" in shown and not _no_english(shown), shown
        assert win.controller.model_info == still
    finally:
        win.close()
        store.close()


def test_a_locked_database_is_reported_in_chinese_in_the_chinese_window(qtbot, data_dir, model_path, chinese, monkeypatch):
    win, store = make_window(qtbot, data_dir, model_path)
    try:
        c = store.create_conversation("A chat")
        win.refresh_sidebar()
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("New title", True))
        blocker = sqlite3.connect(store.path, timeout=0)
        blocker.execute("BEGIN EXCLUSIVE")
        try:
            win.rename_conversation(c.id)
            qtbot.waitUntil(win.banner.isVisible, timeout=10_000)
        finally:
            blocker.rollback()
            blocker.close()
        shown = win.banner.text()
        assert CJK.search(shown) and not english_left(shown), shown
        assert store.get_conversation(c.id).title == "A chat"
    finally:
        win.close()
        store.close()
