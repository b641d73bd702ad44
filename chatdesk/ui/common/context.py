"""What a window feature is given instead of the main window: services, state, actions, requests.

The shell (the main window) builds one ``AppContext`` and hands it to every feature. Features
never import the shell or each other; when one needs another (the library's "Evaluate…", the
checkpoint import's "Compare quantizations…", a "Chat with it" from anywhere), it emits on
``ctx.requests`` and the shell routes the request to the feature that owns it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from chatdesk.ui.common.actions import ActionRegistry
from chatdesk.ui.common.session import SessionState

if TYPE_CHECKING:
    from chatdesk.engine.sharing import EngineShare
    from chatdesk.settings import AppSettings
    from chatdesk.store import Store


class FeatureRequests(QObject):
    """Cross-feature requests, routed by the shell (one dispatcher per signal)."""

    evaluate_models = Signal(list, list)  # model paths, library entries (empty: the session's library)
    use_model = Signal(str)  # a model key: load it and start a new chat with it
    inspect_reply = Signal(int, int)  # conversation id, message id: Look inside… that reply
    download_model = Signal(str, str)  # Hub repo id, file name: download it (resumable) and chat with it
    choose_model = Signal(str)  # a language code ("" for any): offer the recommended models (the welcome view)
    show_message = Signal(str, str)  # text, kind ("error" | "info"): the window's message line


@dataclass
class AppContext:
    """The application's services as one object; ``settings`` is read through a callable because
    Preferences replaces the (frozen) settings object."""

    store: Store | None
    session: SessionState
    actions: ActionRegistry
    requests: FeatureRequests
    settings: Callable[[], AppSettings]
    save_settings: Callable[[AppSettings], None]
    engine_share: EngineShare | None = None  # the window's loaded model, lent to the local server
    extras: dict[str, Any] = field(default_factory=dict)
