r"""The Markdown dialect ChatDesk reads, and which links it lets through.

One markdown-it-py configuration for every place a reply is shown, so the chat view and the HTML
export cannot disagree about what a reply *means*:

* CommonMark plus GFM tables, ~~strikethrough~~, task lists and footnotes (mdit-py-plugins), and
  linkify (linkify-it-py) for bare ``https://…``, ``www.…`` and e-mail addresses;
* TeX formulas: ``$…$`` inline and ``$$…$$`` (inline or as a block), taken out before Markdown's
  backslash escapes so ``\,`` and ``\{`` reach the formula intact (mdit-py-plugins' dollarmath).
  A ``$`` next to a space or followed by a digit is a dollar sign, not math ("$5 and $10");
* ``html=False``: raw HTML in a model's reply is text, never markup;
* ``breaks=True``: a single newline is a line break, so a poem or an address keeps its lines;
* links: only ``http``, ``https`` and ``mailto`` become links (``validateLink``); anything else
  (``javascript:``, ``data:``, ``file:``, relative paths) stays visible as the text it was.

A ``MarkdownIt`` object is cheap to build (< 1 ms) but not safe to share between threads (linkify-it
keeps per-call state), and the export runs on a worker thread while the view renders on the GUI
thread, so each thread gets its own.
"""

from __future__ import annotations

import re
import threading
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.footnote.index import footnote_def
from mdit_py_plugins.tasklists import tasklists_plugin

LINK_SCHEMES = frozenset({"http", "https", "mailto"})

# Bare names become links only for these top-level domains. linkify-it's default list includes every
# two-letter country code, which turns file names in code talk into links: main.py (Paraguay),
# README.md (Moldova), run.sh (St Helena). Links written with a scheme (https://…) are not affected.
LINKIFY_TLDS = [
    "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "dev", "app",
    "uk", "de", "fr", "jp", "cn", "eu", "ca", "au", "ch", "nl", "se",
]

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_local = threading.local()


def is_safe_link(url: str) -> bool:
    """May ``url`` become a clickable link? Only absolute http(s) URLs with a host, and mailto:."""
    if not url or any(ord(c) <= 0x20 or c in "<>\"'`\\" for c in url):
        return False
    match = _SCHEME.match(url)
    if not match:
        return False
    scheme = match[1].lower()
    if scheme == "mailto":
        return len(url) > len("mailto:")
    if scheme not in LINK_SCHEMES:
        return False
    try:
        return bool(urlsplit(url).netloc)
    except ValueError:
        return False


def normalize(text: str) -> str:
    """markdown-it's own input normalisation, done up front so that slicing the text into
    segments (incremental rendering) sees the same characters the parser does."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")


def _footnote_def_keeping_ids(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Wrap the footnote definition rule so a definition never resets an id already handed out.

    In one whole-document parse every definition is seen before any reference is numbered, so this
    changes nothing there. When a reply is parsed in pieces (``incremental``), a definition
    that arrives after its references were numbered would otherwise renumber the later ones.
    """
    refs = state.env.get("footnotes", {}).get("refs") if not silent else None
    if not refs:
        return footnote_def(state, start_line, end_line, silent)
    assigned = {label: n for label, n in refs.items() if n >= 0}
    found = footnote_def(state, start_line, end_line, silent)
    refs.update(assigned)
    return found


def _build() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": True, "breaks": True, "xhtmlOut": False,
                                   "typographer": False})
    md.enable(["table", "strikethrough", "linkify"])
    # Definitions stay where they are; the renderer collects them into the list at the end itself,
    # so that a reply rendered piece by piece can keep the pieces it already rendered.
    md.use(footnote_plugin, inline=False, move_to_end=False)
    md.use(tasklists_plugin)
    md.use(dollarmath_plugin, allow_labels=False, allow_space=False, allow_digits=False, double_inline=True)
    md.block.ruler.at("footnote_def", _footnote_def_keeping_ids, {"alt": ["paragraph", "reference"]})
    md.validateLink = is_safe_link  # type: ignore[method-assign]  # markdown-it-py's documented hook for link policy
    if md.linkify is None:  # markdown-it sets it when linkify-it-py is importable, a runtime dependency
        raise RuntimeError("markdown-it found no linkify-it-py; reinstall ChatDesk's dependencies")
    md.linkify.tlds(LINKIFY_TLDS, False)
    return md


def parser() -> MarkdownIt:
    """This thread's configured parser."""
    md = getattr(_local, "md", None)
    if md is None:
        md = _local.md = _build()
    return md
