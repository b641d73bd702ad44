"""chatdesk.markdown: the one renderer behind the chat view (target "qt") and the HTML export ("html").

The Qt-target tests load the output into a real QTextDocument (offscreen) and inspect what Qt
made of it: line breaks, tables, fonts, anchors. The incremental renderer is checked against the
full render at random streaming cut points of several realistic replies.
"""

from __future__ import annotations

import random
import re
from urllib.parse import urlsplit

import pytest
from probe_support import assert_probe_ok
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextDocument, QTextTable

from chatdesk.markdown import IncrementalRenderer, code_sources, copy_index, is_safe_link, render

TARGETS = ("qt", "html")

POEM = "Roses are red,\nViolets are blue,\nSugar is sweet,\nAnd so are you."
ADDRESS = "Jane Doe\n221B Baker Street\nLondon NW1 6XE\nUnited Kingdom"
RAW_HTML = ["<script>alert(1)</script>", "<b>bold</b>", "<img src=x onerror=alert(1)>"]


def qt_doc(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc


def fragments(doc: QTextDocument):
    """(text, char format) of every text fragment, table cells included."""
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid():
                yield frag.text(), frag.charFormat()
            it += 1
        block = block.next()


def fmt_of(doc: QTextDocument, text: str) -> QTextCharFormat:
    for frag_text, fmt in fragments(doc):
        if text in frag_text:
            return fmt
    raise AssertionError(f"{text!r} not found in {doc.toPlainText()!r}")


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def tables(doc: QTextDocument) -> list[QTextTable]:
    found = []
    stack = [doc.rootFrame()]
    while stack:
        frame = stack.pop()
        if isinstance(frame, QTextTable):
            found.append(frame)
        stack.extend(frame.childFrames())
    return found


def background_colours(html: str) -> list[str]:
    return (re.findall(r'bgcolor="(#[0-9a-fA-F]{3,6})"', html)
            + re.findall(r"background(?:-color)?:\s*(#[0-9a-fA-F]{3,6})", html))


def luminance(colour: str) -> float:
    h = colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    r, g, b = (int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


# --- line breaks -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [POEM, ADDRESS])
def test_soft_line_breaks_are_kept_in_both_targets(qapp, text):
    lines = text.split("\n")
    for target in TARGETS:
        html = render(text, target=target)
        assert html.count("<br>") == len(lines) - 1
    assert qt_doc(render(text)).toPlainText().split("\n") == lines


def test_qt_document_keeps_a_poems_lines_inside_other_blocks(qapp):
    text = f"> {POEM.replace(chr(10), chr(10) + '> ')}\n\n- {ADDRESS.replace(chr(10), chr(10) + '  ')}"
    plain = qt_doc(render(text)).toPlainText().split("\n")
    for line in POEM.split("\n") + ADDRESS.split("\n"):
        assert line in plain


# --- raw HTML, links -------------------------------------------------------------------------

@pytest.mark.parametrize("payload", RAW_HTML)
def test_raw_html_from_the_model_is_shown_as_text(qapp, payload):
    source = f"Before {payload} after\n\n{payload}\n\n- {payload}"
    for target in TARGETS:
        html = render(source, target=target)
        assert "<script" not in html and "<img" not in html and "<b>" not in html
        assert "&lt;" in html
    doc = qt_doc(render(source))
    assert doc.toPlainText().count(payload) == 3
    if "bold" in payload:
        assert fmt_of(doc, "bold").fontWeight() < 600
    assert not any(fmt.isImageFormat() for _, fmt in fragments(doc))


def test_images_are_shown_as_their_description_and_never_loaded(qapp):
    source = "![a cat](https://example.com/cat.png) and ![](https://example.com/x.png)"
    assert render(source, target="html") == ('<p><span class="image-alt">[image: a cat]</span> and '
                                             '<span class="image-alt">[image]</span></p>')
    doc = qt_doc(render(source))
    assert doc.toPlainText() == "[image: a cat] and [image]"
    assert not any(fmt.isImageFormat() for _, fmt in fragments(doc))


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd",
    "vbscript:msgbox(1)", "&#106;avascript:alert(1)", "/relative/path", "#anchor", "//evil.example/x",
    "ftp://files.example/x",
])
def test_unsafe_links_are_not_clickable(qapp, url):
    assert not is_safe_link(url)
    for source, visible in ((f"[click me]({url})", "click me"), (f"<{url}>", "<"), (f"![pic]({url})", "pic"),
                            (f"see {url} now", "see ")):
        for target in TARGETS:
            html = render(source, target=target)
            assert all(urlsplit(h).scheme in ("http", "https", "mailto") for h in hrefs(html)), (source, html)
        doc = qt_doc(render(source))
        assert not any(fmt.isAnchor() for _, fmt in fragments(doc)), source
        assert visible in doc.toPlainText()  # shown as text, not dropped


