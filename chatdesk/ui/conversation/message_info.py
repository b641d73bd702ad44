"""The "Reply info" dialog: how a reply was made (its provenance), in readable rows.

Labels, the status and the stop reason are the interface's words (translated); the values —
model names, hashes, the system prompt, numbers — are data and shown as recorded.
"""

from __future__ import annotations

import json
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from chatdesk.store import MessageRecord

LABELS = [
    ("model_name", QT_TRANSLATE_NOOP("ReplyInfoDialog", "Model")),
    ("quantization", QT_TRANSLATE_NOOP("ReplyInfoDialog", "Quantization")),
    ("model_sha256", QT_TRANSLATE_NOOP("ReplyInfoDialog", "Model SHA-256")),
    ("chat_template", QT_TRANSLATE_NOOP("ReplyInfoDialog", "Chat template")),
    ("chat_template_sha256", QT_TRANSLATE_NOOP("ReplyInfoDialog", "Template SHA-256")),
    ("system_prompt", QT_TRANSLATE_NOOP("ReplyInfoDialog", "System prompt")),
    ("sampler", QT_TRANSLATE_NOOP("ReplyInfoDialog", "Sampler")),
    ("seed", QT_TRANSLATE_NOOP("ReplyInfoDialog", "Seed")),
    ("n_ctx", QT_TRANSLATE_NOOP("ReplyInfoDialog", "Context size")),
    ("gpu_layers", QT_TRANSLATE_NOOP("ReplyInfoDialog", "GPU layers")),
    ("prompt_tokens", QT_TRANSLATE_NOOP("ReplyInfoDialog", "Prompt tokens")),
    ("reply_tokens", QT_TRANSLATE_NOOP("ReplyInfoDialog", "Reply tokens")),
    ("cached_tokens", QT_TRANSLATE_NOOP("ReplyInfoDialog", "Reused from cache")),
    ("ttft_ms", QT_TRANSLATE_NOOP("ReplyInfoDialog", "Time to first token (ms)")),
    ("tokens_per_s", QT_TRANSLATE_NOOP("ReplyInfoDialog", "Tokens per second")),
    ("stop_reason", QT_TRANSLATE_NOOP("ReplyInfoDialog", "Stop reason")),
]
STATUS_WORDS = {
    "streaming": QT_TRANSLATE_NOOP("ReplyInfoDialog", "being written"),
    "done": QT_TRANSLATE_NOOP("ReplyInfoDialog", "complete"),
    "stopped": QT_TRANSLATE_NOOP("ReplyInfoDialog", "stopped"),
    "error": QT_TRANSLATE_NOOP("ReplyInfoDialog", "failed"),
    "interrupted": QT_TRANSLATE_NOOP("ReplyInfoDialog", "interrupted"),
}
STOP_REASONS = {
    "end": QT_TRANSLATE_NOOP("ReplyInfoDialog", "the model finished"),
    "length": QT_TRANSLATE_NOOP("ReplyInfoDialog", "the reply length limit"),
    "user": QT_TRANSLATE_NOOP("ReplyInfoDialog", "stopped by you"),
    "error": QT_TRANSLATE_NOOP("ReplyInfoDialog", "an error"),
}


SAMPLER_WORDS = {
    "temperature": QT_TRANSLATE_NOOP("ReplyInfoDialog", "temperature"),
    "top_p": QT_TRANSLATE_NOOP("ReplyInfoDialog", "top-p"),
    "top_k": QT_TRANSLATE_NOOP("ReplyInfoDialog", "top-k"),
    "min_p": QT_TRANSLATE_NOOP("ReplyInfoDialog", "min-p"),
    "repeat_penalty": QT_TRANSLATE_NOOP("ReplyInfoDialog", "repeat penalty"),
    "max_tokens": QT_TRANSLATE_NOOP("ReplyInfoDialog", "max reply tokens"),
    "seed": QT_TRANSLATE_NOOP("ReplyInfoDialog", "seed"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReplyInfoDialog", text)


def _value(key: str, value: object) -> str:
    if key == "stop_reason" and isinstance(value, str) and value in STOP_REASONS:
        return _tr(STOP_REASONS[value])
    if key == "sampler" and isinstance(value, dict):
        return " · ".join(f"{_tr(SAMPLER_WORDS[k]) if k in SAMPLER_WORDS else k} {_sampler_value(k, v)}" for k, v in value.items())
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else str(value)


def _sampler_value(key: str, value: object) -> str:
    return _tr("random") if key == "seed" and value is None else str(value)


def _row(form: QFormLayout, label: str, text: str, parent: QWidget) -> None:
    value = QLabel(text, parent)
    value.setWordWrap(True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    value.setAccessibleName(label)
    value.setAccessibleDescription(text)
    name = QLabel(label, parent)
    name.setBuddy(value)
    name.setAccessibleName(label)
    form.addRow(name, value)


def show_message_info(parent: QWidget, rec: MessageRecord) -> QDialog:
    dlg = QDialog(parent)
    dlg.setObjectName("replyInfoDialog")
    dlg.setWindowTitle(_tr("Reply info"))
    dlg.setAccessibleName(_tr("Reply info"))
    form = QFormLayout()
    _row(form, _tr("Written"), datetime.fromtimestamp(rec.created_at).strftime("%Y-%m-%d %H:%M:%S"), dlg)
    status = _tr(STATUS_WORDS[rec.status]) if rec.status in STATUS_WORDS else rec.status
    _row(form, _tr("Status"), status + (f" — {rec.error}" if rec.error else ""), dlg)
    prov = rec.provenance or {}
    for key, label in LABELS:
        if key in prov and prov[key] is not None:
            _row(form, _tr(label), _value(key, prov[key]), dlg)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dlg)
    buttons.setAccessibleName(_tr("Dialog buttons"))
    for b in buttons.buttons():
        b.setAccessibleName(b.text().replace("&", ""))
    buttons.rejected.connect(dlg.reject)
    lay = QVBoxLayout(dlg)
    lay.addLayout(form)
    lay.addWidget(buttons)
    dlg.setModal(False)
    dlg.show()
    return dlg
