"""Small windows: the window's errors and notices share ONE line that shows the newest message
(elided, the whole text in its tooltip and accessible name) with "+N" for the others; notices
expire, errors stay until dismissed. The conversation keeps a usable height with the settings
panel open, and the status bar elides its text instead of running it into its neighbours.
Real widgets; the window tests use the real bundled model."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication
from tests_gui_support import make_window

from chatdesk.ui.common import banner as banner_module
from chatdesk.ui.common.banner import Banner
from chatdesk.ui.common.session import LOAD_LOADED
from chatdesk.ui.conversation.chat_view import MIN_LINES

LONG = "The model file could not be read because it ended early; download it again or choose another. " * 3


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def line(qtbot) -> tuple[Banner, Clock]:
    b = Banner()
    qtbot.addWidget(b)
    b.resize(420, 40)
    b.move(600, 600)
    QCursor.setPos(0, 0)  # away from the pointer: a message under it waits to be read
    clock = Clock()
    b.clock = clock
    return b, clock


def one_line_high(b: Banner) -> bool:
    return b.sizeHint().height() <= 2 * b.fontMetrics().lineSpacing() + 16 and b.label.text().count("\n") == 0


def test_many_messages_share_one_line_with_a_count_of_the_others(qtbot):
    b, _clock = line(qtbot)
    b.show_message("First problem.", "error")
    b.show_message("Exported 1 chat.", "info", topic="export")
    b.show_message(LONG, "error", topic="load")
    qtbot.waitUntil(b.isVisible, timeout=2000)
    assert one_line_high(b)
    assert b.text() == LONG and b.topic == "load" and b.kind == "error"
    # Elided on screen; the whole text for the tooltip and screen readers.
    assert b.label.text().endswith("…") and b.label.toolTip() == LONG.replace("\n", " ")
    assert b.label.accessibleName() == LONG
    assert b.more_button.isVisible() and b.more_button.text() == "+2"
    assert "2" in b.more_button.accessibleName()
    titles = [a.toolTip() for a in b.more_menu.actions()]
    assert titles == ["Exported 1 chat.", "First problem."]  # newest first
    b.more_menu.actions()[1].trigger()  # bring the first problem to the front
    assert b.text() == "First problem." and b.more_button.text() == "+2"


def test_notices_expire_and_errors_stay_until_dismissed(qtbot):
    b, clock = line(qtbot)
    b.show_message("Could not save settings.", "error")
    b.show_message("Exported 1 chat.", "info")
    # A passing notice does not cover the error: it waits behind it.
    assert b.text() == "Could not save settings." and b.more_button.text() == "+1"
    clock.now += banner_module.INFO_SECONDS + 1
    qtbot.waitUntil(lambda: not b.more_button.isVisible(), timeout=5000)
    assert b.topics() == [""] and b.text() == "Could not save settings."
    clock.now += 3600
    qtbot.wait(3 * banner_module.TICK_MS)
    assert b.isVisible() and b.text() == "Could not save settings."  # an error waits for the user
    qtbot.mouseClick(b.close_button, Qt.MouseButton.LeftButton)
    assert not b.isVisible() and b.text() == ""


def test_a_notice_under_the_pointer_waits(qtbot):
    b, clock = line(qtbot)
    b.show_message("Exported 1 chat.", "info")
    qtbot.waitUntil(b.isVisible, timeout=2000)
    QCursor.setPos(b.mapToGlobal(b.rect().center()))
    qtbot.waitUntil(lambda: QCursor.pos() == b.mapToGlobal(b.rect().center()), timeout=5000)
    clock.now += banner_module.INFO_SECONDS + 1
    qtbot.wait(3 * banner_module.TICK_MS)
    assert b.text() == "Exported 1 chat."
    QCursor.setPos(b.mapToGlobal(b.rect().bottomRight()) + QPoint(200, 200))
    qtbot.waitUntil(lambda: not b.isVisible(), timeout=5000)


def test_a_notice_with_an_action_stays_longer_and_a_topic_replaces_its_own(qtbot):
    b, clock = line(qtbot)
    ran = []
    b.show_message("Deleted 1 chat.", "info", topic="undo")
    b.set_action("Undo", lambda: ran.append(1))
    b.show_message("Exported 1 chat.", "info", topic="export")
    b.show_message("Exported 2 chats.", "info", topic="export")  # the same topic: replaced, not stacked
    assert b.entries[-1].text == "Exported 2 chats." and len(b.entries) == 2
    clock.now += banner_module.INFO_SECONDS + 1
    qtbot.waitUntil(lambda: b.topic == "undo", timeout=5000)
    assert b.action_button.isVisible() and b.action_button.text() == "Undo"
    b.action_button.click()
    assert ran == [1]
    b.clear("undo")
    assert not b.isVisible()


def test_clearing_a_topic_takes_away_a_message_waiting_behind_the_newest(qtbot):
    b, _clock = line(qtbot)
    b.show_message("About chat 1.", "info", topic="chat:1")
    b.show_message("Loading failed.", "error", topic="load")
    b.clear("chat:1")
    assert b.topics() == ["load"] and not b.more_button.isVisible()
    b.clear_notices()
    assert b.text() == "Loading failed."  # errors are not notices


def test_a_small_window_keeps_its_conversation_and_one_message_line(qtbot, data_dir, model_path):
    win, _store = make_window(qtbot, data_dir, model_path, max_tokens=8)
    try:
        win.chat_settings.dock.show()
        for i in range(3):
            win.banner.show_message(f"{LONG} ({i})", "error" if i % 2 else "info", topic=f"t{i}")
        win.resize(640, 360)
        QApplication.processEvents()
        qtbot.waitUntil(lambda: win.banner.isVisible(), timeout=5000)
        assert win.notice is win.banner  # notices and errors share the one line
        assert win.banner.height() <= 2 * win.banner.fontMetrics().lineSpacing() + 16
        view = win.chat_view
        qtbot.waitUntil(lambda: view.height() >= view.fontMetrics().lineSpacing() * MIN_LINES, timeout=5000)
        assert win.chat_settings.dock.isVisible()
        # Nothing overlaps: the message line sits between the conversation and the message box.
        assert view.geometry().bottom() < win.banner.geometry().top()
    finally:
        win.close()


def test_the_status_bar_elides_instead_of_overlapping(qtbot, data_dir, model_path):
    win, _store = make_window(qtbot, data_dir, model_path, max_tokens=8)
    try:
        # The load's own figures first, so they do not replace the long text below.
        qtbot.waitUntil(lambda: win.session.load_state == LOAD_LOADED and "loaded in" in win.stats_label.text(),
                        timeout=60_000)
        short_min = win.minimumSizeHint().width()
        win.model_label.setText("A very long model name that goes on · Q4_K_M · context 32768 · " * 3)
        win.stats_label.setText("41.2 tokens/s · 512 tokens · first token after 130 ms · 8 threads · cache reused " * 2)
        win.resize(win.minimumSizeHint().width(), 500)
        QApplication.processEvents()
        # Long status text does not make the window wider than it has to be.
        assert win.minimumSizeHint().width() <= short_min + 40
        model, stats = win.model_label, win.stats_label
        qtbot.waitUntil(lambda: model.width() > 0 and stats.width() > 0, timeout=5000)
        assert not model.geometry().intersects(stats.geometry())
        for label in (model, stats):
            drawn = label.shown_text()
            assert drawn.endswith("…") and label.fontMetrics().horizontalAdvance(drawn) <= label.contentsRect().width()
            assert label.text() in label.toolTip()  # the whole text is one hover away
        # A passing message (a link's address) is cut before the reply figures as well.
        bar = win.statusBar()
        bar.showMessage("Opens https://example.com/" + "very/long/path/" * 40, 8000)
        room = bar.width() - stats.width()
        assert bar.fontMetrics().horizontalAdvance(bar.currentMessage()) <= room
    finally:
        win.close()
