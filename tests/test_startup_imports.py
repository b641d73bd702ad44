"""What the window's modules import before it shows: not what only the model load needs.

The start-up model loads on its own thread meanwhile (chatdesk/engine/early_load.py), importing
llama-cpp-python, numpy and jinja2 there; the window's thread must not import them too (all
imports hold the GIL both threads share).
"""

from __future__ import annotations

import os

from probe_support import assert_probe_ok


def test_the_window_s_modules_leave_numpy_and_llama_cpp_to_the_model_load():
    probe = (
        "import sys\n"
        "import chatdesk.ui.app.startup, chatdesk.ui.shell.main_window, chatdesk.ui.shell.model_actions\n"
        "heavy = [n for n in ('numpy', 'llama_cpp', 'jinja2') if n in sys.modules]\n"
        "assert not heavy, heavy\n"
        "print('ok')\n"
    )
    assert_probe_ok(probe, env={"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")})
