"""The window's icons (chatdesk/ui/common/icons.py): every id draws a glyph of the bundled font,
icon buttons keep their words for tooltips and screen readers, and icons follow the theme."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QToolButton

from chatdesk.ui.app.appearance import theme_manager
from chatdesk.ui.common import icons
from chatdesk.ui.conversation.message_actions import ACTIONS, ActionBar
from chatdesk.ui.shell.composer import Composer
from chatdesk.ui.shell.sidebar import Sidebar


@pytest.fixture
def themes(qapp):
    manager = theme_manager(qapp)
    yield manager
    manager.set_choice("system")
    manager._system_changed(Qt.ColorScheme.Unknown)


def ink(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off) -> QColor:
    """The colour of the glyph's most opaque pixel."""
    image = icon.pixmap(QSize(32, 32), mode, state).toImage()
    best = QColor(0, 0, 0, 0)
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if c.alpha() > best.alpha():
                best = c
    assert best.alpha() > 200, "the icon drew nothing"
    return best


def test_every_icon_id_is_a_glyph_of_the_bundled_font(qapp):
    ttf, charmap = icons.font_files()
    assert ttf.is_file() and charmap.is_file()
    names = json.loads(charmap.read_text(encoding="utf-8"))
    missing = [i for i, name in icons.ICONS.items() if name not in names]
    assert not missing, f"not in {charmap.name}: {missing}"
    for icon_id in icons.ICONS:
        assert not icons.icon(icon_id).isNull()
    sharp = icons.icon("send").pixmap(QSize(20, 20), 2.0)  # a high-DPI screen gets twice the pixels
    assert sharp.size() == QSize(40, 40) and sharp.devicePixelRatio() == 2.0
    with pytest.raises(KeyError):
        icons.icon("no-such-icon")


def test_every_message_action_has_an_icon(qapp):
    assert {a.name for a in ACTIONS} <= set(icons.ICONS), "an action without an icon would show an empty button"


def test_icons_are_drawn_in_the_palette_colours_and_follow_the_theme(qapp, qtbot, themes):
    themes.set_choice("light")
    button = QToolButton()
    qtbot.addWidget(button)
    icons.set_icon(button, "copy")
    light = ink(button.icon())
    assert light.lightness() < 128, "dark ink on a light window"
    themes.set_choice("dark")
    qtbot.waitUntil(lambda: ink(button.icon()).lightness() >= 128, timeout=5000)
    assert ink(button.icon()) == button.palette().color(button.palette().ColorRole.ButtonText)
    disabled = ink(button.icon(), QIcon.Mode.Disabled)
    assert disabled != ink(button.icon()), "a disabled icon looks disabled"
    on = ink(button.icon(), QIcon.Mode.Normal, QIcon.State.On)
    assert on == button.palette().color(button.palette().ColorRole.Highlight), "a checked toggle shows the accent"


def test_composer_and_sidebar_buttons_are_icons_with_their_words_kept(qtbot):
    composer = Composer()
    sidebar = Sidebar()
    qtbot.addWidget(composer)
    qtbot.addWidget(sidebar)
    expected = {composer.send_button: ("send", "Send"), composer.stop_button: ("stop", "Stop"),
                composer.attach_button: ("attach", "Attach files"), sidebar.new_button: ("new_chat", "New chat")}
    for button, (icon_id, words) in expected.items():
        assert icons.icon_id_of(button) == icon_id and not button.icon().isNull()
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        assert button.accessibleName() == words and button.text() == words
        assert button.toolTip() and button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_the_message_bar_shows_icons_and_keeps_the_words_for_its_more_menu(qtbot):
    parent = QToolButton()  # any widget can hold the bar
    qtbot.addWidget(parent)
    bar = ActionBar(parent)
    for name, button in bar.buttons.items():
        assert icons.icon_id_of(button) == name and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        assert button.accessibleName() and button.toolTip()
    for button in (bar.prev_button, bar.next_button, bar.more, bar.probabilities):
        assert icons.icon_id_of(button) and button.accessibleName()


def test_icons_do_not_import_qtpy_at_start_up():
    """qtpy's PySide6 shims star-import every Qt module and patch PySide6 for the whole app
    (chatdesk/ui/common/icons.py's docstring): only qtawesome's font files are used."""
    code = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            "from chatdesk.ui.common import icons; icons.icon('send').pixmap(16, 16); "
            "print(sorted(m for m in ('qtpy', 'qtawesome') if m in sys.modules))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
