"""The application's look: its icon and its stylesheet, both read from the shipped assets.

They live in ``assets/`` (``chatdesk.paths.assets_dir()``) rather than in code so the desktop
entry, the bundle and the window use the very same files. A missing or unreadable asset costs
the look, never the start: ChatDesk then runs with Qt's defaults and says so on stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from chatdesk import paths

ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def icon_file(size: int) -> Path:
    """The PNG rendered for ``size`` px (scripts/render_icons.py makes them from the SVG)."""
    return paths.assets_dir() / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "chatdesk.png"


def stylesheet_file() -> Path:
    return paths.assets_dir() / "styles" / "app.qss"


def app_icon() -> QIcon:
    """The window / task-bar icon, one pixmap per rendered size so Qt never scales a big one down."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_file(size)
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    if icon.isNull():
        _warn(f"the application icon is missing from {paths.assets_dir() / 'icons'}; windows show no icon.")
    return icon


def app_stylesheet() -> str:
    """The application stylesheet, or "" (Qt's default look) when it cannot be read."""
    path = stylesheet_file()
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        _warn(f"the stylesheet {path} cannot be read ({reason}); using Qt's default look.")
        return ""


def _warn(message: str) -> None:
    print(f"ChatDesk: {message}", file=sys.stderr, flush=True)
