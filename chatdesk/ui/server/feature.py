"""The Server feature: File → Local server… and the server's life with the window.

Registers ``server.panel``; owns one ``ServerController`` (so the server keeps running while its
panel is closed) and stops it when the window closes: requests in flight end as ``stopped``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from chatdesk.ui.common.context import AppContext

if TYPE_CHECKING:
    from chatdesk.ui.server.controller import ServerController
    from chatdesk.ui.server.panel import ServerPanel


def _tr(text: str) -> str:
    return QCoreApplication.translate("ServerFeature", text)


class ServerFeature(QObject):
    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("serverFeature")
        self.window = window
        self.ctx = ctx
        # Made when first asked for: the ASGI stack (Starlette, uvicorn, pydantic) stays off the
        # window's start-up path.
        self.controller: ServerController | None = None
        self.panel: ServerPanel | None = None
        ctx.actions.add("server.panel", _tr("&Local server…"), self.show, object_name="localServer",
                        tooltip=_tr("Let other programs use ChatDesk's models through the OpenAI API"))

    def show(self) -> ServerPanel:
        from chatdesk.ui.server.controller import ServerController  # noqa: PLC0415 - see __init__
        from chatdesk.ui.server.panel import ServerPanel  # noqa: PLC0415

        if self.controller is None:
            self.controller = ServerController(self, share=self.ctx.engine_share)
        if self.panel is None:
            self.panel = ServerPanel(self.controller, self.window)
            self.panel.destroyed.connect(self._forget)
        self.panel.show()
        self.panel.raise_()
        self.panel.activateWindow()
        return self.panel

    def _forget(self, _obj: object = None) -> None:
        self.panel = None

    def shutdown(self) -> None:
        if self.controller is not None:
            self.controller.shutdown()
