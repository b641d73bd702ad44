"""Window actions registered by id, so menus can be declared as data in one place.

Each feature creates its ``QAction`` objects and registers them here under a stable id
(``"chat.new"``, ``"models.library"``, ``"evaluation.evaluate"`` …); the shell's declared menu
layout (``chatdesk.ui.shell.menus``) then places them. No feature finds a menu by its position or
by a shortcut, and no feature renames another's action: an action's words belong to its owner.
Tests and other features reach an action by id (``registry.get("chat.stop").trigger()``), not by
walking menus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence


class ActionRegistry(QObject):
    """The window's actions by id (one registry per main window)."""

    def __init__(self, window: QObject) -> None:
        super().__init__(window)
        self._window = window
        self._actions: dict[str, QAction] = {}

    def add(
        self,
        action_id: str,
        text: str,
        slot: Callable[[], Any] | None = None,
        *,
        shortcuts: Sequence[QKeySequence | str] = (),
        tooltip: str = "",
        object_name: str | None = None,
        window_shortcut: bool = False,
    ) -> QAction:
        """Create an action owned by the window, connect ``slot`` and register it under ``action_id``."""
        act = QAction(text, self._window)
        act.setObjectName(object_name or action_id)
        if shortcuts:
            act.setShortcuts([s if isinstance(s, QKeySequence) else QKeySequence(s) for s in shortcuts])
        if window_shortcut:
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tooltip:
            act.setToolTip(tooltip)
        if slot is not None:
            act.triggered.connect(lambda _checked=False, s=slot: s())
        return self.register(action_id, act)

    def register(self, action_id: str, action: QAction) -> QAction:
        """Register an action made elsewhere (e.g. a dock's toggle action)."""
        if action_id in self._actions:
            raise ValueError(f"the action id {action_id!r} is registered twice")
        self._actions[action_id] = action
        return action

    def get(self, action_id: str) -> QAction | None:
        return self._actions.get(action_id)

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __contains__(self, action_id: object) -> bool:
        return action_id in self._actions

    def ids(self) -> list[str]:
        return list(self._actions)
