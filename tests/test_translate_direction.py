"""The Translate preset follows the input: Chinese is translated into English, anything else into
the interface language; a target the user chose stays; and the default system prompt is written
in the interface language."""

from __future__ import annotations

import threading

import pytest

from chatdesk.chat import ConversationFlow, ModelTarget
from chatdesk.chat import presets as P
from chatdesk.engine import SamplingSettings
from chatdesk.settings import DEFAULT_SYSTEM_PROMPT, DEFAULT_SYSTEM_PROMPTS, AppSettings, default_system_prompt

DEFAULTS = AppSettings(sampling=SamplingSettings(max_tokens=16))
TRANSLATE = P.builtin("builtin:translate")
CHINESE = "用一句话解释什么是注意力机制。"


@pytest.fixture
def target(engine):
    return ModelTarget(engine.info.path, None, engine.info)


def translating_chat(flow, target=None, language="en"):
    conv = flow.new_conversation("m.gguf")
    flow.save_chat_settings(conv.id, P.apply(TRANSLATE, flow.chat_settings(conv.id), language, target))
    return conv.id


def system_of(plan) -> str:
    assert plan.request.messages[0].role == "system"
    return plan.request.messages[0].content


def test_chinese_input_is_translated_into_english(store, target):
    flow = ConversationFlow(store, DEFAULTS, language="en")
    conv = translating_chat(flow)
    assert flow.chat_settings(conv).translate_target is None  # follows the input
    plan = flow.send(conv, CHINESE, target)
    assert "into English." in system_of(plan)
    assert dict(plan.provenance_base)["system_prompt"] == system_of(plan)  # the reply records what it used


def test_other_input_goes_into_the_interface_language(store, target):
    zh_ui = ConversationFlow(store, DEFAULTS, language="zh_CN")
    conv = translating_chat(zh_ui, language="zh_CN")
    assert "简体中文" in system_of(zh_ui.send(conv, "Good morning, how are you?", target))
    assert "英语" in system_of(zh_ui.send(conv, CHINESE, target))  # Chinese → English, in a Chinese prompt
    en_ui = ConversationFlow(store, DEFAULTS, language="en")
    conv2 = translating_chat(en_ui)
    assert "into English." in system_of(en_ui.send(conv2, "Bonjour tout le monde", target))


def test_a_chosen_target_is_kept(store, target):
    flow = ConversationFlow(store, DEFAULTS, language="en")
    conv = translating_chat(flow, target="fr")
    assert flow.chat_settings(conv).translate_target == "fr"
    assert store.get_conversation(conv).settings["translate_target"] == "fr"
    assert "into French." in system_of(flow.send(conv, CHINESE, target))
    assert "into French." in system_of(flow.send(conv, "Hello", target))


def test_an_edited_prompt_is_left_alone(store, target):
    flow = ConversationFlow(store, DEFAULTS, language="en")
    conv = translating_chat(flow)
    chat = flow.chat_settings(conv)
    from dataclasses import replace

    flow.save_chat_settings(conv, replace(chat, system_prompt="Translate into pirate speak."))
    assert system_of(flow.send(conv, CHINESE, target)) == "Translate into pirate speak."


def test_regenerate_and_edit_follow_their_message(store, target):
    flow = ConversationFlow(store, DEFAULTS, language="zh_CN")
    conv = translating_chat(flow, language="en")
    plan = flow.send(conv, CHINESE, target)
    store.finish_message(plan.reply.id, "Explain attention.", "done")
    assert "into English." in system_of(flow.regenerate(plan.reply.id, target))
    assert "into Simplified Chinese." in system_of(flow.edit(plan.user.id, "Explain attention in one sentence.", target))


def test_input_target():
    assert P.input_target(CHINESE, "en") == "en"
    assert P.input_target(CHINESE, "zh_CN") == "en"
    assert P.input_target("Hello there", "zh_CN") == "zh_CN"
    assert P.input_target("Hello there", "en") == "en"


def test_the_default_system_prompt_follows_the_interface_language(store, target):
    zh = ConversationFlow(store, AppSettings(), language="zh_CN")
    conv = zh.new_conversation(target.key)
    assert store.get_conversation(conv.id).system_prompt == DEFAULT_SYSTEM_PROMPTS["zh_CN"]
    assert zh.chat_settings(None).system_prompt == DEFAULT_SYSTEM_PROMPTS["zh_CN"]
    en = ConversationFlow(store, AppSettings(), language="en")
    assert store.get_conversation(en.new_conversation(target.key).id).system_prompt == DEFAULT_SYSTEM_PROMPT
    own = ConversationFlow(store, AppSettings(system_prompt="Always answer in rhymes."), language="zh_CN")
    assert store.get_conversation(own.new_conversation(target.key).id).system_prompt == "Always answer in rhymes."
    assert default_system_prompt("zh-Hans") == DEFAULT_SYSTEM_PROMPTS["zh_CN"] and default_system_prompt("en_GB") == DEFAULT_SYSTEM_PROMPT


def test_chinese_input_no_longer_loops_to_the_reply_limit(store, engine, target):
    """SmolLM2-135M never ends Chinese text with its end-of-turn token: with the preset's
    1,024-token limit, a one-line Chinese question looped for hundreds of tokens until Stop. A
    translation's reply limit now follows the length of what is translated."""
    from chatdesk.chat import ReplyRecorder

    flow = ConversationFlow(store, AppSettings(), language="en")  # the preset's own 1,024-token limit
    conv = translating_chat(flow)
    plan = flow.send(conv, CHINESE, target)
    limit = P.translation_reply_limit(CHINESE, 1024)
    assert plan.request.sampling.max_tokens == limit < 200
    rec = ReplyRecorder(store, plan)
    result = engine.generate(plan.request, threading.Event(), rec.on_text, rec.on_token)
    rec.finish(result, engine.info, None)
    assert result.completion_tokens <= limit
    assert store.get_message(plan.reply.id).provenance["sampler"]["max_tokens"] == limit


def test_translation_limits():
    assert P.translation_reply_limit("Hello", 1024) == 2 * 5 + P.TRANSLATION_SLACK
    assert P.translation_reply_limit("x" * 5000, 1024) == 1024  # never above the chat's own limit
    assert P.translation_reply_limit(CHINESE, 16) == 16
