"""Helpers for the model library window tests: real GGUF copies, Hugging Face cache filling, and
an accessibility check that walks a window's widgets."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QToolBar,
    QWidget,
)

CHECKED_KINDS = (QAbstractButton, QAbstractItemView, QComboBox, QLabel, QLineEdit, QProgressBar, QToolBar)


def place_model(model_path: str, dest: Path) -> Path:
    """A copy of the bundled GGUF at ``dest`` (a hard link when the disk allows it)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(model_path, dest)
    except OSError:
        shutil.copyfile(model_path, dest)
    return dest


def fill_hf_cache(hub, repo_id: str, filename: str) -> Path:
    """Download one file from the local Hub stand-in into HF_HUB_CACHE, as other HF tools would."""
    from huggingface_hub import hf_hub_download

    return Path(hf_hub_download(repo_id, filename, cache_dir=os.environ["HF_HUB_CACHE"], endpoint=hub.endpoint))


def unnamed_widgets(root: QWidget) -> list[str]:
    """Interactive or informative widgets under ``root`` (Qt's own internals excepted) without an
    accessible name."""
    missing = []
    for w in [root, *root.findChildren(QWidget)]:
        if not isinstance(w, CHECKED_KINDS):
            continue
        name = w.objectName()
        if name.startswith("qt_") or _inside_qt_internal(w):
            continue
        if not w.accessibleName():
            missing.append(f"{type(w).__name__}({name or (w.text() if hasattr(w, 'text') else '')!r})")
    return missing


def _inside_qt_internal(w: QWidget) -> bool:
    """Widgets Qt builds itself: a combo box's popup, a table's corner button, scroll bars,
    a toolbar's extension button, a line edit's clear button."""
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QComboBox) and w is not p:
            return True
        if p.objectName().startswith("qt_"):
            return True
        p = p.parentWidget()
    cls = type(w).__name__
    return cls in ("QToolBarExtension", "QLineEditIconButton") or (
        isinstance(w, (QAbstractButton, QAbstractItemView)) and isinstance(w.parentWidget(), (QAbstractItemView, QLineEdit))
    )
