"""Colour fenced code blocks in a Markdown QTextDocument with Pygments.

Qt's Markdown importer already lays out code blocks (monospaced, with the fence's language in
``BlockCodeLanguage``); we only add colours, by running Pygments over each block's text and
setting character formats. Unknown languages are left uncoloured rather than guessed.
"""

from __future__ import annotations

from functools import lru_cache

from pygments.lexers import get_lexer_by_name
from pygments.styles import get_style_by_name
from pygments.util import ClassNotFound
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

_STYLE = get_style_by_name("default")
CODE_BACKGROUND = QColor("#f3f4f6")


@lru_cache(maxsize=256)
def _format_for(token_type) -> QTextCharFormat | None:  # type: ignore[no-untyped-def]
    style = _STYLE.style_for_token(token_type)
    if not style.get("color") and not style.get("bold") and not style.get("italic"):
        return None
    fmt = QTextCharFormat()
    if style.get("color"):
        fmt.setForeground(QColor("#" + style["color"]))
    if style.get("bold"):
        fmt.setFontWeight(QFont.Weight.Bold)
    if style.get("italic"):
        fmt.setFontItalic(True)
    return fmt


WARM_LANGUAGES = ("python", "bash", "javascript", "json", "c", "cpp")


def warm_lexers() -> None:
    """Import and exercise the common lexers (safe off the GUI thread: no Qt objects)."""
    for name in WARM_LANGUAGES:
        try:
            list(get_lexer_by_name(name).get_tokens("x = 1\n"))
        except ClassNotFound:
            continue
    for token_type in _STYLE.styles:
        _STYLE.style_for_token(token_type)


def highlight_code_blocks(doc: QTextDocument) -> int:
    """Colour every fenced block whose language Pygments knows; returns how many were coloured."""
    prop = QTextFormat.Property.BlockCodeLanguage
    coloured = 0
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if not fmt.hasProperty(QTextFormat.Property.BlockCodeFence) and not fmt.hasProperty(prop):
            block = block.next()
            continue
        language = fmt.stringProperty(prop)
        start = block.position()
        end_block = block
        while end_block.next().isValid() and end_block.next().blockFormat().hasProperty(QTextFormat.Property.BlockCodeFence):
            end_block = end_block.next()
        end = end_block.position() + end_block.length() - 1
        shade = QTextCursor(doc)
        shade.setPosition(start)
        shade.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        panel = QTextBlockFormat()
        panel.setBackground(CODE_BACKGROUND)
        shade.mergeBlockFormat(panel)
        if language:
            try:
                lexer = get_lexer_by_name(language)
            except ClassNotFound:
                lexer = None
            if lexer is not None:
                cursor = QTextCursor(doc)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                text = cursor.selectedText().replace("\u2029", "\n")
                pos = start
                for token_type, value in lexer.get_tokens(text):
                    if value.endswith("\n") and pos + len(value) > end:  # lexers add a final newline
                        value = value[:-1]
                    cf = _format_for(token_type)
                    if cf is not None and value:
                        cursor.setPosition(pos)
                        cursor.setPosition(pos + len(value), QTextCursor.MoveMode.KeepAnchor)
                        cursor.mergeCharFormat(cf)
                    pos += len(value)
                coloured += 1
        block = end_block.next()
    return coloured
