"""Per-chat settings and presets through the real conversation flow: what is stored with a chat,
and that the next reply — made by the bundled model — is drawn with it and records it."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from chatdesk.chat import ConversationFlow, ModelTarget, ReplyRecorder
from chatdesk.chat import presets as P
from chatdesk.engine import SamplingSettings
from chatdesk.settings import AppSettings

DEFAULTS = AppSettings(system_prompt="Default prompt.", sampling=SamplingSettings(max_tokens=16))


@pytest.fixture
def flow(store):
    return ConversationFlow(store, DEFAULTS)


@pytest.fixture
def target(engine):
    return ModelTarget(engine.info.path, None, engine.info)


def reply(engine, store, plan):
    rec = ReplyRecorder(store, plan)
    result = engine.generate(plan.request, threading.Event(), rec.on_text, rec.on_token)
    rec.finish(result, engine.info, "f" * 64)
    return store.get_message(plan.reply.id)


def test_a_chat_stores_only_what_it_changes(flow, store):
    conv = flow.new_conversation("m.gguf")
    chat = P.apply(P.builtin("builtin:summarize"), flow.chat_settings(conv.id), "en")
    chat = replace(chat, context_limit=1024, show_probabilities=True, sampling=replace(chat.sampling, seed=7, max_tokens=16))
    flow.save_chat_settings(conv.id, chat)
    rec = store.get_conversation(conv.id)
    assert rec.system_prompt == P.builtin("builtin:summarize").prompt_in("en")
    assert rec.settings == {
        "sampling": {"temperature": 0.3, "top_p": 0.9, "seed": 7},  # the rest equal the defaults
        "context_limit": 1024,
        "preset_id": "builtin:summarize",
        "show_probabilities": True,
    }
    assert flow.chat_settings(conv.id) == chat
    # A default the chat did not change still reaches it; one it changed does not.
    flow.defaults = replace(DEFAULTS, sampling=replace(DEFAULTS.sampling, top_k=7, temperature=1.5))
    now = flow.chat_settings(conv.id)
    assert now.sampling.top_k == 7 and now.sampling.temperature == 0.3
    other = flow.new_conversation("m.gguf")
    assert flow.chat_settings(other.id).sampling.temperature == 1.5 and store.get_conversation(other.id).settings is None


def test_the_next_reply_is_made_with_the_chats_preset_and_records_it(flow, store, engine, target):
    conv = flow.new_conversation(target.key)
    translate = P.builtin("builtin:translate")
    chat = P.apply(translate, flow.chat_settings(conv.id), "zh_CN", "en")
    chat = replace(chat, context_limit=1024, sampling=replace(chat.sampling, seed=1234, max_tokens=16))
    flow.save_chat_settings(conv.id, chat)

    plan = flow.send(conv.id, "今天天气很好。", target)
    assert plan.request.messages[0].content == translate.render_prompt("zh_CN", "en")
    assert plan.request.sampling == chat.sampling and plan.request.context_limit == 1024
    first = reply(engine, store, plan)
    prov = first.provenance
    assert prov["system_prompt"] == chat.system_prompt and "翻译成英语" in prov["system_prompt"]
    assert prov["sampler"]["temperature"] == 0.2 and prov["sampler"]["repeat_penalty"] == 1.05
    assert prov["context_limit"] == 1024 and prov["preset_id"] == "builtin:translate"
    assert prov["seed"] == 1234 and prov["reply_tokens"] >= 1

    # A change applies to the next reply; the first keeps the record of how it was made.
    flow.save_chat_settings(conv.id, replace(flow.chat_settings(conv.id), preset_id=None, system_prompt="Be brief.",
                                             sampling=replace(chat.sampling, temperature=0.9), context_limit=None))
    second = reply(engine, store, flow.send(conv.id, "Thanks!", target))
    assert second.provenance["system_prompt"] == "Be brief." and second.provenance["sampler"]["temperature"] == 0.9
    assert second.provenance["preset_id"] is None and second.provenance["context_limit"] is None
    assert store.get_message(first.id).provenance["preset_id"] == "builtin:translate"


def test_regenerate_with_the_same_settings_uses_the_replys_preset_values(flow, store, engine, target):
    conv = flow.new_conversation(target.key)
    chat = P.apply(P.builtin("builtin:write"), flow.chat_settings(conv.id), "en")
    flow.save_chat_settings(conv.id, replace(chat, sampling=replace(chat.sampling, seed=5, max_tokens=12)))
    first = reply(engine, store, flow.send(conv.id, "A two-line poem about rain.", target))
    flow.save_chat_settings(conv.id, flow.chat_settings(None))  # back to the defaults
    same = flow.regenerate(first.id, target, same_settings=True)
    assert same.request.sampling.temperature == 0.9 and same.request.sampling.seed == 5
    assert same.request.messages[0].content == chat.system_prompt
    again = reply(engine, store, same)
    assert again.content == first.content  # same prompt, sampler and seed on the same build