def test_safe_links_and_linkify():
    html = render("[docs](https://example.com/a?b=1&c=2) <http://example.org> [mail](mailto:me@example.com)\n"
                  "bare https://example.net/x, www.example.com and me@example.com; not main.py or README.md")
    assert hrefs(html) == ["https://example.com/a?b=1&amp;c=2", "http://example.org", "mailto:me@example.com",
                           "https://example.net/x", "http://www.example.com", "mailto:me@example.com"]
    assert "main.py or README.md" in html


def test_link_targets_cannot_break_out_of_the_attribute():
    html = render('[x](https://ok.example/"onmouseover="alert(1)) [y](<https://ok.example/a"b>)', target="html")
    assert "onmouseover=" not in html.replace("%22onmouseover=%22", "")
    for h in hrefs(html):
        assert '"' not in h and is_safe_link(h.replace("&amp;", "&"))


# --- GFM extensions --------------------------------------------------------------------------

TABLE = "| Name | Score | Note |\n|:-----|------:|:----:|\n| Ann | 3 | *top* |\n| 李雷 | 12 | 🚀 |"


def test_tables_in_both_targets(qapp):
    html = render(TABLE, target="html")
    assert '<th style="text-align: right">Score</th>' in html and "<td>" not in html.split("</thead>")[0]
    assert html.count("<tr>") == 3 and "<em>top</em>" in html
    doc = qt_doc(render(TABLE))
    (table,) = tables(doc)
    assert (table.rows(), table.columns()) == (3, 3)
    assert table.cellAt(2, 0).firstCursorPosition().block().text() == "李雷"
    assert table.cellAt(1, 1).firstCursorPosition().blockFormat().alignment() & Qt.AlignmentFlag.AlignRight
    assert table.format().border() >= 1


def test_strikethrough(qapp):
    assert "<s>old</s>" in render("~~old~~ new", target="html")
    assert fmt_of(qt_doc(render("~~old~~ new")), "old").fontStrikeOut()


def test_task_lists_render_as_ballot_boxes(qapp):
    source = "- [x] write tests\n- [ ] ship it\n- plain item"
    for target in TARGETS:
        html = render(source, target=target)
        assert "<input" not in html and "\u2611 write tests" in html and "\u2610 ship it" in html
    plain = qt_doc(render(source)).toPlainText()
    assert "\u2611 write tests" in plain and "\u2610 ship it" in plain


FOOTNOTES = "Water boils at 100 °C[^boil] at sea level[^sea]. Again[^boil].\n\n[^sea]: 101.325 kPa.\n[^boil]: Celsius scale.\n[^unused]: never cited."


def test_footnotes_are_superscript_references_and_a_list_at_the_end(qapp):
    html = render(FOOTNOTES, target="html", anchor_prefix="m1")
    assert '<sup class="footnote-ref"><a href="#fn-m1-1" id="fnref-m1-1">[1]</a></sup>' in html
    assert 'id="fnref-m1-1:1"' in html and '<a href="#fn-m1-2" id="fnref-m1-2">[2]</a>' in html
    notes = html[html.index('<section class="footnotes">'):]
    assert notes.index("Celsius scale.") < notes.index("101.325 kPa.")   # numbered by first reference
    assert 'id="fn-m1-1"' in notes and 'href="#fnref-m1-1:1"' in notes and "never cited" not in html
    doc = qt_doc(render(FOOTNOTES))
    assert fmt_of(doc, "[1]").verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSuperScript
    plain = doc.toPlainText().rstrip("\n").split("\n")
    assert plain[0].startswith("Water boils at 100 °C[1] at sea level[2]. Again[1].")
    assert plain[-2:] == ["Celsius scale.", "101.325 kPa."]
    assert "#" not in "".join(hrefs(render(FOOTNOTES)))   # the chat view has no in-page anchors


# --- code ------------------------------------------------------------------------------------

CODE_REPLY = """Three blocks:

```python
def greet(name):
    return f"<b>{name}</b>"  # 你好
```

```nosuchlang
plain <text> here
```

```
def not_guessed(): pass
```

- in a list:

      indented code
"""


