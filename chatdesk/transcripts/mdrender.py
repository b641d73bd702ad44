"""A small, safe Markdown -> HTML renderer for the subset chat replies use.

Supported: paragraphs (single newlines become ``<br>``, as in the chat view),
ATX headings, GFM pipe tables, ``*em*``/``_em_``, ``**strong**``/``__strong__``, inline code,
fenced and indented code blocks (highlighted by Pygments with inline styles),
bullet and numbered lists (nested), blockquotes, horizontal rules, links and
``<autolinks>``/bare URLs.

Safety model: every byte of input reaches the output only through
``html.escape`` (or Pygments, which escapes too).  Raw HTML in the input is
shown as text, links get an ``href`` only for http/https URLs, images are
shown as their alt text (an export never loads anything), and nesting depth
is capped so hostile input cannot exhaust the stack.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urlsplit

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.lexers.special import TextLexer
from pygments.util import ClassNotFound

MAX_BLOCK_DEPTH = 12
MAX_INLINE_DEPTH = 8
MAX_LINK_TEXT = 1000
MAX_LINK_URL = 2048
PYGMENTS_STYLE = "default"

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[ \t]*([^\s`]*)[^`]*$")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_HR = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_QUOTE = re.compile(r"^ {0,3}> ?")
_ITEM = re.compile(r"^( {0,3})([-+*]|\d{1,9}[.)])(?:([ \t]+)(.*))?$")
_TABLE_RULE = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_ESCAPABLE = set("\\`*_{}[]()#+-.!<>|~\"'")


def safe_href(url: str) -> str | None:
    """The URL if it may become an ``href`` (http/https with a host), else None."""
    url = url.strip()
    if not url or any(ord(c) < 0x21 or c in "<>\"'`\\" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _link(text_html: str, url: str) -> str:
    return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer nofollow">{text_html}</a>'


# --- code -------------------------------------------------------------------

_FORMATTER = HtmlFormatter(noclasses=True, nowrap=True, style=PYGMENTS_STYLE)
_CODE_BG = _FORMATTER.style.background_color or "#f8f8f8"


def code_block(code: str, lang: str = "") -> str:
    """``<pre><code>`` with Pygments colouring in inline styles (no CSS classes needed)."""
    lang = re.sub(r"[^A-Za-z0-9_+#.-]", "", lang)[:40]
    lexer = TextLexer()
    if lang:
        try:
            lexer = get_lexer_by_name(lang.lower(), stripnl=False, ensurenl=False)
        except ClassNotFound:
            pass
    body = highlight(code, lexer, _FORMATTER) if code else ""
    label = f'<div class="code-lang">{escape(lang)}</div>' if lang else ""
    cls = f' class="language-{escape(lang, quote=True)}"' if lang else ""
    return (f'<div class="code">{label}<pre style="background: {_CODE_BG}">'
            f'<code{cls}>{body}</code></pre></div>')


# --- blocks -----------------------------------------------------------------

def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _blank(line: str) -> bool:
    return not line.strip()


def _starts_block(line: str) -> bool:
    return bool(_FENCE.match(line) or _HEADING.match(line) or _HR.match(line)
                or _QUOTE.match(line) or _ITEM.match(line))


def render_markdown_html(text: str, heading_offset: int = 2) -> str:
    """Render ``text`` to safe HTML.  Headings are demoted by ``heading_offset``
    so a reply's ``# Title`` never outranks the transcript's own headings."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return _Blocks(heading_offset).render(lines, 0)


