"""Light and dark themes: the window follows the desktop's colour scheme (QStyleHints) unless
Preferences picks one, and everything with a colour of its own — code in replies, the message
strips, the search highlight, selections — follows the palette. No module of chatdesk/ui but
appearance.py spells a colour."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from tests_gui_support import make_window

from chatdesk.markdown.highlight import THEMES
from chatdesk.settings import AppSettings, load_settings
from chatdesk.ui.app import appearance
from chatdesk.ui.app.appearance import dark_palette, highlight_css, is_dark, message_css, theme_manager
from chatdesk.ui.common.banner import Banner
from chatdesk.ui.shell.sidebar import highlight_html

UI = Path(__file__).resolve().parent.parent / "chatdesk" / "ui"
ALLOWED_MODULES = {"appearance.py"}  # derives every colour from the palette (and defines the dark one)


def luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def css_colours(css: str) -> dict[str, QColor]:
    found = dict(re.findall(r"(background(?:-color)?|color)\s*:\s*(#[0-9a-fA-F]{6})", css))
    return {k.split("-")[0]: QColor(v) for k, v in found.items()}


@pytest.fixture
def themes(qapp):
    """The application's theme manager; the desktop's own look comes back afterwards."""
    manager = theme_manager(qapp)
    yield manager
    manager.set_choice("system")
    manager._system_changed(Qt.ColorScheme.Unknown)


# ------------------------------------------------------------------------------ no fixed colours
_HEX = re.compile(r"(?<![\w&/])#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\b")
_FUNC = re.compile(r"\b(?:rgba?|hsla?|hsva?)\s*\(", re.I)
_NAMED = re.compile(r"\b(?:color|background(?:-color)?|border(?:-color)?)\s*:\s*(?:[^;\"']*\s)?"
                    r"(white|black|red|green|blue|gray|grey|yellow|orange|purple|pink|brown|navy|silver|beige|ivory|"
                    r"lightgray|lightgrey|darkgray|darkgrey|whitesmoke|gainsboro)\b", re.I)
_QT_COLOURS = {"transparent", "color0", "color1"}  # "no colour", and bitmap bits


def colour_literals(source: str) -> list[str]:
    found = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            found += [f"line {node.lineno}: {m.group()!r}" for p in (_HEX, _FUNC, _NAMED) for m in p.finditer(text)]
            if isinstance(node, ast.Constant) and re.fullmatch(r"[a-z]+", text) and QColor.isValidColorName(text) \
                    and _is_qcolor_argument(tree, node):
                found.append(f"line {node.lineno}: QColor({text!r})")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) and node.value.attr == "GlobalColor" \
                and node.attr not in _QT_COLOURS:
            found.append(f"line {node.lineno}: Qt.GlobalColor.{node.attr}")
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in ("QColor", "fromRgb", "fromRgbF", "fromHsv", "fromHsl") \
                and node.args and all(isinstance(a, ast.Constant) and isinstance(a.value, (int, float)) for a in node.args):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def _is_qcolor_argument(tree: ast.AST, const: ast.Constant) -> bool:
    return any(isinstance(n, ast.Call) and getattr(n.func, "id", "") == "QColor" and const in n.args for n in ast.walk(tree))


def test_the_colour_check_finds_fixed_colours():
    sample = '''
STYLE = "background:#fde2e1; color:#611a15;"
LABEL = '<span style="background: yellow">'
a = QColor("#b3261e")
b = QColor("red")
c = Qt.GlobalColor.gray
d = QColor(255, 229, 138)
e = "rgba(0, 0, 0, 0.5)"
ok = ('<a href="#section">', Qt.GlobalColor.transparent, "&#8230;")
'''
    found = colour_literals(sample)
    assert len(found) == 8, found


def test_no_module_of_the_interface_spells_a_colour():
    offenders = {}
    for path in sorted(UI.glob("*.py")):
        if path.name in ALLOWED_MODULES:
            continue
        found = colour_literals(path.read_text("utf-8"))
        if found:
            offenders[path.name] = found
    assert offenders == {}


# ------------------------------------------------------------------------------ following the desktop
def test_the_theme_follows_the_desktop_unless_preferences_choose(qapp, themes):
    hints = qapp.styleHints()
    assert themes.choice == "system"
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop switches to dark
    assert themes.theme == "dark" and is_dark(qapp.palette()) and qapp.style().name().lower() == "fusion"
    assert qapp.palette().color(QPalette.ColorRole.Base) == dark_palette().color(QPalette.ColorRole.Base)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert themes.theme == "light" and not is_dark(qapp.palette())

    themes.set_choice("dark")  # Preferences: dark, whatever the desktop says
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert themes.theme == "dark" and is_dark(qapp.palette())
    themes.set_choice("light")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert themes.theme == "light" and not is_dark(qapp.palette())


def test_the_dark_palette_reads_well():
    pal = dark_palette()
    r = QPalette.ColorRole
    for fg, bg in ((r.Text, r.Base), (r.WindowText, r.Window), (r.ButtonText, r.Button), (r.HighlightedText, r.Highlight),
                   (r.ToolTipText, r.ToolTipBase), (r.PlaceholderText, r.Base), (r.Link, r.Base)):
        assert contrast(pal.color(fg), pal.color(bg)) >= 4.5, (fg, bg)
    disabled = pal.color(QPalette.ColorGroup.Disabled, r.WindowText)
    assert contrast(disabled, pal.color(r.Window)) >= 3.0


# ------------------------------------------------------------------------------ what follows the palette
@pytest.mark.parametrize("choice", ["light", "dark"])
def test_message_strips_and_search_highlight_follow_the_theme(qapp, qtbot, themes, choice):
    themes.set_choice(choice)
    pal = qapp.palette()
    base = pal.color(QPalette.ColorRole.Base)
    for kind in ("error", "info"):
        colours = css_colours(message_css(kind))
        assert is_dark(pal) == (colours["background"].lightness() < 128), kind
        assert contrast(colours["color"], colours["background"]) >= 4.5, kind
    marked = css_colours(highlight_css())
    assert contrast(marked["color"], marked["background"]) >= 4.5
    assert marked["background"] != base  # a match stands out from the text around it
    assert highlight_css() in highlight_html("a [[match]] here")

    banner = Banner()
    qtbot.addWidget(banner)
    banner.resize(400, 40)
    banner.show_message("Something happened.", "error")
    qtbot.waitExposed(banner)
    shown = banner.grab().toImage().pixelColor(200, 3)
    assert shown == css_colours(message_css("error"))["background"]


def test_a_shown_banner_changes_colour_with_the_theme(qapp, qtbot, themes):
    themes.set_choice("light")
    banner = Banner()
    qtbot.addWidget(banner)
    banner.resize(400, 40)
    banner.show_message("Loaded.", "info")
    qtbot.waitExposed(banner)
    light = banner.grab().toImage().pixelColor(200, 3)
    themes.set_choice("dark")
    qtbot.waitUntil(lambda: banner.grab().toImage().pixelColor(200, 3).lightness() < 128, timeout=5000)
    assert light.lightness() >= 128


CODE_REPLY = "Here you are:\n\n```python\ndef greet(name):\n    return f'hello {name}'\n```\n"


def test_code_colours_and_selection_in_the_window_follow_preferences(qtbot, data_dir, model_path, themes):
    win, store = make_window(qtbot, data_dir, model_path, start=False)
    try:
        conv = store.create_conversation("Code")
        user = store.add_message(conv.id, "user", "Show me a function.")
        store.add_message(conv.id, "assistant", CODE_REPLY, parent_id=user.id)
        win.refresh_sidebar()
        win.open_conversation(conv.id, None)
        view = win.chat_view
        qtbot.waitUntil(lambda: view.model_.rowCount() == 2, timeout=10_000)
        rec = view.model_.records()[-1]

        def html() -> str:
            return view.delegate.body(rec, 600, view.font()).html

        win.apply_settings(AppSettings(**{**win.settings.__dict__, "theme": "light"}))
        assert THEMES["light"].code_bg.lower() in html().lower()
        win.apply_settings(AppSettings(**{**win.settings.__dict__, "theme": "dark"}))  # Preferences → Theme → Dark
        assert load_settings().theme == "dark"
        assert is_dark(QApplication.palette()) and view.delegate.theme() == "dark"
        code = html().lower()
        assert THEMES["dark"].code_bg.lower() in code and THEMES["light"].code_bg.lower() not in code
        # The selection colours the reader (and every other widget) uses come from the palette.
        qtbot.waitUntil(lambda: is_dark(view.palette()), timeout=5000)  # Qt hands the palette on in an event
        pal = view.palette()
        assert pal.color(QPalette.ColorRole.Highlight) == dark_palette().color(QPalette.ColorRole.Highlight)
        assert contrast(pal.color(QPalette.ColorRole.HighlightedText), pal.color(QPalette.ColorRole.Highlight)) >= 4.5
        # The message strips of the dialogs too (they read their styles when they show a message).
        from chatdesk.ui.common.form_parts import MESSAGE_STYLES

        assert css_colours(MESSAGE_STYLES["error"])["background"].lightness() < 128
    finally:
        win.close()
        store.close()


def test_start_up_applies_the_saved_theme(qapp, themes, tmp_path, data_dir):
    from PySide6.QtCore import QTimer

    from chatdesk.settings import save_settings
    from chatdesk.ui.app.startup import run_gui

    save_settings(AppSettings(theme="dark"))
    seen = {}

    def look_and_close():
        seen["dark"] = is_dark(QGuiApplication.palette())
        qapp.closeAllWindows()

    QTimer.singleShot(0, look_and_close)
    try:
        assert run_gui(model=str(tmp_path / "absent.gguf")) == 0
    finally:
        qapp.setStyleSheet("")
    assert seen["dark"] is True
    assert appearance.theme_manager(qapp).choice == "dark"


def test_preferences_appearance_page_edits_language_theme_and_text_size(qtbot):
    from chatdesk.ui.shell.settings_dialog import SettingsDialog

    dlg = SettingsDialog(AppSettings(language="zh_CN", theme="dark", text_scale=130), None)
    qtbot.addWidget(dlg)
    titles = [dlg.tabs.tabText(i) for i in range(dlg.tabs.count())]
    assert "Appearance" in titles
    assert (dlg.language.currentData(), dlg.theme.currentData(), dlg.text_scale.value()) == ("zh_CN", "dark", 130)
    assert [dlg.theme.itemData(i) for i in range(dlg.theme.count())] == ["system", "light", "dark"]
    assert [dlg.language.itemData(i) for i in range(dlg.language.count())] == ["system", "en", "zh_CN"]
    assert "next time ChatDesk starts" in dlg.language_note.text()
    dlg.language.setCurrentIndex(dlg.language.findData("system"))
    dlg.theme.setCurrentIndex(dlg.theme.findData("light"))
    dlg.text_scale.setValue(90)
    new = dlg.result_settings()
    assert (new.language, new.theme, new.text_scale) == ("system", "light", 90)


def test_appearance_settings_are_saved_and_bad_values_fall_back(data_dir):
    from chatdesk.settings import save_settings

    save_settings(AppSettings(language="zh_CN", theme="dark", text_scale=140))
    assert (load_settings().language, load_settings().theme, load_settings().text_scale) == ("zh_CN", "dark", 140)
    (data_dir / "settings.json").write_text('{"language": "klingon", "theme": 3, "text_scale": 9000}', "utf-8")
    loaded = load_settings()
    assert (loaded.language, loaded.theme, loaded.text_scale) == ("system", "system", 300)
