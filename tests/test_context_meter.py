"""The context meter, with the real bundled model (and a real OpenAI-compatible server for the
estimated counts): its numbers are the engine's, it names the messages that will be left out
before anything is sent, it counts after typing pauses, and never tokenizes on the GUI thread."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QPlainTextEdit

from chatdesk.chat import ConversationFlow, ModelTarget
from chatdesk.chat.chat_settings import ChatSettings
from chatdesk.chat.context_plan import draft_history, left_out_ids, plan_draft, plan_newest
from chatdesk.engine import SamplingSettings
from chatdesk.settings import AppSettings
from chatdesk.ui.conversation.context_meter import DEBOUNCE_MS, ContextMeter

DEFAULTS = AppSettings(system_prompt="You are brief.", sampling=SamplingSettings(max_tokens=64))


class ThreadRecordingEngine:
    """The real engine, with a note of the thread each ``plan`` ran on."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.plan_threads: list[threading.Thread] = []

    def __getattr__(self, name):
        return getattr(self.engine, name)

    def plan(self, *args, **kwargs):
        self.plan_threads.append(threading.current_thread())
        return self.engine.plan(*args, **kwargs)


@pytest.fixture
def flow(store):
    return ConversationFlow(store, DEFAULTS)


def long_chat(store, flow, turns: int, limit: int | None = None):
    """A conversation whose messages each carry a unique marker (to find them in the prompt)."""
    conv = flow.new_conversation("m.gguf")
    parent = None
    for i in range(turns):
        u = store.add_message(conv.id, "user", f"Question Q{i:02d}: tell me about the number {i} and its friends.", parent_id=parent)
        a = store.add_message(conv.id, "assistant", f"Answer A{i:02d}: the number {i} is a fine number with many friends.", parent_id=u.id)
        parent = a.id
    if limit:
        flow.save_chat_settings(conv.id, replace(flow.chat_settings(conv.id), context_limit=limit))
    return conv


def meter_for(qtbot, store, flow, engine, conversation_id):
    meter = ContextMeter(store, flow, engine=lambda: engine, conversation=lambda: conversation_id)
    qtbot.addWidget(meter)
    return meter


def counted(qtbot, meter, draft=None):
    with qtbot.waitSignal(meter.plan_ready, timeout=30_000) as sig:
        if draft is None:
            meter.refresh()
        else:
            meter.set_draft(draft)
    return sig.args[0]


# ---------------------------------------------------------------------------- Qt-free
def test_the_draft_history_is_what_send_will_send(store, flow):
    conv = long_chat(store, flow, 3)
    empty = store.add_message(conv.id, "assistant", "", parent_id=store.active_path(conv.id)[-1].id)  # a reply that produced nothing
    assert store.active_path(conv.id)[-1].id == empty.id
    chat = flow.chat_settings(conv.id)
    history = draft_history(store, conv.id, chat, "And the number 3?")
    plan = flow.send(conv.id, "And the number 3?", ModelTarget("m.gguf"))
    assert history.messages == plan.request.messages
    assert history.ids[0] is None and history.ids[-1] is None and empty.id not in history.ids


def test_left_out_messages_are_exactly_the_ones_missing_from_the_prompt(store, flow, engine):
    conv = long_chat(store, flow, 30, limit=512)
    draft = "Now summarise everything."
    plan = plan_draft(engine, store, DEFAULTS, conv.id, draft)
    chat = flow.chat_settings(conv.id)
    history = draft_history(store, conv.id, chat, draft)
    _tokens, rendered, _dropped, budget = engine.fit(history.messages, chat.sampling.max_tokens, None, "", (), 512)
    path = store.active_path(conv.id)
    missing = [m.id for m in path if m.content.split(":")[0] not in rendered.text]
    assert plan.left_out == tuple(missing) and len(missing) > 10
    assert [m.role for m in path if m.id not in plan.left_out][0] == "user"  # the kept history starts with a question
    assert plan.context == 512 and plan.reply_budget == budget
    assert plan.prompt_tokens == engine.plan(history.messages, 64, None, "", 512).prompt_tokens
    # The engine's own count: the same turns, the answer whose question went included.
    assert engine.plan(history.messages, 64, None, "", 512).dropped_messages == len(missing)


