"""The "Reply info" dialog: how a reply was made (its provenance), in readable rows."""

from __future__ import annotations

import json
from datetime import datetime

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from chatdesk.store import MessageRecord

LABELS = [
    ("model_name", "Model"),
    ("quantization", "Quantization"),
    ("model_sha256", "Model SHA-256"),
    ("chat_template", "Chat template"),
    ("chat_template_sha256", "Template SHA-256"),
    ("system_prompt", "System prompt"),
    ("sampler", "Sampler"),
    ("seed", "Seed"),
    ("n_ctx", "Context size"),
    ("gpu_layers", "GPU layers"),
    ("prompt_tokens", "Prompt tokens"),
    ("reply_tokens", "Reply tokens"),
    ("cached_tokens", "Reused from cache"),
    ("ttft_ms", "Time to first token (ms)"),
    ("tokens_per_s", "Tokens per second"),
    ("stop_reason", "Stop reason"),
]


def show_message_info(parent: QWidget, rec: MessageRecord) -> QDialog:
    dlg = QDialog(parent)
    dlg.setWindowTitle("Reply info")
    form = QFormLayout()
    form.addRow("Written", QLabel(datetime.fromtimestamp(rec.created_at).strftime("%Y-%m-%d %H:%M:%S")))
    form.addRow("Status", QLabel(rec.status + (f" — {rec.error}" if rec.error else "")))
    prov = rec.provenance or {}
    for key, label in LABELS:
        if key in prov and prov[key] is not None:
            value = prov[key]
            text = json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else str(value)
            lab = QLabel(text)
            lab.setWordWrap(True)
            lab.setTextInteractionFlags(lab.textInteractionFlags() | lab.textInteractionFlags().TextSelectableByMouse)
            form.addRow(label, lab)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dlg.reject)
    lay = QVBoxLayout(dlg)
    lay.addLayout(form)
    lay.addWidget(buttons)
    dlg.setModal(False)
    dlg.show()
    return dlg
