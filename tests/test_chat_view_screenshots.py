"""Screenshots of the conversation view on a real X server (Xvfb), for a person to look at.

``chat_view_screenshot_app.py`` runs the real window with the bundled model and saves, into
``artifacts/``: a reply with part of its code block selected, and the probability view with a
token's alternatives (light and dark palettes). This test checks they were made from the states
they claim to show.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from xvfb_support import private_display

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"


def test_screenshots_of_a_selected_code_block_and_of_the_probability_view(data_dir):
    with private_display() as display:
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", CHATDESK_HOME=str(data_dir))
        proc = subprocess.run([sys.executable, str(Path(__file__).with_name("chat_view_screenshot_app.py")), str(ARTIFACTS)],
                              env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-4000:]
    facts = json.loads(proc.stdout.strip().splitlines()[-1])
    assert facts["selected"].startswith("def count_words") and facts["selected"].endswith("return len(text.split())")
    assert facts["alternatives"] >= 5 and "temperature" in facts["sampler"]
    for shot in facts["shots"]:
        image = QImage(shot)
        assert image.width() >= 1100 and image.height() >= 720, shot
        colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}
        assert len(colours) > 20, f"{shot} looks blank"