@pytest.mark.parametrize("window", [4, 7, 64])
def test_looking_at_the_newest_messages_only_gives_the_engines_answer(store, flow, engine, window):
    conv = long_chat(store, flow, 40, limit=700)
    chat = flow.chat_settings(conv.id)
    history = draft_history(store, conv.id, chat, "One more question.")
    whole = engine.plan(history.messages, 64, None, "", 700)
    plan, skipped = plan_newest(engine, history.messages, 64, None, 700, window)
    assert (plan.prompt_tokens, plan.reply_budget, plan.context) == (whole.prompt_tokens, whole.reply_budget, whole.context)
    assert left_out_ids(history, skipped + plan.dropped_messages) == left_out_ids(history, whole.dropped_messages)
    assert skipped > 0 or window >= 64  # small windows really skipped the oldest messages
    short = draft_history(store, long_chat(store, flow, 2).id, chat, "Hi")  # everything fits: no skipping
    assert plan_newest(engine, short.messages, 64, None, 700, 2) == (engine.plan(short.messages, 64, None, "", 700), 0)


def test_left_out_ids_skip_an_answer_whose_question_is_dropped():
    from chatdesk.chat.context_plan import DraftHistory
    from chatdesk.engine.types import ChatMessage

    msgs = (ChatMessage("system", "s"), ChatMessage("user", "u1"), ChatMessage("assistant", "a1"),
            ChatMessage("user", "u2"), ChatMessage("assistant", "a2"), ChatMessage("user", "draft"))
    h = DraftHistory(msgs, (None, 1, 2, 3, 4, None))
    assert [left_out_ids(h, d) for d in range(5)] == [(), (1, 2), (1, 2), (1, 2, 3, 4), (1, 2, 3, 4)]


# ---------------------------------------------------------------------------- the widget
def test_numbers_match_the_engines_plan(qtbot, store, flow, engine):
    conv = long_chat(store, flow, 2)
    meter = meter_for(qtbot, store, flow, engine, conv.id)
    plan = counted(qtbot, meter, "What about seven?")
    history = draft_history(store, conv.id, flow.chat_settings(conv.id), "What about seven?")
    expected = engine.plan(history.messages, 64)
    assert (plan.prompt_tokens, plan.context, plan.reply_budget, plan.estimated) == (
        expected.prompt_tokens, expected.context, expected.reply_budget, False)
    loc = QLocale()
    assert meter.label.text() == f"{loc.toString(expected.prompt_tokens)} / {loc.toString(expected.context)} tokens"
    assert meter.bar.maximum() == expected.context and meter.bar.value() == expected.prompt_tokens
    assert not meter.icon.isVisibleTo(meter) and meter.left_out == []


def test_a_long_history_says_what_will_be_left_out_before_sending(qtbot, store, flow, engine):
    conv = long_chat(store, flow, 30, limit=512)
    meter = meter_for(qtbot, store, flow, engine, conv.id)
    with qtbot.waitSignal(meter.left_out_changed, timeout=30_000) as sig:
        meter.refresh()
    ids = sig.args[0]
    expected = plan_draft(engine, store, DEFAULTS, conv.id, "").left_out
    assert ids == list(expected) and len(ids) > 10
    assert meter.label.text().endswith(f" · {len(ids)} earlier messages will be left out")
    assert meter.label.text().startswith(f"{meter.plan.prompt_tokens} / 512 tokens")
    assert meter.icon.isVisibleTo(meter) and "this chat's limit" in meter.label.toolTip()
    assert store.count_messages(conv.id) == 60  # nothing was sent or changed
    # A bigger limit keeps everything: the marks go away.
    flow.save_chat_settings(conv.id, replace(flow.chat_settings(conv.id), context_limit=None))
    with qtbot.waitSignal(meter.left_out_changed, timeout=30_000) as sig:
        meter.refresh()
    assert sig.args[0] == [] and "left out" not in meter.label.text()


