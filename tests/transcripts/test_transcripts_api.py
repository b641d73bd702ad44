"""Public API odds and ends: formats, non-ASCII everywhere, the import boundary."""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import pytest
from transcript_samples import ARABIC, CHINESE, EMOJI, HEBREW

import chatdesk.transcripts as transcripts
from chatdesk.transcripts import FORMATS, parse_json, render, suggest_filename

PACKAGE = Path(transcripts.__file__).parent


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_non_ascii_survives_every_format(conversations, fmt):
    text = render(conversations, fmt).decode("utf-8")  # strict UTF-8
    if fmt == "json":
        text = json.dumps(json.loads(text), ensure_ascii=False)
    for sample in (CHINESE, EMOJI, ARABIC, HEBREW):
        if fmt == "txt" and sample == CHINESE:
            assert CHINESE.replace("\n", "") in text.replace("\n", "")
        else:
            assert sample in text, (fmt, sample)
    assert "\ufffd" not in text


def test_non_ascii_round_trips_through_json(conversations):
    assert parse_json(render(conversations, "json")) == conversations


def test_unknown_format_and_wrong_argument(conversations):
    with pytest.raises(ValueError, match="unknown transcript format"):
        render(conversations, "pdf")
    with pytest.raises(TypeError):
        render(conversations[0], "md")


def test_suggest_filename(conversations):
    assert suggest_filename(conversations[1:], "md") == "Second chat.md"
    assert suggest_filename(conversations, "json") == "ChatDesk export (2 conversations).json"
    name = suggest_filename(conversations[:1], "html")
    assert name.endswith(".html") and not set('<>:"/\\|?*') & set(name)


def test_package_imports_only_stdlib_and_the_markdown_renderer():
    # the one Markdown renderer, shared with the chat view; translatable (dependency-free): error
    # sentences the window shows in its own language
    allowed = {"chatdesk.markdown", "chatdesk.atomic", "translatable"}  # atomic: the one crash-safe write
    for source in PACKAGE.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or name in allowed, (source.name, name)
