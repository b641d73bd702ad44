"""JSON export: the schema, and a lossless round trip through parse_json."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from transcript_samples import PROV, T0, msg

from chatdesk.transcripts import FORMAT_VERSION, active_path, parse_json, render


def test_round_trip_is_exact(conversations):
    data = render(conversations, "json")
    assert parse_json(data) == conversations
    assert parse_json(data.decode("utf-8")) == conversations


def test_document_shape(tree_conversation):
    doc = json.loads(render([tree_conversation], "json", exported_at=T0))
    assert doc["format"] == "chatdesk-transcript"
    assert doc["version"] == FORMAT_VERSION == 1
    assert doc["exported_at"] == "2024-05-01T10:40:00.123Z"
    (conv,) = doc["conversations"]
    assert conv["uid"] == tree_conversation.uid
    assert conv["pinned"] is True
    assert conv["active_leaf_uid"] == "a3"
    assert conv["active_path"] == ["s1", "u1", "a1b", "u2e", "a3"]
    assert datetime.fromisoformat(conv["created_at"].replace("Z", "+00:00")).timestamp() == round(T0, 3)
    assert conv["created_at_unix"] == T0
    # the whole tree, not just the active branch
    assert [m["uid"] for m in conv["messages"]] == ["s1", "u1", "a1", "a1b", "u2", "u2e", "a3"]
    first_reply = conv["messages"][3]
    assert first_reply["role"] == "assistant"
    assert first_reply["content"].startswith("Here is a function:")
    assert first_reply["parent_uid"] == "u1"
    assert first_reply["provenance"] == PROV
    assert conv["messages"][2]["status"] == "stopped"


def test_non_ascii_is_written_as_is(tree_conversation):
    text = render([tree_conversation], "json").decode("utf-8")
    assert "你好" in text and "🚀" in text and "שלום" in text and "\\u" not in text


def test_non_finite_provenance_becomes_null_and_json_stays_strict(tree_conversation):
    odd = msg("x", "a3", "assistant", "hi", 9, provenance={"tokens_per_s": math.inf, "when": object(),
                                                           "shape": (1, 2)})
    conv = replace(tree_conversation, messages=tree_conversation.messages + (odd,), active_leaf_uid="x")
    text = render([conv], "json").decode()
    assert "Infinity" not in text
    prov = json.loads(text)["conversations"][0]["messages"][-1]["provenance"]
    assert prov["tokens_per_s"] is None and prov["shape"] == [1, 2] and isinstance(prov["when"], str)


def test_unknown_keys_are_ignored_and_iso_dates_suffice(tree_conversation):
    doc = json.loads(render([tree_conversation], "json"))
    doc["future_top_level"] = {"x": 1}
    conv = doc["conversations"][0]
    conv["colour"] = "blue"
    for m in conv["messages"]:
        m["rating"] = 5
        del m["created_at_unix"]  # a hand-written file may carry only ISO dates
    (parsed,) = parse_json(json.dumps(doc))
    assert [m.uid for m in parsed.messages] == [m.uid for m in tree_conversation.messages]
    assert abs(parsed.messages[0].created_at - T0) < 0.001


def test_children_listed_before_parents_are_reordered(tree_conversation):
    doc = json.loads(render([tree_conversation], "json"))
    doc["conversations"][0]["messages"].reverse()
    (parsed,) = parse_json(json.dumps(doc))
    seen = set()
    for m in parsed.messages:
        assert m.parent_uid is None or m.parent_uid in seen
        seen.add(m.uid)
    assert sorted(parsed.messages, key=lambda m: m.uid) == sorted(tree_conversation.messages, key=lambda m: m.uid)


def test_empty_export_round_trips():
    assert parse_json(render([], "json")) == []


def test_documented_example_is_importable():
    doc_path = Path(__file__).resolve().parents[2] / "docs" / "transcript-format.md"
    text = doc_path.read_text(encoding="utf-8")
    blocks = [b.split("\n```\n", 1)[0] for b in text.split("```json\n")[1:]]
    for block in blocks:  # every JSON snippet in the document is valid JSON
        json.loads(block)
    example = text.split("### Example", 1)[1].split("```json\n", 1)[1].split("\n```\n", 1)[0]
    (conv,) = parse_json(example)
    assert [m.role for m in conv.messages] == ["system", "user", "assistant", "assistant"]
    assert conv.messages[3].provenance["quantization"] == "Q4_K_M"
    doc = json.loads(example)
    assert [m.uid for m in active_path(conv)] == doc["conversations"][0]["active_path"]