def test_typing_counts_again_after_the_debounce(qtbot, store, flow, engine):
    conv = long_chat(store, flow, 1)
    recording = ThreadRecordingEngine(engine)
    meter = meter_for(qtbot, store, flow, recording, conv.id)
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.textChanged.connect(lambda: meter.set_draft(edit.toPlainText()))
    first = counted(qtbot, meter)
    runs = meter.counts_started
    text = "Please explain the number one in great detail, with examples."
    with qtbot.waitSignal(meter.plan_ready, timeout=30_000) as sig:
        qtbot.keyClicks(edit, text)
        assert meter._debounce.isActive() and meter._debounce.interval() == DEBOUNCE_MS
        assert meter.counts_started == runs  # nothing counted while typing
        assert meter.plan is first
    assert sig.args[0].draft == text and meter.counts_started == runs + 1  # one count for the whole burst
    assert sig.args[0].prompt_tokens > first.prompt_tokens
    assert recording.plan_threads and all(t is not threading.main_thread() for t in recording.plan_threads)


def test_a_count_overtaken_by_new_text_is_dropped(qtbot, store, flow, engine):
    conv = long_chat(store, flow, 5)
    meter = meter_for(qtbot, store, flow, engine, conv.id)
    shown = []
    meter.plan_ready.connect(shown.append)
    meter.set_draft("first draft")
    meter.refresh()  # starts counting "first draft"
    meter.set_draft("second, longer draft that replaces the first one")
    meter.refresh()  # asked while the first count runs
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    qtbot.waitUntil(lambda: meter._running is None, timeout=30_000)
    assert [p.draft for p in shown] == ["second, longer draft that replaces the first one"]
    assert meter.counts_started == 2


def test_counting_waits_while_a_reply_streams(qtbot, store, flow, engine):
    conv = long_chat(store, flow, 2)
    meter = meter_for(qtbot, store, flow, engine, conv.id)
    meter.hold(True)
    meter.set_draft("typed while the model answers")
    meter.refresh()
    # Nothing is counting and nothing is scheduled to: no timer, no task on the pool.
    assert meter.counts_started == 0 and meter._running is None and not meter._debounce.isActive()
    with qtbot.waitSignal(meter.plan_ready, timeout=30_000) as sig:
        meter.hold(False)
    assert sig.args[0].draft == "typed while the model answers" and meter.counts_started == 1


def test_a_draft_too_long_for_the_context_is_explained(qtbot, store, flow, engine):
    conv = flow.new_conversation("m.gguf")
    flow.save_chat_settings(conv.id, ChatSettings(None, SamplingSettings(max_tokens=64), context_limit=128))
    meter = meter_for(qtbot, store, flow, engine, conv.id)
    assert counted(qtbot, meter, "word " * 400) is None
    assert "too long for the model" in meter.label.text() and meter.icon.isVisibleTo(meter)


def test_without_a_model_the_meter_says_so(qtbot, store, flow):
    meter = meter_for(qtbot, store, flow, None, None)
    assert counted(qtbot, meter) is None
    assert meter.label.text() == "Context: no model loaded" and meter.counts_started == 0


def test_a_remote_engine_shows_estimates(qtbot, store, flow, llama_server):
    from chatdesk.engine.remote import RemoteEngine
    from chatdesk.engine.types import RemoteSource

    remote = RemoteEngine()
    remote.load(RemoteSource(llama_server.base_url, llama_server.model_path))
    try:
        conv = long_chat(store, flow, 3)
        meter = meter_for(qtbot, store, flow, remote, conv.id)
        plan = counted(qtbot, meter, "And then?")
        history = draft_history(store, conv.id, flow.chat_settings(conv.id), "And then?")
        expected = remote.plan(history.messages, 64)
        assert plan.estimated and plan.prompt_tokens == expected.prompt_tokens and plan.context == expected.context
        assert meter.label.text().startswith(f"≈{QLocale().toString(plan.prompt_tokens)} / ")
        assert "estimates" in meter.label.toolTip()
    finally:
        remote.unload()
