"""PySide6's per-import check (does this module use PySide6?) answers as PySide6's own does,
from the file's bytes (chatdesk/ui/app/pyside_feature.py)."""

from __future__ import annotations

import importlib
import sys

import pytest
from probe_support import assert_probe_ok

import chatdesk.ui  # noqa: F401 - installs the check
from chatdesk.ui.app import pyside_feature

MODULES = [
    "chatdesk.ui.shell.main_window",  # uses PySide6
    "chatdesk.ui.app.startup",
    "PySide6.support",  # PySide6's own Python
    "chatdesk.store.store",  # does not
    "chatdesk.engine.llama_engine",
    "json",
    "sys",  # built in: no file
    "numpy.core",
]


@pytest.mark.parametrize("name", MODULES)
def test_the_answer_is_pyside6_s_own(name):
    feature = sys.modules["shibokensupport.feature"]
    module = importlib.import_module(name)
    original = getattr(feature._mod_uses_pyside, "__closure__", None)
    assert original, "the installed check wraps PySide6's"
    pyside_own = next(c.cell_contents for c in original if callable(c.cell_contents))
    assert pyside_feature.uses_pyside(module, pyside_own) == pyside_own(module)


def test_installed_for_the_modules_imported_after_chatdesk_ui():
    probe = (
        "import sys\n"
        "import chatdesk.ui\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "assert getattr(feature._mod_uses_pyside, 'chatdesk_fast', False)\n"
        "import chatdesk.ui.shell.main_window, chatdesk.store.store\n"
        "d = feature.pyside_feature_dict\n"
        "ui = {k: v for k, v in d.items() if k.startswith('chatdesk.ui.') and k.count('.') > 2}\n"
        "store = {k: v for k, v in d.items() if k.startswith('chatdesk.store.')}\n"
        "assert ui and set(ui.values()) == {0}, ui\n"
        "assert store and set(store.values()) == {-1}, store\n"
        "print('ok')\n"
    )
    assert_probe_ok(probe)
