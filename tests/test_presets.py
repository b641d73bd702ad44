"""Presets without Qt: the built-ins in English and Chinese, applying one to a chat, the JSON
format (round trip and human errors), and the user's presets in a real SQLite store."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import replace

import pytest
from sqlalchemy import inspect

from chatdesk.chat import presets as P
from chatdesk.chat.chat_settings import ChatSettings
from chatdesk.engine import SamplingSettings
from chatdesk.store import Store, migrations
from chatdesk.store.presets import PresetRow, list_presets

HAN = re.compile(r"[\u4e00-\u9fff]")
CHAT = ChatSettings("Old prompt", SamplingSettings(temperature=1.3, seed=99), context_limit=1024, show_probabilities=True)


# ---------------------------------------------------------------------------- built-ins
def test_builtins_cover_the_uses_of_a_gpt_model_in_both_languages():
    assert [p.id for p in P.BUILTIN_PRESETS] == [
        "builtin:chat", "builtin:translate", "builtin:summarize", "builtin:write", "builtin:explain"
    ]
    for p in P.BUILTIN_PRESETS:
        assert p.builtin and p.uid is None
        for field in (p.name, p.system_prompt, p.description):
            texts = dict(field)
            assert set(texts) == {"en", "zh_CN"}, p.id
            assert texts["en"].strip() and not HAN.search(texts["en"]), p.id
            assert HAN.search(texts["zh_CN"]), p.id
        assert len(p.prompt_in("en")) > 120 and len(p.prompt_in("zh_CN")) > 50
        values = dict(p.sampling)
        assert set(values) == set(P.SAMPLER_RANGES)
        for key, value in values.items():
            _kind, lo, hi = P.SAMPLER_RANGES[key]
            assert lo <= value <= hi
    assert {p.id for p in P.BUILTIN_PRESETS if p.needs_target} == {"builtin:translate"}
    # Each use samples differently: precise translation, inventive writing.
    t = dict(P.builtin("builtin:translate").sampling)["temperature"]
    w = dict(P.builtin("builtin:write").sampling)["temperature"]
    assert t < 0.5 < w


def test_translate_fills_the_target_language_in_the_prompts_language():
    t = P.builtin("builtin:translate")
    assert "into Simplified Chinese." in t.render_prompt("en")  # English prompt: into Chinese by default
    assert "翻译成英语。" in t.render_prompt("zh_CN")  # Chinese prompt: into English by default
    assert "into Japanese." in t.render_prompt("en", "ja")
    assert "翻译成日语。" in t.render_prompt("zh_CN", "ja")
    assert "翻译成繁体中文" in t.render_prompt("zh_TW", "zh_TW")  # a Chinese locale gets the Chinese text
    for lang in ("en", "zh_CN"):
        for target in P.TARGET_LANGUAGES:
            text = t.render_prompt(lang, target.code)
            assert P.PLACEHOLDER not in text
            assert P.recognise(t, text) == (lang, target.code)


def test_prompt_language_follows_the_interface_language():
    assert [P.prompt_language(x) for x in ("zh_CN", "zh-Hans", "zh_TW", "en_US", "fr_FR", "C")] == [
        "zh_CN", "zh_CN", "zh_CN", "en", "en", "en"
    ]


# ---------------------------------------------------------------------------- applying
def test_apply_sets_prompt_and_sampler_and_keeps_the_chats_own_choices():
    t = P.builtin("builtin:translate")
    chat = P.apply(t, CHAT, "zh_CN", "fr")
    assert chat.system_prompt == t.render_prompt("zh_CN", "fr") and "法语" in chat.system_prompt
    assert chat.sampling.temperature == 0.2 and chat.sampling.max_tokens == 1024
    assert chat.sampling.seed == 99 and chat.context_limit == 1024 and chat.show_probabilities
    assert chat.preset_id == "builtin:translate"
    assert P.matches(t, chat) and P.recognise(t, chat.system_prompt) == ("zh_CN", "fr")
    assert not P.matches(t, replace(chat, sampling=replace(chat.sampling, temperature=0.9)))
    assert not P.matches(t, replace(chat, system_prompt=chat.system_prompt + " 谢谢"))
    assert P.recognise(t, "Translate please") is None


def test_a_chat_saved_as_preset_keeps_every_language_and_its_target():
    t = P.builtin("builtin:translate")
    chat = P.apply(t, CHAT, "en", "ko")
    mine = P.from_chat("Korean translator", chat, based_on=t)
    assert mine.system_prompt == t.system_prompt and mine.target_language == "ko"
    assert "into Korean." in mine.render_prompt("en") and "翻译成韩语" in mine.render_prompt("zh_CN")
    edited = P.from_chat("Plain", replace(chat, system_prompt="Reply in haiku."), based_on=t)
    assert edited.system_prompt == ((P.ANY_LANGUAGE, "Reply in haiku."),)
    assert dict(edited.sampling)["temperature"] == 0.2
    with pytest.raises(P.PresetError, match="needs a name"):
        P.from_chat("   ", chat)


# ---------------------------------------------------------------------------- JSON
def test_export_and_import_round_trip_every_field():
    user = P.Preset(
        id="user:abc", name=((P.ANY_LANGUAGE, "Haiku 俳句"),), system_prompt=((P.ANY_LANGUAGE, "Answer in a haiku about {target_language}."),),
        sampling=(("temperature", 1.1), ("max_tokens", 64)), target_language="ja",
    )
    text = P.export_json([*P.BUILTIN_PRESETS, user])
    doc = json.loads(text)
    assert doc["format"] == "chatdesk-presets" and doc["version"] == 1
    assert doc["presets"][-1] == {
        "name": "Haiku 俳句", "system_prompt": "Answer in a haiku about {target_language}.",
        "sampling": {"temperature": 1.1, "max_tokens": 64}, "target_language": "ja",
    }
    assert doc["presets"][1]["system_prompt"]["zh_CN"].startswith("你是一名专业译者")
    back = P.parse_json(text)
    assert [replace(p, id="") for p in back] == [replace(p, id="") for p in (*P.BUILTIN_PRESETS, user)]
    assert "haiku about Japanese." in back[-1].render_prompt("en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{not json", r"not valid JSON \(line 1, column 2\)"),
        ('{"presets": []}', r'needs "format": "chatdesk-presets"'),
        ('{"format": "chatdesk-presets", "version": 7, "presets": [{}]}', "version 7; this ChatDesk reads version 1. Update ChatDesk"),
        ('{"format": "chatdesk-presets", "version": 1, "presets": []}', "has no presets"),
        ('{"format": "chatdesk-presets", "version": 1, "presets": [{"name": "A", "system_prompt": "x", "sampling": {"temperature": 3}}]}',
         r"Preset 1 \(“A”\): temperature must be a number from 0 to 2; it is 3\."),
        ('{"format": "chatdesk-presets", "version": 1, "presets": [{"name": "A", "system_prompt": "x", "sampling": {"top_k": 2.5}}]}',
         "top_k must be a whole number from 0 to 1000; it is 2.5"),
        ('{"format": "chatdesk-presets", "version": 1, "presets": [{"name": "A", "system_prompt": "x", "sampling": {"temprature": 1}}]}',
         "“temprature” is not a sampler setting ChatDesk knows"),
        ('{"format": "chatdesk-presets", "version": 1, "presets": [{"name": "", "system_prompt": "x"}]}', "the \\* text of “name” must be a non-empty text"),
        ('{"format": "chatdesk-presets", "version": 1, "presets": [{"system_prompt": "x"}]}', "“name” must be a text, or an object of texts by language"),
        ('{"format": "chatdesk-presets", "version": 1, "presets": [{"name": "A", "system_prompt": {"english": "x"}}]}',
         "“english” in “system_prompt” is not a language code"),
        ('{"format": "chatdesk-presets", "version": 1, "presets": [{"name": "A", "system_prompt": "x", "target_language": "xx"}]}',
         "target_language “xx” is not one ChatDesk offers"),
        ('{"format": "chatdesk-presets", "version": 1, "presets": [{"name": "A", "system_prompt": "x", "colour": 1}]}',
         "“colour” is not part of a preset"),
        ('{"format": "chatdesk-presets", "version": 1, "presets": [7]}', "Preset 1: each preset must be a JSON object"),
    ],
)
def test_bad_files_are_refused_in_words(text, expected):
    with pytest.raises(P.PresetFormatError, match=expected) as err:
        P.parse_json(text)
    assert "nothing was imported" in str(err.value)


def test_every_problem_of_a_file_is_listed_at_once():
    doc = {"format": "chatdesk-presets", "version": 1, "presets": [
        {"name": "Good", "system_prompt": "fine"},
        {"name": "Bad one", "system_prompt": "x", "sampling": {"min_p": -1, "seed": 4}},
        {"name": {"en": "Third"}, "system_prompt": None},
    ]}
    with pytest.raises(P.PresetFormatError) as err:
        P.parse_json(json.dumps(doc))
    lines = str(err.value).splitlines()
    assert lines[0] == "These presets cannot be imported; nothing was imported."
    assert [line.split(":")[0] for line in lines[1:]] == ["• Preset 2 (“Bad one”)", "• Preset 2 (“Bad one”)", "• Preset 3 (“Third”)"]


# ---------------------------------------------------------------------------- storage
def test_user_presets_crud_in_the_database(store):
    mine = P.save_new(store, P.from_chat("Terse", ChatSettings("Answer in one line.", SamplingSettings(temperature=0.5))))
    assert mine.id.startswith("user:") and not mine.builtin
    assert [p.id for p in P.all_presets(store)][-1] == mine.id
    assert P.find(store, mine.id) == mine
    changed = P.update(store, replace(mine, name=((P.ANY_LANGUAGE, "Very terse"),), sampling=(("temperature", 0.1),)))
    assert P.find(store, mine.id) == changed
    assert [r.name for r in list_presets(store)] == ["Very terse"]
    copy = P.duplicate(store, changed)
    assert copy.name_in("en") == "Very terse (copy)" and copy.id != changed.id and copy.system_prompt == changed.system_prompt
    with pytest.raises(P.PresetError, match="already called “very terse”"):
        P.update(store, replace(copy, name=((P.ANY_LANGUAGE, "very terse"),)))
    assert P.delete(store, mine.id) is True
    assert P.delete(store, mine.id) is False
    assert P.find(store, mine.id) is None
    assert [p.id for p in P.all_presets(store)] == [p.id for p in P.BUILTIN_PRESETS] + [copy.id]


def test_builtins_cannot_be_deleted_or_changed_only_duplicated(store):
    for p in P.BUILTIN_PRESETS:
        with pytest.raises(P.PresetError, match="cannot be deleted"):
            P.delete(store, p.id)
        with pytest.raises(P.PresetError, match="cannot be changed"):
            P.update(store, replace(p, sampling=()))
    copy = P.duplicate(store, P.builtin("builtin:translate"), "zh_CN")
    assert dict(copy.name) == {"en": "Translate (copy)", "zh_CN": "翻译（副本）"}
    assert copy.system_prompt == P.builtin("builtin:translate").system_prompt  # both languages, placeholder kept
    edited = P.update(store, replace(copy, sampling=(("temperature", 0.05),)))
    assert P.find(store, copy.id).sampling == (("temperature", 0.05),)
    assert P.builtin("builtin:translate").sampling != edited.sampling
    assert len(P.all_presets(store)) == len(P.BUILTIN_PRESETS) + 1


def test_import_adds_all_or_nothing_and_keeps_names_unique(store):
    exported = P.export_json([P.builtin("builtin:summarize"), P.from_chat("Mine", CHAT)])
    added = P.import_json(store, exported.encode("utf-8"))
    assert [p.name_in("en") for p in added] == ["Summarize (2)", "Mine"]
    assert dict(added[0].name)["zh_CN"] == "总结"  # only the clashing language's name changed
    again = P.import_json(store, exported)
    assert [p.name_in("en") for p in again] == ["Summarize (3)", "Mine (2)"]
    assert P.find(store, again[1].id).sampling == again[1].sampling
    before = [r.uid for r in list_presets(store)]
    bad = json.loads(exported)
    bad["presets"].append({"name": "Broken", "system_prompt": "x", "sampling": {"top_p": 5}})
    with pytest.raises(P.PresetFormatError, match="top_p must be a number from 0 to 1"):
        P.import_json(store, json.dumps(bad))
    assert [r.uid for r in list_presets(store)] == before


def test_a_damaged_stored_preset_is_skipped_not_fatal(store):
    good = P.save_new(store, P.from_chat("Good", CHAT))
    with sqlite3.connect(store.path) as raw:
        raw.execute("INSERT INTO presets(uid, name, data, created_at, updated_at) VALUES ('bad', 'Bad', '{\"name\": 5}', 1, 1)")
    assert [p.id for p in P.all_presets(store)][-1] == good.id
    assert P.find(store, "user:bad") is None


def test_migration_creates_the_table_the_orm_maps(tmp_path):
    s = Store(tmp_path / "db.sqlite3")
    assert {c["name"] for c in inspect(s.engine).get_columns("presets")} == {c.name for c in PresetRow.__table__.columns}
    s.close()


def test_existing_database_gains_the_table_and_keeps_its_chats(tmp_path):
    names = [n for n, _ in migrations.MIGRATIONS]
    before = names[names.index("m009_presets") - 1]
    path = tmp_path / "old.sqlite3"
    raw = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(raw, upto=before)
    raw.execute("INSERT INTO conversations(uid,title,created_at,updated_at) VALUES ('c1','Kept',1,2)")
    raw.close()
    s = Store(path, tmp_path / "backups")
    assert [c.title for c in s.list_conversations()] == ["Kept"]
    assert P.all_presets(s) == list(P.BUILTIN_PRESETS)
    assert any("before-m009_presets" in p.name for p in (tmp_path / "backups").iterdir())
    s.close()


def test_user_presets_survive_reopening_the_database(data_dir):
    s = Store(data_dir / "chatdesk.sqlite3")
    mine = P.save_new(s, P.from_chat("Kept", CHAT, P.builtin("builtin:chat")))
    s.close()
    s = Store(data_dir / "chatdesk.sqlite3")
    assert P.find(s, mine.id) == mine
    s.close()
