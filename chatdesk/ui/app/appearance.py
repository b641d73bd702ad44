"""The application's look: its icon, its stylesheet, and its light and dark colours.

The icon and stylesheet live in ``assets/`` (``chatdesk.paths.assets_dir()``) rather than in code
so the desktop entry, the bundle and the window use the very same files. A missing or unreadable
asset costs the look, never the start: ChatDesk then runs with Qt's defaults and says so on stderr.

Colours. The theme follows the desktop (``QStyleHints.colorScheme`` and its change signal) unless
Preferences picks light or dark (``ThemeManager``). Dark is Qt's Fusion style with
``dark_palette()``; light is the desktop's own look, or Fusion's light palette where the desktop
itself is dark. Everything else takes its colours from the application palette: the stylesheet
through ``palette(...)``, message strips and the search highlight through the helpers at the end
of this module. This is the only module of ``chatdesk/ui`` that spells a colour
(tests/test_themes.py checks), so a new widget cannot bring a light-only colour into a dark window.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyleFactory

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


# ---------------------------------------------------------------------------- themes
THEME_CHOICES = ("system", "light", "dark")
_R = QPalette.ColorRole
_G = QPalette.ColorGroup

# The dark palette: neutral greys with a blue accent, text contrast above 10:1 (WCAG AAA) and
# disabled text still above 4.5:1 against the window colour.
_DARK = {
    _R.Window: "#202124", _R.WindowText: "#e8eaed", _R.Base: "#17181a", _R.AlternateBase: "#2a2c30",
    _R.ToolTipBase: "#2f3136", _R.ToolTipText: "#e8eaed", _R.PlaceholderText: "#9aa0a6", _R.Text: "#e8eaed",
    _R.Button: "#2d2f33", _R.ButtonText: "#e8eaed", _R.BrightText: "#ff6b6b", _R.Light: "#3c4043",
    _R.Midlight: "#34373b", _R.Mid: "#4a4e54", _R.Dark: "#111213", _R.Shadow: "#000000",
    _R.Highlight: "#2d6bc8", _R.HighlightedText: "#ffffff", _R.Link: "#8ab4f8", _R.LinkVisited: "#c58af9",
    _R.Accent: "#2d6bc8",
}
_DARK_DISABLED = {_R.WindowText: "#9aa0a6", _R.Text: "#9aa0a6", _R.ButtonText: "#9aa0a6",
                  _R.Highlight: "#4a4e54", _R.HighlightedText: "#c4c7ca"}
# Error accents: Material's error tones, readable as text on the matching base colour.
_ERROR = {"light": "#b3261e", "dark": "#f2b8b5"}


def dark_palette() -> QPalette:
    pal = QPalette()
    for role, colour in _DARK.items():
        pal.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        pal.setColor(_G.Disabled, role, QColor(colour))
    return pal


def light_palette() -> QPalette:
    """Fusion's own light palette (for a light window on a dark desktop)."""
    style = QStyleFactory.create("Fusion")
    return style.standardPalette()


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette or QGuiApplication.palette()
    return pal.color(_R.Window).lightness() < 128


def effective_theme(choice: str, system: Qt.ColorScheme) -> str:
    """"light" or "dark": the user's choice, else the desktop's (light when it does not say)."""
    if choice in ("light", "dark"):
        return choice
    return "dark" if system == Qt.ColorScheme.Dark else "light"


class ThemeManager(QObject):
    """Keeps the application's colours on the chosen theme, following the desktop while the
    choice is "system" (``QStyleHints.colorSchemeChanged``). ``changed`` carries "light" or
    "dark" after every switch."""

    changed = Signal(str)

    def __init__(self, app: QApplication, choice: str = "system") -> None:
        super().__init__(app)
        self.app = app
        self.choice = choice if choice in THEME_CHOICES else "system"
        hints = app.styleHints()
        self.system_scheme = hints.colorScheme()
        # The desktop's own look, to return to when the window is light again.
        self._native_style = app.style().name()
        self._native_palette = QPalette(app.palette())
        self._custom = False  # a palette of ours is applied
        self.theme = ""
        hints.colorSchemeChanged.connect(self._system_changed)
        self.apply()

    def set_choice(self, choice: str) -> None:
        self.choice = choice if choice in THEME_CHOICES else "system"
        self.apply()

    def _system_changed(self, scheme: Qt.ColorScheme) -> None:
        self.system_scheme = scheme
        if self.choice == "system":
            self.apply()

    def apply(self) -> None:
        """The desktop's own look where it already has the theme's brightness; else Fusion with
        ChatDesk's dark palette, or Fusion's light one."""
        theme = effective_theme(self.choice, self.system_scheme)
        app = self.app
        if (theme == "dark") == is_dark(self._native_palette):
            self._restore_native()
        else:
            if app.style().name().lower() != "fusion":
                app.setStyle("Fusion")
            app.setPalette(dark_palette() if theme == "dark" else light_palette())
            self._custom = True
        # Style sheets resolve palette(...) when a widget is polished: polish again.
        app.setStyleSheet(app.styleSheet())
        changed = theme != self.theme
        self.theme = theme
        if changed:
            self.changed.emit(theme)

    def _restore_native(self) -> None:
        if not self._custom:
            return  # nothing of ours to undo: the desktop's palette keeps following the desktop
        if self.app.style().name().lower() != self._native_style.lower():
            self.app.setStyle(self._native_style)
        self.app.setPalette(QPalette())  # no role of ours: every colour resolves to the desktop's again
        self._custom = False


