"""Re-render a streaming reply in time proportional to its unfinished tail, not its length.

A reply is re-rendered up to 30 times a second while it streams; parsing and colouring 16 KB from
scratch each time costs 10-30 ms of pure Python. Markdown blocks, once followed by another block,
never change again (CommonMark's block structure is decided line by line and closed blocks are not
reopened), so this keeps the HTML of those finished top-level blocks and parses only the text after
them. ``render(text)`` returns exactly what ``Renderer.render_document(text)`` returns
(tests/test_markdown.py checks that at random cut points).

What could break that promise, and how it is handled:

* the last line is unfinished: ``para`` + ``\\n```py`` is a fence, + ``\\`` it is not, and the
  paragraph above would absorb it. Which blocks are finished is therefore decided on the complete
  lines only, and only blocks before the last one there are kept;
* open code fences and lists simply stay the last block until something follows them; the code of an
  open fence is coloured incrementally (``GrowingCode``: only what streamed since its last line);
* link reference definitions and footnote definitions act backwards (``[x]`` and ``[^1]`` above
  depend on a definition below). The cache remembers which definitions it was rendered with and is
  dropped (one full render) when that set changes; footnote numbering and the code-block counter
  continue from a snapshot of the parser's ``env`` at the cache's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markdown_it.token import Token

from .dialect import normalize, parser
from .growing_code import GrowingCode
from .renderer import (
    ANCHOR,
    CODE_COUNT,
    FOOTNOTE_HTML,
    GROWING,
    code_source,
    fence_language,
    finish,
    new_env,
    renderer_for,
    top_level_blocks,
)

_FENCE_END = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*")


@dataclass(frozen=True)
class OpenFence:
    """The text ends inside a fenced code block: what a view needs to lay its code out in pieces
    (``Renderer.code_table`` with ``first``/``last``) instead of as one table per update.

    The last ``render`` result is ``stable_html + before + code_table(language, number, "\\n".join(lines))``
    (``finish`` aside). Positions are in the normalized text."""

    before: str  # HTML of the unfinished blocks between the finished ones and the fence
    number: int  # its Copy number
    language: str
    code: str  # its code so far (the last line may be unfinished)
    lines: tuple[str, ...]  # the code coloured, one HTML string per line
    start: int  # where the fence's opening line starts
    code_start: int  # where its code starts

    def line_start(self, line: int) -> int:
        """Where line ``line`` of the code starts (line 0: where the code starts)."""
        return self.code_start + _line_offset(self.code, line)


class IncrementalRenderer:
    """Renders successive versions of one growing text (one streaming reply)."""

    def __init__(self, target: str = "qt", theme: str = "light", anchor_prefix: str = "", labels: tuple[str, str] = ("Copy", "code")) -> None:
        self.renderer = renderer_for(target, theme, labels)
        self._anchor_prefix = anchor_prefix
        self.growing = GrowingCode()  # the colouring of code blocks in the tail, kept between renders
        self.open_fence: OpenFence | None = None  # set by ``render`` when the text ends in an open fence
        self.cache_drops = 0  # how often finished blocks had to be rendered again (for tests and benchmarks)
        self._reset()
        self._last: tuple[str, str] | None = None

    def _reset(self) -> None:
        self._stable_src = ""                      # the text of the finished blocks
        self._stable_html = ""
        self._env: dict[str, Any] = new_env(self._anchor_prefix)  # parser/renderer state after the finished blocks
        self._env[GROWING] = self.growing
        self.growing.clear()
        self._footnote_defs: frozenset[str] = frozenset()   # footnotes defined in the finished text
        self._definitions: tuple | None = None     # definitions the cached HTML was rendered with

    @property
    def cached_chars(self) -> int:
        """How much of the text is covered by cached, finished blocks."""
        return len(self._stable_src)

    @property
    def stable_html(self) -> str:
        """The HTML of the finished blocks: a prefix of the last ``render`` result and of every
        later one until the cache is dropped (``cache_drops`` grows). The chat view keeps it laid
        out and redoes only the rest."""
        return self._stable_html

    def render(self, text: str) -> str:
        text = normalize(text)
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        if not text.startswith(self._stable_src):  # not a continuation (edited, regenerated)
            self.cache_drops += 1
            self._reset()
        self.open_fence = None
        html = self._render_tail(text)
        if html is None:  # a definition appeared or changed: earlier blocks may read differently
            self.cache_drops += 1
            self._reset()
            html = self._render_tail(text)
            assert html is not None
        self._last = (text, html)
        return html

    def _render_tail(self, text: str) -> str | None:
        tail = text[len(self._stable_src):]
        env = _copy_env(self._env)
        tokens = parser().parse(tail, env)
        tail_defs = {t.meta["label"] for t in tokens if t.type == "footnote_reference_open"}
        definitions = _definitions(env, self._footnote_defs | tail_defs)
        if self._stable_src and definitions != self._definitions:
            return None
        self._definitions = definitions

        blocks = top_level_blocks(tokens)
        html = [self.renderer.render_block(block, env, tail) for block in blocks]
        footnotes = self.renderer.footnote_list(env)
        result = finish(self._stable_html + "".join(html) + footnotes)

        keep = self._finished_blocks(tail, blocks)
        self.open_fence = None if footnotes else self._open_fence(tail, blocks, html, keep, env)
        if keep:
            self._promote(tail, blocks[:keep], html[:keep], env)
        return result

    def _open_fence(self, tail: str, blocks: list[list[Token]], html: list[str], keep: int, env: dict[str, Any]) -> OpenFence | None:
        """The tail's last block, when it is a fenced code block whose closing line has not come."""
        if not blocks or len(blocks[-1]) != 1 or blocks[-1][0].type != "fence":
            return None
        token = blocks[-1][0]
        if token.map is None:
            return None
        first, end = token.map
        lines = tail.split("\n")
        if end - 1 > first and end - 1 < len(lines):
            closing = _FENCE_END.fullmatch(lines[end - 1])
            if closing and closing.group(1)[0] == token.markup[0] and len(closing.group(1)) >= len(token.markup):
                return None
        if first + 1 >= len(lines):
            return None  # the opening line itself is still being written
        code = code_source(token)
        body = self.growing.last(env[CODE_COUNT] - 1, code)
        if body is None:  # no colouring of it was kept (the export target has no GrowingCode in env)
            return None
        base = len(self._stable_src)
        return OpenFence(
            before="".join(html[keep:-1]), number=env[CODE_COUNT] - 1, language=fence_language(token), code=code,
            lines=tuple(body.split("\n")), start=base + _line_offset(tail, first), code_start=base + _line_offset(tail, first + 1))

    @staticmethod
    def _finished_blocks(tail: str, blocks: list[list[Token]]) -> int:
        """How many leading blocks of ``tail`` can no longer change, judged on complete lines only."""
        complete = tail[:tail.rfind("\n") + 1]
        if not complete or len(blocks) < 2:
            return 0
        probe: list[Token] = []
        parser().block.parse(complete, parser(), {}, probe)
        settled = top_level_blocks(probe)[:-1]
        if not settled or len(settled) >= len(blocks):
            return 0
        for mine, theirs in zip(blocks, settled):  # both parses must agree on the kept blocks
            if mine[0].map is None or mine[0].map != theirs[0].map or mine[-1].type != theirs[-1].type:
                return 0
        return len(settled)

    def _promote(self, tail: str, blocks: list[list[Token]], html: list[str], env: dict[str, Any]) -> None:
        """Move finished blocks into the cache and advance the env snapshot past them."""
        line_map = blocks[-1][0].map
        assert line_map is not None  # _finished_blocks keeps only blocks whose first token has a map
        end_line = line_map[1]
        cut = _line_offset(tail, end_line)
        snap = self._env
        tokens = [t for block in blocks for t in _walk(block)]
        for label, ref in env.get("references", {}).items():  # definitions in the promoted lines
            if label not in snap["references"] and ref.get("map") and ref["map"][1] <= end_line:
                snap["references"][label] = {"title": ref["title"], "href": ref["href"]}
        footnotes = snap.setdefault("footnotes", {"refs": {}, "list": {}})
        defined = set()
        for token in tokens:
            if token.type == "footnote_reference_open":
                label = token.meta["label"]
                defined.add(label)
                footnotes["refs"].setdefault(":" + label, -1)
                if label in env[FOOTNOTE_HTML]:  # not when inside a block too deep to render
                    snap[FOOTNOTE_HTML].setdefault(label, env[FOOTNOTE_HTML][label])
            elif token.type == "footnote_ref":
                number, label = token.meta["id"], token.meta["label"]
                footnotes["refs"][":" + label] = number
                note = footnotes["list"].setdefault(number, {"label": label, "count": 0})
                note["count"] = max(note["count"], token.meta["subId"] + 1)
            elif token.type in ("fence", "code_block"):
                snap[CODE_COUNT] += 1
        self._footnote_defs |= defined
        self.growing.forget_before(snap[CODE_COUNT])
        self._stable_src += tail[:cut]
        self._stable_html += "".join(html)


def _walk(tokens: list[Token]):
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def _line_offset(text: str, line: int) -> int:
    pos = 0
    for _ in range(line):
        pos = text.index("\n", pos) + 1
    return pos


def _copy_env(env: dict[str, Any]) -> dict[str, Any]:
    footnotes = env.get("footnotes")
    out: dict[str, Any] = {
        "references": dict(env["references"]),
        CODE_COUNT: env[CODE_COUNT],
        FOOTNOTE_HTML: dict(env[FOOTNOTE_HTML]),
        ANCHOR: env[ANCHOR],
        GROWING: env[GROWING],
    }
    if footnotes:
        out["footnotes"] = {"refs": dict(footnotes["refs"]),
                            "list": {k: dict(v) for k, v in footnotes["list"].items()}}
    return out


def _definitions(env: dict[str, Any], footnote_labels: frozenset[str] | set[str]) -> tuple:
    refs = tuple(sorted((label, ref["href"], ref["title"]) for label, ref in env.get("references", {}).items()))
    return refs, tuple(sorted(footnote_labels))
