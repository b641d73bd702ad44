"""HTML export: self-contained, script-free, and every payload shown as text."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

import pytest
from html_probe import Probe
from transcript_samples import ARABIC, CHINESE, EMOJI, HEBREW, IMG, PYTHON_CODE, SCRIPT

from chatdesk.markdown import is_safe_link
from chatdesk.markdown import render as render_markdown
from chatdesk.transcripts import TranscriptConversation, TranscriptMessage, render

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "article", "header", "section",
                "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span", "pre", "code", "em",
                "strong", "s", "sup", "ul", "ol", "li", "blockquote", "a", "details", "summary", "table", "thead",
                "tbody", "tr", "th", "td"}


def render_markdown_html(source: str) -> str:
    return render_markdown(source, target="html")


def href_ok(value: str) -> bool:
    """Web and mail links, or a footnote's in-page anchor."""
    return urlsplit(value).scheme in ("http", "https", "mailto") or value.startswith(("#fn-", "#fnref-"))


def assert_safe(html: str) -> Probe:
    probe = Probe(html)
    for tag, attrs in probe.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "srcset", "action", "formaction", "background", "poster"), (tag, name)
            if name == "href":
                assert tag == "a" and href_ok(value), value
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
    assert PYTHON_CODE in probe.code_blocks                      # Pygments spans, same text
    assert ("h3", "Answer") in probe.headings                    # reply headings demoted below h2
    tags = [t for t, _ in probe.tags]
    assert "strong" in tags and "em" in tags and "ul" in tags and "blockquote" in tags
    links = [a["href"] for t, a in probe.tags if t == "a"]
    assert links == ["https://example.com/docs?a=1&b=2"]        # javascript: link and image not links
    assert "[bad link](javascript:alert(1))" in probe.visible and "[image: tracker]" in probe.visible
    assert [text for text in probe.text if text in ("python", "markdown")] == ["python", "markdown"]  # code headers
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
    assert not is_safe_link(url)
    for source in (f"[click]({url})", f"<{url}>", f"![x]({url})", url):
        assert_html_fragment_safe(render_markdown_html(source))


def assert_html_fragment_safe(fragment: str) -> None:
    probe = Probe(fragment)
    for tag, attrs in probe.tags:
        assert not any(k.startswith("on") or k == "src" for k in attrs), (tag, attrs)
        if "href" in attrs:
            assert href_ok(attrs["href"]), attrs
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


@pytest.mark.timeout(120)  # a hang guard for quadratic/exponential parsing, not a speed test
@pytest.mark.parametrize("source", ["[a](" * 30000, "[" * 100000, "*a " * 50000, "_a_b " * 20000,
                                    "`a ``" * 20000, "<https" * 30000, "- x\n" * 10000, "> " * 5000 + "x",
                                    "[^" * 20000, "~~" * 20000 + "x"])
def test_pathological_input_renders_without_loss(source):
    fragment = render_markdown_html(source)
    assert_html_fragment_safe(fragment)
    assert Probe(fragment).visible.strip()  # something is shown, nothing crashes


def test_tables_and_nested_emphasis():
    probe = Probe(render_markdown_html("| Name | Score |\n|:-----|------:|\n| *Ann* | 3 |\n\n***both***"))
    tags = [t for t, _ in probe.tags]
    assert tags[:4] == ["div", "table", "thead", "tr"] and tags.count("td") == 2
    assert ("td", {"style": "text-align: right"}) in probe.tags
    assert tags[-2:] == ["em", "strong"]


def _reply_page(content: str, uid: str = "a1") -> str:
    conv = TranscriptConversation(
        uid="c1", title="t", created_at=0.0, updated_at=1.0, active_leaf_uid=uid,
        messages=(TranscriptMessage(uid="u1", parent_uid=None, role="user", content="q", status="done", created_at=0.0),
                  TranscriptMessage(uid=uid, parent_uid="u1", role="assistant", content=content, status="done",
                                    created_at=1.0)))
    return render([conv], "html").decode("utf-8")


def test_soft_line_breaks_strikethrough_and_task_lists_in_the_export():
    html = _reply_page("Roses are red,\nViolets are blue.\n\n~~draft~~ final\n\n- [x] done\n- [ ] todo")
    probe = assert_safe(html)
    assert "Roses are red,<br>\nViolets are blue." in html
    assert ("s", {}) in probe.tags and "draft" in probe.visible
    assert "\u2611 done" in probe.visible and "\u2610 todo" in probe.visible and "<input" not in html


def test_footnotes_link_within_their_own_reply():
    one = _reply_page("Claim[^1].\n\n[^1]: Source.", uid="reply-one")
    probe = assert_safe(one)
    assert ('a', {"href": "#fn-reply-one-1", "id": "fnref-reply-one-1"}) in probe.tags
    assert ("li", {"id": "fn-reply-one-1"}) in probe.tags
    assert ("a", {"href": "#fnref-reply-one-1", "class": "footnote-backref"}) in probe.tags
    two = _reply_page("Claim[^1].\n\n[^1]: Source.", uid="reply-two")
    assert "fn-reply-two-1" in two and "fn-reply-one-1" not in two