class _Blocks:
    def __init__(self, heading_offset: int) -> None:
        self.heading_offset = heading_offset

    def render(self, lines: list[str], depth: int, tight: bool = False) -> str:
        if depth > MAX_BLOCK_DEPTH:  # absurd nesting: show it as text
            return "<p>" + escape("\n".join(lines)).replace("\n", "<br>\n") + "</p>"
        out: list[str] = []
        i, n = 0, len(lines)
        while i < n:
            line = lines[i]
            if _blank(line):
                i += 1
                continue
            if m := _FENCE.match(line):
                i = self._fence(lines, i, m, out)
            elif (m := _HEADING.match(line)):
                level = min(6, len(m[1]) + self.heading_offset)
                out.append(f"<h{level}>{inline(m[2] or '')}</h{level}>")
                i += 1
            elif _HR.match(line):
                out.append("<hr>")
                i += 1
            elif _QUOTE.match(line):
                i = self._quote(lines, i, depth, out)
            elif _ITEM.match(line):
                i = self._list(lines, i, depth, out)
            elif _indent(line) >= 4:
                i = self._indented_code(lines, i, out)
            elif "|" in line and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]) and "|" in lines[i + 1]:
                i = self._table(lines, i, out)
            else:
                i = self._paragraph(lines, i, out, tight)
        return "\n".join(out)

    def _fence(self, lines, i, m, out) -> int:
        indent, fence, lang = len(m[1]), m[2], m[3]
        body: list[str] = []
        i += 1
        while i < len(lines):
            s = lines[i].strip()
            if _indent(lines[i]) < 4 and len(s) >= len(fence) and s == fence[0] * len(s):
                i += 1
                break
            line = lines[i]
            body.append(line[min(indent, _indent(line)):])
            i += 1
        out.append(code_block("\n".join(body) + ("\n" if body else ""), lang))
        return i

    def _indented_code(self, lines, i, out) -> int:
        body: list[str] = []
        while i < len(lines) and (_blank(lines[i]) or _indent(lines[i]) >= 4):
            body.append(lines[i][4:])
            i += 1
        while body and not body[-1].strip():
            body.pop()
        out.append(code_block("\n".join(body) + "\n"))
        return i

    def _paragraph(self, lines, i, out, tight) -> int:
        para: list[str] = []
        while i < len(lines) and not _blank(lines[i]) and (not para or not _starts_block(lines[i])):
            para.append(lines[i].strip())
            i += 1
        html = "<br>\n".join(inline(p) for p in para)
        out.append(html if tight else f"<p>{html}</p>")
        return i

    def _table(self, lines, i, out) -> int:
        """GFM pipe tables - common in model replies."""
        def cells(line: str) -> list[str]:
            line = line.strip()
            line = line[1:] if line.startswith("|") else line
            line = line[:-1] if line.endswith("|") and not line.endswith("\\|") else line
            return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)]

        head = cells(lines[i])
        aligns = []
        for rule in cells(lines[i + 1]):
            left, right = rule.startswith(":"), rule.endswith(":")
            aligns.append("center" if left and right else "right" if right else "left" if left else "")
        i += 2
        rows: list[list[str]] = []
        while i < len(lines) and not _blank(lines[i]) and "|" in lines[i]:
            rows.append(cells(lines[i]))
            i += 1

        def row(values: list[str], tag: str) -> str:
            tds = []
            for k in range(len(head)):
                align = aligns[k] if k < len(aligns) else ""
                style = f' style="text-align: {align}"' if align else ""  # from a fixed set
                tds.append(f"<{tag}{style}>{inline(values[k] if k < len(values) else '')}</{tag}>")
            return "<tr>" + "".join(tds) + "</tr>"

        body = "".join(row(r, "td") for r in rows)
        out.append(f'<div class="table"><table><thead>{row(head, "th")}</thead>'
                   f"<tbody>{body}</tbody></table></div>")
        return i

    def _quote(self, lines, i, depth, out) -> int:
        inner: list[str] = []
        while i < len(lines):
            line = lines[i]
            if m := _QUOTE.match(line):
                inner.append(line[m.end():])
            elif inner and inner[-1].strip() and not _blank(line) and not _starts_block(line):
                inner.append(line)  # lazy continuation of a quoted paragraph
            else:
                break
            i += 1
        out.append("<blockquote>\n" + self.render(inner, depth + 1) + "\n</blockquote>")
        return i

    def _list(self, lines, i, depth, out) -> int:
        first = _ITEM.match(lines[i])
        ordered = first[2][-1] in ".)"
        items: list[list[str]] = []
        loose = False
        n = len(lines)
        while i < n:
            m = _ITEM.match(lines[i])
            if not m or (m[2][-1] in ".)") != ordered:
                break
            spacing = len(m[3] or " ")
            offset = len(m[1]) + len(m[2]) + (spacing if 1 <= spacing <= 4 else 1)
            item = [m[4] or ""]
            i += 1
            while i < n:
                line = lines[i]
                if _blank(line):
                    j = i
                    while j < n and _blank(lines[j]):
                        j += 1
                    if j < n and _indent(lines[j]) >= offset:
                        item.extend([""] * (j - i))
                        loose = True
                        i = j
                        continue
                    break
                if _indent(line) >= offset:
                    item.append(line[offset:])
                elif _starts_block(line) or not item[-1].strip():
                    break
                else:
                    item.append(line.strip())  # lazy continuation
                i += 1
            items.append(item)
            j = i
            while j < n and _blank(lines[j]):
                j += 1
            if j > i and j < n and _ITEM.match(lines[j]):
                loose = True
                i = j
        if ordered:
            start = int(first[2][:-1])
            tag, attr = "ol", (f' start="{start}"' if start != 1 else "")
        else:
            tag, attr = "ul", ""
        body = "\n".join(f"<li>{self.render(item, depth + 1, tight=not loose)}</li>" for item in items)
        out.append(f"<{tag}{attr}>\n{body}\n</{tag}>")
        return i


