"""Look inside…: the inspector window over the real bundled model (llama.cpp's own evaluation),
from a typed text and from a reply in the chat; hover, head grid, logit lens, contributions, the
pipeline, export and Cancel. Real widgets (offscreen), real model, real SQLite file.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from tests_gui_support import make_window

from chatdesk.ui.inspector.window import MEAN, InspectorWindow

TIMEOUT_MS = 300_000
TEXT = "The capital of France is Paris. The capital of Italy is"


@pytest.fixture
def inspected(qtbot, model_path):
    win = InspectorWindow("a text")
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.ready, timeout=TIMEOUT_MS):
        win.start(model_path, text=TEXT)
    return win  # qtbot closes it (and closing deletes the inspection's files)


def test_a_typed_text_is_inspected_with_every_view(qtbot, inspected, tmp_path):
    win = inspected
    ins = win.data.inspection
    t, n_layer = ins.n_tokens, ins.model.n_layer
    assert t > 5 and win.tabs.isEnabled() and not win.progress.isVisible()
    # Attention over the text: hover a token, its weights over the earlier tokens sum to 1.
    view = win.tokens_view
    q = t - 1
    qtbot.mouseMove(view, view.token_rect(q).center())
    qtbot.waitUntil(lambda: view.query == q, timeout=5000)
    assert view.weights is not None and view.weights.shape == (q + 1,)
    assert abs(float(view.weights.sum()) - 1.0) < 1e-3  # after softmax, over keys 0..q
    mean = view.weights.copy()
    win.head.setCurrentIndex(win.head.findData(0))
    assert win.head.currentData() == 0 and not np.allclose(view.weights, mean)  # one head differs from the mean
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.query == q - 1 and view.weights.shape == (q,)
    # The layer x head grid is computed off the GUI thread; a click chooses that head.
    qtbot.waitUntil(lambda: win.grid._thumbs is not None, timeout=60_000)
    assert win.grid._thumbs.shape[:2] == (n_layer, ins.model.n_head)
    qtbot.mouseClick(win.grid, Qt.MouseButton.LeftButton, pos=QPoint(40 + 2 * 30 + 5, 20 + 3 * 30 + 5))
    assert (win.layer.currentData(), win.head.currentData()) == (3, 2)
    # The logit lens: one row per token, a column per layer plus the output.
    lens = win.lens_model
    assert lens.rowCount() == t and lens.columnCount() == n_layer + 1
    top = lens.top(t - 1, n_layer)
    assert len(top) == 5 and top[0][1] >= top[1][1]
    assert lens.data(lens.index(0, 0)).endswith("%")
    # Contributions: three curves; the pipeline names the model's real sizes and links to the views.
    assert len(win.plot.getPlotItem().listDataItems()) == 3
    win.position.setCurrentIndex(win.position.findData(2))
    assert len(win.plot.getPlotItem().listDataItems()) == 3
    html = win.pipeline.toHtml()
    assert f"{n_layer} layers" in html and str(ins.model.n_embd) in html and MEAN == -1
    win.pipeline.anchorClicked.emit(__import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl("view:lens"))  # a click on the link
    assert win.tabs.currentIndex() == 1
    # Export: the documented JSON and a PNG of the view on screen.
    out = tmp_path / "inspection.json"
    win.write_json(str(out))
    qtbot.waitUntil(out.exists, timeout=60_000)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["n_layer"] == n_layer and len(data["tokens"]) == t and len(data["attention"]) == n_layer
    png = tmp_path / "lens.png"
    assert win.write_png(str(png)) and not QImage(str(png)).isNull()


def test_cancel_stops_the_inspection(qtbot, model_path):
    win = InspectorWindow("a long text")
    qtbot.addWidget(win)
    win.show()
    win.start(model_path, text="word " * 400)
    win.cancel()
    qtbot.waitUntil(lambda: not win.progress.isVisible(), timeout=TIMEOUT_MS)
    assert win.data is None and not win.tabs.isEnabled() and "Cancel" in win.facts.text()
    win.close()


def test_look_inside_a_reply_from_the_chat(qtbot, data_dir, model_path):
    main, store = make_window(qtbot, data_dir, model_path)
    try:
        with qtbot.waitSignal(main.controller.reply_finished, timeout=120_000) as done:
            main._send("Say hello.")
        reply_id = done.args[0].job.assistant_message_id
        main.chat_view.action_requested.emit("inspect", reply_id)
        win = next(w for w in QApplication.topLevelWidgets() if isinstance(w, InspectorWindow))
        qtbot.waitUntil(lambda: win.data is not None, timeout=TIMEOUT_MS)
        ins = win.data.inspection
        reply = store.get_message(reply_id)
        assert ins.prompt_tokens and ins.prompt_tokens == reply.provenance["prompt_tokens"]  # the prompt, rebuilt exactly
        assert ins.n_tokens > ins.prompt_tokens  # + the reply's own tokens
        assert win.data.source == {"kind": "reply", "conversation": main.controller.current_id, "message": reply_id}
        win.close()
    finally:
        main.close()
        store.close()
