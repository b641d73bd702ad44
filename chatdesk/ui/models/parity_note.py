"""The import dialog's logits-parity line: did the converted model behave like the checkpoint?

The converter child checks it right after converting (``--verify``: llama.cpp's logits on the new
GGUF against a forward pass of the checkpoint's own weights, read with ``weights_only=True``) and
sends the report in its done line. This label shows the figures with a pass/fail sentence
(``converters.parity``, the same sentence ``chatdesk-convert --verify`` prints), in the error
colour when it failed. ``passed`` is None until a report came, or when the check could not run.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from chatdesk.ui.app.appearance import error_colour
from chatdesk.ui.app.i18n import localized
from translatable import from_data


class ParityNote(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importParity")
        self.setAccessibleName(self.tr("Logits parity with the checkpoint"))
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report: dict[str, Any] | None = None
        self.passed: bool | None = None
        self.hide()

    def clear_report(self) -> None:
        self.report, self.passed = None, None
        self.clear()
        self.hide()

    def show_done(self, done: dict[str, Any]) -> None:
        """The converter's done line: its ``verify`` report, or the ``verify_error`` that stopped the check."""
        # converters' package loads numpy and the converter API: only once there is a report to show
        from converters.parity import parity_sentence, parity_unavailable  # noqa: PLC0415

        report, error = done.get("verify"), done.get("verify_error")
        if isinstance(report, dict):
            self.report = report
            self.passed = bool(report.get("passed"))
            text = localized(parity_sentence(report))
        elif isinstance(error, dict):
            self.report, self.passed = None, None
            text = localized(parity_unavailable(from_data(str(error.get("error", "")), error)))
        else:
            self.clear_report()
            return
        self.setPalette(QPalette())  # the dialog's colours again (an earlier failure's red goes)
        if self.passed is False:
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.WindowText, error_colour(palette))
            self.setPalette(palette)
        self.setText(text)
        self.show()