# --- inlines ----------------------------------------------------------------

def inline(text: str, depth: int = 0, in_link: bool = False) -> str:
    """Render inline Markdown in one line of text.  Output is always escaped."""
    if depth > MAX_INLINE_DEPTH:
        return escape(text)
    return _Inline(text, depth, in_link).run()


class _Inline:
    def __init__(self, text: str, depth: int, in_link: bool) -> None:
        self.s, self.depth, self.in_link = text, depth, in_link
        self.no_closer: dict[str, int] = {}  # delimiter -> position after which none exists
        self._pair_cache: dict[int, int] | None = None

    def run(self) -> str:
        s, out, buf, i, n = self.s, [], [], 0, len(self.s)

        def flush() -> None:
            if buf:
                out.append(escape("".join(buf)))
                buf.clear()

        while i < n:
            c = s[i]
            if c == "\\" and i + 1 < n and s[i + 1] in _ESCAPABLE:
                buf.append(s[i + 1])
                i += 2
                continue
            if c == "`":
                run = len(s[i:]) - len(s[i:].lstrip("`"))
                end = self._code_end(i + run, run)
                if end == -1:
                    buf.append("`" * run)
                    i += run
                    continue
                code = s[i + run:end]
                if len(code) > 2 and code[0] == code[-1] == " " and code.strip():
                    code = code[1:-1]
                flush()
                out.append(f"<code>{escape(code)}</code>")
                i = end + run
                continue
            if c in "*_":
                done = self._emphasis(i, out, flush)
                if done:
                    i = done
                    continue
                run = len(s[i:]) - len(s[i:].lstrip(c))
                buf.append(c * run)
                i += run
                continue
            if c == "[" or (c == "!" and s.startswith("[", i + 1)):
                done = self._link(i, out, flush)
                if done:
                    i = done
                    continue
            if c == "<":
                end = s.find(">", i + 1, i + MAX_LINK_URL)
                if end != -1 and not self.in_link:
                    href = safe_href(s[i + 1:end])
                    if href:
                        flush()
                        out.append(_link(escape(href), href))
                        i = end + 1
                        continue
            if c in "hH" and not self.in_link and (i == 0 or not s[i - 1].isalnum()):
                m = _URL.match(s, i)
                if m:
                    url = m.group(0).rstrip(".,;:!?")
                    while url.endswith(")") and url.count(")") > url.count("("):
                        url = url[:-1]
                    href = safe_href(url)
                    if href:
                        flush()
                        out.append(_link(escape(url), href))
                        i += len(url)
                        continue
            buf.append(c)
            i += 1
        flush()
        return "".join(out)

    def _code_end(self, start: int, run: int) -> int:
        """Start of the closing backtick run of exactly ``run`` backticks, or -1."""
        key = "`" * run
        if self.no_closer.get(key, len(self.s) + 1) <= start:
            return -1
        for m in re.finditer("`+", self.s[start:]):
            if len(m.group(0)) == run:
                return start + m.start()
        self.no_closer[key] = start  # none after ``start`` means none after any later start
        return -1

    def _find_closer(self, delim: str, start: int) -> int:
        s = self.s
        if self.no_closer.get(delim, len(s) + 1) <= start:
            return -1
        pos = start
        while True:
            pos = s.find(delim, pos)
            if pos == -1:
                self.no_closer[delim] = min(start, self.no_closer.get(delim, start))
                return -1
            after = pos + len(delim)
            ok = not s[pos - 1].isspace()
            if delim[0] == "_" and after < len(s) and s[after].isalnum():
                ok = False  # snake_case is not emphasis
            if ok and not (after < len(s) and s[after] == delim[0] and len(delim) == 1):
                return pos
            pos += 1

    def _emphasis(self, i: int, out: list[str], flush) -> int:
        s = self.s
        c = s[i]
        if c == "_" and i > 0 and s[i - 1].isalnum():
            return 0
        for size, tag in ((3, "em><strong"), (2, "strong"), (1, "em")):
            delim = c * size
            if not s.startswith(delim, i):
                continue
            start = i + size
            if start >= len(s) or s[start].isspace() or (size == 1 and s[start] == c):
                continue
            end = self._find_closer(delim, start + 1)
            if end == -1:
                continue
            flush()
            close_tag = "</strong></em>" if size == 3 else f"</{tag}>"
            out.append(f"<{tag}>{inline(s[start:end], self.depth + 1, self.in_link)}{close_tag}")
            return end + size
        return 0

    def _pairs(self) -> dict[int, int]:
        """Matching positions of every balanced [] and () pair, found in one pass.

        Computed once per text so link parsing stays linear even for input
        like ``"[a](" * 100000``.
        """
        if self._pair_cache is None:
            pairs: dict[int, int] = {}
            stacks: dict[str, list[int]] = {"[": [], "(": []}
            s, k = self.s, 0
            while k < len(s):
                c = s[k]
                if c == "\\":
                    k += 2
                    continue
                if c in "[(":
                    stacks[c].append(k)
                elif c in "])":
                    stack = stacks["[" if c == "]" else "("]
                    if stack:
                        pairs[stack.pop()] = k
                k += 1
            self._pair_cache = pairs
        return self._pair_cache

    def _link(self, i: int, out: list[str], flush) -> int:
        s = self.s
        image = s[i] == "!"
        open_at = i + 1 if image else i
        pairs = self._pairs()
        j = pairs.get(open_at, -1)
        if j == -1 or j - open_at > MAX_LINK_TEXT or not s.startswith("(", j + 1):
            return 0
        close = pairs.get(j + 1, -1)
        if close == -1 or close - j > MAX_LINK_URL:
            return 0
        text = s[open_at + 1:j]
        target = s[j + 2:close].strip()
        url = target.split()[0] if target.split() else ""
        if url.startswith("<") and url.endswith(">"):
            url = url[1:-1]
        flush()
        label = inline(text, self.depth + 1, in_link=True)
        href = None if (image or self.in_link) else safe_href(url)
        if href:
            out.append(_link(label, href))
        elif image:
            out.append(f'<span class="image-alt">[image: {label}]</span>' if text else "[image]")
        else:
            out.append(label)  # unsafe or non-web link: keep the text, drop the target
        return close + 1
