"""What every route of the server shares, in one object handed to each of them.

Why a module of its own: the routes (``routes/``), the request machinery (``generation``) and
the runner that starts the server all need it, and none of them should have to import another's
code to get it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from chatdesk.server.config import ServerSettings
from chatdesk.server.jobs import RequestQueue
from chatdesk.server.pool import ModelPool
from chatdesk.settings import AppSettings

log = logging.getLogger(__name__)


@dataclass
class ServerState:
    """What the routes share: settings, the model pool, the queue, and (optionally) the store."""

    settings: ServerSettings
    app_settings: AppSettings
    pool: ModelPool
    queue: RequestQueue
    store: Any = None  # chatdesk.store.Store when requests are stored as conversations
    started: float = field(default_factory=time.time)
    log_lines: list[str] = field(default_factory=list)  # recent one-line request log (the panel shows it)
    on_log: Callable[[str], None] | None = None

    def note(self, line: str) -> None:
        self.log_lines.append(line)
        del self.log_lines[:-200]
        if self.on_log is not None:
            try:
                self.on_log(line)
            except Exception:
                log.exception("server log listener failed")
