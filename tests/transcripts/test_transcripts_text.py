"""Plain-text export: readable, wrapped to 80 display columns outside code."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from transcript_samples import CHINESE, PYTHON_CODE

from chatdesk.transcripts import render
from chatdesk.transcripts.textfmt import wrap_line


def columns(line: str) -> int:
    """Display width, computed independently of the exporter's own helper."""
    width = 0
    for ch in line:
        if unicodedata.combining(ch) or ch in "\u200d\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def prose_lines(text: str):
    in_code = False
    for line in text.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if not in_code:
            yield line


def test_lines_fit_80_columns_outside_code(conversations):
    text = render(conversations, "txt").decode("utf-8")
    assert all(columns(line) <= 80 for line in prose_lines(text)), [
        line for line in prose_lines(text) if columns(line) > 80]
    # the long English and Chinese paragraphs really were wrapped, not dropped
    assert text.count("word") == 60
    assert "".join(text.split()).count("这是一个测试") == 8 + 1  # simple chat + tree reply


def test_code_is_not_wrapped(tree_conversation):
    long_line = "x = " + " + ".join(f"value_{i}" for i in range(30))
    conv = tree_conversation
    messages = list(conv.messages)
    messages[-1] = replace(messages[-1], content=f"Code:\n\n```python\n{long_line}\n```\n\nafter")
    text = render([replace(conv, messages=tuple(messages))], "txt").decode()
    assert long_line in text.split("\n")
    assert PYTHON_CODE in text


def test_structure_and_active_branch_only(conversations):
    text = render(conversations, "txt").decode()
    lines = text.split("\n")
    assert lines[0].startswith("Greetings") and set(lines[1]) == {"="}
    assert "[User]" in lines and "[Assistant]" in lines and "[Assistant] (version 2 of 2)" in lines
    assert "Note: This conversation has other branches" in text
    assert "def greet(\n" not in text
    assert "#" * 80 in lines                               # separator between conversations
    assert "(The reply failed with an error.)" in text
    assert "Error: llama_decode returned -3: out of memory" in text


def test_wrap_line_hangs_list_items_and_breaks_long_words():
    item = "- " + "alpha " * 30
    wrapped = wrap_line(item)
    assert wrapped[0].startswith("- alpha") and all(w.startswith("  alpha") for w in wrapped[1:])
    url = "https://example.com/" + "a" * 200
    assert all(len(w) <= 80 for w in wrap_line(url))
    assert "".join(wrap_line(url)) == url
    assert all(columns(w) <= 80 for w in wrap_line(CHINESE * 20))
