"""The welcome view: a useful model on day one.

It says plainly that the bundled model is a 135M English-only demo, then offers the recommended
models (``library.recommend``): what each is good for, its download size, the memory it needs,
whether it fits this machine, and its speed here (scaled from the bundled model's speed measured
on this machine, off the GUI thread, or estimated until that is known). "Download and use" asks
the shell (``ctx.requests.download_model``) for the models feature's resumable download, which
switches to the model when it is in. "Keep the demo for now" closes it; Help → Choose a model…
brings it back.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from chatdesk.library.recommend import bundled_facts, machine_facts, measure_bundled_speed, recommendations
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background


def _size(n: int) -> str:
    return f"{n / (1 << 30):.1f} GB" if n >= 1 << 30 else f"{n / (1 << 20):.0f} MB"


class WelcomeDialog(QDialog):
    download_requested = Signal(str, str)  # repo id, file name

    def __init__(self, language: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Choose a model"))
        self.setAccessibleName(self.tr("Choose a model"))
        self.resize(760, 560)
        self.language = language
        self.facts = machine_facts()
        self.speed: float | None = None
        intro = QLabel(self)
        intro.setObjectName("welcomeIntro")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        lead = (self.tr("<h2>Welcome to ChatDesk</h2>") if not language else
                self.tr("<h2>A model that speaks your language</h2>"))
        intro.setText(lead + f"<p>{escape(localized(bundled_facts().description))}</p>")
        self.intro = intro
        self.cards = QWidget(self)
        self.cards.setObjectName("welcomeCards")
        self.grid = QGridLayout(self.cards)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.cards)
        self.skip = QPushButton(self.tr("Keep the demo model for now"), self)
        self.skip.setObjectName("welcomeSkip")
        self.skip.clicked.connect(self.reject)
        self.note = QLabel(self.tr("Everything runs on this computer; a model is downloaded once from Hugging Face. "
                                   "Help → Choose a model… shows this again."), self)
        self.note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.skip)
        lay.addLayout(row)
        self.buttons: dict[str, QPushButton] = {}
        self._show()
        run_in_background(measure_bundled_speed, self._measured, lambda _e: None, owner=self)

    def _measured(self, tokens_per_s: float) -> None:
        self.speed = float(tokens_per_s)
        self._show()

    def suggestions(self) -> list[Any]:
        found = recommendations(self.facts, self.speed)
        if self.language:
            found.sort(key=lambda s: self.language not in s.model.languages)  # the ones that speak it first
        return found

    def _show(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.buttons = {}
        for row, s in enumerate(self.suggestions()):
            m = s.model
            card = QFrame(self.cards)
            card.setObjectName(f"welcome_{m.key}")
            card.setFrameShape(QFrame.Shape.StyledPanel)
            col = QVBoxLayout(card)
            title = QLabel(f"<b>{escape(localized(m.need))}</b> — {escape(m.label)}", card)
            title.setTextFormat(Qt.TextFormat.RichText)
            speed = (self.tr("about {n} tokens/s here (measured)") if s.speed.basis == "measured"
                     else self.tr("about {n} tokens/s here (estimated)")).format(n=f"{s.speed.tokens_per_s:.0f}")
            langs = ", ".join({"zh": self.tr("Chinese"), "en": self.tr("English")}.get(code, code) for code in m.languages)
            details = self.tr("{size} download · needs about {memory} of memory · {speed} · {languages}").format(
                size=_size(m.size_bytes), memory=_size(m.memory_bytes), speed=speed, languages=langs)
            if not s.fits:
                details += " · " + self.tr("more than this computer's memory comfortably holds")
            info = QLabel(details, card)
            info.setWordWrap(True)
            col.addWidget(title)
            col.addWidget(info)
            if m.note:
                note = QLabel(localized(m.note), card)
                note.setWordWrap(True)
                col.addWidget(note)
            button = QPushButton(self.tr("Download and use"), card)
            button.setObjectName(f"download_{m.key}")
            button.setAccessibleName(self.tr("Download and use {name}").format(name=m.label))
            button.clicked.connect(lambda _c=False, rec=m: self._choose(rec))
            self.buttons[m.key] = button
            self.grid.addWidget(card, row, 0)
            self.grid.addWidget(button, row, 1, Qt.AlignmentFlag.AlignVCenter)

    def _choose(self, rec: Any) -> None:
        self.download_requested.emit(rec.repo_id, rec.filename)
        self.accept()
