"""Sentences from the Qt-free layers reach the Chinese window in Chinese, and stay English elsewhere.

ggufcheck, the engine, the store, the library ... raise exceptions built with
``translatable.msg``: a ``str`` holding the English sentence, plus its template and params. The
window shows them through ``chatdesk.ui.app.i18n.localized``. Real components: a truncated copy of
the bundled GGUF, a real SQLite file locked by a second connection, the real main window.
"""

# ruff: noqa: F811  (tests take the `chinese` fixture imported from i18n_support as an argument)
from __future__ import annotations

import copy
import json
import pickle
import re
import sqlite3
import threading
from pathlib import Path

import pytest
from fault_server import MODEL_ID, REPLY_PIECES, FaultServer, free_port
from i18n_support import chinese, i18n_tool  # noqa: F401  (chinese is a fixture)
from PySide6.QtWidgets import QInputDialog
from tests_gui_support import make_window
from ui_walk_support import english_left

import ggufcheck
from chatdesk.store.errors import DatabaseLockedError, humanize
from chatdesk.ui.app.i18n import localized
from translatable import msg, text_of

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")




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
        qtbot.waitUntil(lambda: win.controller.model_info is not None, timeout=60_000)  # the first model is in use
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
            qtbot.waitUntil(lambda: win.banner.kind == "error", timeout=10_000)  # (a notice may come first)
        finally:
            blocker.rollback()
            blocker.close()
        shown = win.banner.text()
        assert CJK.search(shown) and not english_left(shown), shown
        assert store.get_conversation(c.id).title == "A chat"
    finally:
        win.close()
        store.close()


# ------------------------------------------------------------------------------ more layers, real components
def _unquoted(text: str) -> str:
    """``text`` without what it quotes in “…” (a server's own words, a model id, a field name)."""
    return re.sub(r"“[^”]*”", " ", text)


def test_remote_server_errors_read_in_chinese(chinese):
    """A real HTTP server on 127.0.0.1 that refuses, limits and cuts: each sentence in Chinese."""
    from chatdesk.engine.remote import RemoteConnectionError, RemoteEngine
    from chatdesk.engine.types import ChatMessage, GenerationRequest, RemoteSource, SamplingSettings

    refused = RemoteEngine()
    with pytest.raises(RemoteConnectionError) as caught:
        refused.load(RemoteSource(f"http://127.0.0.1:{free_port()}/v1", "m"))
    assert "connection refused" in str(caught.value)  # the CLI's English is unchanged
    shown = localized(caught.value)
    assert "连接被拒绝" in shown and not english_left(shown), shown

    server = FaultServer()
    try:
        request = GenerationRequest(request_id=1, messages=(ChatMessage("user", "Hi"),),
                                    sampling=SamplingSettings(max_tokens=20, seed=42))
        for behaviour, says, zh in (("ratelimit", "Try again in 7 seconds", "请在 7 秒后重试"),
                                    ("truncated", "text received so far is kept", "已收到的文本会保留")):
            engine = RemoteEngine(lambda _endpoint: None)
            engine.load(RemoteSource(server.url(behaviour), MODEL_ID, "ep"))
            pieces: list[str] = []
            result = engine.generate(request, threading.Event(), pieces.append)
            assert result.stop_reason == "error" and says in result.error, result.error
            if behaviour == "truncated":
                assert "".join(pieces) == "".join(REPLY_PIECES[:2])
            shown = localized(result.error)
            assert zh in shown and CJK.search(shown) and not english_left(_unquoted(shown)), shown
    finally:
        server.close()


def test_a_malformed_transcript_is_refused_in_chinese(chinese, store, tmp_path):
    from chatdesk import archive

    cut = tmp_path / "对话.json"
    text = '{"format": "chatdesk-transcript", "version": 1, "conversations": ['
    cut.write_text(text, encoding="utf-8")
    with pytest.raises(archive.ArchiveError) as caught:
        archive.import_file(store, cut)
    assert "is not valid JSON" in str(caught.value)
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        python_says = exc.msg  # Python's own words, passed on as they are
    shown = localized(caught.value).replace(python_says, " ")
    assert cut.name in shown and "不是有效的 JSON" in shown and not english_left(shown), shown

    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"format": "chatdesk-transcript", "version": 1, "conversations": [{
        "uid": "c1", "title": "Hello", "created_at": "2024-05-01T12:00:00Z", "updated_at": "2024-05-01T12:00:00Z",
        "messages": [{"uid": "m1", "parent_uid": None, "role": "wizard", "content": "x", "status": "done",
                      "created_at": "2024-05-01T12:00:00Z"}]}]}), encoding="utf-8")
    with pytest.raises(archive.ArchiveError) as caught:
        archive.import_file(store, wrong)
    assert 'conversation 1 (“Hello”), message 1: the role "wizard" is unknown' in str(caught.value)
    shown = localized(caught.value)
    assert "第 1 个对话" in shown and not english_left(_unquoted(shown), {"wizard", "user", "assistant", "system"}), shown
    assert store.list_conversations() == []  # nothing half-imported


def test_a_bad_presets_file_is_refused_in_chinese(chinese, store):
    from chatdesk.chat import presets as P

    bad = {"format": P.FORMAT_NAME, "version": P.FORMAT_VERSION,
           "presets": [{"name": "Mine", "system_prompt": "Be brief.", "colour": "red", "sampling": {"top_p": 7}}, 5]}
    with pytest.raises(P.PresetFormatError) as caught:
        P.import_json(store, json.dumps(bad))
    assert str(caught.value).startswith("These presets cannot be imported; nothing was imported.\n• Preset 1")
    shown = localized(caught.value)
    assert shown.count("\n• ") == 3 and "预设 1" in shown and "预设 2" in shown, shown
    keys = {"description", "name", "sampling"}  # the file format's own keys, named as written in the file
    assert not english_left(_unquoted(shown), keys), shown
    assert all(p.builtin for p in P.all_presets(store))  # all or nothing: none was added


def test_an_evaluation_failure_reads_in_chinese_in_the_chinese_evaluation_window(qtbot, chinese, data_dir, model_path, tmp_path):
    """The child process says why in English JSON with its template; the window says it in Chinese."""
    from chatdesk.ui.evaluation.evaluation_window import EvaluationWindow

    short = tmp_path / "short.txt"
    short.write_text("Only a few words here.", encoding="utf-8")
    win = EvaluationWindow(models=[model_path])
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.results_loaded, timeout=30_000):
        win.show()
    win.set_text_file(str(short))
    with qtbot.waitSignal(win.run_finished, timeout=300_000):
        win.start_button.click()
    shown = win.message_text()
    assert "文本太短" in shown and Path(model_path).name in shown, shown
    assert not english_left(shown.replace(Path(model_path).name, " "), {"ctx"}), shown  # --ctx: an option's name
