"""The question before a model leaves the library: remove it, and delete its file or not.

Why its own module: what may be deleted is a rule worth reading on its own. ChatDesk's own
copies (files in its data folder's models folder) go with their entry, after this question; a
user's own file stays on disk unless the user explicitly chooses to delete it too; a server's
model is only taken off the list (its connection stays saved). The library window asks, this
box words the question and says the answer (``remove(delete_file)``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from chatdesk.library import ModelEntry
from chatdesk.ui.models.library_table import human_size


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryWindow", text)


class RemovalQuestion(QMessageBox):
    """Remove ``entry``? The buttons offered depend on whose file it is (``owned``: ChatDesk's)."""

    remove = Signal(bool)  # the user chose to remove it; True: delete the file too

    def __init__(self, entry: ModelEntry, owned: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmRemove")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(_tr("Remove model"))
        self.setAccessibleName(_tr("Confirm removing a model"))
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setAccessibleName(_tr("Cancel"))
        self._choices: dict[QPushButton, bool] = {}
        e = entry
        if e.is_remote:
            self.setText(_tr("Remove {name} from the library? The server connection stays saved.").format(name=e.name))
            self._offer(_tr("Remove"), "removeKeep", QMessageBox.ButtonRole.AcceptRole, delete_file=False)
        elif owned:
            self.setText(_tr("Remove {name} and delete its file ({size})? ChatDesk made this copy in its data folder; "
                             "it cannot be undone.\n\n{path}").format(name=e.name, size=human_size(e.file_size), path=e.path))
            self._offer(_tr("Remove and delete the file"), "removeDelete", QMessageBox.ButtonRole.DestructiveRole, delete_file=True)
        else:
            self.setText(_tr("Remove {name} from the library? The file is yours: it stays on disk unless you choose to "
                             "delete it too.\n\n{path}").format(name=e.name, path=e.path or ""))
            keep = self._offer(_tr("Remove, keep the file"), "removeKeep", QMessageBox.ButtonRole.AcceptRole, delete_file=False)
            self._offer(_tr("Remove and delete the file"), "removeDelete", QMessageBox.ButtonRole.DestructiveRole, delete_file=True)
            self.setDefaultButton(keep)
        self.setDefaultButton(self.defaultButton() or cancel)
        self.finished.connect(self._answered)

    def _offer(self, text: str, name: str, role: QMessageBox.ButtonRole, *, delete_file: bool) -> QPushButton:
        button = self.addButton(text, role)
        button.setObjectName(name)
        button.setAccessibleName(text)
        self._choices[button] = delete_file
        return button

    def _answered(self, _result: int) -> None:
        clicked = self.clickedButton()
        if clicked in self._choices:
            self.remove.emit(self._choices[clicked])  # type: ignore[index]  # clickedButton() is typed as QAbstractButton
