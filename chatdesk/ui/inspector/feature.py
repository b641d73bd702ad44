"""The inspector as a window feature: Look inside… a reply, or a text typed for the current model.

Registers ``inspector.text``; answers ``ctx.requests.inspect_reply`` (the conversation's message
action, routed by the shell). A reply is inspected with the model that wrote it when its file is
still there, else with the model in use; a remote model cannot be looked into, and says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QInputDialog, QWidget

from chatdesk.library.resolve import is_remote_key, key_label
from chatdesk.ui.common.context import AppContext

if TYPE_CHECKING:
    # Imported when a window opens: it brings numpy (~0.1 s), which the main window's start-up
    # does not need.
    from chatdesk.ui.inspector.window import InspectorWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("InspectorFeature", text)


class InspectorFeature(QObject):
    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("inspectorFeature")
        self.ctx = ctx
        self.parent_window = window
        self.windows: list[InspectorWindow] = []
        ctx.actions.add("inspector.text", _tr("Loo&k inside the model…"), self.inspect_typed_text, object_name="inspectText",
                        tooltip=_tr("Type a text and see attention, the logit lens and each layer's contribution"))
        ctx.requests.inspect_reply.connect(self.inspect_reply)

    def _local_model(self, wanted: str | None = None) -> str | None:
        """The GGUF to inspect with: ``wanted`` when it is a file here, else the model in use."""
        for key in (wanted, self.ctx.session.model_key):
            if key and not is_remote_key(key) and Path(key).is_file():
                return key
        self.ctx.requests.show_message.emit(_tr(
            "Only a model on this computer can be looked into; load a local model (File → Open model… or the "
            "library) and try again."), "info")
        return None

    def inspect_typed_text(self) -> InspectorWindow | None:
        model = self._local_model()
        if model is None:
            return None
        text, ok = QInputDialog.getMultiLineText(self.parent_window, _tr("Look inside the model"),
                                                 _tr("A text for {model} to read:").format(model=key_label(model)),
                                                 "The capital of France is")
        if not ok or not text.strip():
            return None
        return self._open(_tr("a text"), model, text=text)

    def inspect_reply(self, conversation_id: int, message_id: int) -> InspectorWindow | None:
        store = self.ctx.store
        record = store.get_message(message_id) if store is not None else None
        wanted = (record.provenance or {}).get("model_path") if record is not None else None
        model = self._local_model(wanted if isinstance(wanted, str) else None)
        if model is None or store is None:
            return None
        settings = self.ctx.settings()
        return self._open(_tr("reply {id}").format(id=message_id), model, reply=(conversation_id, message_id), store=store,
                          prompt_format=settings.prompt_format_for(model))

    def _open(self, title: str, model: str, **what: object) -> InspectorWindow:
        from chatdesk.ui.inspector.window import InspectorWindow

        win = InspectorWindow(title, self.parent_window)
        self.windows.append(win)
        win.destroyed.connect(lambda _o=None, w=win: self.windows.remove(w) if w in self.windows else None)
        win.show()
        win.start(model, **what)
        return win
