"""Every icon of the window, looked up here and nowhere else: one table from ChatDesk's icon ids
to glyphs of the Phosphor icon font (MIT licence), the copy shipped inside the ``qtawesome``
package (MIT).

Why a font: one file gives every size crisp, and a glyph takes any colour, so icons are drawn in
the palette's own colours (button text, its disabled shade, the highlight for a checked toggle)
and read in light and dark themes alike. Only qtawesome's font files are used, not its Python
code: importing qtawesome imports qtpy, whose PySide6 shims star-import every Qt module (0.4–1.5 s
on the GUI thread at start-up, measured on a 2-core machine) and patch PySide6 classes for the
whole application. Drawing a glyph is Qt's own text rendering (``GlyphEngine``).

``set_icon(button, "send")`` gives a button its icon and keeps it following the palette: a
palette change (a theme switch, the desktop's colours changing) redraws it.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractButton

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


def font_folder() -> Path:
    """qtawesome's fonts folder, found without importing qtawesome (see the module's docstring);
    in the bundle it is _internal/qtawesome/fonts (chatdesk.spec ships the Phosphor files)."""
    spec = importlib.util.find_spec("qtawesome")
    roots = list(spec.submodule_search_locations or []) if spec is not None else []
    roots.append(str(Path(getattr(sys, "_MEIPASS", "")) / "qtawesome"))
    for root in roots:
        if (Path(root) / "fonts").is_dir():
            return Path(root) / "fonts"
    raise FileNotFoundError("the qtawesome package (its Phosphor icon font) is not installed")


def font_files() -> tuple[Path, Path]:
    """The Phosphor font and its charmap (whatever version qtawesome ships)."""
    folder = font_folder()
    fonts = sorted(folder.glob("phosphor-[0-9]*.ttf"))
    if not fonts:
        raise FileNotFoundError(f"the Phosphor icon font is missing from {folder}")
    ttf = fonts[-1]
    return ttf, ttf.with_name(ttf.name.replace("phosphor-", "phosphor-charmap-").replace(".ttf", ".json"))


@cache
def _phosphor() -> tuple[str, dict[str, str]]:
    """The font family Qt registered for the Phosphor file, and glyph name → character."""
    ttf, charmap = font_files()
    font_id = QFontDatabase.addApplicationFont(str(ttf))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise OSError(f"Qt could not load the icon font {ttf}")
    codes = json.loads(charmap.read_text(encoding="utf-8"))
    return families[0], {name: chr(int(code, 16)) for name, code in codes.items()}


class GlyphEngine(QIconEngine):
    """Paints one glyph of the icon font, in a colour per mode and state."""

    def __init__(self, family: str, char: str, colours: dict[tuple[QIcon.Mode, QIcon.State], QColor]) -> None:
        super().__init__()
        self.family, self.char, self.colours = family, char, colours

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        colour = self.colours.get((mode, state)) or self.colours[(QIcon.Mode.Normal, state)]
        font = QFont(self.family)
        font.setPixelSize(max(1, round(min(rect.width(), rect.height()) * 0.9)))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.char)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        """Sharp on high-DPI screens: ``size`` (device-independent) drawn at ``scale`` times the pixels."""
        pixmap = self.pixmap(size * scale, mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return GlyphEngine(self.family, self.char, dict(self.colours))


def glyph(icon_id: str) -> str:
    """The Phosphor glyph name of an icon id (``KeyError`` for an unknown id: a typo is a bug)."""
    return ICONS[icon_id]


def icon(icon_id: str, palette: QPalette | None = None) -> QIcon:
    """The icon in the palette's colours: button text, disabled button text, and the highlight
    for the "on" state of a checkable button."""
    family, chars = _phosphor()
    char = chars[glyph(icon_id)]
    pal = palette or QGuiApplication.palette()
    text = pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    accent = pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    m, st = QIcon.Mode, QIcon.State
    colours = {(m.Normal, st.Off): text, (m.Active, st.Off): text, (m.Selected, st.Off): text, (m.Disabled, st.Off): disabled,
               (m.Normal, st.On): accent, (m.Active, st.On): accent, (m.Selected, st.On): accent, (m.Disabled, st.On): disabled}
    return QIcon(GlyphEngine(family, char, colours))


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
