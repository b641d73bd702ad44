"""The conversation flow without Qt: a real store, the real bundled model, the recorder.

These are the same steps the window's worker and ``chatdesk ask`` take, so a reply made in either
front end is stored the same way.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest

from chatdesk.chat import ConversationFlow, FlowError, ModelTarget, ReplyRecorder, reproduction_caveats
from chatdesk.chat.chat_settings import ChatSettings
from chatdesk.chat.token_record import decode
from chatdesk.engine import SamplingSettings
from chatdesk.settings import AppSettings
from chatdesk.store import Status
from chatdesk.store.message_tokens import load_message_tokens


@pytest.fixture
def flow(store):
    return ConversationFlow(store, AppSettings(sampling=SamplingSettings(max_tokens=24)))


@pytest.fixture
def target(engine):
    return ModelTarget(engine.info.path, None, engine.info)


def generate(engine, store, plan):
    rec = ReplyRecorder(store, plan)
    result = engine.generate(plan.request, threading.Event(), rec.on_text, rec.on_token)
    return rec.finish(result, engine.info, "f" * 64)


def test_send_stores_both_turns_and_the_reply_with_provenance(flow, store, engine, target):
    plan = flow.send(None, "Name a fruit.", target)
    assert plan.created_conversation and plan.user is not None
    assert store.get_message(plan.reply.id).status == Status.STREAMING  # committed before generating
    done = generate(engine, store, plan)
    rec = store.get_message(plan.reply.id)
    assert rec.status == Status.DONE and rec.content == done.text and rec.content.strip()
    prov = rec.provenance
    assert prov["model_path"] == engine.info.path and prov["model_sha256"] == "f" * 64
    assert prov["sampler"]["max_tokens"] == 24 and isinstance(prov["seed"], int)
    assert prov["llama_cpp_build"] and prov["eval_chunk"] and "cpu_features" in prov
    assert [m.content for m in store.active_path(plan.conversation_id)] == ["Name a fruit.", rec.content]


def test_nothing_is_written_without_a_model(flow, store):
    with pytest.raises(FlowError, match="still in the box"):
        flow.send(None, "Hello?", None)
    assert store.list_conversations() == []


def test_continue_without_a_model_leaves_the_saved_reply_untouched(flow, store):
    conv = store.create_conversation("c")
    u = store.add_message(conv.id, "user", "Tell me a story.")
    partial = store.add_message(conv.id, "assistant", "Once upon a time", status=Status.INTERRUPTED, parent_id=u.id)
    with pytest.raises(FlowError, match="No model is loaded"):
        flow.continue_reply(partial.id, None)
    after = store.get_message(partial.id)
    assert (after.content, after.status) == ("Once upon a time", Status.INTERRUPTED)


def test_a_continue_that_fails_before_any_new_text_puts_the_reply_back(flow, store, target):
    conv = store.create_conversation("c")
    u = store.add_message(conv.id, "user", "Tell me a story.")
    partial = store.add_message(conv.id, "assistant", "Once upon a time", status=Status.INTERRUPTED, parent_id=u.id)
    plan = flow.continue_reply(partial.id, target)
    assert store.get_message(partial.id).status == Status.STREAMING
    # The worker finds the model gone (a failed load after the request was queued).
    ReplyRecorder(store, plan).fail("No model is loaded yet.")
    after = store.get_message(partial.id)
    assert (after.content, after.status, after.error) == ("Once upon a time", Status.INTERRUPTED, "No model is loaded yet.")


def test_a_failure_after_some_text_keeps_every_character(flow, store, target):
    plan = flow.send(None, "Hi", target)
    rec = ReplyRecorder(store, plan)
    rec.on_text("Hello the")
    rec.on_text("re, friend")
    rec.fail("llama.cpp failed while generating.")
    after = store.get_message(plan.reply.id)
    assert (after.content, after.status) == ("Hello there, friend", Status.ERROR)


def test_continue_extends_the_reply_in_place(flow, store, engine, target):
    conv = store.create_conversation("c")
    u = store.add_message(conv.id, "user", "Count from one to ten in words.")
    partial = store.add_message(conv.id, "assistant", "One, two, three,", status=Status.STOPPED, parent_id=u.id)
    done = generate(engine, store, flow.continue_reply(partial.id, target))
    after = store.get_message(partial.id)
    assert after.content.startswith("One, two, three,") and len(after.content) > len("One, two, three,")
    assert after.content == done.text and after.status == Status.DONE
    assert store.count_messages(conv.id) == 2, "continue extends the reply; it adds no message"


def test_regenerate_with_the_same_settings_reproduces_the_reply(flow, store, engine, target):
    plan = flow.send(None, "Give me a name for a cat.", target)
    first = generate(engine, store, plan)
    original = store.get_message(plan.reply.id)
    assert reproduction_caveats(original.provenance, engine.info, "f" * 64) == []
    again = generate(engine, store, flow.regenerate(original.id, target, same_settings=True))
    assert dict(again.provenance)["reproduced_exactly"] is True
    assert again.text == first.text
    assert dict(again.provenance)["seed"] == original.provenance["seed"]
    siblings = store.children(original.parent_id, original.conversation_id)
    assert [s.id for s in siblings][0] == original.id and len(siblings) == 2
    # After another chat, the engine says whether it could still evaluate the prompt as before
    # (it can when the positions the original reused were not recomputed); when it says so, it is.
    generate(engine, store, flow.send(None, "What is the capital of France?", target))
    later = generate(engine, store, flow.regenerate(original.id, target, same_settings=True))
    if dict(later.provenance)["reproduced_exactly"]:
        assert later.text == first.text


def test_reproduction_caveats_name_what_differs(flow, store, engine, target):
    plan = flow.send(None, "Hi", target)
    generate(engine, store, plan)
    prov = dict(store.get_message(plan.reply.id).provenance)
    assert reproduction_caveats(prov, engine.info, "f" * 64) == []
    assert any("model file" in c for c in reproduction_caveats(prov, engine.info, "0" * 64))
    assert any("CPU" in c for c in reproduction_caveats({**prov, "cpu_features": "SSE3"}, engine.info, "f" * 64))
    assert reproduction_caveats(prov, None, None) == ["no model is loaded"]


def test_edit_adds_a_sibling_and_keeps_the_original(flow, store, engine, target):
    plan = flow.send(None, "Name a colour.", target)
    generate(engine, store, plan)
    edited = flow.edit(plan.user.id, "Name a planet.", target)
    generate(engine, store, edited)
    users = store.children(None, plan.conversation_id)
    assert [u.content for u in users] == ["Name a colour.", "Name a planet."]
    assert [m.content for m in store.active_path(plan.conversation_id)][0] == "Name a planet."


def test_branch_at_a_token_keeps_the_prefix_and_continues_from_the_alternative(flow, store, engine, target):
    conv = flow.new_conversation(target.key)
    flow.save_chat_settings(conv.id, ChatSettings(None, SamplingSettings(max_tokens=24, seed=5), show_probabilities=True))
    plan = flow.send(conv.id, "Write one sentence about the sea.", target)
    assert plan.request.top_logprobs >= 5
    generate(engine, store, plan)
    original = store.get_message(plan.reply.id)
    tokens = decode(load_message_tokens(store, original.id))
    assert len(tokens) >= 6 and tokens[-1].end <= len(original.content) + 8
    index = 3
    alt = next(a for a in tokens[index].alternatives if a.token_id != tokens[index].token_id)
    branch = flow.branch_at_token(original.id, index, alt.token_id, target)
    kept = original.content[: tokens[index - 1].end]
    assert branch.request.prefix_tokens == tuple(t.token_id for t in tokens[:index]) + (alt.token_id,)
    generate(engine, store, branch)
    new = store.get_message(branch.reply.id)
    assert new.parent_id == original.parent_id and new.id != original.id
    assert new.content.startswith(kept + alt.text) and new.status == Status.DONE
    new_tokens = decode(load_message_tokens(store, new.id))
    assert [t.token_id for t in new_tokens[:index]] == [t.token_id for t in tokens[:index]]
    assert new_tokens[index].token_id == alt.token_id
    assert [t.end for t in new_tokens] == sorted(t.end for t in new_tokens)


def test_a_locked_database_on_send_keeps_the_message_in_the_box(flow, store, target):
    conv = flow.new_conversation(target.key)
    blocker = sqlite3.connect(store.path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(FlowError, match="still in the box"):
            flow.send(conv.id, "Hello", target)
    finally:
        blocker.rollback()
        blocker.close()
    assert store.count_messages(conv.id) == 0
