"""The preset package's seams, each without a database: the file format against the model's
rules, the built-ins through the file format, and the chat side without the store."""

from __future__ import annotations

import json

import pytest

from chatdesk.chat.chat_settings import ChatSettings
from chatdesk.chat.presets.applying import apply, matches, recognise
from chatdesk.chat.presets.builtin_presets import BUILTIN_PRESETS, builtin
from chatdesk.chat.presets.file_format import FORMAT_NAME, FORMAT_VERSION, export_json, parse_json
from chatdesk.chat.presets.model import PresetFormatError, check_name
from chatdesk.engine.types import SamplingSettings
from translatable import text_of

CHAT = ChatSettings(system_prompt=None, sampling=SamplingSettings())


def test_every_builtin_survives_the_file_format():
    back = parse_json(export_json(BUILTIN_PRESETS))
    assert [(p.name, p.system_prompt, p.sampling, p.description) for p in back] == [
        (p.name, p.system_prompt, p.sampling, p.description) for p in BUILTIN_PRESETS
    ]


@pytest.mark.parametrize("target", [["en"], {"code": "en"}, 5, "klingon"])
def test_a_target_language_that_is_not_offered_is_named_not_a_crash(target):
    doc = {"format": FORMAT_NAME, "version": FORMAT_VERSION,
           "presets": [{"name": "T", "system_prompt": "Into {target_language}.", "target_language": target}]}
    with pytest.raises(PresetFormatError) as caught:
        parse_json(json.dumps(doc))
    assert "is not one ChatDesk offers" in text_of(caught.value)


def test_a_builtin_applied_to_a_chat_is_recognised_in_it():
    translate = builtin("builtin:translate")
    assert translate is not None and translate.needs_target
    chat = apply(translate, CHAT, "zh_CN", "ja")
    assert recognise(translate, chat.system_prompt) == ("zh_CN", "ja")
    assert matches(translate, chat) and chat.translate_target == "ja" and chat.preset_id == "builtin:translate"
    assert apply(translate, CHAT, "en", "xx").translate_target is None  # not a language offered


def test_names_are_tidied_and_checked():
    assert check_name("  My   preset ") == "My preset"
    with pytest.raises(ValueError):
        check_name("   ")