_managers: dict[int, ThemeManager] = {}


def theme_manager(app: QApplication | None = None, choice: str | None = None) -> ThemeManager:
    """The application's theme manager (made on first use); ``choice`` switches its theme."""
    found = app or QApplication.instance()
    assert isinstance(found, QApplication)
    app = found
    manager = _managers.get(id(app))
    if manager is None:
        manager = ThemeManager(app, choice or "system")
        _managers[id(app)] = manager
        manager.destroyed.connect(lambda *_: _managers.pop(id(app), None))
    elif choice is not None and choice != manager.choice:
        manager.set_choice(choice)
    return manager


# ---------------------------------------------------------------------------- derived colours
def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``amount`` of ``b`` over ``a`` (0: a, 1: b), opaque."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def error_colour(palette: QPalette | None = None) -> QColor:
    """A red readable as text on the palette's base colour."""
    return QColor(_ERROR["dark" if is_dark(palette) else "light"])


@dataclass(frozen=True)
class Tone:
    background: QColor
    text: QColor
    border: QColor


def message_tone(kind: str, palette: QPalette | None = None) -> Tone:
    """The colours of a message strip: "error" tinted red, anything else ("info") tinted with
    the palette's highlight; text is the palette's text colour, so contrast holds in both themes."""
    pal = palette or QGuiApplication.palette()
    base = pal.color(_R.Base)
    accent = error_colour(pal) if kind == "error" else pal.color(_R.Highlight)
    return Tone(mix(base, accent, 0.14), pal.color(_R.Text), mix(base, accent, 0.5))


def message_css(kind: str, palette: QPalette | None = None, padding: str = "") -> str:
    """Style sheet declarations for a message strip (the banner, the dialogs' message labels)."""
    tone = message_tone(kind, palette)
    css = (f"background:{tone.background.name()}; color:{tone.text.name()}; "
           f"border:1px solid {tone.border.name()}; border-radius:6px;")
    return css + (f" padding:{padding};" if padding else "")


class MessageStyles(Mapping[str, str]):
    """``styles[kind]``: message-strip declarations computed from the palette at the time they
    are asked for (so a message shown after a theme switch has the new theme's colours)."""

    def __init__(self, padding: str = "") -> None:
        self.padding = padding

    def __getitem__(self, kind: str) -> str:
        if kind not in ("error", "info"):
            raise KeyError(kind)
        return message_css(kind, padding=self.padding)

    def __iter__(self) -> Iterator[str]:
        return iter(("error", "info"))

    def __len__(self) -> int:
        return 2


def highlight_css(palette: QPalette | None = None) -> str:
    """The search-match highlight: the palette's selection colour, softened, under normal text."""
    pal = palette or QGuiApplication.palette()
    background = mix(pal.color(_R.Base), pal.color(_R.Highlight), 0.38)
    return f"background-color:{background.name()}; color:{pal.color(_R.Text).name()};"


def pin_icon(palette: QPalette | None = None, size: int = 16) -> QIcon:
    """A push-pin for pinned chats, drawn in the palette's colours (an emoji needs a colour emoji
    font, which many desktops lack)."""
    pal = palette or QGuiApplication.palette()
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        u = size / 16
        p.setPen(QPen(pal.color(_R.Text), 1.6 * u, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(QPointF(7 * u, 9 * u), QPointF(2.5 * u, 13.5 * u))  # the needle
        p.setPen(QPen(pal.color(_R.Text), 1 * u))
        p.setBrush(pal.color(_R.Highlight))
        p.save()
        p.translate(10 * u, 6 * u)
        p.rotate(45)
        p.drawRoundedRect(-2.5 * u, -4.5 * u, 5 * u, 9 * u, 1.5 * u, 1.5 * u)  # the body
        p.drawRoundedRect(-4.5 * u, 3 * u, 9 * u, 2 * u, 1 * u, 1 * u)  # the collar
        p.restore()
        p.end()
        icon.addPixmap(pixmap)
    return icon
