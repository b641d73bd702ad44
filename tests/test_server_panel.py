"""The window's Server panel drives the real server: start, a real client's request listed and
stopped from the panel, the log, the safety rules said in words, stop.

Real ``LocalServer`` on 127.0.0.1 (a free port), the bundled model, real widgets (offscreen), a
real HTTP client.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import replace

import httpx2
import pytest
from PySide6.QtCore import Qt

from chatdesk.library import BUNDLED_ID
from chatdesk.server import keys as server_keys
from chatdesk.ui.server.controller import OFF, ON, ServerController
from chatdesk.ui.server.panel import LAN_HOST, ServerPanel

TIMEOUT_MS = 300_000


@pytest.fixture
def panel(qtbot, data_dir, memory_keyring):
    controller = ServerController()
    controller.settings = replace(controller.settings, port=0)  # any free port
    p = ServerPanel(controller)
    qtbot.addWidget(p)
    p.show()
    yield p
    controller.shutdown()


def _start(qtbot, panel):
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.controller.state == ON, timeout=TIMEOUT_MS)
    return panel.controller.url


def test_start_serve_list_stop_a_request_and_stop(qtbot, panel):
    url = _start(qtbot, panel)
    assert url.startswith("http://127.0.0.1:") and url.endswith("/v1")
    assert panel.copy_url.isEnabled() and not panel.port.isEnabled()  # settings are fixed while serving
    root = url[: -len("/v1")]
    assert httpx2.get(root + "/health", timeout=30).status_code == 200
    models = httpx2.get(url + "/models", timeout=30).json()["data"]
    assert BUNDLED_ID in [m["id"] for m in models]

    finish: list[str] = []
    first = threading.Event()

    def consume() -> None:
        body = {"model": BUNDLED_ID, "prompt": "1, 2, 3,", "max_tokens": 400, "stream": True, "ignore_eos": True}
        with httpx2.stream("POST", url + "/completions", json=body, timeout=300, headers={"User-Agent": "panel-test/1"}) as r:
            for line in r.iter_lines():
                if line.startswith("data: {"):
                    first.set()
                    if '"finish_reason":"' in line.replace(" ", ""):
                        finish.append(line.split('"finish_reason":')[1].split('"')[1])

    t = threading.Thread(target=consume)
    t.start()
    assert first.wait(300)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    assert panel.table.item(0, 0).text().startswith("panel-test/1") and panel.table.item(0, 1).text() == BUNDLED_ID
    panel.table.selectRow(0)
    assert panel.stop_request.isEnabled()
    qtbot.mouseClick(panel.stop_request, Qt.MouseButton.LeftButton)
    t.join(300)
    assert finish == ["stopped"]
    qtbot.waitUntil(lambda: panel.controller.requests()[0].state == "stopped", timeout=10_000)
    qtbot.waitUntil(lambda: "panel-test/1" in panel.log.toPlainText(), timeout=10_000)

    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.controller.state == OFF, timeout=60_000)
    with pytest.raises(httpx2.TransportError):
        httpx2.get(root + "/health", timeout=5)
    assert panel.port.isEnabled()


def test_other_computers_need_a_key_first(qtbot, panel):
    panel.where.setCurrentIndex(panel.where.findData(LAN_HOST))  # the explicit choice
    assert panel.controller.settings.host == LAN_HOST and "key" in panel.key_state.text()
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert panel.controller.state == OFF and panel.message.isVisible()
    assert "API key" in panel.message.text() and "was not started" in panel.message.text()
    qtbot.mouseClick(panel.new_key, Qt.MouseButton.LeftButton)
    key = panel.key_field.text()
    assert panel.key_field.isVisible() and len(key) >= 32
    assert server_keys.stored_key() == key  # kept in the keyring
    panel.close()  # shown once: a new panel does not show the key again
    again = ServerPanel(panel.controller)
    qtbot.addWidget(again)
    assert not again.key_field.isVisible() and key not in again.key_field.text()


def test_a_port_in_use_is_said_in_words(qtbot, panel):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        panel.port.setValue(port)
        assert panel.controller.settings.port == port
        qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.controller.state == OFF and panel.message.isVisible(), timeout=60_000)
        assert str(port) in panel.message.text() and "in use" in panel.message.text()
