"""Every icon of the window, looked up here and nowhere else: one table from ChatDesk's icon ids
to glyphs of the Phosphor icon font (MIT licence, shipped inside the ``qtawesome`` package, MIT).

Why a font: one file gives every size crisp, and a glyph takes any colour, so icons are drawn in
the palette's own colours (button text, its disabled shade, the highlight for a checked toggle)
and read in light and dark themes alike. Only the Phosphor font is loaded (qtawesome's own
``qta.icon`` would load its dozen fonts on first use).

``set_icon(button, "send")`` gives a button its icon and keeps it following the palette: a
palette change (a theme switch, the desktop's colours changing) redraws it.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QAbstractButton

# qtawesome reaches Qt through qtpy; name the binding so qtpy never tries another one.
os.environ.setdefault("QT_API", "pyside6")
import qtawesome

# ChatDesk's icon ids → Phosphor glyph names (https://phosphoricons.com).
ICONS: dict[str, str] = {
    "send": "paper-plane-right",
    "stop": "stop",
    "attach": "paperclip",
    "new_chat": "note-pencil",
    "copy": "copy",
    "regenerate": "arrows-clockwise",
    "regenerate_same": "arrow-counter-clockwise",
    "continue": "fast-forward",
    "edit": "pencil-simple",
    "info": "info",
    "inspect": "magnifying-glass",
    "branch": "git-branch",
    "delete": "trash",
    "probabilities": "chart-bar",
    "previous_version": "caret-left",
    "next_version": "caret-right",
    "more": "dots-three",
    "suggestion": "chat-circle-text",
}

ICON_SIZE = QSize(18, 18)
_ID_PROPERTY = "chatdeskIcon"


def font_files() -> tuple[Path, Path]:
    """The Phosphor font and its charmap inside the installed qtawesome (any version of them)."""
    folder = Path(qtawesome.__file__).parent / "fonts"
    fonts = sorted(folder.glob("phosphor-[0-9]*.ttf"))
    if not fonts:
        raise FileNotFoundError(f"the Phosphor icon font is missing from {folder}")
    ttf = fonts[-1]
    return ttf, ttf.with_name(ttf.name.replace("phosphor-", "phosphor-charmap-").replace(".ttf", ".json"))


@cache
def _font() -> qtawesome.IconicFont:
    ttf, charmap = font_files()
    return qtawesome.IconicFont(("ph", ttf.name, charmap.name, str(ttf.parent)))


def glyph(icon_id: str) -> str:
    """The qtawesome name of an icon id (``KeyError`` for an unknown id: a typo is a bug)."""
    return f"ph.{ICONS[icon_id]}"


def icon(icon_id: str, palette: QPalette | None = None) -> QIcon:
    """The icon in the palette's colours: button text, disabled button text, and the highlight
    for the "on" state of a checkable button."""
    pal = palette or QGuiApplication.palette()
    text = pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    accent = pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    return _font().icon(glyph(icon_id), color=text, color_active=text, color_selected=text,
                        color_disabled=disabled, color_on=accent, color_on_active=accent,
                        color_on_selected=accent, color_on_disabled=disabled)


class _Recolour(QObject):
    """Redraws a button's icon when its palette changes."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange and isinstance(obj, QAbstractButton):
            icon_id = obj.property(_ID_PROPERTY)
            if icon_id:
                obj.setIcon(icon(str(icon_id), obj.palette()))
        return False


_recolour: _Recolour | None = None


def set_icon(button: QAbstractButton, icon_id: str, size: QSize = ICON_SIZE) -> None:
    """Give ``button`` the icon ``icon_id`` and keep it in the palette's colours."""
    global _recolour
    if _recolour is None:
        _recolour = _Recolour()
    button.setProperty(_ID_PROPERTY, icon_id)
    button.setIcon(icon(icon_id, button.palette()))
    button.setIconSize(size)
    button.removeEventFilter(_recolour)
    button.installEventFilter(_recolour)


def icon_id_of(button: QAbstractButton) -> str | None:
    """The id ``set_icon`` gave the button (tests and the screenshots script ask)."""
    value = button.property(_ID_PROPERTY)
    return str(value) if value else None
