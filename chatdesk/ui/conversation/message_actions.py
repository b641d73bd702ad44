"""What can be done to a message, and the bar that offers it on hover and on keyboard focus.

One list (``ACTIONS``) feeds both the action bar laid over the hovered or focused message and the
context menu, so they cannot disagree about which actions a message has. The view turns a
triggered action into ``action_requested(name, message id)``; the window performs it.

Action names: ``copy`` (the whole message as Markdown), ``regenerate``, ``regenerate_same``
(with the settings the reply was made with), ``continue`` (a stopped or interrupted reply),
``edit`` (user turns), ``info`` (reply info), ``inspect`` (Look inside…, a local model's reply), ``branch`` (into a new conversation), ``delete``
(with Undo). The ``‹ n/m ›`` version switch emits ``sibling_step`` instead, and the per-chat
token-probability toggle lives here too because it is offered on every reply.

The bar's buttons are icons (``chatdesk.ui.common.icons``, one id per action name); each keeps its
words as text, accessible name and tooltip, and the More menu lists hidden ones by their words.

Keyboard: every button takes Tab focus; Enter or Space triggers it; Esc goes back to the list.
Buttons that do not fit the row's width move into a "More" menu, in reverse order of ``ACTIONS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from chatdesk.store import MessageRecord, Status
from chatdesk.ui.common import spacing
from chatdesk.ui.common.icons import set_icon


def _tr(text: str) -> str:
    return QCoreApplication.translate("MessageActions", text)


def _done(rec: MessageRecord) -> bool:
    return rec.status != Status.STREAMING


def _reply(rec: MessageRecord) -> bool:
    return rec.role == "assistant" and _done(rec)


@dataclass(frozen=True)
class ActionSpec:
    name: str
    label: str  # on the bar
    menu_label: str  # in the context menu
    tip: str
    applies: Callable[[MessageRecord], bool]


# The texts are marked with QT_TRANSLATE_NOOP for pyside6-lupdate and translated where shown.
_T = "MessageActions"
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("copy", QT_TRANSLATE_NOOP(_T, "Copy"), QT_TRANSLATE_NOOP(_T, "Copy message (Markdown)"),
               QT_TRANSLATE_NOOP(_T, "Copy the whole message as Markdown (Ctrl+C without a selection)"),
               lambda r: True),
    ActionSpec("regenerate", QT_TRANSLATE_NOOP(_T, "Regenerate"), QT_TRANSLATE_NOOP(_T, "Regenerate"),
               QT_TRANSLATE_NOOP(_T, "Write a new version of this reply with the chat's current settings"),
               lambda r: _reply(r) and r.parent_id is not None),
    ActionSpec("regenerate_same", QT_TRANSLATE_NOOP(_T, "Same settings"), QT_TRANSLATE_NOOP(_T, "Regenerate with the same settings"),
               QT_TRANSLATE_NOOP(_T, "Write a new version with the settings this reply was made with (model, sampler, seed)"),
               lambda r: _reply(r) and r.parent_id is not None),
    ActionSpec("continue", QT_TRANSLATE_NOOP(_T, "Continue"), QT_TRANSLATE_NOOP(_T, "Continue"),
               QT_TRANSLATE_NOOP(_T, "Let the model continue this reply where it stopped"),
               lambda r: r.role == "assistant" and r.status in (Status.STOPPED, Status.INTERRUPTED)),
    ActionSpec("edit", QT_TRANSLATE_NOOP(_T, "Edit"), QT_TRANSLATE_NOOP(_T, "Edit and resend…"),
               QT_TRANSLATE_NOOP(_T, "Edit this message and send it again; the original stays as a version"),
               lambda r: r.role == "user"),
    ActionSpec("info", QT_TRANSLATE_NOOP(_T, "Info"), QT_TRANSLATE_NOOP(_T, "Reply info…"),
               QT_TRANSLATE_NOOP(_T, "How this reply was made: model, sampler, seed, tokens and timings"),
               _reply),
    ActionSpec("inspect", QT_TRANSLATE_NOOP(_T, "Look inside"), QT_TRANSLATE_NOOP(_T, "Look inside…"),
               QT_TRANSLATE_NOOP(_T, "See how the model made this reply: attention, the logit lens and each layer's contribution"),
               lambda r: _reply(r) and bool(r.content) and (r.provenance or {}).get("engine") != "remote"),
    ActionSpec("branch", QT_TRANSLATE_NOOP(_T, "Branch"), QT_TRANSLATE_NOOP(_T, "Branch into a new conversation"),
               QT_TRANSLATE_NOOP(_T, "Copy the conversation up to this message into a new chat"),
               _done),
    ActionSpec("delete", QT_TRANSLATE_NOOP(_T, "Delete"), QT_TRANSLATE_NOOP(_T, "Delete…"),
               QT_TRANSLATE_NOOP(_T, "Delete this message and the replies below it (you can undo)"),
               _done),
)

ACTION_NAMES = tuple(a.name for a in ACTIONS)


def actions_for(rec: MessageRecord) -> list[ActionSpec]:
    return [a for a in ACTIONS if a.applies(rec)]


def translated(text: str) -> str:
    return _tr(text)


class BarButton(QToolButton):
    """A tool button that Enter triggers as well as Space, and that hands Esc to the bar."""

    escape = Signal()

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(f"action_{name}")
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        set_icon(self, name)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escape.emit()
            return
        super().keyPressEvent(event)


class ActionBar(QWidget):
    """The buttons laid over one message's header while it is hovered or has keyboard focus."""

    triggered = Signal(str)  # action name
    step = Signal(int)  # -1 / +1: previous / next version
    probabilities_toggled = Signal(bool)
    escape = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("messageActions")
        self.setAccessibleName(_tr("Message actions"))
        self.setAutoFillBackground(True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(spacing.XS, 0, spacing.XS, 0)
        lay.setSpacing(0)  # icon buttons carry their own padding
        self.prev_button = self._button("previous_version", _tr("Previous version"), _tr("Previous version"), _tr("Show the previous version (Alt+Left)"))
        self.prev_button.clicked.connect(lambda: self.step.emit(-1))
        self.version = QLabel(self)
        self.version.setObjectName("versionLabel")
        self.next_button = self._button("next_version", _tr("Next version"), _tr("Next version"), _tr("Show the next version (Alt+Right)"))
        self.next_button.clicked.connect(lambda: self.step.emit(1))
        lay.addWidget(self.prev_button)
        lay.addWidget(self.version)
        lay.addWidget(self.next_button)
        self.buttons: dict[str, BarButton] = {}
        for spec in ACTIONS:
            button = self._button(spec.name, _tr(spec.label), _tr(spec.menu_label), _tr(spec.tip))
            button.clicked.connect(lambda _c=False, n=spec.name: self.triggered.emit(n))
            lay.addWidget(button)
            self.buttons[spec.name] = button
        self.probabilities = self._button("probabilities", _tr("Probabilities"), _tr("Show token probabilities"),
                                          _tr("Shade each token of this chat's replies by its probability; hover a token for "
                                              "the alternatives"))
        self.probabilities.setCheckable(True)
        self.probabilities.toggled.connect(self.probabilities_toggled)
        lay.addWidget(self.probabilities)
        self.more = self._button("more", _tr("More actions"), _tr("More actions"), _tr("More actions"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more)
        self.more_menu.setAccessibleName(_tr("More actions"))
        self.more.setMenu(self.more_menu)
        lay.addWidget(self.more)
        self.message_id = -1
        self._applicable: list[QToolButton] = []
        self.hide()

    def _button(self, name: str, text: str, accessible: str, tip: str) -> BarButton:
        button = BarButton(self, name)
        button.setText(text)
        button.setAccessibleName(accessible)
        button.setToolTip(tip)
        button.escape.connect(self.escape)
        return button

    def focus_order(self) -> list[QWidget]:
        """Every focusable button in visual order (hidden ones are skipped by Qt)."""
        return [self.prev_button, self.next_button, *self.buttons.values(), self.probabilities, self.more]

    def set_message(self, rec: MessageRecord, siblings: tuple[int, int] | None, probabilities: bool) -> None:
        self.message_id = rec.id
        names = {a.name for a in actions_for(rec)}
        for name, button in self.buttons.items():
            button.setVisible(name in names)
        has_versions = bool(siblings) and _done(rec)
        for w in (self.prev_button, self.version, self.next_button):
            w.setVisible(has_versions)
        if has_versions:
            assert siblings is not None
            pos, count = siblings
            self.version.setText(f"{pos}/{count}")
            self.version.setAccessibleName(_tr("Version {n} of {m}").format(n=pos, m=count))
            self.prev_button.setEnabled(pos > 1)
            self.next_button.setEnabled(pos < count)
        self.probabilities.setVisible(rec.role == "assistant")
        self.probabilities.blockSignals(True)
        self.probabilities.setChecked(probabilities)
        self.probabilities.blockSignals(False)
        self.more.hide()
        self._applicable = [b for b in [*self.buttons.values(), self.probabilities] if not b.isHidden()]

    def fit(self, width: int) -> None:
        """Move the last buttons into the More menu until the bar is at most ``width`` wide."""
        self.more_menu.clear()
        for b in self._applicable:
            b.show()
        self.more.hide()
        self.adjustSize()
        overflow: list[QToolButton] = []
        while self.sizeHint().width() > width and len(overflow) < len(self._applicable):
            if not overflow:
                self.more.show()
            button = self._applicable[-1 - len(overflow)]
            button.hide()
            overflow.append(button)
            self.adjustSize()
        for button in reversed(overflow):
            act = self.more_menu.addAction(button.accessibleName())
            act.setCheckable(button.isCheckable())
            act.setChecked(button.isChecked())
            act.triggered.connect(button.click)
        self.resize(self.sizeHint())

    def set_colour(self, colour) -> None:
        """Fill with the bubble's colour so the bar sits on the message, not over it."""
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, colour)
        self.setPalette(pal)

    def first_button(self) -> QWidget | None:
        for w in self.focus_order():
            if w.isVisible() and w.isEnabled():
                return w
        return None


def build_menu(menu: QMenu, rec: MessageRecord, emit: Callable[[str], None]) -> None:
    """The context menu's message actions (the same list as the bar)."""
    for spec in actions_for(rec):
        act = menu.addAction(_tr(spec.menu_label))
        act.setObjectName(f"menu_{spec.name}")
        act.setToolTip(_tr(spec.tip))
        act.triggered.connect(lambda _c=False, n=spec.name: emit(n))
