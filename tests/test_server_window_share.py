"""The window's Local server serves the model the window has loaded without loading it twice.

A real window (offscreen) with the bundled model, its Server panel's real ``LocalServer`` on
127.0.0.1, real HTTP clients. The server borrows the window's engine; a reply typed in the window
while a client streams waits for at most one server token step and both complete; when the
window loads a model again, the request on the old engine stops and the next one borrows again.
"""

from __future__ import annotations

import threading
from dataclasses import replace

import httpx2
import pytest
from PySide6.QtCore import Qt
from tests_gui_support import make_window

from chatdesk.engine.sharing import EngineShare
from chatdesk.engine.types import LocalSource
from chatdesk.library import BUNDLED_ID
from chatdesk.ui.server.controller import ON

TIMEOUT_S = 300
TIMEOUT_MS = TIMEOUT_S * 1000


@pytest.fixture
def window(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path, max_tokens=24)
    yield win
    win.close()
    store.close()


def _serving(qtbot, win) -> str:
    panel = win.server.show()
    controller = panel.controller
    controller.settings = replace(controller.settings, port=0)
    controller.start()
    qtbot.waitUntil(lambda: controller.state == ON, timeout=TIMEOUT_MS)
    return controller.url


class _Stream:
    """One streaming completion in a thread: its chunks and finish reason."""

    def __init__(self, url: str, max_tokens: int) -> None:
        self.body = {"model": BUNDLED_ID, "prompt": "1, 2, 3,", "max_tokens": max_tokens, "stream": True,
                     "ignore_eos": True}
        self.url = url
        self.chunks = 0
        self.finish: list[str] = []
        self.started = threading.Event()
        self.thread = threading.Thread(target=self._run)
        self.thread.start()

    def _run(self) -> None:
        with httpx2.stream("POST", self.url + "/completions", json=self.body, timeout=TIMEOUT_S) as r:
            for line in r.iter_lines():
                if line.startswith("data: {"):
                    self.chunks += 1
                    if self.chunks >= 3:
                        self.started.set()
                    compact = line.replace(" ", "")
                    if '"finish_reason":"' in compact:
                        self.finish.append(compact.split('"finish_reason":"')[1].split('"')[0])

    def join(self) -> None:
        self.thread.join(TIMEOUT_S)
        assert not self.thread.is_alive()


def test_the_server_borrows_the_windows_model_and_the_window_goes_first(qtbot, window):
    share = window.engine_share
    assert isinstance(share, EngineShare) and share.path is not None  # lent once the model loaded
    url = _serving(qtbot, window)
    server = window.server.controller.server
    stream = _Stream(url, max_tokens=200)
    assert stream.started.wait(TIMEOUT_S)
    [slot] = server.pool.loaded()
    assert slot.engine is window.inference.worker.engine and not slot.owned  # one copy of the model
    preemptions = share.gate.preemptions

    with qtbot.waitSignal(window.controller.reply_finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.keyClicks(window.composer.edit, "Say hello.")
        qtbot.keyClick(window.composer.edit, Qt.Key.Key_Return)
    assert blocker.args[0].status == "done" and blocker.args[0].result.text.strip()
    stream.join()
    assert stream.finish == ["length"] and stream.chunks >= 200
    # The window's reply came between two server tokens (unless the stream had already ended).
    assert share.gate.preemptions > preemptions or server.queue.requests()[-1].finished is not None
    assert window.chat_view.model_.records()[-1].content == blocker.args[0].result.text


def test_loading_again_stops_the_borrowed_request_and_the_next_borrows_again(qtbot, window, model_path):
    url = _serving(qtbot, window)
    server = window.server.controller.server
    stream = _Stream(url, max_tokens=2000)
    assert stream.started.wait(TIMEOUT_S)
    with qtbot.waitSignal(window.inference.worker.load_finished, timeout=TIMEOUT_MS):
        window.inference.request_load(LocalSource(model_path, window.settings.load))
    stream.join()
    assert stream.finish == ["stopped"] and stream.chunks < 2000
    assert server.queue.requests()[-1].stop_reason == "shutdown"
    assert server.pool.loaded() == []  # let go with the old engine

    reply = httpx2.post(url + "/completions", json={"model": BUNDLED_ID, "prompt": "Hi", "max_tokens": 3},
                        timeout=TIMEOUT_S)
    assert reply.status_code == 200 and reply.json()["choices"][0]["finish_reason"] in ("stop", "length")
    [slot] = server.pool.loaded()
    assert slot.engine is window.inference.worker.engine and not slot.owned
