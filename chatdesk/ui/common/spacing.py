"""One spacing grid for the window's layouts, so margins and gaps line up from panel to panel.

Four steps of 4 px (Qt's own layouts default to 6–11 px, which never line up with each other).
``READING_WIDTH`` is the widest a message's text gets: lines of 70–90 characters read best, and a
maximised window would otherwise stretch a reply across the whole screen (the chat view centres
the narrower column).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLayout

XS = 4  # between parts of one control (an icon and its label, a chip and its ✕)
S = 8  # between controls in a row or column
M = 12  # around a group of controls, a panel's inner margin
L = 16  # between sections, a page's outer margin

READING_WIDTH = 760  # px of message text at most (about 90 characters of the default font)


def grid(layout: QLayout, margin: int = S, spacing: int = S) -> QLayout:
    """Put a layout on the grid: the same margin on every side and one gap between its items."""
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.setSpacing(spacing)
    return layout
