"""parse_json refuses bad files with one clear message, and returns nothing."""

from __future__ import annotations

import copy
import json

import pytest

from chatdesk.transcripts import TranscriptError, parse_json, render


@pytest.fixture
def doc(conversations):
    return json.loads(render(conversations, "json"))


def _mutate(doc, path, value=..., delete=False):
    target = doc
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


M = ("conversations", 0, "messages")

CASES = [
    # (id, mutation, expected words)
    ("wrong-format", lambda d: _mutate(d, ("format",), "something-else"), ["not a ChatDesk transcript", "something-else"]),
    ("no-format", lambda d: _mutate(d, ("format",), delete=True), ["not a ChatDesk transcript"]),
    ("not-an-object", lambda d: [d], ["not a ChatDesk transcript"]),
    ("bad-version", lambda d: _mutate(d, ("version",), "1"), ["version", "invalid"]),
    ("no-conversations", lambda d: _mutate(d, ("conversations",), delete=True), ['"conversations"', "missing"]),
    ("missing-content", lambda d: _mutate(d, M + (1, "content"), delete=True), ["message 2", '"content"', "missing"]),
    ("missing-uid", lambda d: _mutate(d, ("conversations", 1, "uid"), delete=True), ["conversation 2", '"uid"', "missing"]),
    ("missing-parent-key", lambda d: _mutate(d, M + (0, "parent_uid"), delete=True), ['"parent_uid"', "missing"]),
    ("missing-date", lambda d: (_mutate(d, M + (0, "created_at"), delete=True),
                                _mutate(d, M + (0, "created_at_unix"), delete=True))[1], ['"created_at"', "missing"]),
    ("bad-date", lambda d: (_mutate(d, M + (0, "created_at"), "yesterday"),
                            _mutate(d, M + (0, "created_at_unix"), delete=True))[1], ["not a valid date"]),
    ("unknown-role", lambda d: _mutate(d, M + (1, "role"), "wizard"), ['role "wizard" is unknown', "assistant"]),
    ("unknown-status", lambda d: _mutate(d, M + (1, "status"), "paused"), ['status "paused" is unknown']),
    ("content-not-text", lambda d: _mutate(d, M + (1, "content"), ["a", "b"]), ['"content" must be text', "list"]),
    ("pinned-not-bool", lambda d: _mutate(d, ("conversations", 0, "pinned"), "yes"), ['"pinned" must be true or false']),
    ("provenance-not-object", lambda d: _mutate(d, M + (3, "provenance"), "fast"), ['"provenance" must be an object']),
    ("orphan", lambda d: _mutate(d, M + (1, "parent_uid"), "ghost"), ['parent "ghost"', "not in this conversation"]),
    ("self-parent", lambda d: _mutate(d, M + (0, "parent_uid"), "s1"), ["cycle"]),
    ("cycle", lambda d: _mutate(d, M + (0, "parent_uid"), "a3"), ["cycle"]),
    ("duplicate-message", lambda d: _mutate(d, M + (2, "uid"), "u1"), ['"u1" appears twice']),
    ("duplicate-conversation", lambda d: _mutate(d, ("conversations", 1, "uid"), d["conversations"][0]["uid"]),
     ["appears twice"]),
    ("message-uid-reused-across-conversations", lambda d: _mutate(d, ("conversations", 1, "messages", 0, "uid"), "s1"),
     ["another conversation"]),
    ("leaf-missing", lambda d: _mutate(d, ("conversations", 0, "active_leaf_uid"), "nope"),
     ['active message "nope"', "not in this conversation"]),
    ("message-not-object", lambda d: _mutate(d, M + (1,), "hello"), ["message 2", "must be an object"]),
]


@pytest.mark.parametrize("mutate, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_malformed_documents_are_refused(doc, mutate, words):
    bad = mutate(copy.deepcopy(doc))
    result = None
    with pytest.raises(TranscriptError) as info:
        result = parse_json(json.dumps(bad))
    assert result is None
    message = str(info.value)
    for word in words:
        assert word in message, message


def test_error_names_the_conversation_title(doc):
    _mutate(doc, M + (1, "role"), "wizard")
    with pytest.raises(TranscriptError, match=r"conversation 1 \(\u201cGreetings"):
        parse_json(json.dumps(doc))


@pytest.mark.parametrize("data, words", [
    (b"", ["empty"]),
    (b"{not json", ["not valid JSON", "line 1"]),
    (b'{"format": "chatdesk-transcript", "version": 1, "conversations": [}', ["not valid JSON"]),
    (b"\xff\xfe{}", ["not UTF-8"]),
    (b"[" * 100_000, ["nested too deeply"]),
])
def test_unreadable_files(data, words):
    with pytest.raises(TranscriptError) as info:
        parse_json(data)
    for word in words:
        assert word in str(info.value)


def test_newer_version_is_refused(doc):
    doc["version"] = 7
    with pytest.raises(TranscriptError) as info:
        parse_json(json.dumps(doc))
    assert str(info.value) == ("This file was written by a newer ChatDesk (format version 7); "
                               "update ChatDesk to import it.")


def test_a_bad_second_conversation_rejects_the_whole_file(doc):
    _mutate(doc, ("conversations", 1, "messages", 1, "role"), "robot")
    with pytest.raises(TranscriptError, match="conversation 2"):
        parse_json(json.dumps(doc))


def test_utf8_bom_is_accepted(conversations):
    assert parse_json(b"\xef\xbb\xbf" + render(conversations, "json")) == conversations
