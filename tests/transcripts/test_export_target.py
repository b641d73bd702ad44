"""The export's format follows the typed extension; a name without one gets the chosen format's."""

from __future__ import annotations

import json

import pytest

from chatdesk.transcripts import export_target, export_to_path, format_for_path


@pytest.mark.parametrize(("typed", "chosen", "path", "fmt"), [
    ("chat.html", "md", "chat.html", "html"),     # the typed extension beats the dialog's filter
    ("chat.HTM", None, "chat.HTM", "html"),
    ("notes.markdown", "json", "notes.markdown", "md"),
    ("log.txt", "html", "log.txt", "txt"),
    ("all.json", "txt", "all.json", "json"),
    ("notes", "html", "notes.html", "html"),      # no extension: the chosen format's is added
    ("notes", None, "notes.md", "md"),
    ("v1.2", "txt", "v1.2.txt", "txt"),           # an extension ChatDesk does not know is part of the name
    ("我的对话", "json", "我的对话.json", "json"),
])
def test_export_target(tmp_path, typed, chosen, path, fmt):
    assert export_target(tmp_path / typed, chosen) == (tmp_path / path, fmt)


def test_format_for_path_and_bad_choice(tmp_path):
    assert format_for_path("a/b/c.Json") == "json"
    assert format_for_path("c.pdf") is None
    with pytest.raises(ValueError, match="unknown transcript format"):
        export_target(tmp_path / "x", "pdf")


def test_the_written_file_is_in_the_typed_format(tmp_path, conversations):
    path, fmt = export_target(tmp_path / "chat.json", "md")
    export_to_path(conversations, fmt, path)
    assert json.loads(path.read_text("utf-8"))["conversations"]
    path, fmt = export_target(tmp_path / "page", "html")
    export_to_path(conversations, fmt, path)
    assert path.name == "page.html" and path.read_text("utf-8").lstrip().lower().startswith("<!doctype html>")
