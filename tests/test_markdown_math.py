"""Formulas: ``$…$`` and ``$$…$$`` become images (matplotlib mathtext) in the chat view and the
HTML export, with no JavaScript, and TeX escapes such as ``\\,`` reach the formula intact."""

from __future__ import annotations

import base64
import html as htmlmod
import re
import sys
from pathlib import Path

import pytest

from chatdesk.markdown import IncrementalRenderer, render
from chatdesk.markdown.formulas import MathError, formula_image

sys.path.insert(0, str(Path(__file__).parent / "transcripts"))
from html_probe import Probe

IMG = re.compile(r"<img [^>]*>")


def imgs(html: str) -> list[dict[str, str | None]]:
    return [attrs for tag, attrs in Probe(html).tags if tag == "img"]


@pytest.mark.parametrize("target", ["qt", "html"])
def test_inline_and_display_formulas_become_images(target):
    html = render(r"Euler: $e^{i\pi} + 1 = 0$ and $$\int_0^1 x\,dx = \frac{1}{2}$$", target=target)
    found = imgs(html)
    assert len(found) == 2
    assert found[0]["alt"] == r"$e^{i\pi} + 1 = 0$"
    assert found[1]["alt"] == r"$$\int_0^1 x\,dx = \frac{1}{2}$$"  # the \, is not eaten
    mime = "image/png" if target == "qt" else "image/svg+xml"
    for attrs in found:
        assert attrs["src"].startswith(f"data:{mime};base64,")
        assert int(attrs["width"]) > 0 and int(attrs["height"]) > 0
    assert "Euler:" in Probe(html).visible


def test_a_display_block_is_its_own_paragraph():
    html = render("Before\n\n$$\na^2 + b^2 = c^2\n$$\n\nAfter", target="html")
    assert '<div class="math-block"><img' in html
    assert imgs(html)[0]["alt"] == "$$a^2 + b^2 = c^2$$"


@pytest.mark.parametrize("text", ["It costs $5 and $10.", "Between $ 3 and $ 4", "a $ b", "US$100"])
def test_dollar_amounts_stay_text(text):
    html = render(text, target="html")
    assert "<img" not in html and "$" in Probe(html).visible


def test_escapes_outside_formulas_and_markdown_inside_them():
    html = render(r"$\{a_1, a_2\}$ and $*not emphasis*$", target="html")
    assert [a["alt"] for a in imgs(html)] == [r"$\{a_1, a_2\}$", "$*not emphasis*$"]
    assert "<em>" not in html


def test_a_formula_mathtext_cannot_draw_is_shown_as_source():
    html = render(r"Try $\begin{pmatrix} a \end{pmatrix}$ here", target="html")
    assert "<img" not in html
    assert r"$\begin{pmatrix} a \end{pmatrix}$" in Probe(html).visible
    with pytest.raises(MathError):
        formula_image(r"\frac{", display=False)


def test_svg_is_drawing_only():
    uri, _w, _h = formula_image(r"\sqrt{x^2+1}", fmt="svg")
    svg = base64.b64decode(uri.split(",", 1)[1]).decode("utf-8")
    assert "<svg" in svg and "<script" not in svg.lower() and "href=\"http" not in svg


def test_the_export_allows_only_data_images_and_scrolls_code(tmp_path):
    from chatdesk.transcripts import TranscriptConversation, TranscriptMessage
    from chatdesk.transcripts import render as render_transcript

    msgs = (
        TranscriptMessage(uid="u1", parent_uid=None, role="user", content="Show me", status="done", created_at=1.0),
        TranscriptMessage(uid="a1", parent_uid="u1", role="assistant", status="done", created_at=2.0,
                          content="$$x\\,y$$\n\n```python\n" + "x = 1  # " + "long " * 60 + "\n```"),
    )
    conv = TranscriptConversation(uid="c1", title="Math", created_at=1.0, updated_at=2.0, messages=msgs, active_leaf_uid="a1")
    page = render_transcript([conv], "html").decode("utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp and "img-src data:;" in htmlmod.unescape(csp.group(1)) and "script-src" not in csp.group(1)
    assert "<script" not in page
    assert imgs(page)[0]["src"].startswith("data:image/svg+xml;base64,")
    css = page[page.index("<style>"):page.index("</style>")]
    rule = re.search(r"\.code pre \{([^}]*)\}", css).group(1)
    assert "overflow-x: auto" in rule and "white-space: pre;" in rule and "overflow-wrap: normal" in rule


def test_the_chat_view_loads_the_formula_image(qapp):
    from PySide6.QtGui import QTextDocument, QTextImageFormat

    doc = QTextDocument()
    doc.setHtml(render(r"$a^2$", target="qt"))
    names = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(QTextImageFormat(fmt).name())
            it += 1
        block = block.next()
    assert len(names) == 1 and names[0].startswith("data:image/png;base64,")
    assert doc.documentLayout().documentSize().width() > 0
    from PySide6.QtCore import QUrl

    drawn = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(names[0]))  # Qt decodes the data: URL itself
    assert drawn is not None and not drawn.isNull() and drawn.width() > 0


def test_streaming_matches_the_whole_render():
    text = r"The area is $\pi r^2$, so for $r = 2$ it is $4\pi$." + "\n\n" + r"$$\sum_{k=1}^n k = \frac{n(n+1)}{2}$$" + "\n\nDone."
    inc = IncrementalRenderer("html", "light")
    for cut in range(0, len(text) + 1, 7):
        inc.render(text[:cut])
    assert inc.render(text) == render(text, target="html")
