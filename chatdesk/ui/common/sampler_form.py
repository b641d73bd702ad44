"""The sampler fields of every editor (Preferences, the chat settings panel, the preset editor),
built from one table: ``chatdesk.chat.presets.SAMPLER_RANGES`` gives each value's type and range,
this module its step, words and tooltip. A range changed there changes all three editors.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QWidget

from chatdesk.chat.presets import SAMPLER_RANGES

SAMPLER_KEYS = tuple(SAMPLER_RANGES)  # the order every form shows them in
_STEPS = {"temperature": 0.05, "top_p": 0.01, "min_p": 0.01, "repeat_penalty": 0.01}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SamplerForm", text)


def sampler_label(key: str) -> str:
    return {
        "temperature": _tr("Temperature"),
        "top_p": _tr("Top-p"),
        "top_k": _tr("Top-k"),
        "min_p": _tr("Min-p"),
        "repeat_penalty": _tr("Repeat penalty"),
        "max_tokens": _tr("Max reply tokens"),
    }[key]


def sampler_tip(key: str) -> str:
    return {
        "temperature": _tr("Higher is more varied, lower is more predictable."),
        "top_p": _tr("Sample only from the most likely tokens that together reach this probability."),
        "top_k": _tr("Sample only from this many most likely tokens (0: no limit)."),
        "min_p": _tr("Leave out tokens less likely than this share of the most likely one."),
        "repeat_penalty": _tr("Above 1 discourages repeating recent tokens."),
        "max_tokens": _tr("The longest reply, in tokens."),
    }[key]


def sampler_spin(key: str, parent: QWidget, *, tracking: bool = True) -> QSpinBox | QDoubleSpinBox:
    """A spin box for the sampler value ``key``, with its range, step, name and tooltip."""
    kind, lo, hi = SAMPLER_RANGES[key]
    box: QSpinBox | QDoubleSpinBox
    if kind is int:
        box = QSpinBox(parent)
        box.setRange(int(lo), int(hi))
        box.setGroupSeparatorShown(True)
    else:
        box = QDoubleSpinBox(parent)
        box.setRange(float(lo), float(hi))
        box.setDecimals(2)
        box.setSingleStep(_STEPS.get(key, 0.01))
    box.setKeyboardTracking(tracking)
    box.setAccessibleName(sampler_label(key))
    box.setToolTip(sampler_tip(key))
    box.setAccessibleDescription(sampler_tip(key))
    return box
