"""ChatDesk's one Markdown renderer: model replies as HTML for the chat view and the HTML export.

Why one: the chat view used Qt's Markdown importer (a poem lost its line breaks, raw HTML from the
model was interpreted) and the export had its own hand-written parser with other rules. Both now
come from one markdown-it-py parse with one set of rules (line breaks, escaping, link policy, code
colouring); only the final HTML differs, where Qt's rich-text subset needs it (``target="qt"``
vs ``target="html"``, see ``renderer``).

    render(text, target="qt", theme="light")      the whole reply
    IncrementalRenderer(target, theme).render(t)  the same, for a reply that is still growing
    code_sources(text)                            code blocks' text, in the order of their Copy links
    copy_index(href)                              the n of a ``chatdesk-copy:<n>`` link, else None
    warm_up()                                     pay first-use costs (imports, regexes, lexers)

Qt-free and independent of the rest of ChatDesk (lowest layer). markdown-it-py, linkify and Pygments
are imported on first use (~80 ms), so importing this package costs nothing at start-up; the
window calls ``warm_up`` on a worker thread.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

COPY_SCHEME = "chatdesk-copy"

if TYPE_CHECKING:
    from .dialect import is_safe_link
    from .incremental import IncrementalRenderer, OpenFence

__all__ = ["COPY_SCHEME", "IncrementalRenderer", "OpenFence", "code_sources", "copy_index", "is_safe_link", "render", "warm_up"]

_LAZY = {"IncrementalRenderer": ".incremental", "OpenFence": ".incremental", "is_safe_link": ".dialect"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def render(text: str, *, target: str = "qt", theme: str = "light", anchor_prefix: str = "", labels: tuple[str, str] = ("Copy", "code")) -> str:
    """``text`` (Markdown) as HTML for ``target`` "qt" (chat view) or "html" (export).

    ``theme`` ("light" or "dark") picks the code colours; ``anchor_prefix`` makes the export's
    footnote ids unique when a page holds many replies; ``labels`` are the code-block header's
    words (the Copy link, and the name shown for code without a language), translated by the UI."""
    from .renderer import renderer_for

    return renderer_for(target, theme, labels).render_document(text, anchor_prefix)


def code_sources(text: str) -> list[str]:
    """The text of every code block in ``text``, in document order: ``chatdesk-copy:<n>`` copies
    item n. Each is the block's lines as written, without the final line end."""
    from .dialect import normalize, parser
    from .renderer import code_source

    # Block tokens form a flat stream (nesting is open/close pairs), so nested blocks are in it too.
    return [code_source(t) for t in parser().parse(normalize(text), {}) if t.type in ("fence", "code_block")]


def copy_index(href: str) -> int | None:
    """n for a ``chatdesk-copy:<n>`` link, None for any other link."""
    scheme, sep, number = href.partition(":")
    if scheme != COPY_SCHEME or not sep or not number.isdigit():
        return None
    return int(number)


def warm_up(lexers: bool = True) -> None:
    """Import the parser and Pygments and compile their patterns (~150 ms of pure Python, once).
    ``lexers=False`` leaves out the common languages' lexers other than Python's (``warm_up_lexers``).

    Safe on any thread (no Qt objects); the thread that calls it gets its own parser built too.
    The streaming renderer is exercised as well: its first import and render cost the window's
    first Send 19 ms on the GUI thread when they came with it (cProfile, 2-core machine)."""
    from .incremental import IncrementalRenderer
    from .renderer import renderer_for

    sample = ("# T\n\n**b** *i* ~~s~~ `c` https://example.com a@example.com\nline\n\n- [x] done\n- [ ] todo\n\n"
              "| a | b |\n|:-|-:|\n| 1 | 2 |\n\n> q[^1]\n\n```python\nx = 1\n```\n\n[^1]: note\n")
    for target in ("qt", "html"):
        renderer_for(target, "light").render_document(sample)
    streaming = IncrementalRenderer(target="qt")
    for cut in range(1, len(sample), 24):
        streaming.render(sample[:cut])
    if lexers:
        warm_up_lexers()


def warm_up_lexers() -> None:
    """Import and compile the common languages' lexers in both styles (safe on any thread)."""
    from .highlight import warm_up as warm_lexers

    warm_lexers()
