"""HTML export: self-contained, script-free, and every payload shown as text."""

from __future__ import annotations

import time
from dataclasses import replace
from urllib.parse import urlsplit

import pytest
from html_probe import Probe
from transcript_samples import ARABIC, CHINESE, EMOJI, HEBREW, IMG, PYTHON_CODE, SCRIPT

from chatdesk.transcripts import render
from chatdesk.transcripts.mdrender import render_markdown_html, safe_href

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "article", "header", "section",
                "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span", "pre", "code", "em",
                "strong", "ul", "ol", "li", "blockquote", "a", "details", "summary", "table", "thead", "tbody",
                "tr", "th", "td"}


def assert_safe(html: str) -> Probe:
    probe = Probe(html)
    for tag, attrs in probe.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "srcset", "action", "formaction", "background", "poster"), (tag, name)
            if name == "href":
                assert tag == "a" and urlsplit(value).scheme in ("http", "https"), value
            assert "javascript:" not in (value or "").lower()
            assert "url(" not in (value or "").lower()
    css = html[html.index("<style>"):html.index("</style>")]
    assert "url(" not in css and "@import" not in css
    return probe


def test_payloads_are_escaped_and_visible(conversations):
    html = render(conversations, "html").decode("utf-8")
    probe = assert_safe(html)
    visible = probe.visible
    assert f"Raw html: {SCRIPT} {IMG}" in visible               # assistant Markdown path
    assert f"Thanks! Now say hi in Chinese {EMOJI}, Arabic and Hebrew. {SCRIPT}" in visible  # user text path
    assert f"quoted {IMG}" in visible
    assert "<script>" not in html.split("</style>", 1)[1] and "<img" not in html
    assert html.count("&lt;script&gt;") >= 4


def test_self_contained_offline_page(conversations):
    html = render(conversations, "html").decode("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "prefers-color-scheme: dark" in html
    assert "<link" not in html and "@import" not in html
    assert html.count('<article class="conversation">') == 2


def test_markdown_and_code_are_rendered(tree_conversation):
    probe = assert_safe(render([tree_conversation], "html").decode())
    assert PYTHON_CODE + "\n" in probe.code_blocks               # Pygments spans, same text
    assert ("h3", "Answer") in probe.headings                    # reply headings demoted below h2
    tags = [t for t, _ in probe.tags]
    assert "strong" in tags and "em" in tags and "ul" in tags and "blockquote" in tags
    links = [a["href"] for t, a in probe.tags if t == "a"]
    assert links == ["https://example.com/docs?a=1&b=2"]        # javascript: link and image dropped
    assert "bad link" in probe.visible and "[image: tracker]" in probe.visible
    html = render([tree_conversation], "html").decode()
    assert 'style="color:' in html                              # inline Pygments colours, no classes


def test_message_bodies_have_dir_auto(tree_conversation):
    html = render([tree_conversation], "html").decode()
    probe = Probe(html)
    bodies = [a for t, a in probe.tags if "body" in (a.get("class") or "").split()]
    assert len(bodies) == 5 and all(a.get("dir") == "auto" for a in bodies)
    for text in (CHINESE, EMOJI, ARABIC, HEBREW):
        assert text in probe.visible


def test_provenance_and_status_shown(tree_conversation):
    conv = replace(tree_conversation, active_leaf_uid="a1")
    probe = assert_safe(render([conv], "html").decode())
    assert "Stopped by the user" in probe.visible
    assert "Q4_K_M" in probe.visible and "gguf_sha256" in probe.visible


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd", "//evil.example/x",
    "&#106;avascript:alert(1)", "https://ok.example/\" onmouseover=\"alert(1)",
])
def test_unsafe_links_never_become_href(url):
    assert safe_href(url) is None
    for source in (f"[click]({url})", f"<{url}>", f"![x]({url})", url):
        assert_html_fragment_safe(render_markdown_html(source))


def assert_html_fragment_safe(fragment: str) -> None:
    probe = Probe(fragment)
    for tag, attrs in probe.tags:
        assert not any(k.startswith("on") or k == "src" for k in attrs), (tag, attrs)
        if "href" in attrs:
            assert urlsplit(attrs["href"]).scheme in ("http", "https")
    assert "<script" not in fragment


@pytest.mark.parametrize("source", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>", "`<b>`", "**<i>bold</i>**", "> <iframe src=//x>",
    "- <style>body{display:none}</style>", "```html\n<script>alert(1)</script>\n```",
    "```\" onmouseover=\"alert(1)\nx\n```", "[<img src=x onerror=alert(1)>](https://ok.example)",
    "# <script>x</script>", "| <b>a</b> | b |\n|---|:-:|\n| <img src=x onerror=alert(1)> | [x](javascript:y) |", "&lt;script&gt; &amp; &#60;", ">" * 500 + " deep", "*" * 5000, "[" * 3000,
])
def test_markdown_renderer_escapes_everything(source):
    fragment = render_markdown_html(source)
    assert_html_fragment_safe(fragment)
    for tag, _ in Probe(fragment).tags:
        assert tag in ALLOWED_TAGS


@pytest.mark.parametrize("source", ["[a](" * 30000, "[" * 100000, "*a " * 50000, "_a_b " * 20000,
                                    "`a ``" * 20000, "<https" * 30000, "- x\n" * 10000, "> " * 5000 + "x"])
def test_pathological_input_renders_quickly(source):
    start = time.perf_counter()
    assert_html_fragment_safe(render_markdown_html(source))
    assert time.perf_counter() - start < 3


def test_tables_and_nested_emphasis():
    probe = Probe(render_markdown_html("| Name | Score |\n|:-----|------:|\n| *Ann* | 3 |\n\n***both***"))
    tags = [t for t, _ in probe.tags]
    assert tags[:4] == ["div", "table", "thead", "tr"] and tags.count("td") == 2
    assert ("td", {"style": "text-align: right"}) in probe.tags
    assert tags[-2:] == ["em", "strong"]
