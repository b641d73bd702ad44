"""What the translation tests share: scripts/i18n.py loaded as a module, and the zh_CN fixture."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from chatdesk.ui.app import i18n

ROOT = Path(__file__).resolve().parent.parent


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_tool"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


i18n_tool = _tool()


@pytest.fixture
def chinese(qapp):
    """The interface in Simplified Chinese for one test, then back as it was."""
    before = QLocale()
    installed = i18n.install(qapp, "zh_CN")
    yield installed
    i18n.uninstall(qapp)
    QLocale.setDefault(before)
