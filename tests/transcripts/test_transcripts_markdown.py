"""Markdown export, checked by re-parsing it with the `markdown` package."""

from __future__ import annotations

from dataclasses import replace

import markdown
from html_probe import Probe
from transcript_samples import CHINESE, EMOJI, PYTHON_CODE, SCRIPT, msg

from chatdesk.transcripts import render


def parse(md_text: str) -> Probe:
    return Probe(markdown.markdown(md_text, extensions=["fenced_code"]))


def test_headings_are_title_then_one_per_turn(conversations):
    md = render(conversations, "md").decode("utf-8")
    probe = parse(md)
    h1 = [text for tag, text in probe.headings if tag == "h1"]
    h2 = [text for tag, text in probe.headings if tag == "h2"]
    assert h1 == [f"Greetings 你好 {EMOJI} {SCRIPT}", "Answer", "Second chat"]  # "Answer" is the reply's own
    assert h2 == ["System", "User", "Assistant", "User", "Assistant", "User", "Assistant"]
    assert "**Model:** Qwen2.5-7B-Instruct" in md
    assert "- **Date:** 2024-05-01 10:40 UTC" in md


def test_code_blocks_survive_verbatim(tree_conversation):
    md = render([tree_conversation], "md").decode("utf-8")
    probe = parse(md)
    assert PYTHON_CODE + "\n" in probe.code_blocks
    # the reply that shows a fence inside a ````-fence keeps the inner fence as code
    assert f'```js\nconsole.log("{SCRIPT}")\n```\n' in probe.code_blocks
    # reply Markdown is copied byte for byte
    assert tree_conversation.messages[3].content.strip() in md
    assert tree_conversation.messages[-1].content.strip() in md


def test_only_active_branch_with_a_note(tree_conversation):
    md = render([tree_conversation], "md").decode("utf-8")
    assert "Thanks! <img" not in md           # the edited-away user message
    assert "def greet(\n" not in md            # the stopped first reply
    assert "other branches" in md and "2 messages not shown" in md
    assert "*Version 2 of 2; the other versions are not shown.*" in md
    single = replace(tree_conversation, messages=tree_conversation.messages[:2], active_leaf_uid="u1")
    assert "other branches" not in render([single], "md").decode()


def test_unclosed_fence_cannot_swallow_the_next_turns(tree_conversation):
    # select the stopped reply, which ends inside ```python, then add a turn after it
    after = msg("u9", "a1", "user", "Please continue.", 10)
    conv = replace(tree_conversation, messages=tree_conversation.messages + (after,), active_leaf_uid="u9")
    probe = parse(render([conv], "md").decode())
    assert [t for tag, t in probe.headings if tag == "h2"][-1] == "User"
    assert "Please continue." in probe.visible
    assert "def greet(\n" in probe.code_blocks
    assert "Stopped by the user" in probe.visible


def test_error_status_and_detail(simple_conversation):
    md = render([simple_conversation], "md").decode()
    assert "The reply failed with an error." in md
    assert "```text\nllama_decode returned -3: out of memory\n```" in md


def test_multiple_conversations_are_separated(conversations):
    md = render(conversations, "md").decode()
    assert "\n\n---\n\n# Second chat\n" in md
    assert CHINESE in md
