"""Colouring a code block that grows: each update lexes only what streamed since the last line.

Why. A streaming reply is rendered again up to 30 times a second, and a fenced code block that is
still open is coloured whole each time. On the 2-core development machine Pygments took ~55 ms for
13 KB of Python, and of a 110 ms colouring of 24 KB, 97 ms were the lexer and 7 ms the HTML
formatter: the largest GUI stall left in the chat view (``benchmarks/ui_stall.py --case code``).

How. When text is only appended, the tokens before a line start at which the lexer was in a known
state do not change. So the HTML of the code up to that line is kept, and lexing resumes there with
that state (``RegexLexer.get_tokens_unprocessed`` takes the starting state stack). The HTML of the
two parts joins exactly: the formatter closes its spans at each line end.

Reading the state. Pygments keeps the state stack in a local of its lexing generator and reports it
nowhere; it is read from the suspended generator's frame (``statestack`` at a token whose match
starts the line, ``pos``). That is a private detail, so it is guarded: resuming is used only for
lexers that run RegexLexer's own loop unchanged (Python, JavaScript, TypeScript, Rust, Go, Java,
Bash, SQL, HTML, CSS, ...), a line is a resume point only when those locals are there and say the
match starts the line, and otherwise the whole block is coloured as before (``code_html``).
tests/test_growing_code.py feeds long samples of those languages, multi-line strings and comments
included, in small pieces and checks the result against a whole colouring.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pygments import format as format_tokens
from pygments.lexer import Lexer, RegexLexer, default

from .highlight import Theme, _formatter, code_html, lexer_for

LAG = 12  # complete lines between a resume point and the end (see ``_resume_point``)
# Lexers whose top level has no expression that lexes an unterminated multi-line construct as code
# (Python's docstring expression matches only a closed string; an open one is a state of its own,
# so no line inside it is a resume point): one line of lag is enough. Python is what the chat's
# code blocks hold most; with a lag of 12 every update lexed its last dozen lines again, half of a
# streaming code reply's update (benchmarks/ui_stall.py --case code). tests/test_growing_code.py
# grows Python samples with this lag and checks them against a whole colouring.
SHORT_LAG = {"PythonLexer": 1}


@dataclass
class _Kept:
    """The colouring of one code block up to a resume point."""

    key: tuple[str, str]  # (language, Pygments style)
    code: str = ""  # the code up to the resume point (whole lines)
    html: str = ""  # its HTML
    stack: tuple[str, ...] = ("root",)  # the lexer's state stack there


def resumable(lexer: Lexer) -> bool:
    """Whether ``lexer`` lexes with RegexLexer's loop as it is (its state can be read and resumed)."""
    return isinstance(lexer, RegexLexer) and type(lexer).get_tokens_unprocessed is RegexLexer.get_tokens_unprocessed


