"""The main window's menus, declared as data: which registered action goes where.

Features register their actions by id (``chatdesk.ui.common.actions``); this is the one place
that says in which menu, in which order and between which separators they appear. An id that no
feature registered (a feature that is off in the frozen bundle, say) is skipped, and so is a
separator that would end up first, last or doubled.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMenu, QMenuBar

from chatdesk.ui.common.actions import ActionRegistry

SEPARATOR = "-"

# (object name, (translation context, title), action ids). The titles keep the translation
# contexts they have always had, so existing translations keep applying.
MENU_LAYOUT: tuple[tuple[str, tuple[str, str], tuple[str, ...]], ...] = (
    ("fileMenu", ("MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&File")), (
        "chat.new", "model.open", "models.library", "models.download", "models.connect", "evaluation.evaluate", "documents.panel", "server.panel", "inspector.text",
        "models.import_checkpoint", SEPARATOR,
        "transcripts.export_chat", "transcripts.export_all", "transcripts.import", SEPARATOR,
        "app.quit",
    )),
    ("chatMenu", ("MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&Chat")), (
        "chat.stop", "chat.rename", "chat.search", SEPARATOR,
        "message.regenerate_last", "message.edit_last", "message.copy_reply", "message.previous_version",
        "message.next_version", "message.info", SEPARATOR,
        "chat.settings_panel", "chat.presets", "app.preferences",
    )),
    ("viewMenu", ("KeyboardActions", QT_TRANSLATE_NOOP("KeyboardActions", "&View")), (
        "view.zoom_in", "view.zoom_out", "view.zoom_reset", SEPARATOR, "view.next_pane", "view.previous_pane",
    )),
    ("helpMenu", ("KeyboardActions", QT_TRANSLATE_NOOP("KeyboardActions", "&Help")), ("welcome.show", "help.shortcuts", "help.about")),
)


def build_menus(bar: QMenuBar, registry: ActionRegistry) -> dict[str, QMenu]:
    """Fill ``bar`` from ``MENU_LAYOUT``; returns the menus by object name."""
    menus: dict[str, QMenu] = {}
    for name, (context, title), ids in MENU_LAYOUT:
        menu = bar.addMenu(QCoreApplication.translate(context, title))
        menu.setObjectName(name)
        pending_separator = False
        for action_id in ids:
            if action_id == SEPARATOR:
                pending_separator = bool(menu.actions())
                continue
            act = registry.get(action_id)
            if act is None:
                continue
            if pending_separator:
                menu.addSeparator()
                pending_separator = False
            menu.addAction(act)
        menus[name] = menu
    return menus


def layout_ids() -> set[str]:
    """Every action id the layout places (a test checks each registered action has a place)."""
    return {i for _name, _title, ids in MENU_LAYOUT for i in ids if i != SEPARATOR}