def test_code_blocks_known_unknown_and_no_language(qapp):
    html = render(CODE_REPLY)
    blocks = html.split("<table width=")[1:]
    assert len(blocks) == 4
    python, unknown, bare, indented = blocks
    assert ">python</span>" in python and "color: #008000" in python          # Pygments' default keyword colour
    assert "&lt;b&gt;" in python and "你好" in python
    assert ">nosuchlang</span>" in unknown and "plain &lt;text&gt; here" in unknown and "<span style=\"color: #" not in unknown
    assert ">code</span>" in bare and "<span style=\"color: #" not in bare    # no language: never guessed
    assert "<span style=\"color: #" not in indented
    assert [h for h in hrefs(html) if h.startswith("chatdesk-copy:")] == [f"chatdesk-copy:{n}" for n in range(4)]
    doc = qt_doc(html)
    assert fmt_of(doc, "def").foreground().color().name() == "#008000"
    assert fmt_of(doc, "def").fontWeight() >= 600


def test_copy_links_only_in_the_chat_view_and_sources_are_exact():
    assert "chatdesk-copy" not in render(CODE_REPLY, target="html")
    assert code_sources(CODE_REPLY) == [
        'def greet(name):\n    return f"<b>{name}</b>"  # 你好',
        "plain <text> here",
        "def not_guessed(): pass",
        "indented code",
    ]
    assert code_sources("```sh\n\n  two blank-edged lines  \n\n```") == ["\n  two blank-edged lines  \n"]
    assert copy_index("chatdesk-copy:3") == 3
    assert copy_index("chatdesk-copy:x") is None and copy_index("https://example.com") is None


def test_code_block_header_cannot_inject_markup():
    html = render('```" onmouseover="alert(1) <b>\nx\n```', target="html") + render('```<script>\nx\n```')
    assert "onmouseover=\"" not in html and "<script" not in html and "<b>" not in html


def test_dark_theme_has_no_light_code_backgrounds():
    light = background_colours(render(CODE_REPLY + "\n`inline`\n\n" + TABLE, theme="light"))
    dark_html = render(CODE_REPLY + "\n`inline`\n\n" + TABLE, theme="dark")
    dark = background_colours(dark_html)
    assert light and max(luminance(c) for c in light) > 0.8
    assert dark and max(luminance(c) for c in dark) < 0.25, dark
    code_text = re.search(r'<pre style="color:(#[0-9a-fA-F]{6})', dark_html)[1]
    assert luminance(code_text) > 0.7
    assert not set(light) & set(dark)


def test_bad_options_get_clear_errors():
    with pytest.raises(ValueError, match="Unknown colour theme 'blue'; use one of: light, dark"):
        render("x", theme="blue")
    with pytest.raises(ValueError, match="Unknown Markdown target 'pdf'; use one of: qt, html"):
        render("x", target="pdf")


# --- text ------------------------------------------------------------------------------------

def test_chinese_and_emoji(qapp):
    text = "# 标题 🎉\n\n你好，世界！**加粗** 👩‍💻 `代码`\n第二行 🇨🇭"
    for target in TARGETS:
        html = render(text, target=target)
        for piece in ("标题 🎉", "你好，世界！", "<strong>加粗</strong>", "👩‍💻", "代码", "第二行 🇨🇭"):
            assert piece in html
    plain = qt_doc(render(text)).toPlainText().split("\n")
    assert plain == ["标题 🎉", "你好，世界！加粗 👩‍💻 代码", "第二行 🇨🇭"]


@pytest.mark.parametrize("source", ["> " * 5000 + "deepest", "intro\n\n" + "- " * 100 + "deepest\n\nafter"])
def test_absurd_nesting_loses_no_text(source):
    for target in TARGETS:
        html = render(source, target=target)
        assert "deepest" in html
        if "after" in source:
            assert "after" in html


def test_import_is_free_and_warm_up_needs_no_qt():
    """Importing the package must not pay for markdown-it/Pygments (window start-up); warm_up pays
    it on a worker thread and must not touch Qt."""
    probe = (
        "import sys, threading\n"
        "import chatdesk.markdown as m\n"
        "heavy = [n for n in ('markdown_it', 'pygments', 'linkify_it') if n in sys.modules]\n"
        "assert not heavy, heavy\n"
        "errors = []\n"
        "def run():\n"
        "    try: m.warm_up()\n"
        "    except BaseException as e: errors.append(repr(e))\n"
        "t = threading.Thread(target=run); t.start(); t.join()\n"
        "assert not errors, errors\n"
        "assert 'markdown_it' in sys.modules and 'pygments.lexers.python' in sys.modules\n"
        "assert 'chatdesk.markdown.incremental' in sys.modules  # not on the GUI thread at the first Send\n"
        "assert not any(n.startswith('PySide6') for n in sys.modules)\n"
        "print('ok')\n"
    )
    assert_probe_ok(probe)


