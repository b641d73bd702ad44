"""markdown-it tokens -> HTML, for two targets from the same parse.

``qt``    the chat view: stays inside Qt's supported HTML subset (``QTextDocument.setHtml``):
          inline styles only, tables with ``border``/``cellpadding`` attributes and ``align`` on
          cells, ``<pre>`` for code, no classes, no ids. Each code block gets a header with its
          language and a ``chatdesk-copy:<n>`` "Copy" link.
``html``  the transcript export: ordinary HTML with a few classes for the page's stylesheet,
          footnote anchors (prefixed per message so a page of many replies has unique ids) and
          headings demoted below the transcript's own ``<h1>``/``<h2>``.

The rules shared by both live here once: line breaks (``<br>``), escaping (markdown-it escapes
text; Pygments escapes code; raw HTML and images come out as text), the link policy
(``dialect.is_safe_link``, applied by the parser), task items as ☐ / ☑, footnotes as superscript
references plus a numbered list at the end.

A document renders as a sequence of top-level blocks, each rendered on its own, plus the footnote
list computed from the parse's ``env``. ``incremental`` relies on that: it keeps the HTML of
finished blocks and re-renders only the tail.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from html import escape
from typing import Any

from markdown_it.common.utils import unescapeAll
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from . import COPY_SCHEME
from .dialect import normalize, parser
from .highlight import Theme, code_html, theme

TARGETS = ("qt", "html")

# Keys this renderer keeps in markdown-it's ``env`` (next to "references" and "footnotes").
CODE_COUNT = "chatdesk_code_blocks"      # code blocks rendered so far: the next one's copy index
FOOTNOTE_HTML = "chatdesk_footnotes"     # footnote label -> rendered definition (first one wins)
ANCHOR = "chatdesk_anchor"               # prefix of the export's footnote ids, e.g. "<message uid>-"
GROWING = "chatdesk_growing_code"        # a streaming reply's GrowingCode (incremental), if any

_TASK_BOX = '<input class="task-list-item-checkbox"'  # what the tasklists plugin emits
_TRAILING_PARAGRAPH = "</p>\n"
_ANCHOR_CHARS = re.compile(r"[^A-Za-z0-9_-]")


def new_env(anchor_prefix: str = "") -> dict[str, Any]:
    prefix = _ANCHOR_CHARS.sub("", anchor_prefix)[:64]
    return {"references": {}, CODE_COUNT: 0, FOOTNOTE_HTML: {}, ANCHOR: f"{prefix}-" if prefix else ""}


@lru_cache(maxsize=16)
def renderer_for(target: str, theme_name: str, labels: tuple[str, str] = ("Copy", "code")) -> Renderer:
    """Renderers are stateless (per-document state lives in ``env``): one per target, theme and
    the (translated) words of the code-block header: the Copy link and "code" for no language."""
    return Renderer(target, theme_name, labels)


def finish(html: str) -> str:
    """Qt turns a newline after the last block into a trailing space on the last line."""
    return html.rstrip("\n")


def top_level_blocks(tokens: Sequence[Token]) -> list[list[Token]]:
    """Split a token stream into its top-level blocks (a paragraph, a whole list, a table, …)."""
    blocks: list[list[Token]] = []
    start = depth = 0
    for i, token in enumerate(tokens):
        depth += token.nesting
        if depth == 0:
            blocks.append(list(tokens[start:i + 1]))
            start = i + 1
    if start < len(tokens):  # unbalanced stream (never produced by markdown-it): keep it whole
        blocks.append(list(tokens[start:]))
    return blocks


def fence_language(token: Token) -> str:
    info = unescapeAll(token.info).strip() if token.info else ""
    return info.split(maxsplit=1)[0] if info else ""


def code_source(token: Token) -> str:
    """A code block's text as the user would copy it: its lines, without the final line end."""
    content = token.content
    return content[:-1] if content.endswith("\n") else content