class GrowingCode:
    """The colouring of the code blocks of one streaming reply, by block number.

    ``html(number, code, language, colours)`` returns what ``code_html(code, language, colours)``
    returns; for a block whose code grew by appending since the last call, in time proportional to
    what was appended."""

    def __init__(self) -> None:
        self._kept: dict[int, _Kept] = {}
        self._last: dict[int, tuple[str, str]] = {}  # block -> (code, html) of the last call
        self.resumed = 0  # how many calls resumed (for tests and benchmarks)

    def clear(self) -> None:
        self._kept.clear()
        self._last.clear()

    def last(self, number: int, code: str) -> str | None:
        """The HTML the last call for block ``number`` returned, if it was for ``code``."""
        last = self._last.get(number)
        return last[1] if last is not None and last[0] == code else None

    def kept_chars(self, number: int) -> int:
        """How much of block ``number``'s code is kept coloured (lexing resumes after it)."""
        kept = self._kept.get(number)
        return len(kept.code) if kept is not None else 0

    def forget_before(self, number: int) -> None:
        """Blocks numbered below ``number`` are finished and rendered for good."""
        for n in [n for n in self._kept if n < number]:
            del self._kept[n]
        for n in [n for n in self._last if n < number]:
            del self._last[n]

    def html(self, number: int, code: str, language: str, colours: Theme) -> str:
        html = self._html(number, code, language, colours)
        self._last[number] = (code, html)
        return html

    def _html(self, number: int, code: str, language: str, colours: Theme) -> str:
        lexer = lexer_for(language) if language else None
        if lexer is None or not code or not resumable(lexer):
            return code_html(code, language, colours)
        key = (language, colours.pygments_style)
        kept = self._kept.get(number)
        if kept is None or kept.key != key or not code.startswith(kept.code):
            kept = self._kept[number] = _Kept(key)
        else:
            self.resumed += 1
        rest = code[len(kept.code):]
        tokens = list(_lex(lexer, rest, kept.stack))
        cut, stack = _resume_point(rest, tokens, _top_level(type(lexer)), SHORT_LAG.get(type(lexer).__name__, LAG))
        formatter = _formatter(colours.pygments_style)
        if cut:
            kept.html += format_tokens(((t, v) for p, t, v, _ in tokens if p < cut), formatter)
            kept.code += rest[:cut]
            kept.stack = stack
            rest = rest[cut:]
        out = format_tokens(((t, v) for p, t, v, _ in tokens if p >= cut), formatter) if rest else ""
        if out.endswith("\n") and not rest.endswith("\n"):  # as code_html: no added last newline
            out = out[:-1]
        return kept.html + out


def _lex(lexer: Lexer, text: str, stack: tuple[str, ...]) -> Iterator[tuple[int, object, str, tuple[str, ...] | None]]:
    """Tokens as (position, type, text, state stack where the token's match starts a line or None)."""
    gen = lexer.get_tokens_unprocessed(text, stack)
    for pos, ttype, value in gen:
        state = None
        if pos == 0 or text[pos - 1] == "\n":
            frame = gen.gi_frame
            names = frame.f_locals if frame is not None else {}
            if names.get("pos") == pos and isinstance(names.get("statestack"), list):
                state = tuple(names["statestack"])
        yield pos, ttype, value, state


_TOP_LEVEL: dict[type, frozenset[str]] = {}


def _top_level(lexer_class: type) -> frozenset[str]:
    """The states of a lexer's top level: "root" and those root falls into by default (Rust's
    lexer sits in "base" below "root" between items). Read once per lexer class."""
    known = _TOP_LEVEL.get(lexer_class)
    if known is None:
        states = {"root"}
        for rule in getattr(lexer_class, "tokens", {}).get("root", ()):
            if isinstance(rule, default):
                states.update([rule.state] if isinstance(rule.state, str) else rule.state)
        known = _TOP_LEVEL[lexer_class] = frozenset(states)
    return known


def _resume_point(text: str, tokens: list[tuple[int, object, str, tuple[str, ...] | None]],
                  top: frozenset[str], lag: int = LAG) -> tuple[int, tuple[str, ...]]:
    """The line start to resume at next time, and the lexer's state there; (0, root) for none.

    Only a line where the lexer is at its top level (``_top_level``), so an open string or comment is lexed
    again until it ends (a Python docstring is one expression from its start once it is closed, a
    string while it is open), and only ``lag`` complete lines behind the end. Some lexers match a
    multi-line construct with one expression and, while it is unterminated, lex its lines as code at
    the top level (Go's, Java's and CSS's ``/* ... */``): once its end arrives, it is one token from
    its start. A resume point inside it would keep those lines coloured as code; behind the lag,
    that needs such a construct longer than ``lag`` lines (``LAG``; ``SHORT_LAG`` for lexers
    without such constructs)."""
    newline = text.rfind("\n")  # the end of the last complete line
    for _ in range(lag):  # back to the newline ``lag`` complete lines before it
        newline = text.rfind("\n", 0, newline) if newline > 0 else -1
    if newline < 0:
        return 0, ("root",)
    limit = newline + 1
    for pos, _t, value, state in reversed(tokens):
        if pos > limit:
            continue
        if pos == 0:
            break
        if state is not None and top.issuperset(state) and not value.startswith("\n"):
            return pos, state
    return 0, ("root",)
