"""An html.parser-based probe used by the Markdown and HTML export tests."""

from __future__ import annotations

from html.parser import HTMLParser


class Probe(HTMLParser):
    """Records tags, attributes, visible text, headings and <pre><code> contents."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []            # visible text (outside head/style/title)
        self.headings: list[tuple[str, str]] = []
        self.code_blocks: list[str] = []
        self._heading: list[str] | None = None
        self._code: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("meta", "br", "hr", "img", "link", "input"):
            return
        self.stack.append(tag)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = []
        if tag == "code" and len(self.stack) >= 2 and self.stack[-2] == "pre":
            self._code = []

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._heading is not None:
            self.headings.append((tag, "".join(self._heading).strip()))
            self._heading = None
        if tag == "code" and self._code is not None:
            self.code_blocks.append("".join(self._code))
            self._code = None
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if any(t in ("head", "style", "title", "script") for t in self.stack):
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)
        if self._code is not None:
            self._code.append(data)

    @property
    def visible(self) -> str:
        return "".join(self.text)
