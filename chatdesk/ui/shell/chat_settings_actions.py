"""Puts per-chat settings, presets and the context meter into the main window.

The window calls ``install(window)`` once. It docks the chat settings panel on the right (hidden
until asked for: Chat → Chat settings, the toolbar button or Ctrl+Shift+S), registers the
``chat.settings_panel`` and ``chat.presets`` actions (``shell.menus`` places them), places the
context meter above the composer, and keeps
both following the open conversation, the loaded model, the typed text and finished replies.
Nothing here owns state the window needs; everything is reachable from the returned object.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QToolBar, QToolButton

from chatdesk.ui.conversation.chat_settings_panel import ChatSettingsPanel
from chatdesk.ui.conversation.context_meter import ContextMeter

if TYPE_CHECKING:
    from chatdesk.ui.shell.main_window import MainWindow

TOGGLE_SHORTCUT = "Ctrl+Shift+S"


@dataclass
class ChatSettingsUi:
    panel: ChatSettingsPanel
    dock: QDockWidget
    meter: ContextMeter
    toggle_action: QAction
    presets_action: QAction
    toolbar: QToolBar


def install(window: MainWindow) -> ChatSettingsUi:
    c = window.controller
    w = window.inference.worker

    def ensure_conversation() -> int | None:
        if c.current_id is None:
            c.new_conversation()
        return c.current_id

    panel = ChatSettingsPanel(
        c.flow, window.store,
        current_conversation=lambda: c.current_id,
        ensure_conversation=ensure_conversation,
        parent=window,
    )
    dock = QDockWidget(QCoreApplication.translate("ChatSettingsActions", "Chat settings"), window)
    dock.setObjectName("chatSettingsDock")
    dock.setAccessibleName(QCoreApplication.translate("ChatSettingsActions", "Chat settings"))
    dock.setWidget(panel)
    dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()

    toggle = dock.toggleViewAction()
    toggle.setObjectName("toggleChatSettings")
    toggle.setText(QCoreApplication.translate("ChatSettingsActions", "C&hat settings"))
    # The tool bar shows the words without the menu's mnemonic (a translation's "(&H)" included).
    toggle.setIconText(QCoreApplication.translate("ChatSettingsActions", "Chat settings"))
    toggle.setToolTip(QCoreApplication.translate("ChatSettingsActions", "Show or hide this chat's settings ({shortcut})").format(shortcut=TOGGLE_SHORTCUT))
    toggle.setShortcut(QKeySequence(TOGGLE_SHORTCUT))
    toggle.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.addAction(toggle)  # the shortcut works while the dock is hidden
    toggle.triggered.connect(lambda shown: shown and panel.preset_combo.setFocus(Qt.FocusReason.ShortcutFocusReason))

    window.action_registry.register("chat.settings_panel", toggle)
    presets_action = window.action_registry.add(
        "chat.presets", QCoreApplication.translate("ChatSettingsActions", "Prese&ts…"),
        lambda: (dock.show(), panel.manage_presets()), object_name="managePresets", shortcuts=["Ctrl+Shift+P"],
        window_shortcut=True)
    # Runs after the window's own slot, i.e. once the (modal) Preferences dialog has closed.
    window.action_registry["app.preferences"].triggered.connect(lambda: (panel.reload(), meter.refresh()))

    toolbar = QToolBar(QCoreApplication.translate("ChatSettingsActions", "Conversation"), window)
    toolbar.setObjectName("conversationToolbar")
    toolbar.setAccessibleName(QCoreApplication.translate("ChatSettingsActions", "Conversation toolbar"))
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.addAction(toggle)
    button = toolbar.widgetForAction(toggle)
    if button is not None:
        button.setAccessibleName(QCoreApplication.translate("ChatSettingsActions", "Chat settings"))
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    for extra in toolbar.findChildren(QToolButton, "qt_toolbar_ext_button"):
        extra.setAccessibleName(QCoreApplication.translate("ChatSettingsActions", "More toolbar buttons"))  # Qt's overflow arrow

    meter = ContextMeter(
        window.store, c.flow,
        engine=lambda: w.engine,
        conversation=lambda: c.current_id,
        prompt_format=lambda: (t.prompt_format if (t := c.target()) is not None else None),
        parent=window,
    )
    column = window.composer.parentWidget().layout()
    column.insertWidget(column.indexOf(window.composer), meter)
    meter.left_out_changed.connect(window.chat_view.model_.set_left_out_next)  # marked in the conversation

    edit = window.composer.edit
    edit.textChanged.connect(lambda: meter.set_draft(edit.toPlainText()))
    c.current_changed.connect(panel.set_conversation)
    c.current_changed.connect(meter.inputs_changed)
    c.busy_changed.connect(meter.hold)  # counts wait while a reply streams; its end counts again
    # The worker's signals come from its thread: bound slots of GUI objects run them on the GUI
    # thread (a lambda would run on the worker's).
    w.load_finished.connect(panel.set_model)
    w.load_finished.connect(meter.inputs_changed)
    w.load_failed.connect(panel.model_load_failed)
    w.load_failed.connect(meter.inputs_changed)
    panel.settings_changed.connect(meter.inputs_changed)
    panel.error.connect(lambda msg: window.banner.show_message(msg))
    window.composer.send_button.pressed.connect(panel.flush)  # before the click sends
    return ChatSettingsUi(panel, dock, meter, toggle, presets_action, toolbar)
