"""The welcome feature: Help → Choose a model…, the first-start offer, and the "this model does
not speak your language" notice's way to a model that does (``ctx.requests.choose_model``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from chatdesk.ui.common.context import AppContext
from chatdesk.ui.welcome.dialog import WelcomeDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("WelcomeFeature", text)


class WelcomeFeature(QObject):
    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("welcomeFeature")
        self.ctx = ctx
        self.parent_window = window
        self.dialog: WelcomeDialog | None = None
        ctx.actions.add("welcome.show", _tr("&Choose a model…"), self.show, object_name="chooseModel",
                        tooltip=_tr("Recommended models for this computer, in Chinese and English"))
        ctx.requests.choose_model.connect(self.show)

    def show(self, language: str = "") -> WelcomeDialog:
        if self.dialog is not None:
            self.dialog.close()
        dlg = WelcomeDialog(language or "", self.parent_window)
        dlg.download_requested.connect(self.ctx.requests.download_model)
        dlg.finished.connect(self._done)
        self.dialog = dlg
        dlg.show()
        return dlg

    def _done(self, _result: int) -> None:
        """Chosen or skipped: the first-start offer is not made again (Help still has it)."""
        settings = self.ctx.settings()
        if not settings.welcome_done:
            from dataclasses import replace

            self.ctx.save_settings(replace(settings, welcome_done=True))
        self.dialog = None