class Renderer(RendererHTML):
    """RendererHTML with ChatDesk's rules. Holds no per-document state (that lives in ``env``),
    so one instance serves every thread."""

    def __init__(self, target: str = "qt", theme_name: str = "light", labels: tuple[str, str] = ("Copy", "code")) -> None:
        if target not in TARGETS:
            raise ValueError(f"Unknown Markdown target {target!r}; use one of: {', '.join(TARGETS)}.")
        super().__init__()
        self.qt = target == "qt"
        self.colours: Theme = theme(theme_name)
        self.heading_offset = 0 if self.qt else 2
        self.copy_label, self.code_label = (escape(x) for x in labels)

    # -- documents -----------------------------------------------------------------------

    def parse(self, text: str, env: dict[str, Any]) -> list[Token]:
        return parser().parse(text, env)

    def render_block(self, block: Sequence[Token], env: dict[str, Any], source: str) -> str:
        """One top-level block of ``source`` (the text that was parsed into it)."""
        options = parser().options
        if any(token.level >= options["maxNesting"] - 1 for token in block):
            return self._too_deep(block, env, source)
        return self.render(block, options, env)

    def render_document(self, text: str, anchor_prefix: str = "") -> str:
        """The whole reply as HTML (what ``IncrementalRenderer`` must reproduce piece by piece)."""
        env = new_env(anchor_prefix)
        text = normalize(text)
        tokens = self.parse(text, env)
        body = "".join(self.render_block(block, env, text) for block in top_level_blocks(tokens))
        return finish(body + self.footnote_list(env))

    def _too_deep(self, block: Sequence[Token], env: dict[str, Any], source: str) -> str:
        """markdown-it stops parsing (and drops the rest of) blocks nested deeper than maxNesting;
        show such a block's source as plain text instead, so nothing is lost."""
        env[CODE_COUNT] += sum(1 for t in block if t.type in ("fence", "code_block"))  # keep Copy numbering
        first, last = block[0].map or (0, 0), block[-1].map or (0, 0)
        lines = source.split("\n")[first[0]:max(first[1], last[1])]
        return "<p>" + "<br>\n".join(escape(line, quote=False) for line in lines) + "</p>\n"

    def render(self, tokens: Sequence[Token], options: Any, env: Any) -> str:
        out: list[str] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.type == "footnote_reference_open":
                end = _closing(tokens, i)
                html = self.render(tokens[i + 1:end], options, env)
                env[FOOTNOTE_HTML].setdefault(token.meta["label"], html)
                i = end + 1
                continue
            if token.type == "inline":
                out.append(self.renderInline(token.children or [], options, env))
            elif token.type in self.rules:
                out.append(self.rules[token.type](tokens, i, options, env))
            else:
                out.append(self.renderToken(tokens, i, options, env))
            i += 1
        return "".join(out)

    def footnote_list(self, env: dict[str, Any]) -> str:
        """The numbered list of referenced footnotes, in order of first reference."""
        notes = env.get("footnotes", {}).get("list") or {}
        if not notes:
            return ""
        items = []
        anchor = env[ANCHOR]
        for number, note in notes.items():
            body = env[FOOTNOTE_HTML].get(note.get("label"), "")
            n = number + 1
            if self.qt:
                items.append(f"<li>{body}</li>\n")
                continue
            backs = "".join(
                f' <a href="#fnref-{anchor}{n}{_sub(k)}" class="footnote-backref">\u21a9\ufe0e</a>'
                for k in range(max(1, note.get("count", 0))))
            if body.endswith(_TRAILING_PARAGRAPH):
                body = body[:-len(_TRAILING_PARAGRAPH)] + backs + _TRAILING_PARAGRAPH
            else:
                body += backs
            items.append(f'<li id="fn-{anchor}{n}">{body}</li>\n')
        if self.qt:
            return "<hr>\n<ol>\n" + "".join(items) + "</ol>\n"
        return ('<hr class="footnotes-sep">\n<section class="footnotes">\n<ol class="footnotes-list">\n'
                + "".join(items) + "</ol>\n</section>\n")

    # -- code ------------------------------------------------------------------------------

    def fence(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return self._code(tokens[idx], fence_language(tokens[idx]), env)

    def code_block(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return self._code(tokens[idx], "", env)

    def _code(self, token: Token, language: str, env: Any) -> str:
        number = env[CODE_COUNT]
        env[CODE_COUNT] = number + 1
        c = self.colours
        growing = env.get(GROWING)
        code = code_source(token)
        body = growing.html(number, code, language, c) if growing is not None else code_html(code, language, c)
        if self.qt:
            return self.code_table(language, number, body)
        label = escape(language[:40]) if language else self.code_label
        css_lang = re.sub(r"[^\w+#.-]", "", language)[:40]
        code_class = f' class="language-{css_lang}"' if css_lang else ""
        return (
            f'<div class="code"><div class="code-head" style="background-color:{c.head_bg}; color:{c.muted}">'
            f'{label}</div><pre style="background-color:{c.code_bg}; color:{c.code_text}">'
            f"<code{code_class}>{body}</code></pre></div>\n")

    def code_table(self, language: str, number: int, body: str, first: bool = True, last: bool = True) -> str:
        """A code block for the chat view (``qt``): a header with the language and Copy, then the
        coloured ``body`` in a panel.

        A streaming view may lay out a long open block as a stack of pieces (``first``/``last``
        False): a piece with no header above it has no space above its first line, one followed
        by another none below its last, so the stacked pieces draw exactly what the whole table
        draws when no piece starts or ends with an empty line (Qt's HTML drops that line)."""
        c = self.colours
        label = escape(language[:40]) if language else self.code_label
        head = (f'<tr><td bgcolor="{c.head_bg}"><span style="color:{c.muted}; font-size:small">{label}</span>'
                f'&nbsp;&nbsp;&nbsp;<a href="{COPY_SCHEME}:{number}" style="font-size:small">{self.copy_label}</a></td></tr>\n')
        pad = "" if first and last else f' style="padding-top:{6 if first else 0}px; padding-bottom:{6 if last else 0}px"'
        return (
            f'<table width="100%" border="0" cellspacing="0" cellpadding="6" bgcolor="{c.code_bg}" '
            f'style="margin-top:{6 if first else 0}px; margin-bottom:{6 if last else 0}px">\n'
            # Code keeps its lines (white-space:pre): a long line widens the block, and the
            # chat view scrolls it sideways; so Copy sits next to the label, always in view.
            + (head if first else "")
            + f'<tr><td{pad}><pre style="color:{c.code_text}; white-space:pre; margin-top:0px; margin-bottom:0px">{body}</pre></td></tr>\n'
            "</table>\n")

    def code_inline(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        text = escape(tokens[idx].content, quote=False)
        if self.qt:
            return f'<code style="background-color:{self.colours.inline_code_bg}">{text}</code>'
        return f"<code>{text}</code>"

    # -- formulas -----------------------------------------------------------------------

    def math_inline(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return self._math(tokens[idx].content, display=False)

    def math_inline_double(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return self._math(tokens[idx].content, display=True, inline=True)

    def math_block(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return self._math(tokens[idx].content, display=True)

    def _math(self, tex: str, *, display: bool, inline: bool = False) -> str:
        """A formula as an image (see ``formulas``); its source as code when it cannot be drawn.
        The image's alt text is the source, so copying the reply keeps the formula."""
        from .formulas import MathError, formula_image

        source = tex.strip()
        marks = "$$" if display else "$"
        alt = escape(f"{marks}{source}{marks}", quote=True)
        block = display and not inline
        try:
            uri, width, height = formula_image(source, display=display, fmt="png" if self.qt else "svg",
                                               color=self.colours.code_fg if self.qt else "#1f2328")
        except MathError:
            code = self.code_inline([Token("code_inline", "code", 0, content=f"{marks}{source}{marks}")], 0, {}, {})
            return f"<p>{code}</p>\n" if block else code
        if self.qt:
            img = f'<img src="{uri}" width="{width}" height="{height}" alt="{alt}" style="vertical-align:middle">'
            return f'<p align="center">{img}</p>\n' if block else img
        img = f'<img class="math" src="{uri}" width="{width}" height="{height}" alt="{alt}" title="{alt}">'
        return f'<div class="math-block">{img}</div>\n' if block else img

    # -- raw HTML and images: always text ------------------------------------------------

    def html_inline(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        content = tokens[idx].content
        if content.startswith(_TASK_BOX):  # a task list item's box, from the tasklists plugin
            return "\u2611" if 'checked="checked"' in content else "\u2610"
        return escape(content, quote=False)

    def html_block(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return f"<p>{escape(tokens[idx].content, quote=False)}</p>\n"

    def image(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        """Never load anything: an image is shown as its description."""
        alt = escape(self.renderInlineAsText(tokens[idx].children or [], options, env), quote=False)
        text = f"[image: {alt}]" if alt else "[image]"
        return text if self.qt else f'<span class="image-alt">{text}</span>'

    # -- links -----------------------------------------------------------------------------

    def link_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        # The parser only produced this token if dialect.is_safe_link accepted the URL.
        href = escape(str(tokens[idx].attrGet("href") or ""), quote=True)
        if self.qt:
            return f'<a href="{href}">'
        return f'<a href="{href}" rel="noopener noreferrer nofollow">'

    def footnote_ref(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        meta = tokens[idx].meta
        n = meta["id"] + 1
        if self.qt:
            return f"<sup>[{n}]</sup>"
        anchor = env[ANCHOR]
        sub = _sub(meta.get("subId", 0))
        return (f'<sup class="footnote-ref"><a href="#fn-{anchor}{n}" id="fnref-{anchor}{n}{sub}">'
                f"[{n}]</a></sup>")

    # -- blocks with target-specific attributes ------------------------------------------

    def heading_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return f"<{self._heading(tokens[idx])}>"

    def heading_close(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return f"</{self._heading(tokens[idx])}>\n"

    def _heading(self, token: Token) -> str:
        return f"h{min(6, int(token.tag[1]) + self.heading_offset)}"

    def table_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        if self.qt:
            return (f'<table border="1" cellspacing="0" cellpadding="4" '
                    f'style="border-collapse:collapse; border-color:{self.colours.border}">\n')
        return '<div class="table"><table>\n'

    def table_close(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return "</table>\n" if self.qt else "</table></div>\n"

    def th_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return self._cell("th", tokens[idx])

    def td_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return self._cell("td", tokens[idx])

    def _cell(self, tag: str, token: Token) -> str:
        style = str(token.attrGet("style") or "")  # markdown-it: "text-align:left|center|right"
        align = style.partition(":")[2] if style.startswith("text-align:") else ""
        if align not in ("left", "center", "right"):
            return f"<{tag}>"
        return f'<{tag} align="{align}">' if self.qt else f'<{tag} style="text-align: {align}">'

    def bullet_list_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        if "contains-task-list" in str(tokens[idx].attrGet("class") or ""):
            return '<ul style="list-style-type:none">\n' if self.qt else '<ul class="task-list">\n'
        return "<ul>\n"

    def ordered_list_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        start = tokens[idx].attrGet("start")
        return f'<ol start="{int(start)}">\n' if start is not None else "<ol>\n"

    def list_item_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        if not self.qt and "task-list-item" in str(token.attrGet("class") or ""):
            return '<li class="task-list-item">'
        return "<li>"


def _closing(tokens: Sequence[Token], start: int) -> int:
    depth = 0
    for i in range(start, len(tokens)):
        depth += tokens[i].nesting
        if depth == 0:
            return i
    return len(tokens) - 1


def _sub(k: int) -> str:
    return f":{k}" if k > 0 else ""