def test_warm_up_can_leave_the_other_languages_lexers_for_later():
    """The window's start-up warm-up compiles the parser and Python's lexer only; the common
    languages' lexers come with ``warm_up_lexers`` (the view calls it some seconds later)."""
    probe = (
        "import sys\n"
        "import chatdesk.markdown as m\n"
        "m.warm_up(lexers=False)\n"
        "assert 'markdown_it' in sys.modules and 'pygments.lexers.python' in sys.modules\n"
        "assert 'pygments.lexers.shell' not in sys.modules and 'pygments.lexers.rust' not in sys.modules\n"
        "m.warm_up_lexers()\n"
        "assert 'pygments.lexers.shell' in sys.modules and 'pygments.lexers.rust' in sys.modules\n"
        "print('ok')\n"
    )
    assert_probe_ok(probe)


# --- incremental rendering -------------------------------------------------------------------

REPLIES = [
    # a how-to with code and lists
    """Sure! Here's how to read a file line by line in Python:

```python
from pathlib import Path

def read_lines(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\\n") for line in handle]
```

Key points:
- `with` closes the file, even on errors
- iterate lazily for big files

1. Open the file
2. Read it

   A second paragraph makes this list loose.
3. Close it

That's it!
""",
    # tables, task lists, footnotes before their definitions, a reference link, quotes, setext heading
    """# Release plan

We ship on Friday[^date] if the [checklist][cl] is done.
Status overview
---------------

| Step | Owner | Done |
|:-----|:-----:|-----:|
| Design | Ann | ~~no~~ yes |
| Build | 李雷 | 🚀 |

- [x] write tests
- [ ] update the docs

> Reminder: freeze merges
Thursday evening.
> > Nested quote.

Questions go to the channel[^ch]; see the date note again[^date].

[cl]: https://example.com/checklist "Checklist"

[^date]: Friday the 13th, 15:00 UTC.
[^ch]: #release on the chat server.

    The channel is archived afterwards.
""",
    # Chinese, emoji, poem, and traps for a streaming parser
    """诗一首：

床前明月光，
疑是地上霜。
举头望明月 🌕
低头思故乡。

A paragraph
```py`
that looks like a fence opener but is not.

intro text
a | b
|-x

next
a | b
---|---
1 | 2

* loose item one

* loose item two
continued lazily

    indented code block

    second chunk
***
Ends with an open fence:

```js
console.log("never closed");
let total = 0;
""",
    # a long, multi-section answer
    "".join(f"## Part {n}\n\nParagraph {n} with **bold**, `code` and https://example.com/{n}.\nSecond line.\n\n"
            f"- point {n}.1\n- point {n}.2\n\n```bash\necho part {n}\n```\n\n" for n in range(1, 9)),
]


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("reply", range(len(REPLIES)))
def test_incremental_render_equals_full_render_at_random_cut_points(target, reply):
    text = REPLIES[reply]
    for seed in range(3):
        rng = random.Random(seed * 100 + reply)
        renderer = IncrementalRenderer(target=target, theme="dark" if seed == 1 else "light", anchor_prefix="r")
        cut = 0
        while cut < len(text):
            cut = min(len(text), cut + rng.randint(1, 24))
            expected = render(text[:cut], target=target, theme=renderer.renderer.colours.name, anchor_prefix="r")
            assert renderer.render(text[:cut]) == expected, (seed, cut, text[max(0, cut - 40):cut])
        # The cache really was used: most of the reply ended up in finished, cached blocks.
        assert renderer.cached_chars > len(text) // 2


def test_incremental_render_every_character_of_the_tricky_reply():
    text = REPLIES[2] + "\n```\n\nAfter the fence[^n].\n\n[^n]: Note.\n"
    renderer = IncrementalRenderer()
    for cut in range(1, len(text) + 1):
        assert renderer.render(text[:cut]) == render(text[:cut]), (cut, text[max(0, cut - 30):cut])


def test_incremental_renderer_handles_a_text_that_is_not_a_continuation():
    renderer = IncrementalRenderer()
    first = REPLIES[0]
    renderer.render(first)
    assert renderer.cached_chars > 0
    edited = first.replace("Sure!", "Of course!")
    assert renderer.render(edited) == render(edited)
    assert renderer.render("") == render("") == ""
