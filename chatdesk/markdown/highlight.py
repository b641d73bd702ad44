"""Code colouring for rendered replies: Pygments, inline styles, a light and a dark scheme.

Inline ``style`` attributes rather than CSS classes, because Qt's rich-text engine has no
stylesheet for a painted document and the export must stay one self-contained file. A fence's
language is looked up by name only: an unknown or missing language is shown uncoloured, never
guessed (guessing is slow and wrong on short snippets).

The colours of everything around the code (panel, header, inline code, table borders) live in
``Theme`` next to the Pygments style they go with, so a dark view never gets a light panel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.styles import get_style_by_name
from pygments.token import Token
from pygments.util import ClassNotFound


@dataclass(frozen=True)
class Theme:
    name: str
    pygments_style: str
    code_fg: str          # code text Pygments leaves uncoloured
    head_bg: str          # the code block's header strip
    muted: str            # header text (language label)
    inline_code_bg: str
    border: str           # tables and code panels

    @property
    def code_bg(self) -> str:
        return _style(self.pygments_style).background_color

    @property
    def code_text(self) -> str:
        """Default code colour: the style's own when it has one, else ours."""
        colour = _style(self.pygments_style).style_for_token(Token.Text).get("color")
        return f"#{colour}" if colour else self.code_fg


THEMES = {
    "light": Theme("light", "default", code_fg="#1f2328", head_bg="#eaeef2", muted="#59636e",
                   inline_code_bg="#eff1f3", border="#d1d9e0"),
    "dark": Theme("dark", "github-dark", code_fg="#e6edf3", head_bg="#21262d", muted="#9198a1",
                  inline_code_bg="#2d333b", border="#3d444d"),
}

# Languages warmed up before the first reply needs them (see ``warm_up``).
COMMON_LANGUAGES = ("python", "bash", "javascript", "typescript", "json", "c", "cpp", "rust", "go", "java", "html",
                    "css", "sql", "yaml")

_LANGUAGE = re.compile(r"[\w+#.-]{1,40}")


def theme(name: str) -> Theme:
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"Unknown colour theme {name!r}; use one of: {', '.join(THEMES)}.") from None


@lru_cache(maxsize=8)
def _style(name: str):
    return get_style_by_name(name)


@lru_cache(maxsize=8)
def _formatter(style: str) -> HtmlFormatter:
    return HtmlFormatter(style=style, noclasses=True, nowrap=True)


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    """Every name a Pygments lexer answers to (built-in and plugins), read once.

    Asking Pygments for a name it does not know scans every installed package's entry points
    (~30 ms), and a streaming reply's fence names arrive a letter at a time ("p", "pyt", ...):
    each unknown prefix cost the chat view a 30 ms stall."""
    from pygments.lexers import get_all_lexers

    return frozenset(alias.lower() for _name, aliases, _files, _mimes in get_all_lexers() for alias in aliases)


@lru_cache(maxsize=128)
def lexer_for(language: str) -> Lexer | None:
    """The Pygments lexer registered under ``language`` (a fence's info word), or None."""
    if not _LANGUAGE.fullmatch(language) or language.lower() not in _known_names():
        return None
    try:
        # Keep the code exactly as written: no stripping of leading/trailing blank lines, no added newline.
        return get_lexer_by_name(language.lower(), stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


def code_html(code: str, language: str, colours: Theme) -> str:
    """``code`` as escaped HTML, coloured with inline styles when ``language`` is known."""
    lexer = lexer_for(language) if language else None
    if lexer is None or not code:
        return escape(code, quote=False)
    html = highlight(code, lexer, _formatter(colours.pygments_style))
    # The formatter ends its last line with a newline even when the code has none.
    return html[:-1] if html.endswith("\n") and not code.endswith("\n") else html


def warm_up() -> None:
    """Import and compile the common lexers and both styles (pure Python, ~70 ms the first time).

    Safe on any thread: it touches no Qt object and only fills caches."""
    _known_names()
    for colours in THEMES.values():
        colours.code_text  # noqa: B018 - loads the style
        for language in COMMON_LANGUAGES:
            code_html("x = 1\n", language, colours)
