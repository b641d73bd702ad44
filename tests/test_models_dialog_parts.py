"""The parts split out of the model dialogs, each on its own: the Hub search panel (real
huggingface_hub client against the local Hub stand-in, tests/hub_server.py) and the removal
question (real Qt message box, offscreen). The dialogs around them are tested in
tests/test_download_dialog_search.py and tests/test_library_window.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from hub_server import HubServer
from PySide6.QtWidgets import QSizePolicy

from chatdesk.library import ModelEntry
from chatdesk.library.catalog.removal import is_owned
from chatdesk.ui.models.hub_search_panel import HubSearchPanel
from chatdesk.ui.models.removal_question import RemovalQuestion

GGUF = b"GGUF" + b"\0" * 100
QWEN = "Qwen/Qwen2.5-0.5B-Instruct-GGUF"


@pytest.fixture
def hub(monkeypatch):
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    with HubServer() as srv:
        srv.add_repo(QWEN, {"qwen-q4_k_m.gguf": GGUF, "qwen-q8_0.gguf": GGUF * 2}, downloads=900, tags=("gguf", "zh", "en"))
        monkeypatch.setenv("HF_ENDPOINT", srv.endpoint)
        yield srv


def test_the_search_panel_finds_hits_and_says_which_was_chosen(qtbot, hub):
    panel = HubSearchPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.results.isVisible() and panel.sizePolicy().verticalPolicy() == QSizePolicy.Policy.Maximum
    messages, chosen = [], []
    panel.message.connect(lambda text, kind: messages.append((text, kind)))
    panel.chosen.connect(lambda repo, filename: chosen.append((repo, filename)))
    panel.search.setText("qwen instruct")
    with qtbot.waitSignal(panel.message, timeout=60_000, check_params_cb=lambda text, _kind: "found" in text):
        panel.search_button.click()
    assert panel.hit_names() == [QWEN] and panel.results.isVisible()
    assert panel.sizePolicy().verticalPolicy() == QSizePolicy.Policy.Expanding
    top = panel.results.topLevelItem(0)
    assert sorted(top.child(i).text(0) for i in range(top.childCount())) == ["qwen-q4_k_m.gguf", "qwen-q8_0.gguf"]
    panel.choose_hit(top)
    q8 = next(top.child(i) for i in range(top.childCount()) if top.child(i).text(0) == "qwen-q8_0.gguf")
    panel.choose_hit(q8)
    assert chosen == [(QWEN, None), (QWEN, "qwen-q8_0.gguf")]
    panel.set_busy(True)  # while the dialog downloads, nothing can be chosen
    panel.choose_hit(q8)
    assert len(chosen) == 2 and not panel.results.isEnabled()
    assert messages[0][0].startswith("Searching Hugging Face for “qwen instruct”")


def test_an_empty_search_result_says_so(qtbot, hub):
    panel = HubSearchPanel()
    qtbot.addWidget(panel)
    panel.search.setText("no-such-model-anywhere")
    with qtbot.waitSignal(panel.message, timeout=60_000, check_params_cb=lambda text, _kind: "No GGUF models" in text):
        panel.search_hub()
    assert panel.hit_names() == []


def entry(source: str, path: str | None = None) -> ModelEntry:
    return ModelEntry(id="m1", name="Tiny", source=source, path=path, file_size=2048,
                      remote_url="http://gpu:8080/v1" if source == "remote" else None)


def buttons(box: RemovalQuestion) -> dict[str, object]:
    return {b.objectName(): b for b in box.buttons() if b.objectName()}


@pytest.mark.parametrize(("source", "owned", "offered"), [
    ("remote", False, ["removeKeep"]),
    ("imported", True, ["removeDelete"]),
    ("added", False, ["removeDelete", "removeKeep"]),
])
def test_the_removal_question_offers_what_may_be_deleted(qtbot, source, owned, offered):
    box = RemovalQuestion(entry(source, None if source == "remote" else "/data/models/tiny.gguf"), owned)
    qtbot.addWidget(box)
    assert sorted(buttons(box)) == offered
    assert all(b.accessibleName() for b in box.buttons())
    answers = []
    box.remove.connect(answers.append)
    box.open()
    with qtbot.waitSignal(box.finished, timeout=5_000):
        buttons(box)[offered[0]].click()
    assert answers == [offered[0] == "removeDelete"]


def test_cancel_removes_nothing(qtbot):
    box = RemovalQuestion(entry("added", "/home/me/tiny.gguf"), owned=False)
    qtbot.addWidget(box)
    answers = []
    box.remove.connect(answers.append)
    box.open()
    with qtbot.waitSignal(box.finished, timeout=5_000):
        box.reject()
    assert answers == [] and "stays on disk" in box.text()


def test_only_files_in_the_models_folder_are_chatdesks_copies(tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    assert is_owned(entry("imported", str(models / "a.gguf")), models)
    assert not is_owned(entry("added", str(tmp_path / "a.gguf")), models)
    assert not is_owned(entry("remote"), models)
    assert not is_owned(entry("added", str(Path("relative.gguf"))), models)
