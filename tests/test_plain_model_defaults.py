"""A model without a chat template (a converted nanoGPT or base GPT-2) is not a chat model: it
starts in plain completion, with no system prompt, and a reply limit that fits its context."""

from __future__ import annotations

import threading

import pytest
from gguf_support import gpt2_spec, write

from chatdesk.chat import ConversationFlow, ModelTarget, ReplyRecorder
from chatdesk.chat.chat_settings import ChatSettings
from chatdesk.chat.model_defaults import ModelTraits, effective_settings, reply_limit
from chatdesk.engine import LoadSettings, SamplingSettings
from chatdesk.engine.llama_engine import LlamaEngine
from chatdesk.engine.types import PromptFormat
from chatdesk.settings import DEFAULT_SYSTEM_PROMPT, AppSettings

DEFAULTS = AppSettings()  # system prompt "You are a helpful, concise assistant.", 512-token replies


@pytest.fixture
def plain_model(tmp_path):
    """A real llama.cpp-loadable gpt2 GGUF without a chat template, 64 tokens of context."""
    return str(write(tmp_path / "tiny-gpt2.gguf", gpt2_spec(ctx=64)))


def test_a_plain_model_starts_a_chat_in_completion_mode_without_system_prompt(store, plain_model):
    flow = ConversationFlow(store, DEFAULTS)
    plan = flow.send(None, "Once upon a time", ModelTarget(plain_model, PromptFormat()))  # the caller's default: chat
    conv = store.get_conversation(plan.conversation_id)
    assert conv.system_prompt is None
    assert [m.role for m in plan.request.messages] == ["user"]
    assert plan.request.prompt_format.mode == "completion"
    assert plan.request.sampling.max_tokens == 32  # half of its 64-token context, not 512
    assert dict(plan.provenance_base)["system_prompt"] is None


def test_the_users_own_choices_win(store, plain_model):
    settings = DEFAULTS.with_prompt_format(plain_model, PromptFormat(mode="chat"))
    flow = ConversationFlow(store, settings)
    conv = store.create_conversation(system_prompt="You are a pirate.", model_path=plain_model)
    flow.save_chat_settings(conv.id, ChatSettings("You are a pirate.", SamplingSettings(max_tokens=20)))
    plan = flow.send(conv.id, "Hello", ModelTarget(plain_model, None))
    assert plan.request.prompt_format.mode == "chat"
    assert plan.request.messages[0].content == "You are a pirate."
    assert plan.request.sampling.max_tokens == 20


def test_an_existing_chat_with_the_default_prompt_drops_it_for_a_plain_model(store, plain_model):
    conv = store.create_conversation(system_prompt=DEFAULT_SYSTEM_PROMPT, model_path=plain_model)
    plan = ConversationFlow(store, DEFAULTS).send(conv.id, "ROMEO:", ModelTarget(plain_model, None))
    assert [m.role for m in plan.request.messages] == ["user"]


def test_chat_models_keep_every_default(store, engine):
    flow = ConversationFlow(store, DEFAULTS)
    plan = flow.send(None, "Hello", ModelTarget(engine.info.path, None, engine.info))
    assert store.get_conversation(plan.conversation_id).system_prompt == DEFAULT_SYSTEM_PROMPT
    assert plan.request.messages[0].role == "system" and plan.request.sampling.max_tokens == 512
    assert plan.request.prompt_format is None


def test_the_plain_model_replies_in_completion_mode(store, plain_model, tmp_path):
    eng = LlamaEngine(tmp_path / "checks.json")
    info = eng.load(plain_model, LoadSettings(n_ctx=64))
    try:
        flow = ConversationFlow(store, DEFAULTS)
        plan = flow.send(None, "abc", ModelTarget(plain_model, PromptFormat(), info))
        rec = ReplyRecorder(store, plan)
        result = eng.generate(plan.request, threading.Event(), rec.on_text, rec.on_token)
        rec.finish(result, info, None)
        assert result.error is None
        assert result.prompt_tokens <= 8  # just the text: no "System: …" transcript around it
        assert result.completion_tokens <= 32
        assert store.get_message(plan.reply.id).provenance["chat_template"] == "plain completion"
    finally:
        eng.unload()


def test_traits_and_limits(plain_model, model_path):
    traits = ModelTraits.of_file(plain_model)
    assert traits == ModelTraits(False, 64) and traits.plain
    assert ModelTraits.of_file(model_path).has_chat_template
    assert ModelTraits.of_file("/etc/passwd") is None
    assert reply_limit(128, 512) == 64 and reply_limit(4096, 512) == 512 and reply_limit(10, 512) == 16
    chat = ChatSettings(DEFAULT_SYSTEM_PROMPT, SamplingSettings())
    assert effective_settings(chat, ModelTraits(True, 128), DEFAULTS) == chat
    assert effective_settings(chat, ModelTraits(False, 128, local=False), DEFAULTS) == chat  # a server applies its own
